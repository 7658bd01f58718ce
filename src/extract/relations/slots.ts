// Argument slots: who fills the subject, the object, "tra X e Y" / "between X and Y", "alla presenza di", the
// place and the date of a trigger, inside its clause — Italian's omitted subject taken from the discourse.
import type { Mention } from '../mentions.js';
import type { Arg, Clause } from './types.js';
import type { Discourse } from './discourse.js';
import { clauseOf, tokenAt, type SentenceView } from './sentence-view.js';
import { coordinated, governedBy, isAttributed, isLocation, isSubjectLike } from './features.js';

export function subjectOf(v: SentenceView, i: number, clause: Clause, leftmost = false): string[] {
  // nearest subject-like actor to the left, inside the clause (the leftmost one for noun triggers:
  // "X non incontrerà Y durante la visita" — the visit is X's)
  // (indices counted up or down in place: no array of indices per call)
  const n = v.args.length;
  for (let step = 0; step < n; step++) {
    const a = v.args[leftmost ? step : n - 1 - step]!;
    if (a.m.i1 > i || a.m.i0 < clause.start) continue;
    if (!isSubjectLike(v, a) && !subjectAfterConjunction(v, a, i)) continue;
    const mates = leftmost ? coordinated(v, a, 1, { start: clause.start, end: i }) : coordinated(v, a, -1, clause);
    return mates.flatMap((x) => x.refs);
  }
  // a relative clause: "Putin, che incontrerà Trump" → the antecedent (verbs only: a noun there
  // belongs to the relative clause's own verb)
  const startTok = v.tokens[clause.start];
  if (!leftmost && startTok && v.lex.relativePronouns.has(startTok.norm)) {
    const antecedent = v.args.find((a) => a.m.i1 === clause.start - 1 || a.m.i1 === clause.start);
    if (antecedent) return antecedent.refs;
  }
  return [];
}

/**
 * "a day after X met Y", "before X visits Y": a conjunction that is also a preposition (after, before, since)
 * opens a clause whose subject stands right before its verb — not a prepositional phrase ("after the talks").
 */
function subjectAfterConjunction(v: SentenceView, a: Arg, verbAt: number): boolean {
  if (a.m.i1 !== verbAt || a.m.adjectival || isLocation(v, a.m)) return false;
  const opener = a.m.i0 - 1;
  return opener >= 0 && v.lex.cues.clauseBreaks.at(v.tokens, opener) === a.m.i0 && v.breaks.includes(opener);
}

/** The subject Italian leaves implicit: the previous clause's, unless the clause opens with its own noun phrase. */
export function impliedSubject(v: SentenceView, d: Discourse, i: number, clause: Clause, plural: boolean): string[] {
  if (clauseHasOwnSubject(v, clause, i)) return [];
  const occ = d.lastOccurrence;
  // "X incontrerà Y a Parigi, dove discuteranno": a plural verb takes both participants
  if (plural && occ && occ.sentence === v.index) return occ.sides.flat();
  // "Fidan volerà a Doha, dove vedrà l'emiro": the main subject of an earlier clause of the sentence
  // (relative clauses have their own: "Xi, che ha definito la Germania un partner, e domani incontrerà")
  for (let start = clause.start; start > 0; ) {
    const prev = clauseOf(v, start - 1);
    start = prev.start;
    if (v.lex.relativePronouns.has(v.tokens[prev.start]?.norm ?? '')) continue;
    const subj = subjectOf(v, prev.end, prev, true);
    if (subj.length) return subj;
    if (!clauseHasOwnSubject(v, prev, prev.end)) continue;
    return [];
  }
  if (plural && occ && v.index - occ.sentence <= 1) return occ.sides.flat();
  return d.lastSubjects;
}

function clauseHasOwnSubject(v: SentenceView, clause: Clause, i: number): boolean {
  const { tokens, lex } = v;
  let k = clause.start;
  // skip a clause-opening conjunction and an opening adverbial phrase ending in a comma ("Nel frattempo,")
  if (k < i && lex.cues.clauseBreaks.at(tokens, k) > 0) k = lex.cues.clauseBreaks.at(tokens, k);
  const comma = tokens.findIndex((t, idx) => idx >= k && idx < i && t.text === ',');
  if (comma >= 0 && comma - k <= 4 && lex.anyPreposition.has(tokens[k]?.norm ?? '')) k = comma + 1;
  while (k < i && (v.timeToken[k] || tokens[k]!.kind === 'punct')) k++;
  const t = tokens[k];
  // (the article of the trigger noun itself is no subject: "Netanyahu vola a Washington: lunedì l'incontro con Trump")
  return Boolean(t && k < i - 1 && lex.determiners.has(t.norm) && !lex.anyPreposition.has(t.norm));
}

/** First actor to the right of the trigger (skipping places and time), with its coordinated mates. */
export function objectOf(v: SentenceView, from: number, clause: Clause, opts: { withPrep?: boolean; allowAdjectival?: boolean } = {}): Arg[] {
  for (const a of v.args) {
    if (a.m.i0 < from || a.m.i0 >= clause.end) continue;
    // A direct object is the verb's first noun phrase: past two content words ("ha visto migliaia di
    // soldati combattere contro l'Ucraina") the actor belongs to another phrase.
    if (!opts.withPrep && contentWordsBetween(v, from, a.m.i0) > 2) return [];
    // "ha ospitato i colloqui tra le delegazioni": the object is the event, its parties are not the host's guests
    if (!opts.withPrep && eventNounBetween(v, from, a.m.i0)) return [];
    if (isLocation(v, a.m) || isAttributed(v, a.m)) continue;
    if (a.m.adjectival && !opts.allowAdjectival) continue;
    if (opts.withPrep && !governedBy(v, a.m, v.lex.prepositions.with)) continue;
    if (!opts.withPrep && governedBy(v, a.m, v.lex.prepositions.genitive) && !governedBy(v, a.m, v.lex.prepositions.locative)) continue;
    return coordinated(v, a, 1, clause, opts.allowAdjectival);
  }
  return [];
}

function eventNounBetween(v: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!v.covered[k] && v.lex.nounTriggers.match(v.tokens, k)) return true;
  return false;
}

function contentWordsBetween(v: SentenceView, from: number, to: number): number {
  const { lex } = v;
  let n = 0;
  for (let k = from; k < to; k++) {
    const t = v.tokens[k]!;
    if (t.kind !== 'word' || v.timeToken[k] || lex.determiners.has(t.norm) || lex.possessives.has(t.norm) || lex.anyPreposition.has(t.norm)) continue;
    if (v.covered[k]) continue;
    n++;
  }
  return n;
}

/** "Nella sua visita a Parigi, Zelensky discuterà ...": the subject follows a fronted phrase. */
export function subjectAfter(v: SentenceView, i1: number, clause: Clause, exclude: Arg[]): string[] {
  for (const a of v.args) {
    if (a.m.i0 < i1 || a.m.i0 >= clause.end || exclude.includes(a)) continue;
    if (!isSubjectLike(v, a)) continue;
    const prev = tokenAt(v, a.m.i0 - 1);
    if (prev?.text === ',') return a.refs;
  }
  return [];
}

/** A possessive up to three tokens before i0: "nella sua visita", "its sanctions". */
export function possessiveBefore(v: SentenceView, i0: number): boolean {
  for (let k = i0 - 1; k >= Math.max(0, i0 - 3); k--) if (v.lex.possessives.has(v.tokens[k]!.norm)) return true;
  return false;
}

/** "alla presenza di Donald Trump", "in the presence of": further participants. */
export function presentIn(v: SentenceView, clause: Clause): string[] {
  const k = v.lex.cues.presence.firstWithin(v.tokens, clause.start, clause.end);
  if (k >= 0) {
    const end = v.lex.cues.presence.at(v.tokens, k);
    const a = v.args.find((x) => x.m.i0 >= end && x.m.i0 <= end + 2);
    return a ? coordinated(v, a, 1, clause).flatMap((x) => x.refs) : [];
  }
  return [];
}

/** "tra X e Y" / "between X and Y" within a few tokens after the trigger. */
export function betweenSides(v: SentenceView, end: number, clause: Clause): string[][] | undefined {
  for (let k = end; k < Math.min(end + 4, clause.end); k++) {
    const b = v.lex.prepositions.between.at(v.tokens, k);
    if (b < 0) continue;
    const first = v.args.find((a) => a.m.i0 >= b && a.m.i0 <= b + 2);
    if (!first) return undefined;
    const list = coordinated(v, first, 1, clause, true);
    // one mention naming both sides: "tra le delegazioni russa e ucraina", "between the two leaders"
    if (list.length === 1 && first.refs.length >= 2) return first.refs.map((r) => [r]);
    if (list.length < 2) return undefined;
    return list.map((a) => a.refs);
  }
  return undefined;
}

/** The places of the clause (keys added to `locations`, which become place nodes), those in `exclude` excepted. */
export function placesIn(v: SentenceView, clause: Clause, exclude: Set<string>, locations: Set<string>): string[] {
  const out: string[] = [];
  for (const a of v.args) {
    if (a.m.i0 < clause.start || a.m.i1 > clause.end) continue;
    if (!isLocation(v, a.m) && !(a.m.entityKind === 'place')) continue;
    for (const r of locationKeys(a.m, locations)) if (!exclude.has(r) && !out.includes(r)) out.push(r);
  }
  return out;
}

/** A capital used as a location is the city, not the state. */
export function locationKeys(m: Mention, locations: Set<string>): string[] {
  if (m.capital && m.place) {
    locations.add(m.place);
    return [m.place];
  }
  if (m.entity) { locations.add(m.entity); return [m.entity]; }
  return m.refs;
}

export function dateNear(v: SentenceView, i: number, clause: Clause): string | undefined {
  const inClause = v.times.filter((t) => t.value && t.start >= v.tokens[clause.start]!.start && t.end <= (v.tokens[clause.end - 1]?.end ?? Infinity));
  const pool = inClause.length ? inClause : v.times.filter((t) => t.value);
  if (!pool.length) return undefined;
  const at = v.tokens[i]!.start;
  return pool.reduce((best, t) => (Math.abs(t.start - at) < Math.abs(best.start - at) ? t : best)).value;
}
