// The viewer's pure parts beside the state (viewer-state.test.ts): the store, the focus
// (neighbourhood, path), the metrics, the display mapping, the URL state and the play step. Graphs
// are written here, so every expectation follows from the graph's shape, not from the code.
import { describe, expect, it } from 'vitest';
import { MultiGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import { computeMetrics, neighbourhoodOf, projection, shortestPath } from '../viewer/src/analysis.js';
import { applyFocus } from '../viewer/src/focus.js';
import { createViewStore, type StateKey } from '../viewer/src/store.js';
import { appearance, CATEGORY_COLORS, countryOf, edgeLabel, isolatePositions, nodeSizes, OTHER_COLOR } from '../viewer/src/display.js';
import { computeVisibility, emptyFilters, initialState, type ViewState } from '../viewer/src/state.js';
import { readState, writeState } from '../viewer/src/url-state.js';
import { nextWindow } from '../viewer/src/play.js';
import { nodeColor, PALETTE } from '../src/graph/appearance.js';

type G = MultiGraph<Attributes, Attributes, Attributes>;

/**
 * Two triangles joined by one bridge c–d, a pendant e off f, and an isolated z:
 *   a–b, b–c, a–c, c→d (directed, sanctions), d–f, f–g, d–g, f–e
 */
function bridged(): G {
  const g: G = new MultiGraph({ type: 'mixed' });
  for (const n of ['a', 'b', 'c', 'd', 'f', 'g', 'e', 'z']) g.addNode(n, { label: n.toUpperCase(), kind: n === 'z' ? 'place' : 'leader', x: n.charCodeAt(0), y: 0 });
  const und = (k: string, s: string, t: string, extra: Attributes = {}) => g.addUndirectedEdgeWithKey(k, s, t, { kind: 'meets', date: '2026-03-01', ...extra });
  und('ab', 'a', 'b');
  und('bc', 'b', 'c');
  und('ac', 'a', 'c');
  g.addDirectedEdgeWithKey('cd', 'c', 'd', { kind: 'sanctions', date: '' });
  und('df', 'd', 'f');
  und('fg', 'f', 'g');
  und('dg', 'd', 'g');
  und('fe', 'f', 'e', { kind: 'negotiates_with' });
  return g;
}

describe('analysis: projection, neighbourhood, path, metrics', () => {
  it('projects a mixed multigraph onto a simple undirected one, parallel weights summed', () => {
    const g = bridged();
    g.addUndirectedEdgeWithKey('ab2', 'a', 'b', { kind: 'negotiates_with', weight: 3 });
    const p = projection(g);
    expect(p.order).toBe(8);
    expect(p.size).toBe(8);
    expect(p.getEdgeAttribute('a', 'b', 'weight')).toBe(4);
    // The directed sanctions edge joins c and d both ways.
    expect(p.areNeighbors('d', 'c')).toBe(true);
  });

  it('keeps only the given nodes and edges', () => {
    const g = bridged();
    const p = projection(g, new Set(['a', 'b', 'c', 'd']), new Set(['ab', 'cd']));
    expect(p.order).toBe(4);
    expect(p.edges().length).toBe(2);
    expect(p.areNeighbors('b', 'c')).toBe(false);
  });

  it('neighbourhoods of depth 1 and 2 follow hops', () => {
    const p = projection(bridged());
    expect([...neighbourhoodOf(p, 'c', 1)].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...neighbourhoodOf(p, 'c', 2)].sort()).toEqual(['a', 'b', 'c', 'd', 'f', 'g']);
    expect([...neighbourhoodOf(p, 'z', 2)]).toEqual(['z']);
    expect(neighbourhoodOf(p, 'nobody', 1).size).toBe(0);
  });

  it('finds a shortest path across the bridge, null between components', () => {
    const p = projection(bridged());
    const path = shortestPath(p, 'a', 'e');
    expect(path).toEqual(['a', 'c', 'd', 'f', 'e']);
    expect(shortestPath(p, 'a', 'z')).toBeNull();
    expect(shortestPath(p, 'a', 'a')).toEqual(['a']);
  });

  it('betweenness is highest on the bridge ends, communities split the triangles, PageRank sums to 1', () => {
    const m = computeMetrics(projection(bridged()));
    const top = Object.entries(m.betweenness).sort(([, x], [, y]) => y - x).slice(0, 3).map(([k]) => k).sort();
    expect(top).toEqual(['c', 'd', 'f']);
    expect(m.betweenness.a).toBe(0);
    expect(m.community.a).toBe(m.community.b);
    expect(m.community.a).toBe(m.community.c);
    expect(m.community.f).toBe(m.community.g);
    expect(m.community.a).not.toBe(m.community.f);
    expect(m.community.z).not.toBe(m.community.a);
    const sum = Object.values(m.pagerank).reduce((s, v) => s + v, 0);
    expect(sum).toBeCloseTo(1, 6);
    // Same graph, same communities: colours do not change between loads.
    expect(computeMetrics(projection(bridged())).community).toEqual(m.community);
  });
});

describe('focus', () => {
  const g = bridged();
  const base = computeVisibility(g, emptyFilters());
  const focus = (s: Partial<Pick<ViewState, 'selected' | 'depth' | 'pathTo'>>) => applyFocus(g, base, { selected: null, depth: 0, pathTo: null, ...s });

  it('without a selection or a focus, shows what the filters show', () => {
    expect(focus({}).visibility).toBe(base);
    expect(focus({ selected: 'a' }).visibility).toBe(base);
  });

  it('depth 1 keeps the node, its neighbours and the relations among them', () => {
    const v = focus({ selected: 'c', depth: 1 }).visibility;
    expect([...v.nodes].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...v.edges].sort()).toEqual(['ab', 'ac', 'bc', 'cd']);
  });

  it('a path keeps its nodes and only the relations along it', () => {
    const f = focus({ selected: 'b', pathTo: 'g' });
    expect(f.path).toEqual(['b', 'c', 'd', 'g']);
    expect([...f.visibility.edges].sort()).toEqual(['bc', 'cd', 'dg']);
    expect(f.problem).toBeNull();
  });

  it('follows only visible relations: hiding sanctions cuts the bridge', () => {
    const hidden = computeVisibility(g, { ...emptyFilters(), hiddenEdgeKinds: new Set(['sanctions']) });
    const f = applyFocus(g, hidden, { selected: 'a', depth: 0, pathTo: 'e' });
    expect(f.path).toBeNull();
    expect(f.problem).toMatch(/no visible path between A and E/);
    expect(f.visibility).toBe(hidden);
    expect([...applyFocus(g, hidden, { selected: 'c', depth: 2, pathTo: null }).visibility.nodes].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('store', () => {
  it('announces exactly the keys that changed, and nothing for a no-op', () => {
    const store = createViewStore();
    const seen: StateKey[][] = [];
    const off = store.on((changed) => seen.push([...changed].sort()));
    store.update({ hovered: 'a' });
    store.update({ hovered: 'a' });
    store.update({ selected: 'b', depth: 1 });
    const filters = store.get().filters;
    store.update({ filters });
    store.update({ filters: { ...filters, hideUndated: true } });
    off();
    store.update({ hovered: null });
    expect(seen).toEqual([['hovered'], ['depth', 'selected'], ['filters']]);
    expect(store.get().hovered).toBeNull();
    expect(store.get().filters.hideUndated).toBe(true);
  });

  it('reset announces what differs from the new state', () => {
    const store = createViewStore();
    store.update({ selected: 'x', colorMode: 'country' });
    let changed: StateKey[] = [];
    store.on((c) => (changed = [...c].sort()));
    store.reset({ ...initialState(), filters: store.get().filters, table: store.get().table });
    expect(changed).toEqual(['colorMode', 'selected']);
    expect(store.get().selected).toBeNull();
  });
});

describe('display mapping', () => {
  it('colours by kind with the palette, and the legend counts only the given nodes', () => {
    const g = bridged();
    const a = appearance(g, ['a', 'b', 'z'], 'kind', null);
    expect(a.colors.get('a')).toBe(nodeColor('leader'));
    expect(a.colors.get('z')).toBe(nodeColor('place'));
    expect(a.legend).toEqual([
      { value: 'leader', count: 2, color: nodeColor('leader') },
      { value: 'place', count: 1, color: nodeColor('place') },
    ]);
  });

  it('colours by community: one colour per community, largest first', () => {
    const g = bridged();
    const m = computeMetrics(projection(g));
    const a = appearance(g, g.nodes(), 'community', m);
    expect(a.colors.get('a')).toBe(a.colors.get('b'));
    expect(a.colors.get('a')).not.toBe(a.colors.get('f'));
    expect(a.legend[0]!.color).toBe(CATEGORY_COLORS[0]);
    expect(a.legend.reduce((s, i) => s + i.count, 0)).toBe(8);
    expect(a.legend[0]!.count).toBeGreaterThanOrEqual(a.legend[1]!.count);
  });

  it('colours by country: countries are their own, leaders and places carry theirs, the rest is "no country"', () => {
    const g: G = new MultiGraph({ type: 'mixed' });
    g.addNode('country:FRA', { kind: 'country', label: 'France' });
    g.addNode('leader:m', { kind: 'leader', label: 'M', country: 'France' });
    g.addNode('place:paris', { kind: 'place', label: 'Paris', country: 'France' });
    g.addNode('leader:z', { kind: 'leader', label: 'Z', country: 'Ukraine' });
    g.addNode('alliance:nato', { kind: 'alliance', label: 'NATO' });
    expect(countryOf(g.getNodeAttributes('alliance:nato'))).toBeNull();
    const a = appearance(g, g.nodes(), 'country', null);
    expect(a.legend).toEqual([
      { value: 'France', count: 3, color: CATEGORY_COLORS[0] },
      { value: 'Ukraine', count: 1, color: CATEGORY_COLORS[1] },
      { value: 'no country', count: 1, color: OTHER_COLOR },
    ]);
    expect(a.colors.get('leader:m')).toBe(a.colors.get('country:FRA'));
  });

  it('groups categories beyond the palette as "other"', () => {
    const g: G = new MultiGraph({ type: 'mixed' });
    const n = CATEGORY_COLORS.length + 3;
    for (let i = 0; i < n; i++) g.addNode(`leader:${i}`, { kind: 'leader', country: `C${String(i).padStart(2, '0')}` });
    const a = appearance(g, g.nodes(), 'country', null);
    expect(a.legend.length).toBe(CATEGORY_COLORS.length + 1);
    expect(a.legend.at(-1)).toEqual({ value: 'other countries', count: 3, color: OTHER_COLOR });
  });

  it('sizes by PageRank and betweenness follow the metric, within the palette range', () => {
    const g = bridged();
    const m = computeMetrics(projection(g));
    const bc = nodeSizes(g, 'betweenness', m);
    expect(bc.get('d')!).toBeGreaterThan(bc.get('a')!);
    expect(bc.get('a')).toBe(PALETTE.nodeSize.base);
    expect(Math.max(...bc.values())).toBe(PALETTE.nodeSize.max);
    const pr = nodeSizes(g, 'pagerank', m);
    expect(pr.get('f')!).toBeGreaterThan(pr.get('z')!);
    // Without metrics yet, PageRank falls back to degree sizes rather than nothing.
    expect(nodeSizes(g, 'pagerank', null).get('f')).toBe(nodeSizes(g, 'degree', null).get('f'));
  });

  it('labels a relation with its kind and date', () => {
    expect(edgeLabel({ kind: 'meets', date: '2026-03-13' })).toBe('meets · 2026-03-13');
    expect(edgeLabel({ kind: 'leader_of', date: '' })).toBe('leader_of');
  });

  it('lays isolated nodes just under the connected ones', () => {
    const g = bridged();
    g.setNodeAttribute('z', 'x', 1e6);
    g.setNodeAttribute('z', 'y', -1e6);
    const v = computeVisibility(g, emptyFilters());
    const pos = isolatePositions(g, v.nodes, v.edges);
    expect([...pos.keys()]).toEqual(['z']);
    const p = pos.get('z')!;
    const xs = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => g.getNodeAttribute(n, 'x') as number);
    expect(p.x).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(p.x).toBeLessThanOrEqual(Math.max(...xs));
    expect(p.y).toBeLessThan(0);
    expect(p.y).toBeGreaterThan(-Math.max(...xs));
    // Hiding the meets relations isolates more nodes.
    const v2 = computeVisibility(g, { ...emptyFilters(), hiddenEdgeKinds: new Set(['meets']) });
    expect([...isolatePositions(g, v2.nodes, v2.edges).keys()].sort()).toEqual(['a', 'b', 'g', 'z']);
  });
});

describe('URL state', () => {
  it('round-trips selection, focus, filters, window and appearance, keeping other parameters', () => {
    const s: ViewState = {
      ...initialState(),
      selected: 'leader:volodymyr-zelensky',
      depth: 2,
      colorMode: 'community',
      sizeMode: 'betweenness',
      filters: {
        ...emptyFilters(),
        hiddenNodeKinds: new Set(['place', 'meeting']),
        hiddenStatuses: new Set(['planned']),
        dateStart: 20_525,
        dateEnd: 20_560,
        hideUndated: true,
        foldMeetings: true,
      },
    };
    const params = writeState(s, new URLSearchParams('file=other.json'), { foldMeetings: false });
    expect(params.get('file')).toBe('other.json');
    expect(params.get('from')).toBe('2026-03-13');
    const back = readState(new URLSearchParams(params.toString()), initialState());
    expect(back.selected).toBe(s.selected);
    expect(back.depth).toBe(2);
    expect(back.colorMode).toBe('community');
    expect(back.sizeMode).toBe('betweenness');
    expect([...back.filters.hiddenNodeKinds].sort()).toEqual(['meeting', 'place']);
    expect([...back.filters.hiddenStatuses]).toEqual(['planned']);
    expect(back.filters.hiddenEdgeKinds.size).toBe(0);
    expect(back.filters.dateStart).toBe(20_525);
    expect(back.filters.dateEnd).toBe(20_560);
    expect(back.filters.hideUndated).toBe(true);
    expect(back.filters.foldMeetings).toBe(true);
  });

  it('writes nothing for the default view, and ignores values it cannot read', () => {
    expect(writeState(initialState(), new URLSearchParams(), { foldMeetings: false }).toString()).toBe('');
    const back = readState(new URLSearchParams('depth=7&color=rainbow&from=2026-02-30&size=pagerank'), initialState());
    expect(back.depth).toBe(0);
    expect(back.colorMode).toBe('kind');
    expect(back.filters.dateStart).toBeNull();
    expect(back.sizeMode).toBe('pagerank');
  });
});

describe('play', () => {
  const range = { min: 100, max: 200 };
  it('first narrows an open window to a quarter of the span, then slides it keeping its width, then stops', () => {
    let w = nextWindow(range, { start: 100, end: 200 })!;
    expect(w).toEqual({ start: 100, end: 125 });
    const seen = [w];
    for (let next = nextWindow(range, w); next; next = nextWindow(range, w)) {
      expect(next.end - next.start).toBe(25);
      expect(next.start).toBeGreaterThan(w.start);
      w = next;
      seen.push(w);
    }
    expect(w.end).toBe(200);
    expect(seen.length).toBeGreaterThan(10);
    expect(nextWindow({ min: 5, max: 5 }, { start: 5, end: 5 })).toBeNull();
  });
});

describe('data table', () => {
  it('lists visible nodes with visible-relation counts, and relations with their ends', async () => {
    const { nodeTable, edgeTable } = await import('../viewer/src/table.js');
    const g = bridged();
    const v = computeVisibility(g, { ...emptyFilters(), hiddenEdgeKinds: new Set(['sanctions']) });
    const nodes = nodeTable(g, v, null);
    expect(nodes.rows.length).toBe(8);
    const c = nodes.rows.find((r) => r.key === 'c')!;
    expect(c.cells.degree).toBe(2);
    expect(c.cells.label).toBe('C');
    expect(c.cells.pagerank).toBe('');
    const edges = edgeTable(g, v);
    expect(edges.rows.map((r) => r.key).sort()).toEqual(['ab', 'ac', 'bc', 'df', 'dg', 'fe', 'fg']);
    const fe = edges.rows.find((r) => r.key === 'fe')!;
    expect(fe.nodes).toEqual(['f', 'e']);
    expect(fe.cells).toMatchObject({ source: 'F', target: 'E', kind: 'negotiates_with', date: '2026-03-01' });
  });

  it('filters on every word, accents and case ignored, and sorts numbers as numbers', async () => {
    const { filterRows, sortRows } = await import('../viewer/src/table.js');
    const rows = [
      { key: 'n1', nodes: ['n1'], cells: { label: 'Élodie Roux', kind: 'leader', degree: 10 } },
      { key: 'n2', nodes: ['n2'], cells: { label: 'Bo Berg', kind: 'leader', degree: 9 } },
      { key: 'n3', nodes: ['n3'], cells: { label: 'Oslo', kind: 'place', degree: 100 } },
      { key: 'n4', nodes: ['n4'], cells: { label: 'Node 10', kind: 'place', degree: '' as const } },
    ];
    expect(filterRows(rows, 'elodie LEADER').map((r) => r.key)).toEqual(['n1']);
    expect(filterRows(rows, '  ').length).toBe(4);
    expect(sortRows(rows, 'degree', true).map((r) => r.key)).toEqual(['n3', 'n1', 'n2', 'n4']);
    expect(sortRows(rows, 'degree', false).map((r) => r.key)).toEqual(['n2', 'n1', 'n3', 'n4']);
    expect(sortRows(rows, 'label', false).map((r) => r.key)).toEqual(['n2', 'n1', 'n4', 'n3']);
  });

  it('writes RFC 4180 CSV and defuses spreadsheet formulas', async () => {
    const { toCsv } = await import('../viewer/src/table.js');
    const cols = [
      { key: 'a', title: 'name', numeric: false },
      { key: 'b', title: 'n', numeric: true },
    ];
    const csv = toCsv(cols, [
      { key: '1', nodes: [], cells: { a: 'He said "no", then left\nagain', b: -3 } },
      { key: '2', nodes: [], cells: { a: '=HYPERLINK("http://x")', b: 2 } },
    ]);
    expect(csv).toBe('"name","n"\r\n"He said ""no"", then left\nagain","-3"\r\n"\'=HYPERLINK(""http://x"")","2"\r\n');
  });
});

describe('framing', () => {
  it('frames the drawn positions of the shown nodes, isolated ones where they are drawn', async () => {
    const { drawnExtent } = await import('../viewer/src/display.js');
    const g = bridged();
    const moved = new Map([['z', { x: 50, y: -40 }]]);
    expect(drawnExtent(g, ['a', 'g', 'z'], moved)).toEqual({ x: [50, 'g'.charCodeAt(0)], y: [-40, 0] });
    expect(drawnExtent(g, ['c'], new Map())).toEqual({ x: [98, 100], y: [-1, 1] });
    expect(drawnExtent(g, [], new Map())).toBeNull();
  });
});

describe('the worker projection', () => {
  it('projectLists gives the same projection as projection(graph)', async () => {
    const { projectLists } = await import('../viewer/src/analysis.js');
    const g = bridged();
    g.addUndirectedEdgeWithKey('ab2', 'a', 'b', { kind: 'negotiates_with', weight: 3 });
    g.addDirectedEdgeWithKey('loop', 'a', 'a', { kind: 'supports' });
    const nodes = g.nodes();
    const idx = new Map(nodes.map((n, i) => [n, i]));
    const edges = g.edges();
    const p = projectLists(
      nodes,
      edges.map((e) => idx.get(g.source(e))!),
      edges.map((e) => idx.get(g.target(e))!),
      edges.map((e) => { const w = g.getEdgeAttribute(e, 'weight'); return typeof w === 'number' ? w : 1; }),
    );
    const q = projection(g);
    const dump = (x: typeof q) => x.mapEdges((_e, a, s, t) => `${[s, t].sort().join('-')}:${String(a.weight)}`).sort();
    expect(dump(p)).toEqual(dump(q));
    expect(p.order).toBe(q.order);
    expect(computeMetrics(p)).toEqual(computeMetrics(q));
  });
});
