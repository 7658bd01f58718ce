#!/usr/bin/env node
// kg — newsgraph's command line (contract: ../shared/GUIDE.md).
//   kg extract FILE... [--format json|gexf|ndjson]   graph of those articles on stdout
//   kg build [PATHS...] --out DIR                     graph.json + graph.gexf of every article, atomically
//   kg serve --graph FILE [--port N]                   the viewer on 127.0.0.1
//   kg start                                           build seeds/ into out/ and serve it (npm start)
// User errors print one line on stderr and exit 1; nothing half-written is ever left behind.
import { Command, InvalidArgumentError, Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isUserError, UserError } from '../errors.js';
import { parseIsoDate } from '../read/index.js';
import { toJson } from '../export/json.js';
import { toGexf, writeGexf, type EdgeMode, type GexfVersion } from '../export/gexf.js';
import { writeFileAtomic } from '../export/atomic.js';
import type { KnowledgeGraph } from '../graph/create.js';
import { collectArticleFiles } from './inputs.js';
import { extractFiles, graphOf } from './pipeline.js';

function isoDate(value: string): string {
  if (!parseIsoDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
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

async function writeGraphFiles(graph: KnowledgeGraph, outDir: string, opts: CommonOpts): Promise<void> {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    throw new UserError(`cannot create ${outDir}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  await writeFileAtomic(join(outDir, 'graph.json'), toJson(graph));
  // The GEXF writer is synchronous and calls the sink per node and edge; chunks are queued and written
  // in order, so the document is never held whole in one string.
  await writeFileAtomic(join(outDir, 'graph.gexf'), async (write) => {
    let queue = Promise.resolve();
    writeGexf(graph, (c) => { queue = queue.then(() => write(c)); }, { version: opts.gexfVersion, edgeMode: opts.edgeMode });
    await queue;
  });
}

async function build(paths: string[], opts: CommonOpts & { out: string }): Promise<KnowledgeGraph> {
  const files = collectArticleFiles(paths.length ? paths : ['seeds']);
  const fragments = extractFiles(files, opts);
  const graph = graphOf(fragments);
  await writeGraphFiles(graph, opts.out, opts);
  process.stderr.write(`kg: ${files.length} article(s) → ${graph.order} nodes, ${graph.size} edges in ${opts.out}/graph.json and graph.gexf\n`);
  return graph;
}

async function serve(graphFile: string, portNumber: number | undefined): Promise<void> {
  const { startServer } = await import('../serve/server.js');
  const server = await startServer({ graphFile: resolve(graphFile), port: portNumber });
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
    .action((files: string[], opts: CommonOpts & { format: 'json' | 'gexf' | 'ndjson' }) => {
      const list = collectArticleFiles(files);
      const fragments = extractFiles(list, opts);
      if (opts.format === 'ndjson') {
        process.stdout.write(fragments.map((f) => JSON.stringify(f)).join('\n') + '\n');
        return;
      }
      const graph = graphOf(fragments);
      process.stdout.write(opts.format === 'gexf' ? toGexf(graph, { version: opts.gexfVersion, edgeMode: opts.edgeMode }) : toJson(graph));
    });

  cmd.command('build')
    .description('merge every article under PATHS into one graph; write DIR/graph.json and DIR/graph.gexf atomically')
    .argument('[paths...]', 'files or directories of *.txt articles (default: seeds/)')
    .requiredOption('--out <dir>', 'output directory')
    .addOption(dateOpt).addOption(langOpt).addOption(gexfVersion).addOption(edgeMode)
    .action(async (paths: string[], opts: CommonOpts & { out: string }) => {
      await build(paths, opts);
    });

  cmd.command('serve')
    .description('serve the viewer for a graph.json or GEXF file on 127.0.0.1')
    .requiredOption('--graph <file>', 'graph.json or .gexf file')
    .option('--port <n>', 'port (default 4173; 0 picks a free one)', port, 4173)
    .action(async (opts: { graph: string; port: number }) => {
      await serve(opts.graph, opts.port);
    });

  cmd.command('start')
    .description('build seeds/ into out/ and serve the viewer (what `npm start` runs)')
    .option('--port <n>', 'port (default 4173; 0 picks a free one)', port, 4173)
    .action(async (opts: { port: number }) => {
      await build(['seeds'], { out: 'out', gexfVersion: '1.3', edgeMode: 'directed' });
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
