// extract(article) → fragment: the extraction pipeline, one component after another over one document
// (read → mentions → coreference → relations and time → fragment). Pure: no I/O.
import type { Article } from '../read/types.js';
import type { Fragment } from '../graph/model.js';
import { detectMentions } from './mentions.js';
import { resolveCoreference } from './coref.js';
import { extractRelations } from './relations.js';
import { buildFragment } from './fragment.js';

export function extract(article: Article): Fragment {
  const mentions = detectMentions(article);
  resolveCoreference(mentions);
  const relations = extractRelations(article, mentions);
  return buildFragment(article, mentions, relations);
}
