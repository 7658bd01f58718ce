// Test helper: the graph of one or more article files, through the real pipeline (read → extract → merge).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readArticle } from '../../src/read/index.js';
import { extract } from '../../src/extract/index.js';
import { createGraph, type KnowledgeGraph } from '../../src/graph/create.js';
import { mergeFragment } from '../../src/graph/merge.js';
import type { EdgeAttributes, NodeAttributes } from '../../src/graph/model.js';

export function graphOfFiles(...paths: string[]): KnowledgeGraph {
  const graph = createGraph();
  for (const p of paths) mergeFragment(graph, extract(readArticle(readFileSync(p), { id: basename(p, '.txt') })));
  return graph;
}

export function graphOfText(text: string, id = 'test', date?: string): KnowledgeGraph {
  const graph = createGraph();
  mergeFragment(graph, extract(readArticle(text, { id, date })));
  return graph;
}

export function labelsOfKind(graph: KnowledgeGraph, kind: NodeAttributes['kind']): string[] {
  return graph.filterNodes((_, a) => a.kind === kind).map((k) => graph.getNodeAttribute(k, 'label')).sort();
}

export interface EdgeView extends EdgeAttributes {
  from: string;
  to: string;
}

/** Edges of a kind with their endpoints' labels. */
export function edgesOfKind(graph: KnowledgeGraph, kind: EdgeAttributes['kind']): EdgeView[] {
  return graph.filterEdges((_, a) => a.kind === kind).map((e) => ({
    ...graph.getEdgeAttributes(e),
    from: graph.getNodeAttribute(graph.source(e), 'label'),
    to: graph.getNodeAttribute(graph.target(e), 'label'),
  }));
}

/** Undirected pairs as sorted "A ~ B" strings. */
export function pairs(edges: EdgeView[]): string[] {
  return [...new Set(edges.map((e) => [e.from, e.to].sort().join(' ~ ')))].sort();
}

export function directed(edges: EdgeView[]): string[] {
  return [...new Set(edges.map((e) => `${e.from} -> ${e.to}`))].sort();
}
