import { describe, expect, it } from 'vitest';
import { applyAppearance, edgeSize, nodeSize, PALETTE } from '../src/graph/appearance.js';
import { createGraph, type KnowledgeGraph } from '../src/graph/create.js';
import { defaultIterations, layoutGraph } from '../src/graph/layout.js';
import type { NodeKind } from '../src/graph/model.js';
import { reversedCopy } from './helpers/graph-copy.js';
import { addEdge, addNode, sampleGraph, selfLoopGraph } from './helpers/sample-graph.js';

function positions(g: KnowledgeGraph): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  g.forEachNode((k, a) => (out[k] = [a.x!, a.y!]));
  return out;
}

describe('layoutGraph', () => {
  it('is deterministic: two runs give identical positions', () => {
    const a = sampleGraph();
    const b = sampleGraph();
    layoutGraph(a);
    layoutGraph(b);
    expect(positions(a)).toEqual(positions(b));
  });

  it('does not depend on insertion order', () => {
    const a = sampleGraph();
    const b = reversedCopy(sampleGraph());
    layoutGraph(a, { iterations: 200 });
    layoutGraph(b, { iterations: 200 });
    expect(positions(b)).toEqual(positions(a));
  });

  it('gives every node finite, not all equal positions, and moves nodes with iterations', () => {
    const g = sampleGraph();
    layoutGraph(g, { iterations: 0 });
    const start = positions(g);
    layoutGraph(g);
    const end = positions(g);
    for (const [x, y] of Object.values(end)) {
      expect(Number.isFinite(x)).toBe(true);
      expect(Number.isFinite(y)).toBe(true);
    }
    expect(new Set(Object.values(end).map((p) => p.join())).size).toBe(g.order);
    expect(end).not.toEqual(start);
    // Connected nodes end up closer than the graph's overall spread: the forces did act.
    const dist = (p: [number, number], q: [number, number]) => Math.hypot(p[0] - q[0], p[1] - q[1]);
    const d = dist(end['leader:emmanuel-macron']!, end['country:FRA']!);
    const spread = Math.max(...Object.values(end).map((p) => Math.hypot(...p)));
    expect(d).toBeLessThan(spread);
  });

  it('depends on the seed', () => {
    const a = sampleGraph();
    const b = sampleGraph();
    layoutGraph(a, { seed: 1 });
    layoutGraph(b, { seed: 2 });
    expect(positions(a)).not.toEqual(positions(b));
  });

  it('does not throw on an empty graph, a single node, an edgeless graph or self-loops', () => {
    expect(() => layoutGraph(createGraph())).not.toThrow();
    const one = createGraph();
    addNode(one, 'country:FRA', { label: 'France', kind: 'country' });
    layoutGraph(one);
    expect(Number.isFinite(one.getNodeAttribute('country:FRA', 'x'))).toBe(true);
    const edgeless = createGraph();
    for (const k of ['a', 'b', 'c']) addNode(edgeless, `place:${k}`, { label: k, kind: 'place' });
    layoutGraph(edgeless);
    expect(new Set(Object.values(positions(edgeless)).map((p) => p.join())).size).toBe(3);
    const loops = selfLoopGraph();
    layoutGraph(loops);
    for (const [x, y] of Object.values(positions(loops))) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  it('scales default iterations with graph size', () => {
    expect(defaultIterations(0)).toBe(0);
    expect(defaultIterations(10)).toBe(1000);
    expect(defaultIterations(1000)).toBe(200);
    expect(defaultIterations(100_000)).toBe(100);
    for (let n = 1; n < 5000; n += 37) expect(defaultIterations(n + 37)).toBeLessThanOrEqual(defaultIterations(n));
  });
});

describe('applyAppearance', () => {
  it('colours nodes by kind with distinct hex colours from data/palette.json', () => {
    const g = sampleGraph();
    applyAppearance(g);
    const kinds: NodeKind[] = ['leader', 'country', 'alliance', 'meeting', 'place'];
    expect(new Set(kinds.map((k) => PALETTE.nodes[k])).size).toBe(kinds.length);
    g.forEachNode((_k, a) => {
      expect(a.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
      expect(a.color).toBe(PALETTE.nodes[a.kind]);
    });
    g.forEachEdge((_k, a) => {
      expect(a.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
      expect(a.color).toBe(PALETTE.edges[a.kind]);
    });
  });

  it('sizes nodes by degree and edges by weight, monotonically', () => {
    const g = sampleGraph();
    applyAppearance(g);
    g.forEachNode((k, a) => expect(a.size).toBe(nodeSize(g.degree(k))));
    const isolated = g.getNodeAttribute('meeting:undated', 'size')!;
    const busy = g.getNodeAttribute('leader:emmanuel-macron', 'size')!;
    expect(busy).toBeGreaterThan(isolated);
    for (let d = 0; d < 200; d++) expect(nodeSize(d + 1)).toBeGreaterThanOrEqual(nodeSize(d));
    expect(nodeSize(1e6)).toBe(PALETTE.nodeSize.max);
    expect(edgeSize(2)).toBeGreaterThan(edgeSize(1));
    expect(edgeSize(Number.NaN)).toBe(edgeSize(1));
    const ukr = g.edges('country:UKR', 'country:RUS')[0]!;
    expect(g.getEdgeAttribute(ukr, 'size')).toBe(edgeSize(2));
  });

  it('is deterministic and idempotent', () => {
    const a = sampleGraph();
    applyAppearance(a);
    const first = JSON.stringify(a.export());
    applyAppearance(a);
    expect(JSON.stringify(a.export())).toBe(first);
    const b = reversedCopy(sampleGraph());
    applyAppearance(b);
    a.forEachNode((k, attrs) => expect(b.getNodeAttributes(k)).toMatchObject({ color: attrs.color, size: attrs.size }));
  });

  it('uses the default colour for kinds missing from the palette', () => {
    const g = createGraph();
    addNode(g, 'x', { label: 'x', kind: 'unknown' as NodeKind });
    addNode(g, 'y', { label: 'y', kind: 'place' });
    addEdge(g, 'calls_on', 'x', 'y');
    g.setEdgeAttribute(g.edges()[0]!, 'kind', 'odd' as never);
    applyAppearance(g);
    expect(g.getNodeAttribute('x', 'color')).toBe(PALETTE.nodeDefault);
    expect(g.getEdgeAttribute(g.edges()[0]!, 'color')).toBe(PALETTE.edgeDefault);
  });
});
