// Atomic file writes: a reader (the viewer, Gephi) sees the old file or the new one, never a half-written
// one, and a failed build leaves the previous output in place. Write a temporary file in the same
// directory (rename is only atomic within one file system), fsync it, rename it over the target.
// On any error the temporary file is removed. Errors a user can fix (permissions, full disk, missing
// directory) become one-line UserErrors: "cannot write out/graph.json: permission denied".
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import type { KnowledgeGraph } from '../graph/create.js';
import { gexfChunks, type GexfOptions } from './gexf.js';

/** Writes chunks of text; resolves when the chunk is accepted (back-pressure is respected). */
export type ChunkWriter = (chunk: string) => Promise<void>;

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'no such directory',
  ENOTDIR: 'a parent is not a directory',
  EISDIR: 'it is a directory',
};

/** The UserError for a file-system error a user can fix; other errors are returned unchanged (bugs). */
export function writeError(path: string, err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const reason = code ? REASONS[code] : undefined;
  return reason ? new UserError(`cannot write ${path}: ${reason}`) : err;
}

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `data` (a string or bytes), or whatever `data(write)` writes chunk by chunk, to `path` atomically.
 * The file is streamed: chunks go to disk as they come, the whole content is never held in memory.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | ((write: ChunkWriter) => Promise<void>)): Promise<void> {
  const tmp = tempPath(path);
  try {
    if (typeof data === 'function') {
      await streamToTemp(tmp, data);
    } else {
      const handle = await open(tmp, 'wx', 0o644);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(path, err);
  }
}

/**
 * Streams the chunks to `path` atomically, batched into ~64 KiB writes that wait for the stream to
 * accept them (back-pressure): one write per chunk (per node or edge) would spend more time in the
 * stream machinery than in the writer, and memory stays bounded by one batch whatever the file's size.
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  await writeFileAtomic(path, batched(chunks));
}

function batched(chunks: Iterable<string>): (write: ChunkWriter) => Promise<void> {
  return async (write) => {
    let batch = '';
    for (const chunk of chunks) {
      batch += chunk;
      if (batch.length >= 65536) {
        await write(batch);
        batch = '';
      }
    }
    if (batch) await write(batch);
  };
}

/**
 * Several files that belong together (nodes.csv and edges.csv): every file is streamed to its temporary
 * file first, and only when all are written whole are they renamed into place, one after the other. A
 * failure while writing (full disk, a bug in a writer) therefore leaves every previous file as it was
 * and no temporary file; only a failure between the renames (microseconds, no data written) could mix
 * old and new files.
 */
export async function writeFilesAtomic(files: readonly { path: string; chunks: Iterable<string> }[]): Promise<void> {
  const written: { tmp: string; path: string }[] = [];
  let current = files[0]?.path ?? '';
  try {
    for (const { path, chunks } of files) {
      current = path;
      const tmp = tempPath(path);
      written.push({ tmp, path });
      await streamToTemp(tmp, batched(chunks));
    }
    for (const { tmp, path } of written) {
      current = path;
      await rename(tmp, path);
    }
  } catch (err) {
    await Promise.all(written.map(({ tmp }) => rm(tmp, { force: true }).catch(() => undefined)));
    throw writeError(current, err);
  }
}

/** Streams what `write` writes to `tmp` (created, never overwritten), then fsyncs it; on failure the stream is stopped. */
async function streamToTemp(tmp: string, data: (write: ChunkWriter) => Promise<void>): Promise<void> {
  let stream: WriteStream | undefined;
  try {
    stream = await openStream(tmp);
    const s = stream;
    await data((chunk) => writeChunk(s, chunk));
    await closeStream(s);
    stream = undefined;
    await fsyncPath(tmp);
  } catch (err) {
    if (stream) await destroyStream(stream);
    throw err;
  }
}

/** Streams the graph as GEXF to `path`, atomically, with bounded memory (chunks pulled from gexfChunks). */
export async function writeGexfFile(path: string, graph: KnowledgeGraph, opts: GexfOptions = {}): Promise<void> {
  await writeChunksAtomic(path, gexfChunks(graph, opts));
}

/** The first error a stream reported: write errors can arrive after the write that caused them returned. */
const streamErrors = new WeakMap<WriteStream, Error>();

function openStream(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    // A 1 MiB buffer: the writer keeps producing while the thread pool writes the previous chunks (with
    // the default 16 KiB every 64 KiB batch waited for its own write, and nothing overlapped).
    const s = createWriteStream(path, { flags: 'wx', mode: 0o644, encoding: 'utf8', highWaterMark: 1 << 20 });
    // Permanent listener: an 'error' without one would crash the process.
    s.on('error', (err) => {
      if (!streamErrors.has(s)) streamErrors.set(s, err);
      reject(err);
    });
    s.once('open', () => resolve(s));
  });
}

function writeChunk(stream: WriteStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = streamErrors.get(stream);
    if (failed) return reject(failed);
    if (stream.write(chunk)) return resolve();
    // Back-pressure: wait for 'drain', or for the error that may come instead.
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (err: Error): void => {
      stream.off('drain', onDrain);
      reject(err);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = streamErrors.get(stream);
    if (failed) return reject(failed);
    stream.once('error', reject);
    // end()'s callback receives a write error that failed the stream BEFORE the 'error' event is
    // emitted: ignoring its argument resolved here and renamed an empty file into place on a full disk.
    stream.end((err?: Error | null) => {
      const late = err ?? streamErrors.get(stream);
      if (late) reject(late);
      else resolve();
    });
  });
}

/** Stops a stream after a failure; its pending writes then fail, and those late errors are expected. */
function destroyStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.closed) return resolve();
    stream.once('close', () => resolve());
    stream.destroy();
  });
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
