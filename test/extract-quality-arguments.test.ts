// Arguments of meeting verbs in less common constructions: a subject after a conjunction that is also a
// preposition ("after X met Y"), the passive with its agent ("è stato ricevuto ... dal presidente X"), and the
// infinitive "per vedere X". Sentences written for these tests; the article date is Tuesday 2026-03-10.
import { describe, expect, it } from 'vitest';
import { edges, meetings } from './helpers/quality.js';
import { readArticle } from '../src/read/index.js';
import { detectMentions } from '../src/extract/mentions.js';
import { resolveCoreference } from '../src/extract/coref.js';
import { extractRelations } from '../src/extract/relations.js';

const parts = (text: string) => meetings(text).map((m) => m.participants);

describe('meeting arguments', () => {
  it('"after/before X met Y": X is the subject of its own clause', () => {
    expect(parts('Markets rallied a day after Pedro Sánchez met Keir Starmer in London.')).toEqual([['Keir Starmer', 'Pedro Sánchez']]);
    expect(parts('Before Pedro Sánchez visits Rabat, he will call Emmanuel Macron.').flat()).not.toContain('Emmanuel Macron');
  });

  it('a prepositional phrase after "after" is still no subject', () => {
    expect(parts('After the talks with Keir Starmer, Pedro Sánchez flew home.')).toEqual([['Keir Starmer', 'Pedro Sánchez']]);
  });

  it('the passive with its agent, past a locative phrase', () => {
    expect(parts('Sánchez è arrivato ieri a Pechino. Oggi è stato ricevuto nella grande sala del palazzo dal presidente Xi Jinping.'))
      .toEqual([['Pedro Sánchez', 'Xi Jinping']]);
    expect(parts('Pedro Sánchez was received at the palace in Rabat by King Mohammed VI.').flat()).toContain('Pedro Sánchez');
  });

  it('"per vedere X": the travelling subject meets X', () => {
    const ms = meetings('Sánchez è arrivato oggi a Parigi. Domani si sposterà a Berlino per vedere il cancelliere tedesco Friedrich Merz.');
    expect(ms.map((m) => [m.participants, m.status])).toEqual([[['Friedrich Merz', 'Pedro Sánchez'], 'planned']]);
  });
});

describe('a role form that names its seat', () => {
  it('"il titolare della Farnesina" is Italy\'s minister, not the last foreign minister named', () => {
    const text = 'Il ministro degli Esteri Antonio Tajani ha incontrato ieri il suo omologo francese Jean-Noël Barrot. '
      + 'Domani il titolare della Farnesina vedrà il cancelliere tedesco Friedrich Merz.';
    const ms = meetings(text).map((m) => m.participants);
    expect(ms).toContainEqual(['Antonio Tajani', 'Friedrich Merz']);
    expect(ms.flat().filter((p) => p === 'Jean-Noël Barrot')).toHaveLength(1);
  });
});

describe('meets links counterparts', () => {
  it('a person and a state both take part in the meeting, but are no meets pair', () => {
    const text = 'Donald Trump met Malaysia and Indonesia at a summit in Kuala Lumpur on Sunday.';
    expect(meetings(text).map((m) => m.participants)).toEqual([['Donald Trump', 'Indonesia', 'Malaysia']]);
    const pairs = edges(text, 'meets').map((e) => [e.source, e.target].sort().join(' ~ '));
    expect(pairs.filter((p) => p.includes('leader:') && p.includes('country:'))).toEqual([]);
    expect(edges(text, 'participates_in').map((e) => e.source).sort()).toEqual(['country:IDN', 'country:MYS', 'leader:donald-trump']);
  });
});

describe('"con X e con Y"', () => {
  it('a repeated preposition still coordinates the people it governs', () => {
    const pairs = (text: string, lang: 'it' | 'en') => edges(text, 'meets', '2026-03-10', lang).map((e) => [e.source, e.target].sort().join(' ~ ')).sort();
    expect(pairs('Sánchez ha discusso con il presidente francese Macron e con il premier britannico Starmer.', 'it'))
      .toEqual(['leader:emmanuel-macron ~ leader:pedro-sanchez', 'leader:keir-starmer ~ leader:pedro-sanchez']);
    expect(pairs('Sánchez held talks with Macron and with Starmer on Monday.', 'en'))
      .toEqual(['leader:emmanuel-macron ~ leader:pedro-sanchez', 'leader:keir-starmer ~ leader:pedro-sanchez']);
  });
});

describe('"the talks that X will hold with Y"', () => {
  it('the relative clause\'s subject holds them, and its verb tells when', () => {
    const m = (text: string, lang: 'it' | 'en') => meetings(text, '2026-03-10', lang).map((x) => [x.participants.join(' + '), x.status]);
    expect(m('Sánchez flew to Lisbon ahead of the talks that the Canadian prime minister, Mark Carney, will hold with Luís Montenegro.', 'en'))
      .toContainEqual(['Luís Montenegro + Mark Carney', 'planned']);
    expect(m('The talks that Carney was expected to hold with Sánchez were moved to Porto.', 'en')).toEqual([['Mark Carney + Pedro Sánchez', 'planned']]);
    expect(m('I colloqui che Carney ha avuto con Sánchez a Lisbona sono stati lunghi.', 'it')).toEqual([['Mark Carney + Pedro Sánchez', 'held']]);
  });
});

describe('fronted places and headline clauses', () => {
  const pairs = (text: string, lang: 'it' | 'en') => edges(text, 'meets', '2026-03-10', lang).map((e) => [e.source, e.target].sort().join(' ~ ')).sort();
  it('"In Madrid, Canadian and Peruvian delegations met": the capital is where, the nationalities who', () => {
    expect(pairs('In Madrid, Canadian and Peruvian delegations met for the first time.', 'en')).toEqual(['country:CAN ~ country:PER']);
  });
  it('"X vola a Ottawa: domani l\'incontro con Y": the noun\'s article is no subject, the earlier clause\'s is', () => {
    expect(pairs("Sánchez vola a Ottawa: domani l'incontro con Carney.", 'it')).toEqual(['leader:mark-carney ~ leader:pedro-sanchez']);
  });
});

describe('"il vertice Trump-Putin", "the Sánchez-Carney summit"', () => {
  it('two leaders joined by a hyphen are both sides of the meeting', () => {
    const pairs = (text: string, lang: 'it' | 'en') => edges(text, 'meets', '2026-03-10', lang).map((e) => [e.source, e.target].sort().join(' ~ '));
    expect(pairs('Incontro bilaterale Sánchez-Carney a Madrid.', 'it')).toEqual(['leader:mark-carney ~ leader:pedro-sanchez']);
    expect(pairs('The Sánchez-Carney summit in Madrid ended without a deal.', 'en')).toEqual(['leader:mark-carney ~ leader:pedro-sanchez']);
    // a hyphenated name is still one person
    expect(pairs('Jean-Noël Barrot met Pedro Sánchez in Madrid.', 'en')).toEqual(['leader:jean-noel-barrot ~ leader:pedro-sanchez']);
  });
});

describe('"sat down with"', () => {
  it('is a meeting the slot rules read (with its "with" complement), not just the scorer', () => {
    const article = readArticle('Sánchez sat down with Carney in Madrid on Monday. On the Spanish side sat Albares.', { id: 'q', date: '2026-03-10', lang: 'en' });
    const ments = detectMentions(article);
    resolveCoreference(ments);
    const sides = extractRelations(article, ments).occurrences.map((o) => o.sides.flat().sort().join(' + '));
    expect(sides).toEqual(['leader:mark-carney + leader:pedro-sanchez']);
  });
});
