// The table of frames: one per family, each with its confidence defaults. A trigger's family picks its frame
// (extractRelations looks it up here instead of a switch). The confidences, all in this one place, are how
// sure each reading is; the candidate scorer (candidates/) does not use them.
//   meets, negotiates  0.85 plain · 0.6 weak trigger · 0.75 hosted ("X will host A and B for talks")
//                      · 0.9 "tra X e Y" / "between X and Y" · 0.6 heads of two delegations to talks just told
//   sanctions          0.8 plain · 0.7 the possessor as imposer · 0.7 the subject of an imposition verb
//   mediates           0.7 "mediation between X and Y"
//   supports           0.6 noun ("US support for Kyiv") · 0.6 support verb · 0.6 calls_on ("X urged Y to")
//   at_war_with        0.7 "war between X and Y" · 0.6 "X's war against Y"
import type { Family } from '../../lexicon.js';
import { frame, type Confidences, type Frame } from './frame.js';
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

export const FRAMES: Readonly<Record<Family, Frame<Confidences>>> = {
  meets: talks,
  negotiates: talks,
  sanctions: frame({ confidence: { plain: 0.8, possessor: 0.7, impositionVerb: 0.7 } }, fillSanctions),
  mediates: frame({ confidence: { between: 0.7 } }, fillMediates),
  supports: frame({ confidence: { noun: 0.6, verb: 0.6, callOn: 0.6 } }, fillSupports),
  at_war_with: frame({ confidence: { between: 0.7, against: 0.6 } }, fillWar),
};

export { delegationHeads } from './meets.js';
