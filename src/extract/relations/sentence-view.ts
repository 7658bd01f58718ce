// The sentence view: what every later stage reads about one sentence — its tokens and mentions, the mentions
// an argument slot can take, which tokens are inside a mention, the tense each word signals, the time
// expressions that date events, the clause breaks — computed once, before any trigger is read.
import type { Article, Lang, Sentence, Token } from '../../read/types.js';
import { findTimeExpressions, type TimeMention } from '../time.js';
import type { Lexicon, Tense } from '../lexicon.js';
import type { ArticleEntity, Mention } from '../mentions.js';
import type { Arg, Clause } from './types.js';
import { isPastParticipleAfterAux, scheduledAt, tenseOfWord } from './morphology.js';
import { firstTrigger } from './candidates.js';

export interface SentenceView {
  readonly lex: Lexicon;
  readonly lang: Lang;
  /** The article's date (ISO), which relative dates and statusByDate() read. */
  readonly articleDate: string | undefined;
  /** The article's entities (a leader's country and organisation). */
  readonly entities: ReadonlyMap<string, ArticleEntity>;
  /** The sentence's index in the article and its text (the evidence of what it yields). */
  readonly index: number;
  readonly text: string;
  readonly tokens: Token[];
  readonly mentions: Mention[];
  /** The mentions an argument slot can take. */
  readonly args: Arg[];
  /** Tokens inside a mention. */
  readonly covered: boolean[];
  /** The first token where a trigger matches, or -1: a sentence without one skips tenses, times and clauses. */
  readonly firstTrigger: number;
  /** tenseOfWord() of each token, computed once per sentence: the tense cues look at the same words again. */
  wordTenses: (Tense | undefined)[];
  times: TimeMention[];
  /** Tokens inside a time expression. */
  timeToken: boolean[];
  /** Token indices where a new clause starts ([0] alone when the sentence has no trigger, until asked for). */
  breaks: number[];
  /**
   * isLocation() and isSubjectLike() of this sentence's mentions, answered once: every trigger's argument search
   * asks about the same mentions again, and each answer looks back for prepositions.
   */
  readonly locationMemo: Map<Mention, boolean>;
  readonly subjectMemo: Map<Mention, boolean>;
}

export function viewSentence(article: Article, entities: ReadonlyMap<string, ArticleEntity>, lex: Lexicon, s: Sentence, mentions: Mention[]): SentenceView {
  const tokens = s.tokens;
  const lang = article.lang;
  const covered = tokens.map(() => false);
  for (const m of mentions) for (let k = m.i0; k < m.i1; k++) covered[k] = true;
  const first = firstTrigger(tokens, covered, lex);
  const view: SentenceView = {
    lex, lang, articleDate: article.date, entities, index: s.index, text: s.text, tokens, mentions,
    args: mentions.filter((m) => !m.modifier && m.refs.length > 0).map((m) => ({ m, refs: m.refs })),
    covered, firstTrigger: first, wordTenses: [], times: [], timeToken: [], breaks: [0],
    locationMemo: new Map(), subjectMemo: new Map(),
  };
  // Tenses, times and clauses serve the triggers only: a sentence without any (a third of them in news) skips
  // their analysis, the larger part of this stage's work.
  if (first < 0) return view;
  // (filled in place, in this order: the times read the tenses)
  view.wordTenses = tokens.map((t, k) => (scheduledAt(tokens, lex, k) ? 'future' : tenseOfWord(t, lang)));
  // a time right after a speech verb dates the statement ("said Friday", "ha detto oggi"), not the event
  const times = findTimeExpressions(s, lang, article.date, sentenceTense(view)).filter((t) => !afterSpeechVerb(view, t) && !measuresSeries(view, t));
  view.times = times;
  view.timeToken = times.length === 0 ? tokens.map(() => false) // most sentences: no time at all
    : tokens.map((t) => times.some((x) => t.start >= x.start && t.end <= x.end));
  view.breaks = clauseBreaks(tokens, lex, lang);
  return view;
}

/** tokens[k], undefined before the first: reading index -1 of an array is a slow, generic property lookup. */
export function tokenAt(v: SentenceView, k: number): Token | undefined {
  return k >= 0 ? v.tokens[k] : undefined;
}

export function clauseOf(v: SentenceView, i: number): Clause {
  let start = 0;
  let end = v.tokens.length;
  for (const b of v.breaks) {
    if (b <= i) start = b;
    else { end = b; break; }
  }
  return { start, end };
}

/** Punctuation that closes a clause (was /^[;:()\[\]]$/: a set lookup instead of a regex per token). */
export const CLAUSE_PUNCT = new Set([';', ':', '(', ')', '[', ']']);

/** Token indices where a new clause starts. */
export function clauseBreaks(tokens: readonly Token[], lex: Lexicon, lang: Lang): number[] {
  const out = [0];
  const cues = lex.cues.clauseBreaks;
  // the next token (from i on) where a clause-break cue starts: found by range, not asked at every token
  let cue = cues.firstWithin(tokens, 0, tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (cue >= 0 && cue < i) cue = cues.firstWithin(tokens, i, tokens.length);
    const t = tokens[i]!;
    if (t.kind === 'punct' && CLAUSE_PUNCT.has(t.text)) out.push(i + 1);
    else if (t.kind === 'word' && cue === i) {
      const prev = i > 0 ? tokens[i - 1] : undefined;
      // Conjunctions like "dove", "mentre", "while" open a clause anywhere; relative "che", "which",
      // "who" only after a comma (otherwise "ha detto che ..." would cut the reported speech off).
      const relative = lex.relativePronouns.has(t.norm) || lex.relativeObjectPronouns.has(t.norm);
      if (!relative || prev?.text === ',') out.push(i);
      // a relative clause set off by commas ends at the next one: "Hamas, which X and Y designate as ..., said"
      if (relative && prev?.text === ',') {
        const close = tokens.findIndex((x, k) => k > i && x.text === ',');
        if (close > 0) out.push(close + 1);
      }
    } else if (lang === 'it' && t.kind === 'word' && lex.coordination.has(t.norm) && i > 0 && tokens[i - 1]!.text === ',') {
      // ", e domani incontrerà": Italian sets no comma before "e" in lists, so ", e" joins clauses —
      // unless a noun phrase follows (", e i negoziatori turchi" closes an apposition and goes on listing)
      const next = tokens[i + 1];
      if (next && !next.upper && !lex.determiners.has(next.norm)) out.push(i);
    }
  }
  // (the closing comma of a relative clause is pushed ahead of the scan: sort)
  return [...new Set(out)].sort((a, b) => a - b);
}

function afterSpeechVerb(v: SentenceView, t: TimeMention): boolean {
  const first = v.tokens.findIndex((tok) => tok.start >= t.start);
  if (first < 0) return false;
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    if (v.lex.cues.speech.at(v.tokens, k) === first || (v.lex.cues.speech.at(v.tokens, k) > 0 && v.lex.dateArticles.has(v.tokens[first - 1]!.norm))) return true;
  }
  return false;
}

/**
 * A time after "first/last <trigger noun>" in the same phrase: "their first meeting this year", "il primo
 * incontro tra i due leader quest'anno", "the first talks since January" measure a series of events; the time
 * does not date this one (nor make a year-dated meeting of its own).
 */
function measuresSeries(v: SentenceView, t: TimeMention): boolean {
  const { tokens, lex } = v;
  const first = tokens.findIndex((tok) => tok.start >= t.start);
  // only a span the series runs over: "this year", "quest'anno", "since January", "dal 2024" — a day or a
  // month names the event's own date ("the second round of talks on Wednesday", "in March")
  const span = (t.relation === 'present' && t.grain !== 'day') || (t.grain !== 'range' && first > 0 && lex.since.has(tokens[first - 1]!.norm));
  if (!span) return false;
  for (let k = first - 1; k >= Math.max(1, first - 8); k--) {
    const tok = tokens[k]!;
    if (tok.kind === 'punct' && (tok.text === ',' || CLAUSE_PUNCT.has(tok.text))) return false;
    if (lex.nounTriggers.match(tokens, k)) {
      // the ordinal right before the noun, or before an adjective ("il primo vero incontro")
      for (let j = k - 1; j >= Math.max(0, k - 2); j--) if (lex.ordinals.has(tokens[j]!.norm)) return true;
      continue;
    }
    // a verb between noun and time: the time dates the predicate ("il primo incontro ... si terrà lunedì")
    if (v.wordTenses[k] || lex.auxiliaries.has(tok.norm) || lex.reflexiveClitics.has(tok.norm) || lex.verbForms.at(tokens, k)) return false;
  }
  return false;
}

/** The sentence's main tense, from verb endings and auxiliaries: picks "lunedì" = last or next Monday. */
function sentenceTense(v: SentenceView): 'past' | 'future' | undefined {
  const { tokens, lex } = v;
  let past = 0;
  let future = 0;
  for (let k = 0; k < tokens.length; k++) {
    // a word read as a noun trigger is no verb ("i negoziati", "the meeting"): the trigger loop reads it so too
    const trig = lex.verbForms.at(tokens, k);
    const tense = trig && !lex.nounTriggers.match(tokens, k) ? trig.tense : v.wordTenses[k];
    if (tense === 'past') past++;
    else if (tense === 'future') future++;
    else if (isPastParticipleAfterAux(tokens, k, lex)) past++;
  }
  if (lex.cues.future.within(tokens, 0, tokens.length)) future++;
  return past > future ? 'past' : future > past ? 'future' : undefined;
}
