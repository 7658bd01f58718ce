// The same graph content inserted in the opposite order (nodes, edges and attribute keys reversed):
// exports and layouts must not depend on insertion order.
import { createGraph, type KnowledgeGraph } from '../../src/graph/create.js';

function reversedKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).reverse()) as T;
}

export function reversedCopy(g: KnowledgeGraph): KnowledgeGraph {
  const out = createGraph();
  out.replaceAttributes(reversedKeys(g.getAttributes()));
  for (const n of g.nodes().reverse()) out.addNode(n, reversedKeys(g.getNodeAttributes(n)));
  for (const e of g.edges().reverse()) {
    const [s, t] = g.extremities(e);
    const attrs = reversedKeys(g.getEdgeAttributes(e));
    if (g.isUndirected(e)) out.addUndirectedEdgeWithKey(e, s, t, attrs);
    else out.addDirectedEdgeWithKey(e, s, t, attrs);
  }
  return out;
}
