// Graph analysis for the viewer, on graphology's own packages: neighbourhoods and shortest paths
// (graphology-shortest-path), PageRank and betweenness (graphology-metrics), communities
// (graphology-communities-louvain). Pure functions of a graph: no DOM, no sigma, so they run in node
// (tests), on the main thread for small graphs and in metrics-worker.ts for large ones.
import { UndirectedGraph } from 'graphology';
import { bidirectional, undirectedSingleSourceLength } from 'graphology-shortest-path/unweighted.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import louvainModule from 'graphology-communities-louvain';
import type { AnyGraph } from './state.js';
import { mulberry32 } from '../../src/random.js';

// These packages are CommonJS with `export default` typings: under NodeNext TypeScript sees the
// function at `.default`, while Vite's and tsx's interop hand over module.exports itself (as for
// ForceAtlas2 in layout.ts). Accept both.
function interop<T>(m: { default: T }): T {
  return ((m as unknown as { default?: unknown }).default ?? m) as T;
}
const pagerank = interop(pagerankModule);
const betweenness = interop(betweennessModule);
const louvain = interop(louvainModule);

/**
 * The simple undirected graph an analyst reasons on: "through whom are Qatar and Ukraine connected"
 * ignores the direction of `sanctions` or `represents` and counts parallel relations once, their
 * weights summed. Only `nodes` (and edges in `edges`, when given) are kept, so what is hidden by the
 * filters plays no part.
 */
export function projection(graph: AnyGraph, nodes?: ReadonlySet<string>, edges?: ReadonlySet<string>): UndirectedGraph {
  const out = new UndirectedGraph();
  graph.forEachNode((key) => {
    if (!nodes || nodes.has(key)) out.addNode(key);
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    if (edges && !edges.has(edge)) return;
    if (source === target || !out.hasNode(source) || !out.hasNode(target)) return;
    const w = typeof attrs.weight === 'number' && attrs.weight > 0 ? attrs.weight : 1;
    out.updateEdge(source, target, (a) => ({ weight: (typeof a.weight === 'number' ? a.weight : 0) + w }));
  });
  return out;
}

/**
 * The same projection from flat lists (what metrics.ts sends its worker): node keys, and per edge
 * the indices of its ends and its weight. Self-loops are dropped, parallel edges summed.
 */
export function projectLists(nodes: readonly string[], sources: ArrayLike<number>, targets: ArrayLike<number>, weights: ArrayLike<number>): UndirectedGraph {
  const out = new UndirectedGraph();
  for (const n of nodes) out.addNode(n);
  for (let i = 0; i < sources.length; i++) {
    const s = nodes[sources[i]!];
    const t = nodes[targets[i]!];
    if (s === undefined || t === undefined || s === t) continue;
    const w = weights[i]!;
    out.updateEdge(s, t, (a) => ({ weight: (typeof a.weight === 'number' ? a.weight : 0) + w }));
  }
  return out;
}

/** The nodes within `depth` hops of `node` (itself included); empty when the node is not in `g`. */
export function neighbourhoodOf(g: UndirectedGraph, node: string, depth: number): Set<string> {
  if (!g.hasNode(node)) return new Set();
  const lengths = undirectedSingleSourceLength(g, node);
  const out = new Set<string>();
  for (const [key, length] of Object.entries(lengths)) if (length <= depth) out.add(key);
  return out;
}

/** One shortest path from `a` to `b` (node keys, both ends included), or null when they are not connected. */
export function shortestPath(g: UndirectedGraph, a: string, b: string): string[] | null {
  if (!g.hasNode(a) || !g.hasNode(b)) return null;
  if (a === b) return [a];
  return bidirectional(g, a, b);
}

export interface Metrics {
  pagerank: Record<string, number>;
  betweenness: Record<string, number>;
  /** Louvain community of each node, numbered from 0 by decreasing community size. */
  community: Record<string, number>;
}

/**
 * PageRank, betweenness and Louvain communities of a projection. Louvain is randomised: a fixed
 * seeded generator makes the same graph get the same communities (and colours) on every load.
 */
export function computeMetrics(g: UndirectedGraph): Metrics {
  if (g.order === 0) return { pagerank: {}, betweenness: {}, community: {} };
  const pr = g.size > 0 ? pagerank(g, { getEdgeWeight: 'weight' }) : Object.fromEntries(g.mapNodes((n) => [n, 1 / g.order]));
  const bc = betweenness(g, { normalized: true });
  const raw = g.size > 0 ? louvain(g, { getEdgeWeight: 'weight', rng: mulberry32(1) }) : Object.fromEntries(g.mapNodes((n, _a) => [n, 0]));
  return { pagerank: pr, betweenness: bc, community: renumber(raw) };
}

/** Communities renumbered by decreasing size (ties by their smallest key), so numbers are stable and small. */
function renumber(raw: Record<string, number>): Record<string, number> {
  const members = new Map<number, string[]>();
  for (const [node, c] of Object.entries(raw)) {
    const list = members.get(c) ?? [];
    list.push(node);
    members.set(c, list);
  }
  const order = [...members.values()].map((m) => m.sort()).sort((x, y) => y.length - x.length || x[0]!.localeCompare(y[0]!));
  const out: Record<string, number> = {};
  order.forEach((list, i) => {
    for (const n of list) out[n] = i;
  });
  return out;
}
