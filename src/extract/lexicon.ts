// Loads the relation lexicons of one language (data/lang/LANG/{triggers,cues,morphology}.json) into
// lookup structures. Italian verbs are given as stems plus a conjugation class and expanded here into
// every inflected form, each tagged with the tense its ending signals (incontrerà → future).
import { readFileSync } from 'node:fs';
import type { Lang } from '../read/types.js';
import { CueSet, PhraseIndex, WordMap } from './phrase-index.js';
import { checkCueFile, checkTriggerFile } from './lang-schema.js';

export type Family = 'meets' | 'negotiates' | 'sanctions' | 'mediates' | 'supports' | 'at_war_with';
export type Tense = 'future' | 'conditional' | 'past' | 'present' | 'infinitive' | 'gerund';

export interface TriggerInfo {
  family: Family;
  pos: 'verb' | 'noun';
  tense?: Tense;
  /** "X and Y met": the subjects meet each other. */
  mutual?: boolean;
  /** ricevere/host: a meeting only when the object is a person or state. */
  personObject?: boolean;
  /** discutere/talk: a meeting only with a "con/with" complement. */
  requiresWith?: boolean;
  weak?: boolean;
  visit?: boolean;
  /** "pressione su": sanctions-type pressure. */
  pressure?: boolean;
  /** negoziatori: names people, evokes no event by itself. */
  agentive?: boolean;
  /** visti, sentiti: a meeting only after the reciprocal clitic ("si sono visti"). */
  reflexiveOnly?: boolean;
  /** sentirsi: only with one of these phrases right after the verb ("al telefono"). */
  requiresAfter?: CueSet;
}

/**
 * A TriggerInfo with every field present (undefined when absent), always in one order: infos built with different
 * optional fields have different V8 hidden classes, and the relation stage's reads of `info.family` or
 * `info.pos` met so many that they fell back to a slow generic lookup (measured with perf).
 */
export function triggerInfo(t: TriggerInfo): TriggerInfo {
  return {
    family: t.family, pos: t.pos, tense: t.tense, mutual: t.mutual, personObject: t.personObject, requiresWith: t.requiresWith,
    weak: t.weak, visit: t.visit, pressure: t.pressure, agentive: t.agentive, reflexiveOnly: t.reflexiveOnly, requiresAfter: t.requiresAfter,
  };
}

interface VerbSpec {
  family: Family;
  stems?: string[];
  class?: string;
  forms?: Record<string, Tense>;
  irregular?: Record<string, Tense>;
  mutual?: boolean;
  personObject?: boolean;
  requiresWith?: boolean;
  weak?: boolean;
  visit?: boolean;
  reflexiveOnly?: boolean;
  requiresAfter?: string[];
}

interface NounSpec {
  family: Family;
  forms: string[];
  visit?: boolean;
  pressure?: boolean;
  agentive?: boolean;
  round?: string[];
}

interface TriggerFile {
  verbs: VerbSpec[];
  nouns: NounSpec[];
  supportVerbs: { stems?: string[]; forms?: string[]; irregular?: string[] };
  callVerbs: string[];
  impositionVerbs: string[];
  liftVerbs: string[];
  sanctionTargetPreps: string[];
  pressureTargetPreps: string[];
  mediatorPreps: string[];
}

interface CueFile {
  negation: string[];
  cancel: string[];
  denial: string[];
  proposal: string[];
  modal: string[];
  discussion: string[];
  future: string[];
  past: string[];
  ongoing: string[];
  clauseBreaks: string[];
  attribution: string[];
  members: string[];
  groupAnaphora: string[];
  /** "i due paesi", "both countries": the states of the two people last named. */
  stateAnaphora?: string[];
  counterpart: string[];
  possessives: string[];
  demonstratives: string[];
  determiners: string[];
  prepositions: Record<'between' | 'with' | 'locative' | 'genitive' | 'agent' | 'dative' | 'other', string[]>;
  coordination: string[];
  disjunction: string[];
  institutions: string[];
  /** Speech verbs: a time right after one dates the statement, not the event ("said Friday"). */
  speech: string[];
  /** Willingness is not a plan: "ready to meet", "disposto a incontrare". */
  hypothetical: string[];
  /** "alla presenza di Trump": a further participant. */
  presence: string[];
  /** Participles that, after a present copula, plan an event: "is planned", "è previsto". */
  scheduled?: string[];
  presentCopula?: string[];
  /** Words allowed between the copula and the participle: "has been", "è stato", "is now". */
  copulaFillers?: string[];
  /** Reciprocal clitics ("si") and the words allowed between clitic and verb ("si sono poi visti"). */
  reflexive?: { clitics: string[]; between: string[] };
  /** "first", "primo": before a trigger noun, a place in a series. */
  ordinals?: string[];
  /** "since", "dal": opens the span a series is counted over. */
  since?: string[];
  /** "attend", "partecipare": the subject joins the meeting the noun after names. */
  attendance?: string[];
  /** "by phone", "al telefono": a weak verb with one of these needs no "with" ("X and Y spoke by phone"). */
  remote?: string[];
  /** "led by", "guidata da": who heads a delegation. */
  leads?: string[];
  /** "the member states of", "i paesi membri di": between a group and the organisation its members belong to. */
  memberStates?: string[];
  // Word lists of the relation stage (src/extract/relations/), one per language; see the file's `_doc`.
  relativePronouns?: string[];
  relativeObjectPronouns?: string[];
  articles?: string[];
  definiteArticles?: string[];
  dateArticles?: string[];
  placeRelatives?: string[];
  notOnly?: string[];
  infinitiveMarkers?: string[];
  againstPreps?: string[];
  copulas?: string[];
  passiveAux?: string[];
  purposePrepositions?: string[];
  auxiliaries?: string[];
  pastAuxiliaries?: string[];
  irregularPast?: string[];
}

type MorphologyFile = { classes: Record<string, Partial<Record<Tense, string[]>>> };

export interface Lexicon {
  lang: Lang;
  /** Noun and multi-word triggers. */
  nounTriggers: PhraseIndex<TriggerInfo>;
  /** Single-token verb forms → trigger. */
  verbForms: WordMap<TriggerInfo>;
  cues: {
    negation: CueSet; cancel: CueSet; denial: CueSet; proposal: CueSet; modal: CueSet; discussion: CueSet;
    future: CueSet; past: CueSet; ongoing: CueSet; clauseBreaks: CueSet; attribution: CueSet; members: CueSet;
    groupAnaphora: CueSet; stateAnaphora: CueSet; counterpart: CueSet; demonstratives: CueSet; institutions: CueSet; speech: CueSet; hypothetical: CueSet; presence: CueSet;
    scheduled: CueSet; presentCopula: CueSet; attendance: CueSet; leads: CueSet; memberStates: CueSet; remote: CueSet;
    imposition: CueSet; lift: CueSet; call: CueSet; support: CueSet;
    sanctionTargetPreps: CueSet; pressureTargetPreps: CueSet; mediatorPreps: CueSet;
  };
  possessives: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  prepositions: Record<keyof CueFile['prepositions'], CueSet>;
  /** Every preposition form, single tokens (to tell a governed noun phrase from a subject). */
  anyPreposition: ReadonlySet<string>;
  coordination: ReadonlySet<string>;
  disjunction: ReadonlySet<string>;
  roundWords: ReadonlySet<string>;
  copulaFillers: ReadonlySet<string>;
  reflexiveClitics: ReadonlySet<string>;
  reflexiveBetween: ReadonlySet<string>;
  ordinals: ReadonlySet<string>;
  since: ReadonlySet<string>;
  /** "che", "who": a relative clause whose subject is the antecedent. */
  relativePronouns: ReadonlySet<string>;
  /** "whom": opens a relative clause, never its subject. */
  relativeObjectPronouns: ReadonlySet<string>;
  /** Plain articles ("il", "the"), which an articulated preposition ("della") is not. */
  articles: ReadonlySet<string>;
  /** "the meeting", "l'incontro": the event just told. */
  definiteArticles: ReadonlySet<string>;
  /** "said on Friday", "ha detto il 5 maggio": between a speech verb and the time it dates. */
  dateArticles: ReadonlySet<string>;
  /** "dove", "where": the place just named. */
  placeRelatives: ReadonlySet<string>;
  /** "non solo", "not only": lift the negation before them. */
  notOnly: ReadonlySet<string>;
  /** "to", "di": a trigger verb after them is non-finite. */
  infinitiveMarkers: ReadonlySet<string>;
  /** "against", "contro": the side a war is waged against. */
  againstPreps: ReadonlySet<string>;
  /** What a negated noun's verb starts with: "non è in programma", "is not on the agenda". */
  copulas: ReadonlySet<string>;
  /** The auxiliary right before a passive participle: "è stato ricevuto", "was hosted". */
  passiveAux: ReadonlySet<string>;
  /** "host X and Y for talks", "per i colloqui". */
  purposePrepositions: ReadonlySet<string>;
  /** Auxiliaries and copulas: a verb that a time after it may date. */
  auxiliaries: ReadonlySet<string>;
  /** "ha incontrato": before a participle, a past form. */
  pastAuxiliaries: ReadonlySet<string>;
  /** "met", "said": past forms no ending shows. */
  irregularPast: ReadonlySet<string>;
}

/** The keys of CueFile: cues.json may hold these and no other (lang-schema.ts). */
const CUE_KEYS: readonly (keyof CueFile)[] = [
  'negation', 'cancel', 'denial', 'proposal', 'modal', 'discussion', 'future', 'past', 'ongoing', 'clauseBreaks', 'attribution', 'members', 'groupAnaphora', 'stateAnaphora', 'counterpart', 'possessives', 'demonstratives', 'determiners', 'prepositions', 'coordination', 'disjunction', 'institutions', 'speech', 'hypothetical', 'presence', 'scheduled', 'presentCopula', 'copulaFillers', 'reflexive', 'ordinals', 'since', 'attendance', 'leads', 'memberStates', 'relativePronouns', 'relativeObjectPronouns', 'articles', 'definiteArticles', 'dateArticles', 'placeRelatives', 'notOnly', 'infinitiveMarkers', 'againstPreps', 'copulas', 'passiveAux', 'purposePrepositions', 'auxiliaries', 'pastAuxiliaries', 'irregularPast', 'remote',
];

const dataDir = new URL('../../data/lang/', import.meta.url);
const cache = new Map<Lang, Lexicon>();

function readJson<T>(lang: Lang, name: string): T {
  const data: unknown = JSON.parse(readFileSync(new URL(`${lang}/${name}`, dataDir), 'utf8'));
  const file = `data/lang/${lang}/${name}`;
  if (name === 'triggers.json') checkTriggerFile(file, data);
  else if (name === 'cues.json') checkCueFile(file, data, CUE_KEYS);
  return data as T;
}

export function loadLexicon(lang: Lang): Lexicon {
  const cached = cache.get(lang);
  if (cached) return cached;
  const tf = readJson<TriggerFile>(lang, 'triggers.json');
  const cf = readJson<CueFile>(lang, 'cues.json');
  const morph = lang === 'it' ? readJson<MorphologyFile>(lang, 'morphology.json') : { classes: {} };

  const verbForms = new WordMap<TriggerInfo>();
  for (const v of tf.verbs) {
    const base: TriggerInfo = { family: v.family, pos: 'verb' as const, mutual: v.mutual, personObject: v.personObject, requiresWith: v.requiresWith, weak: v.weak, visit: v.visit };
    if (v.reflexiveOnly) base.reflexiveOnly = true;
    if (v.requiresAfter) base.requiresAfter = new CueSet(v.requiresAfter);
    const endings = morph.classes[v.class ?? 'none'] ?? {};
    for (const stem of v.stems ?? []) {
      for (const [tense, list] of Object.entries(endings) as [Tense, string[]][]) {
        for (const ending of list) if (!verbForms.has(stem + ending)) verbForms.set(stem + ending, triggerInfo({ ...base, tense }));
      }
    }
    for (const [form, tense] of Object.entries({ ...v.forms, ...v.irregular })) verbForms.set(form, triggerInfo({ ...base, tense }));
  }

  const nounTriggers = new PhraseIndex<TriggerInfo>();
  const roundWords = new Set<string>();
  for (const n of tf.nouns) {
    for (const f of n.forms) nounTriggers.add(f, triggerInfo({ family: n.family, pos: 'noun', visit: n.visit, pressure: n.pressure, agentive: n.agentive }));
    for (const r of n.round ?? []) roundWords.add(r);
  }

  const supportForms = [...(tf.supportVerbs.forms ?? []), ...(tf.supportVerbs.irregular ?? [])];
  const prepositions = Object.fromEntries(
    Object.entries(cf.prepositions).map(([k, list]) => [k, new CueSet(list)]),
  ) as Lexicon['prepositions'];
  const anyPreposition = new Set(Object.values(cf.prepositions).flat().filter((p) => !p.includes(' ')));

  const lex: Lexicon = {
    lang,
    nounTriggers,
    verbForms,
    cues: {
      negation: new CueSet(cf.negation), cancel: new CueSet(cf.cancel), denial: new CueSet(cf.denial),
      proposal: new CueSet(cf.proposal), modal: new CueSet(cf.modal), discussion: new CueSet(cf.discussion),
      future: new CueSet(cf.future), past: new CueSet(cf.past), ongoing: new CueSet(cf.ongoing),
      clauseBreaks: new CueSet(cf.clauseBreaks), attribution: new CueSet(cf.attribution), members: new CueSet(cf.members),
      groupAnaphora: new CueSet(cf.groupAnaphora), stateAnaphora: new CueSet(cf.stateAnaphora ?? []), counterpart: new CueSet(cf.counterpart),
      demonstratives: new CueSet(cf.demonstratives), institutions: new CueSet(cf.institutions), speech: new CueSet(cf.speech ?? []), hypothetical: new CueSet(cf.hypothetical ?? []), presence: new CueSet(cf.presence ?? []),
      scheduled: new CueSet(cf.scheduled ?? []), presentCopula: new CueSet(cf.presentCopula ?? []), attendance: new CueSet(cf.attendance ?? []), leads: new CueSet(cf.leads ?? []), memberStates: new CueSet(cf.memberStates ?? []),
      remote: new CueSet(cf.remote ?? []),
      imposition: new CueSet(tf.impositionVerbs), lift: new CueSet(tf.liftVerbs), call: new CueSet(tf.callVerbs),
      support: new CueSet(supportForms),
      sanctionTargetPreps: new CueSet(tf.sanctionTargetPreps), pressureTargetPreps: new CueSet(tf.pressureTargetPreps),
      mediatorPreps: new CueSet(tf.mediatorPreps),
    },
    possessives: new Set(cf.possessives),
    determiners: new Set(cf.determiners),
    prepositions,
    anyPreposition,
    coordination: new Set(cf.coordination),
    disjunction: new Set(cf.disjunction),
    roundWords,
    copulaFillers: new Set(cf.copulaFillers ?? []),
    reflexiveClitics: new Set(cf.reflexive?.clitics ?? []),
    reflexiveBetween: new Set(cf.reflexive?.between ?? []),
    ordinals: new Set(cf.ordinals ?? []),
    since: new Set(cf.since ?? []),
    relativePronouns: new Set(cf.relativePronouns ?? []),
    relativeObjectPronouns: new Set(cf.relativeObjectPronouns ?? []),
    articles: new Set(cf.articles ?? []),
    definiteArticles: new Set(cf.definiteArticles ?? []),
    dateArticles: new Set(cf.dateArticles ?? []),
    placeRelatives: new Set(cf.placeRelatives ?? []),
    notOnly: new Set(cf.notOnly ?? []),
    infinitiveMarkers: new Set(cf.infinitiveMarkers ?? []),
    againstPreps: new Set(cf.againstPreps ?? []),
    copulas: new Set(cf.copulas ?? []),
    passiveAux: new Set(cf.passiveAux ?? []),
    purposePrepositions: new Set(cf.purposePrepositions ?? []),
    auxiliaries: new Set(cf.auxiliaries ?? []),
    pastAuxiliaries: new Set(cf.pastAuxiliaries ?? []),
    irregularPast: new Set(cf.irregularPast ?? []),
  };
  cache.set(lang, lex);
  return lex;
}
