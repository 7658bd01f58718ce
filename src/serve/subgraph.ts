// Subgraphs of a graph too large to send whole (issue 11, "Big graphs"): the server loads the graph
// once, indexes it here, and answers each viewer request with a part it can draw smoothly.
//
//   indexGraph(graph) → SubgraphIndex        once, at start: typed arrays of kinds, dates, weights, adjacency
//   querySubgraph(index, query) → Subgraph   per request: filter, rank, cap; graph.export()'s shape
//
// Why typed arrays and not graphology's iteration on each request: a 100,000-article graph has ~400k
// edges; reading kind, status, date and weight from each edge's attribute object and parsing its date
// again took ~0.5 s a request, while a pass over precomputed Int32/Float64 arrays takes a few ms, which
// leaves the 1 s budget of a neighbourhood or search to the transfer and the drawing.
//
// The filters mean what the viewer's mean (viewer/src/state.ts computeVisibility): an edge passes on
// its kind, status and date (an undated edge passes unless undated ones are hidden); a node passes on
// its kind, and a meeting also needs its own date in the window and, when it has dated relations, at
// least one of them passing. The server adds `minWeight` (edges lighter are dropped) and the ranking.
import type { AbstractGraph, Attributes } from 'graphology-types';
import { dateSpan } from '../graph/dates.js';
import { fold } from '../graph/search-fold.js';
import { SUBGRAPH_LIMITS, type QueryVocabulary, type SubgraphQuery, QueryError } from './subgraph-query.js';

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

/**
 * Evidence sentences sent per edge: enough for the panel to quote, not the hundreds a common relation
 * gathers (with all of them an edge weighed ~1 KB in the answer, and 100,000 edges 100 MB).
 */
export const EVIDENCE_SENT = 1;
/** What the viewer reads of an article (viewer/src/state.ts evidenceOf): the rest stays on the server. */
const ARTICLE_FIELDS = ['id', 'date', 'source', 'title', 'url'] as const;

/** Day number standing for "no date" in the typed arrays. */
const UNDATED = -0x80000000;
/** Status id of an edge without a status (always passes the status filter, as in the viewer). */
const NO_STATUS = 0xffff;

export interface SubgraphIndex {
  graph: AnyGraph;
  nodeKeys: string[];
  nodeIds: Map<string, number>;
  nodeKind: Uint16Array;
  /** A node's own date span (meetings), UNDATED when none. */
  nodeStart: Int32Array;
  nodeEnd: Int32Array;
  /** Dated relations of each node: a meeting whose dated relations are all filtered out is hidden. */
  nodeDated: Int32Array;
  /** Folded label and aliases, for search. */
  nodeNames: string[][];
  edgeKeys: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeKind: Uint16Array;
  edgeStatus: Uint16Array;
  edgeStart: Int32Array;
  edgeEnd: Int32Array;
  edgeWeight: Float64Array;
  edgeUndirected: Uint8Array;
  /** Incident edges of node i: adjEdges[adjStart[i] .. adjStart[i+1]). */
  adjStart: Int32Array;
  adjEdges: Int32Array;
  nodeKinds: string[];
  edgeKinds: string[];
  statuses: string[];
  vocabulary: QueryVocabulary;
  meta: GraphMeta;
}

/** What `GET /api/meta` answers: enough for the viewer's legend, filters and timeline before any subgraph. */
export interface GraphMeta {
  mode: 'subgraph';
  nodes: number;
  edges: number;
  nodeKinds: Record<string, number>;
  edgeKinds: Record<string, number>;
  statuses: Record<string, number>;
  /** ISO days of the earliest and latest dated relation, null when none is dated. */
  minDate: string | null;
  maxDate: string | null;
  undatedEdges: number;
  limits: { maxNodes: number; maxEdges: number; defaultTop: number; defaultEdges: number };
}


function interned(list: string[], ids: Map<string, number>, value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = list.length;
    list.push(value);
    ids.set(value, id);
  }
  return id;
}

function spanInto(value: unknown, start: Int32Array, end: Int32Array, i: number): boolean {
  const span = dateSpan(value);
  start[i] = span ? span[0] : UNDATED;
  end[i] = span ? span[1] : UNDATED;
  return span !== null;
}

function countsOf(names: string[], ids: Uint16Array, n: number, skip = -1): Record<string, number> {
  const counts = new Array<number>(names.length).fill(0);
  for (let i = 0; i < n; i++) if (ids[i] !== skip) counts[ids[i]!]!++;
  const out: Record<string, number> = {};
  names.map((name, i) => [name, counts[i]!] as const).sort(([a], [b]) => a.localeCompare(b)).forEach(([name, c]) => (out[name] = c));
  return out;
}

/** Indexes a graph for querySubgraph; the graph is kept (for the attributes sent) and must not change afterwards. */
export function indexGraph(graph: AnyGraph): SubgraphIndex {
  const n = graph.order;
  const m = graph.size;
  const nodeKeys = new Array<string>(n);
  const nodeIds = new Map<string, number>();
  const nodeKind = new Uint16Array(n);
  const nodeStart = new Int32Array(n);
  const nodeEnd = new Int32Array(n);
  const nodeNames = new Array<string[]>(n);
  const nodeKinds: string[] = [];
  const nodeKindIds = new Map<string, number>();
  let i = 0;
  graph.forEachNode((key, a) => {
    nodeKeys[i] = key;
    nodeIds.set(key, i);
    nodeKind[i] = interned(nodeKinds, nodeKindIds, String(a.kind ?? 'unknown'));
    spanInto(a.kind === 'meeting' ? a.date : undefined, nodeStart, nodeEnd, i);
    const names: string[] = [];
    if (typeof a.label === 'string') names.push(fold(a.label));
    if (Array.isArray(a.aliases)) for (const alias of a.aliases) if (typeof alias === 'string') names.push(fold(alias));
    nodeNames[i] = names;
    i++;
  });

  const edgeKeys = new Array<string>(m);
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeKind = new Uint16Array(m);
  const edgeStatus = new Uint16Array(m);
  const edgeStart = new Int32Array(m);
  const edgeEnd = new Int32Array(m);
  const edgeWeight = new Float64Array(m);
  const edgeUndirected = new Uint8Array(m);
  const nodeDated = new Int32Array(n);
  const degree = new Int32Array(n + 1);
  const edgeKinds: string[] = [];
  const edgeKindIds = new Map<string, number>();
  const statuses: string[] = [];
  const statusIds = new Map<string, number>();
  let minDay = Infinity;
  let maxDay = -Infinity;
  let undatedEdges = 0;
  let e = 0;
  graph.forEachEdge((key, a, source, target, _sa, _ta, undirected) => {
    const s = nodeIds.get(source)!;
    const t = nodeIds.get(target)!;
    edgeKeys[e] = key;
    edgeSource[e] = s;
    edgeTarget[e] = t;
    edgeKind[e] = interned(edgeKinds, edgeKindIds, String(a.kind ?? 'unknown'));
    edgeStatus[e] = typeof a.status === 'string' && a.status !== '' ? interned(statuses, statusIds, a.status) : NO_STATUS;
    if (spanInto(a.date, edgeStart, edgeEnd, e)) {
      nodeDated[s]!++;
      if (t !== s) nodeDated[t]!++;
      minDay = Math.min(minDay, edgeStart[e]!);
      maxDay = Math.max(maxDay, edgeEnd[e]!);
    } else undatedEdges++;
    const w = Number(a.weight);
    edgeWeight[e] = Number.isFinite(w) && w > 0 ? w : 1;
    edgeUndirected[e] = undirected ? 1 : 0;
    degree[s + 1]!++;
    if (t !== s) degree[t + 1]!++;
    e++;
  });
  // Compressed adjacency (CSR): a neighbourhood reads only its own nodes' edges.
  const adjStart = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) adjStart[k + 1] = adjStart[k]! + degree[k + 1]!;
  const fill = adjStart.slice(0, n);
  const adjEdges = new Int32Array(adjStart[n]!);
  for (let k = 0; k < m; k++) {
    const s = edgeSource[k]!;
    const t = edgeTarget[k]!;
    adjEdges[fill[s]!++] = k;
    if (t !== s) adjEdges[fill[t]!++] = k;
  }

  const isoOf = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);
  const meta: GraphMeta = {
    mode: 'subgraph',
    nodes: n,
    edges: m,
    nodeKinds: countsOf(nodeKinds, nodeKind, n),
    edgeKinds: countsOf(edgeKinds, edgeKind, m),
    statuses: countsOf(statuses, edgeStatus, m, NO_STATUS),
    minDate: Number.isFinite(minDay) ? isoOf(minDay) : null,
    maxDate: Number.isFinite(maxDay) ? isoOf(maxDay) : null,
    undatedEdges,
    limits: { ...SUBGRAPH_LIMITS },
  };
  return {
    graph, nodeKeys, nodeIds, nodeKind, nodeStart, nodeEnd, nodeDated, nodeNames,
    edgeKeys, edgeSource, edgeTarget, edgeKind, edgeStatus, edgeStart, edgeEnd, edgeWeight, edgeUndirected,
    adjStart, adjEdges, nodeKinds, edgeKinds, statuses,
    vocabulary: { edgeKinds: new Set(edgeKinds), nodeKinds: new Set(nodeKinds), statuses: new Set(statuses) },
    meta,
  };
}

/** Counts of nodes and relations. */
export interface Counts {
  nodes: number;
  edges: number;
}

/** What the answer leaves out, so the viewer can say so. */
export interface SubgraphSummary {
  /** The whole graph. */
  total: Counts;
  /** What the filters (and the focus, if any) select, before the caps. */
  matching: Counts;
  /** What this answer holds. */
  sent: Counts;
  /** The node whose neighbourhood this is (from `node` or `q`), or null for a top-N view. */
  focus: string | null;
  /** Why some matching nodes or edges are not sent, '' when none is left out. */
  hidden: string;
}

/** graph.export()'s shape (what the viewer loads from graph.json), plus the summary. */
export interface Subgraph {
  options: { type: 'mixed'; multi: true; allowSelfLoops: true };
  attributes: Attributes;
  nodes: { key: string; attributes: Attributes }[];
  edges: { key: string; source: string; target: string; attributes: Attributes; undirected?: true }[];
  subgraph: SubgraphSummary;
}

interface Candidate {
  rank: number;
  coverage: number;
  degree: number;
  label: string;
  node: number;
}

/**
 * Nodes whose label or an alias contains `text`, best first, as the viewer's search ranks them: exact
 * name, then a word starting with it, then any substring; ties by how much of the name it covers, by
 * degree, then label.
 */
export function searchIndex(index: SubgraphIndex, text: string, limit: number): { key: string; label: string; kind: string }[] {
  const q = fold(text.trim());
  if (!q) return [];
  const found: Candidate[] = [];
  for (let i = 0; i < index.nodeKeys.length; i++) {
    let rank = Infinity;
    let coverage = 0;
    for (const name of index.nodeNames[i]!) {
      if (!name.includes(q)) continue;
      const r = name === q ? 0 : name.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(q)) ? 1 : 2;
      const c = q.length / name.length;
      if (r < rank || (r === rank && c > coverage)) {
        rank = r;
        coverage = c;
      }
    }
    if (rank === Infinity) continue;
    const label = index.graph.getNodeAttribute(index.nodeKeys[i]!, 'label');
    found.push({ rank, coverage, degree: index.adjStart[i + 1]! - index.adjStart[i]!, label: typeof label === 'string' ? label : index.nodeKeys[i]!, node: i });
  }
  found.sort((a, b) => a.rank - b.rank || b.coverage - a.coverage || b.degree - a.degree || a.label.localeCompare(b.label));
  return found.slice(0, limit).map((c) => ({ key: index.nodeKeys[c.node]!, label: c.label, kind: index.nodeKinds[index.nodeKind[c.node]!]! }));
}

/** The edges passing the edge filters (kind, status, date, weight), as a byte per edge. */
function passingEdges(index: SubgraphIndex, q: SubgraphQuery): Uint8Array {
  const m = index.edgeKeys.length;
  const pass = new Uint8Array(m);
  const kindOk = index.edgeKinds.map((k) => q.kinds === null || q.kinds.has(k));
  const statusOk = index.statuses.map((s) => q.statuses === null || q.statuses.has(s));
  const from = q.from ?? -Infinity;
  const to = q.to ?? Infinity;
  for (let e = 0; e < m; e++) {
    if (!kindOk[index.edgeKind[e]!]) continue;
    const st = index.edgeStatus[e]!;
    if (st !== NO_STATUS && !statusOk[st]) continue;
    const start = index.edgeStart[e]!;
    if (start === UNDATED) {
      if (q.hideUndated) continue;
    } else if (index.edgeEnd[e]! < from || start > to) continue;
    if (index.edgeWeight[e]! < q.minWeight) continue;
    pass[e] = 1;
  }
  return pass;
}

/** The nodes passing the node filters, given the passing edges (a meeting needs one of its dated relations). */
function visibleNodes(index: SubgraphIndex, q: SubgraphQuery, pass: Uint8Array): Uint8Array {
  const n = index.nodeKeys.length;
  const keptDated = new Int32Array(n);
  for (let e = 0; e < pass.length; e++) {
    if (!pass[e] || index.edgeStart[e] === UNDATED) continue;
    keptDated[index.edgeSource[e]!]!++;
    if (index.edgeTarget[e] !== index.edgeSource[e]) keptDated[index.edgeTarget[e]!]!++;
  }
  const kindOk = index.nodeKinds.map((k) => q.nodeKinds === null || q.nodeKinds.has(k));
  const meeting = index.nodeKinds.indexOf('meeting');
  const from = q.from ?? -Infinity;
  const to = q.to ?? Infinity;
  const visible = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const kind = index.nodeKind[i]!;
    if (!kindOk[kind]) continue;
    if (kind === meeting) {
      const start = index.nodeStart[i]!;
      if (start !== UNDATED && (index.nodeEnd[i]! < from || start > to)) continue;
      if (index.nodeDated[i]! > 0 && keptDated[i] === 0) continue;
    }
    visible[i] = 1;
  }
  return visible;
}

/** Resolves the focus node of a query: `node` (404 when unknown) or the best match of `q` (404 when none). */
function focusOf(index: SubgraphIndex, q: SubgraphQuery): number | null {
  if (q.node !== null) {
    const id = index.nodeIds.get(q.node);
    if (id === undefined) throw new QueryError(`unknown node "${q.node.slice(0, 80)}"`, 404);
    return id;
  }
  if (q.q !== null) {
    const best = searchIndex(index, q.q, 1)[0];
    if (!best) throw new QueryError(`no node matches "${q.q.slice(0, 80)}"`, 404);
    return index.nodeIds.get(best.key)!;
  }
  return null;
}

/** Edge attributes as sent: the evidence cut to EVIDENCE_SENT sentences, with the full counts. */
function sentEdgeAttributes(a: Attributes, articles: Set<string>): Attributes {
  const out: Attributes = { ...a };
  // The viewer draws a relation's colour and width from its kind and weight (src/graph/appearance.ts):
  // the stored ones are for Gephi and would be a tenth of the bytes.
  delete out.color;
  delete out.size;
  for (const name of ['evidence', 'evidence_articles', 'source'] as const) {
    const list: unknown = a[name];
    if (!Array.isArray(list)) continue;
    if (list.length > EVIDENCE_SENT) {
      out[name] = list.slice(0, EVIDENCE_SENT);
      out[`${name}_count`] = list.length;
    }
  }
  for (const name of ['evidence_articles', 'source'] as const) {
    const ids: unknown = out[name];
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') articles.add(id);
  }
  return out;
}

/**
 * The part of the graph a query asks for, within SUBGRAPH_LIMITS: the `top` nodes by `metric` (degree
 * or weight of the relations that pass the filters) among those the filters keep, or among the
 * neighbourhood of a focus node (which is always included, even if the filters would hide it); then
 * the relations among them that pass, the heaviest first when more than maxEdges do.
 */
export function querySubgraph(index: SubgraphIndex, q: SubgraphQuery): Subgraph {
  const n = index.nodeKeys.length;
  const focus = focusOf(index, q);
  const pass = passingEdges(index, q);
  const visible = visibleNodes(index, q, pass);
  if (focus !== null) visible[focus] = 1;
  // Degree and weight over the relations that pass between visible nodes: what ranks the nodes.
  const degree = new Float64Array(n);
  for (let e = 0; e < pass.length; e++) {
    if (!pass[e]) continue;
    const s = index.edgeSource[e]!;
    const t = index.edgeTarget[e]!;
    if (!visible[s] || !visible[t]) {
      pass[e] = 0;
      continue;
    }
    const inc = q.metric === 'weight' ? index.edgeWeight[e]! : 1;
    degree[s]! += inc;
    if (t !== s) degree[t]! += inc;
  }

  // Candidates: every visible node, or the focus's neighbourhood (breadth-first over passing relations).
  let candidates: number[];
  /** Hops from the focus (all 0 without one). */
  const hops = new Uint8Array(n);
  if (focus === null) {
    candidates = [];
    for (let i = 0; i < n; i++) if (visible[i]) candidates.push(i);
  } else {
    const seen = new Uint8Array(n);
    seen[focus] = 1;
    candidates = [focus];
    let frontier = [focus];
    for (let hop = 0; hop < q.depth; hop++) {
      const next: number[] = [];
      for (const v of frontier) {
        for (let k = index.adjStart[v]!; k < index.adjStart[v + 1]!; k++) {
          const e = index.adjEdges[k]!;
          if (!pass[e]) continue;
          const other = index.edgeSource[e] === v ? index.edgeTarget[e]! : index.edgeSource[e]!;
          if (seen[other]) continue;
          seen[other] = 1;
          hops[other] = hop + 1;
          candidates.push(other);
          next.push(other);
        }
      }
      frontier = next;
    }
  }
  const inCandidates = new Uint8Array(n);
  for (const c of candidates) inCandidates[c] = 1;
  let matchingEdges = 0;
  for (let e = 0; e < pass.length; e++) if (pass[e] && inCandidates[index.edgeSource[e]!] && inCandidates[index.edgeTarget[e]!]) matchingEdges++;

  // The top nodes; the focus first whatever its rank, then by hops from it (so a node two hops away
  // never comes without the neighbour that links it), then by the metric.
  const keys = index.nodeKeys;
  const ranked = candidates.filter((c) => c !== focus).sort((a, b) => hops[a]! - hops[b]! || degree[b]! - degree[a]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const chosen = focus === null ? ranked.slice(0, q.top) : [focus, ...ranked.slice(0, q.top - 1)];
  const isChosen = new Uint8Array(n);
  for (const c of chosen) isChosen[c] = 1;

  // Relations among the chosen nodes, each once (from its source's list), the heaviest when too many.
  let edges: number[] = [];
  for (const v of chosen) {
    for (let k = index.adjStart[v]!; k < index.adjStart[v + 1]!; k++) {
      const e = index.adjEdges[k]!;
      if (pass[e] && index.edgeSource[e] === v && isChosen[index.edgeTarget[e]!]) edges.push(e);
    }
  }
  const edgesCapped = edges.length > q.maxEdges;
  if (edgesCapped) edges = edges.sort((a, b) => index.edgeWeight[b]! - index.edgeWeight[a]! || a - b).slice(0, q.maxEdges);
  edges.sort((a, b) => a - b);

  const { graph } = index;
  const articles = new Set<string>();
  const out: Subgraph = {
    options: { type: 'mixed', multi: true, allowSelfLoops: true },
    attributes: {},
    nodes: chosen.map((i) => ({ key: keys[i]!, attributes: graph.getNodeAttributes(keys[i]!) })),
    edges: edges.map((e) => {
      const key = index.edgeKeys[e]!;
      const item: Subgraph['edges'][number] = { key, source: keys[index.edgeSource[e]!]!, target: keys[index.edgeTarget[e]!]!, attributes: sentEdgeAttributes(graph.getEdgeAttributes(key), articles) };
      if (index.edgeUndirected[e]) item.undirected = true;
      return item;
    }),
    subgraph: {
      total: { nodes: n, edges: index.edgeKeys.length },
      matching: { nodes: candidates.length, edges: matchingEdges },
      sent: { nodes: chosen.length, edges: edges.length },
      focus: focus === null ? null : keys[focus]!,
      hidden: '',
    },
  };
  // Only the articles the sent evidence cites, and only what the panel shows of them: the whole table
  // is ~35 MB on a 100,000-article graph, and a default view cited 20,000 articles (half its bytes).
  const allArticles: unknown = graph.getAttribute('articles');
  if (typeof allArticles === 'object' && allArticles !== null) {
    const table = allArticles as Record<string, unknown>;
    const some: Record<string, unknown> = {};
    for (const id of articles) {
      if (!Object.prototype.hasOwnProperty.call(table, id)) continue;
      const article = table[id];
      if (typeof article !== 'object' || article === null) continue;
      const kept: Record<string, unknown> = {};
      for (const f of ARTICLE_FIELDS) if (f in article) kept[f] = (article as Record<string, unknown>)[f];
      some[id] = kept;
    }
    out.attributes = { ...graph.getAttributes(), articles: some };
  } else out.attributes = { ...graph.getAttributes() };
  out.subgraph.hidden = hiddenNote(out.subgraph, q.metric, edgesCapped);
  return out;
}

/** Says what the caps left out and how to get it; '' when everything matching was sent. */
export function hiddenNote(s: SubgraphSummary, metric: SubgraphQuery['metric'], edgesCapped: boolean): string {
  const parts: string[] = [];
  const by = metric === 'weight' ? 'heaviest' : 'most connected';
  if (s.sent.nodes < s.matching.nodes) parts.push(`the ${s.sent.nodes.toLocaleString('en')} ${by} of ${s.matching.nodes.toLocaleString('en')} nodes`);
  if (edgesCapped) parts.push(`the ${s.sent.edges.toLocaleString('en')} heaviest of their relations`);
  if (parts.length === 0) return '';
  return `showing ${parts.join(', and ')}: narrow the time window, raise the minimum weight, or search a name to see others`;
}
