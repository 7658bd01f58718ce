// mergeFragment(graph, fragment): adds one article's fragment to a graph. One real-world entity is one
// node (same key); repeated mentions add evidence, and an edge's `weight` counts the independent
// articles that report it. Merging is order-independent for everything but the order of evidence lists,
// which the caller makes deterministic by merging fragments in a fixed order (article id).
//
// Corpus scale (100,000 articles, millions of evidence entries): a popular edge or meeting collects
// evidence from thousands of articles, so list unions must neither rescan the lists (quadratic) nor
// keep a second copy of them (memory). Attributes are updated in place. When an article new to the
// graph is merged (the usual case), an (article, sentence) pair already on an edge can only come from
// that same article, whose entries are the last ones of the list: scanning that tail is enough, and
// edges need no index. Other unions (a re-merged article id, cross-article meeting resolution, node
// lists) use a Set index beside the list, kept per graph and per attributes object in WeakMaps (an
// element re-created under an old key gets a fresh index) and built lazily from the attributes, so a
// graph loaded from graph.json or edited elsewhere is indexed on first touch.
import type { KnowledgeGraph } from './create.js';
import { UNDIRECTED_KINDS, type EdgeAttributes, type EdgeRecord, type Fragment, type NodeAttributes, type Status } from './model.js';

/** Status precedence when two reports disagree: what happened beats what was planned or proposed. */
export const STATUS_RANK: Record<Status, number> = { cancelled: 6, held: 5, ongoing: 4, planned: 3, proposed: 2, discussed: 1, reported: 0 };

const LISTS = ['aliases', 'participants', 'evidence', 'source'] as const;
type ListName = (typeof LISTS)[number] | 'edge-evidence' | 'edge-source';

/** Per graph: attributes object → list name → the set of the list's items (edge evidence: article NUL text). */
const indexes = new WeakMap<KnowledgeGraph, WeakMap<object, Map<ListName, Set<string>>>>();

function listIndex(graph: KnowledgeGraph, owner: object, list: ListName, items: () => readonly string[]): Set<string> {
  let byOwner = indexes.get(graph);
  if (!byOwner) indexes.set(graph, (byOwner = new WeakMap()));
  let lists = byOwner.get(owner);
  if (!lists) byOwner.set(owner, (lists = new Map()));
  let set = lists.get(list);
  if (!set) lists.set(list, (set = new Set(items())));
  return set;
}

/** The index of a list if one was built, else undefined (the fast path keeps it current). */
function existingIndex(graph: KnowledgeGraph, owner: object, list: ListName): Set<string> | undefined {
  return indexes.get(graph)?.get(owner)?.get(list);
}

/**
 * Strings stored once per graph: evidence sentences and article ids. A sentence is the evidence of
 * several edges (meets, participates_in, held_in of one meeting), and fragments arrive parsed anew from
 * worker threads (and graph.json line by line), so without interning every edge would hold its own copy of each sentence
 * and of its article id: most of a corpus graph's memory.
 */
const pools = new WeakMap<KnowledgeGraph, Map<string, string>>();

/** The graph's string pool as a function: a string equal to one stored before comes back as that one. */
export function interner(graph: KnowledgeGraph): (text: string) => string {
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

/** Forgets the list indexes of a graph: call after rewriting lists outside mergeFragment. */
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
  // An id seen before (with other content) may already be on edges: then take the indexed path.
  const fresh = known === undefined ? interner(graph)(fragment.article.id) : undefined;
  for (const n of fragment.nodes) mergeNode(graph, n.key, n.attributes);
  for (const e of fragment.edges) mergeEdge(graph, e, fresh);
  return true;
}

/** Merges node attributes into the node `key` (created when missing). */
export function mergeNode(graph: KnowledgeGraph, key: string, attrs: NodeAttributes): void {
  if (!graph.hasNode(key)) {
    const copy = structuredClone(attrs);
    if (copy.evidence) copy.evidence = copy.evidence.map(interner(graph));
    if (copy.source) copy.source = copy.source.map(interner(graph));
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
    const seen = listIndex(graph, old, list, () => current);
    const intern = list === 'evidence' || list === 'source' ? interner(graph) : (x: string) => x;
    for (const item of add) {
      if (!seen.has(item)) {
        seen.add(item);
        current.push(intern(item));
      }
    }
  }
  if (old.status && attrs.status && STATUS_RANK[attrs.status] > STATUS_RANK[old.status]) old.status = attrs.status;
}

/**
 * Merges one edge record (created when its key is new). `freshArticle`: the id of the article being
 * merged when it is new to the graph and all of the record's evidence comes from it (mergeFragment),
 * which allows the index-free path; leave it out otherwise.
 */
export function mergeEdge(graph: KnowledgeGraph, e: EdgeRecord, freshArticle?: string): void {
  const a = e.attributes;
  const key = e.key;
  if (!graph.hasEdge(key)) {
    const intern = interner(graph);
    // Edge attributes are primitives and arrays of strings: a shallow copy with copied arrays is a
    // full copy (the caller keeps its record), at a fraction of structuredClone's cost.
    const attrs: EdgeAttributes = { ...a, evidence: a.evidence.map(intern), evidence_articles: a.evidence_articles.map(intern) };
    attrs.source = [...new Set(a.source)].map(intern);
    attrs.weight = attrs.source.length;
    if (UNDIRECTED_KINDS.has(a.kind)) graph.addUndirectedEdgeWithKey(key, e.source, e.target, attrs);
    else graph.addDirectedEdgeWithKey(key, e.source, e.target, attrs);
    return;
  }
  mergeEdgeAttributes(graph, key, a, freshArticle);
}

/** Adds `a`'s evidence, sources, confidence and status to the existing edge `key` (see mergeEdge). */
export function mergeEdgeAttributes(graph: KnowledgeGraph, key: string, a: EdgeAttributes, freshArticle?: string): void {
  const old = graph.getEdgeAttributes(key);
  const intern = interner(graph);
  const fresh = freshArticle !== undefined && a.source.every((s) => s === freshArticle) && a.evidence_articles.every((s) => s === freshArticle);
  const evidenceIndex = fresh ? existingIndex(graph, old, 'edge-evidence') : listIndex(graph, old, 'edge-evidence', () => old.evidence.map((t, j) => `${old.evidence_articles[j] ?? ''}\u0000${t}`));
  a.evidence.forEach((text, k) => {
    const article = a.evidence_articles[k] ?? a.source[0] ?? '';
    if (fresh) {
      // only this article's own entries, at the end of the list, can repeat the pair
      for (let j = old.evidence.length - 1; j >= 0 && old.evidence_articles[j] === freshArticle; j--) if (old.evidence[j] === text) return;
    } else if (evidenceIndex!.has(`${article}\u0000${text}`)) return;
    evidenceIndex?.add(`${article}\u0000${text}`);
    old.evidence.push(intern(text));
    old.evidence_articles.push(intern(article));
  });
  const sourceIndex = fresh ? existingIndex(graph, old, 'edge-source') : listIndex(graph, old, 'edge-source', () => old.source);
  for (const s of a.source) {
    if (fresh ? old.source[old.source.length - 1] === s : sourceIndex!.has(s)) continue;
    sourceIndex?.add(s);
    old.source.push(intern(s));
  }
  old.weight = old.source.length;
  old.confidence = Math.max(old.confidence, a.confidence);
  if (STATUS_RANK[a.status] > STATUS_RANK[old.status]) old.status = a.status;
}
