// The subgraph protocol's pure parts: parsing the query (src/serve/subgraph-query.ts) and answering it
// on an indexed graph (src/serve/subgraph.ts), on a small hand-made graph whose degrees, dates and
// weights are chosen so that each expectation follows from the graph's meaning.
import { describe, expect, it } from 'vitest';
import { createGraph, type KnowledgeGraph } from '../src/graph/create.js';
import { indexGraph, querySubgraph, searchIndex, EVIDENCE_SENT } from '../src/serve/subgraph.js';
import { parseSubgraphQuery, QueryError, SUBGRAPH_LIMITS } from '../src/serve/subgraph-query.js';
import { computeVisibility, emptyFilters, dayNumber, type AnyGraph, type Filters } from '../viewer/src/state.js';
import { A, B, C, D, M, X, Y, subgraphSample } from './helpers/subgraph-sample.js';

const graph = subgraphSample();
const index = indexGraph(graph);
const query = (qs: string) => parseSubgraphQuery(new URLSearchParams(qs), index.vocabulary);
const keys = (qs: string) => querySubgraph(index, query(qs)).nodes.map((n) => n.key);

describe('indexGraph', () => {
  it('describes the graph for /api/meta: counts per kind and status, the dated span', () => {
    expect(index.meta).toMatchObject({
      nodes: 7,
      edges: 7,
      nodeKinds: { country: 2, leader: 4, meeting: 1 },
      edgeKinds: { held_in: 1, meets: 1, negotiates_with: 1, participates_in: 2, sanctions: 1, supports: 1 },
      statuses: { held: 5, planned: 1, reported: 1 },
      minDate: '2026-01-05',
      maxDate: '2026-03-10',
      undatedEdges: 2,
    });
  });
});

describe('querySubgraph', () => {
  it('sends the top N nodes by degree (ties by key) and the relations among them, and says what it left out', () => {
    const r = querySubgraph(index, query('top=3'));
    expect(r.nodes.map((n) => n.key)).toEqual([A, M, X]);
    expect(r.edges.map((e) => e.attributes.kind).sort()).toEqual(['held_in', 'participates_in']);
    expect(r.subgraph.total).toEqual({ nodes: 7, edges: 7 });
    expect(r.subgraph.matching).toEqual({ nodes: 7, edges: 7 });
    expect(r.subgraph.sent).toEqual({ nodes: 3, edges: 2 });
    expect(r.subgraph.hidden).toMatch(/^showing the 3 most connected of 7 nodes: narrow the time window/);
    expect(querySubgraph(index, query('')).subgraph.hidden).toBe('');
  });

  it('ranks by weight when asked: the meets relation of weight 5 lifts A and B', () => {
    expect(keys('top=2&metric=weight')).toEqual([A, B]);
  });

  it('keeps the shape of graph.export(): undirected flags, whole node attributes', () => {
    const r = querySubgraph(index, query(''));
    const meets = r.edges.find((e) => e.attributes.kind === 'meets')!;
    expect(meets.undirected).toBe(true);
    expect(r.edges.find((e) => e.attributes.kind === 'sanctions')!.undirected).toBeUndefined();
    expect(r.nodes.find((n) => n.key === A)!.attributes).toEqual(graph.getNodeAttributes(A));
    const copy = createGraph();
    copy.import(r as unknown as Parameters<KnowledgeGraph['import']>[0]);
    expect(copy.order).toBe(7);
    expect(copy.size).toBe(7);
  });

  it('cuts evidence to a few sentences, keeping the counts and only the articles cited', () => {
    const r = querySubgraph(index, query(''));
    const meets = r.edges.find((e) => e.attributes.kind === 'meets')!.attributes;
    expect(meets.evidence).toEqual(['s1', 's2', 's3', 's4', 's5'].slice(0, EVIDENCE_SENT));
    expect(meets.evidence_count).toBe(5);
    expect(meets.source_count).toBe(5);
    const articles = r.attributes.articles as Record<string, Record<string, unknown>>;
    expect(Object.keys(articles).sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5'].slice(0, EVIDENCE_SENT));
    // what the panel shows of an article, not its hash
    expect(articles.a1).toEqual({ id: 'a1', source: 'Test', title: 'a1' });
    // the graph itself is untouched
    expect(graph.getEdgeAttribute(r.edges.find((e) => e.attributes.kind === 'meets')!.key, 'evidence')).toHaveLength(5);
  });

  it('filters by time window: the January window hides the March meeting and everything dated otherwise', () => {
    expect(keys('from=2026-01-01&to=2026-01-31').sort()).toEqual([A, B, C, D, X, Y].sort());
    const r = querySubgraph(index, query('from=2026-01-01&to=2026-01-31'));
    expect(r.edges.map((e) => e.attributes.kind).sort()).toEqual(['negotiates_with', 'supports']);
    const hidden = querySubgraph(index, query('from=2026-01-01&to=2026-01-31&undated=hide'));
    expect(hidden.edges.map((e) => e.attributes.kind)).toEqual(['negotiates_with']);
  });

  it('filters by kinds, statuses and minimum weight', () => {
    expect(querySubgraph(index, query('kinds=sanctions,meets')).edges.map((e) => e.attributes.kind).sort()).toEqual(['meets', 'sanctions']);
    expect(querySubgraph(index, query('status=planned')).edges.map((e) => e.attributes.kind)).toEqual(['negotiates_with']);
    expect(keys('nodeKinds=country').sort()).toEqual([X, Y]);
    // weight ≥ 2: meets (5) and sanctions (2); M's dated relations all fall, so M goes too
    const heavy = querySubgraph(index, query('minWeight=2'));
    expect(heavy.edges.map((e) => e.attributes.kind).sort()).toEqual(['meets', 'sanctions']);
    expect(heavy.nodes.map((n) => n.key)).not.toContain(M);
  });

  it('selects the nodes the viewer\'s own filters would show (same meaning on both sides)', () => {
    const day = (iso: string) => dayNumber(iso)!;
    const cases: [string, Partial<Filters>][] = [
      ['', {}],
      ['from=2026-03-01', { dateStart: day('2026-03-01') }],
      ['to=2026-02-15', { dateEnd: day('2026-02-15') }],
      ['from=2026-01-01&to=2026-02-28&undated=hide', { dateStart: day('2026-01-01'), dateEnd: day('2026-02-28'), hideUndated: true }],
      ['kinds=meets,held_in,negotiates_with,sanctions,supports', { hiddenEdgeKinds: new Set(['participates_in']) }],
      ['status=held', { hiddenStatuses: new Set(['planned', 'reported']) }],
      ['nodeKinds=leader,country', { hiddenNodeKinds: new Set(['meeting']) }],
    ];
    for (const [qs, patch] of cases) {
      const viewer = computeVisibility(graph as unknown as AnyGraph, { ...emptyFilters(), ...patch });
      const r = querySubgraph(index, query(`${qs}&top=${SUBGRAPH_LIMITS.maxNodes}`));
      expect(new Set(r.nodes.map((n) => n.key)), qs).toEqual(viewer.nodes);
      expect(new Set(r.edges.map((e) => e.key)), qs).toEqual(viewer.edges);
    }
  });

  it('answers the neighbourhood of a node, 1 or 2 hops, the node first', () => {
    expect(keys(`node=${C}`)).toEqual([C, A, D]);
    expect(keys(`node=${C}&depth=2`).sort()).toEqual([A, B, C, D, M, X].sort());
    expect(keys(`node=${C}&depth=2`)[0]).toBe(C);
    // the focus stays even when the filters would hide it, with its neighbours that pass
    expect(keys(`node=${encodeURIComponent(M)}&nodeKinds=leader`)).toEqual([M, A, B]);
    const r = querySubgraph(index, query(`node=${C}&depth=2&top=2`));
    expect(r.nodes.map((n) => n.key)).toEqual([C, A]);
    // one hop before two, whatever the degree: M (degree 3, two hops) comes after D (degree 2, one hop)
    expect(keys(`node=${C}&depth=2&top=3`)).toEqual([C, A, D]);
    expect(r.subgraph).toMatchObject({ focus: C, matching: { nodes: 6 }, sent: { nodes: 2 } });
  });

  it('answers a search by name or alias with the best match\'s neighbourhood', () => {
    expect(querySubgraph(index, query('q=carla')).subgraph.focus).toBe(C);
    expect(querySubgraph(index, query('q=a.%20alto')).subgraph.focus).toBe(A);
    // an exact name beats a longer one containing it
    expect(searchIndex(index, 'anna alto', 5).map((s) => s.key)).toEqual([A, M]);
    expect(searchIndex(index, 'ALTO', 1)[0]).toEqual({ key: A, label: 'Anna Alto', kind: 'leader' });
  });

  it('refuses an unknown node or an unmatched name with 404', () => {
    for (const qs of ['node=leader:nobody', 'q=zzzz']) {
      expect(() => querySubgraph(index, query(qs)), qs).toThrow(QueryError);
      try {
        querySubgraph(index, query(qs));
      } catch (err) {
        expect((err as QueryError).status).toBe(404);
        expect((err as QueryError).message).toMatch(/unknown node "leader:nobody"|no node matches "zzzz"/);
      }
    }
  });

  it('keeps the heaviest relations when more than the edge cap pass', () => {
    const r = querySubgraph(index, query('maxEdges=2'));
    expect(r.edges.map((e) => e.attributes.kind).sort()).toEqual(['meets', 'sanctions']);
    expect(r.subgraph.hidden).toContain('the 2 heaviest of their relations');
  });
});

describe('parseSubgraphQuery', () => {
  const problem = (qs: string): string => {
    try {
      query(qs);
    } catch (err) {
      expect(err).toBeInstanceOf(QueryError);
      expect((err as QueryError).status).toBe(400);
      return (err as Error).message;
    }
    throw new Error(`no error for ${qs}`);
  };

  it('reads every parameter', () => {
    expect(query('from=2026-01-01&to=2026-02-01&kinds=meets&nodeKinds=leader&status=held&undated=hide&minWeight=2.5&top=10&metric=weight&node=x&depth=2')).toEqual({
      from: dayNumber('2026-01-01'), to: dayNumber('2026-02-01'), kinds: new Set(['meets']), nodeKinds: new Set(['leader']), statuses: new Set(['held']),
      hideUndated: true, minWeight: 2.5, top: 10, maxEdges: SUBGRAPH_LIMITS.defaultEdges, metric: 'weight', node: 'x', depth: 2, q: null,
    });
    expect(query('')).toMatchObject({ from: null, to: null, kinds: null, top: SUBGRAPH_LIMITS.defaultTop, metric: 'degree', depth: 1 });
    // an empty list keeps none
    expect(query('kinds=').kinds).toEqual(new Set());
  });

  it('refuses a malformed window with a message naming the parameter', () => {
    expect(problem('from=2026-13-01')).toBe('"from" must be a day as YYYY-MM-DD, got "2026-13-01"');
    expect(problem('to=yesterday')).toMatch(/^"to" must be a day/);
    expect(problem('from=2026-02-30')).toMatch(/^"from" must be a day/);
    expect(problem('from=2026-03-01&to=2026-02-01')).toBe('"from" (2026-03-01) is after "to" (2026-02-01)');
  });

  it('refuses a huge, negative or non-numeric N', () => {
    expect(problem('top=1000000000')).toBe(`"top" must be from 1 to ${SUBGRAPH_LIMITS.maxNodes} (the most the viewer can draw smoothly), got 1000000000`);
    expect(problem(`top=${'9'.repeat(400)}`)).toMatch(/got 999999999999…$/);
    expect(problem('top=0')).toMatch(/^"top" must be from 1/);
    expect(problem('maxEdges=100001')).toMatch(/^"maxEdges" must be from 0 to 100000/);
    expect(problem('top=-5')).toMatch(/^"top" must be a whole number/);
    expect(problem('top=1e3')).toMatch(/^"top" must be a whole number/);
    expect(problem('minWeight=-1')).toMatch(/^"minWeight" must be a number/);
    expect(problem('minWeight=NaN')).toMatch(/^"minWeight" must be a number/);
  });

  it('refuses unknown kinds, statuses, metrics and parameters, naming what exists', () => {
    expect(problem('kinds=meets,hugs')).toBe('unknown edge kind "hugs" in "kinds"; the graph has: held_in, meets, negotiates_with, participates_in, sanctions, supports');
    expect(problem('status=rumoured')).toMatch(/^unknown status "rumoured"/);
    expect(problem('nodeKinds=planet')).toMatch(/^unknown node kind "planet"/);
    expect(problem('metric=pagerank')).toBe('"metric" must be one of degree, weight, got "pagerank"');
    expect(problem('limit=5')).toMatch(/^unknown parameter "limit"/);
  });

  it('refuses contradictory or incomplete focus parameters', () => {
    expect(problem('node=a&q=b')).toBe('give "node" or "q", not both');
    expect(problem('depth=2')).toBe('"depth" needs "node" or "q"');
    expect(problem('node=a&depth=3')).toMatch(/^"depth" must be from 1 to 2/);
    expect(problem('q=%20%20')).toMatch(/"q".*empty/);
    expect(problem(`q=${'x'.repeat(500)}`)).toMatch(/longer than/);
    expect(problem('top=5&top=6')).toBe('"top" is given 2 times; give it once');
  });
});
