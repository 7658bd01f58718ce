// What a frame is: a family's argument filling and emitting, with its confidence defaults beside it.
import type { SentenceView } from '../sentence-view.js';
import type { TriggerMatch } from '../candidates.js';
import type { Discourse } from '../discourse.js';

/** Named confidences of a frame's readings ("between": "tra X e Y" found the sides). */
export type Confidences = Readonly<Record<string, number>>;

export interface Frame<C extends Confidences = Confidences> {
  readonly defaults: { readonly confidence: C };
  /** Reads the trigger's arguments and appends what it yields to the discourse (occurrences, relations). */
  fill(v: SentenceView, match: TriggerMatch, d: Discourse): void;
}

export type FillFn<C extends Confidences> = (v: SentenceView, match: TriggerMatch, d: Discourse, confidence: C) => void;

/** A frame whose fill reads its confidences from its own defaults. */
export function frame<C extends Confidences>(defaults: { readonly confidence: C }, fill: FillFn<C>): Frame<C> {
  return { defaults, fill: (v, match, d) => fill(v, match, d, defaults.confidence) };
}
