// Emitting directed relations (supports, calls_on, at_war_with): one per pair of sides, with the trigger's date
// and status; nothing when the status says the statement is negated.
import type { EdgeKind } from '../../../graph/model.js';
import type { TriggerInfo } from '../../lexicon.js';
import type { Clause } from '../types.js';
import type { Discourse } from '../discourse.js';
import type { SentenceView } from '../sentence-view.js';
import { dateNear } from '../slots.js';
import { status } from '../status.js';

export function directed(v: SentenceView, d: Discourse, kind: EdgeKind, from: string[], to: string[], i0: number, i1: number, info: TriggerInfo, clause: Clause, confidence: number): void {
  const date = dateNear(v, i0, clause);
  const st = status(v, i0, i1, clause, info, date);
  if (!st) return;
  for (const a of from) for (const b of to) if (a !== b) d.relations.push({ kind, source: a, target: b, sentence: v.index, date, status: st, confidence, evidence: v.text });
}
