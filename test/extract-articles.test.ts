// Short articles of our own, Italian and English, exercising what the seed does not: other leaders and
// countries, people absent from the gazetteer, negations, held vs planned vs cancelled, sanctions with a
// named imposer, an English article, a meeting reported twice. Expectations are written by hand from the
// texts, not copied from the extractor's output.
import { describe, expect, it } from 'vitest';
import { directed, edgesOfKind, graphOfFiles, labelsOfKind, pairs } from './helpers/extract-graph.js';

const dir = 'test/fixtures/articles';
const g = (...names: string[]) => graphOfFiles(...names.map((n) => `${dir}/${n}.txt`));

describe('Italian articles', () => {
  it('a meeting held yesterday in Rome (ha incontrato ieri)', () => {
    const graph = g('it_01_vertice_roma');
    expect(labelsOfKind(graph, 'leader')).toEqual(['Friedrich Merz', 'Giorgia Meloni']);
    expect(labelsOfKind(graph, 'country')).toEqual(expect.arrayContaining(['Germany', 'Italy', 'Ukraine']));
    const meets = edgesOfKind(graph, 'meets');
    expect(pairs(meets)).toEqual(['Friedrich Merz ~ Giorgia Meloni']);
    expect(meets[0]).toMatchObject({ date: '2026-05-03', status: 'held' });
    expect(labelsOfKind(graph, 'place')).toEqual(['Rome']);
  });

  it('EU sanctions with a named imposer, adopted and announced', () => {
    const graph = g('it_02_sanzioni_ue');
    const s = edgesOfKind(graph, 'sanctions');
    expect(directed(s)).toEqual(['European Union -> Belarus', 'European Union -> Russia']);
    expect(s.find((e) => e.to === 'Russia')!.status).toBe('held');
    expect(s.find((e) => e.to === 'Belarus')!.status).toBe('planned');
  });

  it('a negated meeting is no meeting; "dove vedrà l\'emiro" is one, in Doha', () => {
    const graph = g('it_03_non_incontro');
    const meets = edgesOfKind(graph, 'meets');
    expect(pairs(meets)).not.toContain('Benjamin Netanyahu ~ Recep Tayyip Erdoğan');
    expect(pairs(meets)).toEqual([expect.stringMatching(/^Hakan Fidan ~ Tamim/)]);
    expect(meets[0]!.status).toBe('planned');
    const [m] = graph.filterNodes((_, a) => a.kind === 'meeting' && (a.participants ?? []).includes('Hakan Fidan'));
    expect(graph.getNodeAttribute(m!, 'place')).toBe('Doha');
  });

  it('negotiations between a state and a non-state group, with two mediators; an unknown negotiator', () => {
    const graph = g('it_04_negoziati_gaza');
    expect(pairs(edgesOfKind(graph, 'negotiates_with'))).toEqual(['Hamas ~ Israel']);
    expect(directed(edgesOfKind(graph, 'mediates')).map((x) => x.split(' -> ')[0])).toEqual(['Egypt', 'Qatar']);
    expect(graph.getNodeAttributes('leader:yossi-shapira')).toMatchObject({ label: 'Yossi Shapira', country: 'Israel' });
  });

  it('a person absent from the gazetteer, found by role + nationality + name, and her counterpart', () => {
    const graph = g('it_05_persona_nuova');
    expect(graph.getNodeAttributes('leader:marta-quintela')).toMatchObject({ country: 'Brazil' });
    expect(graph.getNodeAttribute('leader:marta-quintela', 'role')).toMatch(/foreign minister/i);
    const meets = edgesOfKind(graph, 'meets');
    expect(pairs(meets)).toEqual(['Marta Quintela ~ Wang Yi']);
    expect(meets[0]).toMatchObject({ date: '2026-09-07/2026-09-13', status: 'planned' });
    expect(labelsOfKind(graph, 'place')).toEqual(['Beijing']);
    expect(graph.filterNodes((_, a) => a.kind === 'meeting')).toHaveLength(1);
  });

  it('a cancelled summit stays cancelled; sanctions on companies make no country edge', () => {
    const graph = g('it_06_annullato');
    const meets = edgesOfKind(graph, 'meets');
    expect(pairs(meets)).toEqual(['Donald Trump ~ Vladimir Putin']);
    expect(meets[0]!.status).toBe('cancelled');
    expect(edgesOfKind(graph, 'sanctions')).toEqual([]);
  });

  it('a sanctioning verb (hanno sanzionato) and a secretary of state', () => {
    const graph = g('it_07_sanzioni_usa');
    expect(directed(edgesOfKind(graph, 'sanctions'))).toEqual(['United States -> Venezuela']);
    expect(directed(edgesOfKind(graph, 'represents'))).toContain('Marco Rubio -> United States');
  });
});

describe('English articles', () => {
  it('a planned summit next week, and an earlier one last October', () => {
    const graph = g('en_01_summit');
    const meets = edgesOfKind(graph, 'meets');
    expect(pairs(meets)).toEqual(['Donald Trump ~ Xi Jinping']);
    const byStatus = Object.fromEntries(meets.map((e) => [e.status, e.date]));
    expect(byStatus).toEqual({ planned: '2026-07-13/2026-07-19', held: '2025-10' });
    expect(labelsOfKind(graph, 'place')).toEqual(['Seoul']);
  });

  it('sanctions imposed on Monday by the United Kingdom', () => {
    const graph = g('en_02_sanctions');
    const s = edgesOfKind(graph, 'sanctions');
    expect(directed(s)).toContain('United Kingdom -> Iran');
    expect(s.find((e) => e.from === 'United Kingdom')!.status).toBe('held');
  });

  it('"no talks were held" is no negotiation; "met ... on Saturday" is last Saturday', () => {
    const graph = g('en_03_no_talks');
    expect(edgesOfKind(graph, 'negotiates_with')).toEqual([]);
    const meets = edgesOfKind(graph, 'meets');
    expect(pairs(meets)).toEqual(['Narendra Modi ~ Sanae Takaichi']);
    expect(meets[0]).toMatchObject({ date: '2026-10-03', status: 'held' });
  });

  it('talks held yesterday in Istanbul and a new round proposed in Geneva', () => {
    const graph = g('en_04_envoy');
    const neg = edgesOfKind(graph, 'negotiates_with');
    expect(pairs(neg)).toEqual(['Rustem Umerov ~ Yuri Ushakov']);
    expect(neg.map((e) => e.status).sort()).toEqual(['held', 'proposed']);
    const places = graph.filterNodes((_, a) => a.kind === 'meeting').map((k) => graph.getNodeAttribute(k, 'place')).sort();
    expect(places).toEqual(['Geneva', 'Istanbul']);
  });

  it('one meeting reported by two articles is one node, its edge weighted by both', () => {
    const graph = g('en_05_report_a', 'en_06_report_b');
    const meetings = graph.filterNodes((_, a) => a.kind === 'meeting');
    expect(meetings).toEqual(['meeting:2026-11-02:emmanuel-macron+friedrich-merz']);
    expect(graph.getNodeAttribute(meetings[0]!, 'source')).toEqual(['en_05_report_a', 'en_06_report_b']);
    const meets = edgesOfKind(graph, 'meets');
    expect(meets).toHaveLength(1);
    expect(meets[0]).toMatchObject({ weight: 2, source: ['en_05_report_a', 'en_06_report_b'] });
    expect(new Set(meets[0]!.evidence_articles)).toEqual(new Set(['en_05_report_a', 'en_06_report_b']));
  });
});
