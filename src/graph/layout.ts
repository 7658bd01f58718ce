// Layout: deterministic ForceAtlas2. Same graph content → byte-identical x/y, whatever the order in
// which the nodes and edges were inserted, because
//  1. initial positions come from a PRNG seeded with (seed, node key), not from Math.random, and do
//     not depend on the other nodes (adding a node does not move the others' starting points);
//  2. ForceAtlas2 runs on a copy whose nodes and edges are inserted in sorted key order: its sums
//     follow insertion order, and float addition is not associative.
import fa2Module from 'graphology-layout-forceatlas2';
import { MultiGraph } from 'graphology';
import type { KnowledgeGraph } from './create.js';
import { mulberry32 } from '../random.js';

// The package is CommonJS with an ESM-style `export default` in its typings: under NodeNext TypeScript
// sees the default import as the module object, while Node gives `module.exports` itself. Accept both.
type ForceAtlas2 = typeof fa2Module.default;
const forceAtlas2: ForceAtlas2 = (fa2Module as unknown as { default?: ForceAtlas2 }).default ?? (fa2Module as unknown as ForceAtlas2);

export interface LayoutOptions {
  /** ForceAtlas2 iterations. Default: `defaultIterations(graph.order)`. */
  iterations?: number;
  /** Seed of the initial positions. Default 1. */
  seed?: number;
}

/**
 * Iterations scaled to graph size, so that a layout costs roughly the same on any graph:
 * clamp(round(200 000 / order), 100, 1000) — 1000 up to 200 nodes, 200 at 1000 nodes, 100 from 2000.
 * Small graphs converge slowly with inferSettings' slowDown and are cheap, so they get the most.
 */
export function defaultIterations(order: number): number {
  if (order <= 0) return 0;
  return Math.max(100, Math.min(1000, Math.round(200_000 / order)));
}

/**
 * At corpus scale the iteration count is also bounded by the graph's total size (nodes + edges), so
 * that the layout stays a bounded share of a build: 5,000,000 / (order + size), at least 10. Measured
 * (bench/run.ts): 100 Barnes-Hut iterations on a 9k-node, 40k-edge graph took 20 s, longer than
 * extracting its 1,000 articles; on a 65k-node, 310k-edge graph, minutes. Below ~50,000 elements
 * nothing changes. The viewer refines the layout interactively anyway.
 */
export function corpusIterations(elements: number): number {
  return elements <= 0 ? 0 : Math.max(10, Math.round(5_000_000 / elements));
}

/** Assigns `x` and `y` to every node, in place. Never throws on empty or edgeless graphs. */
export function layoutGraph(graph: KnowledgeGraph, opts: LayoutOptions = {}): void {
  const order = graph.order;
  if (order === 0) return;
  const seed = opts.seed ?? 1;
  const iterations = Math.max(0, Math.floor(opts.iterations ?? Math.min(defaultIterations(order), corpusIterations(order + graph.size))));
  const radius = 10 * Math.sqrt(order);

  // Only what ForceAtlas2 reads: positions, and weights for getEdgeWeight.
  const work = new MultiGraph<{ x: number; y: number }, { weight: number }>({ type: 'mixed' });
  const nodes = graph.nodes().sort(compare);
  for (const key of nodes) {
    const rand = mulberry32(hashString(key) ^ Math.imul(seed | 0, 0x9e3779b1));
    const angle = 2 * Math.PI * rand();
    const r = radius * Math.sqrt(rand());
    work.addNode(key, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  }
  for (const edge of graph.edges().sort(compare)) {
    const w = graph.getEdgeAttribute(edge, 'weight');
    const weight = typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 1;
    const [s, t] = graph.extremities(edge);
    if (graph.isUndirected(edge)) work.addUndirectedEdgeWithKey(edge, s, t, { weight });
    else work.addDirectedEdgeWithKey(edge, s, t, { weight });
  }

  if (iterations > 0 && work.size > 0) {
    forceAtlas2.assign(work, {
      iterations,
      settings: forceAtlas2.inferSettings(work),
      getEdgeWeight: 'weight',
    });
  }
  // Without edges only gravity would act and pull everything to the centre: keep the seeded spread.

  for (const key of nodes) {
    let { x, y } = work.getNodeAttributes(key);
    // ForceAtlas2 cannot produce NaN on sane input; guard anyway so a bad float never reaches the files.
    if (!Number.isFinite(x) || !Number.isFinite(y)) x = y = 0;
    graph.mergeNodeAttributes(key, { x: round(x), y: round(y) });
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(n: number): number {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? 0 : r; // no -0 in the files
}

/** FNV-1a, 32 bits: a stable hash of the node key for seeding. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

