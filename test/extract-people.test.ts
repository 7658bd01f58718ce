// People the gazetteer does not know, found by how news introduces them (data/lang/*/people.json, mentions.ts),
// and spellings of known names the feeds use. Every sentence is invented for the test.
import { describe, expect, it } from 'vitest';
import { arabicArticleVariants } from '../src/extract/gazetteer.js';
import { detectMentions, translitKey } from '../src/extract/mentions.js';
import { readArticle } from '../src/read/index.js';
import { edges, fragmentOf } from './helpers/quality.js';

interface LeaderView { label: string; role?: string; country?: string }

function leaders(text: string, lang: 'it' | 'en'): LeaderView[] {
  return fragmentOf(text, '2026-03-10', lang).nodes.filter((n) => n.attributes.kind === 'leader')
    .map((n) => ({ label: String(n.attributes.label), role: n.attributes.role as string | undefined, country: n.attributes.country as string | undefined }));
}
const labels = (text: string, lang: 'it' | 'en') => leaders(text, lang).map((l) => l.label).sort();
const person = (text: string, lang: 'it' | 'en', label: string) => leaders(text, lang).find((l) => l.label === label);
const alliances = (text: string, lang: 'it' | 'en') => fragmentOf(text, '2026-03-10', lang).nodes
  .filter((n) => n.attributes.kind === 'alliance').map((n) => String(n.attributes.label)).sort();

describe('a role, a comma, then the name', () => {
  it('takes a name closed by punctuation as the holder of a role that names no state', () => {
    expect(labels('Martedì il numero uno del Sismi, Marco Neri, ha incontrato Hakan Fidan ad Ankara.', 'it')).toContain('Marco Neri');
    expect(person("The talks were attended by the country's former finance minister, Peter Gray.", 'en', 'Peter Gray')?.role).toBe('Finance Minister');
  });
  it("takes \"the country's\" for the country last named", () => {
    expect(person("Warrants were issued for Israeli Prime Minister Benjamin Netanyahu and the country's former finance minister, Peter Gray.", 'en', 'Peter Gray')?.country).toBe('Israel');
  });
  it('reads a short complement of the title before the comma', () => {
    expect(labels('Lo ha detto il sottosegretario al Tesoro per il terrorismo, Marco Gialli, in una nota.', 'it')).toEqual(['Marco Gialli']);
    expect(person('Il numero due del Pentagono, Mario Rossi, ha incontrato Hakan Fidan.', 'it', 'Mario Rossi')?.country).toBe('United States');
  });
  it('reads where an ambassador is posted apart from the country served', () => {
    expect(person('Lo ha scritto il console generale cinese a Nagoya, Wei Lan, sui social.', 'it', 'Wei Lan')?.country).toBe('China');
    expect(person('Claudia Sheinbaum received the Canadian ambassador to Mexico, Laura Stone, on Monday.', 'en', 'Laura Stone'))
      .toEqual({ label: 'Laura Stone', role: 'Ambassador', country: 'Canada' });
    expect(person("Ieri l'ambasciatore francese in Algeria, Paul Durand, ha visto il presidente Abdelmadjid Tebboune.", 'it', 'Paul Durand')?.country).toBe('France');
  });
  it("takes the country from a ministry named with it: \"a spokesperson for Brazil's Foreign Ministry\"", () => {
    expect(person("A spokesperson for Brazil's Foreign Ministry, Ana Costa, told reporters the visit was confirmed.", 'en', 'Ana Costa'))
      .toEqual({ label: 'Ana Costa', role: 'Spokesperson', country: 'Brazil' });
  });
  it("does not make a leader of a company's spokesperson, named before or after the role", () => {
    expect(labels('Gazprom spokesman Sergei Kuprin said the flows would resume.', 'en')).toEqual([]);
    expect(labels('Il portavoce di Gazprom Sergei Kuprin ha detto che i flussi riprenderanno.', 'it')).toEqual([]);
    expect(person('State Department spokesman Tom Lane said so.', 'en', 'Tom Lane')?.country).toBe('United States');
    expect(person('Il portavoce del Dipartimento di Stato Tom Lane ha parlato.', 'it', 'Tom Lane')?.country).toBe('United States');
  });
  it('does not make a leader of a spokesperson who serves no state', () => {
    expect(labels('A spokesperson for the company, John Smith, said the deal was off.', 'en')).toEqual([]);
    expect(labels('John Smith, a spokesperson for Acme, said the deal was off.', 'en')).toEqual([]);
  });
});

describe('the name, a comma, then the role', () => {
  it('reads a determiner, modifiers and a nationality before the role', () => {
    expect(person('Jane Roe, the former Kenyan prime minister who founded a new party, met William Ruto.', 'en', 'Jane Roe'))
      .toEqual({ label: 'Jane Roe', role: 'Prime Minister', country: 'Kenya' });
    expect(person("Tom Reed, the Treasury's Under Secretary for Sanctions, said the list would grow.", 'en', 'Tom Reed')?.role).toBe('Undersecretary');
  });
  it("reads a common noun as possessor: \"the country's foreign minister\"", () => {
    expect(person("The plan was criticised by Jane Roe, the country's foreign minister, on Monday.", 'en', 'Jane Roe')?.role).toBe('Foreign Minister');
    expect(labels("He met Anna Berg, the company's chief executive, in Brussels.", 'en')).toEqual([]);
  });
  it('reads the role after "who serves as" or "come" inside the apposition, with the country named on the way', () => {
    expect(person("Sam Lee, who serves as the US president's envoy, arrived in Minsk.", 'en', 'Sam Lee'))
      .toEqual({ label: 'Sam Lee', role: 'Envoy', country: 'United States' });
    expect(person("Luca Blu, l'uomo scelto da Palazzo Chigi come inviato speciale per la Libia, è arrivato a Tripoli.", 'it', 'Luca Blu'))
      .toEqual({ label: 'Luca Blu', role: 'Special Envoy', country: 'Italy' });
  });
  it('finds the person again by surname', () => {
    const met = edges("Sam Lee, who serves as the US president's envoy, arrived in Minsk. On Friday Lee met Alexander Lukashenko.", 'meets', '2026-03-10', 'en');
    expect(met.map((e) => [e.source, e.target].sort())).toContainEqual(['leader:alexander-lukashenko', 'leader:sam-lee']);
  });
  it('does not take the surname inside another name ("Capitol Hill")', () => {
    const article = readArticle('The US ambassador to Serbia, Tom Hill, arrived. Lawmakers on Capitol Hill met Aleksandar Vucic on Monday.', { id: 'q', lang: 'en' });
    const second = detectMentions(article).mentions[1]!;
    expect(second.map((m) => m.entity)).toEqual(['leader:aleksandar-vucic']);
  });
  it('tells a list of titled people from an apposition', () => {
    const met = edges('Kenyan President William Ruto, Ugandan President Yoweri Museveni and Tanzanian President Samia Suluhu Hassan held a video call on Monday.', 'meets', '2026-03-10', 'en');
    expect(met.length).toBe(3);
  });
  it('is not fooled by a fronted phrase, a sentence-opening adverb or a place after a particle', () => {
    expect(labels('Sulla chiesa legata al Patriarcato di Mosca, il leader russo ha espresso un auspicio.', 'it')).toEqual([]);
    expect(labels('Ieri Mario Bianchi, portavoce del governo italiano, ha parlato con i giornalisti.', 'it')).toEqual(['Mario Bianchi']);
  });
});

describe('ranks and titles before the name', () => {
  it('reads military ranks, spelt out or abbreviated, and a rank after a role', () => {
    expect(person('Major General Omar Idris met Hakan Fidan on Monday.', 'en', 'Omar Idris')?.role).toBe('General');
    expect(person('Israeli army chief Lt. Gen. Dan Levi met Hakan Fidan.', 'en', 'Dan Levi')).toEqual({ label: 'Dan Levi', role: 'General', country: 'Israel' });
    expect(person("L'ammiraglio Paolo Sarti ha incontrato Hakan Fidan.", 'it', 'Paolo Sarti')?.role).toBe('General');
  });
  it('reads an institution between the nationality and the role', () => {
    expect(person('Iranian foreign ministry spokesman Reza Amini said Iran would attend.', 'en', 'Reza Amini'))
      .toEqual({ label: 'Reza Amini', role: 'Spokesperson', country: 'Iran' });
  });
  it('keeps "deputy" when it starts a role', () => {
    expect(person("Maria Lopez, Spain's deputy foreign minister, told reporters the visit was planned.", 'en', 'Maria Lopez')?.role).toBe('Deputy Minister');
  });
  it('reads "the head of" an organisation the gazetteer does not know', () => {
    expect(labels('Tom Hale, director of the CIA, met Dan Roth, the head of Mossad, in Doha.', 'en')).toEqual(['Dan Roth', 'Tom Hale']);
  });
  it('does not make leaders of former diplomats as commentators, nor of a company\'s president', () => {
    expect(labels('John Smith, a former ambassador now at a think tank, said the talks would fail.', 'en')).toEqual([]);
    expect(labels("L'ex ambasciatore Marco Neri ha parlato.", 'it')).toEqual([]);
    expect(labels("Microsoft's president, Brad Smith, met the EU commissioner.", 'en')).toEqual([]);
    expect(person('Sanctions hit Jane Roe, the former Kenyan prime minister.', 'en', 'Jane Roe')?.role).toBe('Prime Minister');
  });
  it('does not make leaders of analysts and journalists', () => {
    expect(labels('Omar Vaez, an analyst at the Crisis Group, said the talks were stalled.', 'en')).toEqual([]);
    expect(labels('Secondo Mario Rossi, analista dell\'Ispi, il vertice è fallito.', 'it')).toEqual([]);
  });
});

describe('a role before a colon lists its holders', () => {
  it('takes every member, past appositions the role lexicon does not know', () => {
    expect(labels("Con lui viaggiano due ministre: Carla Neri, titolare del Turismo, Lucia Bruni, responsabile della Cultura, e Sara Conti, alla guida dell'Ambiente.", 'it'))
      .toEqual(['Carla Neri', 'Lucia Bruni', 'Sara Conti']);
    expect(person('She brought two ministers: John Doe, who handles trade, and Jane Roe.', 'en', 'Jane Roe')?.role).toBe('Minister');
  });
});

describe('spellings of names', () => {
  it('reads a name split by an editor\'s bracket in a quotation', () => {
    expect(labels('"We see no sign that (Russian President Vladimir) Putin wants peace," she said.', 'en')).toEqual(['Vladimir Putin']);
  });
  it('matches transliterations of a known leader: surname, and first name with surname', () => {
    expect(translitKey('Zelenskiy')).toBe(translitKey('Zelenskyy'));
    expect(translitKey('Dmitriy')).toBe(translitKey('Dmitri'));
    expect(labels('Zelenskyi said the talks went well.', 'en')).toEqual(['Volodymyr Zelensky']);
    expect(labels('President Volodimir Zelenskiy met Dmitriy Peskov.', 'en')).toEqual(['Dmitry Peskov', 'Volodymyr Zelensky']);
    expect(labels('Volodymyr Zelensky met Andrei Zelensky.', 'en')).toEqual(['Volodymyr Zelensky']);
  });
  it('reads a known name that opens with a title as the name ("Pope Leo", "Papa Francesco")', () => {
    expect(labels('Pope Leo met Volodymyr Zelensky.', 'en')).toEqual(['Leo XIV', 'Volodymyr Zelensky']);
    expect(labels('Dopo i funerali di Papa Francesco, Zelensky è tornato a Kiev.', 'it')).toEqual(['Pope Francis', 'Volodymyr Zelensky']);
  });
  it('keeps a middle initial inside the name', () => {
    expect(labels('William T. Sherman, the US ambassador to Japan, met Sanae Takaichi.', 'en')).toContain('William T. Sherman');
  });
  it('matches the Arabic article written with a hyphen, a space or joined', () => {
    expect(arabicArticleVariants('Badr al-Busaidi')).toEqual(['Badr al Busaidi', 'Badr Albusaidi']);
    expect(arabicArticleVariants('Mohammed bin Salman')).toEqual([]);
    expect(labels("Oman's Foreign Minister, Badr Al Busaidi, hosted the talks.", 'en')).toEqual(['Badr Albusaidi']);
    expect(labels('Ahmed Alsharaa met Recep Tayyip Erdogan in Ankara.', 'en')).toContain('Ahmed al-Sharaa');
    expect(labels('Il presidente Ahmed al Sharaa ha visto Erdogan.', 'it')).toContain('Ahmed al-Sharaa');
  });
});

describe('organisations', () => {
  it('knows organisations by their other names in both languages', () => {
    expect(alliances('The Group of 20 summit opens on Saturday.', 'en')).toEqual(['G20']);
    expect(alliances('Leaders of APEC and of the East African Community met in Lima.', 'en')).toEqual(['APEC', 'East African Community']);
    expect(alliances("La Siria entra nella coalizione internazionale contro lo Stato islamico.", 'it')).toEqual(['Global Coalition to Defeat ISIS']);
  });
});

describe('Italian written without accents', () => {
  const met = (text: string) => edges(text, 'meets', '2026-03-10', 'it').map((e) => [e.attributes.status, e.attributes.date ?? '']);
  it('reads a future without its accent, or with an apostrophe for it, as the future', () => {
    expect(met('Il presidente francese Emmanuel Macron incontrera Donald Trump a Parigi.')).toEqual([['planned', '']]);
    expect(met("Il presidente francese Emmanuel Macron incontrera' Donald Trump a Parigi.")).toEqual([['planned', '']]);
  });
  it("reads \"e'\" as \"è\" and weekdays without accents", () => {
    expect(met("Macron e Trump si sono incontrati lunedi, e' stato un colloquio piu lungo del previsto.")).toEqual([['held', '2026-03-09']]);
  });
  it('keeps the text as written and leaves truncations and nouns alone', () => {
    const f = fragmentOf("Un po' di terra: Macron incontrera Trump.", '2026-03-10', 'it');
    const edge = f.edges.find((e) => e.attributes.kind === 'meets');
    expect(JSON.stringify(edge?.attributes)).toContain('incontrera Trump');
  });
});

describe('the state of the institution an apposition names', () => {
  it('is the person\'s state: a possessive, an adjective or a genitive beside the institution', () => {
    expect(person("Piet Harms, head of the Europe Bureau at Norway's Foreign Ministry, arrived in Rome.", 'en', 'Piet Harms')?.country).toBe('Norway');
    expect(person('Piet Harms, director-general of the Europe Department at the Norwegian Foreign Ministry, arrived in Rome.', 'en', 'Piet Harms')?.country).toBe('Norway');
    expect(person('Piet Harms, direttore generale per l\'Europa al ministero degli Esteri norvegese, è arrivato a Roma.', 'it', 'Piet Harms')?.country).toBe('Norway');
  });
  it('is not a country named alone (a posting), nor one of two states', () => {
    expect(person('Piet Harms, director-general of the Europe Department in Norway, arrived in Rome.', 'en', 'Piet Harms')?.country ?? '').toBe('');
    expect(person("Piet Harms, liaison between Norway's Foreign Ministry and the Swedish Foreign Ministry, arrived in Rome.", 'en', 'Piet Harms')?.country ?? '').toBe('');
  });
});

describe('"his counterpart"', () => {
  const story = 'Chinese Premier Li Qiang spoke in Beijing. A spokesperson for China\'s Foreign Ministry, Chen Bo, said no meeting was planned. '
    + "Piet Harms, director-general of the Asia Bureau at Norway's Foreign Ministry, landed in Beijing for talks with his Chinese counterpart. "
    + 'Harms will sit down on Tuesday with Wu Lan, director-general of Asian Affairs at the Chinese Foreign Ministry.';
  it('holds the same office as the possessor, even when named later; never a spokesperson', () => {
    const meets = edges(story, 'meets', '2026-03-09', 'en').map((e) => [e.source, e.target].sort().join(' ~ '));
    expect(meets).toContain('leader:piet-harms ~ leader:wu-lan');
    expect(meets.some((m) => m.includes('chen-bo') || m.includes('li-qiang'))).toBe(false);
  });
  it('is never a spokesperson whatever the gazetteer calls the role ("Spokesman")', () => {
    const meets = edges('Dmitry Peskov spoke to reporters. Pedro Sánchez met his Russian counterpart in Madrid on Monday.', 'meets', '2026-03-09', 'en').map((e) => [e.source, e.target].sort().join(' ~ '));
    expect(meets.some((m) => m.includes('peskov'))).toBe(false);
  });
});

describe('negotiations', () => {
  it('are never between two people of one state', () => {
    for (const text of ['Steve Witkoff and Jared Kushner held talks in Cairo on the ceasefire deal.', 'Receiving the American envoy Steve Witkoff and the adviser Jared Kushner at the palace, Sisi welcomed the ceasefire deal.']) {
      expect(edges(text, 'negotiates_with', '2026-03-10', 'en').map((e) => [e.source, e.target].sort().join(' ~ '))).toEqual([]);
    }
    // each of them with the other side
    expect(edges('Witkoff e Kushner hanno negoziato con Hamas al Cairo.', 'negotiates_with', '2026-03-10', 'it').map((e) => [e.source, e.target].sort().join(' ~ ')).sort())
      .toEqual(['group:hamas ~ leader:jared-kushner', 'group:hamas ~ leader:steve-witkoff']);
  });
});

describe('"the leaders of France and Germany"', () => {
  it('are the heads of those states the article names, before or after', () => {
    const meets = (text: string, lang: 'it' | 'en') => edges(text, 'meets', '2026-03-10', lang).map((e) => [e.source, e.target].sort().join(' ~ ')).sort();
    expect(meets('Emmanuel Macron parlerà domani. Ieri sera i capi di Stato e di governo di Francia, Spagna e Portogallo hanno avuto una telefonata con Mark Carney. Pedro Sánchez e Luís Montenegro hanno poi parlato ai giornalisti.', 'it'))
      .toEqual(['leader:emmanuel-macron ~ leader:luis-montenegro', 'leader:emmanuel-macron ~ leader:mark-carney', 'leader:emmanuel-macron ~ leader:pedro-sanchez',
        'leader:luis-montenegro ~ leader:mark-carney', 'leader:luis-montenegro ~ leader:pedro-sanchez', 'leader:mark-carney ~ leader:pedro-sanchez']);
    expect(meets('The leaders of Spain and Portugal met in Madrid on Monday. Pedro Sánchez and Luís Montenegro then spoke to reporters.', 'en'))
      .toEqual(['leader:luis-montenegro ~ leader:pedro-sanchez']);
  });
  it('stay their states when the article names no head', () => {
    const meets = edges('The leaders of Spain and Portugal met in Madrid on Monday.', 'meets', '2026-03-10', 'en').map((e) => [e.source, e.target].sort().join(' ~ '));
    expect(meets).toEqual(['country:ESP ~ country:PRT']);
  });
});

describe('"the special envoy of US President X"', () => {
  it('names the envoy\'s principal, who is not the envoy, and with whom the envoy holds no meeting', () => {
    const text = 'On the Spanish side sat Ana Ruiz, the special envoy of Spanish Prime Minister Pedro Sánchez, and José Manuel Albares; on the other, Mark Carney.';
    expect(person(text, 'en', 'Ana Ruiz')?.role).toBe('Special Envoy');
    const meets = edges(text, 'meets', '2026-03-10', 'en').map((e) => [e.source, e.target].sort().join(' ~ '));
    expect(meets.filter((p) => p.includes('ana-ruiz') && p.includes('pedro-sanchez'))).toEqual([]);
  });
});

describe('office-holders of 2024 the news still names', () => {
  it('are known by surname, with their country', () => {
    const ls = leaders('Sunak e Trudeau si sono incontrati a Ottawa; Haniyeh ha parlato da Doha.', 'it');
    expect(ls.map((l) => [l.label, l.country]).sort()).toEqual([['Ismail Haniyeh', 'Palestine'], ['Justin Trudeau', 'Canada'], ['Rishi Sunak', 'United Kingdom']]);
  });
});
