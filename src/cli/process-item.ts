// One work item → its fragment: read (decode, header, sentences), skip when its content is already in
// the graph, extract. The same function runs inline (--threads 1) and in the worker threads, so the
// thread count cannot change a result.
import { readFileSync, statSync } from 'node:fs';
import { MAX_ARTICLE_BYTES, tooLarge } from '../read/decode.js';
import { isUserError, UserError } from '../errors.js';
import { articleHash, readArticle, type Article } from '../read/index.js';
import { extract } from '../extract/index.js';
import type { ArticleInfo, Fragment } from '../graph/model.js';
import { readJsonlRow, type ArticleRecord, type MetaValue } from '../corpus/jsonl.js';
import type { WorkItem } from './items.js';

export interface ReadSettings {
  date?: string;
  lang?: 'it' | 'en';
}

/** ArticleInfo plus the input's extra fields (JSON Lines), as stored in the graph's `articles`. */
export type IngestedArticle = ArticleInfo & { meta?: Record<string, MetaValue> };

export type Outcome =
  | { fragment: Fragment }
  /** The content hash is one the graph already holds (`kg build --into`). */
  | { known: string }
  | { error: string };

function read(item: WorkItem, settings: ReadSettings): Article {
  const record = item.row ? readRow(item) : item.record;
  if (record) {
    const r = record;
    return readArticle(r.text, {
      id: r.id, name: item.name, date: r.date ?? settings.date, source: r.source, title: r.title, url: r.url, lang: settings.lang, meta: r.meta,
    });
  }
  let bytes: Buffer;
  try {
    // refuse a huge file before reading it: a 1 GB mistake must not be loaded into memory first
    const size = statSync(item.path!).size;
    if (size > MAX_ARTICLE_BYTES) throw tooLarge(item.name, size);
    bytes = readFileSync(item.path!);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`}`);
  }
  return readArticle(bytes, { id: item.id, name: item.name, date: settings.date, lang: settings.lang });
}

function readRow(item: WorkItem): ArticleRecord {
  let result;
  try {
    result = readJsonlRow(item.path!, item.row!.offset, item.row!.length);
  } catch (err) {
    throw new UserError(`cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if ('error' in result) throw new UserError(result.error);
  return result.record;
}

export function processItem(item: WorkItem, settings: ReadSettings, known: ReadonlySet<string>): Outcome {
  try {
    const article = read(item, settings);
    const hash = articleHash(article.text);
    if (known.has(hash)) return { known: hash };
    const fragment = extract(article);
    if (article.meta) (fragment.article as IngestedArticle).meta = article.meta;
    return { fragment };
  } catch (err) {
    // A user error's message already names the input ("a.txt: empty article"); strip the name, the
    // caller prefixes it. Anything else is an extraction bug: report it and build the rest.
    const msg = (err as Error)?.message ?? String(err);
    const bare = msg.startsWith(`${item.name}: `) ? msg.slice(item.name.length + 2) : msg;
    return { error: isUserError(err) ? bare : `internal error: ${bare}` };
  }
}
