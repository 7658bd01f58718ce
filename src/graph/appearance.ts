// Appearance: colour and size of nodes and edges, written into the `color`/`size` attributes that
// sigma and the GEXF viz elements read. The palette and the size scales are data (data/palette.json),
// shared with the viewer so that a legend there matches the colours here.
//
// Sizes depend only on each element's own degree/weight (not on the graph's maximum), so a node keeps
// its size when unrelated articles are added to the graph:
//   node size = min(nodeSize.max, nodeSize.base + nodeSize.perSqrtDegree * sqrt(degree))
//   edge size = min(edgeSize.max, edgeSize.base + edgeSize.perLog2Weight * log2(max(1, weight)))
// With the shipped palette: degree 0 → 4, 1 → 6.5, 4 → 9, 16 → 14, ≥64 → 24; weight 1 → 1, 2 → 2.5, 4 → 4.
import paletteJson from '../../data/palette.json' with { type: 'json' };
import type { KnowledgeGraph } from './create.js';
import type { EdgeKind, NodeKind } from './model.js';

export interface SizeScale {
  base: number;
  max: number;
}

export interface Palette {
  nodes: Record<NodeKind, string>;
  nodeDefault: string;
  edges: Record<EdgeKind, string>;
  edgeDefault: string;
  nodeSize: SizeScale & { perSqrtDegree: number };
  edgeSize: SizeScale & { perLog2Weight: number };
}

export const PALETTE: Palette = paletteJson as Palette;

export function nodeColor(kind: string, palette: Palette = PALETTE): string {
  return (palette.nodes as Record<string, string>)[kind] ?? palette.nodeDefault;
}

export function edgeColor(kind: string, palette: Palette = PALETTE): string {
  return (palette.edges as Record<string, string>)[kind] ?? palette.edgeDefault;
}

export function nodeSize(degree: number, palette: Palette = PALETTE): number {
  const s = palette.nodeSize;
  return round(Math.min(s.max, s.base + s.perSqrtDegree * Math.sqrt(Math.max(0, degree))));
}

export function edgeSize(weight: number, palette: Palette = PALETTE): number {
  const s = palette.edgeSize;
  const w = Number.isFinite(weight) ? Math.max(1, weight) : 1;
  return round(Math.min(s.max, s.base + s.perLog2Weight * Math.log2(w)));
}

/**
 * Sets `color` and `size` on every node and edge, in place. Deterministic: depends only on the graph.
 * In place rather than through updateEach*Attributes, which builds a new object per element: on a
 * corpus graph that was a copy of every attribute object at once.
 */
export function applyAppearance(graph: KnowledgeGraph, palette: Palette = PALETTE): void {
  graph.forEachNode((node, attrs) => {
    attrs.color = nodeColor(attrs.kind, palette);
    attrs.size = nodeSize(graph.degree(node), palette);
  });
  graph.forEachEdge((_edge, attrs) => {
    attrs.color = edgeColor(attrs.kind, palette);
    attrs.size = edgeSize(attrs.weight, palette);
  });
}

// Two decimals keep exported files short and free of float noise (2.4999999999).
function round(n: number): number {
  return Math.round(n * 100) / 100;
}
