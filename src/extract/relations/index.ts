// Relations from trigger words, with arguments taken from the sentence's structure:
//   X incontrerà Y · incontro tra X e Y · X ha avuto un incontro con Y · negoziati tra Kiev e Mosca ·
//   X ha imposto sanzioni a Z · sanzioni Ue contro Z · pressione sulla Russia · con la mediazione di X ·
//   and the English equivalents. Never "every pair of names in the sentence": a relation needs its
//   arguments in the slots its trigger opens (subject, object, "tra/between", "con/with", target
//   preposition), inside the trigger's clause.
// Meetings and negotiations become `Occurrence`s (one per mention); fragment.ts merges the mentions of
// one real meeting into one meeting node. The other relations are plain directed `Relation`s.
//
// Each sentence goes view → candidates → frames → discourse:
//   sentence-view.ts  tokens, mentions, arguments, word tenses, times, clause breaks (once per sentence)
//   candidates.ts     the trigger matches, left to right
//   frames/           one frame per family fills the slots (slots.ts, over features.ts) and asks status.ts
//                     what became of the event; it appends occurrences and relations to the discourse
//   discourse.ts      the only state across sentences: last subjects, last occurrence, delegations
import type { Article } from '../../read/types.js';
import { loadLexicon } from '../lexicon.js';
import type { MentionResult } from '../mentions.js';
import type { RelationResult } from './types.js';
import { newDiscourse } from './discourse.js';
import { viewSentence } from './sentence-view.js';
import { matchTriggers } from './candidates.js';
import { isLocation, isSubjectLike } from './features.js';
import { locationKeys } from './slots.js';
import { FRAMES, TALKS_DEFAULTS, delegationHeads } from './frames/index.js';

export type { Occurrence, Relation, RelationResult } from './types.js';
export { tenseOfWord } from './morphology.js';
export type { Family } from '../lexicon.js';

/** Fills Mention.location of the article's mentions (in place); returns the relations and occurrences. */
export function extractRelations(article: Article, ments: MentionResult): RelationResult {
  const lex = loadLexicon(article.lang);
  const d = newDiscourse();
  article.sentences.forEach((s, k) => {
    const mentions = ments.mentions[k] ?? [];
    const v = viewSentence(article, ments.entities, lex, s, mentions);
    // a place named as a location ("a Parigi") marks its mention and becomes a place node
    for (const m of mentions) if (isLocation(v, m)) {
      m.location = true;
      if (m.entityKind === 'place' || (m.capital && m.place)) locationKeys(m, d.locations);
    }
    for (const match of matchTriggers(v)) {
      if (match.info.agentive) continue;
      FRAMES[match.info.family].fill(v, match, d);
    }
    if (v.firstTrigger >= 0 || lex.cues.leads.within(v.tokens, 0, v.tokens.length)) delegationHeads(v, d, TALKS_DEFAULTS.confidence.delegationHeads);
    // Remember this sentence's subjects for the next clause without one.
    const first = v.args.find((a) => isSubjectLike(v, a));
    if (first) d.lastSubjects = first.refs;
  });
  return { occurrences: d.occurrences, relations: d.relations, locations: d.locations, refused: d.refused };
}
