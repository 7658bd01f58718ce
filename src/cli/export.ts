// `kg export GRAPH --format F --out PATH`: a built graph (graph.json, or the directory holding it) in the
// format of another analysis tool. Exports are derived from graph.json rather than written by every
// build: a build stays two files whose pairing it checks (output.ts), and any graph — built, merged,
// or from an older version — can be exported again without rebuilding it.
//   graphml  PATH is a file            igraph, NetworkX, Cytoscape, yEd, R
//   csv      PATH is a directory       nodes.csv, edges.csv, articles.csv (spreadsheets, pandas, R)
//   neo4j    PATH is a directory       nodes.csv, rels.csv for neo4j-admin database import
// Every file is streamed to a temporary file and renamed into place only when all the files of the
// export are whole (writeFilesAtomic): a failed export leaves the previous files and no partial one.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { writeFilesAtomic } from '../export/atomic.js';
import { csvFiles } from '../export/csv.js';
import { graphmlChunks } from '../export/graphml.js';
import { neo4jFiles, SEMICOLON_STANDIN, type Neo4jStats } from '../export/neo4j.js';
import type { KnowledgeGraph } from '../graph/create.js';

export const EXPORT_FORMATS = ['graphml', 'csv', 'neo4j'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportFormat(value: string): ExportFormat {
  const known = (EXPORT_FORMATS as readonly string[]).includes(value);
  if (!known) throw new UserError(`unknown format '${value}' (expected ${EXPORT_FORMATS.join(', ')})`);
  return value as ExportFormat;
}

/** The graph.json to read: GRAPH itself, or GRAPH/graph.json when GRAPH is a directory. */
export function graphFileOf(path: string): string {
  try {
    if (statSync(path).isDirectory()) return join(path, 'graph.json');
  } catch {
    // missing or unreadable: the loader says so, naming the path given
  }
  return path;
}

/** Writes the export; returns the paths written, for the closing line. */
export async function exportGraph(graph: KnowledgeGraph, format: ExportFormat, out: string, notice: (line: string) => void): Promise<string[]> {
  if (format === 'graphml') {
    await writeFilesAtomic([{ path: out, chunks: graphmlChunks(graph) }]);
    return [out];
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch (err) {
    throw new UserError(`cannot create ${out}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const stats: Neo4jStats = { replacedSemicolons: 0 };
  const files = format === 'csv' ? csvFiles(graph) : neo4jFiles(graph, stats);
  await writeFilesAtomic(files.map((f) => ({ path: join(out, f.name), chunks: f.chunks })));
  if (stats.replacedSemicolons > 0) {
    notice(`kg: ${stats.replacedSemicolons} list item(s) contained ';', neo4j-admin's array delimiter: written with '${SEMICOLON_STANDIN}' (U+FF1B) instead`);
  }
  return files.map((f) => join(out, f.name));
}
