// Worker thread of a parallel build: receives batches of work items, answers with their outcomes.
// Started by parallel.ts with execArgv ['--import', 'tsx'] so that it runs from the TypeScript sources.
import { parentPort, workerData } from 'node:worker_threads';
import { processItem, type ReadSettings } from './process-item.js';
import type { BatchRequest, BatchReply } from './parallel.js';

const { settings, known } = workerData as { settings: ReadSettings; known: string[] };
const knownSet = new Set(known);

parentPort!.on('message', (req: BatchRequest) => {
  const reply: BatchReply = { batch: req.batch, outcomes: req.items.map((item) => processItem(item, settings, knownSet)) };
  parentPort!.postMessage(reply);
});
