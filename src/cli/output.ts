// Writing a built graph: DIR/graph.json and DIR/graph.gexf, each streamed to a temporary file and
// renamed over the old one (writeChunksAtomic, src/export/atomic.ts). Both documents come from lazy
// chunk iterators, so memory stays bounded whatever the graph's size; an interrupted build leaves the
// previous files intact.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { writeChunksAtomic } from '../export/atomic.js';
import { gexfChunks, type GexfOptions } from '../export/gexf.js';
import { jsonChunks } from '../export/json.js';
import type { KnowledgeGraph } from '../graph/create.js';

export async function writeGraphFiles(graph: KnowledgeGraph, outDir: string, gexf: GexfOptions, lap: (stage: string) => void = () => {}): Promise<void> {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    throw new UserError(`cannot create ${outDir}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  await writeChunksAtomic(join(outDir, 'graph.json'), jsonChunks(graph));
  lap('write json');
  await writeChunksAtomic(join(outDir, 'graph.gexf'), gexfChunks(graph, gexf));
  lap('write gexf');
}
