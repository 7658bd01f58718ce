// Interned word ids for phrase lookup (phrase-index.ts).
//
// Why: the extractor asks about ten phrase indexes (names, roles, triggers, cue sets) about every token, and
// each ask used to hash the token's string (and, for names, fold its accents first). A vocabulary gives every
// word of its phrases a small integer id once; the ids of a sentence's tokens are computed once per sentence
// (one string lookup per token) and shared by every index that uses the vocabulary, which then compares
// integers and indexes arrays instead of hashing strings.
import type { Token } from '../read/types.js';
import { charCodeAt } from '../read/strings.js';

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
  // (characters read through strings.ts and the length once: see there why)
  const n = s.length;
  for (let k = 0; k < n; k++) if (charCodeAt(s, k) > 0x7f) return false;
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
/** The ids of one token array's words in one vocabulary. */
interface TokenIds {
  /** Vocabulary size when the ids were found: a word added since may be one of the tokens. */
  size: number;
  exact: number[];
  /** Accent-folded ids, found on first demand (names only). */
  folded: number[] | undefined;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /**
   * The ids of each sentence's tokens, kept with the token array: the mention and relation stages scan every
   * sentence in turn, and finding the ids (a string lookup per token) is the larger part of a phrase lookup.
   * A WeakMap: a Map emptied every few thousand sentences measured 10% slower overall, as it kept the tokens of
   * finished articles alive through young-generation collections.
   */
  private readonly bySentence = new WeakMap<readonly Token[], TokenIds>();
  /** The last answer: callers ask about the same sentence many times in a row. */
  private lastTokens: readonly Token[] | undefined;
  private last: TokenIds = { size: -1, exact: [], folded: undefined };
  private readonly single: number[] = [0];

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
   * The id of every token of `tokens`, in order. Do not mutate the answer. One-token arrays (built on the fly
   * for a single word) are answered without being remembered.
   */
  keys(tokens: readonly Token[], fold: boolean): readonly number[] {
    let ids = this.last;
    if (tokens !== this.lastTokens || ids.size !== this.ids.size) {
      if (tokens.length === 1) {
        this.single[0] = this.idOf(tokens[0]!.norm, fold);
        return this.single;
      }
      ids = this.idsOf(tokens);
      this.last = ids;
      this.lastTokens = tokens;
    }
    if (!fold) return ids.exact;
    if (ids.folded === undefined) {
      const folded: number[] = [];
      for (let k = 0; k < tokens.length; k++) {
        const norm = tokens[k]!.norm;
        folded.push(isAscii(norm) ? ids.exact[k]! : this.idOf(norm, true));
      }
      ids.folded = folded;
    }
    return ids.folded;
  }

  private idsOf(tokens: readonly Token[]): TokenIds {
    const known = this.bySentence.get(tokens);
    if (known && known.size === this.ids.size) return known;
    const exact: number[] = [];
    const empty = this.ids.size === 0;
    for (let k = 0; k < tokens.length; k++) exact.push(empty ? UNKNOWN_WORD : this.idOf(tokens[k]!.norm, false));
    const ids: TokenIds = { size: this.ids.size, exact, folded: undefined };
    this.bySentence.set(tokens, ids);
    return ids;
  }
}
