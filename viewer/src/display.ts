// Display mapping: from the graph's domain attributes and the metrics to what is drawn (colour, size,
// labels, legend). Pure functions, like sigma's reducers but without sigma, so they are tested in node;
// render.ts only hands their results to sigma.
import { nodeColor, nodeSize, PALETTE } from '../../src/graph/appearance.js';
import type { Metrics } from './analysis.js';
import type { AnyGraph, ColorMode, SizeMode } from './state.js';

/** Up to this many visible nodes, every label is drawn; above, sigma's label grid picks the biggest. */
export const ALL_LABELS_UP_TO = 150;
/** Above this many nodes, meetings start folded into the meets relations. */
export const FOLD_MEETINGS_ABOVE = 300;
/** Colour of relations around the focused node, and of nodes and relations out of focus. */
export const FOCUS_EDGE = '#555566';
export const DIM_NODE = '#d8d8de';
export const DIM_EDGE = '#ececf0';
/** Nodes outside the first CATEGORY_COLORS.length categories (and nodes without one) are grey. */
export const OTHER_COLOR = '#aaaaaa';

/**
 * Categorical colours for communities and countries: Okabe & Ito's colour-blind safe hues (as the
 * kind palette) followed by Tableau's, distinct enough side by side. Categories are coloured by
 * decreasing size, so the largest ones get the most distinct hues.
 */
export const CATEGORY_COLORS: readonly string[] = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000',
  '#8c564b', '#7f7f7f', '#bcbd22', '#17becf',
];

export interface LegendItem {
  /** What the legend shows: a kind, "community 3", a country's name, "other". */
  value: string;
  count: number;
  color: string;
}

export interface Appearance {
  colors: Map<string, string>;
  legend: LegendItem[];
}

/** The country a node belongs to: a country is its own; leaders and places carry `country`. */
export function countryOf(attrs: Record<string, unknown>): string | null {
  if (attrs.kind === 'country' && typeof attrs.label === 'string') return attrs.label;
  return typeof attrs.country === 'string' && attrs.country !== '' ? attrs.country : null;
}

/** The category of a node under `mode`, or null for none ("no country"). */
function categoryOf(key: string, attrs: Record<string, unknown>, mode: ColorMode, metrics: Metrics | null): string | null {
  if (mode === 'kind') return String(attrs.kind ?? 'unknown');
  if (mode === 'country') return countryOf(attrs);
  const c = metrics?.community[key];
  return c === undefined ? null : `community ${c + 1}`;
}

/**
 * Colours of the `nodes` under `mode`, and the legend that explains them: one line per kind (their
 * palette colours); per community or country the largest ones get their own colour and the rest
 * share "other". Counts are over `nodes` (what is visible), so the legend follows the filters.
 */
export function appearance(graph: AnyGraph, nodes: Iterable<string>, mode: ColorMode, metrics: Metrics | null): Appearance {
  const cats = new Map<string, string | null>();
  const counts = new Map<string, number>();
  let none = 0;
  for (const key of nodes) {
    const c = categoryOf(key, graph.getNodeAttributes(key), mode, metrics);
    cats.set(key, c);
    if (c === null) none++;
    else counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const colorOf = new Map<string, string>();
  let legend: LegendItem[];
  if (mode === 'kind') {
    legend = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => ({ value, count, color: nodeColor(value) }));
    for (const item of legend) colorOf.set(item.value, item.color);
  } else {
    const ranked = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, undefined, { numeric: true }));
    legend = [];
    let other = 0;
    ranked.forEach(([value, count], i) => {
      const color = CATEGORY_COLORS[i];
      if (color === undefined) other += count;
      else {
        colorOf.set(value, color);
        legend.push({ value, count, color });
      }
    });
    if (other > 0) legend.push({ value: mode === 'community' ? 'other communities' : 'other countries', count: other, color: OTHER_COLOR });
  }
  if (none > 0) legend.push({ value: mode === 'country' ? 'no country' : 'none', count: none, color: OTHER_COLOR });
  const colors = new Map<string, string>();
  for (const [key, c] of cats) colors.set(key, c === null ? OTHER_COLOR : (colorOf.get(c) ?? OTHER_COLOR));
  return { colors, legend };
}

/**
 * Node sizes. Degree and weight use the pipeline's own scale (data/palette.json via
 * src/graph/appearance.ts) so the viewer and the exported GEXF agree; PageRank and betweenness are
 * spread over the same range by the square root of their share of the maximum (area follows the
 * value); 'stored' keeps the file's `size`.
 */
export function nodeSizes(graph: AnyGraph, mode: SizeMode, metrics: Metrics | null): Map<string, number> {
  const out = new Map<string, number>();
  if ((mode === 'pagerank' || mode === 'betweenness') && metrics) {
    const values = metrics[mode];
    let max = 0;
    for (const v of Object.values(values)) if (v > max) max = v;
    const { base, max: top } = PALETTE.nodeSize;
    graph.forEachNode((key) => {
      const v = values[key] ?? 0;
      out.set(key, max > 0 ? base + (top - base) * Math.sqrt(v / max) : base);
    });
    return out;
  }
  graph.forEachNode((key, a) => {
    if (mode === 'stored') out.set(key, typeof a.size === 'number' ? a.size : nodeSize(graph.degree(key)));
    else if (mode === 'weight') {
      let w = 0;
      graph.forEachEdge(key, (_e, ea) => (w += typeof ea.weight === 'number' ? ea.weight : 1));
      out.set(key, nodeSize(w));
    } else out.set(key, nodeSize(graph.degree(key)));
  });
  return out;
}

/** A relation's label: its kind and, when dated, its date ("meets · 2026-03-13"). */
export function edgeLabel(attrs: Record<string, unknown>): string {
  const kind = String(attrs.kind ?? '');
  return typeof attrs.date === 'string' && attrs.date !== '' ? `${kind} · ${attrs.date}` : kind;
}

/**
 * The lines of the tooltip on a hovered relation: what it is (kind, the two ends, with an arrow when
 * directed), when, its status, and how much it is attested (weight; sentences when the server sent
 * only some of them). Plain strings: the caller puts them in the page as text, never as markup.
 */
export function edgeTooltip(attrs: Record<string, unknown>, source: string, target: string, directed: boolean): string[] {
  const lines = [`${String(attrs.kind ?? 'relation')}: ${source} ${directed ? '→' : '–'} ${target}`];
  const date = typeof attrs.date === 'string' && attrs.date !== '' ? attrs.date : 'undated';
  const status = typeof attrs.status === 'string' && attrs.status !== '' ? attrs.status : 'no status';
  lines.push(`${date} · ${status}`);
  const weight = typeof attrs.weight === 'number' ? attrs.weight : null;
  const evidence = Array.isArray(attrs.evidence) ? attrs.evidence.length : 0;
  const sentences = typeof attrs.evidence_count === 'number' ? attrs.evidence_count : evidence;
  const facts = [weight !== null ? `weight ${weight}` : '', sentences > 0 ? `${sentences} sentence${sentences === 1 ? '' : 's'}` : ''].filter(Boolean);
  if (facts.length) lines.push(facts.join(' · '));
  return lines;
}

/**
 * Positions for the given nodes that have no relation among the given edges: rows just under the
 * bounding box of the connected ones. ForceAtlas2 pushes such nodes far out (nothing pulls them
 * back) and sigma fits the camera to every node, so a few of them squeezed the graph into a corner.
 * Empty when every node is connected, or none is.
 */
export function isolatePositions(graph: AnyGraph, nodes: ReadonlySet<string>, edges: ReadonlySet<string>): Map<string, { x: number; y: number }> {
  const linked = new Set<string>();
  for (const e of edges) {
    linked.add(graph.source(e));
    linked.add(graph.target(e));
  }
  const isolated: string[] = [];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  for (const key of nodes) {
    if (!linked.has(key)) {
      isolated.push(key);
      continue;
    }
    const a = graph.getNodeAttributes(key);
    const x = Number(a.x);
    const y = Number(a.y);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
  }
  const out = new Map<string, { x: number; y: number }>();
  if (isolated.length === 0 || minX === Infinity) return out;
  isolated.sort();
  const width = Math.max(maxX - minX, 1);
  const perRow = Math.max(1, Math.ceil(Math.sqrt(isolated.length * 4)));
  const step = width / perRow;
  isolated.forEach((key, i) => {
    // sigma's y axis points up: rows below the graph have smaller y.
    out.set(key, { x: minX + step * ((i % perRow) + 0.5), y: minY - step * (1 + Math.floor(i / perRow)) });
  });
  return out;
}

export interface Extent {
  x: [number, number];
  y: [number, number];
}

/**
 * The box around the positions of `nodes` (or their `positions` when given), for
 * sigma's custom bounding box: the camera then frames what is shown, not every node of the file.
 * Null when no node has a position.
 */
export function drawnExtent(graph: AnyGraph, nodes: Iterable<string>, positions: ReadonlyMap<string, { x: number; y: number }> = new Map()): Extent | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const key of nodes) {
    const p = positions.get(key);
    const x = p ? p.x : Number(graph.getNodeAttribute(key, 'x'));
    const y = p ? p.y : Number(graph.getNodeAttribute(key, 'y'));
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (minX === Infinity) return null;
  // sigma leaves its own margin (stagePadding); a single node still needs a box of some size.
  const pad = maxX - minX === 0 && maxY - minY === 0 ? 1 : 0;
  return { x: [minX - pad, maxX + pad], y: [minY - pad, maxY + pad] };
}
