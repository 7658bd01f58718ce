// Dates without a year, relative to the article's date and tense: a future "2 gennaio" written in late December
// is next year's; without any tense, the reading nearest the article date. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { readArticle } from '../src/read/index.js';
import { findTimeExpressions } from '../src/extract/time.js';
import { meetings } from './helpers/quality.js';

function dateValue(text: string, lang: 'it' | 'en', date: string): string | undefined {
  const a = readArticle(text, { id: 'q', date, lang });
  return a.sentences.flatMap((s) => findTimeExpressions(s, lang, date))[0]?.value;
}

describe('a day and month without a year', () => {
  it('without a tense, the nearest reading: across the new year both ways', () => {
    expect(dateValue('Vertice il 2 gennaio.', 'it', '2026-12-28')).toBe('2027-01-02');
    expect(dateValue('Summit on January 2.', 'en', '2026-12-28')).toBe('2027-01-02');
    expect(dateValue('Il vertice del 28 dicembre.', 'it', '2027-01-03')).toBe('2026-12-28');
    expect(dateValue('Vertice a gennaio.', 'it', '2026-12-10')).toBe('2027-01');
    // within half a year the article's year stays
    expect(dateValue('Vertice il 24 febbraio.', 'it', '2026-03-12')).toBe('2026-02-24');
    expect(dateValue('Vertice il 20 luglio.', 'it', '2026-03-12')).toBe('2026-07-20');
  });

  it('a planned meeting on 2 January, written on 28 December, is next year and planned', () => {
    for (const text of [
      'Vertice tra Sánchez e Starmer il 2 gennaio a Madrid.',
      'Il vertice tra Sánchez e Starmer è previsto il 2 gennaio a Madrid.',
      'A summit between Sánchez and Starmer is planned on January 2 in Madrid.',
    ]) {
      expect(meetings(text, '2026-12-28').map((m) => [m.date, m.status])).toEqual([['2027-01-02', 'planned']]);
    }
  });
});

describe('meetings told without a date of their own', () => {
  it('take the article date when they happened', () => {
    const ms = meetings('Pedro Sánchez ha ricevuto Keir Starmer alla Moncloa.', '2026-03-10');
    expect(ms.map((m) => [m.date, m.status])).toEqual([['2026-03-10', 'held']]);
  });

  it('stay undated when planned', () => {
    expect(meetings('Pedro Sánchez will meet Keir Starmer in Madrid.', '2026-03-10').map((m) => m.date)).toEqual(['']);
  });

  it('take the date of the dated meeting just told with some of the same people', () => {
    const ms = meetings('Pedro Sánchez received Keir Starmer in Madrid on Monday. The talks lasted three hours. On the Spanish side, Sánchez was joined by José Manuel Albares.', '2026-03-11');
    // (the third sentence's meeting has no time expression: without the story it would take the article date)
    expect(ms.some((m) => m.participants.includes('José Manuel Albares'))).toBe(true);
    for (const m of ms) expect(m.date).toBe('2026-03-09');
  });
});

describe('"today" and "this evening" in quoted speech', () => {
  // the time stage anchors deictic days at the article's date; a quote speaks from the day it was said
  const told = 'On the evening of 9 March, Pedro Sánchez and Keir Starmer spoke by phone with Olaf Scholz. Downing Street said the call lasted an hour.';

  it('date a quoted meeting the article already dated by the calendar with that date', () => {
    const ms = meetings(`${told}\n\nSánchez wrote on X: "This evening I had a new call with Keir Starmer and Olaf Scholz."`, '2026-03-10');
    expect(ms.map((m) => m.date)).toEqual(['2026-03-09']);
  });

  it('keep the article date when the quote is not a meeting already told', () => {
    const ms = meetings(`${told}\n\nMeloni wrote on X: "This evening I had a call with Ursula von der Leyen and Mark Rutte."`, '2026-03-10');
    expect(ms.map((m) => m.date).sort()).toEqual(['2026-03-09', '2026-03-10']);
  });

  it('keep the article date outside quotation marks', () => {
    const ms = meetings(`${told}\n\nThis evening Sánchez had a new call with Keir Starmer and Olaf Scholz.`, '2026-03-10');
    expect(ms.map((m) => m.date).sort()).toEqual(['2026-03-09', '2026-03-10']);
  });

  it('read a quotation opened in an earlier sentence of the paragraph', () => {
    const ms = meetings(`${told}\n\nSánchez wrote: "We are united. This evening I had a new call with Keir Starmer and Olaf Scholz."`, '2026-03-10');
    expect(ms.map((m) => m.date)).toEqual(['2026-03-09']);
  });
});
