// Interned word ids for phrase lookup (phrase-index.ts).
//
// Why: the extractor asks about ten phrase indexes (names, roles, triggers, cue sets) about every token, and
// each ask used to hash the token's string (and, for names, fold its accents first). A vocabulary gives every
// word of its phrases a small integer id once; the ids of a sentence's tokens are computed once per sentence
// (one string lookup per token) and shared by every index that uses the vocabulary, which then compares
// integers and indexes arrays instead of hashing strings.
import type { Token } from '../read/types.js';

/** The id of a word no phrase of the vocabulary contains. */
export const UNKNOWN_WORD = 0;

/** Lower-case form without diacritics: "Inácio" and "Inacio", "Erdoğan" and "Erdogan" are one name. */
const foldMemo = new Map<string, string>();
export function foldAccents(norm: string): string {
  // fast path: nothing to fold in ASCII, and a char-code loop is cheaper than a regex or hashing into the memo
  if (isAscii(norm)) return norm;
  let f = foldMemo.get(norm);
  if (f === undefined) {
    f = norm.normalize('NFD').replace(/\p{M}+/gu, '');
    if (foldMemo.size > 200_000) foldMemo.clear(); // bounded memo: a corpus has a few hundred thousand word types
    foldMemo.set(norm, f);
  }
  return f;
}

function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 0x7f) return false;
  return true;
}

/**
 * A set of word ids as a bit array: one bit per id of the vocabulary, so that the sets of all the indexes fit in
 * the processor's cache (an array of entries per id, or a hash per index, read scattered memory for every token).
 */
export class IdSet {
  private bits = new Uint32Array(0);

  add(id: number): void {
    const word = id >>> 5;
    if (word >= this.bits.length) {
      const grown = new Uint32Array(Math.max(word + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[word]! |= 1 << (id & 31);
  }

  has(id: number): boolean {
    const word = id >>> 5;
    return word < this.bits.length && (this.bits[word]! & (1 << (id & 31))) !== 0;
  }
}

/**
 * Words and their ids. A word is kept in the form it is compared in: a token norm for exact indexes, its
 * foldAccents() form for name indexes; both live in one map, so an ASCII token (whose two forms are the same
 * string) costs one lookup for both.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** One-slot memo: the ids of the last token array asked about (the sentence being scanned). */
  private memoTokens: readonly Token[] | undefined;
  /** Vocabulary size when the memo was made: a word added since may be one of its tokens. */
  private memoSize = -1;
  /** Ids of the memo's tokens, exact and accent-folded (the latter filled on first demand). Reused buffers:
   *  a new array per sentence was a measurable share of the lookups' cost. */
  private exact = new Int32Array(64);
  private folded = new Int32Array(64);
  private foldedDone = false;
  private readonly single = new Int32Array(1);

  /** The id of a word (already in its compared form), adding it when new. Ids start at 1. */
  intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(word, id);
    }
    return id;
  }

  /** The id of a token norm, or UNKNOWN_WORD. */
  idOf(norm: string, fold: boolean): number {
    return this.ids.get(fold ? foldAccents(norm) : norm) ?? UNKNOWN_WORD;
  }

  /**
   * The id of every token of `tokens`, in order (the array may be longer than `tokens`). Do not keep or mutate
   * the answer: it is overwritten by the next sentence. Callers scan one sentence at a time, so the last answer
   * is kept; one-token arrays (built on the fly for a single word) are answered without replacing it, so that
   * they do not force the sentence's ids to be computed again.
   */
  keys(tokens: readonly Token[], fold: boolean): Int32Array {
    if (tokens !== this.memoTokens || this.ids.size !== this.memoSize) {
      if (tokens.length === 1) {
        this.single[0] = this.idOf(tokens[0]!.norm, fold);
        return this.single;
      }
      this.remember(tokens);
    }
    if (!fold) return this.exact;
    if (!this.foldedDone) {
      for (let k = 0; k < tokens.length; k++) {
        const norm = tokens[k]!.norm;
        this.folded[k] = isAscii(norm) ? this.exact[k]! : this.idOf(norm, true);
      }
      this.foldedDone = true;
    }
    return this.folded;
  }

  private remember(tokens: readonly Token[]): void {
    if (this.exact.length < tokens.length) {
      this.exact = new Int32Array(tokens.length * 2);
      this.folded = new Int32Array(tokens.length * 2);
    }
    const empty = this.ids.size === 0;
    for (let k = 0; k < tokens.length; k++) this.exact[k] = empty ? UNKNOWN_WORD : this.idOf(tokens[k]!.norm, false);
    this.memoTokens = tokens;
    this.memoSize = this.ids.size;
    this.foldedDone = false;
  }
}
