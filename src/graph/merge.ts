// mergeFragment(graph, fragment): adds one article's fragment to a graph. One real-world entity is one
// node (same key); repeated mentions add evidence, and an edge's `weight` counts the independent
// articles that report it. Merging is order-independent for everything but the order of evidence lists,
// which the caller makes deterministic by merging fragments in a fixed order (article id).
//
// Corpus scale: a popular edge or meeting collects evidence from thousands of articles, so list unions
// must not rescan the lists (that made a 100k-article build quadratic). Attributes are updated in place
// and each list has a Set index beside it, kept per graph in a WeakMap and rebuilt lazily from the
// attributes (so a graph loaded from graph.json, or edited elsewhere, is indexed on first touch).
import type { KnowledgeGraph } from './create.js';
import { UNDIRECTED_KINDS, type EdgeAttributes, type EdgeRecord, type Fragment, type NodeAttributes, type Status } from './model.js';

/** Status precedence when two reports disagree: what happened beats what was planned or proposed. */
export const STATUS_RANK: Record<Status, number> = { cancelled: 6, held: 5, ongoing: 4, planned: 3, proposed: 2, discussed: 1, reported: 0 };

const LISTS = ['aliases', 'participants', 'evidence', 'source'] as const;
type ListName = (typeof LISTS)[number] | 'edge-evidence' | 'edge-source';

/** Per graph: element key + list name → the set of the list's items (edge evidence: article NUL text). */
const indexes = new WeakMap<KnowledgeGraph, Map<string, Set<string>>>();

function listIndex(graph: KnowledgeGraph, key: string, list: ListName, items: () => readonly string[]): Set<string> {
  let byKey = indexes.get(graph);
  if (!byKey) indexes.set(graph, (byKey = new Map()));
  const k = `${list}\u0000${key}`;
  let set = byKey.get(k);
  if (!set) byKey.set(k, (set = new Set(items())));
  return set;
}

/** A new element under a key that may have been used before (dropped, re-keyed): no stale index. */
function forget(graph: KnowledgeGraph, key: string, lists: readonly ListName[]): void {
  const byKey = indexes.get(graph);
  if (byKey) for (const list of lists) byKey.delete(`${list}\u0000${key}`);
}

/**
 * Evidence sentences, one copy each per graph. A sentence is the evidence of several edges (meets,
 * participates_in, held_in of one meeting) and fragments arrive as structured clones from worker threads,
 * so without interning every edge would hold its own copy: most of a corpus graph's memory.
 */
const pools = new WeakMap<KnowledgeGraph, Map<string, string>>();

function interner(graph: KnowledgeGraph): (text: string) => string {
  let pool = pools.get(graph);
  if (!pool) pools.set(graph, (pool = new Map()));
  const p = pool;
  return (text) => {
    const have = p.get(text);
    if (have !== undefined) return have;
    p.set(text, text);
    return text;
  };
}

/** Forgets the list indexes of a graph: call after rewriting keys or lists outside mergeFragment. */
export function dropMergeIndexes(graph: KnowledgeGraph): void {
  indexes.delete(graph);
}

/** Merges the fragment; returns false when the article (same id and content hash) was already merged. */
export function mergeFragment(graph: KnowledgeGraph, fragment: Fragment): boolean {
  // The `articles` record is updated in place: copying it per article made a corpus build quadratic.
  let articles = graph.getAttribute('articles');
  if (!articles) {
    articles = {};
    graph.setAttribute('articles', articles);
  }
  const known = articles[fragment.article.id];
  if (known && known.hash === fragment.article.hash) return false;
  articles[fragment.article.id] = fragment.article;
  for (const n of fragment.nodes) mergeNode(graph, n.key, n.attributes);
  for (const e of fragment.edges) mergeEdge(graph, e);
  return true;
}

/** Merges node attributes into the node `key` (created when missing). */
export function mergeNode(graph: KnowledgeGraph, key: string, attrs: NodeAttributes): void {
  if (!graph.hasNode(key)) {
    forget(graph, key, LISTS);
    const copy = structuredClone(attrs);
    if (copy.evidence) copy.evidence = copy.evidence.map(interner(graph));
    graph.addNode(key, copy);
    return;
  }
  const old = graph.getNodeAttributes(key);
  for (const [field, value] of Object.entries(attrs) as [keyof NodeAttributes, unknown][]) {
    if (old[field] === undefined) (old as unknown as Record<string, unknown>)[field] = structuredClone(value);
  }
  for (const field of ['role', 'country', 'wikidata', 'place', 'date'] as const) {
    if (!old[field] && attrs[field]) old[field] = attrs[field];
  }
  for (const list of LISTS) {
    const add = attrs[list];
    if (!add?.length) continue;
    const current = old[list] ?? (old[list] = []);
    const seen = listIndex(graph, key, list, () => current);
    const intern = list === 'evidence' ? interner(graph) : (x: string) => x;
    for (const item of add) {
      if (!seen.has(item)) {
        seen.add(item);
        current.push(intern(item));
      }
    }
  }
  if (old.status && attrs.status && STATUS_RANK[attrs.status] > STATUS_RANK[old.status]) old.status = attrs.status;
}

/** Merges one edge record (created when its key is new). */
export function mergeEdge(graph: KnowledgeGraph, e: EdgeRecord): void {
  const a = e.attributes;
  const key = e.key;
  if (!graph.hasEdge(key)) {
    forget(graph, key, ['edge-evidence', 'edge-source']);
    const attrs = structuredClone(a);
    attrs.evidence = attrs.evidence.map(interner(graph));
    attrs.source = [...new Set(attrs.source)];
    attrs.weight = attrs.source.length;
    if (UNDIRECTED_KINDS.has(a.kind)) graph.addUndirectedEdgeWithKey(key, e.source, e.target, attrs);
    else graph.addDirectedEdgeWithKey(key, e.source, e.target, attrs);
    return;
  }
  mergeEdgeAttributes(graph, key, a);
}

/** Adds `a`'s evidence, sources, confidence and status to the existing edge `key`. */
export function mergeEdgeAttributes(graph: KnowledgeGraph, key: string, a: EdgeAttributes): void {
  const old = graph.getEdgeAttributes(key);
  const evidence = listIndex(graph, key, 'edge-evidence', () => old.evidence.map((t, j) => `${old.evidence_articles[j] ?? ''}\u0000${t}`));
  const intern = interner(graph);
  a.evidence.forEach((text, k) => {
    const article = a.evidence_articles[k] ?? a.source[0] ?? '';
    const id = `${article}\u0000${text}`;
    if (!evidence.has(id)) {
      evidence.add(id);
      old.evidence.push(intern(text));
      old.evidence_articles.push(article);
    }
  });
  const sources = listIndex(graph, key, 'edge-source', () => old.source);
  for (const s of a.source) {
    if (!sources.has(s)) {
      sources.add(s);
      old.source.push(s);
    }
  }
  old.weight = old.source.length;
  old.confidence = Math.max(old.confidence, a.confidence);
  if (STATUS_RANK[a.status] > STATUS_RANK[old.status]) old.status = a.status;
}
