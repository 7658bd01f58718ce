// Tokenizer: words, numbers and punctuation with offsets into the original text.
// Hand-written scanner rather than a library or one big regular expression: we need exact offsets, Italian
// elision (dell'Ucraina → dell' + Ucraina), English clitics (Russia's → Russia + 's) and dotted abbreviations
// (U.S.), and a guarantee of linear time on hostile input. Every loop only moves forward; the few look-aheads
// are bounded by a constant, so the cost is O(length).
import { fold, norm } from './normalise.js';
import { readerData } from './lang-data.js';
import type { Token } from './types.js';

const WORD = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const SPACE = /\s/u;
/** Joins two word parts into one token (russo-americane); en and em dashes do not. */
const JOINING_HYPHENS = new Set(['-', '\u2010', '\u2011']);
/** Inside numbers: 3.5, 1.000.000, 24,5, 10:30. */
const NUMBER_SEPARATORS = new Set(['.', ',', ':']);

// Elisions are Italian, clitics English; an article's language is not known yet when it is tokenized, and the
// two rules do not collide (one looks at the part before the apostrophe, the other at the part after it).
const ELISIONS = readerData('it').elisions;
const CLITICS = readerData('en').clitics;

function charAt(s: string, i: number): string {
  if (i >= s.length) return '';
  const cp = s.codePointAt(i)!;
  return String.fromCodePoint(cp);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return isAsciiAlnum(c);
  return WORD.test(charAt(s, i));
}

function isLetterAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(charAt(s, i));
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** End of the run of word characters starting at i. */
function scanRun(s: string, i: number): number {
  while (i < s.length && isWordAt(s, i)) i += s.codePointAt(i)! > 0xffff ? 2 : 1;
  return i;
}

/** Dotted abbreviation at i (U.S., D.C., p.es.): two or more segments of 1–3 letters each followed by a period. */
function scanDotted(s: string, i: number): number {
  let segments = 0;
  let end = -1;
  for (;;) {
    let k = i;
    let letters = 0;
    while (letters <= 3 && isLetterAt(s, k)) {
      k += charAt(s, k).length;
      letters++;
    }
    if (letters === 0 || letters > 3 || s[k] !== '.') break;
    segments++;
    end = k + 1;
    i = k + 1;
  }
  return segments >= 2 ? end : -1;
}

function isUpperAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90; // fast path: no regex (and no string) for ASCII
  return UPPER.test(charAt(s, i));
}

/** Is s[i] white space (as /\s/u)? ASCII is decided by char code: this runs on every character. */
function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(charAt(s, i));
}

function makeToken(text: string, start: number, end: number, offset: number, kind: Token['kind']): Token {
  const raw = text.slice(start, end);
  return {
    text: raw,
    norm: norm(raw),
    start: start + offset,
    end: end + offset,
    upper: raw.length > 0 && isUpperAt(raw, 0),
    kind,
  };
}

function wordKind(raw: string): Token['kind'] {
  return isDigitAt(raw, 0) && !/\p{L}/u.test(raw) ? 'number' : 'word';
}

/**
 * Tokens of `text`; offsets are shifted by `offset` (pass the slice's start when tokenizing part of an article).
 * Words are runs of letters, marks and digits with internal hyphens; elided Italian words keep their apostrophe
 * (l', dell'); English clitics are their own token ('s, 're, n't); dotted abbreviations are one token; every
 * other non-space character is a punctuation token.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const f = fold(text); // same length as text: offsets agree
  const tokens: Token[] = [];
  const n = f.length;
  let i = 0;
  while (i < n) {
    if (isSpaceAt(f, i)) {
      i += f.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    if (!isWordAt(f, i)) {
      const len = f.codePointAt(i)! > 0xffff ? 2 : 1;
      tokens.push(makeToken(text, i, i + len, offset, 'punct'));
      i += len;
      continue;
    }
    const start = i;
    const dotted = scanDotted(f, i);
    if (dotted > 0) {
      tokens.push(makeToken(text, start, dotted, offset, 'word'));
      i = dotted;
      continue;
    }
    let end = scanRun(f, i);
    for (;;) {
      const c = f[end];
      if (c === undefined) break;
      if (JOINING_HYPHENS.has(text[end]!) && isWordAt(f, end + 1)) {
        end = scanRun(f, end + 1);
      } else if (NUMBER_SEPARATORS.has(c) && isDigitAt(f, end - 1) && isDigitAt(f, end + 1) && isDigitAt(f, start)) {
        end = scanRun(f, end + 1);
      } else break;
    }
    if (f[end] === "'" && isLetterAt(f, end + 1)) {
      const before = f.slice(start, end).toLowerCase();
      if (ELISIONS.has(before)) {
        tokens.push(makeToken(text, start, end + 1, offset, 'word'));
        i = end + 1;
        continue;
      }
      // A clitic is at most three letters long: bounded look-ahead.
      let k = end + 1;
      let letters = 0;
      while (letters <= 3 && isLetterAt(f, k)) {
        k += charAt(f, k).length;
        letters++;
      }
      const after = f.slice(end + 1, k).toLowerCase();
      if (!isWordAt(f, k) && CLITICS.has(after)) {
        tokens.push(makeToken(text, start, end, offset, wordKind(f.slice(start, end))));
        tokens.push(makeToken(text, end, k, offset, 'word'));
        i = k;
        continue;
      }
      if (!isWordAt(f, k) && after === 't' && before.length > 1 && before.endsWith('n')) {
        tokens.push(makeToken(text, start, end - 1, offset, 'word'));
        tokens.push(makeToken(text, end - 1, k, offset, 'word'));
        i = k;
        continue;
      }
      // O'Brien, D'Alema stays whole only when not an elision: one name.
      end = scanRun(f, end + 1);
    }
    tokens.push(makeToken(text, start, end, offset, wordKind(f.slice(start, end))));
    i = end;
  }
  return tokens;
}
