// Tokenizer: words, numbers and punctuation with offsets into the original text.
// Hand-written scanner rather than a library or one big regular expression: we need exact offsets, Italian
// elision (dell'Ucraina → dell' + Ucraina), English clitics (Russia's → Russia + 's) and dotted abbreviations
// (U.S.), and a guarantee of linear time on hostile input. Every loop only moves forward; the few look-aheads
// are bounded by a constant, so the cost is O(length).
import { fold, norm } from './normalise.js';
import { readerData } from './lang-data.js';
import type { Token } from './types.js';

/**
 * A Unicode character class (a regex over one code point), remembered per BMP code unit. Italian text is full of
 * accented letters; testing a regex on a fresh one-character string for each of them was a large share of
 * tokenising. Astral code points (rare) still go to the regex.
 */
class CharClass {
  /** 0: not known yet, 1: not in the class, 2: in the class. */
  private readonly memo = new Uint8Array(0x10000);
  constructor(private readonly re: RegExp) {}

  /** Is the code point at s[i] in the class (as re.test(charAt(s, i)))? */
  at(s: string, i: number): boolean {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) return this.re.test(String.fromCodePoint(cp));
    let v = this.memo[cp]!;
    if (v === 0) {
      v = this.re.test(String.fromCharCode(cp)) ? 2 : 1;
      this.memo[cp] = v;
    }
    return v === 2;
  }
}

const WORD = new CharClass(/[\p{L}\p{M}\p{N}]/u);
const LETTER = new CharClass(/[\p{L}\p{M}]/u);
const UPPER = new CharClass(/[\p{Lu}\p{Lt}]/u);
const SPACE = new CharClass(/\s/u);
const ANY_LETTER = /\p{L}/u;

/** Joins two word parts into one token (russo-americane); en and em dashes do not: '-', U+2010, U+2011. */
function isJoiningHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}
/** Inside numbers: 3.5, 1.000.000, 24,5, 10:30 ('.', ',', ':'). */
function isNumberSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3a;
}
const APOSTROPHE = 0x27;
const PERIOD = 0x2e;

// Character tests take char codes and code point lengths rather than one-character strings: they run on every
// character of every article, and each s[i] or String.fromCodePoint() was a string to make and compare.

// Elisions are Italian, clitics English; an article's language is not known yet when it is tokenized, and the
// two rules do not collide (one looks at the part before the apostrophe, the other at the part after it).
const ELISIONS = readerData('it').elisions;
const CLITICS = readerData('en').clitics;

/** Length in UTF-16 units of the code point at s[i] (1 or 2). */
function cpLength(s: string, i: number): number {
  return s.codePointAt(i)! > 0xffff ? 2 : 1;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return isAsciiAlnum(c);
  return WORD.at(s, i);
}

function isLetterAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.at(s, i);
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** End of the run of word characters starting at i. */
function scanRun(s: string, i: number): number {
  while (i < s.length) {
    // ASCII decided inline: this loop runs on every character of every word
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (!isAsciiAlnum(c)) break;
      i++;
    } else {
      if (!WORD.at(s, i)) break;
      i += cpLength(s, i);
    }
  }
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
      k += cpLength(s, k);
      letters++;
    }
    if (letters === 0 || letters > 3 || s.charCodeAt(k) !== PERIOD) break;
    segments++;
    end = k + 1;
    i = k + 1;
  }
  return segments >= 2 ? end : -1;
}

function isUpperAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90; // fast path: no regex (and no string) for ASCII
  return UPPER.at(s, i);
}

/** Is s[i] white space (as /\s/u)? ASCII is decided by char code: this runs on every character. */
function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.at(s, i);
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

/** 'number' for a word of s[start, end) that starts with a digit and has no letter (24, 3,5, 10:30). */
function wordKind(s: string, start: number, end: number): Token['kind'] {
  return isDigitAt(s, start) && !ANY_LETTER.test(s.slice(start, end)) ? 'number' : 'word';
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
      i += cpLength(f, i);
      continue;
    }
    if (!isWordAt(f, i)) {
      const len = cpLength(f, i);
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
    while (end < n) {
      if (isJoiningHyphen(text.charCodeAt(end)) && isWordAt(f, end + 1)) {
        end = scanRun(f, end + 1);
      } else if (isNumberSeparator(f.charCodeAt(end)) && isDigitAt(f, end - 1) && isDigitAt(f, end + 1) && isDigitAt(f, start)) {
        end = scanRun(f, end + 1);
      } else break;
    }
    if (f.charCodeAt(end) === APOSTROPHE && isLetterAt(f, end + 1)) {
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
        k += cpLength(f, k);
        letters++;
      }
      const after = f.slice(end + 1, k).toLowerCase();
      if (!isWordAt(f, k) && CLITICS.has(after)) {
        tokens.push(makeToken(text, start, end, offset, wordKind(f, start, end)));
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
    tokens.push(makeToken(text, start, end, offset, wordKind(f, start, end)));
    i = end;
  }
  return tokens;
}
