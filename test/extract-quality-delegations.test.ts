// The heads of two sides' delegations to the talks just named meet each other ("the Armenian delegation will be
// led by X, while Baku's team is headed by Y", "a guidare la delegazione di Erevan sarà X"); one head alone, or a
// delegation of a country that is not a side of the talks, makes no meeting. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { edges, meetings } from './helpers/quality.js';

const meetPairs = (text: string) => edges(text, 'meets').map((e) => [e.source, e.target].sort().join(' ~ ')).sort();

describe('delegation heads', () => {
  it('English: led by / headed by, with a possessive team', () => {
    const text = 'Armenian and Azerbaijani delegations will hold talks in Geneva on Friday. '
      + 'The Armenian delegation will be led by Foreign Minister Ararat Mirzoyan, while Baku\'s team is headed by Foreign Minister Jeyhun Bayramov.';
    expect(meetPairs(text)).toContain('leader:ararat-mirzoyan ~ leader:jeyhun-bayramov');
  });

  it('Italian: a guidare ... sarà, guidata da', () => {
    const text = 'Armenia e Azerbaigian terranno nuovi negoziati a Ginevra venerdì. '
      + 'A guidare la delegazione di Erevan sarà il ministro degli Esteri Ararat Mirzoyan. La delegazione azera sarà guidata dal ministro degli Esteri Jeyhun Bayramov.';
    expect(meetPairs(text)).toContain('leader:ararat-mirzoyan ~ leader:jeyhun-bayramov');
  });

  it('one head alone, or a head of a country outside the talks, meets nobody', () => {
    expect(meetPairs('Armenia e Azerbaigian terranno nuovi negoziati a Ginevra venerdì. La delegazione armena sarà guidata dal ministro degli Esteri Ararat Mirzoyan.'))
      .toEqual([]);
    expect(meetPairs('Armenia e Azerbaigian terranno nuovi negoziati a Ginevra venerdì. La delegazione armena sarà guidata dal ministro degli Esteri Ararat Mirzoyan. '
      + 'La delegazione francese sarà guidata dal ministro degli Esteri Jean-Noël Barrot.')).toEqual([]);
  });
});

describe('talks between states', () => {
  const meetsOf = (text: string, lang: 'it' | 'en') => edges(text, 'meets', '2026-03-10', lang).map((e) => [e.source, e.target].sort().join(' ~ '));
  it('held somewhere are a meeting of the two states too', () => {
    expect(meetsOf('I colloqui tra Cile e Perù, tenutisi lunedì in Bolivia, si sono chiusi senza accordo.', 'it')).toEqual(['country:CHL ~ country:PER']);
    expect(meetsOf('Talks between Chile and Peru were held in Bolivia on Monday.', 'en')).toEqual(['country:CHL ~ country:PER']);
  });
  it('planned, or an agreement with no place, are not', () => {
    expect(meetsOf('Talks between Chile and Peru will be held in Bolivia next week.', 'en')).toEqual([]);
    expect(meetsOf('Chile and Peru signed an agreement on fishing rights on Monday.', 'en')).toEqual([]);
  });
});

describe('negotiators from two states', () => {
  it('"negotiators from Chile and Peru" are the two states\' sides', () => {
    const neg = edges('Negotiators from Chile and Peru initialled a fishing agreement in Lima.', 'negotiates_with', '2026-03-10', 'en');
    expect(neg.map((e) => [e.source, e.target].sort().join(' ~ '))).toEqual(['country:CHL ~ country:PER']);
  });
  it('an agreement reached ("agreed to an immediate ceasefire") happened; "agreed to meet" is a plan', () => {
    const neg = edges('Chile and Peru agreed to an immediate ceasefire.', 'negotiates_with', '2026-03-10', 'en');
    expect(neg.map((e) => e.attributes.status)).toEqual(['held']);
    expect(meetings('Sánchez and Carney agreed to meet in Madrid.', '2026-03-10', 'en').map((m) => m.status)).toEqual(['planned']);
  });
});

describe('"i due paesi", "both countries"', () => {
  it('are the states of the two people just named', () => {
    const neg = (text: string, lang: 'it' | 'en') => edges(text, 'negotiates_with', '2026-03-10', lang).map((e) => [e.source, e.target].sort().join(' ~ '));
    expect(neg("Sánchez ha incontrato Carney a Ottawa. I due paesi hanno firmato un accordo sull'energia.", 'it')).toEqual(['country:CAN ~ country:ESP']);
    expect(neg('Sánchez met Carney in Ottawa. Both countries signed a trade agreement.', 'en')).toEqual(['country:CAN ~ country:ESP']);
    // two people of one state name no two countries
    expect(neg('Sánchez met Albares in Madrid. Both countries signed a trade agreement.', 'en')).toEqual([]);
  });
});
