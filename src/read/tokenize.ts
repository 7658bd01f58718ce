// Tokenizer: words, numbers and punctuation with offsets into the original text.
// Hand-written scanner rather than a library or one big regular expression: we need exact offsets, Italian
// elision (dell'Ucraina → dell' + Ucraina), English clitics (Russia's → Russia + 's) and dotted abbreviations
// (U.S.), and a guarantee of linear time on hostile input. Every loop only moves forward; the few look-aheads
// are bounded by a constant, so the cost is O(length).
import { fold, foldCode, norm } from './normalise.js';
import { charCodeAt, slice, toLowerCase } from './strings.js';
import { readerData } from './lang-data.js';
import type { Token } from './types.js';

/**
 * The text's characters as UTF-16 codes in typed arrays, read once: `orig` as written, `folded` after fold()
 * (normalise.ts; one unit for one, so offsets agree). Why: the scanner reads every character several times, and
 * reading a string's characters from code that meets strings of many internal representations (sliced,
 * concatenated, one- or two-byte) goes through V8's slowest property lookup; an array read is always fast.
 */
interface Codes {
  orig: Uint16Array;
  folded: Uint16Array;
  n: number;
}

function codesOf(text: string): Codes {
  const n = text.length;
  const orig = new Uint16Array(n);
  const folded = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = charCodeAt(text, i);
    orig[i] = c;
    folded[i] = foldCode(c);
  }
  return { orig, folded, n };
}

/** The code point at i (as String.prototype.codePointAt on the folded text). */
function codePointOf(s: Codes, i: number): number {
  const c = s.folded[i]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.n) {
    const d = s.folded[i + 1]!;
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * A Unicode character class (a regex over one code point), remembered per BMP code unit. Italian text is full of
 * accented letters; testing a regex on a fresh one-character string for each of them was a large share of
 * tokenising. Astral code points (rare) still go to the regex.
 */
class CharClass {
  /** 0: not known yet, 1: not in the class, 2: in the class. */
  private readonly memo = new Uint8Array(0x10000);
  constructor(private readonly re: RegExp) {}

  /** Is the code point at i in the class (as re.test(charAt(folded text, i)))? */
  at(s: Codes, i: number): boolean {
    const cp = codePointOf(s, i);
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
// character of every article, and each s[i] or String.fromCodePoint() was a string to make and compare. They
// read the folded codes, except where the text as written matters (joining hyphens, the token's own text).

// Elisions are Italian, clitics English; an article's language is not known yet when it is tokenized, and the
// two rules do not collide (one looks at the part before the apostrophe, the other at the part after it).
const ELISIONS = readerData('it').elisions;
const CLITICS = readerData('en').clitics;

/** Length in UTF-16 units of the code point at i (1 or 2). */
function cpLength(s: Codes, i: number): number {
  return codePointOf(s, i) > 0xffff ? 2 : 1;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordAt(s: Codes, i: number): boolean {
  if (i >= s.n) return false;
  const c = s.folded[i]!;
  if (c < 128) return isAsciiAlnum(c);
  return WORD.at(s, i);
}

function isLetterAt(s: Codes, i: number): boolean {
  if (i >= s.n) return false;
  const c = s.folded[i]!;
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.at(s, i);
}

function isDigitAt(s: Codes, i: number): boolean {
  if (i < 0 || i >= s.n) return false;
  const c = s.folded[i]!;
  return c >= 48 && c <= 57;
}

/** End of the run of word characters starting at i. */
function scanRun(s: Codes, i: number): number {
  const f = s.folded;
  while (i < s.n) {
    // ASCII decided inline: this loop runs on every character of every word
    const c = f[i]!;
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
function scanDotted(s: Codes, i: number): number {
  let segments = 0;
  let end = -1;
  for (;;) {
    let k = i;
    let letters = 0;
    while (letters <= 3 && isLetterAt(s, k)) {
      k += cpLength(s, k);
      letters++;
    }
    if (letters === 0 || letters > 3 || k >= s.n || s.folded[k] !== PERIOD) break;
    segments++;
    end = k + 1;
    i = k + 1;
  }
  return segments >= 2 ? end : -1;
}

/** Is the character at i an upper-case letter? (Folding never touches letters, nor makes one: the folded code
 *  answers for the text as written.) */
function isUpperAt(s: Codes, i: number): boolean {
  const c = s.folded[i]!;
  if (c < 128) return c >= 65 && c <= 90; // fast path: no regex (and no string) for ASCII
  return UPPER.at(s, i);
}

/** Is the character at i white space (as /\s/u)? ASCII is decided by char code: this runs on every character. */
function isSpaceAt(s: Codes, i: number): boolean {
  const c = s.folded[i]!;
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.at(s, i);
}

/** norm(raw) for raw = text[start, end), deciding the common plain-ASCII case from the codes (same rule as norm). */
function normOf(raw: string, s: Codes, start: number, end: number): string {
  let capital = false;
  for (let k = start; k < end; k++) {
    const c = s.orig[k]!;
    if (c >= 128 || c === 0x60) return norm(raw);
    if (c >= 65 && c <= 90) capital = true;
  }
  return capital ? toLowerCase(raw) : raw;
}

function makeToken(text: string, s: Codes, start: number, end: number, offset: number, kind: Token['kind']): Token {
  const raw = slice(text, start, end);
  return {
    text: raw,
    norm: normOf(raw, s, start, end),
    start: start + offset,
    end: end + offset,
    upper: end > start && isUpperAt(s, start),
    kind,
  };
}

/** fold(text[start, end)): the folded text of a range (fold() is one unit for one). */
function foldedSlice(text: string, start: number, end: number): string {
  return fold(slice(text, start, end));
}

/** 'number' for a word of [start, end) that starts with a digit and has no letter (24, 3,5, 10:30). */
function wordKind(text: string, s: Codes, start: number, end: number): Token['kind'] {
  return isDigitAt(s, start) && !ANY_LETTER.test(foldedSlice(text, start, end)) ? 'number' : 'word';
}

/**
 * Tokens of `text`; offsets are shifted by `offset` (pass the slice's start when tokenizing part of an article).
 * Words are runs of letters, marks and digits with internal hyphens; elided Italian words keep their apostrophe
 * (l', dell'); English clitics are their own token ('s, 're, n't); dotted abbreviations are one token; every
 * other non-space character is a punctuation token.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const s = codesOf(text);
  const f = s.folded;
  const tokens: Token[] = [];
  const n = s.n;
  let i = 0;
  while (i < n) {
    if (isSpaceAt(s, i)) {
      i += cpLength(s, i);
      continue;
    }
    if (!isWordAt(s, i)) {
      const len = cpLength(s, i);
      tokens.push(makeToken(text, s, i, i + len, offset, 'punct'));
      i += len;
      continue;
    }
    const start = i;
    const dotted = scanDotted(s, i);
    if (dotted > 0) {
      tokens.push(makeToken(text, s, start, dotted, offset, 'word'));
      i = dotted;
      continue;
    }
    let end = scanRun(s, i);
    while (end < n) {
      if (isJoiningHyphen(s.orig[end]!) && isWordAt(s, end + 1)) {
        end = scanRun(s, end + 1);
      } else if (isNumberSeparator(f[end]!) && isDigitAt(s, end - 1) && isDigitAt(s, end + 1) && isDigitAt(s, start)) {
        end = scanRun(s, end + 1);
      } else break;
    }
    if (end < n && f[end] === APOSTROPHE && isLetterAt(s, end + 1)) {
      const before = toLowerCase(foldedSlice(text, start, end));
      if (ELISIONS.has(before)) {
        tokens.push(makeToken(text, s, start, end + 1, offset, 'word'));
        i = end + 1;
        continue;
      }
      // A clitic is at most three letters long: bounded look-ahead.
      let k = end + 1;
      let letters = 0;
      while (letters <= 3 && isLetterAt(s, k)) {
        k += cpLength(s, k);
        letters++;
      }
      const after = toLowerCase(foldedSlice(text, end + 1, k));
      if (!isWordAt(s, k) && CLITICS.has(after)) {
        tokens.push(makeToken(text, s, start, end, offset, wordKind(text, s, start, end)));
        tokens.push(makeToken(text, s, end, k, offset, 'word'));
        i = k;
        continue;
      }
      if (!isWordAt(s, k) && after === 't' && before.length > 1 && before.endsWith('n')) {
        tokens.push(makeToken(text, s, start, end - 1, offset, 'word'));
        tokens.push(makeToken(text, s, end - 1, k, offset, 'word'));
        i = k;
        continue;
      }
      // O'Brien, D'Alema stays whole only when not an elision: one name.
      end = scanRun(s, end + 1);
    }
    tokens.push(makeToken(text, s, start, end, offset, wordKind(text, s, start, end)));
    i = end;
  }
  return tokens;
}
