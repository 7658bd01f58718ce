// Candidates into the article's relations: score every candidate pair, keep the pairs whose best mention in the
// article reaches the family's threshold and that the rules did not already find, and add them as meeting
// occurrences (meets) or relations (negotiates_with, sanctions) with the date, status and evidence of the
// sentence that scored best.
import type { Article, Sentence, Token } from '../../read/types.js';
import type { Status } from '../../graph/model.js';
import { loadLexicon, type Lexicon } from '../lexicon.js';
import type { Mention, MentionResult } from '../mentions.js';
import type { Occurrence, RelationResult } from '../relations.js';
import { tenseOfWord } from '../relations.js';
import { scheduledAt } from '../relations/morphology.js';
import { findTimeExpressions } from '../time.js';
import { countryIsoOf, envoyOf, oneState, sameSide } from '../sides.js';
import { articleCandidates, type Candidate } from './candidates.js';
import { forEachSidePair } from '../pairs.js';
import { candidateFeatures, newFactCache, pairKey, type FactCache, type Features, type RuleFindings } from './features.js';
import { probability, type RelationModel } from './scorer.js';
import type { CueFamily } from './cues.js';
import { isSpokesperson } from '../roles.js';

export interface ScoredCandidate {
  candidate: Candidate;
  key: string;
  features: Features;
  p: number;
  /** The rules found this pair already. */
  byRules: boolean;
}

export function ruleFindings(rels: RelationResult, entityIso: (key: string) => string | undefined): RuleFindings {
  const out: RuleFindings = {
    pairs: { meets: new Set(), negotiates: new Set(), sanctions: new Set() },
    sentences: { meets: new Set(), negotiates: new Set(), sanctions: new Set() },
    meetings: new Set(),
  };
  for (const o of rels.occurrences) {
    const all = o.sides.flat();
    const people = all.length >= 2 && all.every((k) => k.startsWith('leader:'));
    const families: CueFamily[] = o.family === 'meets' ? ['meets'] : people ? ['negotiates', 'meets'] : ['negotiates'];
    for (const fam of families) {
      out.sentences[fam].add(o.sentence);
      for (const [a, b] of occurrencePairs(o)) {
        out.pairs[fam].add(pairKey(fam, a, b));
        if (fam === 'meets') out.meetings.add(`${o.sentence}:${pairKey(fam, a, b)}`);
      }
    }
  }
  for (const r of rels.relations) {
    if (r.kind !== 'sanctions') continue;
    out.sentences.sanctions.add(r.sentence);
    out.pairs.sanctions.add(pairKey('sanctions', r.source, r.target));
    // a leader imposing sanctions stands for the country (fragment.ts): the country pair is found too
    const iso = entityIso(r.source);
    if (iso) out.pairs.sanctions.add(pairKey('sanctions', `country:${iso}`, r.target));
  }
  return out;
}

/** The pairs an occurrence of the rules tells (pairs.ts; no cap: every pair the rules found counts). */
function occurrencePairs(o: Occurrence): [string, string][] {
  const out: [string, string][] = [];
  forEachSidePair(o.sides, o.sides.length >= 2 ? [] : (o.sides[0] ?? []), (a, b) => out.push([a, b]));
  return out;
}

export function scoreCandidates(article: Article, ments: MentionResult, rels: RelationResult, model: RelationModel): ScoredCandidate[] {
  const lex = loadLexicon(article.lang);
  const iso = (key: string): string | undefined => countryIsoOf(ments.entities, key);
  const rules = ruleFindings(rels, iso);
  const candidates = articleCandidates(article, ments).filter((c) => !sameSide(c.a.key, c.b.key, iso) && !rels.refused.has(`${c.family}:${c.sentence}`) &&
    // two people of one state are one side of talks or sanctions (a meeting may have both: a delegation)
    !(c.family !== 'meets' && oneState(c.a.key, c.b.key, iso)) &&
    !(c.cross && outsideTalks(c, rels.occurrences, iso)) &&
    !envoyOf(ments.entities, c.a.key, c.b.key) && !(c.family === 'meets' && (speaksFor(c.a.key, ments) || speaksFor(c.b.key, ments))) &&
    // an imposer is a subject or a modifier, never a "with" complement ("struck deals with Mexico ... the tariffs")
    !(c.family === 'sanctions' && withComplement(article.sentences[c.sentence]!.tokens, c.a.mention.i0, lex)) &&
    // mediators are at the table for the sides, not a side ("i mediatori del Qatar", "the mediation of Turkey and Qatar")
    !(c.family === 'negotiates' && !c.cross && (mediator(article.sentences[c.sentence]!.tokens, c.a.mention, lex) || mediator(article.sentences[c.sentence]!.tokens, c.b.mention, lex))));
  // in how many cue sentences of its family each pair appears
  const sentencesOf = new Map<string, Set<number>>();
  for (const c of candidates) {
    const k = pairKey(c.family, c.a.key, c.b.key);
    const set = sentencesOf.get(k) ?? new Set<number>();
    set.add(c.sentence);
    sentencesOf.set(k, set);
  }
  // the sentences that name each actor (in order): how often each is named, and how often two are named together
  const namedIn = new Map<string, number[]>();
  ments.mentions.forEach((sentence, k) => {
    for (const m of sentence) for (const r of m.refs) {
      const list = namedIn.get(r);
      if (!list) namedIn.set(r, [k]);
      else if (list[list.length - 1] !== k) list.push(k);
    }
  });
  const facts: FactCache = newFactCache();
  return candidates.map((c) => {
    const key = pairKey(c.family, c.a.key, c.b.key);
    // a pair the rules found is kept as the rules tell it: no features to weigh (a meeting: found in that sentence;
    // the same pair may meet again in another sentence, "a first call today ... they will meet in November")
    if (c.family === 'meets' ? rules.meetings.has(`${c.sentence}:${key}`) : rules.pairs[c.family].has(key)) return { candidate: c, key, features: {}, p: 0, byRules: true };
    const features = candidateFeatures(c, article, lex, rules, {
      pairSentences: sentencesOf.get(key)?.size ?? 1,
      together: Math.max(1, commonCount(namedIn.get(c.a.key), namedIn.get(c.b.key))),
      salience: [namedIn.get(c.a.key)?.length ?? 1, namedIn.get(c.b.key)?.length ?? 1],
    }, facts);
    return { candidate: c, key, features, p: probability(model.families[c.family], features), byRules: false };
  });
}

/** A mediator: a group of mediators, or a name listed after "mediation of", "mediated by", "mediatori del". */
function mediator(tokens: readonly Token[], m: Mention, lex: Lexicon): boolean {
  if (m.kind === 'group' && m.role === 'Mediator') return true;
  return listGovernedBy(tokens, m.i0, lex, 8, (k) => lex.cues.mediatorPreps.at(tokens, k) === k + 1 && mediationEndsAt(tokens, k, lex));
}

/** A mediation noun ("mediation", "mediatori") ending at token `at`, or a mediation verb ("mediated") just before it. */
function mediationEndsAt(tokens: readonly Token[], at: number, lex: Lexicon): boolean {
  for (let j = Math.max(0, at - 3); j < at; j++) {
    const noun = lex.nounTriggers.match(tokens, j);
    if (noun && noun.end === at && noun.payload.family === 'mediates') return true;
  }
  return at >= 1 && lex.verbForms.at(tokens, at - 1)?.family === 'mediates';
}

/** Is the mention at token i governed by a with-preposition (its article between), or listed after one ("with Mexico and Canada")? */
function withComplement(tokens: readonly Token[], i: number, lex: Lexicon): boolean {
  return listGovernedBy(tokens, i, lex, 6, (k) => lex.prepositions.with.at(tokens, k) === k + 1);
}

/**
 * Walking back from token i over the list a name stands in ("Turkey, the United States and Qatar": names, commas,
 * conjunctions, articles; at most `names` capitalised words), does a token where `governs` holds head it?
 */
function listGovernedBy(tokens: readonly Token[], i: number, lex: Lexicon, names: number, governs: (k: number) => boolean): boolean {
  for (let k = i - 1, seen = 0; k >= 0 && seen < names; k--) {
    if (governs(k)) return true;
    const t = tokens[k]!;
    if (t.text === ',' || lex.coordination.has(t.norm) || lex.determiners.has(t.norm)) continue;
    if (t.kind !== 'word' || !t.upper) return false;
    seen++;
  }
  return false;
}

/** Spokespeople tell of meetings rather than sit in them: the rules alone may seat one. */
function speaksFor(key: string, ments: MentionResult): boolean {
  return isSpokesperson(ments.entities.get(key)?.role);
}

/**
 * A meeting told over two sentences continues the talks just told: when those talks named their sides, a person
 * of another state is not at that table ("Armenia and Azerbaijan will negotiate. The Armenian delegation will be
 * led by X. The French delegation will be led by Y.").
 */
function outsideTalks(c: Candidate, occurrences: readonly Occurrence[], iso: (key: string) => string | undefined): boolean {
  let last: Occurrence | undefined;
  for (const o of occurrences) if (o.sentence < c.sentence && c.sentence - o.sentence <= 3 && (!last || o.sentence >= last.sentence)) last = o;
  if (!last) return false;
  const sides = new Set(last.sides.flat().map(iso).filter((x): x is string => x !== undefined));
  if (sides.size === 0) return false;
  return [c.a.key, c.b.key].some((k) => { const x = iso(k); return x !== undefined && !sides.has(x); });
}

/** How many values two ascending lists share. */
function commonCount(x: readonly number[] | undefined, y: readonly number[] | undefined): number {
  if (!x || !y) return 0;
  let n = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) { n++; i++; j++; } else if (x[i]! < y[j]!) i++; else j++;
  }
  return n;
}

/** The accepted pairs: best instance per pair, over the threshold, not found by the rules. */
export function acceptedCandidates(scored: readonly ScoredCandidate[], model: RelationModel): ScoredCandidate[] {
  const best = new Map<string, ScoredCandidate>();
  for (const s of scored) {
    const id = `${s.candidate.family}:${s.key}`;
    const had = best.get(id);
    if (!had || s.p > had.p) best.set(id, s);
  }
  return [...best.values()].filter((s) => !s.byRules && s.p >= model.families[s.candidate.family].threshold);
}

export function addScoredCandidates(article: Article, ments: MentionResult, rels: RelationResult, model: RelationModel): void {
  const accepted = acceptedCandidates(scoreCandidates(article, ments, rels, model), model);
  if (accepted.length === 0) return;
  const lex = loadLexicon(article.lang);
  // meetings: the accepted pairs of one sentence, joined where they share a participant, are one meeting
  const bySentence = new Map<number, ScoredCandidate[]>();
  for (const s of accepted) {
    const c = s.candidate;
    if (c.family === 'meets') {
      const list = bySentence.get(c.sentence) ?? [];
      list.push(s);
      bySentence.set(c.sentence, list);
      continue;
    }
    const { date, status } = eventTime(article, article.sentences[c.sentence]!, lex);
    const relation = {
      kind: c.family === 'sanctions' ? 'sanctions' as const : 'negotiates_with' as const,
      source: c.a.key, target: c.b.key, sentence: c.sentence, status, confidence: round2(s.p),
      evidence: article.sentences[c.sentence]!.text,
      ...(date ? { date } : {}),
    };
    rels.relations.push(relation);
  }
  for (const [k, list] of [...bySentence].sort((x, y) => x[0] - y[0])) {
    const s = article.sentences[k]!;
    const { date, status } = eventTime(article, s, lex);
    for (const group of components(list)) {
      const occ: Occurrence = {
        family: 'meets', sentence: k, sides: group.keys.map((key) => [key]), places: [], status,
        confidence: round2(group.p), mediators: [], visit: false, round: false, evidence: s.text,
      };
      if (date) occ.date = date;
      rels.occurrences.push(occ);
    }
  }
}

/** Connected groups of accepted pairs (participants sorted, so the output does not depend on order). */
function components(list: readonly ScoredCandidate[]): { keys: string[]; p: number }[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const s of list) for (const k of [s.candidate.a.key, s.candidate.b.key]) if (!parent.has(k)) parent.set(k, k);
  for (const s of list) {
    const a = find(s.candidate.a.key);
    const b = find(s.candidate.b.key);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, { keys: string[]; p: number }>();
  for (const s of list) {
    const root = find(s.candidate.a.key);
    const g = groups.get(root) ?? { keys: [], p: 0 };
    for (const k of [s.candidate.a.key, s.candidate.b.key]) if (!g.keys.includes(k)) g.keys.push(k);
    g.p = Math.max(g.p, s.p);
    groups.set(root, g);
  }
  return [...groups.values()].map((g) => ({ keys: g.keys.sort(), p: g.p }));
}

/** The date and status of the event a sentence tells: its time expression, and its tense. */
function eventTime(article: Article, s: Sentence, lex: Lexicon): { date?: string; status: Status } {
  let future = false;
  let past = false;
  for (const t of s.tokens) {
    const tense = tenseOfWord(t, article.lang);
    if (tense === 'future') future = true;
    else if (tense === 'past') past = true;
  }
  // "is planned", "è previsto", "next week": a plan, whatever the tense of the verb
  if (scheduled(s, lex) || (!past && futureWord(s, lex))) { future = true; past = false; }
  const tense = future && !past ? 'future' : past ? 'past' : undefined;
  const times = findTimeExpressions(s, article.lang, article.date, tense).filter((t) => t.value && t.grain !== 'year');
  const status: Status = future && !past ? 'planned' : past ? 'held' : 'reported';
  // (an event without a time expression is dated later, with the rules' ones: event-dates.ts)
  const date = times[0]?.value;
  return date ? { date, status } : { status };
}

/**
 * A scheduling participle after a present copula plans the event: "is planned", "è previsto", "has been scheduled"
 * — not the same word as an adjective ("il tanto atteso giro di colloqui", "the long-awaited talks").
 */
function scheduled(s: Sentence, lex: Lexicon): boolean {
  for (let k = 0; k < s.tokens.length; k++) if (scheduledAt(s.tokens, lex, k)) return true;
  return false;
}

/** A word of the future ("prossimo", "next week") that is not a scheduling participle (those plan only after a copula). */
function futureWord(s: Sentence, lex: Lexicon): boolean {
  const toks = s.tokens;
  for (let k = 0; k < toks.length; k++) if (lex.cues.future.at(toks, k) > 0 && lex.cues.scheduled.at(toks, k) < 0) return true;
  return false;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
