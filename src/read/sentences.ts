// Sentence splitting over tokens. A sentence ends at . ! ? … (with any closing quotes or brackets right after
// them) when the next token can start a sentence: a capitalised word, a number, or an opening quote/bracket.
// That single rule keeps quotations whole (“Abbiamo discusso.” ha detto X) and mid-sentence ellipses together.
// Exceptions, from data/lang/LANG/abbreviations.json:
//   - a title (Mr., Gen., sig., dott.) never ends a sentence;
//   - other abbreviations (U.S., ecc.) and single-letter initials (J. D. Vance) end one only before a capitalised
//     stop word ("in the U.S. The talks" splits, "U.S. President" does not).
// A blank line always ends a sentence and starts a new paragraph. A single newline is just a space: hard-wrapped
// text must not be cut at every line.
import { readerData } from './lang-data.js';
import { tokenize } from './tokenize.js';
import { charCodeAt, endsWith } from './strings.js';
import type { Lang, Token } from './types.js';

export interface SentenceSpan {
  start: number;
  end: number;
  /** Index of the paragraph (blank-line separated block), counted from 0 over non-empty paragraphs. */
  paragraph: number;
}

export interface TokenizedSentence extends SentenceSpan {
  tokens: Token[];
}

const TERMINALS = new Set(['.', '!', '?', '…']);
/** Folded forms (see normalise.ts): ” » → ", ’ → '. */
const CLOSERS = new Set(['"', "'", ')', ']']);
const OPENERS = new Set(['"', "'", '(', '[', '-']);

/** [start, end) ranges of the blank-line separated blocks of text[start, end). Linear scan, no regex. */
export function paragraphRanges(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let paraStart = start;
  let lineStart = start;
  let lineBlank = true;
  for (let i = start; i <= end; i++) {
    const c = i < end ? charCodeAt(text, i) : NEWLINE;
    if (c === NEWLINE) {
      if (lineBlank) {
        if (lineStart > paraStart) out.push([paraStart, lineStart]);
        paraStart = i + 1;
      }
      lineStart = i + 1;
      lineBlank = true;
    } else if (!isSpace(c, text, i)) {
      lineBlank = false;
    }
  }
  if (paraStart < end) out.push([paraStart, end]);
  return out;
}

const NEWLINE = 10;

/** /\s/.test(text[i]) for its char code c, deciding ASCII without a regex: this runs on every character. */
function isSpace(c: number, text: string, i: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i]!);
}
const SPACE = /\s/;

function canStartSentence(t: Token): boolean {
  return t.upper || t.kind === 'number' || (t.kind === 'punct' && OPENERS.has(t.norm));
}

function adjacent(a: Token, b: Token): boolean {
  return a.end === b.start;
}

/** A capitalised stop word: after an abbreviation, it shows that a new sentence starts ("in the U.S. The talks").
 *  A module function, not a closure made per paragraph: under tsx each closure creation also calls __name. */
function capitalisedStopword(stopwords: ReadonlySet<string>, next: Token | undefined): boolean {
  return !!next && next.upper && stopwords.has(next.norm);
}

function splitTokens(tokens: Token[], lang: Lang): Token[][] {
  const data = readerData(lang);
  const out: Token[][] = [];
  let from = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    let last = t;
    let boundary = false;
    if (tok.kind === 'punct' && TERMINALS.has(tok.norm)) {
      while (last + 1 < tokens.length && TERMINALS.has(tokens[last + 1]!.norm) && adjacent(tokens[last]!, tokens[last + 1]!)) last++;
      while (last + 1 < tokens.length && CLOSERS.has(tokens[last + 1]!.norm) && adjacent(tokens[last]!, tokens[last + 1]!)) last++;
      const next = tokens[last + 1];
      boundary = !!next && canStartSentence(next);
      const prev = tokens[t - 1];
      const singlePeriod = tok.norm === '.' && (last === t || !TERMINALS.has(tokens[t + 1]!.norm));
      if (boundary && singlePeriod && prev && prev.kind === 'word' && adjacent(prev, tok)) {
        if (data.titles.has(prev.norm)) boundary = false;
        else if (data.otherAbbreviations.has(prev.norm) || (prev.upper && [...prev.text].length === 1)) {
          boundary = capitalisedStopword(data.stopwords, next);
        }
      }
    } else if (tok.kind === 'word' && endsWith(tok.norm, '.') && tok.norm.length > 1) {
      // Dotted abbreviation token (U.S., p.es.): its period may also close the sentence.
      const abbr = tok.norm.slice(0, -1);
      boundary = !data.titles.has(abbr) && capitalisedStopword(data.stopwords, tokens[t + 1]);
    }
    if (boundary) {
      out.push(tokens.slice(from, last + 1));
      from = last + 1;
    }
    t = last;
  }
  if (from < tokens.length) out.push(tokens.slice(from));
  return out;
}

/** The tokens of one paragraph (see paragraphRanges), offsets into the whole text. */
export interface TokenizedParagraph {
  tokens: Token[];
}

/**
 * Tokens of each non-empty paragraph of text[start, end), in order: the paragraphs of paragraphRanges().
 * One tokenizer pass over the whole range, cut at blank lines afterwards (rather than a pass to find the
 * paragraphs and a tokenizer call per paragraph): no token spans white space, so the tokens are the same, and
 * a blank line, which lies in the white space between two tokens, is there when that gap holds two newlines.
 */
export function tokenizeParagraphs(text: string, start: number, end: number): TokenizedParagraph[] {
  const all = tokenize(text.slice(start, end), start);
  const out: TokenizedParagraph[] = [];
  let from = 0;
  for (let k = 1; k < all.length; k++) {
    if (twoNewlines(text, all[k - 1]!.end, all[k]!.start)) {
      out.push({ tokens: all.slice(from, k) });
      from = k;
    }
  }
  if (from < all.length) out.push({ tokens: from === 0 ? all : all.slice(from) });
  return out;
}

/** Does text[from, to) hold two newlines? */
function twoNewlines(text: string, from: number, to: number): boolean {
  let seen = 0;
  for (let i = from; i < to; i++) if (charCodeAt(text, i) === NEWLINE && ++seen === 2) return true;
  return false;
}

/** Sentences of already tokenised paragraphs (tokenizeParagraphs). */
/**
 * Longest sentence the extractor sees, in tokens. News sentences stay well under 100 tokens; a "sentence"
 * of thousands (a list dump, a line without full stops) is cut into pieces of at most this many tokens,
 * preferably after a comma or semicolon, so that the per-sentence work of the extractor — which compares
 * the mentions and triggers of a sentence with each other — stays bounded and extraction stays linear.
 */
export const MAX_SENTENCE_TOKENS = 160;

function capLength(group: Token[]): Token[][] {
  if (group.length <= MAX_SENTENCE_TOKENS) return [group];
  const out: Token[][] = [];
  let start = 0;
  while (group.length - start > MAX_SENTENCE_TOKENS) {
    let cut = start + MAX_SENTENCE_TOKENS;
    for (let k = cut - 1; k > start + MAX_SENTENCE_TOKENS / 2; k--) {
      const t = group[k]!.text;
      if (t === ',' || t === ';' || t === ':') { cut = k + 1; break; }
    }
    out.push(group.slice(start, cut));
    start = cut;
  }
  out.push(group.slice(start));
  return out;
}

export function segmentParagraphs(paragraphs: readonly TokenizedParagraph[], lang: Lang): TokenizedSentence[] {
  const out: TokenizedSentence[] = [];
  paragraphs.forEach(({ tokens }, paragraph) => {
    for (const sentence of splitTokens(tokens, lang)) {
      for (const group of capLength(sentence)) {
        out.push({ start: group[0]!.start, end: group[group.length - 1]!.end, paragraph, tokens: group });
      }
    }
  });
  return out;
}

/** Sentences of text[start, end) with their tokens (offsets into `text`). */
export function segment(text: string, start: number, end: number, lang: Lang): TokenizedSentence[] {
  return segmentParagraphs(tokenizeParagraphs(text, start, end), lang);
}

/** Sentence spans of text[start, end): offsets into `text`, trimmed to their first and last token. */
export function splitSentences(text: string, start: number, end: number, lang: Lang): SentenceSpan[] {
  return segment(text, start, end, lang).map(({ start: s, end: e, paragraph }) => ({ start: s, end: e, paragraph }));
}
