// Where the metrics are computed: on the main thread for small graphs (a worker's start-up costs more
// than the work), in metrics-worker.ts above METRICS_WORKER_ABOVE relations. For the worker the main
// thread only lists the edges as typed arrays (one pass, transferred without a copy); the worker
// builds the projection itself: building it here stalled the page for hundreds of milliseconds on
// 50k edges (bench/viewer.ts).
import { computeMetrics, projection, type Metrics } from './analysis.js';
import type { AnyGraph } from './state.js';

export const METRICS_WORKER_ABOVE = 2_000;

/** What the worker receives: node keys, and per edge its ends (indices into `nodes`) and weight. */
export interface MetricsRequest {
  nodes: string[];
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

export interface MetricsJob {
  result: Promise<Metrics>;
  where: 'main' | 'worker';
  cancel(): void;
}

export function startMetrics(graph: AnyGraph): MetricsJob {
  if (graph.size <= METRICS_WORKER_ABOVE) {
    return { result: Promise.resolve(computeMetrics(projection(graph))), where: 'main', cancel: () => undefined };
  }
  const nodes = graph.nodes();
  const index = new Map(nodes.map((n, i) => [n, i]));
  const sources = new Int32Array(graph.size);
  const targets = new Int32Array(graph.size);
  const weights = new Float64Array(graph.size);
  let i = 0;
  graph.forEachEdge((_e, a, s, t) => {
    sources[i] = index.get(s)!;
    targets[i] = index.get(t)!;
    weights[i] = typeof a.weight === 'number' && a.weight > 0 ? a.weight : 1;
    i++;
  });
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
  const request: MetricsRequest = { nodes, sources, targets, weights };
  worker.postMessage(request, [sources.buffer, targets.buffer, weights.buffer]);
  return { result, where: 'worker', cancel: () => worker.terminate() };
}
