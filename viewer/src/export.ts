// Export of what is on screen: the filtered graph as GEXF, the drawing as PNG.
import { MultiGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import type { AnyGraph, Visibility } from './state.js';

/** Drawing internals (parallel-edge indices) are prefixed `__` and never leave the viewer. */
function clean(attrs: Attributes): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(attrs)) if (!k.startsWith('__')) out[k] = v;
  return out;
}

/** A copy of the visible part of `graph`, with current positions and graph attributes. */
export function filteredCopy(graph: AnyGraph, visibility: Visibility): AnyGraph {
  const out = new MultiGraph<Attributes, Attributes, Attributes>({ type: 'mixed', allowSelfLoops: true });
  out.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((key, attrs) => {
    if (visibility.nodes.has(key)) out.addNode(key, clean(attrs));
  });
  graph.forEachEdge((edge, attrs, source, target, _sa, _ta, undirected) => {
    if (!visibility.edges.has(edge)) return;
    if (undirected) out.addUndirectedEdgeWithKey(edge, source, target, clean(attrs));
    else out.addDirectedEdgeWithKey(edge, source, target, clean(attrs));
  });
  return out;
}

/** Offers `blob` as a download (an anchor with a blob: URL, allowed by the server's CSP). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
