// READ stage: bytes or text → Article (src/read/types.ts): decoded text, header, language, sentences, tokens.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { UserError } from '../errors.js';
import { checkText, decodeArticleBytes } from './decode.js';
import { parseHeader, parseIsoDate } from './header.js';
import { detectLanguage, detectLanguageOfTokens, SAMPLE_CHARS } from './language.js';
import { segmentParagraphs, tokenizeParagraphs, type TokenizedParagraph } from './sentences.js';
import type { Article, Lang } from './types.js';

export type { Article, Lang, Sentence, Token } from './types.js';
export { decodeArticleBytes, MAX_ARTICLE_BYTES } from './decode.js';
export { parseHeader, parseIsoDate, isValidDate } from './header.js';
export type { Header } from './header.js';
export { detectLanguage, languageScores } from './language.js';
export { splitSentences, segment } from './sentences.js';
export { tokenize } from './tokenize.js';
export { fold, norm } from './normalise.js';

export interface ReadOptions {
  id: string;
  /** Fallback publication date (ISO YYYY-MM-DD, e.g. from --date): used only when the text has no header date. */
  date?: string;
  /** Fallback source: used only when the header names none. */
  source?: string;
  title?: string;
  url?: string;
  /** Force the language instead of detecting it. */
  lang?: Lang;
  /** Name used in error messages (the file path); defaults to the id. */
  name?: string;
  meta?: Record<string, string | number | boolean>;
}

/** sha256 hex of the decoded text: a stable id for stdin articles and a key for de-duplication. */
export function articleHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The article id of a file: its name without the last extension (seeds/000_ab.txt → 000_ab). */
export function articleIdFromPath(path: string): string {
  const base = basename(path);
  const ext = extname(base);
  return ext && ext !== base ? base.slice(0, -ext.length) : base;
}

/**
 * detectLanguage(body), reusing the paragraph tokens when the body fits in the detector's sample (most articles
 * do): tokenising is a large share of reading, and the tokens of the paragraphs are the tokens of the body.
 */
function detectBodyLanguage(text: string, bodyStart: number, paragraphs: readonly TokenizedParagraph[]): Lang {
  if (text.length - bodyStart > SAMPLE_CHARS) return detectLanguage(text.slice(bodyStart));
  return detectLanguageOfTokens(paragraphs.map((p) => p.tokens));
}

const NON_SPACE = /\S/g;

/** True when text has a non-whitespace character at or after `from` (without copying the rest of the text). */
function hasTextFrom(text: string, from: number): boolean {
  NON_SPACE.lastIndex = from;
  return NON_SPACE.test(text);
}

/**
 * Read one article. A header date always wins over `opts.date`, which is a fallback for header-less texts
 * (likewise the source). Throws UserError on unreadable input or an invalid `opts.date`.
 */
export function readArticle(input: string | Uint8Array, opts: ReadOptions): Article {
  const name = opts.name ?? opts.id;
  const text = typeof input === 'string' ? checkText(input, name) : decodeArticleBytes(input, name);
  if (opts.date !== undefined && !parseIsoDate(opts.date)) {
    throw new UserError(`${name}: invalid date "${opts.date}" (expected YYYY-MM-DD)`);
  }
  const header = parseHeader(text, name);
  // A header with nothing after it ("date 2026-03-12 Source.") has no article to extract: the same refusal
  // as an empty file, not an empty graph that would look like an article without relations.
  if (!hasTextFrom(text, header.bodyStart)) throw new UserError(`${name}: empty article`);
  const paragraphs = tokenizeParagraphs(text, header.bodyStart, text.length);
  const lang = opts.lang ?? detectBodyLanguage(text, header.bodyStart, paragraphs);
  const sentences = segmentParagraphs(paragraphs, lang).map((s, index) => ({
    index,
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    tokens: s.tokens,
    paragraph: s.paragraph,
  }));
  const article: Article = {
    id: opts.id,
    lang,
    text,
    bodyStart: header.bodyStart,
    sentences,
  };
  const date = header.date ?? opts.date;
  const source = header.source ?? opts.source;
  if (date !== undefined) article.date = date;
  if (source !== undefined) article.source = source;
  if (opts.title !== undefined) article.title = opts.title;
  if (opts.url !== undefined) article.url = opts.url;
  if (opts.meta !== undefined) article.meta = opts.meta;
  return article;
}
