// A capital or seat of power after a locative preposition is where a meeting happens, not a participant;
// in subject position it keeps standing for its state or organisation. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { meetings, edges } from './helpers/quality.js';

describe('capitals and seats after a locative preposition are places', () => {
  it('a fronted "In <capital>," is not coordinated with the subject', () => {
    for (const text of [
      'In Budapest, Viktor Orbán hosted Emmanuel Macron on Monday.',
      'A Budapest, Viktor Orbán ha ricevuto Emmanuel Macron lunedì.',
    ]) {
      const [m, ...rest] = meetings(text);
      expect(rest).toHaveLength(0);
      expect(m!.participants).toEqual(['Emmanuel Macron', 'Viktor Orbán']);
      expect(m!.place).toBe('Budapest');
    }
  });

  it('"met in Brussels" is held in Brussels, without the EU', () => {
    for (const text of [
      'Emmanuel Macron and Pedro Sánchez met in Brussels yesterday.',
      'Emmanuel Macron e Pedro Sánchez si sono incontrati a Bruxelles ieri.',
    ]) {
      const [m, ...rest] = meetings(text);
      expect(rest).toHaveLength(0);
      expect(m!.participants).toEqual(['Emmanuel Macron', 'Pedro Sánchez']);
      expect(m!.place).toBe('Brussels');
      expect(edges(text, 'held_in').map((e) => e.target)).toEqual(['place:brussels']);
    }
  });

  it('an organisation before or after "leaders" is the participant of its summit', () => {
    for (const text of [
      'NATO leaders met in Brussels on Monday.',
      'The leaders of NATO met in Brussels on Monday.',
      'I leader della Nato si sono riuniti a Bruxelles lunedì.',
    ]) {
      const ms = meetings(text);
      expect(ms).toHaveLength(1);
      expect(ms[0]!.participants).toEqual(['NATO']);
      expect(ms[0]!.place).toBe('Brussels');
    }
  });

  it('"dell\'Ue" after a group names the organisation (elided prepositions as cues)', () => {
    const ms = meetings("I ministri degli Esteri dell'Ue si sono riuniti a Praga lunedì.");
    expect(ms.map((m) => [m.participants, m.place])).toEqual([[['European Union'], 'Prague']]);
  });

  it('in subject position the seat still stands for its organisation', () => {
    const s = edges('Bruxelles prepara nuove sanzioni contro la Russia.', 'sanctions');
    expect(s.map((e) => `${e.source} -> ${e.target}`)).toEqual(['alliance:eu -> country:RUS']);
  });
});
