// One run of the extraction driver of `kg build` (src/cli/parallel.ts), in a fresh process, for bench/run.ts:
// the same generated articles on THREADS threads (1: all in the main thread; N: the main thread and N - 1
// workers). Prints one JSON line.
//   node bench/driver.mjs dist COUNT THREADS              the compiled modules (what `npm run kg` runs)
//   node --import tsx bench/driver.mjs src COUNT THREADS  the TypeScript sources (workers compile at start)
//   node bench/driver.mjs dist-old COUNT THREADS          another compiled copy beside dist/ (e.g. a previous commit's, for before/after)
//     made with: git stash && npm run build && cp -r dist dist-old && git stash pop && npm run build (or from a checkout)
// Plain JavaScript, so that the compiled run loads no TypeScript machinery at all. One thread count per
// process: every run starts cold (no module, data or JIT warmed by an earlier run). Since the main thread
// extracts too, a 2-thread run after a 1-thread run in the same process would start with a warm main thread.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [kind = 'dist', countArg = '4000', threadsArg = '2'] = process.argv.slice(2);
if (!/^(src|dist[\w-]*)$/.test(kind)) throw new Error('usage: driver.mjs dist|src COUNT THREADS');
const ext = kind === 'src' ? 'ts' : 'js';
const dir = join(import.meta.dirname, '..', kind);
const { generateArticle } = await import(pathToFileURL(join(dir, 'corpus', `generate.${ext}`)).href);
const { extractInOrder } = await import(pathToFileURL(join(dir, 'cli', `parallel.${ext}`)).href);

const count = Number(countArg);
const items = Array.from({ length: count }, (_, i) => {
  const a = generateArticle(i, { count, seed: 1 });
  return { id: a.id, name: a.id, record: { id: a.id, text: a.text } };
});
const bytes = items.reduce((s, it) => s + Buffer.byteLength(it.record.text), 0);
// CPU time too (every thread of the process): on a shared machine the wall time depends on the load, while
// the CPU time shows what the threads cost (worker start-up, each thread's JIT warm-up, passing fragments).
const run = async (threads) => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let edges = 0;
  await extractInOrder(items, { threads, settings: {}, onOutcome: (_, o) => { if ('fragment' in o) edges += o.fragment.edges.length; } });
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6, edges };
};
const r = await run(Number(threadsArg));
process.stdout.write(JSON.stringify({ kind, articles: count, bytes, threads: Number(threadsArg), ...r }) + '\n');
