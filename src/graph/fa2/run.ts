// ForceAtlas2 iterations over the package's matrices, on one thread or several.
//
// The Barnes-Hut repulsion is about 87% of an iteration on corpus graphs (a CPU profile of the 10k build:
// 2.1 s of the layout's 2.4 s), and each node's repulsion only reads positions and the tree and writes that
// node's forces. So with helpers, every iteration builds the tree here, then this thread and the helpers
// take chunks of nodes from a shared counter until none is left; the rest of the iteration (gravity,
// attraction, moving the nodes) runs here. Whoever computes a node computes the same floats: the result is
// byte-identical for any number of threads and any timing.
//
// Synchronous on purpose (layoutGraph is a plain function): the helpers are told to start by Atomics.notify
// and this thread blocks in Atomics.wait until they are done. Buffers are SharedArrayBuffers: the node
// matrix, the tree (copied into a Float64Array: the package keeps it as an array of doubles, so the copy is
// exact), and a small control array.
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { startWorker } from '../../threads.js';
import { iterateEnd, iterateStart, repulseAll, repulseRange, PPN, PPR } from './iterate.js';

/** Slots of the control array shared with the helpers. */
export const GEN = 0; // iteration number; -1 tells the helpers to stop
export const DONE = 1; // helpers done with the current iteration, summed over iterations
export const NEXT = 2; // next node (index) to take
export const FAILED = 3; // set by a helper that threw
/** Nodes taken at a time from the shared counter. */
export const CHUNK = 64;

export interface HelperData {
  ctrl: SharedArrayBuffer;
  nodes: SharedArrayBuffer;
  options: object;
  port: MessagePort;
}

/** Longest wait for the helpers in one iteration before giving up (a helper that died never answers). */
const HELPER_TIMEOUT_MS = 120_000;

/** Takes chunks of nodes until none is left; shared by this thread and the helpers. */
export function repulseChunks(options: object, nodes: Float32Array, regions: ArrayLike<number>, ctrl: Int32Array): void {
  const count = nodes.length / PPN;
  for (;;) {
    const c = Atomics.add(ctrl, NEXT, CHUNK);
    if (c >= count) return;
    repulseRange(options, nodes, regions, c * PPN, Math.min(c + CHUNK, count) * PPN);
  }
}

/**
 * Runs `iterations` ForceAtlas2 iterations on `nodes` and `edges` (the package's matrix layout), with
 * `helpers` worker threads for the Barnes-Hut repulsion. `nodes` must be backed by a SharedArrayBuffer
 * when helpers > 0. Without Barnes-Hut, or with no helpers, everything runs here.
 */
export function runForceAtlas2(options: { barnesHutOptimize?: boolean }, nodes: Float32Array, edges: Float32Array, iterations: number, helpers = 0): void {
  if (helpers <= 0 || !options.barnesHutOptimize || iterations <= 0) {
    for (let i = 0; i < iterations; i++) {
      const { regions, outboundAttCompensation } = iterateStart(options, nodes, edges);
      if (regions) repulseRange(options, nodes, regions, 0, nodes.length);
      else repulseAll(options, nodes);
      iterateEnd(options, nodes, edges, outboundAttCompensation);
    }
    return;
  }
  if (!(nodes.buffer instanceof SharedArrayBuffer)) throw new Error('runForceAtlas2: helpers need a node matrix on a SharedArrayBuffer');
  const ctrl = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  try {
    for (let h = 0; h < helpers; h++) {
      const { port1, port2 } = new MessageChannel();
      const data: HelperData = { ctrl: ctrl.buffer as SharedArrayBuffer, nodes: nodes.buffer, options, port: port2 };
      const w = startWorker(import.meta.url, 'repulsion-worker', { workerData: data, transferList: [port2] });
      w.unref();
      workers.push(w);
      ports.push(port1);
    }
    let shared: Float64Array<ArrayBufferLike> = new Float64Array(0);
    for (let gen = 1; gen <= iterations; gen++) {
      const { regions, outboundAttCompensation } = iterateStart(options, nodes, edges);
      const tree = regions as number[];
      if (tree.length > shared.length) {
        // room for twice the regions, so that a slightly bigger tree next time needs no new buffer
        shared = new Float64Array(new SharedArrayBuffer(Math.ceil((tree.length * 2) / PPR) * PPR * Float64Array.BYTES_PER_ELEMENT));
        for (const p of ports) p.postMessage({ regions: shared.buffer });
      }
      shared.set(tree);
      Atomics.store(ctrl, NEXT, 0);
      Atomics.store(ctrl, GEN, gen);
      Atomics.notify(ctrl, GEN);
      repulseChunks(options, nodes, tree, ctrl);
      const target = gen * helpers;
      const deadline = Date.now() + HELPER_TIMEOUT_MS;
      for (let done = Atomics.load(ctrl, DONE); done !== target; done = Atomics.load(ctrl, DONE)) {
        if (Atomics.load(ctrl, FAILED)) throw new Error('layout: a repulsion helper thread failed');
        if (Date.now() > deadline) throw new Error('layout: a repulsion helper thread did not answer');
        Atomics.wait(ctrl, DONE, done, 1000);
      }
      if (Atomics.load(ctrl, FAILED)) throw new Error('layout: a repulsion helper thread failed');
      iterateEnd(options, nodes, edges, outboundAttCompensation);
    }
  } finally {
    Atomics.store(ctrl, GEN, -1);
    Atomics.notify(ctrl, GEN);
    for (const p of ports) p.close();
    for (const w of workers) void w.terminate();
  }
}
