#!/usr/bin/env node
// kg — newsgraph's command line (contract: ../shared/GUIDE.md).
//   kg extract FILE... [--format json|gexf|ndjson]   graph of those articles on stdout
//   kg build [PATHS...] --out DIR [--into DIR] [--threads N] [--timings] [--wait] [--repair]
//                                                     graph.json + graph.gexf of every article (.txt files,
//                                                     .jsonl rows, directories recursively, "-" stdin), atomically
//   kg merge FRAGMENTS.ndjson... --out DIR             the graph of fragments extracted elsewhere
//   kg export GRAPH --format graphml|csv|neo4j --out PATH
//                                                     a built graph for igraph/NetworkX, tables, Neo4j
//   kg generate --count N --seed S --out FILE.jsonl   a synthetic corpus (benchmarks)
//   kg cluster build --scheduler tcp://HOST:PORT CORPUS.jsonl... --out DIR
//                                                     the same build, extracted and merged on a Dask cluster
//   kg serve --graph FILE [--port N] [--subgraph auto|always|never]
//                                                     the viewer on 127.0.0.1 (large graphs answered in parts)
//   kg start                                           build seeds/ into out/ and serve it (npm start)
// User errors print one line on stderr and exit 1; nothing half-written is ever left behind.
// Exit codes of build and merge: 0 everything was built; 2 the graph was written but some inputs (files,
// JSON Lines rows, fragments) were skipped, each reported on stderr as "kg: skipped NAME: reason";
// 1 nothing could be built (or a user error), and no file was written.
import { Command, InvalidArgumentError, Option } from 'commander';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { isUserError, UserError } from '../errors.js';
import { parseIsoDate } from '../read/index.js';
import { fromJson, fromJsonLines, isJsonLinesLayout, toJson } from '../export/json.js';
import { toGexf, type EdgeMode, type GexfVersion } from '../export/gexf.js';
import { createGraph, type KnowledgeGraph } from '../graph/create.js';
import type { Fragment } from '../graph/model.js';
import { generateCorpusLines } from '../corpus/generate.js';
import { readFragmentFile } from '../corpus/fragments.js';
import { collectInputs, type Skipped, type WorkItem } from './items.js';
import { defaultThreads, extractInOrder } from './parallel.js';
import { extractAndMerge, finishGraph, graphOf, GraphMerger } from './pipeline.js';
import { checkGraphPair, readFileHead, writeGexfOnly, writeGraphFiles } from './output.js';
import { lockDir, type DirLock } from './dir-lock.js';
import { afterLockHook } from './test-hooks.js';
import { writeChunksAtomic } from '../export/atomic.js';
import { startTimings } from './timings.js';
import { collectGarbage } from './memory.js';
import { EXPORT_FORMATS, exportFormat, exportGraph, graphFileOf } from './export.js';
import { clusterCommand } from '../cluster/command.js';

function isoDate(value: string): string {
  if (!parseIsoDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

function threadsOptLike(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number for --${what}`);
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0-65535');
  return n;
}

const gexfVersion = new Option('--gexf-version <version>', 'GEXF version').choices(['1.3', '1.2draft']).default('1.3');
const edgeMode = new Option('--edge-mode <mode>', 'GEXF edges: "directed" (NetworkX reads it; undirected relations get directed=false) or "mixed" (Gephi)')
  .choices(['directed', 'mixed']).default('directed');
const dateOpt = new Option('--date <YYYY-MM-DD>', 'publication date for articles without a "date YYYY-MM-DD" header').argParser(isoDate);
const langOpt = new Option('--lang <lang>', 'force the language instead of detecting it').choices(['it', 'en']);

interface CommonOpts {
  date?: string;
  lang?: 'it' | 'en';
  gexfVersion: GexfVersion;
  edgeMode: EdgeMode;
}

const SKIP_CODE = 2;
const MAX_SKIP_LINES = 50;

/** Reports what was skipped; returns the exit code of a build that wrote its graph. */
function reportSkipped(skipped: readonly Skipped[]): number {
  skipped.slice(0, MAX_SKIP_LINES).forEach((s) => process.stderr.write(`kg: skipped ${s.name}: ${s.reason}\n`));
  if (skipped.length > MAX_SKIP_LINES) process.stderr.write(`kg: ... and ${skipped.length - MAX_SKIP_LINES} more skipped\n`);
  return skipped.length ? SKIP_CODE : 0;
}

function threadsOpt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('expected a number of threads 1-256');
  return n;
}

/** V8's longest string is ~512 MB (2^29 - 24 characters); a larger file can only be read in pieces. */
const MAX_WHOLE_FILE = 2 ** 29 - 24;

/**
 * The graph in DIR/graph.json. A file in the layout `kg build` writes (one node or edge per line) is
 * read line by line, whatever its size; any other graphology export is read whole.
 */
async function loadGraph(dir: string): Promise<KnowledgeGraph> {
  return loadGraphFile(join(dir, 'graph.json'));
}

/** The graph in a graph.json file (loadGraph); `kg export` reads any path. */
async function loadGraphFile(file: string): Promise<KnowledgeGraph> {
  const cannotRead = (err: unknown): UserError => {
    const code = (err as NodeJS.ErrnoException).code;
    return new UserError(`${file}: ${code === 'ENOENT' ? 'no such file (build it first with kg build --out)' : `cannot read (${code ?? 'error'})`}`);
  };
  let first = '';
  let size = 0;
  try {
    size = statSync(file).size;
    first = readFileHead(file, 4096);
  } catch (err) {
    throw cannotRead(err);
  }
  try {
    const newline = first.indexOf('\n');
    if (newline >= 0 && isJsonLinesLayout(first.slice(0, newline))) {
      const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
      return await fromJsonLines(lines);
    }
    if (size > MAX_WHOLE_FILE) throw new UserError(`too large (${(size / 1e6).toFixed(0)} MB) to read whole, and not in the one-element-per-line layout kg build writes`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw cannotRead(err);
    }
    return fromJson(text);
  } catch (err) {
    if (isUserError(err) && err.message.startsWith(file)) throw err;
    if (isUserError(err)) throw new UserError(`${file}: ${err.message}`);
    throw cannotRead(err);
  }
}

interface BuildOpts extends CommonOpts {
  out?: string;
  into?: string;
  threads?: number;
  timings?: boolean;
  wait?: boolean;
  repair?: boolean;
}

/**
 * Runs `work` holding the lock on the output directory (dir-lock.ts), so that no other build reads or
 * replaces DIR's graph meanwhile; the lock is released however `work` ends.
 */
async function withOutputLock<T>(dir: string, wait: boolean | undefined, work: (lock: DirLock) => Promise<T>): Promise<T> {
  const lock = await lockDir(dir, { wait: wait === true, notice: (line) => process.stderr.write(`${line}\n`) });
  let ok = false;
  try {
    await afterLockHook();
    const result = await work(lock);
    ok = true;
    return result;
  } finally {
    lock.release(!ok);
  }
}

async function build(paths: string[], opts: BuildOpts): Promise<number> {
  const out = opts.out ?? opts.into;
  if (!out) throw new UserError('missing --out DIR (or --into DIR)');
  if (opts.repair && !opts.into) throw new UserError('--repair needs --into DIR (the graph to repair)');
  if (opts.into && paths.length === 0 && !opts.repair) throw new UserError('nothing to add: give the articles to add to the graph in --into');
  const timings = startTimings(opts.timings === true);
  const listed = paths.length || !opts.repair ? await collectInputs(paths.length ? paths : ['seeds']) : undefined;
  timings.lap('list inputs');
  // The lock covers the whole read–merge–write cycle: a build that read the graph before another
  // build's rename would otherwise write it back without the other's articles.
  return withOutputLock(out, opts.wait, async (lock) => {
    if (!listed) return repairGexf(opts.into!, out, opts, lock);
    return buildLocked(listed, out, opts, timings, lock);
  });
}

/** `kg build --into DIR --repair` without articles: graph.gexf rewritten from graph.json (the newer of the two). */
async function repairGexf(into: string, out: string, opts: BuildOpts, lock: DirLock): Promise<number> {
  const g = await loadGraph(into);
  lock.verify();
  if (resolve(into) !== resolve(out) || typeof g.getAttribute('build') !== 'string') {
    // another output directory, or a graph.json from before build ids: write the pair
    await writeGraphFiles(g, out, { version: opts.gexfVersion, edgeMode: opts.edgeMode });
  } else {
    await writeGexfOnly(g, out, { version: opts.gexfVersion, edgeMode: opts.edgeMode });
  }
  process.stderr.write(`kg: repaired: ${out}/graph.gexf rewritten from ${into}/graph.json (${g.order} nodes, ${g.size} edges)\n`);
  return 0;
}

async function buildLocked(listed: { items: WorkItem[]; skipped: Skipped[] }, out: string, opts: BuildOpts, timings: ReturnType<typeof startTimings>, lock: DirLock): Promise<number> {
  const { items, skipped } = listed;
  let loaded: KnowledgeGraph | undefined;
  if (opts.into) {
    loaded = await loadGraph(opts.into);
    // --repair: graph.json is the graph to extend; the files written next make the pair agree again
    if (!opts.repair) checkGraphPair(opts.into, loaded);
  }
  const merger = new GraphMerger(loaded ?? createGraph());
  if (opts.into) timings.lap('load graph');
  const before = merger.report.merged;
  for (const s of skipped) merger.skip(s.name, s.reason);
  const stats = await extractAndMerge(items, merger, { date: opts.date, lang: opts.lang }, opts.threads);
  timings.lap('extract+merge', stats.deliverSeconds ? `main thread merging ${stats.deliverSeconds.toFixed(1)} s, extracting ${stats.extractSeconds.toFixed(1)} s (${stats.ownItems} articles)` : undefined);
  const r = merger.report;
  if (r.merged === before && r.skipped.length > 0 && r.duplicates === 0) {
    reportSkipped(r.skipped);
    throw new UserError(`no article could be built (${r.skipped.length} skipped); nothing written`);
  }
  if (opts.into && resolve(out) === resolve(opts.into) && r.merged === before && !opts.repair) {
    // nothing new: the files in place are already this graph (a build is deterministic)
    process.stderr.write(`kg: nothing new (${r.duplicates} article(s) already in the graph${r.skipped.length ? `, ${r.skipped.length} skipped` : ''}); ${out}/graph.json left as it was\n`);
    return reportSkipped(r.skipped);
  }
  const g = merger.graph;
  // A full GC between stages (large graphs only, see memory.ts); after the last one the process ends.
  const lap = (stage: string): void => {
    timings.lap(stage);
    if (stage !== 'write gexf') collectGarbage(g.order + g.size);
  };
  collectGarbage(g.order + g.size);
  finishGraph(g, lap, opts.threads ?? defaultThreads());
  lock.verify();
  await writeGraphFiles(g, out, { version: opts.gexfVersion, edgeMode: opts.edgeMode }, lap);
  process.stderr.write(timings.report());
  process.stderr.write(
    `kg: ${r.merged} article(s) added${r.duplicates ? `, ${r.duplicates} already in the graph` : ''}${r.skipped.length ? `, ${r.skipped.length} skipped` : ''}` +
      ` → ${g.order} nodes, ${g.size} edges in ${out}/graph.json and graph.gexf\n`,
  );
  return reportSkipped(r.skipped);
}

async function mergeFragments(files: string[], opts: CommonOpts & { out: string; wait?: boolean }): Promise<number> {
  const fragments: { fragment: Fragment; name: string }[] = [];
  const skipped: Skipped[] = [];
  for (const file of files) {
    for await (const { line, result } of readFragmentFile(file)) {
      if ('fragment' in result) fragments.push({ fragment: result.fragment, name: `${file}:${line}` });
      else skipped.push({ name: `${file}:${line}`, reason: result.error });
    }
  }
  // the order of a build: article id (then content hash, for equal ids)
  fragments.sort((a, b) => compare(a.fragment.article.id, b.fragment.article.id) || compare(a.fragment.article.hash, b.fragment.article.hash));
  const merger = new GraphMerger();
  for (const s of skipped) merger.skip(s.name, s.reason);
  for (const { fragment, name } of fragments) merger.add(fragment, name);
  if (merger.report.merged === 0) {
    reportSkipped(merger.report.skipped);
    throw new UserError('no fragment could be merged; nothing written');
  }
  finishGraph(merger.graph, undefined, defaultThreads());
  // merge reads nothing from DIR, so the lock covers the write only
  await withOutputLock(opts.out, opts.wait, async (lock) => {
    lock.verify();
    await writeGraphFiles(merger.graph, opts.out, { version: opts.gexfVersion, edgeMode: opts.edgeMode });
  });
  process.stderr.write(`kg: ${merger.report.merged} fragment(s) → ${merger.graph.order} nodes, ${merger.graph.size} edges in ${opts.out}/graph.json and graph.gexf\n`);
  return reportSkipped(merger.report.skipped);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type SubgraphModeOpt = 'auto' | 'always' | 'never';

async function serve(graphFile: string, portNumber: number | undefined, subgraph: SubgraphModeOpt = 'auto'): Promise<void> {
  const { startServer } = await import('../serve/server.js');
  const server = await startServer({ graphFile: resolve(graphFile), port: portNumber, subgraph, log: (line) => process.stderr.write(`kg: ${line}\n`) });
  process.stdout.write(`newsgraph viewer: ${server.url}\n`);
  process.stderr.write('kg: serving on 127.0.0.1 — press Ctrl+C to stop\n');
  const stop = () => { void server.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function program(): Command {
  const cmd = new Command('kg')
    .description('newsgraph: knowledge graphs of international politics from news articles (Italian and English)')
    // commander's own errors (unknown option, bad choice) become one line, like ours
    .configureOutput({ outputError: (str, write) => write(`kg: ${str.split('\n')[0]!.replace(/^error: /, '')} (see kg --help)\n`) });

  cmd.command('extract')
    .description('print the graph of the given articles on stdout ("-" reads one article from stdin)')
    .argument('<files...>', 'article files (plain UTF-8 text, optional "date YYYY-MM-DD Source." header)')
    .addOption(new Option('--format <format>', 'output format: graphology JSON, GEXF, or one extraction fragment per line').choices(['json', 'gexf', 'ndjson']).default('json'))
    .addOption(dateOpt).addOption(langOpt).addOption(gexfVersion).addOption(edgeMode)
    .addOption(new Option('--threads <n>', 'threads for extraction, the main one included (default: all cores)').argParser(threadsOpt))
    .action(async (files: string[], opts: CommonOpts & { format: 'json' | 'gexf' | 'ndjson'; threads?: number }) => {
      const { items, skipped } = await collectInputs(files);
      if (skipped.length) throw new UserError(`${skipped[0]!.name}: ${skipped[0]!.reason}`);
      const fragments: Fragment[] = [];
      await extractInOrder(items, {
        threads: opts.threads ?? 1,
        settings: { date: opts.date, lang: opts.lang },
        onOutcome: (item, outcome) => {
          if ('error' in outcome) throw new UserError(`${item.name}: ${outcome.error}`);
          if ('fragment' in outcome) {
            // one line at a time: a sharded corpus's fragments need not fit in one string
            if (opts.format === 'ndjson') process.stdout.write(JSON.stringify(outcome.fragment) + '\n');
            else fragments.push(outcome.fragment);
          }
        },
      });
      if (opts.format === 'ndjson') return;
      const graph = graphOf(fragments);
      process.stdout.write(opts.format === 'gexf' ? toGexf(graph, { version: opts.gexfVersion, edgeMode: opts.edgeMode }) : toJson(graph));
    });

  cmd.command('build')
    .description('merge every article under PATHS into one graph; write DIR/graph.json and DIR/graph.gexf atomically. ' +
      'One build at a time writes DIR (a lock file, DIR/.kg-build.lock; a lock left by a killed build is taken over). ' +
      'Exit code 2: built, but some inputs were skipped (reported on stderr); 1: nothing built')
    .argument('[paths...]', 'files or directories (recursively) of *.txt articles and *.jsonl corpora (one article per line), "-" for stdin (default: seeds/)')
    .option('--out <dir>', 'output directory (default: the --into directory)')
    .option('--into <dir>', 'add the articles to DIR/graph.json; articles already in it (same content) are skipped')
    .addOption(new Option('--threads <n>', 'threads for extraction, the main one included (default: all cores)').argParser(threadsOpt))
    .option('--timings', 'print the wall time and heap of each stage, and the peak memory, on stderr')
    .option('--wait', 'when another build is writing DIR, wait for it (saying whom on stderr) instead of stopping with exit 1')
    .option('--repair', 'with --into: accept a DIR whose graph.json and graph.gexf come from different builds (an interrupted build) ' +
      'and write both again from graph.json; without articles, only graph.gexf is rewritten')
    .addOption(dateOpt).addOption(langOpt).addOption(gexfVersion).addOption(edgeMode)
    .action(async (paths: string[], opts: BuildOpts) => {
      process.exitCode = await build(paths, opts);
    });

  cmd.command('merge')
    .description('merge extraction fragments (kg extract --format ndjson, one Fragment JSON per line) into one graph, as kg build would')
    .argument('<fragments...>', 'NDJSON files of fragments')
    .requiredOption('--out <dir>', 'output directory')
    .option('--wait', 'when another build is writing DIR, wait for it instead of stopping with exit 1')
    .addOption(gexfVersion).addOption(edgeMode)
    .action(async (files: string[], opts: CommonOpts & { out: string; wait?: boolean }) => {
      process.exitCode = await mergeFragments(files, opts);
    });

  cmd.command('export')
    .description('write a built graph in the format of another analysis tool: GraphML (igraph, NetworkX, Cytoscape, yEd), ' +
      'CSV tables (spreadsheets, pandas, R) or Neo4j bulk-import CSV. The files are renamed into place only when all are whole: a failed export leaves the previous files and no partial one')
    .argument('<graph>', 'a graph.json written by kg build or kg merge, or the directory holding it')
    .requiredOption('--format <format>', `${EXPORT_FORMATS.join(', ')}: graphml writes the file --out; ` +
      'csv writes nodes.csv, edges.csv and articles.csv in the directory --out; neo4j writes nodes.csv and rels.csv in the directory --out ' +
      '(for neo4j-admin database import full --nodes=DIR/nodes.csv --relationships=DIR/rels.csv)')
    .requiredOption('--out <path>', 'output file (graphml) or directory (csv, neo4j; created if missing)')
    .action(async (graphPath: string, opts: { format: string; out: string }) => {
      const format = exportFormat(opts.format); // before reading a graph that may be large
      const graph = await loadGraphFile(graphFileOf(graphPath));
      const written = await exportGraph(graph, format, opts.out, (line) => process.stderr.write(`${line}\n`));
      process.stderr.write(`kg: ${graph.order} nodes, ${graph.size} edges → ${written.join(', ')}\n`);
    });

  cmd.command('generate')
    .description('write a synthetic corpus (JSON Lines, Italian and English articles) for benchmarks; deterministic for a seed')
    .requiredOption('--count <n>', 'number of articles', (v) => threadsOptLike(v, 'count'))
    .option('--seed <n>', 'seed', (v) => threadsOptLike(v, 'seed'), 1)
    .requiredOption('--out <file>', 'output file (.jsonl)')
    .action(async (opts: { count: number; seed: number; out: string }) => {
      await writeChunksAtomic(opts.out, generateCorpusLines({ count: opts.count, seed: opts.seed }));
    });

  cmd.addCommand(clusterCommand());

  // The literal thresholds of src/serve/server.ts SUBGRAPH_AUTO (not imported here: the server is loaded lazily).
  const subgraphOpt = new Option('--subgraph <mode>', 'answer the viewer with parts of the graph (time window, kinds, top N, neighbourhood, search) ' +
    'instead of sending it whole: auto = for a graph.json over 32 MB with more than 20,000 nodes or 100,000 edges, loaded once at start; ' +
    'always = for any graph.json (testing); never = always send the whole file').choices(['auto', 'always', 'never']).default('auto');
  cmd.command('serve')
    .description('serve the viewer for a graph.json or GEXF file on 127.0.0.1')
    .requiredOption('--graph <file>', 'graph.json or .gexf file')
    .option('--port <n>', 'port (0 picks a free one)', port, 4173)
    .addOption(subgraphOpt)
    .action(async (opts: { graph: string; port: number; subgraph: SubgraphModeOpt }) => {
      await serve(opts.graph, opts.port, opts.subgraph);
    });

  cmd.command('start')
    .description('build seeds/ into out/ and serve the viewer (what `npm start` runs)')
    .option('--port <n>', 'port (0 picks a free one)', port, 4173)
    .action(async (opts: { port: number }) => {
      await build([], { out: 'out', gexfVersion: '1.3', edgeMode: 'directed' });
      await serve('out/graph.json', opts.port);
    });
  return cmd;
}

function fail(err: unknown): never {
  if (isUserError(err)) {
    process.stderr.write(`kg: ${err.message.split('\n')[0]}\n`);
    process.exit(err.exitCode);
  }
  const e = err as Error;
  process.stderr.write(`kg: internal error: ${e?.message ?? String(err)}${process.env.NEWSGRAPH_DEBUG ? `\n${e?.stack ?? ''}` : ' (set NEWSGRAPH_DEBUG=1 for details)'}\n`);
  process.exit(70);
}

// stdout closed early (kg extract ... | head) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

program().parseAsync(process.argv).catch(fail);
