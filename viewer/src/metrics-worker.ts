// Web worker computing PageRank, betweenness and Louvain communities (analysis.ts) off the main
// thread: betweenness alone is seconds on a 10k-node graph, and the page must stay responsive.
import { UndirectedGraph } from 'graphology';
import { computeMetrics } from './analysis.js';
import type { MetricsRequest } from './metrics.js';

self.onmessage = (ev: MessageEvent<MetricsRequest>) => {
  const { nodes, edges } = ev.data;
  const g = new UndirectedGraph();
  for (const n of nodes) g.addNode(n);
  for (const [s, t, weight] of edges) g.addEdge(nodes[s]!, nodes[t]!, { weight });
  self.postMessage(computeMetrics(g));
};
