// Helper thread of runForceAtlas2 (run.ts): waits for an iteration, takes chunks of nodes for the Barnes-Hut
// repulsion until none is left, says it is done, and waits for the next one. New tree buffers arrive as
// messages, read synchronously when an iteration starts.
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { DONE, FAILED, GEN, repulseChunks, type HelperData } from './run.js';

const data = workerData as HelperData;
const ctrl = new Int32Array(data.ctrl);
const nodes = new Float32Array(data.nodes);
let regions: Float64Array<ArrayBufferLike> = new Float64Array(0);
let gen = 0;
for (;;) {
  Atomics.wait(ctrl, GEN, gen);
  gen = Atomics.load(ctrl, GEN);
  if (gen < 0) break;
  for (let m = receiveMessageOnPort(data.port); m; m = receiveMessageOnPort(data.port)) {
    regions = new Float64Array((m.message as { regions: SharedArrayBuffer }).regions);
  }
  try {
    repulseChunks(data.options, nodes, regions, ctrl);
  } catch {
    Atomics.store(ctrl, FAILED, 1);
  }
  Atomics.add(ctrl, DONE, 1);
  Atomics.notify(ctrl, DONE);
}
