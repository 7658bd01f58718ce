// Trigger candidates: the words of a sentence that open a frame — noun and multi-word triggers, verb forms in
// every inflection (with Italian reciprocal clitics), and the cue verbs of calling on and supporting.
import type { Token } from '../../read/types.js';
import { triggerInfo, type Lexicon, type TriggerInfo } from '../lexicon.js';
import { isPluralVerb } from './morphology.js';
import type { SentenceView } from './sentence-view.js';

export interface TriggerMatch {
  /** Tokens [i0, i1) of the trigger. */
  i0: number;
  i1: number;
  info: TriggerInfo;
  /** A trigger of the lexicon, or a cue verb of calling on ("urged X to") or of support ("backs X"). */
  via: 'trigger' | 'call' | 'support';
}

/** What supportVerb() and callOn() evaluate their status as (one object, of the common TriggerInfo shape). */
export const SUPPORT_VERB = triggerInfo({ family: 'supports', pos: 'verb' });

/** Where matchTriggers() finds its first trigger (the same tests), or -1. */
export function firstTrigger(tokens: Token[], covered: readonly boolean[], lex: Lexicon): number {
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || tokens[i]!.kind !== 'word') continue;
    if (lex.nounTriggers.match(tokens, i) || lex.verbForms.at(tokens, i)
      || lex.cues.call.at(tokens, i) > 0 || lex.cues.support.at(tokens, i) > 0) return i;
  }
  return -1;
}

/** The sentence's triggers, left to right; a noun trigger's tokens are not read again. */
export function matchTriggers(v: SentenceView): TriggerMatch[] {
  const { tokens, lex, covered } = v;
  const out: TriggerMatch[] = [];
  // (no trigger before firstTrigger: the loop starts there)
  for (let i = v.firstTrigger < 0 ? tokens.length : v.firstTrigger; i < tokens.length; i++) {
    if (covered[i] || tokens[i]!.kind !== 'word') continue;
    const noun = lex.nounTriggers.match(tokens, i);
    if (noun) {
      out.push({ i0: i, i1: noun.end, info: noun.payload, via: 'trigger' });
      i = noun.end - 1;
      continue;
    }
    const verb = verbTrigger(v, i);
    if (verb) out.push({ i0: i, i1: i + 1, info: verb, via: 'trigger' });
    else if (lex.cues.call.at(tokens, i) > 0) out.push({ i0: i, i1: lex.cues.call.at(tokens, i), info: SUPPORT_VERB, via: 'call' });
    else if (lex.cues.support.at(tokens, i) > 0) out.push({ i0: i, i1: lex.cues.support.at(tokens, i), info: SUPPORT_VERB, via: 'support' });
  }
  return out;
}

/**
 * The verb trigger at token i, read with its reciprocal clitic: "si sono visti", "si incontreranno", "si sono
 * parlati" are mutual meetings of the subjects and need no "con" complement; forms that are a meeting only as
 * reciprocals (visti, sentiti) are nothing without the clitic.
 */
function verbTrigger(v: SentenceView, i: number): TriggerInfo | undefined {
  const { tokens, lex } = v;
  const verb = lex.verbForms.at(tokens, i);
  if (!verb || verb.family !== 'meets') return verb;
  // "Trump and Putin spoke by phone", "Meloni e Macron hanno parlato al telefono": with its medium, a weak verb
  // that otherwise needs "with" is a mutual call of its subjects
  // (its other side still only after "with": "spoke by phone about X" is no call with X)
  const plain = verb.requiresWith && remoteAfter(tokens, lex, i) ? { ...verb, mutual: true } : verb;
  if (lex.reflexiveClitics.size === 0) return plain;
  if (!reciprocalBefore(tokens, lex, i)) return verb.reflexiveOnly ? undefined : plain;
  if (verb.requiresAfter) {
    let ok = false;
    for (let k = i + 1; k <= Math.min(i + 3, tokens.length - 1) && !ok; k++) ok = verb.requiresAfter.at(tokens, k) > 0;
    if (!ok) return undefined;
  }
  // "si sono visti", "si vedranno": plural, the subjects meet each other; a singular form is reciprocal only
  // with its "con" complement ("si è visto con Merz") — "si è parlato di un vertice" is impersonal
  const plural = /[ie]$/.test(tokens[i]!.norm) && verb.tense === 'past' || isPluralVerb(tokens[i]!, v.lang);
  return { ...verb, mutual: true, requiresWith: !plural, personObject: false };
}

/** A medium ("by phone", "al telefono") within three tokens after the verb at i. */
export function remoteAfter(tokens: readonly Token[], lex: Lexicon, i: number): boolean {
  for (let k = i + 1; k <= Math.min(i + 3, tokens.length - 1); k++) if (lex.cues.remote.at(tokens, k) > 0) return true;
  return false;
}

/** The reciprocal clitic before the verb at i, past auxiliaries and adverbs: "si sono visti", "si erano già sentiti". */
function reciprocalBefore(tokens: readonly Token[], lex: Lexicon, i: number): boolean {
  let k = i - 1;
  for (let n = 0; n < 3 && k >= 0 && lex.reflexiveBetween.has(tokens[k]!.norm); n++) k--;
  return k >= 0 && lex.reflexiveClitics.has(tokens[k]!.norm);
}
