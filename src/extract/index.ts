// extract(article) → fragment: the extraction pipeline, one component after another over one document
// (read → spelling → mentions → coreference → relations and time → scored candidates → fragment). Pure: no I/O.
import type { Article } from '../read/types.js';
import type { Fragment } from '../graph/model.js';
import { detectMentions } from './mentions.js';
import { normaliseSpelling } from './spelling.js';
import { resolveCoreference } from './coref.js';
import { extractRelations } from './relations.js';
import { buildFragment } from './fragment.js';
import { addScoredCandidates } from './candidates/apply.js';
import { defaultRelationModel, type RelationModel } from './candidates/scorer.js';

export interface ExtractOptions {
  /** The candidate scorer's weights (default: the fitted data/model/relations.json). */
  model?: RelationModel;
}

// What each stage reads and fills in (each later stage reads what the earlier ones filled):
export function extract(input: Article, opts: ExtractOptions = {}): Fragment {
  // spelling: returns the article with accents restored in its token norms (Italian written without accents;
  // the text is kept)
  const article = normaliseSpelling(input);
  // mentions: returns the mentions of each sentence (kind, tokens, entity, role…) and the article's entities
  const mentions = detectMentions(article);
  // coreference: fills Mention.refs in place (surnames, role descriptions, pronouns → entity keys)
  resolveCoreference(mentions);
  // relations: fills Mention.location in place ("a Parigi"); returns the occurrences (meetings, negotiations),
  // the directed relations, the places used as locations and the refused family:sentence pairs
  const relations = extractRelations(article, mentions);
  // candidates: appends the accepted scored pairs to relations.occurrences and relations.relations
  addScoredCandidates(article, mentions, relations, opts.model ?? defaultRelationModel());
  // fragment: returns the article's nodes and edges (meetings merged, dated by event-dates.ts)
  return buildFragment(article, mentions, relations);
}
