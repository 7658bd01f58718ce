// One partition of a cluster build's merge (`kg cluster merge-part`, run by python/kg_cluster.py on a Dask
// worker). Its input holds, for every article with something in this partition, one line
// `SEQ<TAB>{"id","nodes","edges"}`: the article's position in the build's merge order and the part of its
// fragment whose nodes (meetings: by participants) and edges hash to this partition. Lines are merged in
// SEQ order with merge.ts's own mergeNode / mergeEdge, so every node and edge comes out exactly as the
// single-process merge makes it: each key's records meet in one partition, in the same order. An edge's
// ends owned by another partition are added as bare placeholders (graphology needs them) and not output.
//
// Output: one merged element per line, `{"k","a"}` for a node, `{"k","s","t","a"}` for an edge.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGraph, type KnowledgeGraph } from '../graph/create.js';
import { interner, mergeEdge, mergeNode } from '../graph/merge.js';
import type { EdgeRecord, NodeRecord } from '../graph/model.js';
import { UserError } from '../errors.js';

/** The part of one article's fragment that belongs to a partition. */
export interface FragmentPart {
  id: string;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

/** Parses `SEQ<TAB>JSON`; a malformed line is a UserError naming its line number. */
export function parsePartLine(line: string, lineNo: number): { seq: number; text: string } {
  const tab = line.indexOf('\t');
  const seq = Number(line.slice(0, tab));
  if (tab < 1 || !Number.isSafeInteger(seq) || seq < 0) throw new UserError(`partition input line ${lineNo}: expected SEQ<TAB>JSON`);
  return { seq, text: line.slice(tab + 1) };
}

/** Merges the parts in SEQ order into a graph; returns it and the keys of the nodes it owns. */
export function mergeParts(lines: readonly { seq: number; text: string }[]): { graph: KnowledgeGraph; owned: Set<string> } {
  const graph = createGraph();
  const owned = new Set<string>();
  const sorted = [...lines].sort((a, b) => a.seq - b.seq);
  for (const { text } of sorted) {
    const part = JSON.parse(text) as FragmentPart;
    // every article reaching a partition is new to the graph (kg_cluster.py dropped duplicates), as in mergeFragment
    const fresh = interner(graph)(part.id);
    for (const n of part.nodes) {
      mergeNode(graph, n.key, n.attributes);
      owned.add(n.key);
    }
    for (const e of part.edges) {
      if (!graph.hasNode(e.source)) graph.addNode(e.source);
      if (!graph.hasNode(e.target)) graph.addNode(e.target);
      mergeEdge(graph, e, fresh);
    }
  }
  return { graph, owned };
}

/** The merged elements as lines (see the top of this file). */
export function* partLines(graph: KnowledgeGraph, owned: ReadonlySet<string>): Generator<string> {
  for (const key of graph.nodes()) if (owned.has(key)) yield JSON.stringify({ k: key, a: graph.getNodeAttributes(key) });
  for (const key of graph.edges()) {
    const [s, t] = graph.extremities(key);
    yield JSON.stringify({ k: key, s, t, a: graph.getEdgeAttributes(key) });
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** `kg cluster merge-part`: stdin → stdout. */
export async function mergePartCommand(input: Readable, output: Writable): Promise<void> {
  const lines: { seq: number; text: string }[] = [];
  let lineNo = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (line) lines.push(parsePartLine(line, lineNo));
  }
  const { graph, owned } = mergeParts(lines);
  lines.length = 0;
  let chunk = '';
  for (const line of partLines(graph, owned)) {
    chunk += line + '\n';
    if (chunk.length > 1 << 20) {
      await write(output, chunk);
      chunk = '';
    }
  }
  if (chunk) await write(output, chunk);
}
