// Italian reciprocal verbs: vedersi, sentirsi (al telefono), parlarsi are meetings of the subjects; the same
// forms without the clitic (ha visto, si sono sentiti esclusi) are not. Sentences written for these tests;
// the article date is Tuesday 2026-03-10.
import { describe, expect, it } from 'vitest';
import { meetings } from './helpers/quality.js';

describe('Italian reciprocal meeting verbs', () => {
  it('"si sono visti" is a held meeting on the previous weekday; "si vedranno" a planned one', () => {
    expect(meetings('Sánchez e Starmer si sono visti a Madrid giovedì.'))
      .toEqual([{ participants: ['Keir Starmer', 'Pedro Sánchez'], date: '2026-03-05', status: 'held', place: 'Madrid' }]);
    expect(meetings('Sánchez e Starmer si vedranno a Madrid giovedì.').map((m) => [m.date, m.status]))
      .toEqual([['2026-03-12', 'planned']]);
  });

  it('"si è visto con X", "si sono sentiti al telefono", "si sono parlati"', () => {
    expect(meetings('Sánchez si è visto con Starmer a Londra.').map((m) => m.participants)).toEqual([['Keir Starmer', 'Pedro Sánchez']]);
    expect(meetings('Meloni e Starmer si sono sentiti al telefono ieri.').map((m) => [m.participants, m.date]))
      .toEqual([[['Giorgia Meloni', 'Keir Starmer'], '2026-03-09']]);
    expect(meetings('Meloni e Starmer si sono parlati a lungo.').map((m) => m.participants)).toEqual([['Giorgia Meloni', 'Keir Starmer']]);
  });

  it('without the reciprocal clitic, or with "sentirsi" as feeling, no meeting', () => {
    expect(meetings('Sánchez ha visto Starmer a Londra.')).toEqual([]);
    expect(meetings('Meloni e Starmer si sono sentiti traditi dagli alleati.')).toEqual([]);
    expect(meetings('Sánchez e Starmer non si sono visti a Madrid.')).toEqual([]);
    // impersonal "si è parlato": a topic, not a conversation
    expect(meetings('Il vertice tra Sánchez, Starmer e Carney di cui si era parlato a gennaio non è in programma.')).toEqual([]);
  });
});

describe('a call told with its medium', () => {
  it('"X and Y spoke by phone", "X e Y hanno parlato al telefono": a call of the two, with no "with"', () => {
    const m = (text: string, lang: 'it' | 'en') => meetings(text, '2026-03-10', lang).map((x) => [x.participants.join(' + '), x.status]);
    expect(m('Sánchez and Carney spoke by phone for an hour on Monday.', 'en')).toEqual([['Mark Carney + Pedro Sánchez', 'held']]);
    expect(m('Sánchez e Carney hanno parlato al telefono ieri.', 'it')).toEqual([['Mark Carney + Pedro Sánchez', 'held']]);
    // (one person on the phone is no meeting)
    expect(m('Sánchez spoke by phone on Monday.', 'en')).toEqual([]);
  });
});
