// The merge of a cluster build without Dask: fragments split by key into partitions (as
// python/kg_cluster.py splits them), each partition merged by merge-part.ts, the parts assembled by
// build.ts, then the whole-graph stages: the same graph as the single-process merge (graphOf), for any
// number of partitions. Guards the partitioned merge where python3-distributed is not installed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpusLines } from '../src/corpus/generate.js';
import { parseArticleLine } from '../src/corpus/jsonl.js';
import { processItem } from '../src/cli/process-item.js';
import { finishGraph, graphOf } from '../src/cli/pipeline.js';
import { mergeParts, partLines } from '../src/cluster/merge-part.js';
import { assembleGraph } from '../src/cluster/build.js';
import { toJson } from '../src/export/json.js';
import type { Fragment } from '../src/graph/model.js';

const work = mkdtempSync(join(tmpdir(), 'newsgraph-merge-part-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fragments(count: number): Fragment[] {
  const out: Fragment[] = [];
  for (const line of generateCorpusLines({ count, seed: 3 })) {
    const parsed = parseArticleLine(line.trim());
    if (!('record' in parsed)) throw new Error(parsed.error);
    const outcome = processItem({ id: parsed.record.id, name: parsed.record.id, record: parsed.record }, {}, new Set());
    if (!('fragment' in outcome)) throw new Error('no fragment');
    out.push(outcome.fragment);
  }
  return out.sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
}

/** Any function of the key partitions correctly; meetings go by participants, as in kg_cluster.py. */
function partitionOf(key: string, partitions: number): number {
  const route = key.startsWith('meeting:') ? key.slice(key.indexOf(':', 8) + 1) : key;
  let h = 0;
  for (let i = 0; i < route.length; i++) h = (h * 31 + route.charCodeAt(i)) >>> 0;
  return h % partitions;
}

function clusterGraph(all: readonly Fragment[], partitions: number, dir: string): Promise<ReturnType<typeof graphOf>> {
  mkdirSync(join(dir, 'parts'), { recursive: true });
  const lines: { seq: number; text: string }[][] = Array.from({ length: partitions }, () => []);
  all.forEach((f, seq) => {
    const subs = new Map<number, { id: string; nodes: Fragment['nodes']; edges: Fragment['edges'] }>();
    const sub = (p: number) => subs.get(p) ?? subs.set(p, { id: f.article.id, nodes: [], edges: [] }).get(p)!;
    for (const n of f.nodes) sub(partitionOf(n.key, partitions)).nodes.push(n);
    for (const e of f.edges) sub(partitionOf(e.key, partitions)).edges.push(e);
    for (const [p, s] of subs) lines[p]!.push({ seq, text: JSON.stringify(s) });
  });
  lines.forEach((part, p) => {
    // reversed: merge-part must restore the merge order from the sequence numbers
    const { graph, owned } = mergeParts([...part].reverse());
    writeFileSync(join(dir, 'parts', `${String(p).padStart(4, '0')}.ndjson`), [...partLines(graph, owned)].map((l) => l + '\n').join(''));
  });
  writeFileSync(join(dir, 'articles.jsonl'), all.map((f, seq) => `${seq}\t${JSON.stringify(f.article)}\n`).reverse().join(''));
  return assembleGraph(dir, partitions);
}

describe('partitioned merge (kg cluster merge-part)', () => {
  const all = fragments(300);
  const expected = toJson(graphOf(all));

  it.each([1, 3, 8])('with %i partition(s) gives the single-process graph', async (partitions) => {
    const g = await clusterGraph(all, partitions, join(work, String(partitions)));
    finishGraph(g);
    expect(toJson(g) === expected).toBe(true);
  }, 120_000);
});
