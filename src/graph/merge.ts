// mergeFragment(graph, fragment): adds one article's fragment to a graph. One real-world entity is one
// node (same key); repeated mentions add evidence, and an edge's `weight` counts the independent
// articles that report it. Merging is order-independent for everything but the order of evidence lists,
// which the caller makes deterministic by merging fragments in a fixed order (article id).
import type { KnowledgeGraph } from './create.js';
import { UNDIRECTED_KINDS, type EdgeRecord, type Fragment, type NodeAttributes, type Status } from './model.js';

/** Status precedence when two reports disagree: what happened beats what was planned or proposed. */
const STATUS_RANK: Record<Status, number> = { cancelled: 6, held: 5, ongoing: 4, planned: 3, proposed: 2, discussed: 1, reported: 0 };

/** Merges the fragment; returns false when the article (same id and content hash) was already merged. */
export function mergeFragment(graph: KnowledgeGraph, fragment: Fragment): boolean {
  const articles = { ...(graph.getAttribute('articles') ?? {}) };
  const known = articles[fragment.article.id];
  if (known && known.hash === fragment.article.hash) return false;
  articles[fragment.article.id] = fragment.article;
  graph.setAttribute('articles', articles);
  for (const n of fragment.nodes) mergeNode(graph, n.key, n.attributes);
  for (const e of fragment.edges) mergeEdge(graph, e);
  return true;
}

function mergeNode(graph: KnowledgeGraph, key: string, attrs: NodeAttributes): void {
  if (!graph.hasNode(key)) {
    graph.addNode(key, structuredClone(attrs));
    return;
  }
  graph.updateNodeAttributes(key, (old) => {
    const merged: NodeAttributes = { ...attrs, ...old };
    for (const field of ['role', 'country', 'wikidata', 'place', 'date'] as const) {
      if (!old[field] && attrs[field]) merged[field] = attrs[field];
    }
    for (const list of ['aliases', 'participants', 'evidence', 'source'] as const) {
      const union = [...(old[list] ?? []), ...(attrs[list] ?? [])];
      if (union.length) merged[list] = [...new Set(union)];
    }
    if (old.status && attrs.status && STATUS_RANK[attrs.status] > STATUS_RANK[old.status]) merged.status = attrs.status;
    return merged;
  });
}

function mergeEdge(graph: KnowledgeGraph, e: EdgeRecord): void {
  const a = e.attributes;
  const key = e.key;
  if (!graph.hasEdge(key)) {
    const attrs = structuredClone(a);
    attrs.weight = attrs.source.length;
    if (UNDIRECTED_KINDS.has(a.kind)) graph.addUndirectedEdgeWithKey(key, e.source, e.target, attrs);
    else graph.addDirectedEdgeWithKey(key, e.source, e.target, attrs);
    return;
  }
  graph.updateEdgeAttributes(key, (old) => {
    const evidence = [...old.evidence];
    const evidenceArticles = [...old.evidence_articles];
    a.evidence.forEach((text, k) => {
      const article = a.evidence_articles[k] ?? a.source[0] ?? '';
      if (!evidence.some((t, j) => t === text && evidenceArticles[j] === article)) {
        evidence.push(text);
        evidenceArticles.push(article);
      }
    });
    const source = [...new Set([...old.source, ...a.source])];
    return {
      ...old,
      evidence,
      evidence_articles: evidenceArticles,
      source,
      weight: source.length,
      confidence: Math.max(old.confidence, a.confidence),
      status: STATUS_RANK[a.status] > STATUS_RANK[old.status] ? a.status : old.status,
    };
  });
}
