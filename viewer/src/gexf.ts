// GEXF serialisation for the viewer's export. Until src/export/gexf.ts exists this uses
// graphology-gexf's writer; swap to the pipeline's writer so files match `kg build`.
import { write } from 'graphology-gexf/browser/index.js';
import type { AnyGraph } from './state.js';

export function toGexfString(graph: AnyGraph): string {
  return write(graph);
}
