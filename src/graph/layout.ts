// Layout: deterministic ForceAtlas2. Same graph content → byte-identical x/y, whatever the order in
// which the nodes and edges were inserted, because
//  1. initial positions come from a PRNG seeded with (seed, node key), not from Math.random, and do
//     not depend on the other nodes (adding a node does not move the others' starting points);
//  2. ForceAtlas2 reads its nodes and edges in sorted key order: its sums follow that order, and float
//     addition is not associative.
//
// Why the package's `iterate` on matrices we fill, rather than `forceAtlas2.assign(graph)`: assign
// reads nodes and edges in insertion order, so it needed a copy of the graph built in sorted order —
// on a 10k-article graph (37k nodes, 180k edges) that copy cost about 400 MB and a second of a build.
// The matrices are the package's own format (helpers.graphToByteArrays), filled the same way; the node
// matrix lives on a SharedArrayBuffer so that helper threads can share the repulsion (fa2/run.ts).
import { createRequire } from 'node:module';
import fa2Module from 'graphology-layout-forceatlas2';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { KnowledgeGraph } from './create.js';
import { mulberry32 } from '../random.js';
import { runForceAtlas2 } from './fa2/run.js';

// The package is CommonJS with an ESM-style `export default` in its typings: under NodeNext TypeScript
// sees the default import as the module object, while Node gives `module.exports` itself. Accept both.
type ForceAtlas2 = typeof fa2Module.default;
const forceAtlas2: ForceAtlas2 = (fa2Module as unknown as { default?: ForceAtlas2 }).default ?? (fa2Module as unknown as ForceAtlas2);

// The package's default settings (an untyped module). Its iteration is run by fa2/run.ts, from a copy cut
// into phases so that the repulsion can use several threads (fa2/iterate.ts; same floats).
const require = createRequire(import.meta.url);
const DEFAULT_SETTINGS = require('graphology-layout-forceatlas2/defaults.js') as Required<ForceAtlas2Settings>;

/** Floats per node and per edge in the package's matrices (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed; source, target, weight). */
const PPN = 10;
const PPE = 3;

export interface LayoutOptions {
  /** ForceAtlas2 iterations. Default: `defaultIterations(graph.order)`. */
  iterations?: number;
  /** Seed of the initial positions. Default 1. */
  seed?: number;
  /**
   * Threads for the Barnes-Hut repulsion (graphs of more than 2,000 nodes), this one included; the
   * result is the same for any count. Default 1.
   */
  threads?: number;
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
 * that the layout stays a bounded share of a build: 3,000,000 / (order + size), at least 10. One
 * Barnes-Hut iteration costs about 1 s per million elements here (`kg build --timings`: 100 iterations
 * of a 7k-node, 34k-edge graph took 4.9 s; 15 of a 54k-node, 277k-edge graph 12–18 s, a tenth of its
 * 100,000-article build), so the layout stays within a few seconds. Below 30,000 elements nothing
 * changes. It is a first arrangement: the viewer refines it interactively, Gephi users run their own.
 */
export function corpusIterations(elements: number): number {
  return elements <= 0 ? 0 : Math.max(10, Math.round(3_000_000 / elements));
}

/** Assigns `x` and `y` to every node, in place. Never throws on empty or edgeless graphs. */
export function layoutGraph(graph: KnowledgeGraph, opts: LayoutOptions = {}): void {
  const order = graph.order;
  if (order === 0) return;
  const seed = opts.seed ?? 1;
  const iterations = Math.max(0, Math.floor(opts.iterations ?? Math.min(defaultIterations(order), corpusIterations(order + graph.size))));
  const radius = 10 * Math.sqrt(order);

  const nodes = graph.nodes().sort(compare);
  const index = new Map<string, number>();
  const matrix = new Float32Array(new SharedArrayBuffer(order * PPN * Float32Array.BYTES_PER_ELEMENT));
  /** The starting positions at full precision: what a graph gets when ForceAtlas2 does not run. */
  const start = new Float64Array(order * 2);
  nodes.forEach((key, i) => {
    const rand = mulberry32(hashString(key) ^ Math.imul(seed | 0, 0x9e3779b1));
    const angle = 2 * Math.PI * rand();
    const r = radius * Math.sqrt(rand());
    const j = i * PPN;
    index.set(key, j);
    matrix[j] = start[2 * i] = r * Math.cos(angle);
    matrix[j + 1] = start[2 * i + 1] = r * Math.sin(angle);
    matrix[j + 6] = 1; // mass: 1 + weighted degree
    matrix[j + 7] = 1; // convergence
    matrix[j + 8] = 1; // size
  });

  const ran = iterations > 0 && graph.size > 0;
  if (ran) {
    const edges = graph.edges().sort(compare);
    const edgeMatrix = new Float32Array(edges.length * PPE);
    edges.forEach((edge, i) => {
      const w = graph.getEdgeAttribute(edge, 'weight');
      const weight = typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 1;
      const s = index.get(graph.source(edge))!;
      const t = index.get(graph.target(edge))!;
      matrix[s + 6] = matrix[s + 6]! + weight;
      matrix[t + 6] = matrix[t + 6]! + weight;
      edgeMatrix[i * PPE] = s;
      edgeMatrix[i * PPE + 1] = t;
      edgeMatrix[i * PPE + 2] = weight;
    });
    const settings = { ...DEFAULT_SETTINGS, ...forceAtlas2.inferSettings(order) } as Required<ForceAtlas2Settings>;
    runForceAtlas2(settings, matrix, edgeMatrix, iterations, Math.max(1, Math.floor(opts.threads ?? 1)) - 1);
  }
  // Without edges only gravity would act and pull everything to the centre: keep the seeded spread.

  nodes.forEach((key, i) => {
    let x = ran ? matrix[i * PPN]! : start[2 * i]!;
    let y = ran ? matrix[i * PPN + 1]! : start[2 * i + 1]!;
    // ForceAtlas2 cannot produce NaN on sane input; guard anyway so a bad float never reaches the files.
    if (!Number.isFinite(x) || !Number.isFinite(y)) x = y = 0;
    graph.mergeNodeAttributes(key, { x: round(x), y: round(y) });
  });
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

