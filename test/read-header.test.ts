import { describe, expect, it } from 'vitest';
import { parseHeader } from '../src/read/header.js';
import { UserError } from '../src/errors.js';

describe('parseHeader', () => {
  it('reads date and source on the first sentence line', () => {
    const text = ' date 2026-03-12 AgenPress. Il presidente francese parla.';
    const h = parseHeader(text, 'a.txt');
    expect(h.date).toBe('2026-03-12');
    expect(h.source).toBe('AgenPress');
    expect(text.slice(h.bodyStart)).toBe('Il presidente francese parla.');
  });

  it('accepts multi-word sources, a colon, and an ISO datetime', () => {
    expect(parseHeader('date 2025-11-02 Il Sole 24 Ore. Testo.', 'a').source).toBe('Il Sole 24 Ore');
    expect(parseHeader('date: 2025-11-02 Reuters. Text.', 'a')).toMatchObject({ date: '2025-11-02', source: 'Reuters' });
    expect(parseHeader('date 2025-11-02T23:30:00+01:00 AP. Text.', 'a')).toMatchObject({ date: '2025-11-02', source: 'AP' });
  });

  it('a date alone on its line has no source', () => {
    const text = 'date 2024-02-29\nTesto qui.';
    const h = parseHeader(text, 'a');
    expect(h).toMatchObject({ date: '2024-02-29' });
    expect(h.source).toBeUndefined();
    expect(text.slice(h.bodyStart)).toBe('Testo qui.');
  });

  it('does not swallow a long first sentence as the source', () => {
    const text = 'date 2026-03-12 Il presidente francese Emmanuel Macron incontrerà domani Zelensky a Parigi. Poi.';
    const h = parseHeader(text, 'a');
    expect(h.source).toBeUndefined();
    expect(text.slice(h.bodyStart).startsWith('Il presidente')).toBe(true);
  });

  it('no header: body starts at the first non-space character', () => {
    expect(parseHeader('\n  Testo.', 'a')).toEqual({ bodyStart: 3 });
    expect(parseHeader('Date palms grow here.', 'a')).toEqual({ bodyStart: 0 });
  });

  it.each(['date 2026-13-45 X. Testo.', 'date 2026-02-30 X. Testo.', 'date 2025-02-29 X. Testo.', 'date 2026-3-12 X. Testo.', 'date 12/03/2026 X.'])(
    'refuses %s',
    (text) => {
      expect(() => parseHeader(text, 'f.txt')).toThrow(UserError);
      expect(() => parseHeader(text, 'f.txt')).toThrow(/^f\.txt: unreadable header: /);
    },
  );
});
