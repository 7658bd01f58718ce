// The candidate scorer: a logistic regression per family over the named features of features.ts. The weights
// and each family's acceptance threshold are data (data/model/relations.json), fitted by
// scripts/fit-relations.ts with cross-validation by article; this module only applies them.
import { readFileSync } from 'node:fs';
import type { CueFamily } from './cues.js';
import type { Features } from './features.js';

export interface FamilyModel {
  weights: Record<string, number>;
  /** A candidate pair is kept when its probability reaches this. */
  threshold: number;
}

export interface RelationModel {
  _doc?: string;
  families: Record<CueFamily, FamilyModel>;
}

export function probability(model: FamilyModel, f: Features): number {
  let z = 0;
  for (const name in f) {
    const w = model.weights[name];
    if (w !== undefined) z += w * f[name]!;
  }
  return 1 / (1 + Math.exp(-z));
}

let loaded: RelationModel | undefined;

/** The fitted model shipped in data/model/relations.json. */
export function defaultRelationModel(): RelationModel {
  loaded ??= JSON.parse(readFileSync(new URL('../../../data/model/relations.json', import.meta.url), 'utf8')) as RelationModel;
  return loaded;
}

/** A model that accepts nothing: the rules alone (the fitting script's baseline). */
export const RULES_ONLY: RelationModel = {
  families: {
    meets: { weights: {}, threshold: 2 },
    negotiates: { weights: {}, threshold: 2 },
    sanctions: { weights: {}, threshold: 2 },
  },
};
