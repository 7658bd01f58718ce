// Focus: the selected node's neighbourhood (depth 1 or 2) or a shortest path from it to another
// node, narrowing what the filters left visible. Pure: runs in node (tests) and in the page.
import { neighbourhoodOf, projection, shortestPath } from './analysis.js';
import type { AnyGraph, ViewState, Visibility } from './state.js';

export interface Focused {
  visibility: Visibility;
  /** The path shown (node keys in order), when a path was asked for and found. */
  path: string[] | null;
  /** Why the focus could not be applied (no path), to show the user; null when it was. */
  problem: string | null;
}

/** Edges between two kept nodes; with a path, only those joining consecutive nodes of it. */
function keptEdges(graph: AnyGraph, base: Visibility, nodes: ReadonlySet<string>, path: string[] | null): Set<string> {
  const steps = new Set<string>();
  if (path) for (let i = 1; i < path.length; i++) steps.add(pairKey(path[i - 1]!, path[i]!));
  const edges = new Set<string>();
  for (const edge of base.edges) {
    const s = graph.source(edge);
    const t = graph.target(edge);
    if (!nodes.has(s) || !nodes.has(t)) continue;
    if (path && !steps.has(pairKey(s, t))) continue;
    edges.add(edge);
  }
  return edges;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Narrows `base` to the focus `state` asks for. The neighbourhood and the path follow only visible
 * relations, so hiding a kind of relation changes who is near whom, as an analyst expects.
 */
export function applyFocus(graph: AnyGraph, base: Visibility, state: Pick<ViewState, 'selected' | 'depth' | 'pathTo'>): Focused {
  const { selected, depth, pathTo } = state;
  if (selected === null || !base.nodes.has(selected) || (depth === 0 && pathTo === null)) {
    return { visibility: base, path: null, problem: null };
  }
  const g = projection(graph, base.nodes, base.edges);
  if (pathTo !== null) {
    const path = base.nodes.has(pathTo) ? shortestPath(g, selected, pathTo) : null;
    if (!path) return { visibility: base, path: null, problem: `no visible path between ${labelOf(graph, selected)} and ${labelOf(graph, pathTo)}` };
    const nodes = new Set(path);
    return { visibility: { nodes, edges: keptEdges(graph, base, nodes, path) }, path, problem: null };
  }
  const nodes = neighbourhoodOf(g, selected, depth);
  return { visibility: { nodes, edges: keptEdges(graph, base, nodes, null) }, path: null, problem: null };
}

function labelOf(graph: AnyGraph, key: string): string {
  if (!graph.hasNode(key)) return key;
  const label = graph.getNodeAttribute(key, 'label');
  return typeof label === 'string' ? label : key;
}
