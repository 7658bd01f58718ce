// Finding and reading the articles a command was given: files, directories (recursively, *.txt), and
// stdin ("-"). Every problem is a UserError naming the path.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from '../errors.js';
import { MAX_ARTICLE_BYTES, tooLarge } from '../read/decode.js';
import { articleHash, articleIdFromPath, readArticle, type Article } from '../read/index.js';

export interface ReadSettings {
  date?: string;
  lang?: 'it' | 'en';
}

/** Article files under the given paths, sorted, so that builds do not depend on directory order. */
export function collectArticleFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') { out.push(p); continue; }
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const found = walk(p).filter((f) => f.endsWith('.txt'));
      if (found.length === 0) throw new UserError(`${p}: no articles (*.txt) in this directory`);
      out.push(...found);
    } else out.push(p);
  }
  return [...new Set(out)];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new UserError(`${dir}: cannot read directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** Reads one article file (or stdin for "-"). */
export function readArticleFile(path: string, settings: ReadSettings): Article {
  if (path === '-') {
    let bytes: Buffer;
    try {
      bytes = readFileSync(0);
    } catch {
      throw new UserError('stdin: cannot read');
    }
    const probe = readArticle(bytes, { id: 'stdin', name: 'stdin', date: settings.date, lang: settings.lang });
    return { ...probe, id: `stdin-${articleHash(probe.text).slice(0, 12)}` };
  }
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UserError(`${path}: is a directory (use kg build for directories)`);
    if (st.size > MAX_ARTICLE_BYTES) throw tooLarge(path, st.size); // before reading: never load a 1 GB mistake
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`}`);
  }
  return readArticle(bytes, { id: articleIdFromPath(path), name: relative(process.cwd(), path) || path, date: settings.date, lang: settings.lang });
}
