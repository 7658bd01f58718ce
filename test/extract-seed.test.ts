// The seed article end to end: the facts a user expects to see (issue "newsgraph core").
import { describe, expect, it } from 'vitest';
import { directed, edgesOfKind, graphOfFiles, labelsOfKind, pairs } from './helpers/extract-graph.js';

const graph = graphOfFiles('seeds/000_9fb3d8e6ccd01cfd.txt');
const node = (key: string) => graph.getNodeAttributes(key);

describe('seed article', () => {
  it('finds each leader exactly once, with country and role', () => {
    expect(labelsOfKind(graph, 'leader')).toEqual(
      ['Donald Trump', 'Emmanuel Macron', 'Kirill Dmitriev', 'Steve Witkoff', 'Vladimir Putin', 'Volodymyr Zelensky'],
    );
    expect(node('leader:emmanuel-macron')).toMatchObject({ country: 'France', role: 'President' });
    expect(node('leader:vladimir-putin')).toMatchObject({ country: 'Russia', role: 'President' });
    expect(node('leader:kirill-dmitriev').country).toBe('Russia');
    expect(node('leader:steve-witkoff').country).toBe('United States');
    expect(node('leader:steve-witkoff').role).toMatch(/envoy/i);
  });

  it('finds each country exactly once; capitals and adjectives are mentions, not new countries', () => {
    expect(labelsOfKind(graph, 'country')).toEqual(['France', 'Iran', 'Russia', 'Switzerland', 'Turkey', 'Ukraine', 'United States']);
    expect(node('country:FRA').iso).toBe('FRA');
  });

  it('finds the Coalition of the Willing and the places Paris and Florida', () => {
    expect(labelsOfKind(graph, 'alliance')).toEqual(['Coalition of the Willing']);
    expect(labelsOfKind(graph, 'place')).toEqual(['Florida', 'Paris']);
    expect(node('place:paris').country).toBe('France');
  });

  it('makes one node of the Macron–Zelensky meeting although the article speaks of it three times', () => {
    const meetings = graph.filterNodes((_, a) => a.kind === 'meeting' && (a.participants ?? []).includes('Emmanuel Macron'));
    expect(meetings).toEqual(['meeting:2026-03-13:emmanuel-macron+volodymyr-zelensky']);
    const m = node(meetings[0]!);
    expect(m).toMatchObject({ date: '2026-03-13', place: 'Paris', status: 'planned' });
    expect(m.evidence!.length).toBeGreaterThanOrEqual(2);
    expect(graph.hasEdge('held_in:meeting:2026-03-13:emmanuel-macron+volodymyr-zelensky->place:paris@2026-03-13')).toBe(true);
  });

  it('dates the Florida meeting the day before the article, held, with Dmitriev and Witkoff', () => {
    const [m] = graph.filterNodes((_, a) => a.kind === 'meeting' && a.place === 'Florida');
    expect(m).toBeDefined();
    expect(node(m!)).toMatchObject({ date: '2026-03-11', status: 'held' });
    expect(node(m!).participants).toEqual(expect.arrayContaining(['Kirill Dmitriev', 'Steve Witkoff']));
  });

  it('has the proposed round of talks between Kyiv and Moscow next week, in Switzerland or Turkey, mediated by the US', () => {
    const [round] = graph.filterNodes((_, a) => a.kind === 'meeting' && (a.participants ?? []).includes('Ukraine'));
    expect(round).toBeDefined();
    expect(node(round!)).toMatchObject({ date: '2026-03-16/2026-03-22', status: 'proposed' });
    expect(node(round!).place).toMatch(/Switzerland/);
    expect(node(round!).place).toMatch(/Turkey/);
    expect(graph.hasEdge(`mediates:country:USA->${round}@2026-03-16/2026-03-22`)).toBe(true);
  });

  it('has the expected meets, negotiates_with and sanctions edges, and no invented imposer', () => {
    expect(pairs(edgesOfKind(graph, 'meets'))).toEqual(['Emmanuel Macron ~ Volodymyr Zelensky', 'Kirill Dmitriev ~ Steve Witkoff']);
    const negotiates = edgesOfKind(graph, 'negotiates_with');
    expect(pairs(negotiates)).toEqual(expect.arrayContaining(['Russia ~ Ukraine', 'Russia ~ United States']));
    expect(negotiates.find((e) => [e.from, e.to].sort().join() === 'Russia,Ukraine')!.status).toBe('proposed');
    const sanctions = edgesOfKind(graph, 'sanctions');
    expect(directed(sanctions)).toContain('France -> Russia');
    expect(sanctions.find((e) => e.from === 'France')!.status).toBe('discussed');
    // the sanctions of the last paragraph have no imposer: nothing but the pressure Macron and Zelensky discuss
    for (const e of sanctions) expect(['France', 'Ukraine']).toContain(e.from);
  });

  it('gives every edge the attributes of the contract', () => {
    graph.forEachEdge((_, a) => {
      expect(a.evidence.length).toBeGreaterThan(0);
      expect(a.source).toEqual(['000_9fb3d8e6ccd01cfd']);
      expect(a.weight).toBe(1);
      expect(a.confidence).toBeGreaterThan(0);
      expect(['held', 'planned', 'proposed', 'discussed', 'cancelled', 'ongoing', 'reported']).toContain(a.status);
    });
  });
});
