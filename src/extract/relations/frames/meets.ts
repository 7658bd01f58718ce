// The frame of meetings and negotiations: "X incontrerà Y", "incontro tra X e Y", "X ha avuto un incontro con Y",
// "negoziati tra Kiev e Mosca", "X will host A and B for talks". Each mention becomes an `Occurrence`
// (fragment.ts merges the mentions of one real meeting into one meeting node).
import type { Arg, Clause, Occurrence } from '../types.js';
import type { Discourse } from '../discourse.js';
import { remoteAfter, type TriggerMatch } from '../candidates.js';
import { clauseBreaks, clauseOf, tokenAt, type SentenceView } from '../sentence-view.js';
import { isPluralVerb } from '../morphology.js';
import { coordinated, governedBy, isActor } from '../features.js';
import { betweenSides, dateNear, impliedSubject, objectOf, placesIn, possessiveBefore, presentIn, subjectAfter, subjectOf } from '../slots.js';
import { isNegation, status } from '../status.js';

export type TalksConfidence = {
  /** A weak verb ("spoke with", "ha parlato con", "discuterà con") whose sides come from subject and object. */
  readonly weak: number;
  /** Any other trigger whose sides come from the subject and object. */
  readonly plain: number;
  /** "X will host A and B for talks": the guests are the sides. */
  readonly hosted: number;
  /** "tra X e Y", "between X and Y". */
  readonly between: number;
  /** The heads of two delegations to talks just told (delegationHeads). */
  readonly delegationHeads: number;
};

export function fillTalks(v: SentenceView, match: TriggerMatch, d: Discourse, conf: TalksConfidence): void {
  const { i0, i1, info } = match;
  const { tokens, lex } = v;
  const clause = clauseOf(v, i0);
  const family = info.family as 'meets' | 'negotiates';
  let sides: string[][] = [];
  let confidence = info.weak ? conf.weak : conf.plain;
  const between = info.pos === 'noun' ? betweenSides(v, i1, clause) : undefined;
  const hosted = info.pos === 'noun' && !between ? hostedFor(v, i0, clause) : undefined;
  let hosts: string[] = [];
  if (hosted) {
    // "X will host A and B for talks": A and B talk with each other; the hosts mediate
    sides = hosted.guests;
    hosts = hosted.hosts;
    confidence = conf.hosted;
  } else if (between) {
    sides = between;
    confidence = conf.between;
    // "X will attend the summit between A and B": X is a further participant
    const attendee = attendees(v, i0, clause).filter((r) => !sides.flat().includes(r));
    if (attendee.length) sides = joinSides(sides, attendee, attendeeCompanions(v, i0));
  } else {
    const object = objectOf(v, i1, clause, { withPrep: info.pos === 'noun' || info.requiresWith });
    let objectAny = info.pos === 'verb' && !info.requiresWith && object.length === 0 ? objectOf(v, i1, clause, { withPrep: true }) : object;
    // the passive: "è stato ricevuto (nella sala ...) dal presidente X", "was hosted by X": the agent is the other side
    if (info.pos === 'verb' && objectAny.length === 0 && lex.passiveAux.has(tokens[i0 - 1]?.norm ?? '')) {
      const agent = v.args.find((a) => a.m.i0 >= i1 && a.m.i0 < clause.end && governedBy(v, a.m, lex.prepositions.agent) && isActor(v, a));
      if (agent) objectAny = coordinated(v, agent, 1, clause);
    }
    // (a call told with its medium needs no "with": "X and Y spoke by phone", "hanno parlato al telefono")
    if (info.requiresWith && objectAny.length === 0 && !(info.mutual && remoteAfter(tokens, lex, i0))) return;
    // a noun's agent comes first: "illustrata dalla premier Takaichi in una telefonata con Macron"
    const agent = info.pos === 'noun' ? v.args.find((a) => a.m.i1 <= i0 && a.m.i0 >= Math.max(clause.start, i0 - 8) && governedBy(v, a.m, lex.prepositions.agent) && isActor(v, a)) : undefined;
    // "the talks that the American president will hold with Putin", "i colloqui che Meloni terrà con Erdogan": the
    // relative clause's subject holds them, not the subject of the sentence around
    const relative = info.pos === 'noun' && !agent ? relativeSubject(v, i1, clause) : [];
    let subject = agent ? agent.refs : relative.length ? relative : subjectOf(v, i0, clause, info.pos === 'noun');
    const possessive = possessiveBefore(v, i0);
    if (subject.length === 0 && (possessive || info.pos === 'noun')) subject = subjectAfter(v, i1, clause, objectAny);
    if (subject.length === 0 && info.pos === 'verb') subject = impliedSubject(v, d, i0, clause, isPluralVerb(tokens[i0]!, v.lang));
    // "sono arrivati a Mosca, dove è previsto un incontro con Putin": the visitors are the subject
    if (subject.length === 0 && info.pos === 'noun' && clause.start > 0 && objectAny.length > 0) subject = impliedSubject(v, d, i0, clause, false);
    const objRefs = objectAny.flatMap((a) => a.refs);
    if (info.personObject && objRefs.length === 0) return;
    const round = info.pos === 'noun' && tokens.slice(Math.max(0, i0 - 3), i1).some((t) => lex.roundWords.has(t.norm));
    const last = d.lastOccurrence;
    if (subject.length === 0 && objRefs.length === 0 && round && last && last.family === family && v.index - last.sentence <= 3 && !anaphoric(v, i0)) {
      // "a new round of negotiations could take place in Geneva": the same parties meet again.
      sides = last.sides.map((x) => [...x]);
    } else if (subject.length === 0 && objRefs.length === 0) {
      // "questi colloqui potrebbero svolgersi in Svizzera": completes the last occurrence.
      if (d.lastOccurrence && anaphoric(v, i0) && v.index - d.lastOccurrence.sentence <= 3) complete(v, d, d.lastOccurrence, clause, i0);
      return;
    }
    else if (objRefs.length === 0 && v.args.some((a) => a.m.kind === 'group' && a.m.role === 'Mediator' && a.refs.length === subject.length && a.refs.every((r) => subject.includes(r)))) {
      // "Egyptian and Qatari mediators ... the ceasefire": mediators do not negotiate with each other
      return;
    }
    else if (info.mutual && objRefs.length === 0 && subject.length >= 2) sides = subject.map((r) => [r]);
    else sides = [subject, objRefs].filter((x) => x.length > 0);
    const summit = sides.length === 1 && sides[0]!.length === 1 && sides[0]![0]!.startsWith('alliance:');
    if (sides.length === 1 && !info.visit && !summit && sides[0]!.length < 2) {
      const last = d.lastOccurrence;
      // "X will join them at the meeting", "X parteciperà all'incontro": X joins the meeting just named
      const attendee = last && info.pos === 'noun' && v.index - last.sentence <= 2 && lex.determiners.has(tokens[i0 - 1]?.norm ?? '')
        ? attendees(v, i0, clause).filter((r) => !last.sides.flat().includes(r)) : [];
      if (last && attendee.length) last.sides = joinSides(last.sides, attendee, attendeeCompanions(v, i0));
      if (last && (attendee.length || anaphoric(v, i0))) complete(v, d, last, clause, i0);
      return;
    }
  }
  const present = presentIn(v, clause).filter((r) => !sides.flat().includes(r));
  if (present.length) sides = [...sides, present];
  const participants = new Set(sides.flat());
  const date = dateNear(v, i0, clause);
  const st = status(v, i0, i1, clause, info, date);
  if (!st) {
    d.refused.add(`${family}:${v.index}`);
    return;
  }
  const places = placesIn(v, clause, participants, d.locations);
  // "volerà a Doha, dove vedrà l'emiro": "dove"/"where" points back to the place just named
  if (places.length === 0 && clause.start > 0 && lex.placeRelatives.has(tokens[clause.start]!.norm)) {
    places.push(...placesIn(v, clauseOf(v, clause.start - 1), participants, d.locations).slice(-1));
  }
  const round = info.pos === 'noun' && tokens.slice(Math.max(0, i0 - 3), i1).some((t) => lex.roundWords.has(t.norm));
  const occ: Occurrence = {
    family, sentence: v.index, sides, places, date, status: st, confidence, mediators: hosts.filter((h) => !participants.has(h)),
    visit: Boolean(info.visit), round, evidence: v.text,
  };
  d.occurrences.push(occ);
  d.lastOccurrence = occ;
  const subj = sides[0];
  if (subj) d.lastSubjects = subj;
}

/** The subject of a relative clause right after a noun ("talks that X will hold"): a bare actor within three words. */
function relativeSubject(v: SentenceView, i1: number, clause: Clause): string[] {
  const { tokens, lex } = v;
  const rel = tokens[i1];
  if (!rel || !(lex.relativePronouns.has(rel.norm) || lex.relativeObjectPronouns.has(rel.norm))) return [];
  const a = v.args.find((x) => x.m.i0 > i1 && x.m.i0 <= i1 + 3 && x.m.i0 < clause.end && !x.m.adjectival && isActor(v, x));
  if (!a || lex.anyPreposition.has(tokens[a.m.i0 - 1]?.norm ?? '')) return [];
  return coordinated(v, a, 1, clause).flatMap((x) => x.refs);
}

/**
 * "Egypt and Qatar will host Hamas and Israeli negotiators for talks", "ospiterà le delegazioni per i colloqui":
 * a noun of purpose after a hosting verb with two or more guests makes the guests the sides, the hosts mediators.
 */
function hostedFor(v: SentenceView, i0: number, clause: Clause): { guests: string[][]; hosts: string[] } | undefined {
  const { tokens, lex } = v;
  let k = i0 - 1;
  while (k > clause.start && lex.determiners.has(tokens[k]!.norm) && !lex.anyPreposition.has(tokens[k]!.norm)) k--;
  const prep = tokens[k]?.norm ?? '';
  // a preposition of purpose: "host X and Y for talks", "per i colloqui"
  if (!lex.purposePrepositions.has(prep)) return undefined;
  for (let j = k - 1; j >= clause.start; j--) {
    const verb = lex.verbForms.at(tokens, j);
    if (!verb || !verb.personObject || verb.family !== 'meets') continue;
    const guests = objectOf(v, j + 1, { start: clause.start, end: k }).filter((a) => isActor(v, a));
    // one mention naming both sides: "Armenian and Azerbaijani negotiators"
    const sides = guests.length === 1 && guests[0]!.refs.length >= 2 ? guests[0]!.refs.map((r) => [r]) : guests.map((a) => a.refs);
    if (sides.length < 2) return undefined;
    return { guests: sides, hosts: subjectOf(v, j, clause) };
  }
  return undefined;
}

/** The subject of an attendance verb at most five tokens before the noun at i0 ("will attend the", "join them at the"). */
function attendees(v: SentenceView, i0: number, clause: Clause): string[] {
  const { tokens, lex } = v;
  for (let k = i0 - 1; k >= Math.max(clause.start, i0 - 5); k--) {
    if (lex.cues.attendance.at(tokens, k) < 0) continue;
    // "did not attend", "non parteciperà", "might attend", "pronto a partecipare": nobody joins
    for (let j = k - 1; j >= Math.max(clause.start, k - 4); j--) if (isNegation(v, j)) return [];
    const from = Math.max(clause.start, k - 4);
    if (lex.cues.modal.within(tokens, from, k) || lex.cues.hypothetical.within(tokens, from, k)) return [];
    return subjectOf(v, k, clause).filter((r) => r.startsWith('leader:') || r.startsWith('country:') || r.startsWith('alliance:'));
  }
  return [];
}

/** "X will join Bessent at the meeting": whom the attendee joins (the object of the attendance verb), if named. */
function attendeeCompanions(v: SentenceView, i0: number): string[] {
  for (let k = i0 - 1; k >= Math.max(0, i0 - 5); k--) {
    const end = v.lex.cues.attendance.at(v.tokens, k);
    if (end < 0) continue;
    return v.args.filter((a) => a.m.i0 >= end && a.m.i1 <= i0).flatMap((a) => a.refs);
  }
  return [];
}

/** Adds attendees to the sides: on the side of whom they join when that is named ("join Bessent"), else as a side of their own. */
function joinSides(sides: string[][], attendees: string[], companions: string[]): string[][] {
  const side = sides.findIndex((x) => x.some((r) => companions.includes(r)));
  if (side < 0) return [...sides, attendees];
  // one group that meets among itself ("X and Y held talks"): the attendee sides with X, against the others
  if (sides.length === 1) {
    const others = sides[0]!.filter((r) => !companions.includes(r));
    return others.length ? [[...sides[0]!.filter((r) => companions.includes(r)), ...attendees], others] : [[...sides[0]!, ...attendees]];
  }
  return sides.map((x, k) => (k === side ? [...x, ...attendees] : x));
}

function anaphoric(v: SentenceView, i0: number): boolean {
  const prev = tokenAt(v, i0 - 1);
  const prev2 = tokenAt(v, i0 - 2);
  return Boolean(prev && (v.lex.cues.demonstratives.at(v.tokens, i0 - 1) > 0 || (prev2 && v.lex.cues.demonstratives.at(v.tokens, i0 - 2) > 0) || v.lex.definiteArticles.has(prev.norm)));
}

/** Adds this phrase's places, date and sentence to an occurrence told before. */
function complete(v: SentenceView, d: Discourse, occ: Occurrence, clause: Clause, i0: number): void {
  const participants = new Set(occ.sides.flat());
  // only what belongs to this phrase: up to the next comma ("who hosted the meeting, said ... in Geneva")
  let end = i0;
  while (end < clause.end && v.tokens[end]!.text !== ',') end++;
  for (const p of placesIn(v, { start: i0, end }, participants, d.locations)) if (!occ.places.includes(p)) occ.places.push(p);
  occ.date ??= dateNear(v, i0, clause);
  if (!occ.evidence.includes(v.text)) occ.evidence += ` ${v.text}`;
}

/**
 * "The Russian delegation will be led by X, while the Ukrainian delegation is headed by Y", "a guidare la
 * delegazione di Kiev sarà Y": the heads of the delegations of two sides of the talks just named meet each other
 * (a meeting of their own, with the talks' date, place and status; the talks keep their country sides).
 */
export function delegationHeads(v: SentenceView, d: Discourse, confidence: number): void {
  const base = d.lastOccurrence;
  if (!base || v.index - base.sentence > 3) return;
  const { tokens, lex } = v;
  if (v.breaks.length === 1 && v.breaks[0] === 0 && tokens.length > 0) v.breaks = clauseBreaks(tokens, lex, v.lang);
  for (let k = 0; k < tokens.length; k++) {
    if (lex.cues.leads.at(tokens, k) < 0) continue;
    const clause = clauseOf(v, k);
    const group = v.mentions.find((m) => m.kind === 'group' && m.iso && !m.isos && m.i0 >= clause.start && m.i1 <= clause.end);
    if (!group) continue;
    const side = `country:${group.iso}`;
    if (!base.sides.some((x) => x.includes(side))) continue;
    let head: Arg | undefined;
    for (const a of v.args) {
      if (a.m.i0 < clause.start || a.m.i1 > clause.end || a.m.entityKind !== 'leader' || a.refs.length !== 1) continue;
      if (!head || Math.abs(a.m.i0 - k) < Math.abs(head.m.i0 - k)) head = a;
    }
    if (!head) continue;
    let entry = d.delegations.get(base);
    if (!entry) { entry = { heads: new Map() }; d.delegations.set(base, entry); }
    entry.heads.set(side, head.refs[0]!);
    if (entry.heads.size < 2) continue;
    const sides = [...entry.heads.values()].map((r) => [r]);
    if (entry.derived) { entry.derived.sides = sides; continue; }
    entry.derived = {
      family: 'meets', sentence: v.index, sides, places: [...base.places], date: base.date, status: base.status,
      confidence, mediators: [], visit: false, round: false, evidence: v.text,
    };
    d.occurrences.push(entry.derived);
  }
}
