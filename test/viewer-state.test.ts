import { describe, expect, it } from 'vitest';
import { MultiGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import {
  computeVisibility,
  dateSpan,
  dayNumber,
  edgePasses,
  emptyFilters,
  evidenceOf,
  isoDay,
  relationsOf,
  resolveSearch,
  searchNodes,
  summarize,
  toggled,
  type Filters,
} from '../viewer/src/state.js';
import { detectFormat, ensurePositions, NotAGraphError, parseGraphText } from '../viewer/src/load.js';
import { filteredCopy } from '../viewer/src/export.js';

// A small graph written for these tests: two meetings on different days, an undated relation.
function graph() {
  const g = new MultiGraph<Attributes, Attributes, Attributes>({ type: 'mixed' });
  g.setAttribute('articles', { n1: { id: 'n1', source: 'Daily Bugle', title: 'Talks', lang: 'en', hash: 'x' } });
  g.addNode('leader:ana-alves', { label: 'Ana Alves', kind: 'leader', aliases: ['Alves'] });
  g.addNode('leader:bo-berg', { label: 'Bo Berg', kind: 'leader' });
  g.addNode('leader:élodie-roux', { label: 'Élodie Roux', kind: 'leader' });
  g.addNode('country:PRT', { label: 'Portugal', kind: 'country' });
  g.addNode('meeting:2025-05-02:a+b', { label: 'A – B', kind: 'meeting', date: '2025-05-02' });
  g.addNode('meeting:2025-06-10:a+c', { label: 'A – C', kind: 'meeting', date: '2025-06-10' });
  g.addUndirectedEdgeWithKey('m1', 'leader:ana-alves', 'leader:bo-berg', {
    kind: 'meets', date: '2025-05-02', status: 'held', evidence: ['Alves met Berg in Oslo.'], evidence_articles: ['n1'], source: ['n1'],
  });
  g.addDirectedEdgeWithKey('p1', 'leader:ana-alves', 'meeting:2025-05-02:a+b', { kind: 'participates_in', date: '2025-05-02', status: 'held' });
  g.addDirectedEdgeWithKey('p2', 'leader:ana-alves', 'meeting:2025-06-10:a+c', { kind: 'participates_in', date: '2025-06-10', status: 'planned' });
  g.addDirectedEdgeWithKey('l1', 'leader:ana-alves', 'country:PRT', { kind: 'leader_of', date: '', status: 'ongoing' });
  g.addDirectedEdgeWithKey('s1', 'country:PRT', 'leader:bo-berg', { kind: 'sanctions', date: '2025-05', status: 'discussed' });
  return g;
}

const withFilters = (f: Partial<Filters>): Filters => ({ ...emptyFilters(), ...f });

describe('dates', () => {
  it('spans days, months, years and ranges', () => {
    const d = (s: string) => dayNumber(s)!;
    expect(dateSpan('2025-05-02')).toEqual([d('2025-05-02'), d('2025-05-02')]);
    expect(dateSpan('2024-02')).toEqual([d('2024-02-01'), d('2024-02-29')]);
    expect(dateSpan('2025')).toEqual([d('2025-01-01'), d('2025-12-31')]);
    expect(dateSpan('2025-03-16/2025-03-22')).toEqual([d('2025-03-16'), d('2025-03-22')]);
    expect(dateSpan('')).toBeNull();
    expect(dateSpan('next week')).toBeNull();
    expect(dateSpan(undefined)).toBeNull();
    expect(isoDay(d('2026-03-13'))).toBe('2026-03-13');
  });
});

describe('filters', () => {
  it('keeps undated edges unless hideUndated', () => {
    const e = { kind: 'leader_of', date: '', status: 'ongoing' };
    const start = dayNumber('2025-06-01');
    expect(edgePasses(e, withFilters({ dateStart: start }))).toBe(true);
    expect(edgePasses(e, withFilters({ hideUndated: true }))).toBe(false);
  });

  it('hides by kind, status and date window', () => {
    const e = { kind: 'meets', date: '2025-05-02', status: 'held' };
    expect(edgePasses(e, emptyFilters())).toBe(true);
    expect(edgePasses(e, withFilters({ hiddenEdgeKinds: new Set(['meets']) }))).toBe(false);
    expect(edgePasses(e, withFilters({ hiddenStatuses: new Set(['held']) }))).toBe(false);
    expect(edgePasses(e, withFilters({ dateStart: dayNumber('2025-05-03') }))).toBe(false);
    expect(edgePasses(e, withFilters({ dateEnd: dayNumber('2025-05-01') }))).toBe(false);
    expect(edgePasses(e, withFilters({ dateStart: dayNumber('2025-05-02'), dateEnd: dayNumber('2025-05-02') }))).toBe(true);
    // A month overlaps a window that starts inside it.
    expect(edgePasses({ kind: 'sanctions', date: '2025-05', status: 'discussed' }, withFilters({ dateStart: dayNumber('2025-05-20') }))).toBe(true);
  });

  it('hides a meeting whose dated edges are all filtered out, and edges of hidden nodes', () => {
    const g = graph();
    const v = computeVisibility(g, withFilters({ dateStart: dayNumber('2025-06-01') }));
    expect(v.nodes.has('meeting:2025-05-02:a+b')).toBe(false);
    expect(v.nodes.has('meeting:2025-06-10:a+c')).toBe(true);
    expect(v.edges.has('m1')).toBe(false);
    expect(v.edges.has('l1')).toBe(true); // undated stays
    // Filtering by status alone also empties the May meeting.
    const byStatus = computeVisibility(g, withFilters({ hiddenStatuses: new Set(['held']) }));
    expect(byStatus.nodes.has('meeting:2025-05-02:a+b')).toBe(false);
    expect(byStatus.nodes.has('leader:ana-alves')).toBe(true);

    const noCountries = computeVisibility(g, withFilters({ hiddenNodeKinds: toggled(new Set(), 'country', true) }));
    expect(noCountries.nodes.has('country:PRT')).toBe(false);
    expect(noCountries.edges.has('l1')).toBe(false);
    expect(noCountries.edges.has('s1')).toBe(false);
    expect(noCountries.edges.has('m1')).toBe(true);
  });

  it('shows everything with no filters', () => {
    const g = graph();
    const v = computeVisibility(g, emptyFilters());
    expect(v.nodes.size).toBe(g.order);
    expect(v.edges.size).toBe(g.size);
  });

  it('toggled does not mutate its input', () => {
    const s = new Set(['a']);
    const t = toggled(s, 'b', true);
    expect([...s]).toEqual(['a']);
    expect([...t].sort()).toEqual(['a', 'b']);
    expect([...toggled(t, 'a', false)]).toEqual(['b']);
  });
});

describe('summary', () => {
  it('counts kinds and statuses and spans the dates', () => {
    const s = summarize(graph());
    expect(s.nodeKinds.get('leader')).toBe(3);
    expect(s.nodeKinds.get('meeting')).toBe(2);
    expect(s.edgeKinds.get('participates_in')).toBe(2);
    expect(s.statuses.get('held')).toBe(2);
    expect(s.minDay).toBe(dayNumber('2025-05-01'));
    expect(s.maxDay).toBe(dayNumber('2025-06-10'));
    expect(s.undatedEdges).toBe(1);
  });
});

describe('search', () => {
  it('finds by word prefix, alias and without accents, best first', () => {
    const g = graph();
    expect(searchNodes(g, 'berg').map((s) => s.key)).toEqual(['leader:bo-berg']);
    expect(searchNodes(g, 'alves')[0]?.key).toBe('leader:ana-alves');
    expect(searchNodes(g, 'elodie')[0]?.key).toBe('leader:élodie-roux');
    expect(searchNodes(g, '')).toEqual([]);
    expect(searchNodes(g, 'zzz')).toEqual([]);
    expect(resolveSearch(g, 'Bo Berg')).toBe('leader:bo-berg');
    expect(resolveSearch(g, 'country:PRT')).toBe('country:PRT');
    expect(resolveSearch(g, 'nobody')).toBeNull();
  });

  it('ignores hidden nodes when given the visible set', () => {
    const g = graph();
    expect(resolveSearch(g, 'Berg', new Set(['leader:ana-alves']))).toBeNull();
  });
});

describe('relations', () => {
  it('lists relations with direction, date, status and evidence with outlet', () => {
    const g = graph();
    const rel = relationsOf(g, 'leader:bo-berg');
    const meets = rel.find((r) => r.kind === 'meets')!;
    expect(meets.direction).toBe('both');
    expect(meets.otherLabel).toBe('Ana Alves');
    expect(meets.date).toBe('2025-05-02');
    expect(meets.status).toBe('held');
    expect(meets.evidence).toEqual([{ sentence: 'Alves met Berg in Oslo.', articleId: 'n1', outlet: 'Daily Bugle', title: 'Talks' }]);
    expect(rel.find((r) => r.kind === 'sanctions')!.direction).toBe('in');
    expect(relationsOf(g, 'nope')).toEqual([]);
  });

  it('does not read articles through the prototype chain', () => {
    const g = graph();
    const ev = evidenceOf(g, { evidence: ['x'], evidence_articles: ['__proto__'] });
    expect(ev[0]?.outlet).toBe('');
  });
});

describe('loading', () => {
  const gexfNever = () => {
    throw new Error('not used');
  };

  it('reads graphology JSON and refuses what is not a graph', () => {
    const g = graph();
    const back = parseGraphText('g.json', JSON.stringify(g.export()), gexfNever);
    expect(back.order).toBe(g.order);
    expect(back.size).toBe(g.size);
    expect(back.isUndirected('m1')).toBe(true);
    for (const bad of ['', '{', '{"hello": 1}', '[1,2]', '{"nodes": [{"x": 1}]}', '{"nodes": [], "edges": {}}']) {
      expect(() => parseGraphText('x.json', bad, gexfNever)).toThrow(NotAGraphError);
    }
    // An edge to a missing node is refused too.
    expect(() => parseGraphText('x.json', JSON.stringify({ nodes: [{ key: 'a' }], edges: [{ source: 'a', target: 'b' }] }), gexfNever)).toThrow(NotAGraphError);
  });

  it('detects the format by extension, then content', () => {
    expect(detectFormat('a.gexf', '{')).toBe('gexf');
    expect(detectFormat('http://h/graph.json?x=1', '<')).toBe('json');
    expect(detectFormat('blob', '  <?xml')).toBe('gexf');
    expect(detectFormat('blob', '{')).toBe('json');
  });

  it('places nodes without positions', () => {
    const g = graph();
    ensurePositions(g);
    g.forEachNode((_k, a) => {
      expect(Number.isFinite(a.x)).toBe(true);
      expect(Number.isFinite(a.y)).toBe(true);
    });
  });
});

describe('export copy', () => {
  it('keeps only visible elements, without internal attributes', () => {
    const g = graph();
    g.setEdgeAttribute('m1', '__parallelIndex', 1);
    const v = computeVisibility(g, withFilters({ hiddenNodeKinds: new Set(['country']) }));
    const copy = filteredCopy(g, v);
    expect(copy.hasNode('country:PRT')).toBe(false);
    expect(copy.order).toBe(g.order - 1);
    expect(copy.hasEdge('m1')).toBe(true);
    expect(copy.isUndirected('m1')).toBe(true);
    expect(copy.getEdgeAttribute('m1', '__parallelIndex')).toBeUndefined();
    expect(copy.getAttribute('articles')).toEqual(g.getAttribute('articles'));
  });
});
