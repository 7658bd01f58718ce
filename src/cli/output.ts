// Writing a built graph: DIR/graph.json and DIR/graph.gexf, each streamed to a temporary file and
// renamed over the old one (writeChunksAtomic, src/export/atomic.ts). Both documents come from lazy
// chunk iterators, so memory stays bounded whatever the graph's size; an interrupted build leaves the
// previous files intact.
//
// The two renames are two steps: a build killed between them leaves a new graph.json beside the
// previous graph.gexf. So both carry the build's id (graph.json: the graph attribute `build`; GEXF:
// `<keywords>newsgraph-build:ID</keywords>` in <meta>), and `kg build --into` refuses a directory whose
// two files disagree (checkGraphPair). The id is derived from the content — the articles and the
// graph's size — never from time or chance, so two builds of the same input stay byte-identical.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { writeChunksAtomic } from '../export/atomic.js';
import { gexfChunks, type GexfOptions } from '../export/gexf.js';
import { jsonChunks, stableStringify } from '../export/json.js';
import type { KnowledgeGraph } from '../graph/create.js';
import { afterJsonHook } from './test-hooks.js';

/** The id of the build that makes this graph: a hash of its articles (id, hash, date, ...) and size. */
export function buildId(graph: KnowledgeGraph): string {
  const h = createHash('sha256');
  h.update(stableStringify(graph.getAttribute('articles') ?? {}));
  h.update(`\n${graph.order} ${graph.size}`);
  return h.digest('hex').slice(0, 16);
}

export async function writeGraphFiles(graph: KnowledgeGraph, outDir: string, gexf: GexfOptions, lap: (stage: string) => void = () => {}): Promise<void> {
  try {
    mkdirSync(outDir, { recursive: true }); // made already by the build's lock (dir-lock.ts); kept for other callers
  } catch (err) {
    throw new UserError(`cannot create ${outDir}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  graph.setAttribute('build', buildId(graph));
  await writeChunksAtomic(join(outDir, 'graph.json'), jsonChunks(graph));
  lap('write json');
  afterJsonHook();
  await writeGexfOnly(graph, outDir, gexf);
  lap('write gexf');
}

/** Writes DIR/graph.gexf alone, from a graph that carries its build id (read from graph.json). */
export async function writeGexfOnly(graph: KnowledgeGraph, outDir: string, gexf: GexfOptions): Promise<void> {
  await writeChunksAtomic(join(outDir, 'graph.gexf'), gexfChunks(graph, gexf));
}

/** The first `bytes` bytes of a file as UTF-8 text (a character cut at the end is replaced): enough to sniff its layout. */
export function readFileHead(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.toString('utf8', 0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The build id in a GEXF file's <meta> (within its first 64 KiB); null without one; undefined when the file is missing. */
export function gexfBuildId(file: string): string | null | undefined {
  let head: string;
  try {
    head = readFileHead(file, 65536);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const meta = /<meta\b[^>]*>([\s\S]*?)<\/meta>/.exec(head)?.[1] ?? '';
  return /newsgraph-build:([0-9a-f]+)/.exec(meta)?.[1] ?? null;
}

/**
 * Refuses a directory whose graph.json and graph.gexf come from different builds (a build killed
 * between its two renames). A graph.json without a build id (written before ids existed, or by
 * another tool) has nothing to compare, and is accepted.
 */
export function checkGraphPair(dir: string, graph: KnowledgeGraph): void {
  const id = graph.getAttribute('build');
  if (typeof id !== 'string') return;
  const gexf = join(dir, 'graph.gexf');
  const other = gexfBuildId(gexf);
  if (other === id) return;
  const repair = `repair with: kg build --into ${dir} --repair (rewrites graph.gexf from graph.json)`;
  if (other === undefined) throw new UserError(`${gexf} is missing beside graph.json (a build was interrupted?); ${repair}`);
  throw new UserError(`${dir}/graph.json and graph.gexf come from different builds (a build was interrupted between writing them); ${repair}`);
}
