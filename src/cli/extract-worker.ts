// Worker thread of a parallel build: receives batches of work items, answers with their outcomes.
// Started by parallel.ts (see startWorker there). Outcomes travel in the wire form of wire.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { processItem, type ReadSettings } from './process-item.js';
import type { BatchRequest, BatchReply } from './parallel.js';
import { encodeOutcome } from './wire.js';

const { settings, known } = workerData as { settings: ReadSettings; known: string[] };
const knownSet = new Set(known);

parentPort!.on('message', (req: BatchRequest) => {
  const reply: BatchReply = { batch: req.batch, outcomes: req.items.map((item) => encodeOutcome(processItem(item, settings, knownSet))) };
  parentPort!.postMessage(reply);
});
