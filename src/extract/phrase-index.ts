// Longest-match lookup of multi-token phrases over a token stream. Phrases are stored by their first
// token's word id (vocabulary.ts), longest first, so a match costs one array read plus a few integer
// comparisons: the extractor stays linear in the article's length however large the gazetteers grow.
import type { Token } from '../read/types.js';
import { tokenize } from '../read/tokenize.js';
import { foldAccents, IdSet, UNKNOWN_WORD, Vocabulary } from './vocabulary.js';

export interface PhraseMatch<T> {
  /** Index one past the last matched token. */
  end: number;
  payload: T;
}

interface Entry<T> {
  /** Word ids of the phrase's tokens (in the index's vocabulary). */
  ids: number[];
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

export { foldAccents } from './vocabulary.js';

/**
 * The vocabulary the long-lived indexes share (gazetteer names, roles, triggers, cues), so that a sentence's ids
 * are computed once for all of them. Its words are those of the language data, a few thousand: the map does not
 * grow with the corpus.
 */
const shared = new Vocabulary();

/** Is any of tokens[from, to) capitalised? (A loop rather than slice().some(): no garbage in a hot path.) */
function anyUpper(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to && k < tokens.length; k++) if (tokens[k]!.upper) return true;
  return false;
}

/**
 * The tokens of a phrase written in a data file. An elided word the phrase ends a word with ("dell'", "all'",
 * "nell'") is one token in a text, where a letter follows it, but tokenize() alone would split it into a word and
 * an apostrophe; it is tokenised with a letter after it, so that the cue "dell'" matches "dell'Ue".
 */
function phraseTokens(phrase: string): Token[] {
  return phrase.split(/\s+/).filter(Boolean).flatMap((w) => {
    if (w.endsWith("'") || w.endsWith('\u2019')) {
      const t = tokenize(`${w}x`);
      if (t.length >= 2 && t[t.length - 1]!.text === 'x' && t[t.length - 2]!.kind === 'word') return t.slice(0, -1);
    }
    return tokenize(w);
  });
}

/** The shared answer "no phrase here" (never mutated). */
const NO_MATCH: readonly never[] = Object.freeze([]);

export class PhraseIndex<T> {
  private readonly vocabulary: Vocabulary;
  private readonly fold: boolean;
  /** Entries by the word id of their first token, longest first. */
  private readonly byFirst = new Map<number, Entry<T>[]>();
  /** The keys of byFirst: most tokens start no phrase of most indexes, and a bit says so cheaply. */
  private readonly firsts = new IdSet();

  /**
   * foldAccents: compare names without diacritics (for proper names, not for Italian verbs: è ≠ e).
   * local: words of this index only, in a vocabulary of its own (an article's discovered names), so that
   * they do not accumulate in the shared vocabularies over a long corpus.
   */
  constructor(opts: { foldAccents?: boolean; local?: boolean } = {}) {
    this.vocabulary = opts.local ? new Vocabulary() : shared;
    this.fold = Boolean(opts.foldAccents);
  }

  /** Adds a phrase written as text; it is tokenised like articles are, so both sides agree on boundaries. */
  add(phrase: string, payload: T, opts: PhraseOptions = {}): void {
    this.lastTokens = undefined; // the kept answer predates this phrase
    const tokens = phraseTokens(phrase).filter((t) => t.kind !== 'punct' || t.text !== ' ');
    if (tokens.length === 0) return;
    const ids = tokens.map((t) => this.vocabulary.intern(this.fold ? foldAccents(t.norm) : t.norm));
    // Capitalisation is required of one-word names only ("Turchia" vs "turchia"); longer names
    // ("coalizione dei volenterosi", "stati uniti") are distinctive enough in any case.
    const entry: Entry<T> = { ids, capitalised: Boolean(opts.capitalised) && tokens.filter((t) => t.kind === 'word').length === 1, payload };
    if (opts.caseSensitive) entry.exact = tokens.map((t) => t.text);
    const first = ids[0]!;
    const list = this.byFirst.get(first);
    if (list) {
      list.push(entry);
      list.sort((a, b) => b.ids.length - a.ids.length);
    } else {
      this.byFirst.set(first, [entry]);
      this.firsts.add(first);
    }
  }

  /**
   * Every phrase starting at token i, longest first. The answer may be shared between calls: do not mutate it.
   *
   * The last answer is kept: the mention scanner asks the same index about the same token twice in a row
   * (counterparts, then names). Token arrays are never mutated after reading, and add() drops the kept answer.
   */
  matchAll(tokens: readonly Token[], i: number): readonly PhraseMatch<T>[] {
    if (tokens === this.lastTokens && i === this.lastI) return this.lastAnswer;
    let out: PhraseMatch<T>[] | undefined;
    const list = this.candidates(tokens, i);
    if (list) {
      const keys = this.vocabulary.keys(tokens, this.fold);
      for (const e of list) if (this.accepts(tokens, keys, i, e)) (out ??= []).push({ end: i + e.ids.length, payload: e.payload });
    }
    this.lastTokens = tokens;
    this.lastI = i;
    this.lastAnswer = out ?? NO_MATCH;
    return this.lastAnswer;
  }

  /** The longest phrase starting at token i, or undefined. */
  match(tokens: readonly Token[], i: number): PhraseMatch<T> | undefined {
    return this.matchAll(tokens, i)[0];
  }

  /** Index one past the longest phrase starting at token i, or -1: match() without building the answer. */
  longestEnd(tokens: readonly Token[], i: number): number {
    const list = this.candidates(tokens, i);
    if (list) {
      const keys = this.vocabulary.keys(tokens, this.fold);
      for (const e of list) if (this.accepts(tokens, keys, i, e)) return i + e.ids.length;
    }
    return -1;
  }

  private lastTokens: readonly Token[] | undefined;
  private lastI = -1;
  private lastAnswer: readonly PhraseMatch<T>[] = NO_MATCH;

  /** Phrases whose first token is the word of tokens[i], longest first. */
  private candidates(tokens: readonly Token[], i: number): Entry<T>[] | undefined {
    // (an empty index, as an article's discovered names mostly are, need not find the sentence's ids)
    if (i < 0 || i >= tokens.length || this.byFirst.size === 0) return undefined;
    const id = this.vocabulary.keys(tokens, this.fold)[i]!;
    return this.firsts.has(id) ? this.byFirst.get(id) : undefined;
  }

  private accepts(tokens: readonly Token[], keys: readonly number[], i: number, e: Entry<T>): boolean {
    // proper names are capitalised, but may start with a particle ("von der Leyen", "al-Sisi")
    if (e.capitalised && !tokens[i]!.upper && !anyUpper(tokens, i + 1, i + e.ids.length)) return false;
    const ids = e.ids;
    if (i + ids.length > tokens.length) return false;
    // e was found under the first token's id, so its first word already matches: only exact forms recheck it.
    if (e.exact) {
      for (let k = 0; k < ids.length; k++) if (tokens[i + k]!.text !== e.exact[k]) return false;
    } else {
      for (let k = 1; k < ids.length; k++) if (keys[i + k] !== ids[k]) return false;
    }
    return true;
  }

  /** The first token of [from, to) where a phrase starts, or -1. (The ids fetched once for the whole range: the
   *  status of every trigger asks this of a dozen cue sets over its clause.) */
  firstWithin(tokens: readonly Token[], from: number, to: number): number {
    const lo = Math.max(0, from);
    const hi = Math.min(to, tokens.length);
    if (lo >= hi) return -1;
    const keys = this.vocabulary.keys(tokens, this.fold);
    for (let i = lo; i < hi; i++) {
      if (!this.firsts.has(keys[i]!)) continue;
      for (const e of this.byFirst.get(keys[i]!)!) if (this.accepts(tokens, keys, i, e)) return i;
    }
    return -1;
  }

  /** Could a phrase start at token i (is its word the first word of one)? A cheap pre-test of match(). */
  startsAt(tokens: readonly Token[], i: number): boolean {
    return this.candidates(tokens, i) !== undefined;
  }

  /** Does a phrase start with this word? */
  has(norm: string): boolean {
    const id = this.vocabulary.idOf(norm, this.fold);
    return id !== UNKNOWN_WORD && this.firsts.has(id);
  }
}

/**
 * Single words (token norms, taken as they are: not tokenised) → values. Looked up by the token's id in the
 * shared vocabulary rather than by string: a Map<string, T> would hash the token's string once more, and the
 * sentence's ids are already at hand. Used for the thousands of inflected verb forms asked about every token.
 */
export class WordMap<T> {
  private readonly byId = new Map<number, T>();
  /** The keys of byId (see PhraseIndex.firsts). */
  private readonly ids = new IdSet();

  set(word: string, value: T): void {
    const id = shared.intern(word);
    this.byId.set(id, value);
    this.ids.add(id);
  }

  /** The value of a word, as Map.get. */
  get(word: string): T | undefined {
    const id = shared.idOf(word, false);
    return this.ids.has(id) ? this.byId.get(id) : undefined;
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  /** The value of token i's norm. */
  at(tokens: readonly Token[], i: number): T | undefined {
    if (i < 0 || i >= tokens.length) return undefined;
    const id = shared.keys(tokens, false)[i]!;
    return this.ids.has(id) ? this.byId.get(id) : undefined;
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
    return this.index.longestEnd(tokens, i);
  }
  /** Could a cue start at token i? A cheap pre-test of at(). */
  startsAt(tokens: readonly Token[], i: number): boolean {
    return this.index.startsAt(tokens, i);
  }
  /** Does a cue start anywhere in tokens [from, to)? */
  within(tokens: readonly Token[], from: number, to: number): boolean {
    return this.index.firstWithin(tokens, from, to) >= 0;
  }
  /** The first token of [from, to) where a cue starts, or -1. */
  firstWithin(tokens: readonly Token[], from: number, to: number): number {
    return this.index.firstWithin(tokens, from, to);
  }
  /** Does a cue end exactly at token `end` (exclusive), looking back at most 4 tokens? */
  endsAt(tokens: readonly Token[], end: number): number {
    for (let s = end - 1; s >= Math.max(0, end - 4); s--) if (this.at(tokens, s) === end) return s;
    return -1;
  }
}
