// A sentence view of the first sentence of a short text of our own, with mentions and coreference resolved, as
// extractRelations builds it: for tests of the relation stages (status, slots) on their own.
import { readArticle } from '../../src/read/index.js';
import { detectMentions } from '../../src/extract/mentions.js';
import { resolveCoreference } from '../../src/extract/coref.js';
import { loadLexicon } from '../../src/extract/lexicon.js';
import { viewSentence, type SentenceView } from '../../src/extract/relations/sentence-view.js';

export function viewOf(text: string, date = '2026-05-06'): SentenceView {
  const article = readArticle(text, { id: 't', date });
  const m = detectMentions(article);
  resolveCoreference(m);
  return viewSentence(article, m.entities, loadLexicon(article.lang), article.sentences[0]!, m.mentions[0] ?? []);
}

/** The index of the first token whose text is `word`. */
export function tokenIndex(v: SentenceView, word: string): number {
  const k = v.tokens.findIndex((t) => t.text === word);
  if (k < 0) throw new Error(`no token "${word}" in: ${v.text}`);
  return k;
}
