// Argument features: what a mention is in its sentence — governed by a preposition, a location, a possible
// subject, an actor — and which mentions are coordinated with it ("X e Y", "X, Y and Z").
import type { CueSet } from '../phrase-index.js';
import type { Mention } from '../mentions.js';
import type { Arg, Clause } from './types.js';
import { tokenAt, type SentenceView } from './sentence-view.js';

/** Is the mention governed by one of these prepositions (possibly with an article in between)? */
export function governedBy(v: SentenceView, m: Mention, set: CueSet): boolean {
  // skip the article and possessive between preposition and noun: "con il suo omologo", "with his counterpart"
  // (each position asked once: the cue ending at the new `at` was just asked about as `at - 1`)
  let at = m.i0;
  if (set.endsAt(v.tokens, at) >= 0) return true;
  for (let k = 0; k < 3; k++) {
    const prev = tokenAt(v, at - 1);
    if (!prev || !(v.lex.determiners.has(prev.norm) || v.lex.possessives.has(prev.norm))) break;
    if (set.endsAt(v.tokens, at - 1) >= 0) return true;
    at--;
  }
  return false;
}

function governedByAnyPreposition(v: SentenceView, m: Mention): boolean {
  const { lex } = v;
  const prev = tokenAt(v, m.i0 - 1);
  if (!prev) return false;
  if (lex.anyPreposition.has(prev.norm) && !lex.determiners.has(prev.norm)) return true;
  // Italian articulated prepositions (della, alla, nel...) are listed as both determiners and prepositions.
  if (lex.anyPreposition.has(prev.norm) && lex.determiners.has(prev.norm) && !lex.articles.has(prev.norm)) return true;
  const before = tokenAt(v, m.i0 - 2);
  return Boolean(before && lex.determiners.has(prev.norm) && lex.anyPreposition.has(before.norm) && !lex.determiners.has(before.norm));
}

export function isLocation(v: SentenceView, m: Mention): boolean {
  if (m.entityKind === 'place') return true;
  let answer = v.locationMemo.get(m);
  if (answer === undefined) {
    answer = locationNow(v, m);
    v.locationMemo.set(m, answer);
  }
  return answer;
}

function locationNow(v: SentenceView, m: Mention): boolean {
  // A capital or seat of power after a locative preposition is the city, whatever it stands for elsewhere:
  // "met in Brussels" is a place, not the EU ("Bruxelles chiede", "Budapest said" stay metonymies).
  if (m.capital === true && governedBy(v, m, v.lex.prepositions.locative)) return true;
  if (m.entityKind !== 'country') return false;
  return governedBy(v, m, v.lex.prepositions.locative) && !governedBy(v, m, v.lex.prepositions.dative);
}

export function isAttributed(v: SentenceView, m: Mention): boolean {
  return v.lex.cues.attribution.endsAt(v.tokens, m.i0) >= 0 && v.lang === 'it'
    ? true
    : tokenAt(v, m.i0 - 1)?.norm === 'to' && tokenAt(v, m.i0 - 2)?.norm === 'according';
}

/** An actor that can fill a subject slot: not a place, not an adjective, not inside a prepositional phrase. */
export function isSubjectLike(v: SentenceView, a: Arg): boolean {
  let answer = v.subjectMemo.get(a.m);
  if (answer === undefined) {
    answer = subjectLikeNow(v, a.m);
    v.subjectMemo.set(a.m, answer);
  }
  return answer;
}

function subjectLikeNow(v: SentenceView, m: Mention): boolean {
  if (m.adjectival || isLocation(v, m) || isAttributed(v, m)) return false;
  if (m.entityKind === 'place') return false;
  return !governedByAnyPreposition(v, m);
}

export function isActor(v: SentenceView, a: Arg): boolean {
  return !a.m.adjectival && !isLocation(v, a.m) && a.m.entityKind !== 'place';
}

/** Extends an argument to the mentions coordinated with it: "X e Y", "X, Y and Z". */
export function coordinated(v: SentenceView, first: Arg, direction: 1 | -1, clause: Clause, allowAdjectival = false): Arg[] {
  const out = [first];
  let cur = first;
  // "con Macron e con Starmer", "with Macron and with Starmer": the first one's preposition may come again
  const repeated = direction === 1 ? governingPreposition(v, first.m.i0) : undefined;
  for (;;) {
    const next = direction === 1
      ? v.args.find((a) => a.m.i0 >= cur.m.i1 && a.m.i0 < clause.end && (allowAdjectival || !a.m.adjectival))
      : v.args.findLast((a) => a.m.i1 <= cur.m.i0 && a.m.i0 >= clause.start && (allowAdjectival || !a.m.adjectival));
    if (!next) break;
    // a place is not coordinated with an actor: "In Budapest, Orbán hosted ...", "a Parigi, Macron e Scholz"
    if (isLocation(v, next.m) !== isLocation(v, cur.m)) break;
    if (!(direction === 1 ? joins(v, cur.m.i1, next.m.i0, repeated) : joins(v, next.m.i1, cur.m.i0))) break;
    // "sanctions on Peru, Chile said": a name after a bare comma that speaks is the reporting clause's subject
    if (direction === 1 && v.lex.cues.speech.at(v.tokens, next.m.i1) > 0 && !conjoined(v, cur.m.i1, next.m.i0)) break;
    out.push(next);
    cur = next;
  }
  return direction === 1 ? out : out.reverse();
}

/** A conjunction among tokens [from, to). */
function conjoined(v: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (v.lex.coordination.has(v.tokens[k]!.norm) || v.lex.disjunction.has(v.tokens[k]!.norm)) return true;
  return false;
}

/** The preposition right before a mention, or before its article ("con il presidente"), if any. */
function governingPreposition(v: SentenceView, i0: number): string | undefined {
  let k = i0 - 1;
  if (k >= 0 && v.lex.determiners.has(v.tokens[k]!.norm)) k--;
  const t = k >= 0 ? v.tokens[k] : undefined;
  return t && v.lex.anyPreposition.has(t.norm) ? t.norm : undefined;
}

/** Do tokens [from, to) join two coordinated mentions: 1–4 tokens of commas, conjunctions, articles,
 *  possessives and locative prepositions, with at least one comma or conjunction? (Index loops, not slices.) */
function joins(v: SentenceView, from: number, to: number, repeated?: string): boolean {
  if (to - from <= 0 || to - from > 4) return false;
  const { lex } = v;
  let linked = false;
  for (let k = from; k < to; k++) {
    const t = v.tokens[k]!;
    const link = t.text === ',' || lex.coordination.has(t.norm) || lex.disjunction.has(t.norm);
    if (!link && !(lex.determiners.has(t.norm) || lex.possessives.has(t.norm) || lex.prepositions.locative.at([t], 0) > 0 || t.norm === repeated)) return false;
    linked ||= link;
  }
  return linked;
}
