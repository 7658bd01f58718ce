// JSON Lines articles: one JSON object per line with `id`, `text` and optionally `date`, `source`,
// `title`, `url`; every other field is kept as an article attribute (`meta`). Parsing one line is a pure
// function that returns the record or the reason it is unusable, so a corpus build can report a bad
// line with its number and go on with the rest.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
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

/** The rows of a JSON Lines file, streamed (a corpus file may be larger than a string can be). */
export async function* readJsonlFile(path: string): AsyncGenerator<NumberedLine> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const s of rl) {
    line++;
    if (!s.trim()) continue;
    yield { line, result: parseArticleLine(s) };
  }
}
