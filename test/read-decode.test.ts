import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, firstInvalidUtf8 } from '../src/read/decode.js';
import { UserError } from '../src/errors.js';

const enc = (s: string) => new TextEncoder().encode(s);

function error(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

describe('decodeArticleBytes', () => {
  it('decodes UTF-8 and removes the BOM', () => {
    expect(decodeArticleBytes(enc('\ufeffCiò è già'), 'a.txt')).toBe('Ciò è già');
    expect(decodeArticleBytes(enc('Zelens’kyj 🇺🇦'), 'a.txt')).toBe('Zelens’kyj 🇺🇦');
  });

  it('refuses empty and whitespace-only files', () => {
    expect(error(() => decodeArticleBytes(new Uint8Array(), 'a.txt')).message).toBe('a.txt: empty article');
    expect(error(() => decodeArticleBytes(enc(' \n\t\n'), 'a.txt')).message).toBe('a.txt: empty article');
    expect(error(() => decodeArticleBytes(enc('\ufeff  '), 'a.txt')).message).toBe('a.txt: empty article');
  });

  it('refuses binary files', () => {
    expect(error(() => decodeArticleBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x41]), 'x.zip')).message).toBe(
      'x.zip: binary file, not a text article',
    );
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x61));
    expect(error(() => decodeArticleBytes(controls, 'c.bin')).message).toBe('c.bin: binary file, not a text article');
  });

  it('refuses invalid UTF-8 with the offset of the first bad byte', () => {
    const latin1 = new Uint8Array([...enc('Ciao '), 0xe8, 0x20, 0x61]); // "è" in Latin-1
    expect(error(() => decodeArticleBytes(latin1, 'l.txt')).message).toBe('l.txt: not valid UTF-8 (byte offset 5)');
    const truncated = new Uint8Array([...enc('abc'), 0xe2, 0x80]);
    expect(error(() => decodeArticleBytes(truncated, 't.txt')).message).toBe('t.txt: not valid UTF-8 (byte offset 3)');
  });

  it('firstInvalidUtf8 agrees with the strict TextDecoder on random bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    for (let n = 0; n < 2000; n++) {
      const bytes = new Uint8Array(1 + (rnd() % 8)).map(() => (rnd() % 3 === 0 ? rnd() % 256 : 0x80 + (rnd() % 0x40)));
      let ok = true;
      try {
        strict.decode(bytes);
      } catch {
        ok = false;
      }
      expect(firstInvalidUtf8(bytes) === -1, Array.from(bytes).join(',')).toBe(ok);
    }
  });
});
