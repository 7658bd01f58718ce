// Same-length character folding for matching. Typographic apostrophes, quotes, spaces and dashes vary between
// outlets (and between copies of one article); matching code should see one form. Every folded character is a
// single UTF-16 unit replaced by a single UTF-16 unit, so an offset in the folded string is the same offset in
// the original: tokens keep pointing at the original text.

import { charCodeAt, slice, toLowerCase } from './strings.js';

const FOLD: ReadonlyMap<string, string> = new Map([
  // apostrophes and primes
  ['\u2019', "'"], ['\u2018', "'"], ['\u02BC', "'"], ['\u00B4', "'"], ['\u201B', "'"], ['\u2032', "'"], ['\u0060', "'"],
  // double quotes and guillemets
  ['\u201C', '"'], ['\u201D', '"'], ['\u00AB', '"'], ['\u00BB', '"'], ['\u201E', '"'], ['\u201F', '"'], ['\u2033', '"'],
  // non-breaking and other fixed-width spaces
  ['\u00A0', ' '], ['\u202F', ' '], ['\u2007', ' '], ['\u2009', ' '], ['\u200A', ' '], ['\u2002', ' '], ['\u2003', ' '],
  // dashes and minus signs (the hyphen U+2010 too, so "russo‐americane" folds to an ASCII hyphen)
  ['\u2013', '-'], ['\u2014', '-'], ['\u2012', '-'], ['\u2015', '-'], ['\u2212', '-'], ['\u2010', '-'], ['\u2011', '-'],
]);

/** Quotation marks as written that open or close quoted speech (the parity of these tells inside from outside). */
export const QUOTATION_MARKS: ReadonlySet<string> = new Set(['"', '«', '»', '“', '”']);

/** FOLD by char code: fold() looks characters up by code, without making a one-character string for each. */
const FOLD_BY_CODE: ReadonlyMap<number, string> = new Map([...FOLD].map(([from, to]) => [charCodeAt(from, 0), to]));

const FOLD_CODES: ReadonlyMap<number, number> = new Map([...FOLD].map(([from, to]) => [charCodeAt(from, 0), charCodeAt(to, 0)]));

/** The folded form of one UTF-16 code (fold() of that one character). */
export function foldCode(c: number): number {
  if (c < 128 && c !== 0x60) return c;
  return FOLD_CODES.get(c) ?? c;
}

/** Fold typographic variants to ASCII, one UTF-16 unit for one: `fold(s).length === s.length`. */
export function fold(text: string): string {
  let out = '';
  let from = 0;
  const n = text.length; // (read once, and characters through strings.ts: see there why)
  for (let i = 0; i < n; i++) {
    // Fast path (this runs on every character of every article): ASCII folds nothing except the backtick.
    const c = charCodeAt(text, i);
    if (c < 128 && c !== 0x60) continue;
    const rep = FOLD_BY_CODE.get(c);
    if (rep !== undefined) {
      out += slice(text, from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + slice(text, from);
}

/** The matching form of one token: NFC, folded, lower-cased, accents kept (incontrerà ≠ incontrera). */
export function norm(token: string): string {
  // Fast path for the common all-ASCII token: NFC and folding leave it unchanged (bar the backtick, the one ASCII
  // character fold() changes), and String.prototype.normalize is costly even on ASCII. A char-code loop rather
  // than a regex test, and no toLowerCase() call when there is no capital: this runs on every token.
  let capital = false;
  const n = token.length;
  for (let k = 0; k < n; k++) {
    const c = charCodeAt(token, k);
    if (c >= 128 || c === 0x60) return fold(token.normalize('NFC')).toLowerCase();
    if (c >= 65 && c <= 90) capital = true;
  }
  return capital ? toLowerCase(token) : token;
}

