// Spelling stage: Italian written without accents ("piu", "incontrera") or with an apostrophe for them ("e' stato",
// "incontrera'"), as some feeds and keyboards write it, is read as the accented words the language data knows.
// Only token norms change (and an accent's apostrophe joins its word); text and offsets stay the original's, so
// evidence sentences quote the article as written. Languages without data/lang/<lang>/spelling.json are untouched.
// Linear: a few set lookups per word, and a sentence is copied only when one of its words changes.
import { existsSync, readFileSync } from 'node:fs';
import type { Article, Lang, Sentence, Token } from '../read/types.js';
import { loadLexicon, type Lexicon } from './lexicon.js';

interface SpellingFile {
  words: Record<string, string>;
  apostrophe: Record<string, string>;
  keepApostrophe: string[];
  futures: string[];
  notFutures: string[];
}

interface Speller {
  words: ReadonlyMap<string, string>;
  apostrophe: ReadonlyMap<string, string>;
  keepApostrophe: ReadonlySet<string>;
  futures: readonly string[];
  notFutures: ReadonlySet<string>;
  lex: Lexicon;
}

const KEYS = new Set(['_doc', 'words', 'apostrophe', 'keepApostrophe', 'futures', 'notFutures']);
const spellers = new Map<Lang, Speller | null>();

function speller(lang: Lang): Speller | undefined {
  let s = spellers.get(lang);
  if (s === undefined) {
    const url = new URL(`../../data/lang/${lang}/spelling.json`, import.meta.url);
    if (!existsSync(url)) s = null;
    else {
      const raw = JSON.parse(readFileSync(url, 'utf8')) as SpellingFile & Record<string, unknown>;
      for (const k of Object.keys(raw)) if (!KEYS.has(k)) throw new Error(`data/lang/${lang}/spelling.json: unknown key "${k}"`);
      s = {
        words: new Map(Object.entries(raw.words ?? {})), apostrophe: new Map(Object.entries(raw.apostrophe ?? {})),
        keepApostrophe: new Set(raw.keepApostrophe ?? []), futures: raw.futures ?? [], notFutures: new Set(raw.notFutures ?? []),
        lex: loadLexicon(lang),
      };
    }
    spellers.set(lang, s);
  }
  return s ?? undefined;
}

/** The article with accents restored in its token norms (the same object when nothing changes). */
export function normaliseSpelling(article: Article): Article {
  const sp = speller(article.lang);
  if (!sp) return article;
  let sentences: Sentence[] | undefined;
  article.sentences.forEach((s, k) => {
    const tokens = respell(s.tokens, sp);
    if (tokens !== s.tokens) (sentences ??= article.sentences.slice())[k] = { ...s, tokens };
  });
  return sentences ? { ...article, sentences } : article;
}

function isApostrophe(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'punct' && (t.text === "'" || t.text === '\u2019');
}

/** The tokens with accents restored (the same array when nothing changes). */
function respell(tokens: Token[], sp: Speller): Token[] {
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let repl: Token | undefined;
    let skip = 0;
    if (t.kind === 'word') {
      const next = tokens[i + 1];
      const after = tokens[i + 2];
      // "e' stato", "incontrera'": the apostrophe touches the word and no letter follows it
      if (isApostrophe(next) && next!.start === t.end && !(after && after.start === next!.end && after.kind === 'word') && !sp.keepApostrophe.has(t.norm)) {
        const accented = sp.words.get(t.norm) ?? withAccent(t.norm, sp);
        if (accented) { repl = { ...t, text: t.text + next!.text, norm: accented, end: next!.end }; skip = 1; }
      } else if (!t.upper) {
        const accented = sp.words.get(t.norm) ?? future(t.norm, sp);
        if (accented) repl = { ...t, norm: accented };
      }
    }
    if (repl) {
      out ??= tokens.slice(0, i);
      out.push(repl);
      i += skip;
    } else if (out) out.push(t);
  }
  return out ?? tokens;
}

function withAccent(word: string, sp: Speller): string | undefined {
  const last = word[word.length - 1];
  const acc = last ? sp.apostrophe.get(last) : undefined;
  return acc ? word.slice(0, -1) + acc : undefined;
}

/** "incontrera" → "incontrerà" when that is a future form of a known verb. */
function future(word: string, sp: Speller): string | undefined {
  if (word.length < 5 || sp.notFutures.has(word)) return undefined;
  for (const end of sp.futures) {
    if (!word.endsWith(end)) continue;
    const accented = withAccent(word, sp);
    if (accented && sp.lex.verbForms.get(accented)?.tense === 'future') return accented;
  }
  return undefined;
}
