// GEXF serialisation for the viewer's export: the pipeline's own writer (src/export/gexf.ts), bundled
// by Vite, so a file exported here matches one written by `kg build`.
import { toGexf } from '../../src/export/gexf.js';
import type { KnowledgeGraph } from '../../src/graph/create.js';
import type { AnyGraph } from './state.js';

export function toGexfString(graph: AnyGraph): string {
  // The viewer's graph has the pipeline's shape (mixed multigraph, model attributes) but is typed
  // loosely because it comes from an untrusted file; the writer reads attributes defensively.
  return toGexf(graph as unknown as KnowledgeGraph);
}
