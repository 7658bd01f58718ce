// Language detection on short texts without an exclusive stop word: the last letters of the lower-case words
// decide ("incontrerà", "visit"); names do not count, and a text of names alone stays English.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/read/language.js';
import { meetings } from './helpers/quality.js';

describe('short texts', () => {
  it('tells a short Italian sentence from a short English one', () => {
    expect(detectLanguage('Sánchez incontrerà Starmer a Madrid.')).toBe('it');
    expect(detectLanguage('Sánchez ricevuto da Starmer a Londra.')).toBe('it');
    expect(detectLanguage('Sánchez meets Starmer in Madrid.')).toBe('en');
    expect(detectLanguage('Sánchez to visit London.')).toBe('en');
    expect(detectLanguage('Sánchez Starmer Madrid')).toBe('en');
  });

  it('a short Italian text yields its meeting', () => {
    expect(meetings('Sánchez incontrerà Starmer a Madrid.').map((m) => [m.participants, m.status, m.place]))
      .toEqual([[['Keir Starmer', 'Pedro Sánchez'], 'planned', 'Madrid']]);
  });

  it('one exclusive stop word still outweighs the endings', () => {
    // "the" is English only; the Italian-looking endings of "via" and "Roma" do not override it
    expect(detectLanguage('Sánchez via the Roma route.')).toBe('en');
  });
});
