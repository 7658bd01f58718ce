// The table of frames: one per family, each with its confidence defaults. A trigger's family picks its frame
// (extractRelations looks it up here instead of a switch). Every confidence the rules give is listed below, in
// this one place; each frame module names and explains the readings its keys stand for (TalksConfidence,
// SanctionsConfidence, MediatesConfidence, SupportsConfidence, WarConfidence). They become the confidence of
// the fragment's edges (fragment.ts); the candidate stage (candidates/) gives its pairs their fitted scores.
import type { Family } from '../../lexicon.js';
import { frame, type Frame } from './frame.js';
import { fillTalks, type TalksConfidence } from './meets.js';
import { fillSanctions } from './sanctions.js';
import { fillMediates } from './mediates.js';
import { fillSupports } from './supports.js';
import { fillWar } from './war.js';

/** Meetings and negotiations share one frame and its defaults. */
export const TALKS_DEFAULTS: { readonly confidence: TalksConfidence } = {
  confidence: { plain: 0.85, weak: 0.6, hosted: 0.75, between: 0.9, delegationHeads: 0.6 },
};
const talks = frame(TALKS_DEFAULTS, fillTalks);

export const FRAMES: Readonly<Record<Family, Frame>> = {
  meets: talks,
  negotiates: talks,
  sanctions: frame({ confidence: { plain: 0.8, possessor: 0.7, impositionVerb: 0.7 } }, fillSanctions),
  mediates: frame({ confidence: { between: 0.7 } }, fillMediates),
  supports: frame({ confidence: { noun: 0.6, verb: 0.6, callOn: 0.6 } }, fillSupports),
  at_war_with: frame({ confidence: { between: 0.7, against: 0.6 } }, fillWar),
};

export { delegationHeads } from './meets.js';
