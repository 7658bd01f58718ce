// The whole pipeline over a set of articles: read → extract → merge → layout/appearance.
import { createGraph, type KnowledgeGraph } from '../graph/create.js';
import { mergeFragment } from '../graph/merge.js';
import { layoutGraph } from '../graph/layout.js';
import { applyAppearance } from '../graph/appearance.js';
import type { Fragment } from '../graph/model.js';
import { extract } from '../extract/index.js';
import { readArticleFile, type ReadSettings } from './inputs.js';
import { startProgress } from './progress.js';

/** Extracts every file's fragment, in the given order. */
export function extractFiles(files: readonly string[], settings: ReadSettings): Fragment[] {
  const progress = startProgress(files.length, 'extract');
  try {
    return files.map((f) => {
      const fragment = extract(readArticleFile(f, settings));
      progress.tick(f);
      return fragment;
    });
  } finally {
    progress.stop();
  }
}

/** Merges fragments in article-id order (deterministic whatever the input order), then lays the graph out. */
export function graphOf(fragments: readonly Fragment[], into: KnowledgeGraph = createGraph()): KnowledgeGraph {
  const sorted = [...fragments].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  for (const f of sorted) mergeFragment(into, f);
  finishGraph(into);
  return into;
}

export function finishGraph(graph: KnowledgeGraph): void {
  applyAppearance(graph);
  layoutGraph(graph);
}
