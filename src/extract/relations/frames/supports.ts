// The frame of support and calls: "il sostegno della Francia all'Ucraina", "US support for Kyiv" (a noun
// trigger), "X backs Y" (a support cue verb), "X urged Y to" (a call cue verb, a calls_on relation).
import type { Discourse } from '../discourse.js';
import type { TriggerMatch } from '../candidates.js';
import { clauseOf, type SentenceView } from '../sentence-view.js';
import { governedBy, isActor } from '../features.js';
import { objectOf, subjectOf } from '../slots.js';
import { directed } from './directed.js';

export type SupportsConfidence = {
  /** "il sostegno della Francia all'Ucraina": giver and receiver around the noun. */
  readonly noun: number;
  /** "X backs Y": subject and object of a support verb. */
  readonly verb: number;
  /** "X urged Y to": a calls_on relation. */
  readonly callOn: number;
};

export function fillSupports(v: SentenceView, match: TriggerMatch, d: Discourse, conf: SupportsConfidence): void {
  if (match.via === 'call') callOn(v, match, d, conf.callOn);
  else if (match.via === 'support') supportVerb(v, match, d, conf.verb);
  else supportNoun(v, match, d, conf.noun);
}

function supportNoun(v: SentenceView, { i0, i1, info }: TriggerMatch, d: Discourse, confidence: number): void {
  const { tokens, lex } = v;
  const clause = clauseOf(v, i0);
  // "il sostegno della Francia all'Ucraina", "con il supporto degli Stati Uniti", "US support for Kyiv"
  const giver = v.args.find((a) => a.m.i0 >= i1 && a.m.i0 <= i1 + 2 && governedBy(v, a.m, lex.prepositions.genitive))
    ?? v.args.find((a) => a.m.i1 === i0 || (a.m.i1 === i0 - 1 && tokens[i0 - 1]?.norm === "'s"));
  if (!giver) return;
  const receiver = v.args.find((a) => a.m.i0 > giver.m.i1 && a.m.i0 < Math.min(clause.end, giver.m.i1 + 8) && isActor(v, a) && !a.refs.some((r) => giver.refs.includes(r)))
    ?? (governedBy(v, giver.m, lex.prepositions.genitive) && tokens.slice(clause.start, i0).some((t) => lex.prepositions.with.at([t], 0) > 0)
      ? { m: giver.m, refs: subjectOf(v, i0, clause) } : undefined);
  if (!receiver || receiver.refs.length === 0) return;
  directed(v, d, 'supports', giver.refs, receiver.refs, i0, i1, info, clause, confidence);
}

function supportVerb(v: SentenceView, { i0, i1, info }: TriggerMatch, d: Discourse, confidence: number): void {
  const clause = clauseOf(v, i0);
  const subject = subjectOf(v, i0, clause);
  const object = objectOf(v, i1, clause).flatMap((a) => a.refs);
  if (!subject.length || !object.length) return;
  directed(v, d, 'supports', subject, object, i0, i1, info, clause, confidence);
}

function callOn(v: SentenceView, { i0, i1, info }: TriggerMatch, d: Discourse, confidence: number): void {
  const clause = clauseOf(v, i0);
  const subject = subjectOf(v, i0, clause);
  if (!subject.length) return;
  const target = v.args.find((a) => a.m.i0 >= i1 && a.m.i0 <= i1 + 3 && (governedBy(v, a.m, v.lex.prepositions.dative) || v.lang === 'en' || v.tokens[i1 - 1]?.norm === 'on') && isActor(v, a));
  if (!target) return;
  directed(v, d, 'calls_on', subject, target.refs, i0, i1, info, clause, confidence);
}
