import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../src/read/tokenize.js';
import { fold, norm } from '../src/read/normalise.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('fold / norm', () => {
  it('folds typographic characters one unit for one', () => {
    expect(fold('l’Ucraina «sì» “no” a\u00a0b 2025–2026 — x')).toBe('l\'Ucraina "sì" "no" a b 2025-2026 - x');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => fold(s).length === s.length));
  });
  it('lower-cases and keeps accents', () => {
    expect(norm('Incontrerà')).toBe('incontrerà');
    expect(norm('DELL’')).toBe("dell'");
  });
});

describe('tokenize', () => {
  it('keeps hyphenated words, alphanumerics and numbers whole', () => {
    const toks = tokenize('relazioni russo-americane, il G7 e 24 paesi; 3,5% e 3.5');
    expect(toks.map((t) => t.text)).toEqual(['relazioni', 'russo-americane', ',', 'il', 'G7', 'e', '24', 'paesi', ';', '3,5', '%', 'e', '3.5']);
    expect(toks.find((t) => t.text === 'G7')!.kind).toBe('word');
    expect(toks.find((t) => t.text === '24')!.kind).toBe('number');
    expect(toks.find((t) => t.text === ',')!.kind).toBe('punct');
  });

  it('splits Italian elision after the apostrophe', () => {
    expect(texts('dell’Ucraina')).toEqual(['dell’', 'Ucraina']);
    expect(texts("l'inviato c'è un'altra quest'anno")).toEqual(["l'", 'inviato', "c'", 'è', "un'", 'altra', "quest'", 'anno']);
    expect(tokenize('dell’Ucraina')[0]!.norm).toBe("dell'");
  });

  it('splits English clitics before the apostrophe', () => {
    expect(texts("Russia's envoy")).toEqual(['Russia', "'s", 'envoy']);
    expect(texts('Russia’s we’re')).toEqual(['Russia', '’s', 'we', '’re']);
    expect(texts("don't")).toEqual(['do', "n't"]);
    expect(texts("O'Brien")).toEqual(["O'Brien"]);
  });

  it('keeps dotted abbreviations whole', () => {
    expect(texts('the U.S. and the U.N. in Washington, D.C.')).toEqual(['the', 'U.S.', 'and', 'the', 'U.N.', 'in', 'Washington', ',', 'D.C.']);
    expect(texts('J. D. Vance')).toEqual(['J', '.', 'D', '.', 'Vance']);
    expect(texts('fine.Il')).toEqual(['fine', '.', 'Il']);
  });

  it('makes every other non-space character a punctuation token', () => {
    expect(tokenize('“sì” — (no)!').map((t) => [t.text, t.kind])).toEqual([
      ['“', 'punct'], ['sì', 'word'], ['”', 'punct'], ['—', 'punct'], ['(', 'punct'], ['no', 'word'], [')', 'punct'], ['!', 'punct'],
    ]);
  });

  it('reports offsets into the original text, shifted by the offset argument', () => {
    const s = '  Il presidente “francese”, l’Eliseo 🇫🇷 ok';
    for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
    const shifted = tokenize('Roma', 100)[0]!;
    expect([shifted.start, shifted.end]).toEqual([100, 104]);
    expect(tokenize('Roma')[0]!.upper).toBe(true);
    expect(tokenize('roma')[0]!.upper).toBe(false);
  });

  it('property: tokens are ordered, non-overlapping, cover every non-space character, and match the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZè1 .-\'’,“”\n\u00a0G7'.split('')), maxLength: 60 }), (s) => {
        const toks = tokenize(s);
        let pos = 0;
        for (const t of toks) {
          expect(t.start).toBeGreaterThanOrEqual(pos);
          expect(s.slice(pos, t.start).trim()).toBe('');
          expect(s.slice(t.start, t.end)).toBe(t.text);
          expect(t.end).toBeGreaterThan(t.start);
          pos = t.end;
        }
        expect(s.slice(pos).trim()).toBe('');
      }),
    );
  });

  it('handles 1 MB lines of adversarial input (linear scanner)', () => {
    const n = 1 << 20;
    for (const unit of ['a.', 'a-', "l'", '1.', 'aaaa.', "a'", '.', 'U.S.']) {
      const line = unit.repeat(Math.ceil(n / unit.length));
      const toks = tokenize(line);
      expect(toks.length).toBeGreaterThan(0);
      expect(toks[toks.length - 1]!.end).toBeLessThanOrEqual(line.length);
    }
  });
});
