// Status: what the text says became of an event — negated or denied (nothing), cancelled, proposed, discussed,
// planned, held, ongoing or only reported — from negation, modality, the verb's tense and the date.
import type { Status } from '../../graph/model.js';
import type { Tense, TriggerInfo } from '../lexicon.js';
import type { Clause } from './types.js';
import { clauseOf, type SentenceView } from './sentence-view.js';
import { isPastParticipleAfterAux, scheduledAt } from './morphology.js';

/** undefined: the statement is negated or denied and yields nothing. */
export function status(v: SentenceView, i0: number, i1: number, clause: Clause, info: TriggerInfo, date: string | undefined): Status | undefined {
  const c = v.lex.cues;
  const tokens = v.tokens;
  // negation anywhere in the clause ("non incontrerà", "no talks were held", "il vertice ... non è in programma"),
  // except "non solo" / "not only"
  if (negated(v, i0, i1, clause, info) || c.denial.within(tokens, clause.start, clause.end)) return undefined;
  // willingness is not a plan: "ready to meet Putin", "disposto a incontrare"
  if ((info.family === 'meets' || info.family === 'negotiates') && c.hypothetical.within(tokens, Math.max(clause.start, i0 - 4), i0)) return undefined;
  // the noun's own predicate after a relative clause: "il vertice tra X e Y, che era previsto sabato, è stato annullato"
  const pred = info.pos === 'noun' ? predicateAfterRelative(v, clause) : undefined;
  if (pred) {
    for (let k = pred.start; k < Math.min(pred.end, pred.start + 2); k++) if (isNegation(v, k)) return undefined;
    if (c.cancel.within(tokens, pred.start, pred.end)) return 'cancelled';
  }
  if (c.cancel.within(tokens, clause.start, clause.end)) return 'cancelled';
  if (c.proposal.within(tokens, clause.start, i0)) return 'proposed';
  if ((info.family === 'sanctions' || info.family === 'supports') && c.discussion.within(tokens, clause.start, i0)) return 'discussed';
  const tense = info.pos === 'verb' ? verbTense(v, i0, clause, info.tense) : clauseTense(v, clause, i0, i1);
  if (tense === 'conditional' || c.modal.within(tokens, clause.start, i1 + 2)) return 'proposed';
  // A verb's own tense is the surest sign; a date relative to the article's comes next.
  if (info.pos === 'verb' && tense === 'future') return 'planned';
  if (info.pos === 'verb' && tense === 'past') return 'held';
  const byDate = statusByDate(v, date);
  if (byDate) return byDate;
  if (futureBefore(v, Math.max(clause.start, i0 - 4), i0, info.pos === 'noun')) return 'planned';
  if (tense === 'future') return 'planned';
  if (tense === 'past') return 'held';
  if (c.ongoing.within(tokens, clause.start, clause.end)) return 'ongoing';
  if (info.pos === 'verb' && tense === 'present') return 'ongoing';
  return 'reported';
}

/**
 * A word of the future before the trigger ("will", "set to", "agreed to meet"). Before a noun, a cue ending in
 * "to" that an article follows governs that noun phrase, not a verb: "agreed to an immediate ceasefire" is an
 * agreement made.
 */
function futureBefore(v: SentenceView, from: number, to: number, noun: boolean): boolean {
  const { tokens, lex } = v;
  for (let k = from; k < to; k++) {
    const end = lex.cues.future.at(tokens, k);
    if (end < 0 || end > to) continue;
    if (noun && lex.infinitiveMarkers.has(tokens[end - 1]!.norm) && lex.determiners.has(tokens[end]?.norm ?? '')) continue;
    return true;
  }
  return false;
}

/** The clause after a comma-delimited relative clause that follows `clause` (the main verb of a subject noun). */
function predicateAfterRelative(v: SentenceView, clause: Clause): Clause | undefined {
  const r = clause.end;
  const rel = v.tokens[r];
  if (!rel || v.tokens[r - 1]?.text !== ',' || !v.lex.relativePronouns.has(rel.norm)) return undefined;
  const next = v.breaks.find((b) => b > r);
  return next === undefined || next >= v.tokens.length ? undefined : clauseOf(v, next);
}

/**
 * Negated: a negation at most four words before the trigger ("non incontrerà", "no talks", "non ci sarà
 * alcun incontro", "did not meet"), or — for a noun — after it, on the verb it is subject of ("il vertice
 * tra Trump, Putin e Zelensky ... non è in programma", "the meeting is not on the agenda").
 * "non solo" / "not only" negates nothing.
 */
export function negated(v: SentenceView, i0: number, i1: number, clause: Clause, info: TriggerInfo): boolean {
  let words = 0;
  for (let k = i0 - 1; k >= clause.start && words < 4; k--) {
    if (v.tokens[k]!.kind !== 'word') continue;
    words++;
    if (isNegation(v, k)) return true;
  }
  if (info.pos !== 'noun') return false;
  for (let k = i1; k < clause.end; k++) {
    if (!isNegation(v, k)) continue;
    // the copula or auxiliary the noun's verb starts with (lex.copulas)
    const next = v.tokens[k + 1]?.norm ?? '';
    if (v.lex.copulas.has(next) || (next === "'" && v.lex.copulas.has(v.tokens[k + 2]?.norm ?? ''))) return true;
  }
  return false;
}

/** A negation cue at token k, "non solo" / "not only" excepted. (A function, not a closure in negated(): that
 *  runs for every trigger, and under tsx each closure creation also calls __name.) */
export function isNegation(v: SentenceView, k: number): boolean {
  if (v.lex.cues.negation.at(v.tokens, k) < 0) return false;
  const next = v.tokens[k + 1];
  return !(next && v.lex.notOnly.has(next.norm));
}

function statusByDate(v: SentenceView, date: string | undefined): Status | undefined {
  const today = v.articleDate;
  if (!date || !today) return undefined;
  const [from, to] = date.includes('/') ? date.split('/') as [string, string] : [date, date];
  if (to.length >= 10 ? to < today : to < today.slice(0, to.length)) return 'held';
  if (from.length >= 10 ? from > today : from > today.slice(0, from.length)) return 'planned';
  return undefined;
}

/** A verb's tense, with its auxiliaries: "will meet", "ha incontrato", "is due to meet". */
export function verbTense(v: SentenceView, i0: number, clause: Clause, own: Tense | undefined): Tense | undefined {
  if (own === 'future' || own === 'conditional') return own;
  if (v.lex.cues.future.within(v.tokens, Math.max(clause.start, i0 - 4), i0)) return 'future';
  if (own === 'past') return 'past';
  if (isPastParticipleAfterAux(v.tokens, i0, v.lex)) return 'past';
  if (own === 'infinitive' || own === 'present' || own === 'gerund') {
    for (let k = i0 - 1; k >= Math.max(clause.start, i0 - 4); k--) {
      const t = v.wordTenses[k] ?? (isPastParticipleAfterAux(v.tokens, k, v.lex) ? 'past' : undefined);
      if (t) return t;
    }
  }
  return own;
}

/** The tense of the clause's verbs, from their endings and auxiliaries, for noun triggers. */
export function clauseTense(v: SentenceView, clause: Clause, i0: number, i1: number): Tense | undefined {
  // the noun's own relative clause tells its time: "the talks that X will hold", "i colloqui che X ha avuto"
  if (v.lex.relativePronouns.has(v.tokens[i1]?.norm ?? '')) {
    const end = Math.min(clause.end, i1 + 12);
    // ("that X was expected to hold": a plan, whatever the tense of its copula)
    for (let k = i1 + 1; k < end; k++) if (scheduledAt(v.tokens, v.lex, k) || v.lex.cues.scheduled.at(v.tokens, k) > 0) return 'future';
    for (let k = i1 + 1; k < end; k++) {
      const t = v.wordTenses[k];
      if (t) return t;
      if (isPastParticipleAfterAux(v.tokens, k, v.lex)) return 'past';
    }
  }
  for (let k = i0 - 1; k >= clause.start; k--) {
    const t = v.wordTenses[k];
    if (t) return t;
  }
  if (v.lex.cues.past.within(v.tokens, clause.start, i0)) return 'past';
  // the noun as subject of a planning predicate: "the meeting ... is planned", "il vertice ... è previsto"
  for (let k = i1; k < clause.end; k++) if (scheduledAt(v.tokens, v.lex, k)) return 'future';
  return undefined;
}
