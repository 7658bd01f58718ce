// A small hand-made graph for the subgraph protocol's tests (unit and HTTP): degrees, dates and weights
// chosen so that each expected answer follows from the graph's meaning.
import { createGraph, type KnowledgeGraph } from '../../src/graph/create.js';
import { addEdge, addNode } from './sample-graph.js';

export const A = 'leader:anna-alto';
export const B = 'leader:bruno-basso';
export const C = 'leader:carla-corti';
export const D = 'leader:dario-duca';
export const X = 'country:XXA';
export const Y = 'country:YYB';
export const M = 'meeting:2026-03-10:anna-alto+bruno-basso';

/**
 * A and B meet at M (March), A negotiates with C (January), X sanctions D (February), C supports D
 * (undated), M is held in X (undated); Y has no relation. Degrees: A 3, M 3, B 2, C 2, D 2, X 2, Y 0.
 */
export function subgraphSample(): KnowledgeGraph {
  const g = createGraph();
  addNode(g, A, { label: 'Anna Alto', kind: 'leader', aliases: ['A. Alto'] });
  addNode(g, B, { label: 'Bruno Basso', kind: 'leader' });
  addNode(g, C, { label: 'Carla Corti', kind: 'leader' });
  addNode(g, D, { label: 'Dario Duca', kind: 'leader' });
  addNode(g, X, { label: 'Xland', kind: 'country' });
  addNode(g, Y, { label: 'Yland', kind: 'country' });
  addNode(g, M, { label: 'Meeting: Anna Alto – Bruno Basso', kind: 'meeting', date: '2026-03-10', status: 'held' });
  addEdge(g, 'participates_in', A, M, { date: '2026-03-10', status: 'held' });
  addEdge(g, 'participates_in', B, M, { date: '2026-03-10', status: 'held' });
  addEdge(g, 'meets', A, B, { date: '2026-03-10', status: 'held', weight: 5, evidence: ['s1', 's2', 's3', 's4', 's5'], source: ['a1', 'a2', 'a3', 'a4', 'a5'] });
  addEdge(g, 'negotiates_with', A, C, { date: '2026-01-05', status: 'planned' });
  addEdge(g, 'sanctions', X, D, { date: '2026-02-01', status: 'held', weight: 2 });
  addEdge(g, 'supports', C, D, { status: 'reported' });
  addEdge(g, 'held_in', M, X, { status: 'held' });
  g.setAttribute('articles', Object.fromEntries(['a1', 'a2', 'a3', 'a4', 'a5', 'unused'].map((id) => [id, { id, source: 'Test', title: id, lang: 'en', hash: id }])));
  return g;
}
