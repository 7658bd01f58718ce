// Relations from trigger words, with arguments taken from the sentence's structure:
//   X incontrerà Y · incontro tra X e Y · X ha avuto un incontro con Y · negoziati tra Kiev e Mosca ·
//   X ha imposto sanzioni a Z · sanzioni Ue contro Z · pressione sulla Russia · con la mediazione di X ·
//   and the English equivalents. Never "every pair of names in the sentence": a relation needs its
//   arguments in the slots its trigger opens (subject, object, "tra/between", "con/with", target
//   preposition), inside the trigger's clause.
// Meetings and negotiations become `Occurrence`s (one per mention); fragment.ts merges the mentions of
// one real meeting into one meeting node. The other relations are plain directed `Relation`s.
import type { Article, Lang, Sentence, Token } from '../read/types.js';
import type { EdgeKind, Status } from '../graph/model.js';
import { findTimeExpressions, type TimeMention } from './time.js';
import { loadLexicon, triggerInfo, type Family, type Lexicon, type Tense, type TriggerInfo } from './lexicon.js';
import type { ArticleEntity, Mention, MentionResult } from './mentions.js';
import { charCodeAt, endsWith } from '../read/strings.js';

export interface Occurrence {
  family: 'meets' | 'negotiates';
  sentence: number;
  /** Participants grouped by side ("tra Kiev e Mosca": [[Ukraine], [Russia]]). */
  sides: string[][];
  places: string[];
  date?: string;
  status: Status;
  confidence: number;
  mediators: string[];
  visit: boolean;
  /** "un nuovo round di negoziati": a session that deserves a node of its own even without a date. */
  round: boolean;
  evidence: string;
}

export interface Relation {
  kind: EdgeKind;
  source: string;
  target: string;
  sentence: number;
  date?: string;
  status: Status;
  confidence: number;
  evidence: string;
  /** A relation about an occurrence (mediates → the round of talks). */
  occurrence?: Occurrence;
}

export interface RelationResult {
  occurrences: Occurrence[];
  relations: Relation[];
  /** Places used as locations ("a Parigi"): they become place nodes. */
  locations: Set<string>;
  /**
   * Sentences whose trigger of a family the rules read and refused — negated, denied, cancelled, only wished
   * for ("family:sentence"): the candidate stage adds no relation of that family there.
   */
  refused: Set<string>;
}

interface Clause {
  start: number;
  end: number;
}

/** A mention an argument slot can take: resolved, and not a modifier inside another mention. */
interface Arg {
  m: Mention;
  refs: string[];
}

export function extractRelations(article: Article, ments: MentionResult): RelationResult {
  const lex = loadLexicon(article.lang);
  const ctx = new RelationContext(article, ments, lex);
  article.sentences.forEach((s, k) => ctx.sentence(s, ments.mentions[k] ?? []));
  return { occurrences: ctx.occurrences, relations: ctx.relations, locations: ctx.locations, refused: ctx.refused };
}

class RelationContext {
  readonly occurrences: Occurrence[] = [];
  readonly relations: Relation[] = [];
  readonly locations = new Set<string>();
  readonly refused = new Set<string>();
  /** Subjects of the last clause that had one: Italian drops the subject when it does not change. */
  private lastSubjects: string[] = [];
  private lastOccurrence?: Occurrence;
  /** Heads of the delegations to each set of talks, by side (see delegationHeads). */
  private readonly delegations = new Map<Occurrence, { heads: Map<string, string>; derived?: Occurrence }>();

  private s!: Sentence;
  private tokens: Token[] = [];
  private mentions: Mention[] = [];
  private args: Arg[] = [];
  private times: TimeMention[] = [];
  private timeToken: boolean[] = [];
  private breaks: number[] = [];
  /** Tokens inside a mention. */
  private covered: boolean[] = [];
  /**
   * isLocation() and isSubjectLike() of this sentence's mentions, answered once: every trigger's argument search
   * asks about the same mentions again, and each answer looks back for prepositions.
   */
  private readonly locationMemo = new Map<Mention, boolean>();
  private readonly subjectMemo = new Map<Mention, boolean>();
  /** tenseOfWord() of each token, computed once per sentence: the tense cues look at the same words again. */
  private wordTenses: (Tense | undefined)[] = [];

  constructor(
    private readonly article: Article,
    private readonly ments: MentionResult,
    private readonly lex: Lexicon,
  ) {}

  sentence(s: Sentence, mentions: Mention[]): void {
    this.s = s;
    this.tokens = s.tokens;
    this.mentions = mentions;
    this.locationMemo.clear();
    this.subjectMemo.clear();
    this.args = mentions.filter((m) => !m.modifier && m.refs.length > 0).map((m) => ({ m, refs: m.refs }));
    for (const m of mentions) if (this.isLocation(m)) {
      m.location = true;
      if (m.entityKind === 'place' || (m.capital && m.place)) this.locationKeys(m);
    }
    const covered = this.tokens.map(() => false);
    for (const m of mentions) for (let k = m.i0; k < m.i1; k++) covered[k] = true;
    this.covered = covered;
    // Tenses, times and clauses serve the triggers only: a sentence without any (a third of them in news) skips
    // their analysis, the larger part of this stage's work.
    const firstTrigger = this.firstTrigger();
    if (firstTrigger >= 0) {
      this.wordTenses = this.tokens.map((t, k) => (this.scheduledAt(k) ? 'future' : tenseOfWord(t, this.article.lang)));
      // a time right after a speech verb dates the statement ("said Friday", "ha detto oggi"), not the event
      this.times = findTimeExpressions(s, this.article.lang, this.article.date, this.sentenceTense()).filter((t) => !this.afterSpeechVerb(t) && !this.measuresSeries(t));
      this.timeToken = this.times.length === 0 ? this.tokens.map(() => false) // most sentences: no time at all
        : this.tokens.map((t) => this.times.some((x) => t.start >= x.start && t.end <= x.end));
      this.breaks = this.clauseBreaks();
    } else {
      this.wordTenses = [];
      this.times = [];
      this.timeToken = [];
      this.breaks = [0];
    }

    // (no trigger before firstTrigger: the loop starts there)
    for (let i = firstTrigger < 0 ? this.tokens.length : firstTrigger; i < this.tokens.length; i++) {
      if (covered[i] || this.tokens[i]!.kind !== 'word') continue;
      const noun = this.lex.nounTriggers.match(this.tokens, i);
      if (noun) {
        this.trigger(i, noun.end, noun.payload);
        i = noun.end - 1;
        continue;
      }
      const verb = this.verbTrigger(i);
      if (verb) this.trigger(i, i + 1, verb);
      else if (this.lex.cues.call.at(this.tokens, i) > 0) this.callOn(i, this.lex.cues.call.at(this.tokens, i));
      else if (this.lex.cues.support.at(this.tokens, i) > 0) this.supportVerb(i, this.lex.cues.support.at(this.tokens, i));
    }
    if (firstTrigger >= 0 || this.lex.cues.leads.within(this.tokens, 0, this.tokens.length)) this.delegationHeads();
    // Remember this sentence's subjects for the next clause without one.
    const first = this.args.find((a) => this.isSubjectLike(a));
    if (first) this.lastSubjects = first.refs;
  }

  /**
   * The verb trigger at token i, read with its reciprocal clitic: "si sono visti", "si incontreranno", "si sono
   * parlati" are mutual meetings of the subjects and need no "con" complement; forms that are a meeting only as
   * reciprocals (visti, sentiti) are nothing without the clitic.
   */
  private verbTrigger(i: number): TriggerInfo | undefined {
    const verb = this.lex.verbForms.at(this.tokens, i);
    if (!verb || verb.family !== 'meets' || this.lex.reflexiveClitics.size === 0) return verb;
    if (!this.reciprocalBefore(i)) return verb.reflexiveOnly ? undefined : verb;
    if (verb.requiresAfter) {
      let ok = false;
      for (let k = i + 1; k <= Math.min(i + 3, this.tokens.length - 1) && !ok; k++) ok = verb.requiresAfter.at(this.tokens, k) > 0;
      if (!ok) return undefined;
    }
    // "si sono visti", "si vedranno": plural, the subjects meet each other; a singular form is reciprocal only
    // with its "con" complement ("si è visto con Merz") — "si è parlato di un vertice" is impersonal
    const plural = /[ie]$/.test(this.tokens[i]!.norm) && verb.tense === 'past' || isPluralVerb(this.tokens[i]!, this.article.lang);
    return { ...verb, mutual: true, requiresWith: !plural, personObject: false };
  }

  /** The reciprocal clitic before the verb at i, past auxiliaries and adverbs: "si sono visti", "si erano già sentiti". */
  private reciprocalBefore(i: number): boolean {
    let k = i - 1;
    for (let n = 0; n < 3 && k >= 0 && this.lex.reflexiveBetween.has(this.tokens[k]!.norm); n++) k--;
    return k >= 0 && this.lex.reflexiveClitics.has(this.tokens[k]!.norm);
  }

  /**
   * "The Russian delegation will be led by X, while the Ukrainian delegation is headed by Y", "a guidare la
   * delegazione di Kiev sarà Y": the heads of the delegations of two sides of the talks just named meet each other
   * (a meeting of their own, with the talks' date, place and status; the talks keep their country sides).
   */
  private delegationHeads(): void {
    const base = this.lastOccurrence;
    if (!base || this.s.index - base.sentence > 3) return;
    if (this.breaks.length === 1 && this.breaks[0] === 0 && this.tokens.length > 0) this.breaks = this.clauseBreaks();
    for (let k = 0; k < this.tokens.length; k++) {
      if (this.lex.cues.leads.at(this.tokens, k) < 0) continue;
      const clause = this.clauseOf(k);
      const group = this.mentions.find((m) => m.kind === 'group' && m.iso && !m.isos && m.i0 >= clause.start && m.i1 <= clause.end);
      if (!group) continue;
      const side = `country:${group.iso}`;
      if (!base.sides.some((x) => x.includes(side))) continue;
      let head: Arg | undefined;
      for (const a of this.args) {
        if (a.m.i0 < clause.start || a.m.i1 > clause.end || a.m.entityKind !== 'leader' || a.refs.length !== 1) continue;
        if (!head || Math.abs(a.m.i0 - k) < Math.abs(head.m.i0 - k)) head = a;
      }
      if (!head) continue;
      let entry = this.delegations.get(base);
      if (!entry) { entry = { heads: new Map() }; this.delegations.set(base, entry); }
      entry.heads.set(side, head.refs[0]!);
      if (entry.heads.size < 2) continue;
      const sides = [...entry.heads.values()].map((r) => [r]);
      if (entry.derived) { entry.derived.sides = sides; continue; }
      entry.derived = {
        family: 'meets', sentence: this.s.index, sides, places: [...base.places], date: base.date, status: base.status,
        confidence: 0.6, mediators: [], visit: false, round: false, evidence: this.s.text,
      };
      this.occurrences.push(entry.derived);
    }
  }

  /**
   * "Egypt and Qatar will host Hamas and Israeli negotiators for talks", "ospiterà le delegazioni per i colloqui":
   * a noun of purpose after a hosting verb with two or more guests makes the guests the sides, the hosts mediators.
   */
  private hostedFor(i0: number, clause: Clause): { guests: string[][]; hosts: string[] } | undefined {
    let k = i0 - 1;
    while (k > clause.start && this.lex.determiners.has(this.tokens[k]!.norm) && !this.lex.anyPreposition.has(this.tokens[k]!.norm)) k--;
    const prep = this.tokens[k]?.norm ?? '';
    if (!PURPOSE_PREPOSITIONS.has(prep)) return undefined;
    for (let v = k - 1; v >= clause.start; v--) {
      const verb = this.lex.verbForms.at(this.tokens, v);
      if (!verb || !verb.personObject || verb.family !== 'meets') continue;
      const guests = this.objectOf(v + 1, { start: clause.start, end: k }).filter((a) => this.isActor(a));
      // one mention naming both sides: "Armenian and Azerbaijani negotiators"
      const sides = guests.length === 1 && guests[0]!.refs.length >= 2 ? guests[0]!.refs.map((r) => [r]) : guests.map((a) => a.refs);
      if (sides.length < 2) return undefined;
      return { guests: sides, hosts: this.subjectOf(v, clause) };
    }
    return undefined;
  }

  /** Where the trigger loop of sentence() finds its first trigger (the same tests), or -1. */
  private firstTrigger(): number {
    for (let i = 0; i < this.tokens.length; i++) {
      if (this.covered[i] || this.tokens[i]!.kind !== 'word') continue;
      if (this.lex.nounTriggers.match(this.tokens, i) || this.lex.verbForms.at(this.tokens, i)
        || this.lex.cues.call.at(this.tokens, i) > 0 || this.lex.cues.support.at(this.tokens, i) > 0) return i;
    }
    return -1;
  }

  // ---- structure ---------------------------------------------------------------------------------

  private afterSpeechVerb(t: TimeMention): boolean {
    const first = this.tokens.findIndex((tok) => tok.start >= t.start);
    if (first < 0) return false;
    for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
      if (this.lex.cues.speech.at(this.tokens, k) === first || (this.lex.cues.speech.at(this.tokens, k) > 0 && ['on', 'il', 'lo', 'la'].includes(this.tokens[first - 1]!.norm))) return true;
    }
    return false;
  }

  /**
   * "is planned", "are expected", "has been scheduled", "è previsto", "sono attesi", "è in programma": a present
   * copula and a participle of planning make a future event, not a past one (the participle's -ed / -to ending
   * would otherwise read as a past tense). "was planned" / "era previsto" are left to the date.
   */
  private scheduledAt(k: number): boolean {
    if (this.lex.cues.scheduled.at(this.tokens, k) < 0) return false;
    let j = k - 1;
    for (let skipped = 0; skipped < 2 && j >= 0 && this.lex.copulaFillers.has(this.tokens[j]!.norm); skipped++) j--;
    // "has been scheduled" / "have been scheduled": the perfect of a present copula
    if (j < k - 1 && this.tokens[j + 1]!.norm === 'been' && (this.tokens[j]?.norm === 'has' || this.tokens[j]?.norm === 'have')) return true;
    return j >= 0 && this.lex.cues.presentCopula.at(this.tokens, j) === j + 1;
  }

  /**
   * A time after "first/last <trigger noun>" in the same phrase: "their first meeting this year", "il primo
   * incontro tra i due leader quest'anno", "the first talks since January" measure a series of events; the time
   * does not date this one (nor make a year-dated meeting of its own).
   */
  private measuresSeries(t: TimeMention): boolean {
    const first = this.tokens.findIndex((tok) => tok.start >= t.start);
    // only a span the series runs over: "this year", "quest'anno", "since January", "dal 2024" — a day or a
    // month names the event's own date ("the second round of talks on Wednesday", "in March")
    const span = (t.relation === 'present' && t.grain !== 'day') || (t.grain !== 'range' && first > 0 && this.lex.since.has(this.tokens[first - 1]!.norm));
    if (!span) return false;
    for (let k = first - 1; k >= Math.max(1, first - 8); k--) {
      const tok = this.tokens[k]!;
      if (tok.kind === 'punct' && (tok.text === ',' || CLAUSE_PUNCT.has(tok.text))) return false;
      if (this.lex.nounTriggers.match(this.tokens, k)) {
        // the ordinal right before the noun, or before an adjective ("il primo vero incontro")
        for (let j = k - 1; j >= Math.max(0, k - 2); j--) if (this.lex.ordinals.has(this.tokens[j]!.norm)) return true;
        continue;
      }
      // a verb between noun and time: the time dates the predicate ("il primo incontro ... si terrà lunedì")
      if (this.wordTenses[k] || VERB_WORDS.has(tok.norm) || this.lex.reflexiveClitics.has(tok.norm) || this.lex.verbForms.at(this.tokens, k)) return false;
    }
    return false;
  }

  /** The sentence's main tense, from verb endings and auxiliaries: picks "lunedì" = last or next Monday. */
  private sentenceTense(): 'past' | 'future' | undefined {
    let past = 0;
    let future = 0;
    for (let k = 0; k < this.tokens.length; k++) {
      // a word read as a noun trigger is no verb ("i negoziati", "the meeting"): the trigger loop reads it so too
      const trig = this.lex.verbForms.at(this.tokens, k);
      const tense = trig && !this.lex.nounTriggers.match(this.tokens, k) ? trig.tense : this.wordTenses[k];
      if (tense === 'past') past++;
      else if (tense === 'future') future++;
      else if (isPastParticipleAfterAux(this.tokens, k, this.article.lang)) past++;
    }
    if (this.lex.cues.future.within(this.tokens, 0, this.tokens.length)) future++;
    return past > future ? 'past' : future > past ? 'future' : undefined;
  }

  /** Token indices where a new clause starts. */
  private clauseBreaks(): number[] {
    const out = [0];
    const cues = this.lex.cues.clauseBreaks;
    // the next token (from i on) where a clause-break cue starts: found by range, not asked at every token
    let cue = cues.firstWithin(this.tokens, 0, this.tokens.length);
    for (let i = 0; i < this.tokens.length; i++) {
      if (cue >= 0 && cue < i) cue = cues.firstWithin(this.tokens, i, this.tokens.length);
      const t = this.tokens[i]!;
      if (t.kind === 'punct' && CLAUSE_PUNCT.has(t.text)) out.push(i + 1);
      else if (t.kind === 'word' && cue === i) {
        const prev = this.tokenAt(i - 1);
        // Conjunctions like "dove", "mentre", "while" open a clause anywhere; relative "che", "which",
        // "who" only after a comma (otherwise "ha detto che ..." would cut the reported speech off).
        const relative = ['che', 'cui', 'that', 'which', 'who', 'whom'].includes(t.norm);
        if (!relative || prev?.text === ',') out.push(i);
        // a relative clause set off by commas ends at the next one: "Hamas, which X and Y designate as ..., said"
        if (relative && prev?.text === ',') {
          const close = this.tokens.findIndex((x, k) => k > i && x.text === ',');
          if (close > 0) out.push(close + 1);
        }
      } else if (this.article.lang === 'it' && t.kind === 'word' && this.lex.coordination.has(t.norm) && this.tokenAt(i - 1)?.text === ',') {
        // ", e domani incontrerà": Italian sets no comma before "e" in lists, so ", e" joins clauses —
        // unless a noun phrase follows (", e i negoziatori turchi" closes an apposition and goes on listing)
        const next = this.tokens[i + 1];
        if (next && !next.upper && !this.lex.determiners.has(next.norm)) out.push(i);
      }
    }
    // (the closing comma of a relative clause is pushed ahead of the scan: sort)
    return [...new Set(out)].sort((a, b) => a - b);
  }

  private clauseOf(i: number): Clause {
    let start = 0;
    let end = this.tokens.length;
    for (const b of this.breaks) {
      if (b <= i) start = b;
      else { end = b; break; }
    }
    return { start, end };
  }

  private prevWord(i: number): Token | undefined {
    return this.tokenAt(i - 1);
  }

  /** tokens[k], undefined before the first: reading index -1 of an array is a slow, generic property lookup. */
  private tokenAt(k: number): Token | undefined {
    return k >= 0 ? this.tokens[k] : undefined;
  }

  /** Is the mention governed by one of these prepositions (possibly with an article in between)? */
  private governedBy(m: Mention, set: Lexicon['prepositions'][keyof Lexicon['prepositions']]): boolean {
    // skip the article and possessive between preposition and noun: "con il suo omologo", "with his counterpart"
    // (each position asked once: the cue ending at the new `at` was just asked about as `at - 1`)
    let at = m.i0;
    if (set.endsAt(this.tokens, at) >= 0) return true;
    for (let k = 0; k < 3; k++) {
      const prev = this.tokenAt(at - 1);
      if (!prev || !(this.lex.determiners.has(prev.norm) || this.lex.possessives.has(prev.norm))) break;
      if (set.endsAt(this.tokens, at - 1) >= 0) return true;
      at--;
    }
    return false;
  }

  private governedByAnyPreposition(m: Mention): boolean {
    const prev = this.prevWord(m.i0);
    if (!prev) return false;
    if (this.lex.anyPreposition.has(prev.norm) && !this.lex.determiners.has(prev.norm)) return true;
    // Italian articulated prepositions (della, alla, nel...) are listed as both determiners and prepositions.
    if (this.lex.anyPreposition.has(prev.norm) && this.lex.determiners.has(prev.norm) && !['il', 'lo', 'la', 'i', 'gli', 'le', "l'", 'un', 'uno', 'una', "un'", 'the', 'a', 'an'].includes(prev.norm)) return true;
    const before = this.tokenAt(m.i0 - 2);
    return Boolean(before && this.lex.determiners.has(prev.norm) && this.lex.anyPreposition.has(before.norm) && !this.lex.determiners.has(before.norm));
  }

  private isLocation(m: Mention): boolean {
    if (m.entityKind === 'place') return true;
    let answer = this.locationMemo.get(m);
    if (answer === undefined) {
      answer = this.locationNow(m);
      this.locationMemo.set(m, answer);
    }
    return answer;
  }

  private locationNow(m: Mention): boolean {
    // A capital or seat of power after a locative preposition is the city, whatever it stands for elsewhere:
    // "met in Brussels" is a place, not the EU ("Bruxelles chiede", "Budapest said" stay metonymies).
    if (m.capital === true && this.governedBy(m, this.lex.prepositions.locative)) return true;
    if (m.entityKind !== 'country') return false;
    return this.governedBy(m, this.lex.prepositions.locative) && !this.governedBy(m, this.lex.prepositions.dative);
  }

  private isAttributed(m: Mention): boolean {
    return this.lex.cues.attribution.endsAt(this.tokens, m.i0) >= 0 && this.article.lang === 'it'
      ? true
      : this.tokenAt(m.i0 - 1)?.norm === 'to' && this.tokenAt(m.i0 - 2)?.norm === 'according';
  }

  /** An actor that can fill a subject slot: not a place, not an adjective, not inside a prepositional phrase. */
  private isSubjectLike(a: Arg): boolean {
    let answer = this.subjectMemo.get(a.m);
    if (answer === undefined) {
      answer = this.subjectLikeNow(a.m);
      this.subjectMemo.set(a.m, answer);
    }
    return answer;
  }

  private subjectLikeNow(m: Mention): boolean {
    if (m.adjectival || this.isLocation(m) || this.isAttributed(m)) return false;
    if (m.entityKind === 'place') return false;
    return !this.governedByAnyPreposition(m);
  }

  private isActor(a: Arg): boolean {
    return !a.m.adjectival && !this.isLocation(a.m) && a.m.entityKind !== 'place';
  }

  /** Extends an argument to the mentions coordinated with it: "X e Y", "X, Y and Z". */
  private coordinated(first: Arg, direction: 1 | -1, clause: Clause, allowAdjectival = false): Arg[] {
    const out = [first];
    let cur = first;
    for (;;) {
      const next = direction === 1
        ? this.args.find((a) => a.m.i0 >= cur.m.i1 && a.m.i0 < clause.end && (allowAdjectival || !a.m.adjectival))
        : this.args.findLast((a) => a.m.i1 <= cur.m.i0 && a.m.i0 >= clause.start && (allowAdjectival || !a.m.adjectival));
      if (!next) break;
      // a place is not coordinated with an actor: "In Budapest, Orbán hosted ...", "a Parigi, Macron e Scholz"
      if (this.isLocation(next.m) !== this.isLocation(cur.m)) break;
      if (!(direction === 1 ? this.joins(cur.m.i1, next.m.i0) : this.joins(next.m.i1, cur.m.i0))) break;
      out.push(next);
      cur = next;
    }
    return direction === 1 ? out : out.reverse();
  }

  /** Do tokens [from, to) join two coordinated mentions: 1–4 tokens of commas, conjunctions, articles,
   *  possessives and locative prepositions, with at least one comma or conjunction? (Index loops, not slices.) */
  private joins(from: number, to: number): boolean {
    if (to - from <= 0 || to - from > 4) return false;
    let linked = false;
    for (let k = from; k < to; k++) {
      const t = this.tokens[k]!;
      const link = t.text === ',' || this.lex.coordination.has(t.norm) || this.lex.disjunction.has(t.norm);
      if (!link && !(this.lex.determiners.has(t.norm) || this.lex.possessives.has(t.norm) || this.lex.prepositions.locative.at([t], 0) > 0)) return false;
      linked ||= link;
    }
    return linked;
  }

  // ---- slots -------------------------------------------------------------------------------------

  private subjectOf(i: number, clause: Clause, leftmost = false): string[] {
    // nearest subject-like actor to the left, inside the clause (the leftmost one for noun triggers:
    // "X non incontrerà Y durante la visita" — the visit is X's)
    // (indices counted up or down in place: no array of indices per call)
    const n = this.args.length;
    for (let step = 0; step < n; step++) {
      const a = this.args[leftmost ? step : n - 1 - step]!;
      if (a.m.i1 > i || a.m.i0 < clause.start) continue;
      if (!this.isSubjectLike(a) && !this.subjectAfterConjunction(a, i)) continue;
      const mates = leftmost ? this.coordinated(a, 1, { start: clause.start, end: i }) : this.coordinated(a, -1, clause);
      return mates.flatMap((x) => x.refs);
    }
    // a relative clause: "Putin, che incontrerà Trump" → the antecedent (verbs only: a noun there
    // belongs to the relative clause's own verb)
    const startTok = this.tokens[clause.start];
    if (!leftmost && startTok && ['che', 'cui', 'who', 'which', 'that'].includes(startTok.norm)) {
      const antecedent = this.args.find((a) => a.m.i1 === clause.start - 1 || a.m.i1 === clause.start);
      if (antecedent) return antecedent.refs;
    }
    return [];
  }

  /**
   * "a day after X met Y", "before X visits Y": a conjunction that is also a preposition (after, before, since)
   * opens a clause whose subject stands right before its verb — not a prepositional phrase ("after the talks").
   */
  private subjectAfterConjunction(a: Arg, verbAt: number): boolean {
    if (a.m.i1 !== verbAt || a.m.adjectival || this.isLocation(a.m)) return false;
    const opener = a.m.i0 - 1;
    return opener >= 0 && this.lex.cues.clauseBreaks.at(this.tokens, opener) === a.m.i0 && this.breaks.includes(opener);
  }

  /** The subject Italian leaves implicit: the previous clause's, unless the clause opens with its own noun phrase. */
  private impliedSubject(i: number, clause: Clause, plural: boolean): string[] {
    if (this.clauseHasOwnSubject(clause, i)) return [];
    const occ = this.lastOccurrence;
    // "X incontrerà Y a Parigi, dove discuteranno": a plural verb takes both participants
    if (plural && occ && occ.sentence === this.s.index) return occ.sides.flat();
    // "Fidan volerà a Doha, dove vedrà l'emiro": the main subject of an earlier clause of the sentence
    // (relative clauses have their own: "Xi, che ha definito la Germania un partner, e domani incontrerà")
    for (let start = clause.start; start > 0; ) {
      const prev = this.clauseOf(start - 1);
      start = prev.start;
      if (['che', 'cui', 'who', 'which', 'that'].includes(this.tokens[prev.start]?.norm ?? '')) continue;
      const subj = this.subjectOf(prev.end, prev, true);
      if (subj.length) return subj;
      if (!this.clauseHasOwnSubject(prev, prev.end)) continue;
      return [];
    }
    if (plural && occ && this.s.index - occ.sentence <= 1) return occ.sides.flat();
    return this.lastSubjects;
  }

  private clauseHasOwnSubject(clause: Clause, i: number): boolean {
    let k = clause.start;
    // skip a clause-opening conjunction and an opening adverbial phrase ending in a comma ("Nel frattempo,")
    if (k < i && this.lex.cues.clauseBreaks.at(this.tokens, k) > 0) k = this.lex.cues.clauseBreaks.at(this.tokens, k);
    const comma = this.tokens.findIndex((t, idx) => idx >= k && idx < i && t.text === ',');
    if (comma >= 0 && comma - k <= 4 && this.lex.anyPreposition.has(this.tokens[k]?.norm ?? '')) k = comma + 1;
    while (k < i && (this.timeToken[k] || this.tokens[k]!.kind === 'punct')) k++;
    const t = this.tokens[k];
    return Boolean(t && k < i && this.lex.determiners.has(t.norm) && !this.lex.anyPreposition.has(t.norm));
  }

  /** First actor to the right of the trigger (skipping places and time), with its coordinated mates. */
  private objectOf(from: number, clause: Clause, opts: { withPrep?: boolean; allowAdjectival?: boolean } = {}): Arg[] {
    for (const a of this.args) {
      if (a.m.i0 < from || a.m.i0 >= clause.end) continue;
      // A direct object is the verb's first noun phrase: past two content words ("ha visto migliaia di
      // soldati combattere contro l'Ucraina") the actor belongs to another phrase.
      if (!opts.withPrep && this.contentWordsBetween(from, a.m.i0) > 2) return [];
      // "ha ospitato i colloqui tra le delegazioni": the object is the event, its parties are not the host's guests
      if (!opts.withPrep && this.eventNounBetween(from, a.m.i0)) return [];
      if (this.isLocation(a.m) || this.isAttributed(a.m)) continue;
      if (a.m.adjectival && !opts.allowAdjectival) continue;
      if (opts.withPrep && !this.governedBy(a.m, this.lex.prepositions.with)) continue;
      if (!opts.withPrep && this.governedBy(a.m, this.lex.prepositions.genitive) && !this.governedBy(a.m, this.lex.prepositions.locative)) continue;
      return this.coordinated(a, 1, clause, opts.allowAdjectival);
    }
    return [];
  }

  private eventNounBetween(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (!this.covered[k] && this.lex.nounTriggers.match(this.tokens, k)) return true;
    return false;
  }

  private contentWordsBetween(from: number, to: number): number {
    let n = 0;
    for (let k = from; k < to; k++) {
      const t = this.tokens[k]!;
      if (t.kind !== 'word' || this.timeToken[k] || this.lex.determiners.has(t.norm) || this.lex.possessives.has(t.norm) || this.lex.anyPreposition.has(t.norm)) continue;
      if (this.covered[k]) continue;
      n++;
    }
    return n;
  }

  /** "alla presenza di Donald Trump", "in the presence of": further participants. */
  private presentIn(clause: Clause): string[] {
    const k = this.lex.cues.presence.firstWithin(this.tokens, clause.start, clause.end);
    if (k >= 0) {
      const end = this.lex.cues.presence.at(this.tokens, k);
      const a = this.args.find((x) => x.m.i0 >= end && x.m.i0 <= end + 2);
      return a ? this.coordinated(a, 1, clause).flatMap((x) => x.refs) : [];
    }
    return [];
  }

  /** "tra X e Y" / "between X and Y" within a few tokens after the trigger. */
  private betweenSides(end: number, clause: Clause): string[][] | undefined {
    for (let k = end; k < Math.min(end + 4, clause.end); k++) {
      const b = this.lex.prepositions.between.at(this.tokens, k);
      if (b < 0) continue;
      const first = this.args.find((a) => a.m.i0 >= b && a.m.i0 <= b + 2);
      if (!first) return undefined;
      const list = this.coordinated(first, 1, clause, true);
      // one mention naming both sides: "tra le delegazioni russa e ucraina", "between the two leaders"
      if (list.length === 1 && first.refs.length >= 2) return first.refs.map((r) => [r]);
      if (list.length < 2) return undefined;
      return list.map((a) => a.refs);
    }
    return undefined;
  }

  private placesIn(clause: Clause, exclude: Set<string>): string[] {
    const out: string[] = [];
    for (const a of this.args) {
      if (a.m.i0 < clause.start || a.m.i1 > clause.end) continue;
      if (!this.isLocation(a.m) && !(a.m.entityKind === 'place')) continue;
      for (const r of this.locationKeys(a.m)) if (!exclude.has(r) && !out.includes(r)) out.push(r);
    }
    return out;
  }

  /** A capital used as a location is the city, not the state. */
  private locationKeys(m: Mention): string[] {
    if (m.capital && m.place) {
      this.locations.add(m.place);
      return [m.place];
    }
    if (m.entity) { this.locations.add(m.entity); return [m.entity]; }
    return m.refs;
  }

  private dateNear(i: number, clause: Clause): string | undefined {
    const inClause = this.times.filter((t) => t.value && t.start >= this.tokens[clause.start]!.start && t.end <= (this.tokens[clause.end - 1]?.end ?? Infinity));
    const pool = inClause.length ? inClause : this.times.filter((t) => t.value);
    if (!pool.length) return undefined;
    const at = this.tokens[i]!.start;
    return pool.reduce((best, t) => (Math.abs(t.start - at) < Math.abs(best.start - at) ? t : best)).value;
  }

  // ---- status ------------------------------------------------------------------------------------

  /** undefined: the statement is negated or denied and yields nothing. */
  private status(i0: number, i1: number, clause: Clause, info: TriggerInfo, date: string | undefined): Status | undefined {
    const c = this.lex.cues;
    // negation anywhere in the clause ("non incontrerà", "no talks were held", "il vertice ... non è in programma"),
    // except "non solo" / "not only"
    if (this.negated(i0, i1, clause, info) || c.denial.within(this.tokens, clause.start, clause.end)) return undefined;
    // willingness is not a plan: "ready to meet Putin", "disposto a incontrare"
    if ((info.family === 'meets' || info.family === 'negotiates') && c.hypothetical.within(this.tokens, Math.max(clause.start, i0 - 4), i0)) return undefined;
    // the noun's own predicate after a relative clause: "il vertice tra X e Y, che era previsto sabato, è stato annullato"
    const pred = info.pos === 'noun' ? this.predicateAfterRelative(clause) : undefined;
    if (pred) {
      for (let k = pred.start; k < Math.min(pred.end, pred.start + 2); k++) if (this.isNegation(k)) return undefined;
      if (c.cancel.within(this.tokens, pred.start, pred.end)) return 'cancelled';
    }
    if (c.cancel.within(this.tokens, clause.start, clause.end)) return 'cancelled';
    if (c.proposal.within(this.tokens, clause.start, i0)) return 'proposed';
    if ((info.family === 'sanctions' || info.family === 'supports') && c.discussion.within(this.tokens, clause.start, i0)) return 'discussed';
    const tense = info.pos === 'verb' ? this.verbTense(i0, clause, info.tense) : this.clauseTense(clause, i0, i1);
    if (tense === 'conditional' || c.modal.within(this.tokens, clause.start, i1 + 2)) return 'proposed';
    // A verb's own tense is the surest sign; a date relative to the article's comes next.
    if (info.pos === 'verb' && tense === 'future') return 'planned';
    if (info.pos === 'verb' && tense === 'past') return 'held';
    const byDate = this.statusByDate(date);
    if (byDate) return byDate;
    if (c.future.within(this.tokens, Math.max(clause.start, i0 - 4), i0)) return 'planned';
    if (tense === 'future') return 'planned';
    if (tense === 'past') return 'held';
    if (c.ongoing.within(this.tokens, clause.start, clause.end)) return 'ongoing';
    if (info.pos === 'verb' && tense === 'present') return 'ongoing';
    return 'reported';
  }

  /** The clause after a comma-delimited relative clause that follows `clause` (the main verb of a subject noun). */
  private predicateAfterRelative(clause: Clause): Clause | undefined {
    const r = clause.end;
    const rel = this.tokens[r];
    if (!rel || this.tokens[r - 1]?.text !== ',' || !['che', 'cui', 'which', 'who', 'that'].includes(rel.norm)) return undefined;
    const next = this.breaks.find((b) => b > r);
    return next === undefined || next >= this.tokens.length ? undefined : this.clauseOf(next);
  }

  /**
   * Negated: a negation at most four words before the trigger ("non incontrerà", "no talks", "non ci sarà
   * alcun incontro", "did not meet"), or — for a noun — after it, on the verb it is subject of ("il vertice
   * tra Trump, Putin e Zelensky ... non è in programma", "the meeting is not on the agenda").
   * "non solo" / "not only" negates nothing.
   */
  private negated(i0: number, i1: number, clause: Clause, info: TriggerInfo): boolean {
    let words = 0;
    for (let k = i0 - 1; k >= clause.start && words < 4; k--) {
      if (this.tokens[k]!.kind !== 'word') continue;
      words++;
      if (this.isNegation(k)) return true;
    }
    if (info.pos !== 'noun') return false;
    for (let k = i1; k < clause.end; k++) {
      if (!this.isNegation(k)) continue;
      const next = this.tokens[k + 1]?.norm ?? '';
      if (COPULAS.has(next) || (next === "'" && COPULAS.has(this.tokens[k + 2]?.norm ?? ''))) return true;
    }
    return false;
  }

  /** A negation cue at token k, "non solo" / "not only" excepted. (A method, not a closure in negated(): that
   *  runs for every trigger, and under tsx each closure creation also calls __name.) */
  private isNegation(k: number): boolean {
    if (this.lex.cues.negation.at(this.tokens, k) < 0) return false;
    const next = this.tokens[k + 1]?.norm;
    return !(next === 'solo' || next === 'only' || next === 'soltanto' || next === 'just');
  }

  private statusByDate(date: string | undefined): Status | undefined {
    const today = this.article.date;
    if (!date || !today) return undefined;
    const [from, to] = date.includes('/') ? date.split('/') as [string, string] : [date, date];
    if (to.length >= 10 ? to < today : to < today.slice(0, to.length)) return 'held';
    if (from.length >= 10 ? from > today : from > today.slice(0, from.length)) return 'planned';
    return undefined;
  }

  /** A verb's tense, with its auxiliaries: "will meet", "ha incontrato", "is due to meet". */
  private verbTense(i0: number, clause: Clause, own: Tense | undefined): Tense | undefined {
    if (own === 'future' || own === 'conditional') return own;
    if (this.lex.cues.future.within(this.tokens, Math.max(clause.start, i0 - 4), i0)) return 'future';
    if (own === 'past') return 'past';
    if (isPastParticipleAfterAux(this.tokens, i0, this.article.lang)) return 'past';
    if (own === 'infinitive' || own === 'present' || own === 'gerund') {
      for (let k = i0 - 1; k >= Math.max(clause.start, i0 - 4); k--) {
        const t = this.wordTenses[k] ?? (isPastParticipleAfterAux(this.tokens, k, this.article.lang) ? 'past' : undefined);
        if (t) return t;
      }
    }
    return own;
  }

  /** The tense of the clause's verbs, from their endings and auxiliaries, for noun triggers. */
  private clauseTense(clause: Clause, i0: number, i1: number): Tense | undefined {
    for (let k = i0 - 1; k >= clause.start; k--) {
      const t = this.wordTenses[k];
      if (t) return t;
    }
    if (this.lex.cues.past.within(this.tokens, clause.start, i0)) return 'past';
    // the noun as subject of a planning predicate: "the meeting ... is planned", "il vertice ... è previsto"
    for (let k = i1; k < clause.end; k++) if (this.scheduledAt(k)) return 'future';
    return undefined;
  }

  // ---- triggers ----------------------------------------------------------------------------------

  private trigger(i0: number, i1: number, info: TriggerInfo): void {
    if (info.agentive) return;
    switch (info.family) {
      case 'meets':
      case 'negotiates':
        return this.occurrence(i0, i1, info);
      case 'sanctions':
        return this.sanctions(i0, i1, info);
      case 'mediates':
        return this.mediation(i0, i1, info);
      case 'supports':
        return this.supportNoun(i0, i1, info);
      case 'at_war_with':
        return this.war(i0, i1, info);
    }
  }

  private occurrence(i0: number, i1: number, info: TriggerInfo): void {
    const clause = this.clauseOf(i0);
    const family = info.family as 'meets' | 'negotiates';
    let sides: string[][] = [];
    let confidence = info.weak ? 0.6 : 0.85;
    const between = info.pos === 'noun' ? this.betweenSides(i1, clause) : undefined;
    const hosted = info.pos === 'noun' && !between ? this.hostedFor(i0, clause) : undefined;
    let hosts: string[] = [];
    if (hosted) {
      // "X will host A and B for talks": A and B talk with each other; the hosts mediate
      sides = hosted.guests;
      hosts = hosted.hosts;
      confidence = 0.75;
    } else if (between) {
      sides = between;
      confidence = 0.9;
      // "X will attend the summit between A and B": X is a further participant
      const attendee = this.attendee(i0, clause).filter((r) => !sides.flat().includes(r));
      if (attendee.length) sides = joinSides(sides, attendee, this.attendeeCompanions(i0));
    } else {
      const object = this.objectOf(i1, clause, { withPrep: info.pos === 'noun' || info.requiresWith });
      let objectAny = info.pos === 'verb' && !info.requiresWith && object.length === 0 ? this.objectOf(i1, clause, { withPrep: true }) : object;
      // the passive: "è stato ricevuto (nella sala ...) dal presidente X", "was hosted by X": the agent is the other side
      if (info.pos === 'verb' && objectAny.length === 0 && PASSIVE_AUX.has(this.tokens[i0 - 1]?.norm ?? '')) {
        const agent = this.args.find((a) => a.m.i0 >= i1 && a.m.i0 < clause.end && this.governedBy(a.m, this.lex.prepositions.agent) && this.isActor(a));
        if (agent) objectAny = this.coordinated(agent, 1, clause);
      }
      if (info.requiresWith && objectAny.length === 0) return;
      // a noun's agent comes first: "illustrata dalla premier Takaichi in una telefonata con Macron"
      const agent = info.pos === 'noun' ? this.args.find((a) => a.m.i1 <= i0 && a.m.i0 >= Math.max(clause.start, i0 - 8) && this.governedBy(a.m, this.lex.prepositions.agent) && this.isActor(a)) : undefined;
      let subject = agent ? agent.refs : this.subjectOf(i0, clause, info.pos === 'noun');
      const possessive = this.possessiveBefore(i0);
      if (subject.length === 0 && (possessive || info.pos === 'noun')) subject = this.subjectAfter(i1, clause, objectAny);
      if (subject.length === 0 && info.pos === 'verb') subject = this.impliedSubject(i0, clause, isPluralVerb(this.tokens[i0]!, this.article.lang));
      // "sono arrivati a Mosca, dove è previsto un incontro con Putin": the visitors are the subject
      if (subject.length === 0 && info.pos === 'noun' && clause.start > 0 && objectAny.length > 0) subject = this.impliedSubject(i0, clause, false);
      const objRefs = objectAny.flatMap((a) => a.refs);
      if (info.personObject && objRefs.length === 0) return;
      const round = info.pos === 'noun' && this.tokens.slice(Math.max(0, i0 - 3), i1).some((t) => this.lex.roundWords.has(t.norm));
      const last = this.lastOccurrence;
      if (subject.length === 0 && objRefs.length === 0 && round && last && last.family === family && this.s.index - last.sentence <= 3 && !this.anaphoric(i0)) {
        // "a new round of negotiations could take place in Geneva": the same parties meet again.
        sides = last.sides.map((x) => [...x]);
      } else if (subject.length === 0 && objRefs.length === 0) {
        // "questi colloqui potrebbero svolgersi in Svizzera": completes the last occurrence.
        if (this.lastOccurrence && this.anaphoric(i0) && this.s.index - this.lastOccurrence.sentence <= 3) this.complete(this.lastOccurrence, clause, i0);
        return;
      }
      else if (objRefs.length === 0 && this.args.some((a) => a.m.kind === 'group' && a.m.role === 'Mediator' && a.refs.length === subject.length && a.refs.every((r) => subject.includes(r)))) {
        // "Egyptian and Qatari mediators ... the ceasefire": mediators do not negotiate with each other
        return;
      }
      else if (info.mutual && objRefs.length === 0 && subject.length >= 2) sides = subject.map((r) => [r]);
      else sides = [subject, objRefs].filter((x) => x.length > 0);
      const summit = sides.length === 1 && sides[0]!.length === 1 && sides[0]![0]!.startsWith('alliance:');
      if (sides.length === 1 && !info.visit && !summit && sides[0]!.length < 2) {
        const last = this.lastOccurrence;
        // "X will join them at the meeting", "X parteciperà all'incontro": X joins the meeting just named
        const attendee = last && info.pos === 'noun' && this.s.index - last.sentence <= 2 && this.lex.determiners.has(this.tokens[i0 - 1]?.norm ?? '')
          ? this.attendee(i0, clause).filter((r) => !last.sides.flat().includes(r)) : [];
        if (last && attendee.length) last.sides = joinSides(last.sides, attendee, this.attendeeCompanions(i0));
        if (last && (attendee.length || this.anaphoric(i0))) this.complete(last, clause, i0);
        return;
      }
    }
    const present = this.presentIn(clause).filter((r) => !sides.flat().includes(r));
    if (present.length) sides = [...sides, present];
    const participants = new Set(sides.flat());
    const date = this.dateNear(i0, clause);
    const status = this.status(i0, i1, clause, info, date);
    if (!status) {
      this.refused.add(`${family}:${this.s.index}`);
      return;
    }
    const places = this.placesIn(clause, participants);
    // "volerà a Doha, dove vedrà l'emiro": "dove"/"where" points back to the place just named
    if (places.length === 0 && clause.start > 0 && ['dove', 'where'].includes(this.tokens[clause.start]!.norm)) {
      places.push(...this.placesIn(this.clauseOf(clause.start - 1), participants).slice(-1));
    }
    const round = info.pos === 'noun' && this.tokens.slice(Math.max(0, i0 - 3), i1).some((t) => this.lex.roundWords.has(t.norm));
    const occ: Occurrence = {
      family, sentence: this.s.index, sides, places, date, status, confidence, mediators: hosts.filter((h) => !participants.has(h)),
      visit: Boolean(info.visit), round, evidence: this.s.text,
    };
    this.occurrences.push(occ);
    this.lastOccurrence = occ;
    const subj = sides[0];
    if (subj) this.lastSubjects = subj;
  }

  /** The subject of an attendance verb at most five tokens before the noun at i0 ("will attend the", "join them at the"). */
  private attendee(i0: number, clause: Clause): string[] {
    for (let k = i0 - 1; k >= Math.max(clause.start, i0 - 5); k--) {
      if (this.lex.cues.attendance.at(this.tokens, k) < 0) continue;
      // "did not attend", "non parteciperà", "might attend", "pronto a partecipare": nobody joins
      for (let j = k - 1; j >= Math.max(clause.start, k - 4); j--) if (this.isNegation(j)) return [];
      const from = Math.max(clause.start, k - 4);
      if (this.lex.cues.modal.within(this.tokens, from, k) || this.lex.cues.hypothetical.within(this.tokens, from, k)) return [];
      return this.subjectOf(k, clause).filter((r) => r.startsWith('leader:') || r.startsWith('country:') || r.startsWith('alliance:'));
    }
    return [];
  }

  /** "X will join Bessent at the meeting": whom the attendee joins (the object of the attendance verb), if named. */
  private attendeeCompanions(i0: number): string[] {
    for (let k = i0 - 1; k >= Math.max(0, i0 - 5); k--) {
      const end = this.lex.cues.attendance.at(this.tokens, k);
      if (end < 0) continue;
      return this.args.filter((a) => a.m.i0 >= end && a.m.i1 <= i0).flatMap((a) => a.refs);
    }
    return [];
  }

  private anaphoric(i0: number): boolean {
    const prev = this.tokenAt(i0 - 1);
    const prev2 = this.tokenAt(i0 - 2);
    return Boolean(prev && (this.lex.cues.demonstratives.at(this.tokens, i0 - 1) > 0 || (prev2 && this.lex.cues.demonstratives.at(this.tokens, i0 - 2) > 0) || ['il', 'lo', 'la', "l'", 'the'].includes(prev.norm)));
  }

  private complete(occ: Occurrence, clause: Clause, i0: number): void {
    const participants = new Set(occ.sides.flat());
    // only what belongs to this phrase: up to the next comma ("who hosted the meeting, said ... in Geneva")
    let end = i0;
    while (end < clause.end && this.tokens[end]!.text !== ',') end++;
    for (const p of this.placesIn({ start: i0, end }, participants)) if (!occ.places.includes(p)) occ.places.push(p);
    occ.date ??= this.dateNear(i0, clause);
    if (!occ.evidence.includes(this.s.text)) occ.evidence += ` ${this.s.text}`;
  }

  private possessiveBefore(i0: number): boolean {
    for (let k = i0 - 1; k >= Math.max(0, i0 - 3); k--) if (this.lex.possessives.has(this.tokens[k]!.norm)) return true;
    return false;
  }

  /** "Nella sua visita a Parigi, Zelensky discuterà ...": the subject follows a fronted phrase. */
  private subjectAfter(i1: number, clause: Clause, exclude: Arg[]): string[] {
    for (const a of this.args) {
      if (a.m.i0 < i1 || a.m.i0 >= clause.end || exclude.includes(a)) continue;
      if (!this.isSubjectLike(a)) continue;
      const prev = this.prevWord(a.m.i0);
      if (prev?.text === ',') return a.refs;
    }
    return [];
  }

  private sanctions(i0: number, i1: number, info: TriggerInfo): void {
    const clause = this.clauseOf(i0);
    let imposers: string[] = [];
    let targets: string[] = [];
    let confidence = 0.8;
    if (info.pos === 'verb') {
      // "X ha sanzionato Y" / "Y è stato sanzionato da X"
      const agent = this.args.find((a) => a.m.i0 >= i1 && a.m.i0 < clause.end && this.governedBy(a.m, this.lex.prepositions.agent));
      if (agent) {
        imposers = agent.refs;
        targets = this.subjectOf(i0, clause);
      } else {
        imposers = this.subjectOf(i0, clause);
        targets = this.objectOf(i1, clause, { allowAdjectival: true }).flatMap((a) => a.refs);
      }
    } else {
      const preps = info.pressure ? this.lex.cues.pressureTargetPreps : this.lex.cues.sanctionTargetPreps;
      // Scan the noun phrase after the trigger (to the next comma or the clause's end, at most 12 tokens):
      // modifiers before the target preposition name the imposer ("sanzioni dell'Ue", "sanzioni americane",
      // "sanzioni Ue"); the first country or group after it is the target ("contro la Russia", "on a network
      // of North Korean workers"), places named as locations excepted ("con sede negli Emirati").
      const modifiers: Arg[] = [];
      let end = i1;
      while (end < clause.end && end < i1 + 12 && this.tokens[end]!.text !== ',' && this.tokens[end]!.text !== '.') end++;
      let prepSeen = -1;
      for (let k = i1; k < end && prepSeen < 0; k++) if (preps.at(this.tokens, k) > 0) prepSeen = k;
      const inPhrase = this.mentions.filter((m) => m.i0 >= i1 && m.i0 < end && m.refs.length > 0 && !(m.kind === 'entity' && m.entityKind === 'place'));
      for (const m of inPhrase) {
        if (prepSeen >= 0 && m.i0 > prepSeen) {
          if (m.location && !this.governedBy(m, preps)) continue;
          const a = this.args.find((x) => x.m === m);
          targets = a ? this.coordinated(a, 1, clause, true).flatMap((x) => x.refs) : m.refs;
          break;
        }
        if (!info.pressure && !m.modifier) modifiers.push({ m, refs: m.refs });
      }
      if (targets.length === 0) return;
      if (modifiers.length) imposers = modifiers.flatMap((a) => a.refs).filter((r) => !targets.includes(r));
      // English pre-noun modifier: "EU sanctions on Russia", "Washington's sanctions"
      if (imposers.length === 0 && !info.pressure) {
        const pre = this.mentions.find((m) => m.refs.length && (m.i1 === i0 || (m.i1 === i0 - 1 && this.tokens[i0 - 1]?.norm === "'s")) && !m.modifier);
        if (pre) imposers = pre.refs;
      }
      // "its sanctions on Syria", "nel suo ultimo pacchetto di sanzioni": the possessor is the clause's subject
      if (imposers.length === 0 && !info.pressure && this.possessiveBefore(i0)) {
        imposers = this.subjectOf(i0, clause, true);
        confidence = 0.7;
      }
      // an imposition verb governing the noun: "X ha imposto (nuove) sanzioni", "aumentare la pressione"
      if (imposers.length === 0) {
        const verbAt = this.impositionVerbBefore(i0, clause, Boolean(info.pressure));
        if (verbAt >= 0) {
          imposers = this.subjectOf(verbAt, clause);
          if (imposers.length === 0) imposers = this.impliedSubject(verbAt, clause, true);
          confidence = 0.7;
        }
      }
    }
    if (imposers.length === 0 || targets.length === 0) return;
    const date = this.dateNear(i0, clause);
    let status = this.status(i0, i1, clause, info, date);
    if (!status) return;
    if (this.lex.cues.lift.within(this.tokens, Math.max(clause.start, i0 - 4), i0)) status = 'cancelled';
    for (const a of imposers) for (const t0 of targets) {
      const source = this.actingState(a);
      const t = this.targetedBody(t0);
      if (source !== t) this.relations.push({ kind: 'sanctions', source, target: t, sentence: this.s.index, date, status, confidence, evidence: this.s.text });
    }
  }

  /** Sanctions are imposed by states and organisations: a leader imposing them stands for the state. */
  private actingState(key: string): string {
    const e: ArticleEntity | undefined = this.ments.entities.get(key);
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
  private targetedBody(key: string): string {
    const e: ArticleEntity | undefined = this.ments.entities.get(key);
    return e?.kind === 'leader' && !e.countryIso && e.organisation ? e.organisation : key;
  }

  /** An imposition verb up to 8 tokens before the noun ("ha presentato oggi agli Stati membri la proposta per il pacchetto");
   *  for pressure, asking someone else to exert it ("ha chiesto a Xi di fare pressione") names no imposer. */
  private impositionVerbBefore(i0: number, clause: Clause, pressure: boolean): number {
    for (let k = i0 - 1; k >= Math.max(clause.start, i0 - 8); k--) {
      if (pressure && this.lex.cues.call.at(this.tokens, k) > 0) return -1;
      if (this.lex.cues.imposition.at(this.tokens, k) > 0 || this.lex.cues.lift.at(this.tokens, k) > 0) return k;
    }
    return -1;
  }

  private mediation(i0: number, i1: number, info: TriggerInfo): void {
    const clause = this.clauseOf(i0);
    let mediators: string[] = [];
    if (info.pos === 'noun') {
      // "con la mediazione americana", "la mediazione del Qatar", "Qatari mediation", "mediated by X"
      const adj = this.mentions.find((m) => m.i0 >= i1 && m.i0 <= i1 + 2 && m.refs.length && !m.modifier);
      if (adj) mediators = this.coordinated({ m: adj, refs: adj.refs }, 1, clause, true).flatMap((a) => a.refs);
      const pre = this.mentions.find((m) => m.i1 === i0 && m.refs.length);
      if (!mediators.length && pre) mediators = pre.refs;
    } else {
      const agent = this.args.find((a) => a.m.i0 >= i1 && a.m.i0 <= i1 + 3 && this.governedBy(a.m, this.lex.prepositions.agent));
      // "offering to mediate", "si è offerto di mediare": the main clause's subject, not the nearest name
      const nonFinite = info.tense === 'infinitive' || info.tense === 'gerund' || ['to', 'di', 'a'].includes(this.tokens[i0 - 1]?.norm ?? '');
      mediators = agent ? agent.refs : this.subjectOf(i0, clause, nonFinite);
    }
    if (!mediators.length) return;
    const between = this.betweenSides(i1, clause);
    if (between) {
      const date = this.dateNear(i0, clause);
      const status = this.status(i0, i1, clause, info, date);
      if (!status) return;
      for (const m of mediators) for (const t of between.flat()) if (m !== t) this.relations.push({ kind: 'mediates', source: m, target: t, sentence: this.s.index, date, status, confidence: 0.7, evidence: this.s.text });
      return;
    }
    // the occurrence it belongs to: one in this sentence, else the last one
    const occ = this.occurrences.findLast((o) => o.sentence === this.s.index) ?? this.lastOccurrence;
    const date = this.dateNear(i0, clause) ?? occ?.date;
    const status = occ?.status ?? this.status(i0, i1, clause, info, date);
    if (!status) return;
    if (occ) {
      for (const m of mediators) if (!occ.sides.flat().includes(m) && !occ.mediators.includes(m)) occ.mediators.push(m);
      return;
    }
  }

  private supportNoun(i0: number, i1: number, info: TriggerInfo): void {
    const clause = this.clauseOf(i0);
    // "il sostegno della Francia all'Ucraina", "con il supporto degli Stati Uniti", "US support for Kyiv"
    const giver = this.args.find((a) => a.m.i0 >= i1 && a.m.i0 <= i1 + 2 && this.governedBy(a.m, this.lex.prepositions.genitive))
      ?? this.args.find((a) => a.m.i1 === i0 || (a.m.i1 === i0 - 1 && this.tokens[i0 - 1]?.norm === "'s"));
    if (!giver) return;
    const receiver = this.args.find((a) => a.m.i0 > giver.m.i1 && a.m.i0 < Math.min(clause.end, giver.m.i1 + 8) && this.isActor(a) && !a.refs.some((r) => giver.refs.includes(r)))
      ?? (this.governedBy(giver.m, this.lex.prepositions.genitive) && this.tokens.slice(clause.start, i0).some((t) => this.lex.prepositions.with.at([t], 0) > 0)
        ? { m: giver.m, refs: this.subjectOf(i0, clause) } : undefined);
    if (!receiver || receiver.refs.length === 0) return;
    this.directed('supports', giver.refs, receiver.refs, i0, i1, info, clause, 0.6);
  }

  private supportVerb(i0: number, i1: number): void {
    const clause = this.clauseOf(i0);
    const subject = this.subjectOf(i0, clause);
    const object = this.objectOf(i1, clause).flatMap((a) => a.refs);
    if (!subject.length || !object.length) return;
    this.directed('supports', subject, object, i0, i1, SUPPORT_VERB, clause, 0.6);
  }

  private callOn(i0: number, i1: number): void {
    const clause = this.clauseOf(i0);
    const subject = this.subjectOf(i0, clause);
    if (!subject.length) return;
    const target = this.args.find((a) => a.m.i0 >= i1 && a.m.i0 <= i1 + 3 && (this.governedBy(a.m, this.lex.prepositions.dative) || this.article.lang === 'en' || this.tokens[i1 - 1]?.norm === 'on') && this.isActor(a));
    if (!target) return;
    this.directed('calls_on', subject, target.refs, i0, i1, SUPPORT_VERB, clause, 0.6);
  }

  private war(i0: number, i1: number, info: TriggerInfo): void {
    const clause = this.clauseOf(i0);
    const sides = this.betweenSides(i1, clause);
    if (sides && sides.length === 2) {
      this.directed('at_war_with', sides[0]!, sides[1]!, i0, i1, info, clause, 0.7);
      return;
    }
    // "la guerra della Russia contro l'Ucraina", "Russia's war against Ukraine"
    const aggressor = this.args.find((a) => a.m.i0 >= i1 && a.m.i0 <= i1 + 2 && this.governedBy(a.m, this.lex.prepositions.genitive))
      ?? this.args.find((a) => a.m.i1 === i0 || (a.m.i1 === i0 - 1 && this.tokens[i0 - 1]?.norm === "'s"));
    const against = this.args.find((a) => a.m.i0 > i1 && a.m.i0 <= i1 + 6 && ['contro', 'against', 'on'].some((p) => this.tokens.slice(Math.max(i1, a.m.i0 - 2), a.m.i0).some((t) => t.norm === p)));
    if (aggressor && against) this.directed('at_war_with', aggressor.refs, against.refs, i0, i1, info, clause, 0.6);
  }

  private directed(kind: EdgeKind, from: string[], to: string[], i0: number, i1: number, info: TriggerInfo, clause: Clause, confidence: number): void {
    const date = this.dateNear(i0, clause);
    const status = this.status(i0, i1, clause, info, date);
    if (!status) return;
    for (const a of from) for (const b of to) if (a !== b) this.relations.push({ kind, source: a, target: b, sentence: this.s.index, date, status, confidence, evidence: this.s.text });
  }
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

/** What supportVerb() and callOn() evaluate their status as (one object, of the common TriggerInfo shape). */
const SUPPORT_VERB = triggerInfo({ family: 'supports', pos: 'verb' });

/** Punctuation that closes a clause (was /^[;:()\[\]]$/: a set lookup instead of a regex per token). */
const CLAUSE_PUNCT = new Set([';', ':', '(', ')', '[', ']']);

/** Copulas and auxiliaries a negated noun's verb starts with ("non è in programma", "is not on the agenda"). */
const COPULAS = new Set(['è', 'e', 'sarà', 'saranno', 'era', 'sono', 'ci', 'c', 'is', 'was', 'will', 'be', 'been', 'has', 'have', 'had', 'expected', 'planned', 'scheduled', 'previsto', 'prevista', 'in', 'on', 'all', 'alcun', 'alcuna']);

const EN_IRREGULAR_PAST = new Set(['said', 'met', 'held', 'told', 'made', 'took', 'gave', 'went', 'came', 'spoke', 'sought', 'left', 'won', 'lost', 'began', 'brought', 'thought', 'saw', 'chose', 'flew', 'sent', 'struck', 'agreed', 'was', 'were', 'had', 'did']);
/** Prepositions of purpose before a noun trigger: "host X and Y for talks", "per i colloqui". */
const PURPOSE_PREPOSITIONS = new Set(['for', 'per', 'ai', 'al', 'alla', 'alle', 'agli']);
/** The auxiliary right before a passive participle: "è stato ricevuto", "venne accolto", "was hosted". */
const PASSIVE_AUX = new Set(['stato', 'stata', 'stati', 'state', 'venne', 'vennero', 'viene', 'vengono', 'verrà', 'verranno', 'been', 'was', 'were', 'being']);
/** Auxiliaries and copulas: a verb that a time after it may date (see measuresSeries). */
const VERB_WORDS = new Set(['è', 'sono', 'era', 'erano', 'sarà', 'saranno', 'ha', 'hanno', 'is', 'are', 'was', 'were', 'will', 'be', 'been', 'has', 'have', 'had', 'took', 'takes', 'take']);
const IT_AUX = new Set(['ha', 'hanno', 'è', 'sono', 'era', 'erano', 'aveva', 'avevano', 'aver', 'avere', 'essere', 'stato', 'stata', 'stati', 'state']);

/** "ha incontrato", "è stato annullato", "said": a past form. */
function isPastParticipleAfterAux(tokens: readonly Token[], k: number, lang: Lang): boolean {
  const t = tokens[k]!;
  if (lang === 'en') return EN_IRREGULAR_PAST.has(t.norm);
  // The regex only when the last two letters allow a match (t or s, then a, e, i or o): this runs on every token.
  const w = t.norm;
  if (w.length < 3) return false; // (the regex needs three letters; and no character read before the start)
  const prev = charCodeAt(w, w.length - 2);
  const last = charCodeAt(w, w.length - 1);
  if (!((prev === 0x74 || prev === 0x73) && (last === 0x61 || last === 0x65 || last === 0x69 || last === 0x6f))) return false;
  if (!IT_PARTICIPLE_ENDING.test(w)) return false;
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (IT_AUX.has(tokens[j]!.norm)) return true;
  return false;
}

function isPluralVerb(t: Token, lang: Lang): boolean {
  return lang === 'it' ? IT_PLURAL_VERB_ENDING.test(t.norm) : false;
}

export type { Family };
