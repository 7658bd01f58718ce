// Language detection by stop-word counts (data/lang/LANG/stopwords.json). Only words found in one list and not
// the other are counted ("in", "a" are both Italian and English). A tie — a short text such as "Macron incontrerà
// Scholz a Parigi." has no exclusive stop word — is broken by the last letters of its lower-case words (Italian
// words end in a vowel, English ones mostly in a consonant: `wordEndings`); capitalised words, names in any
// language, are not counted. A text still tied (a headline of names) gives 'en': the project's canonical labels
// are English, and an English misreading of an Italian fragment costs less than the reverse.
import { readerData, LANGS } from './lang-data.js';
import { tokenize } from './tokenize.js';
import type { Lang, Token } from './types.js';

/** Enough text to decide; keeps detection cheap on very long inputs. */
export const SAMPLE_CHARS = 4_000; // a few hundred words decide the language; more only costs time

let exclusive: Map<string, Lang> | undefined;

/**
 * Each stop word found in one language's list and not in the others, with that language. One map for all
 * languages (the lists it keeps are disjoint): one lookup per token rather than one per language.
 */
function exclusiveStopwords(): Map<string, Lang> {
  if (!exclusive) {
    exclusive = new Map();
    for (const lang of LANGS) {
      const others = LANGS.filter((l) => l !== lang).map((l) => readerData(l).stopwords);
      for (const w of readerData(lang).stopwords) if (!others.some((o) => o.has(w))) exclusive.set(w, lang);
    }
  }
  return exclusive;
}

/** Stop-word score per language (exposed for tests and diagnostics). */
export function languageScores(text: string): Record<Lang, number> {
  return tokenScores(tokenize(text.slice(0, SAMPLE_CHARS)));
}

/** Stop-word score per language of tokens already at hand. */
function tokenScores(tokens: readonly Token[]): Record<Lang, number> {
  const scores: Record<Lang, number> = { it: 0, en: 0 };
  addScores(scores, tokens);
  if (scores.it === scores.en) breakTie(scores, [tokens]);
  return scores;
}

/** Adds half a point per lower-case word to the language its last letter is typical of (see the header). */
function breakTie(scores: Record<Lang, number>, tokenLists: readonly (readonly Token[])[]): void {
  const ends = LANGS.map((l) => [l, readerData(l).wordEndings] as const);
  const extra: Record<Lang, number> = { it: 0, en: 0 };
  for (const tokens of tokenLists) for (const t of tokens) {
    if (t.kind !== 'word' || t.upper || t.norm.length < 2) continue;
    const last = t.norm.slice(-1);
    for (const [l, set] of ends) if (set.has(last)) extra[l]++;
  }
  // a fraction of a point: never outweighs a single exclusive stop word
  const total = extra.it + extra.en;
  if (total > 0) for (const l of LANGS) scores[l] += (extra[l] / total) * 0.5;
}

function addScores(scores: Record<Lang, number>, tokens: readonly Token[]): void {
  const words = exclusiveStopwords();
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const lang = words.get(t.norm);
    if (lang !== undefined) scores[lang]++;
  }
}

function decide(s: Record<Lang, number>): Lang {
  return s.it > s.en ? 'it' : 'en';
}

/** 'it' or 'en', whichever has more exclusive stop words; 'en' on a tie. */
export function detectLanguage(text: string): Lang {
  return decide(languageScores(text));
}

/**
 * detectLanguage(text) for a text no longer than SAMPLE_CHARS whose tokens are already known (the reader
 * tokenises every paragraph anyway): saves tokenising the article twice. The caller guarantees that the lists,
 * concatenated, are tokenize(text); the paragraph tokens of a text are, since no token spans white space.
 */
export function detectLanguageOfTokens(tokenLists: readonly (readonly Token[])[]): Lang {
  const scores: Record<Lang, number> = { it: 0, en: 0 };
  for (const tokens of tokenLists) addScores(scores, tokens);
  if (scores.it === scores.en) breakTie(scores, tokenLists);
  return decide(scores);
}
