// The frame of mediation: "con la mediazione di X", "Qatari mediation", "mediated by X", "offering to mediate":
// mediates relations to the sides named "tra X e Y", else the mediators of the occurrence it belongs to.
import type { Discourse } from '../discourse.js';
import type { TriggerMatch } from '../candidates.js';
import { clauseOf, type SentenceView } from '../sentence-view.js';
import { coordinated, governedBy } from '../features.js';
import { betweenSides, dateNear, subjectOf } from '../slots.js';
import { status } from '../status.js';

export type MediatesConfidence = {
  /** "mediation between X and Y": a mediates relation to each side. */
  readonly between: number;
};

export function fillMediates(v: SentenceView, match: TriggerMatch, d: Discourse, conf: MediatesConfidence): void {
  const { i0, i1, info } = match;
  const clause = clauseOf(v, i0);
  let mediators: string[] = [];
  if (info.pos === 'noun') {
    // "con la mediazione americana", "la mediazione del Qatar", "Qatari mediation", "mediated by X"
    const adj = v.mentions.find((m) => m.i0 >= i1 && m.i0 <= i1 + 2 && m.refs.length && !m.modifier);
    if (adj) mediators = coordinated(v, { m: adj, refs: adj.refs }, 1, clause, true).flatMap((a) => a.refs);
    const pre = v.mentions.find((m) => m.i1 === i0 && m.refs.length);
    if (!mediators.length && pre) mediators = pre.refs;
  } else {
    const agent = v.args.find((a) => a.m.i0 >= i1 && a.m.i0 <= i1 + 3 && governedBy(v, a.m, v.lex.prepositions.agent));
    // "offering to mediate", "si è offerto di mediare": the main clause's subject, not the nearest name
    const nonFinite = info.tense === 'infinitive' || info.tense === 'gerund' || v.lex.infinitiveMarkers.has(v.tokens[i0 - 1]?.norm ?? '');
    mediators = agent ? agent.refs : subjectOf(v, i0, clause, nonFinite);
  }
  if (!mediators.length) return;
  const between = betweenSides(v, i1, clause);
  if (between) {
    const date = dateNear(v, i0, clause);
    const st = status(v, i0, i1, clause, info, date);
    if (!st) return;
    for (const m of mediators) for (const t of between.flat()) if (m !== t) d.relations.push({ kind: 'mediates', source: m, target: t, sentence: v.index, date, status: st, confidence: conf.between, evidence: v.text });
    return;
  }
  // the occurrence it belongs to: one in this sentence, else the last one
  const occ = d.occurrences.findLast((o) => o.sentence === v.index) ?? d.lastOccurrence;
  const date = dateNear(v, i0, clause) ?? occ?.date;
  const st = occ?.status ?? status(v, i0, i1, clause, info, date);
  if (!st) return;
  if (occ) {
    for (const m of mediators) if (!occ.sides.flat().includes(m) && !occ.mediators.includes(m)) occ.mediators.push(m);
    return;
  }
}
