// Turning a file's text into a graph: graphology JSON (`graph.export()`) or GEXF. Pure apart from the
// GEXF parser, which is passed in because graphology-gexf's browser build needs DOMParser.
import { MultiGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import type { AnyGraph } from './state.js';

export type GexfParser = (text: string) => AnyGraph;

/** A file that is not a graph: the message is shown to the user as is. */
export class NotAGraphError extends Error {
  override name = 'NotAGraphError';
}

export type GraphFormat = 'json' | 'gexf';

/** Picks the format by file extension, then by the first character (GEXF is XML). */
export function detectFormat(name: string, text: string): GraphFormat {
  const lower = name.toLowerCase().split(/[?#]/, 1)[0] ?? '';
  if (lower.endsWith('.gexf') || lower.endsWith('.xml')) return 'gexf';
  if (lower.endsWith('.json')) return 'json';
  return text.trimStart().startsWith('<') ? 'gexf' : 'json';
}

function newGraph(): AnyGraph {
  // Mixed multigraph: the pipeline keeps parallel relations (meets and negotiates_with between the
  // same two leaders) and mixes undirected with directed kinds.
  return new MultiGraph<Attributes, Attributes, Attributes>({ type: 'mixed', allowSelfLoops: true });
}

interface SerializedLike {
  nodes?: unknown;
  edges?: unknown;
  attributes?: unknown;
}

export function parseJsonGraph(text: string): AnyGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new NotAGraphError(`not a graph: the file is not valid JSON (${(err as Error).message})`);
  }
  return graphFromData(data);
}

/** A graph from parsed JSON in graph.export()'s shape (a file, or a part of a large graph from the server). */
export function graphFromData(data: unknown): AnyGraph {
  const d = data as SerializedLike;
  if (typeof data !== 'object' || data === null || !Array.isArray(d.nodes)) {
    throw new NotAGraphError('not a graph: the JSON has no "nodes" list (expected graphology\'s graph.export())');
  }
  if (d.edges !== undefined && !Array.isArray(d.edges)) {
    throw new NotAGraphError('not a graph: "edges" is not a list');
  }
  for (const n of d.nodes as unknown[]) {
    if (typeof n !== 'object' || n === null || !('key' in n)) throw new NotAGraphError('not a graph: a node has no "key"');
  }
  const graph = newGraph();
  try {
    graph.import(data as Parameters<AnyGraph['import']>[0]);
  } catch (err) {
    throw new NotAGraphError(`not a graph: ${(err as Error).message}`);
  }
  return graph;
}

/**
 * Why a text is not a GEXF document, or null. Browsers' DOMParser does not throw on malformed XML: it
 * returns a document holding a <parsererror>, which graphology-gexf then read as an EMPTY graph, so a
 * truncated or broken file silently replaced the graph on show. Outside a browser (unit tests) there is
 * no DOMParser and the injected parser decides alone.
 */
export function xmlProblem(text: string): string | null {
  if (typeof DOMParser === 'undefined') return null;
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    const detail = (error.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 160);
    return `the GEXF is not well-formed XML${detail ? ` (${detail})` : ''}`;
  }
  const root = doc.documentElement?.localName;
  return root === 'gexf' ? null : `the XML root is <${root ?? '?'}>, not <gexf>`;
}

export function parseGraphText(name: string, text: string, parseGexf: GexfParser): AnyGraph {
  if (text.trim() === '') throw new NotAGraphError('not a graph: the file is empty');
  if (detectFormat(name, text) === 'json') return parseJsonGraph(text);
  const malformed = xmlProblem(text);
  if (malformed) throw new NotAGraphError(`not a graph: ${malformed}`);
  let parsed: AnyGraph;
  try {
    parsed = parseGexf(text);
  } catch (err) {
    throw new NotAGraphError(`not a graph: the GEXF could not be read (${(err as Error).message})`);
  }
  // Copy into a mixed multigraph so every loaded graph has the same shape.
  const graph = newGraph();
  graph.import(parsed.export());
  return graph;
}

/**
 * Makes a loaded graph drawable: sigma needs numeric x and y on every node. Nodes without a position
 * are put on a circle (deterministic, so two loads of one file look the same).
 */
export function ensurePositions(graph: AnyGraph): void {
  const missing: string[] = [];
  graph.forEachNode((key, a) => {
    if (typeof a.x !== 'number' || typeof a.y !== 'number' || !Number.isFinite(a.x) || !Number.isFinite(a.y)) missing.push(key);
  });
  const r = Math.max(1, Math.sqrt(graph.order)) * 10;
  missing.forEach((key, i) => {
    const angle = (2 * Math.PI * i) / missing.length;
    graph.mergeNodeAttributes(key, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
}
