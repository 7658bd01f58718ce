// Where the metrics are computed: on the main thread for small graphs (a worker's start-up costs more
// than the work), in metrics-worker.ts above METRICS_WORKER_ABOVE relations.
import type { UndirectedGraph } from 'graphology';
import { computeMetrics, type Metrics } from './analysis.js';

export const METRICS_WORKER_ABOVE = 2_000;

/** What the worker receives: node keys and edges as [source index, target index, weight]. */
export interface MetricsRequest {
  nodes: string[];
  edges: [number, number, number][];
}

export interface MetricsJob {
  result: Promise<Metrics>;
  where: 'main' | 'worker';
  cancel(): void;
}

export function startMetrics(g: UndirectedGraph): MetricsJob {
  if (g.size <= METRICS_WORKER_ABOVE) {
    return { result: Promise.resolve(computeMetrics(g)), where: 'main', cancel: () => undefined };
  }
  const nodes = g.nodes();
  const index = new Map(nodes.map((n, i) => [n, i]));
  const edges: [number, number, number][] = [];
  g.forEachEdge((_e, a, s, t) => edges.push([index.get(s)!, index.get(t)!, typeof a.weight === 'number' ? a.weight : 1]));
  const worker = new Worker(new URL('./metrics-worker.ts', import.meta.url), { type: 'module' });
  const result = new Promise<Metrics>((resolve, reject) => {
    worker.onmessage = (ev: MessageEvent<Metrics>) => {
      resolve(ev.data);
      worker.terminate();
    };
    worker.onerror = (ev) => {
      reject(new Error(ev.message || 'metrics worker failed'));
      worker.terminate();
    };
  });
  const request: MetricsRequest = { nodes, edges };
  worker.postMessage(request);
  return { result, where: 'worker', cancel: () => worker.terminate() };
}
