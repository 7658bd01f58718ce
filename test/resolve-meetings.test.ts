// Cross-article meeting resolution on hand-made fragments (no extractor involved), and once end to end.
import { describe, expect, it } from 'vitest';
import { createGraph } from '../src/graph/create.js';
import { mergeFragment } from '../src/graph/merge.js';
import { edgeKey, type EdgeRecord, type Fragment, type NodeRecord } from '../src/graph/model.js';
import { planMeetingMerges, resolveMeetings } from '../src/resolve/meetings.js';
import { readArticle } from '../src/read/index.js';
import { extract } from '../src/extract/index.js';
import { graphOf } from '../src/cli/pipeline.js';

const leader = (slug: string): NodeRecord => ({ key: `leader:${slug}`, attributes: { key: `leader:${slug}`, label: slug, kind: 'leader' } });
const place: NodeRecord = { key: 'place:paris', attributes: { key: 'place:paris', label: 'Paris', kind: 'place' } };

/** The fragment of an article reporting a meeting of anna and bert, on `when` ('undated' for none). */
function report(id: string, when: string, where: 'Paris' | '' = 'Paris', extra = 'anna+bert'): Fragment {
  const key = `meeting:${when}:${extra}`;
  const date = when === 'undated' ? '' : when;
  const people = extra.split('+').map(leader);
  const ev = [`${id}: they met`];
  const edge = (kind: EdgeRecord['attributes']['kind'], s: string, t: string): EdgeRecord => ({
    key: edgeKey(kind, s, t, date), source: s, target: t,
    attributes: { kind, date, status: 'held', evidence: ev, evidence_articles: [id], source: [id], confidence: 0.8, weight: 1, meeting: key },
  });
  const nodes: NodeRecord[] = [...people, { key, attributes: { key, label: `Meeting ${when}`, kind: 'meeting', date, place: where, status: 'held', participants: extra.split('+'), evidence: ev, source: [id] } }];
  const edges = people.map((p) => edge('participates_in', p.key, key));
  edges.push(edge('meets', 'leader:anna', 'leader:bert'));
  if (where) {
    nodes.push(place);
    edges.push(edge('held_in', key, 'place:paris'));
  }
  return { article: { id, lang: 'en', hash: `h-${id}` }, nodes, edges };
}

function build(fragments: Fragment[]) {
  const g = createGraph();
  for (const f of fragments) mergeFragment(g, f);
  resolveMeetings(g);
  return g;
}

describe('resolveMeetings', () => {
  it('merges reports of one meeting dated a day apart or undated; evidence lists every article', () => {
    const g = build([report('a', '2026-03-13'), report('b', '2026-03-14'), report('c', 'undated')]);
    const meetings = g.filterNodes((_, a) => a.kind === 'meeting');
    expect(meetings).toEqual(['meeting:2026-03-13:anna+bert']);
    const m = g.getNodeAttributes(meetings[0]!);
    expect([...m.source!].sort()).toEqual(['a', 'b', 'c']);
    expect(m.evidence).toHaveLength(3);
    // every edge now points at the kept meeting, with its date, and counts the three articles
    const part = edgeKey('participates_in', 'leader:anna', meetings[0]!, '2026-03-13');
    expect(g.hasEdge(part)).toBe(true);
    expect(g.getEdgeAttribute(part, 'weight')).toBe(3);
    expect(g.getEdgeAttribute(edgeKey('meets', 'leader:anna', 'leader:bert', '2026-03-13'), 'weight')).toBe(3);
    expect(g.edges().filter((e) => e.includes('2026-03-14') || e.includes('undated'))).toEqual([]);
    expect(g.getEdgeAttribute(edgeKey('held_in', meetings[0]!, 'place:paris', '2026-03-13'), 'source')).toHaveLength(3);
  });

  it('keeps meetings apart when the dates are two days apart, the places differ, or the participants differ', () => {
    const plan = planMeetingMerges([
      { key: 'meeting:2026-03-13:anna+bert', attributes: { key: '', label: '', kind: 'meeting', place: 'Paris' } },
      { key: 'meeting:2026-03-15:anna+bert', attributes: { key: '', label: '', kind: 'meeting', place: 'Paris' } },
      { key: 'meeting:2026-03-14:anna+bert+carl', attributes: { key: '', label: '', kind: 'meeting', place: 'Paris' } },
      { key: 'meeting:2026-03-16:anna+bert', attributes: { key: '', label: '', kind: 'meeting', place: 'Rome' } },
    ]);
    expect([...plan]).toEqual([]);
  });

  it('does not chain: 13, 14 and 15 are two meetings, and an undated report with two candidates stays apart', () => {
    const g = build([report('a', '2026-03-13'), report('b', '2026-03-14'), report('c', '2026-03-15'), report('d', 'undated')]);
    expect(g.filterNodes((_, a) => a.kind === 'meeting').sort()).toEqual([
      'meeting:2026-03-13:anna+bert', 'meeting:2026-03-15:anna+bert', 'meeting:undated:anna+bert',
    ]);
  });

  it('an unknown place is compatible with a known one', () => {
    const g = build([report('a', '2026-03-13', 'Paris'), report('b', '2026-03-13', ''), report('c', '2026-03-12', '')]);
    expect(g.filterNodes((_, a) => a.kind === 'meeting')).toEqual(['meeting:2026-03-12:anna+bert']);
  });

  it('gives the same graph whatever the order the reports were merged in', () => {
    const fs = [report('a', '2026-03-13'), report('b', '2026-03-14'), report('c', 'undated')];
    const key = (g: ReturnType<typeof build>) => JSON.stringify({ n: g.nodes().sort(), e: g.edges().sort() });
    expect(key(build([...fs].reverse()))).toBe(key(build(fs)));
  });

  it('end to end: two articles published on different days about the same meeting give one meeting node', () => {
    const a = extract(readArticle('date 2026-03-12 Agenzia. Il presidente francese Emmanuel Macron ha incontrato oggi Volodymyr Zelensky a Parigi.', { id: 'it-a' }));
    const b = extract(readArticle('date 2026-03-14 Wire. French President Emmanuel Macron met Volodymyr Zelensky in Paris on Friday.', { id: 'en-b' }));
    const g = graphOf([a, b]);
    const meetings = g.filterNodes((_, at) => at.kind === 'meeting' && (at.participants ?? []).includes('Volodymyr Zelensky'));
    // whatever dates the extractor finds (12 and 13, one day apart), resolution leaves one meeting
    expect(meetings).toHaveLength(1);
    expect([...(g.getNodeAttribute(meetings[0]!, 'source') ?? [])].sort()).toEqual(['en-b', 'it-a']);
  });
});
