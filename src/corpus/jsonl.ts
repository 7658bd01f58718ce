// JSON Lines articles: one JSON object per line with `id`, `text` and optionally `date`, `source`,
// `title`, `url`; every other field is kept as an article attribute (`meta`). Parsing one line is a pure
// function that returns the record or the reason it is unusable, so a corpus build can report a bad
// line with its number and go on with the rest.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { parseIsoDate } from '../read/index.js';

export type MetaValue = string | number | boolean;

export interface ArticleRecord {
  id: string;
  text: string;
  date?: string;
  source?: string;
  title?: string;
  url?: string;
  /** Unknown fields, kept as article attributes. Objects and arrays are kept as their JSON text. */
  meta?: Record<string, MetaValue>;
}

export type LineResult = { record: ArticleRecord } | { error: string };

const KNOWN = new Set(['id', 'text', 'date', 'source', 'title', 'url']);
const OPTIONAL_STRINGS = ['source', 'title', 'url'] as const;

/** Parses one JSON Lines row into an article record, or says what is wrong with it. */
export function parseArticleLine(line: string): LineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { error: `invalid JSON (${(err as Error).message.replace(/\s+/g, ' ')})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const o = value as Record<string, unknown>;
  const id = typeof o.id === 'number' && Number.isFinite(o.id) ? String(o.id) : o.id;
  if (typeof id !== 'string' || !id.trim()) return { error: 'no "id" (a non-empty string)' };
  if (/[\u0000-\u001f]/.test(id)) return { error: '"id" contains control characters' };
  if (typeof o.text !== 'string' || !o.text.trim()) return { error: `article "${id}": no "text" (a non-empty string)` };
  const record: ArticleRecord = { id, text: o.text };
  if (o.date !== undefined && o.date !== null && o.date !== '') {
    if (typeof o.date !== 'string' || !parseIsoDate(o.date)) return { error: `article "${id}": invalid "date" (expected YYYY-MM-DD)` };
    record.date = o.date;
  }
  for (const f of OPTIONAL_STRINGS) {
    const v = o[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return { error: `article "${id}": "${f}" is not a string` };
    record[f] = v;
  }
  const meta: Record<string, MetaValue> = {};
  for (const k of Object.keys(o).sort()) {
    if (KNOWN.has(k)) continue;
    const v = o[k];
    if (v === null || v === undefined) continue;
    meta[k] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  }
  if (Object.keys(meta).length) record.meta = meta;
  return { record };
}

export interface NumberedLine {
  /** 1-based line number. */
  line: number;
  result: LineResult;
}

/** The rows of a JSON Lines text; blank lines are skipped (but counted). */
export function* parseJsonl(text: string): Generator<NumberedLine> {
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const s = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!s.trim()) continue;
    yield { line, result: parseArticleLine(s) };
  }
}

/** A row of a JSON Lines file and where its bytes are, so that it can be read again later (readJsonlRow). */
export interface JsonlRow {
  /** 1-based line number. */
  line: number;
  /** Byte offset and length of the row in the file (without its line break). */
  offset: number;
  length: number;
  text: string;
}

/**
 * The non-blank rows of a JSON Lines file, streamed, with their byte offsets: a corpus file may be
 * larger than a string can be, and a build keeps only the offsets of the rows, not their texts (a
 * 100,000-article corpus is ~280 MB of text), re-reading each row when it is extracted. readline would
 * give the rows but not their byte offsets.
 */
export async function* readJsonlRows(path: string): AsyncGenerator<JsonlRow> {
  let line = 0;
  /** Pieces of a row that spans chunks, and the file offset where the row starts. */
  let pending: Buffer[] = [];
  let rowStart = 0;
  let chunkStart = 0;
  const row = (bytes: Buffer, offset: number): JsonlRow | undefined => {
    line++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    const text = bytes.toString('utf8', 0, end);
    return text.trim() ? { line, offset, length: end, text } : undefined;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      const piece = chunk.subarray(from, nl);
      const bytes = pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      const r = row(bytes, rowStart);
      if (r) yield r;
      from = nl + 1;
      rowStart = chunkStart + from;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
    chunkStart += chunk.length;
  }
  if (pending.length) {
    const r = row(Buffer.concat(pending), rowStart);
    if (r) yield r;
  }
}

/** Reads one row again, by the offset and length readJsonlRows gave, and parses it. */
export function readJsonlRow(path: string, offset: number, length: number): LineResult {
  const bytes = readRowBytes(path, offset, length);
  if (!bytes) return { error: 'the file changed during the build (row shorter than when it was listed)' };
  return parseArticleLine(bytes.toString('utf8'));
}

/** The `length` bytes at `offset` of a row readJsonlRows listed, or undefined when the file is now shorter. */
export function readRowBytes(path: string, offset: number, length: number): Buffer | undefined {
  const bytes = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    let got = 0;
    while (got < length) {
      const n = readSync(fd, bytes, got, length - got, offset + got);
      if (n === 0) return undefined;
      got += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
