// newsgraph benchmarks: `npm run bench` (1k and 10k builds + viewer), `-- --quick` (1k and 10k, no
// viewer), `-- --full` (adds the 100k-article build, ~250 MB of text). Prints a table, saves JSON to
// bench/results/<date>.json (gitignored).
//
// What is measured, and how:
//  - extraction on one core: read + extract over ≥1,000 generated articles, in this process, and a bare
//    tokenisation pass (src/read/tokenize.ts) over the same texts in the same run: MB/s of each, ratio;
//  - extraction on all cores: the extraction driver of `kg build` on 1 thread and on all cores (the main thread
//    and a worker per other core), side by side over the same 4,000 (then 16,000) articles, and the ratio, each
//    run in its own fresh process (bench/driver.mjs): the
//    compiled modules of dist/ (what `npm run kg` runs) and, before them, the TypeScript sources under tsx
//    (what `kg` ran before dist/; its workers compile the sources at start);
//  - `kg extract` of one article, process start to exit: the compiled CLI (scripts/kg.mjs → dist/) against
//    the sources under the tsx launcher (what `npm run kg` ran before), alternated, median of each; and
//    the same through npm (`npm run -s kg` against `npm run -s kg:dev`), as the shared scorer calls it;
//  - builds of 1k, 10k (100k) generated articles: the compiled `kg build` in a child process under
//    /usr/bin/time -v, whose "Maximum resident set size" is the peak memory of the whole build (worker
//    threads included), with `--timings` (time and heap per stage); generated corpora are cached per
//    generator version; the 10k build again on one thread, and both again from the sources (tsx);
//  - GEXF export of the 10k graph against JSON.stringify(graph.export()) of the same graph, and
//    jsonChunks (graph.json) too;
//  - the viewer (bench/viewer.ts);
//  - kg serve on the largest cached build, answered in parts (bench/serve.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpusLines, generateArticle } from '../src/corpus/generate.js';
import { readArticle, tokenize } from '../src/read/index.js';
import { extract } from '../src/extract/index.js';
import { build as buildDist, isStale } from '../scripts/build.mjs';
import { fromJson, jsonChunks } from '../src/export/json.js';
import { gexfChunks } from '../src/export/gexf.js';
import { writeChunksAtomic } from '../src/export/atomic.js';
import { benchViewer } from './viewer.js';
import { benchServeSection } from './serve.js';

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

interface DriverRun {
  kind: 'dist' | 'src';
  articles: number;
  bytes: number;
  threads: number;
  oneSeconds: number;
  allSeconds: number;
  oneCpuSeconds: number;
  allCpuSeconds: number;
}

/** The extraction driver of `kg build` on one thread, then on all cores: each run in a fresh process (bench/driver.mjs). */
function driverRun(kind: 'dist' | 'src', n: number): DriverRun {
  const tsxArgs = kind === 'src' ? ['--import', 'tsx'] : [];
  const once = (threads: number): { seconds: number; cpuSeconds: number; edges: number; bytes: number } => {
    const r = spawnSync(process.execPath, [...tsxArgs, join(root, 'bench', 'driver.mjs'), kind, String(n), String(threads)], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`extraction driver (${kind}, ${threads} threads) failed (${r.status}): ${r.stderr.slice(-2000)}`);
    return JSON.parse(r.stdout);
  };
  const all = availableParallelism();
  const one = once(1);
  const many = once(all);
  if (one.edges !== many.edges) throw new Error(`1 thread and ${all} threads disagree: ${one.edges} vs ${many.edges} edges`);
  return { kind, articles: n, bytes: one.bytes, threads: all, oneSeconds: one.seconds, allSeconds: many.seconds, oneCpuSeconds: one.cpuSeconds, allCpuSeconds: many.cpuSeconds };
}

/** Per corpus size: the driver from the sources (before) and compiled (after). */
const driverResults: Record<number, { before: DriverRun; after: DriverRun }> = {};
results.extractAllCores = driverResults;

async function benchExtractionAllCores(n: number): Promise<void> {
  const before = driverRun('src', n);
  const after = driverRun('dist', n);
  driverResults[n] = { before, after };
  const note = (d: DriverRun): string => `${(d.bytes / 1e6 / d.allSeconds).toFixed(2)} vs ${(d.bytes / 1e6 / d.oneSeconds).toFixed(2)} MB/s, ` +
    `${d.allSeconds.toFixed(2)} s vs ${d.oneSeconds.toFixed(2)} s; CPU time ${d.allCpuSeconds.toFixed(2)} s vs ${d.oneCpuSeconds.toFixed(2)} s (load ${loadavg()[0]!.toFixed(1)})`;
  row(`extraction driver, ${after.threads} threads vs 1, ${n} articles, compiled`, `${(after.oneSeconds / after.allSeconds).toFixed(2)}×`, `fresh process, worker start-up included; ${note(after)}; target ≥ 1.8×`);
  row(`extraction driver, ${before.threads} threads vs 1, ${n} articles, sources (tsx)`, `${(before.oneSeconds / before.allSeconds).toFixed(2)}×`, `before dist/: ${note(before)}`);
}

/** Wall time of one process, start to exit. */
function timeProcess(cmd: string, cmdArgs: string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  return seconds;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** `kg extract` of the seed article, compiled against the sources under tsx, alternated so that load hits both alike. */
function benchExtractStartup(runs: number): void {
  const seed = join('seeds', readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[0]!);
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const variants: [string, string, string[]][] = [
    ['compiled', process.execPath, [join(root, 'scripts', 'kg.mjs'), 'extract', seed]],
    ['tsx', tsx, [join(root, 'src', 'cli', 'kg.ts'), 'extract', seed]],
    ['npm compiled', 'npm', ['run', '-s', 'kg', '--', 'extract', seed]],
    ['npm tsx', 'npm', ['run', '-s', 'kg:dev', '--', 'extract', seed]],
  ];
  const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  for (const [, cmd, cmdArgs] of variants) timeProcess(cmd, cmdArgs); // warm the file cache and tsx's cache
  for (let i = 0; i < runs; i++) for (const [name, cmd, cmdArgs] of variants) times.get(name)!.push(timeProcess(cmd, cmdArgs));
  const m = Object.fromEntries([...times].map(([name, xs]) => [name, median(xs)]));
  results.extractStartup = { runs, seed, medianSeconds: m, samples: Object.fromEntries(times) };
  row('kg extract of one article, start to exit', `${(m.tsx! / m.compiled!).toFixed(2)}× faster`,
    `compiled ${(m.compiled! * 1000).toFixed(0)} ms vs tsx ${(m.tsx! * 1000).toFixed(0)} ms (median of ${runs}, alternated); through npm run -s: ` +
      `${(m['npm compiled']! * 1000).toFixed(0)} ms vs ${(m['npm tsx']! * 1000).toFixed(0)} ms (${(m['npm tsx']! / m['npm compiled']!).toFixed(2)}×); target ≥ 2×`);
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

async function benchBuild(count: number, threads?: number, fromSources = false): Promise<BuildResult> {
  const file = await corpus(count);
  const out = join(cache, `out-${count}${threads ? `-t${threads}` : ''}${fromSources ? '-src' : ''}`);
  rmSync(out, { recursive: true, force: true });
  const t = performance.now();
  // One process, whose peak RSS is the build's: the compiled CLI as `npm run kg` runs it, or the sources
  // with node --import tsx (not the tsx CLI, which forks a child)
  const cli = fromSources ? ['--import', 'tsx', join(root, 'src/cli/kg.ts')] : [join(root, 'scripts/kg.mjs')];
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...cli, 'build', file, '--out', out, '--timings', ...(threads ? ['--threads', String(threads)] : [])], {
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
  row(`build ${count} articles${threads ? `, ${threads} thread${threads > 1 ? 's' : ''}` : ''}${fromSources ? ', sources (tsx)' : ''}`, `${seconds.toFixed(1)} s`,
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
// the compiled CLI measured here is the current sources' (scripts/kg.mjs would rebuild too, inside a timing)
if (isStale()) await buildDist();
benchExtractionOneCore(1_000);
// Each thread starts cold (its own JIT warm-up, about the first 500 articles), so the ratio grows with the
// work: 4,000 articles as before, and 16,000, where that fixed cost weighs less.
await benchExtractionAllCores(4_000);
await benchExtractionAllCores(16_000);
benchExtractStartup(10);
const builds: BuildResult[] = [];
for (const n of sizes) builds.push(await benchBuild(n));
results.builds = builds;
// the same 10k build on one thread, right after: what the worker threads buy in a real build
const single = await benchBuild(10_000, 1);
const parallel = builds.find((b) => b.articles === 10_000)!;
results.buildOneThread = single;
row('build 10000 articles: all cores vs 1 thread, compiled', `${(single.seconds / parallel.seconds).toFixed(2)}× faster`, `${parallel.seconds.toFixed(1)} s vs ${single.seconds.toFixed(1)} s; target ≥ 1.5×`);
// before dist/: the same two builds from the TypeScript sources, right after
const srcParallel = await benchBuild(10_000, undefined, true);
const srcSingle = await benchBuild(10_000, 1, true);
results.buildFromSources = { parallel: srcParallel, single: srcSingle };
row('build 10000 articles: all cores vs 1 thread, sources (tsx)', `${(srcSingle.seconds / srcParallel.seconds).toFixed(2)}× faster`, `${srcParallel.seconds.toFixed(1)} s vs ${srcSingle.seconds.toFixed(1)} s`);
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
// Big graphs: kg serve on the largest cached build, answered in parts (bench/serve.ts).
if (!quick) await benchServeSection(row, results);

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
