// Big graphs (issue 11 part 7): `kg serve` on a large graph.json, answered in parts. Measures
//  - server ready: process start → URL printed (graph loaded and indexed), target < 60 s; its resident
//    memory then (VmRSS) and its peak over the whole run (VmHWM), target < 2.5 GB;
//  - first frame: navigation start → sigma's first frame of the default view (meta + subgraph fetched,
//    parsed, drawn), target < 3 s;
//  - a search by name and a neighbourhood (2 hops) through the viewer's own controls: the action → the
//    new part drawn (request, answer, parse, first frame), target < 1 s each; and the server's own time
//    for the same requests (curl-like fetch from node).
// The graph: the largest cached build of bench/run.ts (out-100000 after `npm run bench -- --full`,
// else out-10000), or a graph.json given on the command line: `npx tsx bench/serve.ts [graph.json]`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureViewerBuilt } from '../src/serve/build-viewer.js';
import { browserAvailable, launchBrowser } from '../test/helpers/browser.js';
import type { NewsgraphHook } from '../viewer/src/hook.js';

const root = resolve(import.meta.dirname, '..');

export interface ServeBenchResult {
  graphFile: string;
  graphMB: number;
  nodes: number;
  edges: number;
  readySeconds: number;
  readyRssMB: number;
  peakRssMB: number;
  firstFrameMs?: number;
  defaultView?: { nodes: number; edges: number; note: string };
  searchMs?: number;
  neighbourhoodMs?: number;
  serverSearchMs: number;
  serverNeighbourhoodMs: number;
  serverDefaultMs: number;
}

/** The largest graph bench/run.ts has built and cached. */
export function cachedLargeGraph(cache = join(tmpdir(), 'newsgraph-bench')): string | null {
  if (!existsSync(cache)) return null;
  const builds = readdirSync(cache)
    .map((d) => /^out-(\d+)$/.exec(d))
    .filter((m): m is RegExpExecArray => m !== null && existsSync(join(cache, m[0], 'graph.json')))
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  return builds[0] ? join(cache, builds[0][0], 'graph.json') : null;
}

/** Resident memory of a process in MB (VmRSS now, VmHWM its peak), from /proc. */
function memoryMB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * `kg serve` (the compiled CLI, as `npm run kg` runs it); resolves once it prints its URL. `--subgraph
 * always`: a 10,000-article graph, under the automatic threshold, is measured in parts too (on the
 * 100,000-article one `auto` decides the same).
 */
function startKgServe(graphFile: string): Promise<{ child: ChildProcess; url: string; seconds: number; log: string[] }> {
  const t = performance.now();
  const child = spawn(process.execPath, [join(root, 'scripts', 'kg.mjs'), 'serve', '--graph', graphFile, '--port', '0', '--subgraph', 'always'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => log.push(...d.trim().split('\n')));
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /http:\/\/\S+/.exec(out);
      if (m) resolveStart({ child, url: m[0], seconds: (performance.now() - t) / 1000, log });
    });
    child.on('exit', (code) => reject(new Error(`kg serve exited (${code}): ${log.slice(-3).join(' | ')}`)));
  });
}

/** Milliseconds the server takes to answer `path` (body read), measured from node. */
async function timed(url: string, path: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(new URL(path, url));
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return performance.now() - t;
}

export async function benchServe(graphFile: string): Promise<ServeBenchResult> {
  await ensureViewerBuilt();
  const server = await startKgServe(graphFile);
  try {
    const pid = server.child.pid!;
    const ready = memoryMB(pid);
    const meta = (await (await fetch(new URL('api/meta', server.url))).json()) as { nodes: number; edges: number };
    const serverDefaultMs = await timed(server.url, 'api/subgraph?nodeKinds=alliance,country,leader,place');
    const serverSearchMs = await timed(server.url, 'api/subgraph?q=macron&depth=1&nodeKinds=alliance,country,leader,place');
    const serverNeighbourhoodMs = await timed(server.url, `api/subgraph?node=${encodeURIComponent('leader:emmanuel-macron')}&depth=2&nodeKinds=alliance,country,leader,place`);
    const result: ServeBenchResult = {
      graphFile, graphMB: statSync(graphFile).size / 1e6, nodes: meta.nodes, edges: meta.edges,
      readySeconds: server.seconds, readyRssMB: ready.rss, peakRssMB: ready.peak, serverDefaultMs, serverSearchMs, serverNeighbourhoodMs,
    };
    if (browserAvailable()) {
      const browser = await launchBrowser();
      try {
        const page = await browser.browser.newPage();
        const hook = <T>(fn: (h: NewsgraphHook) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__newsgraph)`) as Promise<T>;
        await page.goto(server.url);
        await page.waitForFunction(() => (window as unknown as { __newsgraph?: NewsgraphHook }).__newsgraph?.firstFrameAt != null, null, { timeout: 120_000 });
        result.firstFrameMs = Math.round(await hook((h) => h.firstFrameAt!));
        result.defaultView = { nodes: await hook((h) => h.visibleNodes().length), edges: await hook((h) => h.visibleEdges().length), note: await hook((h) => h.remote()!.note) };
        // From the action to the new part's first frame, in the page's clock.
        const drawnAfter = async (act: () => Promise<void>): Promise<number> => {
          const before = await hook((h) => h.remote()!.answers);
          const t0 = (await page.evaluate('performance.now()')) as number;
          await act();
          await page.waitForFunction((n) => {
            const h = (window as unknown as { __newsgraph: NewsgraphHook }).__newsgraph;
            return h.remote()!.answers > n && h.firstFrameAt !== null;
          }, before, { timeout: 60_000 });
          const ms = Math.round((await hook((h) => h.firstFrameAt!)) - t0);
          process.stderr.write(`    drawn in ${ms} ms: ${JSON.stringify(await hook((h) => h.remote()!.timings))}\n`);
          return ms;
        };
        result.searchMs = await drawnAfter(async () => {
          await page.fill('#search', 'Macron');
          await page.press('#search', 'Enter');
        });
        result.neighbourhoodMs = await drawnAfter(async () => {
          await page.selectOption('#depth', '2');
        });
      } finally {
        await browser.close();
      }
    }
    result.peakRssMB = memoryMB(pid).peak;
    return result;
  } finally {
    server.child.kill('SIGTERM');
  }
}

/** The rows bench/run.ts prints. */
export function serveRows(r: ServeBenchResult): [string, string, string][] {
  const what = `${r.nodes} nodes, ${r.edges} edges, graph.json ${r.graphMB.toFixed(0)} MB`;
  const rows: [string, string, string][] = [
    ['kg serve of a large graph: ready', `${r.readySeconds.toFixed(1)} s`, `${what}; RSS ${r.readyRssMB.toFixed(0)} MB when ready, peak ${r.peakRssMB.toFixed(0)} MB over the run; targets < 60 s, < 2.5 GB`],
    ['kg serve: server time of a part', `${r.serverDefaultMs.toFixed(0)} ms`, `default view; search ${r.serverSearchMs.toFixed(0)} ms, 2-hop neighbourhood ${r.serverNeighbourhoodMs.toFixed(0)} ms (answer read in node)`],
  ];
  if (r.firstFrameMs !== undefined) {
    rows.push(['kg serve: first frame of the default view', `${r.firstFrameMs} ms`, `${r.defaultView?.nodes} nodes, ${r.defaultView?.edges} edges drawn; target < 3000 ms`]);
    rows.push(['kg serve: search by name, answered and drawn', `${r.searchMs} ms`, 'target < 1000 ms']);
    rows.push(['kg serve: 2-hop neighbourhood, answered and drawn', `${r.neighbourhoodMs} ms`, 'target < 1000 ms']);
  } else rows.push(['kg serve: viewer', 'skipped', 'no browser']);
  return rows;
}

/**
 * bench/run.ts's section: on the largest cached build (the 100,000-article one after a --full run);
 * rows go through `row`, the numbers into `results.serve`.
 */
export async function benchServeSection(row: (what: string, value: string, note?: string) => void, results: Record<string, unknown>): Promise<void> {
  const file = cachedLargeGraph();
  if (!file) {
    row('kg serve of a large graph', 'skipped', 'no cached build');
    return;
  }
  try {
    const r = await benchServe(file);
    results.serve = r;
    for (const [what, value, note] of serveRows(r)) row(what, value, note);
  } catch (err) {
    row('kg serve of a large graph', 'failed', (err as Error).message.split('\n')[0]!);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? cachedLargeGraph();
  if (!file) throw new Error('no graph: give a graph.json, or run `npm run bench -- --full` first (it builds and caches the 100,000-article graph)');
  const r = await benchServe(resolve(file));
  console.log(JSON.stringify(r, null, 2));
  for (const [a, b, c] of serveRows(r)) console.log(`${a} | ${b} | ${c}`);
}
