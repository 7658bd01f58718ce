// The frame of war: "la guerra tra Russia e Ucraina", "la guerra della Russia contro l'Ucraina", "Russia's war
// against Ukraine": an at_war_with relation from the aggressor (or the first side) to the other.
import type { Discourse } from '../discourse.js';
import type { TriggerMatch } from '../candidates.js';
import { clauseOf, type SentenceView } from '../sentence-view.js';
import { governedBy } from '../features.js';
import { betweenSides } from '../slots.js';
import { directed } from './directed.js';

export type WarConfidence = {
  /** "la guerra tra X e Y": two sides. */
  readonly between: number;
  /** "X's war against Y": aggressor and the side attacked. */
  readonly against: number;
};

export function fillWar(v: SentenceView, match: TriggerMatch, d: Discourse, conf: WarConfidence): void {
  const { i0, i1, info } = match;
  const { tokens } = v;
  const clause = clauseOf(v, i0);
  const sides = betweenSides(v, i1, clause);
  if (sides && sides.length === 2) {
    directed(v, d, 'at_war_with', sides[0]!, sides[1]!, i0, i1, info, clause, conf.between);
    return;
  }
  // "la guerra della Russia contro l'Ucraina", "Russia's war against Ukraine"
  const aggressor = v.args.find((a) => a.m.i0 >= i1 && a.m.i0 <= i1 + 2 && governedBy(v, a.m, v.lex.prepositions.genitive))
    ?? v.args.find((a) => a.m.i1 === i0 || (a.m.i1 === i0 - 1 && tokens[i0 - 1]?.norm === "'s"));
  const against = v.args.find((a) => a.m.i0 > i1 && a.m.i0 <= i1 + 6 && tokens.slice(Math.max(i1, a.m.i0 - 2), a.m.i0).some((t) => v.lex.againstPreps.has(t.norm)));
  if (aggressor && against) directed(v, d, 'at_war_with', aggressor.refs, against.refs, i0, i1, info, clause, conf.against);
}
