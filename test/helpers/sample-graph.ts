// A small but realistic knowledge graph for export/layout tests. Hand-written (not the output of the
// extractor) so that these tests do not depend on extraction; the texts exercise every XML hazard:
// quotes, ampersands, < and >, emoji (astral plane), accents, commas and pipes inside list items.
import { createGraph, type KnowledgeGraph } from '../../src/graph/create.js';
import {
  edgeKey,
  UNDIRECTED_KINDS,
  type EdgeAttributes,
  type EdgeKind,
  type NodeAttributes,
  type Status,
} from '../../src/graph/model.js';

type NodeInput = Omit<NodeAttributes, 'key'>;

export function addNode(graph: KnowledgeGraph, key: string, attrs: NodeInput): void {
  graph.addNode(key, { key, ...attrs });
}

export interface EdgeInput {
  date?: string;
  status?: Status;
  evidence?: string[];
  source?: string[];
  confidence?: number;
  weight?: number;
  meeting?: string;
}

/** Adds an edge the way the pipeline does: key from `edgeKey`, undirected for UNDIRECTED_KINDS. */
export function addEdge(graph: KnowledgeGraph, kind: EdgeKind, source: string, target: string, input: EdgeInput = {}): string {
  const date = input.date ?? '';
  const evidence = input.evidence ?? [];
  const src = input.source ?? ['a1'];
  const attrs: EdgeAttributes = {
    kind,
    date,
    status: input.status ?? 'reported',
    evidence,
    evidence_articles: evidence.map((_, i) => src[i % src.length] ?? 'a1'),
    source: src,
    confidence: input.confidence ?? 0.8,
    weight: input.weight ?? src.length,
    ...(input.meeting ? { meeting: input.meeting } : {}),
  };
  const key = edgeKey(kind, source, target, date);
  if (UNDIRECTED_KINDS.has(kind)) graph.addUndirectedEdgeWithKey(key, source, target, attrs);
  else graph.addDirectedEdgeWithKey(key, source, target, attrs);
  return key;
}

export const MEETING = 'meeting:2026-03-13:emmanuel-macron+volodymyr-zelensky';
export const SUMMIT = 'meeting:2026-03-16/2026-03-22:coalition-summit';

export function sampleGraph(): KnowledgeGraph {
  const g = createGraph();
  g.setAttribute('name', 'sample');
  g.setAttribute('articles', {
    a1: { id: 'a1', date: '2026-03-12', source: 'Test Wire', lang: 'en', hash: 'h1' },
    a2: { id: 'a2', date: '2026-03-14', source: 'Agenzia "Prova"', lang: 'it', hash: 'h2' },
  });

  addNode(g, 'leader:emmanuel-macron', {
    label: 'Emmanuel Macron',
    kind: 'leader',
    role: 'President of France',
    country: 'France',
    aliases: ['Macron', 'il presidente francese', 'président, "Macron"'],
    wikidata: 'Q3052772',
    source: ['a1', 'a2'],
  });
  addNode(g, 'leader:volodymyr-zelensky', {
    label: 'Volodymyr Zelensky',
    kind: 'leader',
    role: 'President of Ukraine',
    country: 'Ukraine',
    aliases: ['Zelensky', 'Zelens\'kyj'],
    source: ['a1'],
  });
  addNode(g, 'leader:recep-tayyip-erdogan', {
    label: 'Recep Tayyip Erdoğan',
    kind: 'leader',
    role: 'President of Türkiye',
    country: 'Türkiye',
    aliases: [],
  });
  addNode(g, 'country:FRA', { label: 'France', kind: 'country', iso: 'FRA', wikidata: 'Q142' });
  addNode(g, 'country:UKR', { label: 'Ukraine', kind: 'country', iso: 'UKR' });
  addNode(g, 'country:RUS', { label: 'Russia', kind: 'country', iso: 'RUS' });
  addNode(g, 'country:TUR', { label: 'Türkiye', kind: 'country', iso: 'TUR' });
  addNode(g, 'alliance:coalition-of-the-willing', { label: 'Coalition of the Willing & Friends <CoW>', kind: 'alliance' });
  addNode(g, 'alliance:EU', { label: 'European Union', kind: 'alliance', wikidata: 'Q458' });
  addNode(g, 'place:paris', { label: 'Paris', kind: 'place', country: 'France' });
  addNode(g, 'place:istanbul', { label: 'İstanbul', kind: 'place', country: 'Türkiye' });
  addNode(g, MEETING, {
    label: 'Macron – Zelensky meeting 🤝',
    kind: 'meeting',
    date: '2026-03-13',
    place: 'Paris',
    status: 'held',
    participants: ['Emmanuel Macron', 'Volodymyr Zelensky'],
    evidence: ['Macron ha ricevuto Zelensky all\'Eliseo: "un incontro utile" 🇫🇷🇺🇦.'],
    source: ['a1'],
  });
  addNode(g, SUMMIT, {
    label: 'Coalition summit',
    kind: 'meeting',
    date: '2026-03-16/2026-03-22',
    place: 'İstanbul',
    status: 'planned',
    participants: ['Emmanuel Macron', 'Recep Tayyip Erdoğan', 'Volodymyr Zelensky'],
    evidence: ['Leaders will meet in Istanbul between 16 & 22 March, "if talks hold" | sources say.'],
  });
  addNode(g, 'meeting:2026-01:talks', {
    label: 'January talks',
    kind: 'meeting',
    date: '2026-01',
    status: 'discussed',
  });
  addNode(g, 'meeting:undated', { label: 'Talks (no date)', kind: 'meeting', date: '', status: 'proposed' });

  addEdge(g, 'meets', 'leader:emmanuel-macron', 'leader:volodymyr-zelensky', {
    date: '2026-03-13',
    status: 'held',
    evidence: [
      'Emmanuel Macron met Volodymyr Zelensky in Paris on 13 March, saying "we stand together" 🤝.',
      'Il presidente francese ha incontrato Zelensky: "è un momento decisivo".',
    ],
    source: ['a1', 'a2'],
    meeting: MEETING,
  });
  addEdge(g, 'participates_in', 'leader:emmanuel-macron', MEETING, { date: '2026-03-13', status: 'held', meeting: MEETING });
  addEdge(g, 'participates_in', 'leader:volodymyr-zelensky', MEETING, { date: '2026-03-13', status: 'held', meeting: MEETING });
  addEdge(g, 'held_in', MEETING, 'place:paris', { date: '2026-03-13', status: 'held' });
  addEdge(g, 'held_in', SUMMIT, 'place:istanbul', { date: '2026-03-16/2026-03-22', status: 'planned' });
  addEdge(g, 'participates_in', 'leader:recep-tayyip-erdogan', SUMMIT, { date: '2026-03-16/2026-03-22', status: 'planned', meeting: SUMMIT });
  addEdge(g, 'mediates', 'leader:recep-tayyip-erdogan', SUMMIT, {
    date: '2026-03-16/2026-03-22',
    status: 'planned',
    evidence: ['Erdoğan offered to mediate: talks <in Istanbul> & "soon".'],
    meeting: SUMMIT,
  });
  addEdge(g, 'negotiates_with', 'country:UKR', 'country:RUS', {
    date: '2026-01',
    status: 'ongoing',
    evidence: ['Kyiv and Moscow negotiated in January, a, b | c.'],
    source: ['a1', 'a2'],
    weight: 2,
  });
  addEdge(g, 'sanctions', 'alliance:EU', 'country:RUS', {
    date: '',
    status: 'reported',
    evidence: ['The EU imposed new sanctions on Russia (package #20 > #19).'],
    confidence: 0.95,
  });
  // Same kind and endpoints at another date: a parallel edge (the multigraph case).
  addEdge(g, 'sanctions', 'alliance:EU', 'country:RUS', { date: '2026-03-13', status: 'planned' });
  addEdge(g, 'leader_of', 'leader:emmanuel-macron', 'country:FRA');
  addEdge(g, 'leader_of', 'leader:volodymyr-zelensky', 'country:UKR');
  addEdge(g, 'leader_of', 'leader:recep-tayyip-erdogan', 'country:TUR');
  addEdge(g, 'member_of', 'country:FRA', 'alliance:coalition-of-the-willing');
  addEdge(g, 'member_of', 'country:FRA', 'alliance:EU');
  return g;
}

/** A graph whose edges include self-loops (directed and undirected) and an isolated node. */
export function selfLoopGraph(): KnowledgeGraph {
  const g = createGraph();
  addNode(g, 'country:FRA', { label: 'France', kind: 'country', iso: 'FRA' });
  addNode(g, 'country:ITA', { label: 'Italy', kind: 'country', iso: 'ITA' });
  addNode(g, 'place:rome', { label: 'Rome', kind: 'place', country: 'Italy' });
  addEdge(g, 'supports', 'country:FRA', 'country:FRA', { date: '2026-02', evidence: ['France supports itself.'] });
  addEdge(g, 'meets', 'country:ITA', 'country:ITA', { date: '2026-02-28' });
  addEdge(g, 'calls_on', 'country:ITA', 'country:FRA');
  return g;
}
