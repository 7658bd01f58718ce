import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, firstInvalidUtf16, firstInvalidUtf8 } from '../src/read/decode.js';
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

  it('reads UTF-16 with its byte-order mark, little- and big-endian, as Windows tools save it', () => {
    const text = 'Il presidente ucraino Zelens’kyj è arrivato a Kyiv 🇺🇦.\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeArticleBytes(le, 'le.txt')).toBe(text);
    expect(decodeArticleBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'be.txt')).toBe(text);
    // without the mark, the NUL bytes of UTF-16 are what they look like
    expect(error(() => decodeArticleBytes(le.subarray(2), 'nobom.txt')).message).toBe('nobom.txt: binary file, not a text article');
  });

  it('refuses UTF-16 that is empty, binary or broken, with the offset of the first bad code unit', () => {
    const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    expect(error(() => decodeArticleBytes(utf16(''), 'e.txt')).message).toBe('e.txt: empty article');
    expect(error(() => decodeArticleBytes(utf16(' \r\n\t'), 'w.txt')).message).toBe('w.txt: empty article');
    expect(error(() => decodeArticleBytes(utf16('ab\u0000\u0001cd'), 'b.txt')).message).toBe('b.txt: binary file, not a text article');
    const odd = utf16('Kyiv').subarray(0, 9); // the last code unit cut in half
    expect(error(() => decodeArticleBytes(odd, 'o.txt')).message).toBe('o.txt: not valid UTF-16 (byte offset 8)');
    const lone = Buffer.concat([utf16('ab'), Buffer.from([0x3d, 0xd8]), Buffer.from('cd', 'utf16le')]); // high surrogate, then "c"
    expect(error(() => decodeArticleBytes(lone, 's.txt')).message).toBe('s.txt: not valid UTF-16 (byte offset 6)');
  });

  it('firstInvalidUtf16 agrees with the strict TextDecoder on random code units, in both byte orders', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    for (const order of ['utf-16le', 'utf-16be'] as const) {
      const strict = new TextDecoder(order, { fatal: true });
      for (let n = 0; n < 2000; n++) {
        // mostly surrogates, so that pairs, lone halves and odd lengths all occur
        const bytes = new Uint8Array(1 + (rnd() % 9)).map((_, i) => (i % 2 === (order === 'utf-16le' ? 1 : 0) && rnd() % 2 ? 0xd8 + (rnd() % 8) : rnd() % 256));
        let ok = true;
        try {
          strict.decode(bytes);
        } catch {
          ok = false;
        }
        expect(firstInvalidUtf16(bytes, order) === -1, `${order} ${Array.from(bytes).join(',')}`).toBe(ok);
      }
    }
  });
});
