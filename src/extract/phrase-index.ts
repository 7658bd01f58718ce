// Longest-match lookup of multi-token phrases over a token stream. Phrases are stored by their first
// token's normalised form, longest first, so a match costs one map lookup plus a few comparisons: the
// extractor stays linear in the article's length however large the gazetteers grow.
import type { Token } from '../read/types.js';
import { tokenize } from '../read/tokenize.js';

export interface PhraseMatch<T> {
  /** Index one past the last matched token. */
  end: number;
  payload: T;
}

interface Entry<T> {
  norms: string[];
  /** When set, tokens must equal these exact surface forms (acronyms: "UN" is not the Italian "un"). */
  exact?: string[];
  /** The first token must be capitalised in the text (proper names). */
  capitalised: boolean;
  payload: T;
}

export interface PhraseOptions {
  caseSensitive?: boolean;
  capitalised?: boolean;
}

/** Lower-case form without diacritics: "Inácio" and "Inacio", "Erdoğan" and "Erdogan" are one name. */
const folded = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;
export function foldAccents(norm: string): string {
  if (ASCII.test(norm)) return norm; // fast path: nothing to fold, and cheaper than hashing into the memo
  let f = folded.get(norm);
  if (f === undefined) {
    f = norm.normalize('NFD').replace(/\p{M}+/gu, '');
    if (folded.size > 200_000) folded.clear(); // bounded memo: a corpus has a few hundred thousand word types
    folded.set(norm, f);
  }
  return f;
}

/** Is any of tokens[from, to) capitalised? (A loop rather than slice().some(): no garbage in a hot path.) */
function anyUpper(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to && k < tokens.length; k++) if (tokens[k]!.upper) return true;
  return false;
}

function shapeRow(key: string): number {
  return key.charCodeAt(0) & 127;
}
function shapeBit(key: string): number {
  return 1 << Math.min(key.length, 31);
}

/** The shared answer "no phrase here" (never mutated). */
const NO_MATCH: readonly never[] = Object.freeze([]);

export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  /**
   * Pre-filter of byFirst's keys: bit min(length, 31) of shapes[first char code & 127] is set for every key. A
   * clear bit proves a miss without hashing the string; most tokens miss most indexes (cue sets hold a few dozen
   * phrases), and a map lookup per index per token was the extractor's largest single cost.
   */
  private readonly shapes = new Uint32Array(128);

  /** foldAccents: compare names without diacritics (for proper names, not for Italian verbs: è ≠ e). */
  constructor(private readonly opts: { foldAccents?: boolean } = {}) {}

  private key(norm: string): string {
    return this.opts.foldAccents ? foldAccents(norm) : norm;
  }

  /** Adds a phrase written as text; it is tokenised like articles are, so both sides agree on boundaries. */
  add(phrase: string, payload: T, opts: PhraseOptions = {}): void {
    this.lastTokens = undefined; // the kept answer predates this phrase
    const tokens = tokenize(phrase).filter((t) => t.kind !== 'punct' || t.text !== ' ');
    if (tokens.length === 0) return;
    const norms = tokens.map((t) => this.key(t.norm));
    // Capitalisation is required of one-word names only ("Turchia" vs "turchia"); longer names
    // ("coalizione dei volenterosi", "stati uniti") are distinctive enough in any case.
    const entry: Entry<T> = { norms, capitalised: Boolean(opts.capitalised) && tokens.filter((t) => t.kind === 'word').length === 1, payload };
    if (opts.caseSensitive) entry.exact = tokens.map((t) => t.text);
    const first = norms[0]!;
    this.shapes[shapeRow(first)]! |= shapeBit(first);
    const list = this.byFirst.get(first);
    if (list) {
      list.push(entry);
      list.sort((a, b) => b.norms.length - a.norms.length);
    } else this.byFirst.set(first, [entry]);
  }

  /**
   * Every phrase starting at token i, longest first. The answer may be shared between calls: do not mutate it.
   *
   * The last answer is kept: the mention scanner asks the same index about the same token twice in a row
   * (counterparts, then names), and a map lookup per index per token is most of the scanner's cost. Token
   * arrays are never mutated after reading, and add() drops the kept answer.
   */
  matchAll(tokens: readonly Token[], i: number): readonly PhraseMatch<T>[] {
    if (tokens === this.lastTokens && i === this.lastI) return this.lastAnswer;
    const list = this.candidates(tokens, i);
    let out: PhraseMatch<T>[] | undefined;
    if (list) for (const e of list) if (this.accepts(tokens, i, e)) (out ??= []).push({ end: i + e.norms.length, payload: e.payload });
    this.lastTokens = tokens;
    this.lastI = i;
    this.lastAnswer = out ?? NO_MATCH;
    return this.lastAnswer;
  }

  /** The longest phrase starting at token i, or undefined. */
  match(tokens: readonly Token[], i: number): PhraseMatch<T> | undefined {
    return this.matchAll(tokens, i)[0];
  }

  private lastTokens: readonly Token[] | undefined;
  private lastI = -1;
  private lastAnswer: readonly PhraseMatch<T>[] = NO_MATCH;

  /** Phrases whose first token has the norm of tokens[i], longest first. */
  private candidates(tokens: readonly Token[], i: number): Entry<T>[] | undefined {
    const first = tokens[i];
    if (!first) return undefined;
    const key = this.key(first.norm);
    return this.shapes[shapeRow(key)]! & shapeBit(key) ? this.byFirst.get(key) : undefined;
  }

  private accepts(tokens: readonly Token[], i: number, e: Entry<T>): boolean {
    // proper names are capitalised, but may start with a particle ("von der Leyen", "al-Sisi")
    if (e.capitalised && !tokens[i]!.upper && !anyUpper(tokens, i + 1, i + e.norms.length)) return false;
    return this.matchesAt(tokens, i, e);
  }

  has(norm: string): boolean {
    const key = this.key(norm);
    return (this.shapes[shapeRow(key)]! & shapeBit(key)) !== 0 && this.byFirst.has(key);
  }

  private matchesAt(tokens: readonly Token[], i: number, e: Entry<T>): boolean {
    if (i + e.norms.length > tokens.length) return false;
    // e was found under the first token's key, so its first norm already matches: only exact forms recheck it.
    for (let k = e.exact ? 0 : 1; k < e.norms.length; k++) {
      const t = tokens[i + k]!;
      if (e.exact ? t.text !== e.exact[k] : this.key(t.norm) !== e.norms[k]) return false;
    }
    return true;
  }
}

/** A set of (possibly multi-word) cue phrases. */
export class CueSet {
  private readonly index = new PhraseIndex<true>();
  constructor(phrases: readonly string[]) {
    for (const p of phrases) this.index.add(p, true);
  }
  /** Index one past the cue starting at token i, or -1. */
  at(tokens: readonly Token[], i: number): number {
    return this.index.match(tokens, i)?.end ?? -1;
  }
  /** Does a cue start anywhere in tokens [from, to)? */
  within(tokens: readonly Token[], from: number, to: number): boolean {
    for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) if (this.at(tokens, i) >= 0) return true;
    return false;
  }
  /** Does a cue end exactly at token `end` (exclusive), looking back at most 4 tokens? */
  endsAt(tokens: readonly Token[], end: number): number {
    for (let s = end - 1; s >= Math.max(0, end - 4); s--) if (this.at(tokens, s) === end) return s;
    return -1;
  }
}
