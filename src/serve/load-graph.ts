// Reading a graph.json once, for the server's subgraph mode: the one-element-per-line layout that
// `kg build` writes is streamed line by line (a 100,000-article graph.json, ~900 MB, is longer than
// any string V8 allows); any other graphology JSON is read whole.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import { fromJson, fromJsonLines, isJsonLinesLayout } from '../export/json.js';
import type { KnowledgeGraph } from '../graph/create.js';
import { readFileHead } from '../cli/output.js';
import { UserError } from '../errors.js';

/** V8's longest string: a file read whole must fit in one. */
const MAX_WHOLE_FILE = 2 ** 29 - 24;

export async function loadGraphJson(file: string): Promise<KnowledgeGraph> {
  const first = readFileHead(file, 4096);
  const newline = first.indexOf('\n');
  if (newline >= 0 && isJsonLinesLayout(first.slice(0, newline))) {
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    return fromJsonLines(lines);
  }
  const size = statSync(file).size;
  if (size > MAX_WHOLE_FILE) throw new UserError(`${file}: too large (${(size / 1e6).toFixed(0)} MB) to read whole, and not in the one-element-per-line layout kg build writes`);
  return fromJson(await readFile(file, 'utf8'));
}
