// Morphology: the tense a word's ending or an auxiliary signals. Rough cues, used only where no trigger verb
// speaks; they run on every token of a sentence with a trigger, hence the guards before each regex.
import type { Lang, Token } from '../../read/types.js';
import type { Lexicon, Tense } from '../lexicon.js';
import { charCodeAt, endsWith } from '../../read/strings.js';

/** Tense signalled by a word's ending or by an auxiliary: a rough cue, used only where no trigger verb speaks. */
// Verb-ending patterns, compiled once at module level: these run on every token of every sentence.
const IT_FUTURE_ENDING = /(?:erà|eranno|irà|iranno|arà|aranno)$/;
const IT_CONDITIONAL_ENDING = /(?:ebbe|ebbero)$/;
const IT_PAST_ENDING = /(?:ava|avano|eva|evano|iva|ivano|arono|erono|irono)$/;
const IT_PARTICIPLE_ENDING = /(?:ato|ata|ati|ate|uto|uta|uti|ute|ito|ita|iti|ite|sto|sso|tto)$/;
const IT_PLURAL_VERB_ENDING = /(?:anno|ono|ano|ero|arono)$/;

export function tenseOfWord(t: Token, lang: Lang): Tense | undefined {
  const w = t.norm;
  if (t.kind !== 'word' || w.length < 4) return undefined;
  if (lang === 'it') {
    // Each regex is tried only when the word's last letter allows it to match (à/o, e/o, a/o): this runs on
    // every token, and most words end otherwise.
    const last = charCodeAt(w, w.length - 1);
    if ((last === 0xe0 || last === 0x6f) && IT_FUTURE_ENDING.test(w)) return 'future';
    if ((last === 0x65 || last === 0x6f) && IT_CONDITIONAL_ENDING.test(w)) return 'conditional';
    if ((last === 0x61 || last === 0x6f) && IT_PAST_ENDING.test(w)) return 'past';
    return undefined;
  }
  if (w === 'will' || w === 'shall') return 'future';
  if (w === 'would' || w === 'could') return 'conditional';
  // a capitalised word in -ed is a name more often than a verb ("Mohamed", "Ahmed", "Mahmoud Ahmed")
  if (endsWith(w, 'ed') && w.length > 4 && !t.upper) return 'past';
  return undefined;
}

/** "ha incontrato", "è stato annullato" (lex.pastAuxiliaries), "said" (lex.irregularPast): a past form. */
export function isPastParticipleAfterAux(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  const t = tokens[k]!;
  if (lex.lang === 'en') return lex.irregularPast.has(t.norm);
  // The regex only when the last two letters allow a match (t or s, then a, e, i or o): this runs on every token.
  const w = t.norm;
  if (w.length < 3) return false; // (the regex needs three letters; and no character read before the start)
  const prev = charCodeAt(w, w.length - 2);
  const last = charCodeAt(w, w.length - 1);
  if (!((prev === 0x74 || prev === 0x73) && (last === 0x61 || last === 0x65 || last === 0x69 || last === 0x6f))) return false;
  if (!IT_PARTICIPLE_ENDING.test(w)) return false;
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (lex.pastAuxiliaries.has(tokens[j]!.norm)) return true;
  return false;
}

export function isPluralVerb(t: Token, lang: Lang): boolean {
  return lang === 'it' ? IT_PLURAL_VERB_ENDING.test(t.norm) : false;
}

/**
 * "is planned", "are expected", "has been scheduled", "è previsto", "sono attesi", "è in programma": a present
 * copula and a participle of planning make a future event, not a past one (the participle's -ed / -to ending
 * would otherwise read as a past tense). "was planned" / "era previsto" are left to the date.
 */
export function scheduledAt(tokens: readonly Token[], lex: Lexicon, k: number): boolean {
  if (lex.cues.scheduled.at(tokens, k) < 0) return false;
  let j = k - 1;
  for (let skipped = 0; skipped < 2 && j >= 0 && lex.copulaFillers.has(tokens[j]!.norm); skipped++) j--;
  // "has been scheduled" / "have been scheduled": the perfect of a present copula
  if (j < k - 1 && tokens[j + 1]!.norm === 'been' && (tokens[j]?.norm === 'has' || tokens[j]?.norm === 'have')) return true;
  return j >= 0 && lex.cues.presentCopula.at(tokens, j) === j + 1;
}
