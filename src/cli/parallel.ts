// Extraction over all cores (node:worker_threads), delivered in input order.
//
// Items are cut into small batches and handed to the workers as they become free (a long article does
// not stall a whole slice of the corpus); outcomes come back in any order and are held in a reorder
// buffer until every earlier item has been delivered, so the caller merges in exactly the order of
// `items` whatever the thread count and timing. Dispatch stops while the buffer is more than WINDOW
// items ahead of delivery, which bounds memory when one batch is slow.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkItem } from './items.js';
import { processItem, type Outcome, type ReadSettings } from './process-item.js';
import { createDecoder, type WireOutcome } from './wire.js';

export interface BatchRequest {
  batch: number;
  items: WorkItem[];
}

export interface BatchReply {
  batch: number;
  outcomes: WireOutcome[];
}

export interface ExtractOptions {
  /** Worker threads; 1 extracts in this thread. Default: availableParallelism(). */
  threads?: number;
  settings: ReadSettings;
  /** Content hashes to skip (articles the graph already holds). */
  known?: ReadonlySet<string>;
  /** Called once per item, in the order of `items`. */
  onOutcome: (item: WorkItem, outcome: Outcome) => void;
}

const BATCH = 16;
const WINDOW = 4096;

/**
 * A worker running extract-worker. Compiled (dist/, what `npm run kg` runs) the worker file is started
 * directly: nothing is compiled in the thread, which is what lets a second thread pay off. From the
 * TypeScript sources (tsx: `npm run kg:dev`, tests importing this module), the worker cannot be started
 * on the .ts file, not even with execArgv ['--import', 'tsx']: on Node 20 the hooks that --import
 * registers are not applied to a worker's entry point nor to its dynamic imports ("Unknown file
 * extension .ts"). tsx's own API, tsImport, loads it with a private loader, which works; so the worker
 * is a two-line bootstrap that calls it; every such worker compiles the modules it loads.
 */
function startWorker(workerData: unknown): Worker {
  const target = new URL(import.meta.url.endsWith('.ts') ? './extract-worker.ts' : './extract-worker.js', import.meta.url);
  if (!target.pathname.endsWith('.ts')) return new Worker(target, { workerData });
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(target.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, execArgv: [], workerData });
}

export function defaultThreads(): number {
  return availableParallelism();
}

/** What a run cost the calling thread: with workers, the time it spent decoding and delivering outcomes. */
export interface ExtractStats {
  deliverSeconds: number;
}

export async function extractInOrder(items: readonly WorkItem[], opts: ExtractOptions): Promise<ExtractStats> {
  const stats: ExtractStats = { deliverSeconds: 0 };
  const known = opts.known ?? new Set<string>();
  const threads = Math.max(1, Math.min(opts.threads ?? defaultThreads(), Math.ceil(items.length / BATCH)));
  if (threads <= 1) {
    for (const item of items) opts.onOutcome(item, processItem(item, opts.settings, known));
    return stats;
  }

  const batches: WorkItem[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  const done = new Map<number, WireOutcome[]>();
  const decode = createDecoder();
  let next = 0; // next batch to dispatch
  let deliver = 0; // next batch to deliver

  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const dispatch = (w: Worker): boolean => {
        if (next >= batches.length || (next - deliver) * BATCH > WINDOW) return false;
        const req: BatchRequest = { batch: next, items: batches[next]! };
        next++;
        w.postMessage(req);
        return true;
      };
      const idle: Worker[] = [];
      for (let t = 0; t < threads; t++) {
        const w = startWorker({ settings: opts.settings, known: [...known] });
        workers.push(w);
        w.on('error', reject);
        w.on('exit', (code) => {
          if (deliver < batches.length) reject(new Error(`extraction worker stopped (exit code ${code})`));
        });
        w.on('message', (reply: BatchReply) => {
          done.set(reply.batch, reply.outcomes);
          const started = performance.now();
          try {
            while (done.has(deliver)) {
              const outcomes = done.get(deliver)!;
              done.delete(deliver);
              batches[deliver]!.forEach((item, k) => opts.onOutcome(item, decode(outcomes[k]!)));
              batches[deliver] = []; // let the items go
              deliver++;
            }
          } catch (err) {
            reject(err);
            return;
          } finally {
            stats.deliverSeconds += (performance.now() - started) / 1000;
          }
          if (deliver >= batches.length) {
            resolve();
            return;
          }
          if (!dispatch(w)) idle.push(w);
          // delivery may have reopened the window for workers that were waiting
          while (idle.length && dispatch(idle[idle.length - 1]!)) idle.pop();
        });
        // two batches in flight per worker: it never waits for the main thread between batches
        dispatch(w);
        dispatch(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return stats;
}
