// Loads the reader's language data (data/lang/LANG/{abbreviations,stopwords}.json) once. Word lists live in
// data files, not code, so that a new language or a missed abbreviation is a data change.
import { readFileSync } from 'node:fs';
import type { Lang } from './types.js';

export const LANGS: readonly Lang[] = ['it', 'en'];

interface AbbreviationFile {
  titles: string[];
  other: string[];
  elisions?: string[];
  clitics?: string[];
}
interface StopwordFile {
  words: string[];
  wordEndings?: string[];
}

export interface ReaderLangData {
  /** Precede a name; never end a sentence (lower case, no final period). */
  titles: ReadonlySet<string>;
  /** End a sentence only before a capitalised stop word. */
  otherAbbreviations: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
  /** Italian: words split after their apostrophe (dell', c'). Empty for English. */
  elisions: ReadonlySet<string>;
  /** English: endings split before their apostrophe ('s, 're). Empty for Italian. */
  clitics: ReadonlySet<string>;
  /** Last letters typical of the language's words (language detection's tie-break). */
  wordEndings: ReadonlySet<string>;
}

function readJson<T>(lang: Lang, file: string): T {
  const url = new URL(`../../data/lang/${lang}/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

const cache = new Map<Lang, ReaderLangData>();

export function readerData(lang: Lang): ReaderLangData {
  let data = cache.get(lang);
  if (!data) {
    const abbr = readJson<AbbreviationFile>(lang, 'abbreviations.json');
    const stop = readJson<StopwordFile>(lang, 'stopwords.json');
    const lower = (xs: string[] | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase()));
    data = {
      titles: lower(abbr.titles),
      otherAbbreviations: lower(abbr.other),
      stopwords: lower(stop.words),
      elisions: lower(abbr.elisions),
      clitics: lower(abbr.clitics),
      wordEndings: lower(stop.wordEndings),
    };
    cache.set(lang, data);
  }
  return data;
}
