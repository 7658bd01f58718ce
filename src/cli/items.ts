// What a build reads, before anything is extracted: one work item per article (a .txt file, a JSON
// Lines row, or stdin), with its id and a name for messages ("corpus.jsonl:12"), plus the rows and
// files that could not even be listed (bad JSON, no id), reported and skipped. Items are sorted by
// (id, name), so that a build's merge order, hence its output, does not depend on argument or
// directory order.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from '../errors.js';
import { articleHash, articleIdFromPath, decodeArticleBytes } from '../read/index.js';
import { parseArticleLine, parseJsonl, readJsonlRows, type ArticleRecord } from '../corpus/jsonl.js';

export interface WorkItem {
  id: string;
  /** For messages: the file path, or "file.jsonl:LINE", or "stdin". */
  name: string;
  /** A .txt article, read (and decoded) by whoever extracts it; or the JSON Lines file of `row`. */
  path?: string;
  /** A row of the JSON Lines file `path`, re-read and parsed by whoever extracts it. */
  row?: { offset: number; length: number };
  /** An article already in memory (JSON Lines row, stdin). */
  record?: ArticleRecord;
}

/** Something skipped, with the reason, e.g. { name: 'a.jsonl:3', reason: 'invalid JSON (...)' }. */
export interface Skipped {
  name: string;
  reason: string;
}

export interface CollectedInputs {
  items: WorkItem[];
  skipped: Skipped[];
}

const ARTICLE_EXTENSIONS = ['.txt', '.jsonl'];

function displayName(path: string): string {
  return relative(process.cwd(), path) || path;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Files under the given paths: directories recursively (*.txt, *.jsonl; dot-files skipped), sorted. */
export function listInputFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const found = walk(p).filter((f) => ARTICLE_EXTENSIONS.some((e) => f.endsWith(e)));
      if (found.length === 0) throw new UserError(`${p}: no articles (*.txt, *.jsonl) in this directory`);
      out.push(...found);
    } else out.push(p);
  }
  return [...new Set(out)].sort(compare);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new UserError(`${dir}: cannot read directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/**
 * Work items of every article under `paths`. A JSON Lines row that is not an article is skipped and
 * reported; a missing path is a UserError (nothing to build from is a mistake, not a bad row).
 */
export async function collectInputs(paths: readonly string[]): Promise<CollectedInputs> {
  const items: WorkItem[] = [];
  const skipped: Skipped[] = [];
  for (const file of listInputFiles(paths)) {
    if (file === '-') {
      stdinItems(items, skipped);
    } else if (file.endsWith('.jsonl')) {
      const name = displayName(file);
      try {
        // Rows are checked now (bad ones are reported before anything is built) but only their offsets
        // are kept: the texts are read again by the thread that extracts them.
        for await (const { line, offset, length, text } of readJsonlRows(file)) {
          const result = parseArticleLine(text);
          if ('record' in result) items.push({ id: result.record.id, name: `${name}:${line}`, path: file, row: { offset, length } });
          else skipped.push({ name: `${name}:${line}`, reason: result.error });
        }
      } catch (err) {
        skipped.push({ name, reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      }
    } else {
      items.push({ id: articleIdFromPath(file), name: displayName(file), path: file });
    }
  }
  items.sort((a, b) => compare(a.id, b.id) || compare(a.name, b.name));
  return { items, skipped };
}

/** The text on stdin, decoded like an article file. */
export function readStdinText(): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(0);
  } catch {
    throw new UserError('stdin: cannot read');
  }
  return decodeArticleBytes(bytes, 'stdin');
}

/** One article read from stdin: its id is derived from its content, so the same text is the same article. */
export function stdinArticleItem(text: string): WorkItem {
  const id = `stdin-${articleHash(text).slice(0, 12)}`;
  return { id, name: 'stdin', record: { id, text } };
}

/** stdin holds either JSON Lines (its first character is "{") or one article. */
function stdinItems(items: WorkItem[], skipped: Skipped[]): void {
  const text = readStdinText();
  if (text.trimStart().startsWith('{')) {
    for (const { line, result } of parseJsonl(text)) {
      if ('record' in result) items.push({ id: result.record.id, name: `stdin:${line}`, record: result.record });
      else skipped.push({ name: `stdin:${line}`, reason: result.error });
    }
    return;
  }
  items.push(stdinArticleItem(text));
}
