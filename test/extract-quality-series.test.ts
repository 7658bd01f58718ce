// "their first meeting this year", "il primo incontro dal 2024": a time after an ordinal and a trigger noun
// measures a series of events and does not date the event; a time after the predicate still does.
// Sentences written for these tests; the article date is Tuesday 2026-03-10.
import { describe, expect, it } from 'vitest';
import { meetings } from './helpers/quality.js';

describe('times that measure a series', () => {
  it('do not date the meeting (no year- or month-dated meeting): it takes the article date, as any undated meeting held', () => {
    for (const text of [
      'Pedro Sánchez and Keir Starmer met in London, their first meeting this year.',
      'Pedro Sánchez and Keir Starmer met in London, their first talks since January.',
      "Sánchez e Starmer si sono incontrati a Londra, il loro primo incontro quest'anno.",
      'Sánchez e Starmer si sono incontrati a Londra, il primo faccia a faccia tra i due leader dal gennaio 2024.',
    ]) {
      expect(meetings(text).map((m) => [m.date, m.status, m.place])).toEqual([['2026-03-10', 'held', 'London']]);
    }
  });

  it('leave the real date of the sentence in place', () => {
    expect(meetings('Pedro Sánchez met Keir Starmer in London on Monday, their first meeting this year.').map((m) => m.date))
      .toEqual(['2026-03-09']);
  });

  it('a day after "the second round" is the round\'s own date', () => {
    expect(meetings('Armenian and Azerbaijani delegations will hold a second round of talks in Geneva on Wednesday.').map((m) => [m.date, m.status]))
      .toEqual([['2026-03-11', 'planned']]);
    expect(meetings('Il secondo round di negoziati tra Armenia e Azerbaigian a Ginevra mercoledì.').map((m) => m.date))
      .toEqual(['2026-03-11']);
  });

  it('a time in the predicate of "the first meeting" still dates it', () => {
    expect(meetings('Il primo incontro tra Sánchez e Starmer si terrà lunedì a Londra.').map((m) => [m.date, m.status]))
      .toEqual([['2026-03-16', 'planned']]);
    expect(meetings('The first meeting between Sánchez and Starmer took place on Monday in London.').map((m) => [m.date, m.status]))
      .toEqual([['2026-03-09', 'held']]);
  });
});
