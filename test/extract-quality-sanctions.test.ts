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
