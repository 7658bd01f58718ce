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

export function extract(input: Article, opts: ExtractOptions = {}): Fragment {
  const article = normaliseSpelling(input); // Italian without accents: token norms only, the text is kept
  const mentions = detectMentions(article);
  resolveCoreference(mentions);
  const relations = extractRelations(article, mentions);
  addScoredCandidates(article, mentions, relations, opts.model ?? defaultRelationModel());
  return buildFragment(article, mentions, relations);
}
