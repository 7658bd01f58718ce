// Attendance verbs: "X will attend the summit between A and B", "X parteciperà all'incontro", "X will join
// them at the meeting" add X to the meeting; negated or hedged attendance adds nobody. Sentences written for
// these tests; the article date is Tuesday 2026-03-10.
import { describe, expect, it } from 'vitest';
import { edges, meetings } from './helpers/quality.js';

const parts = (text: string) => meetings(text).map((m) => m.participants);

describe('attendance', () => {
  it('the attendee of a meeting named with its sides', () => {
    expect(parts('Mark Carney will attend the summit between Pedro Sánchez and Keir Starmer in Madrid on Friday.'))
      .toEqual([['Keir Starmer', 'Mark Carney', 'Pedro Sánchez']]);
    expect(parts('Mark Carney parteciperà al vertice tra Sánchez e Starmer a Madrid venerdì.'))
      .toEqual([['Keir Starmer', 'Mark Carney', 'Pedro Sánchez']]);
  });

  it('the attendee of the meeting just named', () => {
    expect(parts('Sánchez will host Keir Starmer in Madrid on Friday. Mark Carney will join them at the meeting.'))
      .toEqual([['Keir Starmer', 'Mark Carney', 'Pedro Sánchez']]);
    expect(parts("Sánchez riceverà Starmer a Madrid venerdì. Anche Mark Carney parteciperà all'incontro."))
      .toEqual([['Keir Starmer', 'Mark Carney', 'Pedro Sánchez']]);
  });

  it('"X will join Y at the meeting": X is on Y\'s side and meets the other side', () => {
    const ms = meetings('Pedro Sánchez and Keir Starmer will hold talks in Madrid this weekend. Spanish Foreign Minister José Manuel Albares will join Sánchez at the meeting.');
    expect(ms.map((m) => m.participants)).toEqual([['José Manuel Albares', 'Keir Starmer', 'Pedro Sánchez']]);
    const meets = edges('Pedro Sánchez and Keir Starmer will hold talks in Madrid this weekend. Spanish Foreign Minister José Manuel Albares will join Sánchez at the meeting.', 'meets')
      .map((e) => [e.source, e.target].sort().join(' ~ ')).sort();
    // (whether X also "meets" Y, a member of X's own delegation, is left to the candidate scorer: the annotated
    // articles count every pair of a meeting's participants)
    expect(meets).toContain('leader:jose-manuel-albares ~ leader:keir-starmer');
  });

  it('nobody joins when attendance is negated or hedged', () => {
    expect(parts('Sánchez met Keir Starmer in Madrid on Friday. Mark Carney did not attend the meeting.'))
      .toEqual([['Keir Starmer', 'Pedro Sánchez']]);
    expect(parts("Sánchez incontrerà Starmer a Madrid venerdì. Carney non parteciperà all'incontro."))
      .toEqual([['Keir Starmer', 'Pedro Sánchez']]);
    expect(parts('Mark Carney might attend the summit between Pedro Sánchez and Keir Starmer.'))
      .toEqual([['Keir Starmer', 'Pedro Sánchez']]);
  });
});
