// Tense and status: names ending in -ed are not past verbs; "is planned", "è previsto", "è in programma" plan an
// event; reciprocal Italian verbs (si sono visti, si incontreranno) are meetings. Sentences written for these tests;
// the article date is Tuesday 2026-03-10.
import { describe, expect, it } from 'vitest';
import { meetings } from './helpers/quality.js';

describe('planned constructions', () => {
  it('"is planned / expected / has been scheduled" with a weekday: the next one, planned', () => {
    const cases: Array<[string, string]> = [
      ['A meeting between Emmanuel Macron and Keir Starmer is planned in London on Wednesday.', '2026-03-11'],
      ['Talks between Armenia and Azerbaijan are expected in Abu Dhabi on Friday.', '2026-03-13'],
      ['A summit between Emmanuel Macron and Keir Starmer has been scheduled for Thursday.', '2026-03-12'],
    ];
    for (const [text, date] of cases) {
      const ms = meetings(text);
      expect(ms.map((m) => [m.date, m.status])).toEqual([[date, 'planned']]);
    }
  });

  it('a name in -ed is not a past tense, and a variant first name before "bin Salman" is still the prince', () => {
    const ms = meetings('A meeting between Emmanuel Macron and Mohamed bin Salman is expected in Riyadh on Wednesday.');
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ participants: ['Emmanuel Macron', 'Mohammed bin Salman'], date: '2026-03-11', status: 'planned', place: 'Riyadh' });
  });

  it('Italian "è previsto", "è in programma", "sono attesi": planned, with the next weekday', () => {
    expect(meetings("L'incontro tra Pedro Sánchez, Keir Starmer e Giorgia Meloni è previsto sabato a Madrid.").map((m) => [m.date, m.status, m.place]))
      .toEqual([['2026-03-14', 'planned', 'Madrid']]);
    expect(meetings('Un vertice tra Sánchez e Starmer è in programma a Madrid.').map((m) => m.status)).toEqual(['planned']);
    expect(meetings('I colloqui tra Armenia e Azerbaigian sono attesi venerdì ad Abu Dhabi.').map((m) => [m.date, m.status]))
      .toEqual([['2026-03-13', 'planned']]);
  });

  it('a past sentence still reads a bare weekday as the last one', () => {
    expect(meetings('Emmanuel Macron and Keir Starmer met in London on Wednesday.').map((m) => [m.date, m.status]))
      .toEqual([['2026-03-04', 'held']]);
  });
});
