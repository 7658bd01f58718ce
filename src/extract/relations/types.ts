// The relation stage's results (Occurrence, Relation, RelationResult) and the two shapes its stages pass
// around (Clause, Arg).
import type { EdgeKind, Status } from '../../graph/model.js';
import type { Mention } from '../mentions.js';

export interface Occurrence {
  family: 'meets' | 'negotiates';
  sentence: number;
  /** Participants grouped by side ("tra Kiev e Mosca": [[Ukraine], [Russia]]). */
  sides: string[][];
  places: string[];
  date?: string;
  status: Status;
  confidence: number;
  mediators: string[];
  visit: boolean;
  /** "un nuovo round di negoziati": a session that deserves a node of its own even without a date. */
  round: boolean;
  evidence: string;
}

export interface Relation {
  kind: EdgeKind;
  source: string;
  target: string;
  sentence: number;
  date?: string;
  status: Status;
  confidence: number;
  evidence: string;
  /** A relation about an occurrence (mediates → the round of talks). */
  occurrence?: Occurrence;
}

export interface RelationResult {
  occurrences: Occurrence[];
  relations: Relation[];
  /** Places used as locations ("a Parigi"): they become place nodes. */
  locations: Set<string>;
  /**
   * Sentences whose trigger of a family the rules read and refused — negated, denied, cancelled, only wished
   * for ("family:sentence"): the candidate stage adds no relation of that family there.
   */
  refused: Set<string>;
}

/** Token range [start, end) of one clause of the sentence. */
export interface Clause {
  start: number;
  end: number;
}

/** A mention an argument slot can take: resolved, and not a modifier inside another mention. */
export interface Arg {
  m: Mention;
  refs: string[];
}
