// The Barnes-Hut repulsion on several threads (src/graph/fa2/run.ts): the same floats as the package's own
// ForceAtlas2 iteration, for any number of threads, so that the layout's bytes do not depend on --threads.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createGraph } from '../src/graph/create.js';
import { layoutGraph } from '../src/graph/layout.js';
import { runForceAtlas2 } from '../src/graph/fa2/run.js';
import { mulberry32 } from '../src/random.js';
import { addEdge, addNode } from './helpers/sample-graph.js';

const require = createRequire(import.meta.url);
const iterate = require('graphology-layout-forceatlas2/iterate.js') as (o: object, n: Float32Array, e: Float32Array) => void;
const DEFAULTS = require('graphology-layout-forceatlas2/defaults.js') as object;

/** A random graph in the package's matrix layout, nodes on a SharedArrayBuffer. */
function matrices(order: number, seed: number): { nodes: Float32Array; edges: Float32Array } {
  const rand = mulberry32(seed);
  const nodes = new Float32Array(new SharedArrayBuffer(order * 10 * 4));
  for (let i = 0; i < order; i++) {
    nodes[i * 10] = rand() * 1000 - 500;
    nodes[i * 10 + 1] = rand() * 1000 - 500;
    nodes[i * 10 + 6] = 1 + Math.floor(rand() * 6);
    nodes[i * 10 + 7] = 1;
    nodes[i * 10 + 8] = 1;
  }
  const size = order * 3;
  const edges = new Float32Array(size * 3);
  for (let e = 0; e < size; e++) {
    edges[e * 3] = Math.floor(rand() * order) * 10;
    edges[e * 3 + 1] = Math.floor(rand() * order) * 10;
    edges[e * 3 + 2] = 1 + Math.floor(rand() * 3);
  }
  return { nodes, edges };
}

const bytes = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('ForceAtlas2 on several threads', () => {
  for (const settings of [
    { barnesHutOptimize: true, strongGravityMode: true, gravity: 0.05, scalingRatio: 10, slowDown: 9 },
    { barnesHutOptimize: true, adjustSizes: true, outboundAttractionDistribution: true, linLogMode: true, scalingRatio: 2, slowDown: 3 },
    { barnesHutOptimize: false, scalingRatio: 10, slowDown: 5 },
  ]) {
    it(`computes the package's floats with 0, 1 and 3 helpers (${JSON.stringify(settings)})`, () => {
      const options = { ...DEFAULTS, ...settings };
      const order = settings.barnesHutOptimize ? 3000 : 400;
      const reference = matrices(order, 7);
      for (let i = 0; i < 12; i++) iterate(options, reference.nodes, reference.edges);
      for (const helpers of [0, 1, 3]) {
        const m = matrices(order, 7);
        runForceAtlas2(options, m.nodes, m.edges, 12, helpers);
        expect(bytes(m.nodes).equals(bytes(reference.nodes)), `${helpers} helpers`).toBe(true);
      }
    });
  }

  it('gives layoutGraph the same positions on 1 and 2 threads (a graph over the 2,000-node Barnes-Hut threshold)', () => {
    const build = () => {
      const g = createGraph();
      const rand = mulberry32(3);
      for (let i = 0; i < 2500; i++) addNode(g, `n${i}`, { kind: 'country', label: `n${i}` });
      for (let i = 0; i < 6000; i++) {
        const s = `n${Math.floor(rand() * 2500)}`;
        const t = `n${Math.floor(rand() * 2500)}`;
        if (s !== t && !g.hasEdge(s, t)) addEdge(g, 'meets', s, t, { weight: 1 + Math.floor(rand() * 4) });
      }
      return g;
    };
    const one = build();
    const two = build();
    layoutGraph(one, { iterations: 5, threads: 1 });
    layoutGraph(two, { iterations: 5, threads: 2 });
    const positions = (g: ReturnType<typeof build>) => g.mapNodes((_, a) => [a.x, a.y]);
    expect(positions(two)).toEqual(positions(one));
    expect(new Set(positions(one).map((p) => p.join())).size).toBeGreaterThan(2000);
  });
});
