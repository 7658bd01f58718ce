// newsgraph benchmarks: `npm run bench` (1k and 10k builds + viewer), `-- --quick` (1k and 10k, no
// viewer), `-- --full` (adds the 100k-article build, ~250 MB of text). Prints a table, saves JSON to
// bench/results/<date>.json (gitignored).
//
// What is measured, and how:
//  - extraction on one core: read + extract over ≥1,000 generated articles, in this process, and a bare
//    tokenisation pass (src/read/tokenize.ts) over the same texts in the same run: MB/s of each, ratio;
//  - extraction on all cores: the worker-thread driver of `kg build` on 1 thread and on all cores, side by
//    side over the same 2,000 (4,000) articles, and the ratio;
//  - builds of 1k, 10k (100k) generated articles: `kg build` in a child process under /usr/bin/time -v,
//    whose "Maximum resident set size" is the peak memory of the whole build (worker threads included),
//    with `--timings` (time and heap per stage); generated corpora are cached per generator version;
//  - GEXF export of the 10k graph against JSON.stringify(graph.export()) of the same graph, and
//    jsonChunks (graph.json) too;
//  - the viewer (bench/viewer.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpusLines, generateArticle } from '../src/corpus/generate.js';
import { readArticle, tokenize } from '../src/read/index.js';
import { extract } from '../src/extract/index.js';
import { extractInOrder } from '../src/cli/parallel.js';
import type { WorkItem } from '../src/cli/items.js';
import { fromJson, jsonChunks } from '../src/export/json.js';
import { gexfChunks } from '../src/export/gexf.js';
import { writeChunksAtomic } from '../src/export/atomic.js';
import { benchViewer } from './viewer.js';

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const full = args.has('--full');
const SEED = 1;
const cache = join(tmpdir(), 'newsgraph-bench');
mkdirSync(cache, { recursive: true });

type Row = [string, string, string];
const rows: Row[] = [];
const results: Record<string, unknown> = { date: new Date().toISOString(), cores: availableParallelism(), node: process.version, quick, full };
const row = (what: string, value: string, note = ''): void => {
  rows.push([what, value, note]);
  process.stderr.write(`  ${what}: ${value} ${note}\n`);
};
const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

/** The generator's sources: a cached corpus is reused only when they have not changed. */
const generatorVersion = createHash('sha256')
  .update(readFileSync(join(root, 'src/corpus/generate.ts')))
  .update(readFileSync(join(root, 'src/corpus/templates.json')))
  .digest('hex')
  .slice(0, 8);

async function corpus(count: number): Promise<string> {
  const file = join(cache, `corpus-${count}-s${SEED}-g${generatorVersion}.jsonl`);
  if (!existsSync(file)) {
    const t = performance.now();
    await writeChunksAtomic(file, generateCorpusLines({ count, seed: SEED }));
    process.stderr.write(`  generated ${count} articles (${mb(statSync(file).size)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  return file;
}

function benchExtractionOneCore(n: number): void {
  const texts = Array.from({ length: n }, (_, i) => generateArticle(i, { count: n, seed: SEED }));
  const bytes = texts.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
  // warm-up: JIT, gazetteer and lexicons loaded
  for (const a of texts.slice(0, 50)) extract(readArticle(a.text, { id: a.id }));
  let t = performance.now();
  let tokens = 0;
  for (const a of texts) tokens += tokenize(a.text).length;
  const tokSec = (performance.now() - t) / 1000;
  t = performance.now();
  let edges = 0;
  for (const a of texts) edges += extract(readArticle(a.text, { id: a.id })).edges.length;
  const extSec = (performance.now() - t) / 1000;
  const extMBs = bytes / 1e6 / extSec;
  results.extractOneCore = { articles: n, bytes, seconds: extSec, MBps: extMBs, tokenizeSeconds: tokSec, tokenizeMBps: bytes / 1e6 / tokSec, ratio: extSec / tokSec, tokens, edges };
  row('extraction, 1 core', `${extMBs.toFixed(2)} MB/s`, `${n} articles, ${mb(bytes)} MB; target ≥ 2 MB/s`);
  row('tokenisation only, 1 core', `${(bytes / 1e6 / tokSec).toFixed(1)} MB/s`, `extraction costs ${(extSec / tokSec).toFixed(0)}× tokenisation`);
}

/** The worker-thread driver of `kg build` on one thread and on all cores, side by side, same articles. */
async function benchExtractionAllCores(n: number): Promise<void> {
  const items: WorkItem[] = Array.from({ length: n }, (_, i) => {
    const a = generateArticle(i, { count: n, seed: SEED });
    return { id: a.id, name: a.id, record: { id: a.id, text: a.text } };
  });
  const bytes = items.reduce((s, it) => s + Buffer.byteLength(it.record!.text), 0);
  const threads = availableParallelism();
  const run = async (t: number): Promise<number> => {
    const start = performance.now();
    await extractInOrder(items, { threads: t, settings: {}, onOutcome: () => undefined });
    return (performance.now() - start) / 1000;
  };
  const one = await run(1);
  const all = await run(threads);
  results.extractAllCores = { articles: n, threads, seconds: all, MBps: bytes / 1e6 / all, oneThreadSeconds: one, speedup: one / all };
  row(`extraction, ${threads} threads`, `${(bytes / 1e6 / all).toFixed(2)} MB/s`,
    `${n} articles, worker start-up and merge-order delivery included; ${(one / all).toFixed(2)}× the same driver on 1 thread (${(bytes / 1e6 / one).toFixed(2)} MB/s)`);
}

interface BuildResult {
  articles: number;
  MB: number;
  seconds: number;
  articlesPerSec: number;
  peakRssMB: number;
  nodes: number;
  edges: number;
  jsonMB: number;
  gexfMB: number;
  /** `kg build --timings`: wall time and heap per stage. */
  stages: string;
}

async function benchBuild(count: number, threads?: number): Promise<BuildResult> {
  const file = await corpus(count);
  const out = join(cache, `out-${count}${threads ? `-t${threads}` : ''}`);
  rmSync(out, { recursive: true, force: true });
  const t = performance.now();
  // node --import tsx, not the tsx CLI: one process, whose peak RSS is the build's
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', join(root, 'src/cli/kg.ts'), 'build', file, '--out', out, '--timings', ...(threads ? ['--threads', String(threads)] : [])], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`build of ${count} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rssKB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const summary = /→ (\d+) nodes, (\d+) edges/.exec(r.stderr);
  const stages = /kg: timings: (.*)/.exec(r.stderr)?.[1] ?? '';
  const res: BuildResult = {
    articles: count, MB: statSync(file).size / 1e6, seconds, articlesPerSec: count / seconds, peakRssMB: rssKB / 1024,
    nodes: Number(summary?.[1]), edges: Number(summary?.[2]),
    jsonMB: statSync(join(out, 'graph.json')).size / 1e6, gexfMB: statSync(join(out, 'graph.gexf')).size / 1e6, stages,
  };
  process.stderr.write(`    stages: ${stages}\n`);
  row(`build ${count} articles${threads ? `, ${threads} thread${threads > 1 ? 's' : ''}` : ''}`, `${seconds.toFixed(1)} s`,
    `${res.articlesPerSec.toFixed(0)} articles/s, peak ${res.peakRssMB.toFixed(0)} MB, ${res.nodes} nodes, ${res.edges} edges, json ${res.jsonMB.toFixed(0)} MB, gexf ${res.gexfMB.toFixed(0)} MB`);
  return res;
}

function benchExport(count: number): void {
  const graph = fromJson(readFileSync(join(cache, `out-${count}`, 'graph.json'), 'utf8'));
  const time = (f: () => number): [number, number] => {
    f(); // warm-up
    const t = performance.now();
    const n = f();
    return [(performance.now() - t) / 1000, n];
  };
  const [jsonSec, jsonLen] = time(() => JSON.stringify(graph.export()).length);
  const [gexfSec, gexfLen] = time(() => {
    let n = 0;
    for (const c of gexfChunks(graph)) n += c.length;
    return n;
  });
  const [chunksSec] = time(() => {
    let n = 0;
    for (const c of jsonChunks(graph)) n += c.length;
    return n;
  });
  results.export = { graphOf: count, nodes: graph.order, edges: graph.size, jsonStringifySeconds: jsonSec, gexfSeconds: gexfSec, ratio: gexfSec / jsonSec, jsonChunksSeconds: chunksSec, jsonChars: jsonLen, gexfChars: gexfLen };
  row(`GEXF export (${count}-article graph)`, `${(gexfSec / jsonSec).toFixed(2)}× JSON.stringify`,
    `${gexfSec.toFixed(2)} s vs ${jsonSec.toFixed(2)} s; stable graph.json ${chunksSec.toFixed(2)} s; target ≤ 3×`);
}

const sizes = full ? [1_000, 10_000, 100_000] : [1_000, 10_000];
process.stderr.write(`newsgraph bench (${availableParallelism()} cores${quick ? ', quick' : full ? ', full' : ''})\n`);
benchExtractionOneCore(1_000);
await benchExtractionAllCores(4_000);
const builds: BuildResult[] = [];
for (const n of sizes) builds.push(await benchBuild(n));
results.builds = builds;
// the same 10k build on one thread, right after: what the worker threads buy in a real build
const single = await benchBuild(10_000, 1);
const parallel = builds.find((b) => b.articles === 10_000)!;
results.buildOneThread = single;
row('build 10000 articles: all cores vs 1 thread', `${(single.seconds / parallel.seconds).toFixed(2)}× faster`, `${parallel.seconds.toFixed(1)} s vs ${single.seconds.toFixed(1)} s`);
benchExport(10_000);
const first = builds[0]!;
const last = builds[builds.length - 1]!;
const k = last.articles / first.articles;
results.growth = { from: first.articles, to: last.articles, factor: k, time: last.seconds / first.seconds, memory: last.peakRssMB / first.peakRssMB };
row(`growth ${first.articles} → ${last.articles} (×${k})`, `time ×${(last.seconds / first.seconds).toFixed(1)}, memory ×${(last.peakRssMB / first.peakRssMB).toFixed(1)}`,
  'linear = time ×' + k);
if (!quick) {
  try {
    const v = await benchViewer();
    results.viewer = v;
    if (v.firstFrameMs !== undefined) {
      row('viewer first frame (10k nodes, 50k edges)', `${v.firstFrameMs} ms`, 'target < 3000 ms');
      row('viewer max stall during ForceAtlas2', `${v.maxStallMs} ms`, 'target < 100 ms');
    } else row('viewer', 'skipped', 'no browser');
  } catch (err) {
    row('viewer', 'failed', (err as Error).message.split('\n')[0]!);
  }
}

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`\n${'benchmark'.padEnd(w0)} | ${'result'.padEnd(w1)} | notes`);
console.log(`${'-'.repeat(w0)}-|-${'-'.repeat(w1)}-|------`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c}`);
const dir = join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
console.log(`\nsaved ${file}`);
