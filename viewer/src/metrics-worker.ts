// Web worker computing PageRank, betweenness and Louvain communities (analysis.ts) off the main
// thread: betweenness alone takes seconds on a 10k-node graph, and the page must stay responsive.
import { computeMetrics, projectLists } from './analysis.js';
import type { MetricsRequest } from './metrics.js';

self.onmessage = (ev: MessageEvent<MetricsRequest>) => {
  const { nodes, sources, targets, weights } = ev.data;
  self.postMessage(computeMetrics(projectLists(nodes, sources, targets, weights)));
};
