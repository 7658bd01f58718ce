// JSON export: graphology's own serialization (`graph.export()`), which the viewer and other graphology
// tools import directly, made byte-stable: nodes and edges sorted by key, object keys sorted, one node
// or edge per line (small diffs between builds). `fromJson` is the inverse, with shape validation.
import type { SerializedEdge, SerializedGraph, SerializedNode } from 'graphology-types';
import { UserError } from '../errors.js';
import { createGraph, type KnowledgeGraph } from '../graph/create.js';
import { interner } from '../graph/merge.js';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph/model.js';

export type SerializedKnowledgeGraph = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function toJson(graph: KnowledgeGraph): string {
  const data = graph.export();
  const byKey = <T extends { key: string }>(a: T, b: T): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const nodes = [...data.nodes].sort(byKey);
  const edges = [...data.edges].sort((a, b) => byKey({ key: a.key ?? '' }, { key: b.key ?? '' }));
  const lines = (items: readonly unknown[]): string =>
    items.length === 0 ? '[]' : `[\n${items.map((it) => stableStringify(it)).join(',\n')}\n]`;
  return (
    `{"options":${stableStringify(data.options)},\n"attributes":${stableStringify(data.attributes)},\n` +
    `"nodes":${lines(nodes)},\n"edges":${lines(edges)}}\n`
  );
}

/**
 * The text of `toJson(graph)` in chunks (the header, then one node or edge line at a time), for files
 * too large for one string (a 100,000-article graph's JSON approaches V8's string limit).
 */
export function* jsonChunks(graph: KnowledgeGraph): Generator<string, void, undefined> {
  const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  yield `{"options":${stableStringify({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops })},\n"attributes":${stableStringify(graph.getAttributes())},\n"nodes":`;
  const nodes = graph.nodes().sort(byKey);
  if (nodes.length === 0) yield '[]';
  for (let i = 0; i < nodes.length; i++) {
    const key = nodes[i]!;
    const attributes = graph.getNodeAttributes(key);
    // like graph.export(): no `attributes` member when there are none
    const n = Object.keys(attributes).length ? { key, attributes } : { key };
    yield `${i === 0 ? '[\n' : ',\n'}${stableStringify(n)}${i === nodes.length - 1 ? '\n]' : ''}`;
  }
  yield ',\n"edges":';
  const edges = graph.edges().sort(byKey);
  if (edges.length === 0) yield '[]';
  for (let i = 0; i < edges.length; i++) {
    const key = edges[i]!;
    const [source, target] = graph.extremities(key);
    const attributes = graph.getEdgeAttributes(key);
    const e: Record<string, unknown> = { key, source, target };
    if (Object.keys(attributes).length) e.attributes = attributes;
    if (graph.isUndirected(key)) e.undirected = true;
    yield `${i === 0 ? '[\n' : ',\n'}${stableStringify(e)}${i === edges.length - 1 ? '\n]' : ''}`;
  }
  yield '}\n';
}

/**
 * JSON.stringify with object keys in sorted order (arrays keep theirs). The keys are sorted on a copy
 * and the copy goes to the native JSON.stringify without a replacer: a replacer function is called
 * for every value, including each string of every evidence list, which made it the main cost of
 * writing a corpus graph (3× slower on a 10k-article graph).
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortedCopy(value));
}

/** Plain objects → copies with sorted keys, recursively; arrays of primitives are shared, not copied. */
function sortedCopy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.some((x) => x !== null && typeof x === 'object') ? v.map(sortedCopy) : v;
  // Date, typed arrays and anything else with toJSON: JSON.stringify handles them as before.
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return v;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) sorted[k] = sortedCopy((v as Record<string, unknown>)[k]);
  return sorted;
}

/** Parses a file written by `toJson` (or any graphology export of our model). UserError when it is not one. */
export function fromJson(text: string): KnowledgeGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(`not a newsgraph graph: invalid JSON (${(err as Error).message})`);
  }
  const problem = shapeProblem(data);
  if (problem) throw new UserError(`not a newsgraph graph: ${problem}`);
  const graph = createGraph();
  try {
    graph.import(data as SerializedKnowledgeGraph);
  } catch (err) {
    throw new UserError(`not a newsgraph graph: ${(err as Error).message.replace(/\s+/g, ' ')}`);
  }
  return graph;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first thing wrong with the shape, or null. Checks what the pipeline relies on, not every field. */
function shapeProblem(data: unknown): string | null {
  if (!isObject(data)) return 'the top level is not an object';
  if (!Array.isArray(data.nodes)) return 'no "nodes" array';
  if (!Array.isArray(data.edges)) return 'no "edges" array';
  if (data.attributes !== undefined && !isObject(data.attributes)) return '"attributes" is not an object';
  for (const [i, n] of (data.nodes as unknown[]).entries()) {
    const problem = nodeProblem(n, i);
    if (problem) return problem;
  }
  for (const [i, e] of (data.edges as unknown[]).entries()) {
    const problem = edgeProblem(e, i);
    if (problem) return problem;
  }
  return null;
}

function nodeProblem(n: unknown, i: number): string | null {
  if (!isObject(n) || typeof n.key !== 'string') return `node #${i} has no string "key"`;
  const a = (n as Partial<SerializedNode>).attributes;
  if (!isObject(a)) return `node "${n.key}" has no attributes`;
  if (typeof a.kind !== 'string') return `node "${n.key}" has no "kind"`;
  if (typeof a.label !== 'string') return `node "${n.key}" has no "label"`;
  return null;
}

function edgeProblem(e: unknown, i: number): string | null {
  if (!isObject(e)) return `edge #${i} is not an object`;
  const edge = e as Partial<SerializedEdge>;
  const name = typeof edge.key === 'string' ? `"${edge.key}"` : `#${i}`;
  if (typeof edge.source !== 'string' || typeof edge.target !== 'string') return `edge ${name} has no string source/target`;
  if (!isObject(edge.attributes) || typeof edge.attributes.kind !== 'string') return `edge ${name} has no "kind"`;
  return null;
}

/**
 * Whether a file's first line is that of a file written by `jsonChunks`/`toJson` (one node or edge per
 * line), which `fromJsonLines` reads without holding the whole text.
 */
export function isJsonLinesLayout(firstLine: string): boolean {
  return firstLine.startsWith('{"options":') && firstLine.endsWith(',');
}

/**
 * Reads the text of `toJson`/`jsonChunks` line by line: one JSON.parse per node or edge. A 100,000-article
 * graph.json is ~900 MB, beyond the longest string V8 allows (~512 MB), so it cannot be read as one
 * string; a generic streaming JSON parser (stream-json) would do, token by token, about ten times
 * slower than JSON.parse on each line of this layout, which we write ourselves. UserError when the
 * lines are not that layout or an element is malformed.
 */
export async function fromJsonLines(lines: AsyncIterable<string> | Iterable<string>): Promise<KnowledgeGraph> {
  const graph = createGraph();
  // Each evidence sentence is on several edges (all the edges of its meeting), and each article id on
  // many: parsed line by line they would be separate copies, doubling the memory of a corpus graph. They
  // go into the graph's own pool (merge.ts), which the articles merged next share.
  const pooled = interner(graph);
  const intern = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      if (typeof item === 'string') list[i] = pooled(item);
    }
  };
  let state: 'options' | 'attributes' | 'nodes-open' | 'nodes' | 'edges-open' | 'edges' | 'end' = 'options';
  let lineNo = 0;
  let nodes = 0;
  let edges = 0;
  const fail = (why: string): never => {
    throw new UserError(`not a newsgraph graph: line ${lineNo}: ${why}`);
  };
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (err) {
      return fail(`invalid JSON (${(err as Error).message})`);
    }
  };
  const prefixed = (line: string, prefix: string): unknown => {
    if (!line.startsWith(prefix) || !line.endsWith(',')) fail(`expected ${prefix}…,`);
    return parse(line.slice(prefix.length, -1));
  };
  for await (const line of lines) {
    lineNo++;
    switch (state) {
      case 'options': {
        const o = prefixed(line, '{"options":');
        if (!isObject(o) || o.type !== 'mixed' || o.multi !== true) fail('not a mixed multigraph');
        state = 'attributes';
        break;
      }
      case 'attributes': {
        const a = prefixed(line, '"attributes":');
        if (!isObject(a)) fail('"attributes" is not an object');
        graph.replaceAttributes(a as GraphAttributes);
        state = 'nodes-open';
        break;
      }
      case 'nodes-open':
        if (line === '"nodes":[],') state = 'edges-open';
        else if (line === '"nodes":[') state = 'nodes';
        else fail('expected "nodes":[');
        break;
      case 'nodes': {
        if (line === '],') {
          state = 'edges-open';
          break;
        }
        const n = parse(line.endsWith(',') ? line.slice(0, -1) : line) as SerializedNode<NodeAttributes>;
        const problem = nodeProblem(n, nodes++);
        if (problem) fail(problem);
        if (graph.hasNode(n.key)) fail(`node "${n.key}" appears twice`);
        intern(n.attributes!.evidence);
        intern(n.attributes!.source);
        graph.addNode(n.key, n.attributes!);
        break;
      }
      case 'edges-open':
        if (line === '"edges":[]}') state = 'end';
        else if (line === '"edges":[') state = 'edges';
        else fail('expected "edges":[');
        break;
      case 'edges': {
        if (line === ']}') {
          state = 'end';
          break;
        }
        const e = parse(line.endsWith(',') ? line.slice(0, -1) : line) as SerializedEdge<EdgeAttributes>;
        const problem = edgeProblem(e, edges++);
        if (problem) fail(problem);
        if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) fail(`edge "${e.key}" joins a node that is not in the graph`);
        if (e.key !== undefined && graph.hasEdge(e.key)) fail(`edge "${e.key}" appears twice`);
        const key = e.key ?? `${e.source}->${e.target}#${edges}`;
        intern(e.attributes!.evidence);
        intern(e.attributes!.evidence_articles);
        intern(e.attributes!.source);
        if (e.undirected) graph.addUndirectedEdgeWithKey(key, e.source, e.target, e.attributes!);
        else graph.addDirectedEdgeWithKey(key, e.source, e.target, e.attributes!);
        break;
      }
      case 'end':
        if (line.trim()) fail('text after the end of the graph');
    }
  }
  if (state !== 'end') fail('the file ends before the graph does (truncated?)');
  return graph;
}
