// Features of a candidate relation: what a reader weighs to tell "X met Y" from two names that merely share a
// sentence — the cue and its class, distance and clause boundaries between the two, coordination, negation,
// modality, quotation, tense, the kinds of the two actors, and what the slot rules found. Named features
// (a sparse map) so that the fitted weights stay readable in data/model/relations.json.
import type { Article, Sentence, Token } from '../../read/types.js';
import type { Lexicon } from '../lexicon.js';
import type { Mention } from '../mentions.js';
import type { Candidate, CandidateEnd } from './candidates.js';
import type { CueFamily } from './cues.js';
import { tenseOfWord } from '../relations.js';
import { QUOTATION_MARKS } from '../../read/normalise.js';

export type Features = Record<string, number>;

/** What the slot rules found in the article: pairs per family, and the sentences with an event of each family. */
export interface RuleFindings {
  pairs: Record<CueFamily, Set<string>>;
  sentences: Record<CueFamily, Set<number>>;
  /** "sentence:pair" of every meeting pair the rules found. */
  meetings: Set<string>;
}

export function pairKey(family: CueFamily, a: string, b: string): string {
  if (family === 'sanctions') return `${a}>${b}`;
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const CLAUSE_PUNCT = new Set([';', ':', '(', ')', '—', '–']);

/** Broad actor kind of an entity key. */
function kindOf(key: string): string {
  const k = key.slice(0, key.indexOf(':'));
  return k === 'leader' || k === 'country' || k === 'alliance' || k === 'group' ? k : 'other';
}

/** What the article as a whole says of a pair: how often each end and the two together are named. */
export interface ArticleContext {
  /** Cue sentences of the candidate's family that name the pair. */
  pairSentences: number;
  /** Sentences that name both ends. */
  together: number;
  /** Sentences that name each end (a, b). */
  salience: [number, number];
}

/** What a sentence says whatever the pair: negation, modality, speech, tense, quotation. */
export interface SentenceFacts {
  /** Per token: a clause break (punctuation or a clause-opening word) starts here. */
  breakAt: Uint8Array;
  /** Per token: a quotation mark; and how many lie before each token. */
  quoteAt: Uint8Array;
  quotesBefore: Uint16Array;
  /** Per token: a comma or a coordinating conjunction (what may stand between the items of a list). */
  listWord: Uint8Array;
  quote: boolean;
  negation: boolean;
  modal: boolean;
  speech: boolean;
  future: boolean;
  past: boolean;
}

/** Facts computed once per sentence, and once per list of candidate ends. */
export interface FactCache {
  sentences: Map<number, SentenceFacts>;
  cover: WeakMap<readonly CandidateEnd[], Uint8Array>;
  actors: WeakMap<readonly CandidateEnd[], number>;
}

export function newFactCache(): FactCache {
  return { sentences: new Map(), cover: new WeakMap(), actors: new WeakMap() };
}

/** Per token: inside one of the ends' mentions. */
function endCover(ends: readonly CandidateEnd[], n: number, cache: FactCache): Uint8Array {
  let cover = cache.cover.get(ends);
  if (!cover) {
    cover = new Uint8Array(n);
    for (const e of ends) for (let k = e.mention.i0; k < e.mention.i1 && k < n; k++) cover[k] = 1;
    cache.cover.set(ends, cover);
  }
  return cover;
}

/** How many distinct actors the ends name. */
function actorCount(ends: readonly CandidateEnd[], cache: FactCache): number {
  let n = cache.actors.get(ends);
  if (n === undefined) {
    n = new Set(ends.map((e) => e.key)).size;
    cache.actors.set(ends, n);
  }
  return n;
}

/** Feature names built from a prefix and a value, made once (a template string per pair was a measurable cost). */
const featureKeys = new Map<string, Map<string, string>>();
function keyOf(prefix: string, value: string): string {
  let byValue = featureKeys.get(prefix);
  if (!byValue) featureKeys.set(prefix, (byValue = new Map()));
  let key = byValue.get(value);
  if (key === undefined) byValue.set(value, (key = prefix + value));
  return key;
}

function sentenceFacts(article: Article, s: Sentence, lex: Lexicon, cache: FactCache): SentenceFacts {
  let facts = cache.sentences.get(s.index);
  if (facts) return facts;
  const toks = s.tokens;
  let future = false;
  let past = false;
  for (const t of toks) {
    const tense = tenseOfWord(t, article.lang);
    if (tense === 'future' || tense === 'conditional') future = true;
    else if (tense === 'past') past = true;
  }
  const n = toks.length;
  const breakAt = new Uint8Array(n);
  const quoteAt = new Uint8Array(n);
  const quotesBefore = new Uint16Array(n + 1);
  const listWord = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const t = toks[k]!;
    if (CLAUSE_PUNCT.has(t.text) || lex.cues.clauseBreaks.at(toks, k) > 0) breakAt[k] = 1;
    if (QUOTATION_MARKS.has(t.text)) quoteAt[k] = 1;
    quotesBefore[k + 1] = quotesBefore[k]! + quoteAt[k]!;
    if (t.text === ',' || lex.coordination.has(t.norm)) listWord[k] = 1;
  }
  facts = {
    breakAt, quoteAt, quotesBefore, listWord,
    quote: toks.some((t) => QUOTATION_MARKS.has(t.text)),
    negation: lex.cues.negation.within(toks, 0, toks.length),
    modal: lex.cues.modal.within(toks, 0, toks.length) || lex.cues.hypothetical.within(toks, 0, toks.length),
    speech: lex.cues.speech.within(toks, 0, toks.length),
    future,
    past,
  };
  cache.sentences.set(s.index, facts);
  return facts;
}

export function candidateFeatures(c: Candidate, article: Article, lex: Lexicon, rules: RuleFindings, ctx: ArticleContext, cache: FactCache = newFactCache()): Features {
  const s = article.sentences[c.sentence]!;
  const toks = s.tokens;
  const f: Features = { bias: 1 };
  const [first, second] = c.a.mention.i0 <= c.b.mention.i0 ? [c.a.mention, c.b.mention] : [c.b.mention, c.a.mention];
  const gap0 = first.i1;
  const gap1 = Math.max(first.i1, second.i0);
  const sameMention = c.a.mention === c.b.mention;

  // the cue nearest to the pair, and whether one lies between the two names
  let nearest = Infinity;
  let cls = '';
  let between = false;
  for (const cue of c.cues) {
    const d = Math.min(spanDistance(cue.i0, cue.i1, first), spanDistance(cue.i0, cue.i1, second));
    if (d < nearest) { nearest = d; cls = cue.class; }
    if (cue.i0 >= gap0 && cue.i1 <= gap1) between = true;
  }
  f[keyOf('cls:', cls)] = 1;
  f.cueDist = Math.min(nearest, 20) / 20;
  if (nearest <= 2) f.cueNear = 1;
  if (between) f.cueBetween = 1;
  f.cues = Math.min(c.cues.length, 4) / 4;

  // the two actors
  const kinds = [kindOf(c.a.key), kindOf(c.b.key)];
  f[keyOf('kinds:', c.family === 'sanctions' ? `${kinds[0]}>${kinds[1]}` : kinds[0]! <= kinds[1]! ? `${kinds[0]}-${kinds[1]}` : `${kinds[1]}-${kinds[0]}`)] = 1;
  if (c.a.mention.kind !== 'entity' || c.b.mention.kind !== 'entity') f.resolved = 1;
  if (sameMention) f.sameMention = 1;

  // what lies between them
  if (c.cross) {
    // the two names are in two sentences: nothing lies between them in one clause
    f.cross = 1;
    f[keyOf('crossCls:', cls)] = 1;
  }
  const gap = sameMention || c.cross ? 0 : gap1 - gap0;
  f.dist = Math.min(gap, 40) / 40;
  // (per-token facts of the sentence are computed once: a sentence of n names has n² pairs)
  const facts = sentenceFacts(article, s, lex, cache);
  const inEnd = endCover(c.ends, toks.length, cache);
  let commas = 0;
  let clauseBreak = false;
  let onlyList = !sameMention;
  let quote = false;
  for (let k = gap0; k < gap1 && !c.cross; k++) {
    if (toks[k]!.text === ',') commas++;
    if (facts.breakAt[k]) clauseBreak = true;
    if (facts.quoteAt[k]) quote = true;
    if (!facts.listWord[k] && !inEnd[k]) onlyList = false;
  }
  if (commas) f.commas = Math.min(commas, 3) / 3;
  if (clauseBreak) f.clauseBreak = 1;
  if (quote) f.quoteBetween = 1;
  if (onlyList && gap > 0) f.coordinated = 1;

  // the sentence (its facts are the same for every pair in it: computed once)
  const actors = actorCount(c.ends, cache);
  f.actors = Math.min(actors, 8) / 8;
  if (actors >= 4) f.manyActors = 1;
  if (facts.quote) f.quoteInSentence = 1;
  if (facts.negation) f.negation = 1;
  if (facts.modal) f.modal = 1;
  if (facts.speech) f.speech = 1;
  if (facts.future) f.future = 1;
  if (facts.past) f.past = 1;
  if (c.sentence === 0) f.firstSentence = 1;
  else if (c.sentence < 3) f.earlySentence = 1;

  // prepositions governing the names
  if (governed(toks, c.a.mention, lex.prepositions.with) || governed(toks, c.b.mention, lex.prepositions.with)) f.withPrep = 1;
  if (governed(toks, first, lex.prepositions.between)) f.betweenPrep = 1;
  if (c.family === 'sanctions') {
    if (c.a.mention.i0 < c.b.mention.i0) f.imposerFirst = 1;
    if (governed(toks, c.b.mention, lex.cues.sanctionTargetPreps)) f.targetPrep = 1;
    if (governed(toks, c.a.mention, lex.cues.sanctionTargetPreps)) f.imposerAsTarget = 1;
  }

  // what the rules found
  if (rules.sentences[c.family].has(c.sentence)) f.ruleSentence = 1;
  for (const other of ['meets', 'negotiates', 'sanctions'] as const) {
    if (other !== c.family && (rules.pairs[other].has(pairKey(other, c.a.key, c.b.key)) || rules.pairs[other].has(pairKey(other, c.b.key, c.a.key)))) f.ruleOther = 1;
  }
  f.pairSentences = Math.min(ctx.pairSentences, 3) / 3;
  f.together = Math.min(ctx.together, 4) / 4;
  f.salienceMin = Math.min(Math.min(...ctx.salience), 5) / 5;
  f.salienceMax = Math.min(Math.max(...ctx.salience), 5) / 5;
  if (Math.min(...ctx.salience) === 1) f.mentionedOnce = 1;
  // a name in a possessive ("Takaichi's remark", "Trump's envoy") modifies another noun: rarely a participant
  if (!c.cross && (possessive(toks, c.a.mention) || possessive(toks, c.b.mention))) f.possessive = 1;

  // who is the subject: a name not after a preposition, before the cue
  const subjA = !governedByAny(toks, c.a.mention, lex.anyPreposition);
  const subjB = !governedByAny(toks, c.b.mention, lex.anyPreposition);
  if (subjA && subjB) f.bothBare = 1;
  else if (!subjA && !subjB) f.bothGoverned = 1;
  if (facts.quotesBefore[c.a.mention.i0]! % 2 === 1 || facts.quotesBefore[c.b.mention.i0]! % 2 === 1) f.inQuote = 1;
  return f;
}

/** An English possessive clitic right after the name ("Trump's"). */
function possessive(toks: readonly Token[], m: Mention): boolean {
  const next = toks[m.i1];
  return next !== undefined && (next.norm === "'s" || next.norm === "'");
}

function governedByAny(toks: readonly Token[], m: Mention, preps: ReadonlySet<string>): boolean {
  const prev = toks[m.i0 - 1];
  const prev2 = toks[m.i0 - 2];
  return Boolean(prev && (preps.has(prev.norm) || (prev2 && prev.norm.length <= 3 && preps.has(prev2.norm))));
}

function spanDistance(i0: number, i1: number, m: Mention): number {
  if (i1 <= m.i0) return m.i0 - i1;
  if (m.i1 <= i0) return i0 - m.i1;
  return 0;
}


interface CueLike {
  endsAt(tokens: readonly Token[], end: number): number;
}

/** Is the mention preceded by one of the prepositions (possibly with an article between)? */
function governed(toks: readonly Token[], m: Mention, set: CueLike): boolean {
  if (set.endsAt(toks, m.i0) >= 0) return true;
  const prev = toks[m.i0 - 1];
  return Boolean(prev && prev.kind === 'word' && prev.norm.length <= 4 && set.endsAt(toks, m.i0 - 1) >= 0);
}

export type { Sentence };
