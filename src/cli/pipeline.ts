// The whole pipeline over a set of articles: read → extract (parallel) → merge (in article-id order)
// → cross-article resolution → layout/appearance.
import { createGraph, type KnowledgeGraph } from '../graph/create.js';
import { mergeFragment } from '../graph/merge.js';
import { layoutGraph } from '../graph/layout.js';
import { applyAppearance } from '../graph/appearance.js';
import type { Fragment } from '../graph/model.js';
import { resolveMeetings } from '../resolve/meetings.js';
import { readStdinText, stdinArticleItem, type Skipped, type WorkItem } from './items.js';
import { extractInOrder, type ExtractStats } from './parallel.js';
import { processItem, type ReadSettings } from './process-item.js';
import { startProgress } from './progress.js';
import { UserError } from '../errors.js';
import { articleIdFromPath } from '../read/index.js';

export type { ReadSettings } from './process-item.js';

/** Extracts every file's fragment, in the given order (one thread; a failure is a UserError). */
export function extractFiles(files: readonly string[], settings: ReadSettings): Fragment[] {
  const progress = startProgress(files.length, 'extract');
  try {
    return files.map((f) => {
      const item: WorkItem = f === '-' ? stdinArticleItem(readStdinText()) : { id: articleIdFromPath(f), name: f, path: f };
      const outcome = processItem(item, settings, new Set());
      if ('error' in outcome) throw new UserError(`${item.name}: ${outcome.error}`);
      progress.tick(f);
      return (outcome as { fragment: Fragment }).fragment;
    });
  } finally {
    progress.stop();
  }
}


/** What a merge did: counts, and what was skipped and why (each reported once, in order). */
export interface MergeReport {
  merged: number;
  /** Content already in the graph (`--into`), or the same text under another id in this build. */
  duplicates: number;
  skipped: Skipped[];
}

/**
 * Merges fragments into a graph one by one, in the order given (callers give article-id order).
 * An article whose content hash is already in the graph is a duplicate (syndicated copy, or already
 * ingested) and adds nothing, so that weights count independent articles; an id already in the graph
 * with other content is skipped and reported.
 */
export class GraphMerger {
  readonly report: MergeReport = { merged: 0, duplicates: 0, skipped: [] };
  private readonly hashes = new Set<string>();
  /**
   * Node attribute objects merged already. The parallel build's decoder (wire.ts) hands back the same
   * object when a node comes again with the same attributes: merging it again would change nothing.
   */
  private readonly mergedNodes = new WeakSet<object>();

  constructor(readonly graph: KnowledgeGraph = createGraph()) {
    for (const a of Object.values(graph.getAttribute('articles') ?? {})) this.hashes.add(a.hash);
  }

  /** Content hashes already in the graph. */
  knownHashes(): ReadonlySet<string> {
    return this.hashes;
  }

  add(fragment: Fragment, name: string): void {
    const a = fragment.article;
    if (this.hashes.has(a.hash)) {
      this.report.duplicates++;
      return;
    }
    const previous = this.graph.getAttribute('articles')?.[a.id];
    if (previous) {
      this.report.skipped.push({ name, reason: `article id "${a.id}" is already in the graph with other content` });
      return;
    }
    const nodes = fragment.nodes.filter((n) => !this.mergedNodes.has(n.attributes));
    mergeFragment(this.graph, nodes.length === fragment.nodes.length ? fragment : { ...fragment, nodes });
    for (const n of nodes) this.mergedNodes.add(n.attributes);
    this.hashes.add(a.hash);
    this.report.merged++;
  }

  skip(name: string, reason: string): void {
    this.report.skipped.push({ name, reason });
  }

  duplicate(): void {
    this.report.duplicates++;
  }
}

/** Extracts the items (in parallel) and merges them, in item order, into `merger`'s graph. */
export async function extractAndMerge(items: readonly WorkItem[], merger: GraphMerger, settings: ReadSettings, threads?: number): Promise<ExtractStats> {
  const progress = startProgress(items.length, 'build');
  try {
    return await extractInOrder(items, {
      threads,
      settings,
      known: merger.knownHashes(),
      onOutcome: (item, outcome) => {
        if ('fragment' in outcome) merger.add(outcome.fragment, item.name);
        else if ('known' in outcome) merger.duplicate();
        else merger.skip(item.name, outcome.error);
        progress.tick();
      },
    });
  } finally {
    progress.stop();
  }
}

/** Merges fragments in article-id order (deterministic whatever the input order), then resolves and lays out. */
export function graphOf(fragments: readonly Fragment[], into: KnowledgeGraph = createGraph()): KnowledgeGraph {
  const sorted = [...fragments].sort((a, b) => compare(a.article.id, b.article.id) || compare(a.article.hash, b.article.hash));
  const merger = new GraphMerger(into);
  for (const f of sorted) merger.add(f, f.article.id);
  finishGraph(into);
  return into;
}

/** Cross-article resolution, then appearance and layout (on `threads` threads; same result): what every built graph goes through last. */
export function finishGraph(graph: KnowledgeGraph, lap: (stage: string) => void = () => {}, threads = 1): void {
  resolveMeetings(graph);
  lap('resolve');
  applyAppearance(graph);
  lap('appearance');
  layoutGraph(graph, { threads });
  lap('layout');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
