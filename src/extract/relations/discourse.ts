// The only state that crosses sentences: what the next sentence's subject omission, anaphora ("questi colloqui")
// and delegation heads refer back to, and the results accumulated so far (frames append to them).
import type { Occurrence, Relation, RelationResult } from './types.js';

export interface Discourse extends RelationResult {
  /** Subjects of the last clause that had one: Italian drops the subject when it does not change. */
  lastSubjects: string[];
  lastOccurrence?: Occurrence;
  /** Heads of the delegations to each set of talks, by side (see delegationHeads). */
  readonly delegations: Map<Occurrence, { heads: Map<string, string>; derived?: Occurrence }>;
}

export function newDiscourse(): Discourse {
  const occurrences: Occurrence[] = [];
  const relations: Relation[] = [];
  return {
    occurrences, relations, locations: new Set(), refused: new Set(),
    lastSubjects: [], lastOccurrence: undefined, delegations: new Map(),
  };
}
