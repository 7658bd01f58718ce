// The viewer's side of the subgraph protocol (viewer/src/remote.ts) and the relation tooltip
// (display.ts edgeTooltip), in node: the state turned into the query the server reads, checked
// against the server's own parser and answer on the hand-made graph of the protocol's tests.
import { describe, expect, it } from 'vitest';
import { defaultRemoteView, parseMeta, parseSubgraphInfo, remoteNote, subgraphParams, summaryOfMeta } from '../viewer/src/remote.js';
import { edgeTooltip } from '../viewer/src/display.js';
import { dayNumber, emptyFilters, initialState, type ViewState } from '../viewer/src/state.js';
import { indexGraph, querySubgraph } from '../src/serve/subgraph.js';
import { parseSubgraphQuery } from '../src/serve/subgraph-query.js';
import { A, C, subgraphSample } from './helpers/subgraph-sample.js';

const index = indexGraph(subgraphSample());
/** The meta as the viewer receives it: through JSON. */
const meta = parseMeta(JSON.parse(JSON.stringify(index.meta)));
const view = defaultRemoteView(meta);
const state = (patch: Partial<ViewState> = {}, filters: Partial<ViewState['filters']> = {}): ViewState => ({ ...initialState(), ...patch, filters: { ...emptyFilters(), ...filters } });

describe('parseMeta and summaryOfMeta', () => {
  it('reads /api/meta into the summary the filters and timeline show', () => {
    expect(meta.nodes).toBe(7);
    const s = summaryOfMeta(meta);
    expect([...s.nodeKinds]).toEqual([['country', 2], ['leader', 4], ['meeting', 1]]);
    expect(s.minDay).toBe(dayNumber('2026-01-05'));
    expect(s.maxDay).toBe(dayNumber('2026-03-10'));
    expect(s.undatedEdges).toBe(2);
  });

  it('refuses what is not a subgraph description', () => {
    expect(() => parseMeta({ nodes: 3 })).toThrow(/not a subgraph description/);
    expect(() => parseMeta(null)).toThrow(/not a subgraph description/);
    expect(() => parseMeta({ mode: 'subgraph', nodes: 1, edges: 1 })).toThrow(/has no "nodeKinds"/);
  });
});

describe('subgraphParams', () => {
  it('asks nothing of a fresh state: the server\'s default view', () => {
    expect(subgraphParams(state(), meta, view).toString()).toBe('');
  });

  it('turns hidden kinds and statuses into the lists shown, folded meetings into no meeting nodes', () => {
    const p = subgraphParams(state({}, { hiddenEdgeKinds: new Set(['meets']), hiddenStatuses: new Set(['planned']), foldMeetings: true, hideUndated: true }), meta, view);
    expect(p.get('kinds')).toBe('held_in,negotiates_with,participates_in,sanctions,supports');
    expect(p.get('status')).toBe('held,reported');
    expect(p.get('nodeKinds')).toBe('country,leader');
    expect(p.get('undated')).toBe('hide');
  });

  it('sends the window as days, the caps when changed, and the neighbourhood of a selection only with a depth', () => {
    const p = subgraphParams(state({ selected: C, depth: 2 }, { dateStart: dayNumber('2026-01-01'), dateEnd: dayNumber('2026-02-28') }), meta, { top: 10, maxEdges: 50, minWeight: 2 });
    expect(Object.fromEntries(p)).toEqual({ from: '2026-01-01', to: '2026-02-28', minWeight: '2', top: '10', maxEdges: '50', node: C, depth: '2' });
    expect(subgraphParams(state({ selected: C, depth: 0 }), meta, view).has('node')).toBe(false);
    expect(Object.fromEntries(subgraphParams(state({ selected: C, depth: 2 }), meta, view, { q: 'anna' }))).toEqual({ q: 'anna', depth: '1' });
  });

  it('asks what the server parses, and gets what the viewer\'s own filters would show', () => {
    const s = state({}, { hiddenEdgeKinds: new Set(['participates_in']), dateEnd: dayNumber('2026-02-15') });
    const q = parseSubgraphQuery(subgraphParams(s, meta, view), index.vocabulary);
    const answer = querySubgraph(index, q);
    // the March meeting is outside the window, and with it its held_in relation
    expect(answer.edges.map((e) => e.attributes.kind).sort()).toEqual(['negotiates_with', 'sanctions', 'supports']);
  });
});

describe('remoteNote', () => {
  const answer = (qs: string) => parseSubgraphInfo(JSON.parse(JSON.stringify(querySubgraph(index, parseSubgraphQuery(new URLSearchParams(qs), index.vocabulary)))))!;

  it('says how much of the whole graph is shown, and how to see what the caps left out', () => {
    expect(remoteNote(answer('top=3'))).toBe('showing 3 of 7 nodes and 2 of 7 relations of the whole graph; 4 nodes and 5 relations the filters select are not shown: ' +
      'narrow the time window, raise the minimum weight or search a name to see others');
    // only what is left out is named
    expect(remoteNote(answer('maxEdges=6'))).toBe('showing 7 of 7 nodes and 6 of 7 relations of the whole graph; 1 relation the filters select is not shown: ' +
      'narrow the time window, raise the minimum weight or search a name to see others');
    expect(remoteNote(answer(''))).toBe('showing 7 of 7 nodes and 7 of 7 relations of the whole graph; everything the filters select is shown');
    expect(remoteNote(answer(`node=${encodeURIComponent(A)}`))).toMatch(/\(a neighbourhood\); everything the filters select is shown$/);
  });

  it('has no summary for a plain graph.json', () => {
    expect(parseSubgraphInfo({ nodes: [], edges: [] })).toBeNull();
  });
});

describe('edgeTooltip', () => {
  it('names the relation, its ends (an arrow when directed), date, status, weight and sentences', () => {
    expect(edgeTooltip({ kind: 'sanctions', date: '2026-02-01', status: 'held', weight: 3, evidence: ['a'], evidence_count: 12 }, 'Xland', 'Dario Duca', true)).toEqual([
      'sanctions: Xland → Dario Duca',
      '2026-02-01 · held',
      'weight 3 · 12 sentences',
    ]);
    expect(edgeTooltip({ kind: 'meets', date: '', evidence: ['one'] }, 'A', 'B', false)).toEqual(['meets: A – B', 'undated · no status', '1 sentence']);
  });
});
