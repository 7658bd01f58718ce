// Extraction over all cores (node:worker_threads), delivered in input order.
//
// N threads are this thread and N - 1 workers. This thread extracts batches too, between merging what
// arrives: with N workers beside it, N cores had N + 1 busy threads (this one merging). A batch this
// thread extracts is delivered as it is, never serialized. What no scheduling removes: every extracting
// thread is its own V8 isolate and pays its own JIT warm-up (the first ~500 articles run several times
// slower) and its own optimizing compilation (about 1.4 s of CPU time on V8's background threads here),
// so N threads cost about 2 s more CPU time per extra thread than one (see README, Benchmarks).
//
// Items are cut into small batches and handed to the workers as they become free (a long article does
// not stall a whole slice of the corpus); outcomes come back in any order and are held in a reorder
// buffer until every earlier item has been delivered, so the caller merges in exactly the order of
// `items` whatever the thread count and timing. Dispatch stops while the buffer is more than WINDOW
// items ahead of delivery, which bounds memory when one batch is slow.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { WorkItem } from './items.js';
import { processItem, type Outcome, type ReadSettings } from './process-item.js';
import { createDecoder, type WireOutcome } from './wire.js';
import { startWorker } from '../threads.js';

export interface BatchRequest {
  batch: number;
  items: WorkItem[];
}

export interface BatchReply {
  batch: number;
  outcomes: WireOutcome[];
}

export interface ExtractOptions {
  /** Extracting threads, this one included: N runs N - 1 workers beside it; 1 runs none. Default: availableParallelism(). */
  threads?: number;
  settings: ReadSettings;
  /** Content hashes to skip (articles the graph already holds). */
  known?: ReadonlySet<string>;
  /** Called once per item, in the order of `items`. */
  onOutcome: (item: WorkItem, outcome: Outcome) => void;
}

const BATCH = 16;
const WINDOW = 4096;

export function defaultThreads(): number {
  return availableParallelism();
}

/** What a run cost the calling thread (zero when it ran alone): delivering (decoding, merging) and extracting. */
export interface ExtractStats {
  /** Time spent in `onOutcome` and decoding workers' outcomes. */
  deliverSeconds: number;
  /** Time this thread spent extracting its own share of the batches. */
  extractSeconds: number;
  /** Items this thread extracted (the workers did the rest). */
  ownItems: number;
}

/** Held until every earlier batch has been delivered: a worker's outcomes (wire form) or this thread's own. */
type Done = { wire: WireOutcome[] } | { own: Outcome[] };

export async function extractInOrder(items: readonly WorkItem[], opts: ExtractOptions): Promise<ExtractStats> {
  const stats: ExtractStats = { deliverSeconds: 0, extractSeconds: 0, ownItems: 0 };
  const known = opts.known ?? new Set<string>();
  const threads = Math.max(1, Math.min(opts.threads ?? defaultThreads(), Math.ceil(items.length / BATCH)));
  if (threads <= 1) {
    for (const item of items) opts.onOutcome(item, processItem(item, opts.settings, known));
    return stats;
  }

  // `threads` extractors: this thread and threads - 1 workers. This thread also merges (onOutcome), so
  // on N cores N threads are busy, not N + 1; and the batches it extracts itself never cross a thread.
  const batches: WorkItem[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  const done = new Map<number, Done>();
  const decode = createDecoder();
  let next = 0; // next batch to hand out (to a worker or to this thread)
  let deliver = 0; // next batch to deliver
  const open = (): boolean => next < batches.length && (next - deliver) * BATCH <= WINDOW;

  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = false;
      const fail = (err: unknown): void => {
        finished = true;
        reject(err);
      };
      /** Delivers every batch that is next in order; true when all are delivered. */
      const deliverReady = (): boolean => {
        const started = performance.now();
        try {
          while (done.has(deliver)) {
            const d = done.get(deliver)!;
            done.delete(deliver);
            const batch = batches[deliver]!;
            if ('own' in d) batch.forEach((item, k) => opts.onOutcome(item, d.own[k]!));
            else batch.forEach((item, k) => opts.onOutcome(item, decode(d.wire[k]!)));
            batches[deliver] = []; // let the items go
            deliver++;
          }
        } finally {
          stats.deliverSeconds += (performance.now() - started) / 1000;
        }
        if (deliver < batches.length) return false;
        finished = true;
        resolve();
        return true;
      };
      const dispatch = (w: Worker): boolean => {
        if (!open()) return false;
        const req: BatchRequest = { batch: next, items: batches[next]! };
        next++;
        w.postMessage(req);
        return true;
      };
      const idle: Worker[] = [];
      const feedIdle = (): void => {
        while (idle.length && dispatch(idle[idle.length - 1]!)) idle.pop();
      };
      // This thread's share: one batch at a time between the event loop's turns, so the workers'
      // replies are taken (and the workers fed) every batch; it waits while the window is full.
      let waiting = false;
      const ownTurn = (): void => {
        if (finished) return;
        feedIdle(); // workers first: they run meanwhile
        if (!open()) {
          waiting = next < batches.length;
          return;
        }
        const b = next++;
        const started = performance.now();
        const outcomes = batches[b]!.map((item) => processItem(item, opts.settings, known));
        stats.extractSeconds += (performance.now() - started) / 1000;
        stats.ownItems += outcomes.length;
        done.set(b, { own: outcomes });
        try {
          if (deliverReady()) return;
        } catch (err) {
          fail(err);
          return;
        }
        setImmediate(ownTurn);
      };
      const resumeOwn = (): void => {
        if (waiting && open()) {
          waiting = false;
          setImmediate(ownTurn);
        }
      };
      for (let t = 1; t < threads; t++) {
        const w = startWorker(import.meta.url, 'extract-worker', { workerData: { settings: opts.settings, known: [...known] } });
        workers.push(w);
        w.on('error', fail);
        w.on('exit', (code) => {
          if (deliver < batches.length) fail(new Error(`extraction worker stopped (exit code ${code})`));
        });
        w.on('message', (reply: BatchReply) => {
          if (finished) return;
          done.set(reply.batch, { wire: reply.outcomes });
          try {
            if (deliverReady()) return;
          } catch (err) {
            fail(err);
            return;
          }
          if (!dispatch(w)) idle.push(w);
          // delivery may have reopened the window for workers that were waiting, and for this thread
          feedIdle();
          resumeOwn();
        });
        // two batches in flight per worker: it never waits for the main thread between batches
        dispatch(w);
        dispatch(w);
      }
      setImmediate(ownTurn);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return stats;
}
