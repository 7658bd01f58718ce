// `kg cluster build --scheduler tcp://HOST:8786 CORPUS.jsonl... --out DIR`: a build whose extraction and
// merge run on a Dask cluster, with the same output bytes as `kg build` of the same corpus.
//
//  1. Here: the inputs are listed and sorted exactly as `kg build` lists them (collectInputs), and cut into
//     shards of consecutive rows in DIR/.kg-cluster/shards, each with the merge position (seq) of every
//     fragment `kg extract` will print for it.
//  2. python/kg_cluster.py (Debian's /usr/bin/python3 with python3-distributed) ships every shard's text
//     to a worker (`kg extract --format ndjson`, split by key into partitions), decides which articles a
//     build merges, merges each partition on a worker (`kg cluster merge-part`) and brings the merged
//     partitions back to DIR/.kg-cluster/parts one at a time. Workers need node and this repository (built)
//     at the same path (--worker-kg otherwise); no shared filesystem: shards and results travel through Dask.
//  3. Here again: the merged partitions are concatenated into one graph, and the stages that need the whole
//     graph run as in `kg build` (finishGraph: meeting resolution, appearance, ForceAtlas2; then the files).
//     This process therefore holds the merged graph, never the fragments (which repeat every node for
//     every article that names it).
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { readRowBytes } from '../corpus/jsonl.js';
import { createGraph, type KnowledgeGraph } from '../graph/create.js';
import { interner } from '../graph/merge.js';
import { UNDIRECTED_KINDS, type ArticleInfo, type EdgeAttributes, type NodeAttributes } from '../graph/model.js';
import { collectInputs, type Skipped, type WorkItem } from '../cli/items.js';
import { lockDir } from '../cli/dir-lock.js';
import { writeGraphFiles } from '../cli/output.js';
import { finishGraph } from '../cli/pipeline.js';
import type { EdgeMode, GexfVersion } from '../export/gexf.js';

/** The repository root, from src/cluster or dist/cluster alike. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DRIVER = join(ROOT, 'python', 'kg_cluster.py');
/** This repository's compiled CLI: what workers run unless told another path (--worker-kg). */
export const LOCAL_KG = join(ROOT, 'dist', 'cli', 'kg.js');

export interface ClusterBuildOptions {
  scheduler: string;
  out: string;
  partitions: number;
  shardSize: number;
  /** Seconds to reach the scheduler. */
  connectTimeout: number;
  /** Workers to wait for before starting, and for how long (seconds). */
  workers: number;
  workerTimeout: number;
  workerKg: string;
  workerNode: string;
  python: string;
  wait?: boolean;
  date?: string;
  lang?: 'it' | 'en';
  gexfVersion: GexfVersion;
  edgeMode: EdgeMode;
}

export interface ClusterResult {
  merged: number;
  duplicates: number;
  skipped: Skipped[];
  nodes: number;
  edges: number;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readRow(path: string, offset: number, length: number): Buffer {
  const bytes = readRowBytes(path, offset, length);
  if (!bytes) throw new UserError(`${path}: the file changed during the build`);
  return bytes;
}

/**
 * Writes the shards: consecutive rows of the merge order. `kg extract` sorts a shard's rows again by
 * (id, "NAME:LINE"), so equal ids inside one shard come out by their line number compared as text;
 * the order file says, for each fragment it will print, which article (seq) it is, and its line in the shard.
 */
export function writeShards(items: readonly WorkItem[], dir: string, size: number): number {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  for (let start = 0; start < items.length; start += size, count++) {
    const rows = items.slice(start, start + size);
    const texts = rows.map((item) => readRow(item.path!, item.row!.offset, item.row!.length).toString('utf8'));
    const order = rows.map((item, i) => ({ item, seq: start + i, line: String(i + 1) }));
    order.sort((a, b) => compare(a.item.id, b.item.id) || compare(a.line, b.line));
    const name = join(dir, String(count).padStart(5, '0'));
    writeFileSync(`${name}.jsonl`, texts.join('\n') + '\n');
    writeFileSync(`${name}.json`, JSON.stringify({ seq: order.map((o) => o.seq), names: order.map((o) => o.item.name), lines: order.map((o) => Number(o.line)) }));
  }
  return count;
}

/** Runs the Dask driver; its progress lines go to stderr, its "error: " line becomes a UserError. */
export async function runDriver(opts: ClusterBuildOptions, work: string): Promise<void> {
  const args = [
    DRIVER, '--scheduler', opts.scheduler, '--work', work, '--kg', opts.workerKg, '--node', opts.workerNode,
    '--partitions', String(opts.partitions), '--connect-timeout', String(opts.connectTimeout),
    '--workers', String(opts.workers), '--worker-timeout', String(opts.workerTimeout),
    ...(opts.date ? ['--date', opts.date] : []), ...(opts.lang ? ['--lang', opts.lang] : []),
  ];
  // -I: Debian's Python alone, whatever PYTHONPATH or a user site-packages hold
  const child = spawn(opts.python, ['-I', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let error: string | undefined;
  const tail: string[] = [];
  const lines = createInterface({ input: child.stderr, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.startsWith('error: ')) error = line.slice(7);
    else if (line.startsWith('cluster: ')) process.stderr.write(`kg: ${line}\n`);
    else tail.splice(0, tail.length - 4, line); // Dask's own log lines: kept for a failure's message only
  });
  const code = await new Promise<number | null>((done, failed) => {
    child.on('error', (err: NodeJS.ErrnoException) => failed(new UserError(err.code === 'ENOENT' ? `${opts.python} not found: install python3-distributed (Debian) or give --python` : `cannot run ${opts.python}: ${err.message}`)));
    child.on('close', (c, signal) => done(signal ? 128 : c));
  });
  if (code !== 0) throw new UserError(error ?? `the Dask driver failed (exit ${code}): ${tail.at(-1) ?? 'no message'}`);
}

async function* fileLines(path: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) if (line) yield line;
}

/** The merged partitions → one graph, with its `articles` in merge order (as GraphMerger leaves them). */
export async function assembleGraph(work: string, partitions: number): Promise<KnowledgeGraph> {
  const graph = createGraph();
  const intern = interner(graph);
  const records: { seq: number; article: ArticleInfo }[] = [];
  for await (const line of fileLines(join(work, 'articles.jsonl'))) {
    const tab = line.indexOf('\t');
    records.push({ seq: Number(line.slice(0, tab)), article: JSON.parse(line.slice(tab + 1)) as ArticleInfo });
  }
  records.sort((a, b) => a.seq - b.seq);
  const articles: Record<string, ArticleInfo> = {};
  for (const { article } of records) articles[intern(article.id)] = article;
  graph.setAttribute('articles', articles);
  const parts = Array.from({ length: partitions }, (_, p) => join(work, 'parts', `${String(p).padStart(4, '0')}.ndjson`));
  // nodes of every partition first: an edge's ends may live in another partition
  for (const file of parts) {
    for await (const line of fileLines(file)) {
      const r = JSON.parse(line) as { k: string; s?: string; a: NodeAttributes };
      if (r.s !== undefined) continue;
      if (r.a.evidence) r.a.evidence = r.a.evidence.map(intern);
      if (r.a.source) r.a.source = r.a.source.map(intern);
      graph.addNode(r.k, r.a);
    }
  }
  for (const file of parts) {
    for await (const line of fileLines(file)) {
      const r = JSON.parse(line) as { k: string; s?: string; t?: string; a: EdgeAttributes };
      if (r.s === undefined || r.t === undefined) continue;
      const a = r.a;
      a.evidence = a.evidence.map(intern);
      a.evidence_articles = a.evidence_articles.map(intern);
      a.source = a.source.map(intern);
      if (UNDIRECTED_KINDS.has(a.kind)) graph.addUndirectedEdgeWithKey(r.k, r.s, r.t, a);
      else graph.addDirectedEdgeWithKey(r.k, r.s, r.t, a);
    }
  }
  return graph;
}

/** The whole cluster build (see the top of this file). */
export async function clusterBuild(paths: readonly string[], opts: ClusterBuildOptions): Promise<ClusterResult> {
  if (!existsSync(DRIVER)) throw new UserError(`${DRIVER} is missing (a repository checkout is needed)`);
  const { items, skipped } = await collectInputs(paths);
  const notJsonl = items.find((item) => item.row === undefined);
  if (notJsonl) throw new UserError(`${notJsonl.name}: kg cluster build reads JSON Lines corpora (*.jsonl); build .txt articles and stdin with kg build`);
  if (items.length === 0) throw new UserError(`no article could be listed (${skipped.length} row(s) skipped${skipped[0] ? `, first: ${skipped[0].name}: ${skipped[0].reason}` : ''}); nothing written`);
  const lock = await lockDir(opts.out, { wait: opts.wait === true, notice: (line) => process.stderr.write(`${line}\n`) });
  const work = join(opts.out, '.kg-cluster');
  let ok = false;
  try {
    // a previous run's leftovers (killed) are never reused: a rerun starts from the corpus
    rmSync(work, { recursive: true, force: true });
    const shards = writeShards(items, join(work, 'shards'), opts.shardSize);
    process.stderr.write(`kg: cluster: ${items.length} article(s) in ${shards} shard(s)\n`);
    await runDriver(opts, work);
    const summary = JSON.parse(await readText(join(work, 'summary.json'))) as { merged: number; duplicates: number; skipped: Skipped[] };
    const all = [...skipped, ...summary.skipped];
    if (summary.merged === 0) {
      reportSkipped(all);
      throw new UserError(`no article could be built (${all.length} skipped); nothing written`);
    }
    const graph = await assembleGraph(work, opts.partitions);
    finishGraph(graph);
    lock.verify();
    await writeGraphFiles(graph, opts.out, { version: opts.gexfVersion, edgeMode: opts.edgeMode });
    ok = true;
    return { merged: summary.merged, duplicates: summary.duplicates, skipped: all, nodes: graph.order, edges: graph.size };
  } finally {
    rmSync(work, { recursive: true, force: true });
    lock.release(!ok);
  }
}

const SKIP_LINES = 50;

/** What was skipped, as kg build reports it: one line each, at most 50. */
export function reportSkipped(skipped: readonly Skipped[]): void {
  skipped.slice(0, SKIP_LINES).forEach((s) => process.stderr.write(`kg: skipped ${s.name}: ${s.reason}\n`));
  if (skipped.length > SKIP_LINES) process.stderr.write(`kg: ... and ${skipped.length - SKIP_LINES} more skipped\n`);
}

async function readText(path: string): Promise<string> {
  let text = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) text += chunk as string;
  return text;
}
