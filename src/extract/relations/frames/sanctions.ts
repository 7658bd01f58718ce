// The frame of sanctions and pressure: "X ha imposto sanzioni a Z", "sanzioni Ue contro Z", "EU sanctions on
// Russia", "Y è stato sanzionato da X", "pressione sulla Russia": directed relations from imposer to target.
import type { ArticleEntity, Mention } from '../../mentions.js';
import type { Arg, Clause } from '../types.js';
import type { Discourse } from '../discourse.js';
import type { TriggerMatch } from '../candidates.js';
import { clauseOf, type SentenceView } from '../sentence-view.js';
import { coordinated, governedBy } from '../features.js';
import { dateNear, impliedSubject, objectOf, possessiveBefore, subjectOf } from '../slots.js';
import { status } from '../status.js';

export type SanctionsConfidence = {
  /** The imposer named by the verb's subject or agent, or by a modifier of the noun. */
  readonly plain: number;
  /** "its sanctions on Syria": the possessor, read as the clause's subject. */
  readonly possessor: number;
  /** "X ha imposto (nuove) sanzioni": the subject of an imposition verb before the noun. */
  readonly impositionVerb: number;
};

export function fillSanctions(v: SentenceView, match: TriggerMatch, d: Discourse, conf: SanctionsConfidence): void {
  const { i0, i1, info } = match;
  const { tokens, lex } = v;
  const clause = clauseOf(v, i0);
  let imposers: string[] = [];
  let targets: string[] = [];
  let confidence = conf.plain;
  if (info.pos === 'verb') {
    // "X ha sanzionato Y" / "Y è stato sanzionato da X"
    const agent = v.args.find((a) => a.m.i0 >= i1 && a.m.i0 < clause.end && governedBy(v, a.m, lex.prepositions.agent));
    if (agent) {
      imposers = agent.refs;
      targets = subjectOf(v, i0, clause);
    } else {
      imposers = subjectOf(v, i0, clause);
      targets = objectOf(v, i1, clause, { allowAdjectival: true }).flatMap((a) => a.refs);
    }
  } else {
    const preps = info.pressure ? lex.cues.pressureTargetPreps : lex.cues.sanctionTargetPreps;
    // Scan the noun phrase after the trigger (to the next comma or the clause's end, at most 12 tokens):
    // modifiers before the target preposition name the imposer ("sanzioni dell'Ue", "sanzioni americane",
    // "sanzioni Ue"); the first country or group after it is the target ("contro la Russia", "on a network
    // of North Korean workers"), places named as locations excepted ("con sede negli Emirati").
    const modifiers: Arg[] = [];
    let end = i1;
    while (end < clause.end && end < i1 + 12 && tokens[end]!.text !== ',' && tokens[end]!.text !== '.') end++;
    let prepSeen = -1;
    for (let k = i1; k < end && prepSeen < 0; k++) if (preps.at(tokens, k) > 0) prepSeen = k;
    const inPhrase = v.mentions.filter((m) => m.i0 >= i1 && m.i0 < end && m.refs.length > 0 && !(m.kind === 'entity' && m.entityKind === 'place'));
    for (const m of inPhrase) {
      if (prepSeen >= 0 && m.i0 > prepSeen) {
        if (m.location && !governedBy(v, m, preps)) continue;
        const a = v.args.find((x) => x.m === m);
        targets = a ? coordinated(v, a, 1, clause, true).flatMap((x) => x.refs) : m.refs;
        break;
      }
      if (!info.pressure && !m.modifier) modifiers.push({ m, refs: m.refs });
    }
    // "sanctions on Rosneft and Lukoil, Russia's biggest oil companies", "su Gazprom, il colosso russo": names the
    // gazetteer does not know, then an apposition that gives their state
    if (targets.length === 0 && prepSeen >= 0 && tokens[end]?.text === ',' && unknownNameAfter(v, prepSeen, end)) {
      const state = v.mentions.find((m) => m.i0 > end && m.i0 <= end + 4 && m.i0 < clause.end + 8 && m.kind === 'entity' && m.entity?.startsWith('country:') && (m.adjectival || tokens[m.i1]?.norm === "'s"));
      if (state) targets = state.refs;
    }
    // "hit Russia with new sanctions", "ha colpito con sanzioni la flotta ombra russa": the noun is the instrument
    // of an imposition verb, whose object is the target
    if (targets.length === 0 && !info.pressure && instrumentAt(v, i0)) {
      const verbAt = impositionVerbBefore(v, i0, clause, false);
      if (verbAt >= 0) {
        targets = objectOf(v, lex.cues.imposition.at(tokens, verbAt), clause, { allowAdjectival: true }).flatMap((a) => a.refs);
        if (targets.length === 0) targets = inPhrase.find((m) => !m.location)?.refs ?? [];
        modifiers.length = 0;
      }
    }
    // "le sanzioni americane", "Washington's sanctions" with no target of their own, just after sanctions on a
    // target were told: the same target (the story is about it)
    if (targets.length === 0 && !info.pressure && prepSeen < 0) {
      const named = modifiers.length > 0 || preNounImposer(v, i0) !== undefined;
      const last = named ? d.relations.findLast((r) => r.kind === 'sanctions' && v.index - r.sentence <= STORY_SENTENCES && r.sentence < v.index) : undefined;
      if (last) targets = [last.target];
    }
    if (targets.length === 0) return;
    if (modifiers.length) imposers = modifiers.flatMap((a) => a.refs).filter((r) => !targets.includes(r));
    // English pre-noun modifier: "EU sanctions on Russia", "Washington's sanctions"
    if (imposers.length === 0 && !info.pressure) {
      const pre = preNounImposer(v, i0);
      if (pre) imposers = pre.refs;
    }
    // "its sanctions on Syria", "nel suo ultimo pacchetto di sanzioni": the possessor is the clause's subject
    if (imposers.length === 0 && !info.pressure && possessiveBefore(v, i0)) {
      imposers = subjectOf(v, i0, clause, true);
      confidence = conf.possessor;
    }
    // an imposition verb governing the noun: "X ha imposto (nuove) sanzioni", "aumentare la pressione"
    if (imposers.length === 0) {
      const verbAt = impositionVerbBefore(v, i0, clause, Boolean(info.pressure));
      if (verbAt >= 0) {
        imposers = subjectOf(v, verbAt, clause);
        if (imposers.length === 0) imposers = impliedSubject(v, d, verbAt, clause, true);
        confidence = conf.impositionVerb;
      }
    }
  }
  if (imposers.length === 0 || targets.length === 0) return;
  const date = dateNear(v, i0, clause);
  let st = status(v, i0, i1, clause, info, date);
  if (!st) return;
  if (lex.cues.lift.within(tokens, Math.max(clause.start, i0 - 4), i0)) st = 'cancelled';
  for (const a of imposers) for (const t0 of targets) {
    const source = actingState(v.entities, a);
    const t = targetedBody(v.entities, t0);
    if (source !== t) d.relations.push({ kind: 'sanctions', source, target: t, sentence: v.index, date, status: st, confidence, evidence: v.text });
  }
}

/** How many sentences back sanctions just told still give their target to sanctions named without one. */
const STORY_SENTENCES = 3;

/** The name right before the noun, or before its "'s": "EU sanctions", "Washington's sanctions". */
function preNounImposer(v: SentenceView, i0: number): Mention | undefined {
  return v.mentions.find((m: Mention) => m.refs.length > 0 && (m.i1 === i0 || (m.i1 === i0 - 1 && v.tokens[i0 - 1]?.norm === "'s")) && !m.modifier);
}

/** Sanctions are imposed by states and organisations: a leader imposing them stands for the state. */
function actingState(entities: ReadonlyMap<string, ArticleEntity>, key: string): string {
  const e = entities.get(key);
  if (e?.kind === 'leader') {
    if (e.countryIso) return `country:${e.countryIso}`;
    if (e.organisation) return e.organisation;
  }
  return key;
}

/**
 * Sanctions on an international organisation's officer ("sanctions on the ICC prosecutor") target the
 * organisation, whose work they mean to stop; an officer of a state stays the target (a leader stands for the
 * state wherever a reader asks, and the person is what the text names).
 */
function targetedBody(entities: ReadonlyMap<string, ArticleEntity>, key: string): string {
  const e = entities.get(key);
  return e?.kind === 'leader' && !e.countryIso && e.organisation ? e.organisation : key;
}

/** A capitalised word no mention covers between the target preposition and the phrase's end ("on Rosneft"). */
function unknownNameAfter(v: SentenceView, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (v.tokens[k]!.upper && v.tokens[k]!.kind === 'word' && !v.covered[k]) return true;
  return false;
}

/** "with (new) sanctions", "con (nuove) sanzioni": a with-preposition up to two words before the noun. */
function instrumentAt(v: SentenceView, i0: number): boolean {
  for (let k = i0 - 1; k >= Math.max(0, i0 - 3); k--) if (v.lex.prepositions.with.at(v.tokens, k) === k + 1) return true;
  return false;
}

/** An imposition verb up to 8 tokens before the noun ("ha presentato oggi agli Stati membri la proposta per il pacchetto");
 *  for pressure, asking someone else to exert it ("ha chiesto a Xi di fare pressione") names no imposer. */
function impositionVerbBefore(v: SentenceView, i0: number, clause: Clause, pressure: boolean): number {
  for (let k = i0 - 1; k >= Math.max(clause.start, i0 - 8); k--) {
    if (pressure && v.lex.cues.call.at(v.tokens, k) > 0) return -1;
    if (v.lex.cues.imposition.at(v.tokens, k) > 0 || v.lex.cues.lift.at(v.tokens, k) > 0) return k;
  }
  return -1;
}
