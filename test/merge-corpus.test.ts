// mergeFragment at corpus scale: idempotent, weights count distinct articles, evidence de-duplicated;
// GraphMerger counts a syndicated copy (same text, other id) once.
import { describe, expect, it } from 'vitest';
import { createGraph } from '../src/graph/create.js';
import { mergeFragment } from '../src/graph/merge.js';
import { edgeKey, type Fragment } from '../src/graph/model.js';
import { GraphMerger } from '../src/cli/pipeline.js';

function fragment(id: string, hash: string, sentence: string): Fragment {
  const key = edgeKey('sanctions', 'country:USA', 'country:RUS', '');
  return {
    article: { id, lang: 'en', hash },
    nodes: ['USA', 'RUS'].map((iso) => ({ key: `country:${iso}`, attributes: { key: `country:${iso}`, label: iso, kind: 'country' as const, iso } })),
    edges: [{ key, source: 'country:USA', target: 'country:RUS', attributes: { kind: 'sanctions', date: '', status: 'reported', evidence: [sentence], evidence_articles: [id], source: [id], confidence: 0.7, weight: 1 } }],
  };
}

describe('mergeFragment', () => {
  it('counts independent articles in weight and keeps each evidence sentence once per article', () => {
    const g = createGraph();
    expect(mergeFragment(g, fragment('a', 'ha', 'US sanctions Russia.'))).toBe(true);
    expect(mergeFragment(g, fragment('a', 'ha', 'US sanctions Russia.'))).toBe(false);
    mergeFragment(g, fragment('b', 'hb', 'US sanctions Russia.'));
    mergeFragment(g, fragment('c', 'hc', 'New US sanctions on Russia.'));
    const e = g.getEdgeAttributes(g.edges()[0]!);
    expect(e.weight).toBe(3);
    expect(e.source).toEqual(['a', 'b', 'c']);
    expect(e.evidence).toEqual(['US sanctions Russia.', 'US sanctions Russia.', 'New US sanctions on Russia.']);
    expect(e.evidence_articles).toEqual(['a', 'b', 'c']);
    expect(Object.keys(g.getAttribute('articles')!)).toEqual(['a', 'b', 'c']);
  });

  it('does not share lists between the fragment and the graph', () => {
    const g = createGraph();
    const f = fragment('a', 'ha', 'x');
    mergeFragment(g, f);
    mergeFragment(g, fragment('b', 'hb', 'y'));
    expect(f.edges[0]!.attributes.source).toEqual(['a']);
  });
});

describe('GraphMerger', () => {
  it('counts the same text under another id once, and skips an id reused with other content', () => {
    const m = new GraphMerger();
    m.add(fragment('a', 'same', 'x'), 'a.txt');
    m.add(fragment('copy-of-a', 'same', 'x'), 'copy.txt');
    m.add(fragment('a', 'other', 'y'), 'elsewhere/a.txt');
    expect(m.report).toMatchObject({ merged: 1, duplicates: 1 });
    expect(m.report.skipped.map((s) => s.name)).toEqual(['elsewhere/a.txt']);
    expect(m.graph.getEdgeAttribute(m.graph.edges()[0]!, 'weight')).toBe(1);
  });
});
