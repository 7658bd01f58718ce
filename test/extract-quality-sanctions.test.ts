// Sanctions told the ways news tell them: tariffs and duties, an imposer named by its capital before the target's
// goods, an organisation's officer standing for the organisation. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { edges } from './helpers/quality.js';

const pairs = (text: string, lang?: 'it' | 'en') => edges(text, 'sanctions', '2026-03-10', lang).map((e) => `${e.source} > ${e.target}`).sort();

describe('sanctions frames', () => {
  it('tariffs and duties a capital places on a country\'s goods', () => {
    expect(pairs('The two sides discussed the 40% tariffs Washington has placed on Argentine beef.')).toContain('country:USA > country:ARG');
    expect(pairs('Bruxelles ha imposto nuovi dazi sulle auto cinesi.', 'it')).toContain('alliance:eu > country:CHN');
  });

  it('sanctions on an international organisation\'s officer target the organisation', () => {
    expect(pairs('The United States imposed sanctions on Karim Khan, the prosecutor of the International Criminal Court.')).toEqual(['country:USA > alliance:icc']);
  });

  it('a negated measure is no sanction', () => {
    expect(pairs('Washington did not impose tariffs on Argentine beef.')).toEqual([]);
  });
});

describe('an organisation named through its member states', () => {
  it('"the foreign ministers of the member states of the EU" impose the EU\'s sanctions', () => {
    expect(pairs("I ministri degli Esteri dei paesi dell'Unione europea hanno approvato la proroga delle sanzioni contro la Russia.", 'it')).toEqual(['alliance:eu > country:RUS']);
    expect(pairs('The foreign ministers of the member states of the European Union extended the sanctions against Russia.')).toEqual(['alliance:eu > country:RUS']);
  });
});

describe('sanctions told with an instrument, an agency or a goods adjective', () => {
  const pairs = (text: string, lang: 'it' | 'en') => edges(text, 'sanctions', '2026-03-10', lang).map((e) => `${e.source} -> ${e.target}`);
  it('"hit X with sanctions", "colpire con sanzioni X": the verb\'s object is the target', () => {
    expect(pairs('Canada hit Venezuela with new sanctions on Monday.', 'en')).toEqual(['country:CAN -> country:VEN']);
    expect(pairs('Ottawa hit three Venezuelan banks with sanctions.', 'en')).toEqual(['country:CAN -> country:VEN']);
    expect(pairs('Il Canada ha colpito con sanzioni le banche venezuelane.', 'it')).toEqual(['country:CAN -> country:VEN']);
    expect(pairs('Il Canada ha colpito il Venezuela con nuove sanzioni.', 'it')).toEqual(['country:CAN -> country:VEN']);
  });
  it('a meeting "with" someone is no instrument', () => {
    expect(pairs('Mark Carney met Pedro Sánchez with his advisers on Monday.', 'en')).toEqual([]);
  });
  it('a duty on goods of a nationality, a blacklisting, sanctions "aimed at"', () => {
    expect(pairs('Carney added a further duty on Venezuelan goods on Monday.', 'en')).toEqual(['country:CAN -> country:VEN']);
    expect(pairs('Canada blacklisted 12 Venezuelan tankers on Thursday.', 'en')).toEqual(['country:CAN -> country:VEN']);
    expect(pairs('Canada rolled out a round of sanctions aimed at the tankers of Venezuela\'s state oil company.', 'en')).toEqual(['country:CAN -> country:VEN']);
  });
  it('the US Treasury\'s Office of Foreign Assets Control imposes for the United States', () => {
    expect(pairs('OFAC sanctioned 12 Venezuelan tankers on Thursday.', 'en')).toEqual(['country:USA -> country:VEN']);
  });
});

describe('sanctions on companies the gazetteer does not know', () => {
  const pairs = (text: string, lang: 'it' | 'en') => edges(text, 'sanctions', '2026-03-10', lang).map((e) => `${e.source} -> ${e.target}`);
  it('target the state an apposition gives them', () => {
    expect(pairs("Canada imposed sanctions on Petroperu and Cofide, Peru's biggest state companies.", 'en')).toEqual(['country:CAN -> country:PER']);
    expect(pairs('Il Canada ha imposto sanzioni a Petroperu e Cofide, le grandi aziende peruviane.', 'it')).toEqual(['country:CAN -> country:PER']);
  });
  it('and no state without one', () => {
    expect(pairs('Canada imposed sanctions on Petroperu and Cofide.', 'en')).toEqual([]);
  });
});

describe('a reporting clause after the target', () => {
  it('"sanctions on Peru, Chile said": the speaker is no second target', () => {
    expect(edges('Canada imposed sanctions on Peru, Chile said.', 'sanctions', '2026-03-10', 'en').map((e) => `${e.source} -> ${e.target}`)).toEqual(['country:CAN -> country:PER']);
    expect(edges('Canada imposed sanctions on Peru, Chile and Bolivia.', 'sanctions', '2026-03-10', 'en').map((e) => `${e.source} -> ${e.target}`).sort())
      .toEqual(['country:CAN -> country:BOL', 'country:CAN -> country:CHL', 'country:CAN -> country:PER']);
  });
});

describe('trade-war wording', () => {
  const rel = (text: string, lang: 'it' | 'en') => edges(text, 'sanctions', '2026-03-10', lang).map((e) => `${e.source} -> ${e.target} ${e.attributes.status}`).sort();
  it('a retaliation with tariffs imposes them; a threat to impose them is a proposal', () => {
    expect(rel('Peru retaliated with tariffs of its own on Chilean copper.', 'en')).toEqual(['country:PER -> country:CHL held']);
    expect(rel('Il Perù ha risposto con dazi del 10% sul rame cileno.', 'it')).toEqual(['country:PER -> country:CHL held']);
    expect(rel('Peru threatened to impose tariffs on Chilean copper.', 'en')).toEqual(['country:PER -> country:CHL proposed']);
    expect(rel('Peru responded to the question with a statement on Chile.', 'en')).toEqual([]);
  });
  it('the Treasury and Commerce Departments impose for the United States', () => {
    expect(rel('The Treasury Department sanctioned three Peruvian banks.', 'en')).toEqual(['country:USA -> country:PER held']);
  });
});

describe('sanctions named without a target, just after sanctions on one', () => {
  const rel = (text: string, lang: 'it' | 'en') => edges(text, 'sanctions', '2026-03-10', lang).map((e) => `${e.source} -> ${e.target}`).sort();
  it('take the target just told ("le sanzioni americane", "Washington\'s sanctions")', () => {
    expect(rel('Il Canada ha prorogato le sanzioni contro il Venezuela. Il Perù aveva chiesto di più. Il Cile potrebbe inasprire le sanzioni cilene.', 'it'))
      .toEqual(['country:CAN -> country:VEN', 'country:CHL -> country:VEN']);
    expect(rel("Canada extended its sanctions on Venezuela. Ottawa's sanctions remain in place.", 'en')).toEqual(['country:CAN -> country:VEN']);
  });
  it('and none without sanctions told before, or told long before', () => {
    expect(rel('Chilean sanctions remain in place.', 'en')).toEqual([]);
    expect(rel('Canada extended its sanctions on Venezuela. Peru held elections. Chile held a vote. Bolivia voted. Argentina voted too. Chilean sanctions remain in place.', 'en')).toEqual(['country:CAN -> country:VEN']);
  });
});
