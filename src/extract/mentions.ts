// Mention detection: finds the actors of an article in its tokens.
//   - gazetteer names (countries, capitals and seats of power, alliances, known leaders and their surnames),
//   - people absent from the gazetteer, by pattern: role + nationality + capitalised name
//     ("il ministro degli Esteri turco Hakan Fidan", "the Russian envoy Kirill Dmitriev"), appositions
//     ("Steve Witkoff, inviato speciale di Trump", "Jane Roe, the former Kenyan prime minister", "X, who serves as
//     the president's envoy"), a role then a name closed by punctuation ("il direttore della Cia, Bill Burns,"),
//     members of a group or of a role before a colon ("tra cui Steve Witkoff", "tre ministri: A, B e C"); the
//     words that let these be read are in data/lang/<lang>/people.json; a company's spokesperson is no leader,
//   - known leaders under other spellings: transliterations ("Zelenskiy", "Dmitriy Peskov"), a name split by an
//     editor's bracket ("(Russian President Vladimir) Putin"),
//   - role descriptions without a name ("il presidente francese", "la sua controparte francese",
//     "the Kremlin leader") and group phrases ("i due leader", "i negoziatori americani"), which
//     coreference (coref.ts) resolves later.
// Everything here is a pure function of the article and the language data.
import type { Article, Lang, Sentence, Token } from '../read/types.js';
import { loadGazetteer, slugify, type Gazetteer, type GazetteerEntry, type GazetteerKind, type NameVia } from './gazetteer.js';
import { loadRoles } from './roles.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { loadPeople, type PeopleCues } from './people.js';
import { PhraseIndex } from './phrase-index.js';
import { loadTerms } from './terms.js';
import { includes } from '../read/strings.js';
import { readerData } from '../read/lang-data.js';

export type MentionKind = 'entity' | 'group' | 'role' | 'anaphor';

export interface Mention {
  id: number;
  sentence: number;
  /** Token span [i0, i1) in the sentence. */
  i0: number;
  i1: number;
  kind: MentionKind;
  /** entity: the key of what it names. */
  entity?: string;
  entityKind?: GazetteerKind;
  via: NameVia | 'pattern' | 'role' | 'group' | 'anaphor';
  /** A country adjective modifying a noun ("gas russi"): the country is mentioned, but is no actor. */
  adjectival?: boolean;
  /** A capital or seat of power: a place after a locative preposition, otherwise the state. */
  capital?: boolean;
  /** Used as a location ("a Parigi", "in Florida"); set by the relation stage. */
  location?: boolean;
  /** capital: the key of the city's place entry. */
  place?: string;
  /** Inside a genitive or apposition modifier of another mention: not an argument. */
  modifier?: boolean;
  /** Nationality or country (roles, groups, people). */
  iso?: string;
  /** group: several nationalities ("Russian, Ukrainian and U.S. delegations", "delegazioni di Russia e Ucraina"). */
  isos?: string[];
  role?: string;
  counterpart?: boolean;
  /** role: the seat of power that gave its country ("leader del Cremlino"). */
  seat?: string;
  /** The mention itself says the person's role ("il presidente francese Emmanuel Macron", "X, inviato di Y"). */
  described?: boolean;
  /** group: its named members. */
  members?: Mention[];
  /** Entities this mention stands for, filled by coreference. */
  refs: string[];
}

/** A person or other entity known to this article (from the gazetteer or found by pattern). */
export interface ArticleEntity {
  key: string;
  kind: GazetteerKind;
  label: string;
  iso?: string;
  /** leader/place: ISO alpha-3 of the country. */
  countryIso?: string;
  organisation?: string;
  role?: string;
  wikidata?: string;
  aliases: Set<string>;
  /** Found by pattern, not in the gazetteer. */
  discovered: boolean;
  /** "inviato di X": the leader this person works for. */
  principal?: string;
}

/**
 * The entity with every field present (undefined when absent), always in one order, so that entities made in
 * different places share one V8 hidden class and reads of their fields stay fast (see push()).
 */
/** A gazetteer leader's role on the article's date (terms.ts), else the gazetteer's. */
export function roleOn(entry: Pick<GazetteerEntry, 'key' | 'kind' | 'role'>, date: string | undefined): string | undefined {
  return entry.kind === 'leader' && date ? loadTerms().roleOn(entry.key, date) ?? entry.role : entry.role;
}

export function articleEntity(e: ArticleEntity): ArticleEntity {
  return {
    key: e.key, kind: e.kind, label: e.label, iso: e.iso, countryIso: e.countryIso, organisation: e.organisation,
    role: e.role, wikidata: e.wikidata, aliases: e.aliases, discovered: e.discovered, principal: e.principal,
  };
}

export interface MentionResult {
  mentions: Mention[][];
  entities: Map<string, ArticleEntity>;
  /** The article's date (YYYY-MM-DD), when known: offices are resolved as of that day (terms.ts). */
  date?: string;
}

interface NameCandidate {
  entry: GazetteerEntry;
  via: NameVia;
}

interface RoleCandidate {
  role: string;
  group: boolean;
  leaderWord: boolean;
}

interface Recognizer {
  names: PhraseIndex<NameCandidate>;
  roles: PhraseIndex<RoleCandidate>;
  gazetteer: Gazetteer;
  lex: Lexicon;
  people: PeopleCues;
  /** Words that never start or continue a person's name (function words, months, role words). */
  notName: Set<string>;
  /** Function words, capitalised only because they open the sentence ("Ieri Mario Rossi ...", "Yesterday ..."). */
  stopwords: ReadonlySet<string>;
  /** Leaders by the transliteration key of a one-word name form (surname, alias), when the key names one leader only. */
  translit: ReadonlyMap<string, GazetteerEntry>;
}

const recognizers = new Map<Lang, Recognizer>();
/** Transliteration keys of words met in articles (bounded memo: the key is a chain of replacements). */
const translitKeys = new Map<string, string>();

const ARABIC_ARTICLE_NAME = /^(?:al|el|ad|as|ash|at|an|ar|az|abu|bin|ibn|ben)-\p{Lu}/u;
/** Gazetteer kinds that end a person's name rather than continue it. */
const NOT_IN_NAME_KINDS = /country|alliance|group|place/;

/** Punctuation that closes an apposition ("the ambassador, Mario Rossi, said"; "... the minister, Mario Rossi."). */
const CLOSING = new Set([',', '.', ';', ':', ')', '»', '"', '\u201d', '!', '?']);

/** An appositive role phrase found by MentionState.appositionRole. */
interface AppositionRole {
  /** Where the phrase starts (its determiner), where the role noun starts and ends. */
  start: number;
  roleStart: number;
  roleEnd: number;
  role: RoleCandidate;
  iso?: string;
  organisation?: string;
  /** Start of the words before the role that may name countries ("scelto dalla Casa Bianca come ..."). */
  skipFrom: number;
}

/** A capital letter alone, the initial of a middle name. */
function isInitial(t: Token): boolean {
  return t.kind === 'word' && t.upper && t.text.length === 1;
}

const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'di', 'van', 'von', 'der', 'den', 'dos', 'du', 'la', 'le', 'abu', 'ben', 'mac']);

/**
 * A key under which transliterations of one name agree: Zelensky, Zelenskyy, Zelenskiy, Zelenskij and Zelenski;
 * Dmitry and Dmitri; Kharkiv and Harkiv. Accents dropped, kh → h, w → v, runs of y/i/j → i, doubled letters single.
 */
export function translitKey(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/kh/g, 'h').replace(/w/g, 'v')
    .replace(/[yij]+/g, 'i').replace(/(.)\1+/g, '$1');
}

/** Keys shorter than this are left out: short names collide ("Li", "Lee"). */
const MIN_TRANSLIT_KEY = 5;

function translitIndex(gazetteer: Gazetteer): Map<string, GazetteerEntry> {
  const out = new Map<string, GazetteerEntry>();
  const clash = new Set<string>();
  for (const e of gazetteer.entries.values()) {
    if (e.kind !== 'leader') continue;
    for (const n of e.names) {
      if ((n.via !== 'surname' && n.via !== 'alias') || /\s/.test(n.form)) continue;
      const k = translitKey(n.form);
      if (k.length < MIN_TRANSLIT_KEY) continue;
      const prev = out.get(k);
      if (prev && prev !== e) clash.add(k);
      else out.set(k, e);
    }
  }
  for (const k of clash) out.delete(k);
  return out;
}

function recognizer(lang: Lang): Recognizer {
  const cached = recognizers.get(lang);
  if (cached) return cached;
  const gazetteer = loadGazetteer();
  const lex = loadLexicon(lang);
  const names = new PhraseIndex<NameCandidate>({ foldAccents: true });
  for (const entry of gazetteer.entries.values()) {
    for (const n of entry.names) {
      if (n.lang !== '*' && n.lang !== lang) continue;
      const proper = n.via !== 'adjective' && n.via !== 'prefix';
      names.add(n.form, { entry, via: n.via }, { caseSensitive: n.caseSensitive, capitalised: proper });
    }
  }
  const roleLex = loadRoles(lang);
  const roles = new PhraseIndex<RoleCandidate>();
  const notName = new Set<string>([...lex.determiners, ...lex.anyPreposition, ...lex.coordination, ...lex.possessives]);
  // A plural listed both as a role and as a group ("negoziatori") names a group.
  // Italian "leader" is both singular and plural: read it as one leader ("il leader del Cremlino").
  const leaderWords = new Set(roleLex.leaderWords);
  const groupForms = new Set(roleLex.groups.flatMap((g) => g.forms).filter((f) => !leaderWords.has(f)));
  for (const g of roleLex.groups) for (const f of g.forms) if (groupForms.has(f)) roles.add(f, { role: g.role, group: true, leaderWord: false });
  for (const r of roleLex.roles) for (const f of r.forms) {
    if (groupForms.has(f)) continue;
    roles.add(f, { role: r.role, group: false, leaderWord: false });
    for (const w of f.split(/\s+/)) notName.add(w);
  }
  for (const w of roleLex.leaderWords) { roles.add(w, { role: 'Leader', group: false, leaderWord: true }); notName.add(w); }
  const r: Recognizer = { names, roles, gazetteer, lex, people: loadPeople(lang), notName, stopwords: readerData(lang).stopwords, translit: translitIndex(gazetteer) };
  recognizers.set(lang, r);
  return r;
}

/** Detects the mentions of every sentence of the article. */
export function detectMentions(article: Article): MentionResult {
  const rec = recognizer(article.lang);
  const state = new MentionState(rec, article.date);
  const mentions = article.sentences.map((s) => state.sentence(s));
  return article.date ? { mentions, entities: state.entities, date: article.date } : { mentions, entities: state.entities };
}

function byPosition(a: Mention, b: Mention): number {
  return a.i0 - b.i0 || a.i1 - b.i1;
}

function inOrder(ms: readonly Mention[]): boolean {
  for (let k = 1; k < ms.length; k++) if (byPosition(ms[k - 1]!, ms[k]!) > 0) return false;
  return true;
}

class MentionState {
  readonly entities = new Map<string, ArticleEntity>();
  /** Surnames and full names of people found by pattern, for their later mentions. */
  private readonly localNames = new PhraseIndex<string>({ foldAccents: true, local: true });
  private nextId = 0;
  /** The key of the country last mentioned (as name, adjective or modifier), for "the country's". */
  private lastCountry: string | undefined;
  private tokens: Token[] = [];
  private sentenceIndex = 0;
  private out: Mention[] = [];

  constructor(private readonly rec: Recognizer, private readonly date?: string) {}

  sentence(s: Sentence): Mention[] {
    this.tokens = s.tokens;
    this.sentenceIndex = s.index;
    this.out = [];
    let i = 0;
    while (i < this.tokens.length) i = this.step(i);
    // Mentions are mostly pushed in order already; the sort is stable, so an ordered list is left as it is, and
    // checking first spares the sort's work array.
    if (!inOrder(this.out)) this.out.sort(byPosition);
    return this.out;
  }

  // ---- the scanner ------------------------------------------------------------------------------

  /** Recognises what starts at token i, records it, and returns where scanning resumes. */
  private step(i: number): number {
    const t = this.tokens[i]!;
    if (t.kind !== 'word') return i + 1;
    const lex = this.rec.lex;
    if (!t.upper && !this.mayStartAt(i)) return i + 1;

    // "i due paesi", "both countries": the states of the two people just named (coref.ts)
    const statesEnd = lex.cues.stateAnaphora.at(this.tokens, i);
    if (statesEnd > 0) {
      this.push({ i0: i, i1: statesEnd, kind: 'anaphor', via: 'anaphor', role: 'states' });
      return statesEnd;
    }
    const anaphorEnd = lex.cues.groupAnaphora.at(this.tokens, i);
    if (anaphorEnd > 0) {
      // "i leader della Nato", "the leaders of the EU": the organisation's members, not the last two leaders named
      const gen = lex.prepositions.genitive.at(this.tokens, anaphorEnd);
      const org = gen > 0 ? this.rec.names.match(this.tokens, gen) : undefined;
      if (org && org.payload.entry.kind === 'alliance' && org.payload.via !== 'adjective') {
        const group = this.push({ i0: i, i1: org.end, kind: 'group', via: 'group', role: 'Leader', entity: org.payload.entry.key });
        this.countryModifier(gen, org.end, org.payload.entry, org.payload.via);
        return this.groupMembers(group, org.end);
      }
      // "the leaders of France and Germany", "i leader di Francia e Germania": the heads of those states
      const states = gen > 0 ? this.stateList(gen) : undefined;
      if (states) {
        this.push({ i0: i, i1: states.end, kind: 'group', via: 'group', role: 'Leader', iso: states.isos[0], isos: states.isos.length > 1 ? states.isos : undefined });
        return states.end;
      }
      this.push({ i0: i, i1: anaphorEnd, kind: 'anaphor', via: 'anaphor' });
      return anaphorEnd;
    }
    const counterpart = this.counterpartAt(i);
    if (counterpart) return counterpart;

    const role = this.rec.roles.match(this.tokens, i);
    // a leader's name that opens with a title ("Papa Francesco", "Pope Leo") is the name, not a role before one
    const titled = role ? this.rec.names.match(this.tokens, i) : undefined;
    if (role && !(titled && titled.payload.entry.kind === 'leader' && titled.end > role.end)) return this.roleNounPhrase(i, role.end, role.payload, undefined).end;

    // English personal pronouns: coreference links them to the last person named
    if (lex.lang === 'en' && (t.norm === 'he' || t.norm === 'she')) {
      this.push({ i0: i, i1: i + 1, kind: 'anaphor', via: 'anaphor', role: 'pronoun' });
      return i + 1;
    }

    // "il vertice Trump-Putin", "the Trump-Xi summit", "bilaterale Meloni-Erdogan": two people in one word
    const pair = this.hyphenatedPair(i);
    if (pair) return pair;

    const name = this.nameAt(i);
    if (name) {
      // English pre-posed nationality or seat: "Russian President Vladimir Putin", "the Kremlin leader", "US negotiators",
      // "Venezuela's Foreign Minister Yvan Gil", "Israel's Strategic Affairs Minister Ron Dermer",
      // "Russian, Ukrainian and U.S. delegations".
      const entry = name.entry;
      if (entry.kind === 'country' || (entry.kind === 'alliance' && name.via !== 'adjective')) {
        const mark = this.out.length;
        const list = entry.kind === 'country' ? this.nationalityList(i) : undefined;
        if (list) {
          const groupRole = this.rec.roles.match(this.tokens, list.end);
          if (groupRole?.payload.group) {
            const group = this.push({ i0: i, i1: groupRole.end, kind: 'group', via: 'group', isos: list.isos, role: groupRole.payload.role });
            return this.groupMembers(group, groupRole.end);
          }
          // a plain list of countries ("Francia, Germania e Regno Unito hanno ..."): each is an actor
          this.out.length = mark; // only the list's modifiers were added since `mark`
        }
        let roleAt = name.end;
        if (this.tokens[roleAt]?.norm === "'s") {
          roleAt++;
          // "Strategic Affairs Minister": capitalised words before the role noun belong to the title
          for (let k = 0; k < 3 && this.tokens[roleAt]?.upper && !this.rec.roles.match(this.tokens, roleAt); k++) roleAt++;
        }
        let nextRole = this.rec.roles.match(this.tokens, roleAt);
        // "Iranian foreign ministry spokesman Esmaeil Baghaei", "Russian defence ministry spokesman": the institution
        // between nationality and role
        if (!nextRole && entry.kind === 'country') {
          const inst = lex.cues.institutions.at(this.tokens, roleAt);
          const after = inst > 0 ? this.rec.roles.match(this.tokens, inst) : undefined;
          if (after && !after.payload.group) { roleAt = inst; nextRole = after; }
        }
        if (nextRole) {
          this.countryModifier(i, name.end, entry, name.via);
          // "NATO leaders", "EU foreign ministers": an organisation before the role is whom they stand for
          return this.roleNounPhrase(i, nextRole.end, nextRole.payload, entry.kind === 'country' ? entry.iso : undefined, roleAt, entry.kind === 'alliance' ? entry.key : undefined).end;
        }
      }
      if (name.place) this.knowEntry(name.place);
      return this.entityMention(i, name.end, entry, name.via, name.place?.key);
    }

    const local = this.localNames.match(this.tokens, i);
    // a surname alone, not after another capitalised word: "Hill said", not "Capitol Hill"
    if (local && !this.continuesName(local.end) && !(local.end === i + 1 && this.precededByUnknownName(i))) {
      const m = this.push({ i0: i, i1: local.end, kind: 'entity', entity: local.payload, entityKind: 'leader', via: 'surname' });
      return this.apposition(m, local.end);
    }

    const nameEnd = this.personNameAt(i);
    // A first name spelt otherwise before a known "bin Salman", "al-Thani": "Mohamed bin Salman" is Mohammed bin Salman.
    const variant = nameEnd > 0 ? this.knownPatronymic(i, nameEnd) : undefined;
    if (variant) {
      this.knowEntry(variant);
      const m = this.push({ i0: i, i1: nameEnd, kind: 'entity', entity: variant.key, entityKind: 'leader', via: 'alias' });
      return this.apposition(m, nameEnd);
    }
    // An unknown capitalised name followed by an apposition: "Steve Witkoff, inviato speciale di Trump",
    // "Jane Roe, the former Ruritanian prime minister", "John Doe, who serves as the president's envoy".
    if (nameEnd > 0 && this.tokens[nameEnd]?.text === ',' && this.appositionRole(nameEnd + 1, true)) {
      const key = this.discoverPerson(i, nameEnd, undefined, undefined);
      const m = this.push({ i0: i, i1: nameEnd, kind: 'entity', entity: key, entityKind: 'leader', via: 'pattern' });
      return this.apposition(m, nameEnd);
    }
    return i + 1;
  }

  /**
   * May a lower-case word at token i start anything step() recognises? Every branch of step() needs a phrase of
   * one of these indexes to start at i, or an English pronoun, or a hyphen (country adjectives "russo-americane",
   * Arabic names "al-Sisi"); a word that has none is skipped with a few bit tests instead of running each
   * branch's full lookup (most words of a sentence are such words).
   */
  private mayStartAt(i: number): boolean {
    const t = this.tokens[i]!;
    const lex = this.rec.lex;
    return lex.cues.groupAnaphora.startsAt(this.tokens, i) || lex.cues.stateAnaphora.startsAt(this.tokens, i) || lex.cues.counterpart.startsAt(this.tokens, i)
      || this.rec.names.startsAt(this.tokens, i) || this.rec.roles.startsAt(this.tokens, i) || this.localNames.startsAt(this.tokens, i)
      || (lex.lang === 'en' && (t.norm === 'he' || t.norm === 'she')) || includes(t.norm, '-');
  }

  private push(m: Omit<Mention, 'id' | 'sentence' | 'refs'>): Mention {
    // Every mention gets every field, undefined when absent, always in one order: the call sites pass literals
    // with different fields, and objects of many V8 hidden classes made every later read of `m.i0` or `m.refs`
    // (relations, coreference, fragment) a slow generic lookup (measured with perf). Nothing serialises mentions.
    const full: Mention = {
      id: this.nextId++, sentence: this.sentenceIndex, i0: m.i0, i1: m.i1, kind: m.kind, entity: m.entity,
      entityKind: m.entityKind, via: m.via, adjectival: m.adjectival, capital: m.capital, location: m.location,
      place: m.place, modifier: m.modifier, iso: m.iso, isos: m.isos, role: m.role, counterpart: m.counterpart,
      seat: m.seat, described: m.described, members: m.members, refs: [],
    };
    this.out.push(full);
    if (m.entityKind === 'country') this.lastCountry = m.entity;
    return full;
  }

  // ---- names --------------------------------------------------------------------------------------

  /** A gazetteer name at i; surnames of leaders only when not part of a longer unknown name. */
  private nameAt(i: number): { end: number; entry: GazetteerEntry; via: NameVia; place?: GazetteerEntry } | undefined {
    const all = this.rec.names.matchAll(this.tokens, i);
    if (all.length === 0) return this.hyphenatedAdjective(i) ?? this.transliterated(i);
    const longest = all[0]!.end;
    // one candidate per entry: "Pedro Sánchez" and its alias "Pedro Sanchez" fold to the same form
    const candidates = all.filter((m, k) => m.end === longest && all.findIndex((x) => x.end === longest && x.payload.entry.key === m.payload.entry.key) === k);
    // A capital is both its state (metonymy) and a city: keep the state, remember the city.
    // A seat of power wins over a capital: "Bruxelles" is the EU's seat before Belgium's capital.
    const capital = candidates.find((c) => c.payload.via === 'seat') ?? candidates.find((c) => c.payload.via === 'capital');
    if (capital) {
      const place = candidates.find((c) => c.payload.entry.kind === 'place');
      return { end: longest, entry: capital.payload.entry, via: capital.payload.via, place: place?.payload.entry };
    }
    // Several entries share the form (a surname of two leaders): prefer one this article already knows.
    const chosen = candidates.find((c) => this.entities.has(c.payload.entry.key)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!chosen) return undefined;
    const { entry, via } = chosen.payload;
    // "Jordan Bardella", "Georgia Meloni": an ambiguous country name followed by another capitalised word is a person.
    if (entry.kind === 'country' && entry.ambiguous && via === 'name' && this.continuesName(longest)) return undefined;
    // "Port Sudan", "Nuova Delhi": a country's name inside a longer proper name
    if (entry.kind === 'country' && via === 'name' && this.precededByUnknownName(i)) return undefined;
    // A leader's surname inside a longer unknown name ("Marco Rubio" is fine, "Rubio Gonzalez" is someone else).
    if ((via === 'surname' || via === 'alias') && this.continuesName(longest)) return undefined;
    // ... and after an unknown first name ("Andrea Costa" is not António Costa), unless it is the leader's own first
    // name spelt otherwise ("Dmitriy Peskov" for Dmitry Peskov).
    if ((via === 'surname' || via === 'alias') && this.precededByUnknownName(i) && !this.sameFirstName(i - 1, entry)) return undefined;
    return { end: longest, entry, via };
  }

  /**
   * A leader's surname spelt another way ("Zelenskiy" for a gazetteer that lists Zelensky, Zelenskyy): a capitalised
   * word the gazetteer does not know whose transliteration key is one leader's, with the guards surnames have. Asked
   * only of capitalised words no name matched; the keys are remembered per word.
   */
  private transliterated(i: number): { end: number; entry: GazetteerEntry; via: NameVia } | undefined {
    const t = this.tokens[i]!;
    if (!t.upper || t.norm.length < MIN_TRANSLIT_KEY || this.rec.notName.has(t.norm)) return undefined;
    let key = translitKeys.get(t.norm);
    if (key === undefined) {
      key = translitKey(t.norm);
      if (translitKeys.size > 50_000) translitKeys.clear();
      translitKeys.set(t.norm, key);
    }
    const entry = this.rec.translit.get(key);
    if (!entry || this.continuesName(i + 1)) return undefined;
    // after a first name: the leader's own first name spelt otherwise ("Volodimir Zelenskiy"), or nobody's
    if (this.precededByUnknownName(i) && !this.sameFirstName(i - 1, entry)) return undefined;
    return { end: i + 1, entry, via: 'surname' };
  }

  /** Is token k the first name of the leader `entry`, in any transliteration ("Dmitriy" for Dmitry)? */
  private sameFirstName(k: number, entry: GazetteerEntry): boolean {
    const first = entry.label.split(' ')[0]!;
    return first !== entry.label && translitKey(this.tokens[k]!.norm) === translitKey(first);
  }

  /** A leader whose known name, opening with a particle (bin, ibn, al), ends the person-like name [i, end). */
  private knownPatronymic(i: number, end: number): GazetteerEntry | undefined {
    for (let j = i + 1; j < end; j++) {
      if (!NAME_PARTICLES.has(this.tokens[j]!.norm)) continue;
      const m = this.rec.names.match(this.tokens, j);
      return m && m.end === end && m.payload.entry.kind === 'leader' ? m.payload.entry : undefined;
    }
    return undefined;
  }

  /** "russo-americane", "franco-tedesco": two countries in one hyphenated adjective. */
  /**
   * "Trump-Putin", "Meloni-Erdogan": a capitalised hyphenated word whose parts are each a leader the gazetteer knows
   * is the two of them, as one group (one argument: "il vertice Trump-Putin" is a meeting of both). Returns where
   * scanning resumes, or 0.
   */
  private hyphenatedPair(i: number): number {
    const t = this.tokens[i]!;
    if (!t.upper || !includes(t.text, '-') || this.rec.names.match(this.tokens, i)) return 0;
    const parts = t.text.split('-');
    if (parts.length < 2 || parts.length > 3) return 0;
    const entries: GazetteerEntry[] = [];
    const vias: NameVia[] = [];
    for (const p of parts) {
      if (!p || p[0] !== p[0]!.toUpperCase()) return 0;
      const m = this.rec.names.match([{ ...t, text: p, norm: p.toLowerCase(), upper: true }], 0);
      if (!m || m.payload.entry.kind !== 'leader' || m.end !== 1 || entries.includes(m.payload.entry)) return 0;
      entries.push(m.payload.entry);
      vias.push(m.payload.via);
    }
    // (the members are modifiers: the group is the argument)
    const members = entries.map((e, k) => {
      this.knowEntry(e);
      return this.push({ i0: i, i1: i + 1, kind: 'entity', entity: e.key, entityKind: 'leader', via: vias[k]!, modifier: true });
    });
    this.push({ i0: i, i1: i + 1, kind: 'group', via: 'group', members });
    return i + 1;
  }

  private hyphenatedAdjective(i: number): { end: number; entry: GazetteerEntry; via: NameVia } | undefined {
    const t = this.tokens[i]!;
    if (!includes(t.norm, '-')) return undefined;
    const parts = t.norm.split('-');
    const found: GazetteerEntry[] = [];
    for (const p of parts) {
      const m = this.rec.names.match([{ ...t, text: p, norm: p, upper: false }], 0);
      if (!m || m.payload.entry.kind !== 'country') return undefined;
      found.push(m.payload.entry);
    }
    // Record all but the last as separate adjectival mentions; return the last for the caller.
    for (const e of found.slice(0, -1)) this.push({ i0: i, i1: i + 1, kind: 'entity', entity: e.key, entityKind: 'country', via: 'adjective', adjectival: true });
    const last = found[found.length - 1];
    return last ? { end: i + 1, entry: last, via: 'adjective' } : undefined;
  }

  private precededByUnknownName(i: number): boolean {
    if (!this.isNameToken(i - 1)) return false;
    if (this.rec.names.has(this.tokens[i - 1]!.norm) || this.rec.roles.match(this.tokens, i - 1)) return false;
    // A capitalised word at the start of a sentence is capitalised for that reason alone.
    return !this.isSentenceStart(i - 1);
  }

  private isSentenceStart(i: number): boolean {
    for (let k = i - 1; k >= 0; k--) {
      const t = this.tokens[k]!;
      if (t.kind === 'word' || t.kind === 'number') return false;
    }
    return true;
  }

  private isNameToken(i: number): boolean {
    const t = i >= 0 ? this.tokens[i] : undefined; // (asked about i - 1 too: index -1 is a slow generic lookup)
    if (!t || t.kind !== 'word') return false; // cheap checks first: this runs several times per token
    // Arabic names keep their article in lower case: "al-Shibani", "el-Sisi", "bin-Salman"
    const upper = t.upper || ARABIC_ARTICLE_NAME.test(t.text);
    return upper && !this.rec.notName.has(t.norm) && !this.rec.roles.has(t.norm);
  }

  /** Is token i a capitalised word that would extend a name? */
  private continuesName(i: number): boolean {
    const t = this.tokens[i];
    if (!t || t.kind !== 'word' || !t.upper) return false;
    if (this.rec.notName.has(t.norm) || this.rec.roles.match(this.tokens, i)) return false;
    // A following country or organisation is not part of the name ("Macron Francia" does not occur, "Trump USA" might).
    const g = this.rec.names.match(this.tokens, i);
    return !g || g.payload.entry.kind === 'leader';
  }

  /** End of a person-like name starting at i (2–4 capitalised words, particles allowed), or -1. */
  personNameAt(i: number, allowSingle = false): number {
    if (!this.isNameToken(i)) return -1;
    if (this.rec.stopwords.has(this.tokens[i]!.norm) && this.isSentenceStart(i)) return -1;
    const g = this.rec.names.match(this.tokens, i);
    if (g && g.payload.entry.kind !== 'leader') return -1;
    let end = i + 1;
    while (end < this.tokens.length && end - i < 5) {
      const t = this.tokens[end]!;
      // a middle initial: "William J. Burns", "John K. Hurley" (the sentence splitter keeps "J." inside the sentence)
      if (end > i && isInitial(t) && this.tokens[end + 1]?.text === '.' && this.isNameToken(end + 2)) end += 2;
      else if (this.isNameToken(end) && !NOT_IN_NAME_KINDS.test(this.rec.names.match(this.tokens, end)?.payload.entry.kind ?? 'leader')) end++;
      // "Abu Mazen", "Ursula von der Leyen"; not "Patriarcato di Mosca": a place after the particle ends the name
      else if (NAME_PARTICLES.has(t.norm) && this.isNameToken(end + 1) && !NOT_IN_NAME_KINDS.test(this.rec.names.match(this.tokens, end + 1)?.payload.entry.kind ?? 'leader')) end += 2;
      else if (t.text === '-' && this.isNameToken(end + 1)) end += 2;
      else break;
    }
    if (end - i >= 2 || allowSingle) return end;
    return -1;
  }

  private entityMention(i: number, end: number, entry: GazetteerEntry, via: NameVia, place?: string): number {
    const m = this.push({
      i0: i, i1: end, kind: 'entity', entity: entry.key, entityKind: entry.kind, via, place,
      capital: via === 'capital' || via === 'seat',
      adjectival: via === 'adjective' || via === 'prefix' ? !this.nominalAdjective(i, end) : undefined,
    });
    this.knowEntry(entry);
    if (entry.kind === 'leader') return this.apposition(m, end);
    // "i negoziatori americani, tra cui ...": the group noun came first; handled in roleNounPhrase.
    return end;
  }

  /** Is the country adjective at [i, end) used as a noun ("i russi", "tra russi e americani", "the French")? */
  private nominalAdjective(i: number, end: number): boolean {
    const lex = this.rec.lex;
    const prev = i > 0 ? this.tokens[i - 1] : undefined; // (index -1 is a slow generic lookup)
    const next = this.tokens[end];
    // Institution nouns make the adjective stand for the state: "la presidenza francese", "the Russian government".
    if (prev && lex.cues.institutions.endsAt(this.tokens, i) >= 0) return true;
    if (next && lex.cues.institutions.at(this.tokens, end) >= 0 && this.rec.lex.lang === 'en') return true;
    if (!prev) return this.tokens[i]!.norm.endsWith('s') && this.rec.lex.lang === 'en';
    if (prev.kind === 'punct') return prev.text === ',' ? false : false;
    if (lex.determiners.has(prev.norm) || lex.prepositions.between.at(this.tokens, i - 1) > 0) return true;
    if (lex.coordination.has(prev.norm)) {
      const before = this.out[this.out.length - 1];
      return Boolean(before && before.i1 === i - 1 && before.adjectival === false);
    }
    if (lex.anyPreposition.has(prev.norm)) return true;
    // English plural demonyms are nouns: "the Russians", "Americans said".
    return this.rec.lex.lang === 'en' && this.tokens[i]!.norm.endsWith('ns');
  }

  private knowEntry(entry: GazetteerEntry): ArticleEntity {
    let e = this.entities.get(entry.key);
    if (!e) {
      e = articleEntity({
        key: entry.key, kind: entry.kind, label: entry.label, iso: entry.iso, countryIso: entry.country,
        organisation: entry.organisation, role: roleOn(entry, this.date), wikidata: entry.wikidata, aliases: new Set(), discovered: false,
      });
      if (entry.kind === 'leader') for (const n of entry.names) if (n.via === 'alias' || n.via === 'name') e.aliases.add(n.form);
      this.entities.set(entry.key, e);
    }
    return e;
  }

  private discoverPerson(i0: number, i1: number, role: string | undefined, iso: string | undefined): string {
    // "President Volodimir Zelenskiy": a known leader spelt otherwise, surname and first name
    const known = this.rec.translit.get(translitKey(this.tokens[i1 - 1]!.norm));
    if (known && (i1 - i0 === 1 || (i1 - i0 === 2 && this.sameFirstName(i0, known)))) return this.knowEntry(known).key;
    const words = this.tokens.slice(i0, i1).map((t) => t.text);
    const label = words.join(' ').replace(/ - /g, '-').replace(/ \./g, '.');
    const key = `leader:${slugify(label)}`;
    let e = this.entities.get(key);
    if (!e) {
      e = articleEntity({ key, kind: 'leader', label, role, countryIso: iso, aliases: new Set([label]), discovered: true });
      this.entities.set(key, e);
      this.localNames.add(label, key, { capitalised: true });
      const surname = words[words.length - 1]!;
      if (!this.rec.notName.has(surname.toLowerCase())) this.localNames.add(surname, key, { capitalised: true });
    } else {
      e.role ??= role;
      e.countryIso ??= iso;
    }
    return key;
  }

  /** Adds role (and country) knowledge to a person from the text. */
  private describe(key: string, role: string | undefined, iso: string | undefined, principal?: string): void {
    const e = this.entities.get(key);
    if (!e) return;
    if (role && (e.discovered || !e.role)) e.role = role;
    if (iso && !e.countryIso) e.countryIso = iso;
    if (principal && principal !== key) e.principal ??= principal;
  }

  // ---- roles, appositions, groups ---------------------------------------------------------------

  private countryModifier(i0: number, i1: number, entry: GazetteerEntry, via: NameVia): void {
    this.push({ i0, i1, kind: 'entity', entity: entry.key, entityKind: entry.kind, via, adjectival: true, modifier: true });
    this.knowEntry(entry);
  }

  /**
   * A role noun phrase: role [nationality] [genitive: of country | of person] [name | , name ,].
   * `start` is where the phrase began (before a pre-posed nationality), `roleEnd` where the role noun ends.
   */
  private roleNounPhrase(start: number, roleEnd: number, role: RoleCandidate, preIso: string | undefined, roleStart = start, preOrganisation?: string, inApposition = false): { end: number; mention?: Mention } {
    let iso = preIso;
    const isos: string[] = preIso ? [preIso] : [];
    let seat: string | undefined = preIso && roleStart > start ? this.seatText(start, roleStart) : undefined;
    let organisation: string | undefined = preOrganisation;
    let principal: Mention | undefined;
    let j = roleEnd;
    const lex = this.rec.lex;
    /** The role belongs to a company (its spokesperson, its president): the name after it is no leader. */
    let companyRole = false;
    // a role form that names its seat ("titolare della Farnesina", "inquilino del Cremlino"): the seat's country
    for (let k = roleStart + 1; k < roleEnd && !iso; k++) {
      const g = this.rec.names.match(this.tokens, k);
      if (g && g.end <= roleEnd && g.payload.entry.kind === 'country' && g.payload.via === 'seat') {
        iso = g.payload.entry.iso;
        seat ??= this.tokens.slice(k, g.end).map((t) => t.text).join(' ');
      }
    }
    // English possessor before the role: "Trump's envoy Steve Witkoff".
    if (roleStart >= 2 && this.tokens[roleStart - 1]?.norm === "'s") {
      let owner: Mention | undefined;
      for (let k = this.out.length - 1; k >= 0 && !owner; k--) {
        const m = this.out[k]!;
        if (m.i1 < roleStart - 1) break; // mentions are pushed left to right: nothing earlier can end there
        if (m.i1 === roleStart - 1 && m.kind === 'entity') owner = m;
      }
      if (owner) {
        if (owner.entityKind === 'leader') principal = owner;
        else if (owner.entityKind === 'country') iso ??= this.rec.gazetteer.entries.get(owner.entity!)?.iso;
        owner.modifier = true;
      } else if (this.unknownOwnerBefore(roleStart - 1)) companyRole = true; // "Microsoft's president, X"
    }
    const people = this.rec.people;
    // "Israeli Prime Minister X and the country's former defence minister, Y": the country last named
    if (!iso && this.lastCountry) {
      let b = roleStart - 1;
      while (b > 0 && b > roleStart - 4 && people.roleModifiers.at(this.tokens, b) === b + 1) b--;
      if (b >= 1 && this.tokens[b]?.norm === "'s" && people.countryAnaphora.has(this.tokens[b - 1]!.norm)) iso = this.rec.gazetteer.entries.get(this.lastCountry)?.iso;
    }
    for (let guard = 0; guard < 4 && j < this.tokens.length; guard++) {
      // where an ambassador or envoy is posted is not the country they serve: "the Japanese ambassador to China"
      const post = people.postingRoles.has(role.role) ? people.postingPrepositions.at(this.tokens, j) : -1;
      if (post > 0) {
        const at = this.tokens[post] && lex.determiners.has(this.tokens[post]!.norm) ? post + 1 : post;
        const place = this.rec.names.match(this.tokens, at);
        if (place && place.payload.entry.kind === 'country' && place.payload.via !== 'adjective') {
          this.countryModifier(at, place.end, place.payload.entry, place.payload.via);
          j = place.end;
          continue;
        }
        // a city the gazetteer does not know: "il console generale cinese a Osaka, X"
        if (!place && this.tokens[at]?.upper && this.tokens[at]!.kind === 'word') {
          let e = at + 1;
          while (e < at + 3 && this.tokens[e]?.upper && this.tokens[e]!.kind === 'word') e++;
          if (this.tokens[e]?.text === ',' || this.tokens[e]?.text === '.') { j = e; continue; }
        }
      }
      // "a spokesperson for China's Foreign Ministry", "the spokesperson of the Chinese foreign ministry"
      const forEnd = people.roleFor.at(this.tokens, j);
      const forAt = forEnd > 0 ? forEnd : lex.prepositions.genitive.at(this.tokens, j);
      if (forAt > 0 && !iso) {
        const at = this.tokens[forAt] && lex.determiners.has(this.tokens[forAt]!.norm) ? forAt + 1 : forAt;
        const state = this.rec.names.match(this.tokens, at);
        if (state && state.payload.entry.kind === 'country') {
          const after = this.tokens[state.end]?.norm === "'s" ? state.end + 1 : state.end;
          const inst = lex.cues.institutions.at(this.tokens, after);
          if (inst > 0 && (after > state.end || state.payload.via === 'adjective')) {
            iso = state.payload.entry.iso;
            this.countryModifier(at, state.end, state.payload.entry, state.payload.via);
            j = inst;
            continue;
          }
        }
      }
      // nationality adjective right after the role: "presidente francese", "negoziatori americani"
      const adj = this.rec.names.match(this.tokens, j);
      if (adj && adj.payload.via === 'adjective' && adj.payload.entry.kind === 'country') {
        if (role.group) {
          // "i mediatori egiziani, qatarioti e turchi"
          const list = this.nationalityList(j);
          if (list) { isos.push(...list.isos); iso ??= list.isos[0]; j = list.end; continue; }
        }
        iso ??= adj.payload.entry.iso;
        isos.push(adj.payload.entry.iso!);
        this.countryModifier(j, adj.end, adj.payload.entry, 'adjective');
        j = adj.end;
        continue;
      }
      // a country name right after the role: "il segretario di Stato Usa", "presidente Usa"
      const named = this.rec.names.match(this.tokens, j);
      if (named && named.payload.entry.kind === 'country' && named.payload.via !== 'adjective' && named.payload.via !== 'capital' && !iso) {
        iso = named.payload.entry.iso;
        this.countryModifier(j, named.end, named.payload.entry, named.payload.via);
        j = named.end;
        continue;
      }
      // an institution of a country: "inviata speciale del governo rumeno", "portavoce del ministero degli Esteri iraniano"
      const genInst = lex.prepositions.genitive.at(this.tokens, j);
      const inst = genInst > 0 ? lex.cues.institutions.at(this.tokens, genInst) : -1;
      if (inst > 0 && !iso) {
        const nat = this.rec.names.match(this.tokens, inst);
        if (nat && nat.payload.entry.kind === 'country') {
          iso = nat.payload.entry.iso;
          this.countryModifier(inst, nat.end, nat.payload.entry, nat.payload.via);
          j = nat.end;
          continue;
        }
      }
      // genitive complement: "del Cremlino", "degli Stati Uniti", "della Nato", "del presidente russo Putin", "of Russia"
      // (and a group's origin: "negotiators from Armenia and Azerbaijan")
      let gen = lex.prepositions.genitive.at(this.tokens, j);
      if (gen < 0 && role.group) gen = this.rec.people.groupOrigin.at(this.tokens, j);
      // "of the United Nations": English has the article after the preposition (Italian "delle" holds it)
      if (gen > 0 && this.tokens[gen] && lex.determiners.has(this.tokens[gen]!.norm) && this.rec.names.startsAt(this.tokens, gen + 1)) gen++;
      // "i ministri degli Esteri dei paesi dell'Unione europea", "the foreign ministers of the member states of the
      // EU": the members' organisation names the group as directly as "i ministri degli Esteri dell'Ue"
      if (gen > 0 && role.group) {
        let k = gen;
        if (lex.determiners.has(this.tokens[k]?.norm ?? '')) k++;
        const members = lex.cues.memberStates.at(this.tokens, k);
        const gen2 = members > 0 ? lex.prepositions.genitive.at(this.tokens, members) : -1;
        if (gen2 > 0) {
          let at = gen2;
          if (lex.determiners.has(this.tokens[at]?.norm ?? '') && this.rec.names.startsAt(this.tokens, at + 1)) at++;
          if (this.rec.names.match(this.tokens, at)?.payload.entry.kind === 'alliance') gen = at;
        }
      }
      if (gen > 0) {
        const g = this.rec.names.match(this.tokens, gen);
        // "the special envoy of US President Donald Trump", "of Spanish Prime Minister X": the state opens another
        // role with its own holder, who is the principal (not the holder of the outer role)
        if (g && g.payload.entry.kind === 'country' && !role.group) {
          const ownAt = this.tokens[g.end]?.norm === "'s" ? g.end + 1 : g.end;
          const ownRole = this.rec.roles.match(this.tokens, ownAt);
          if (ownRole && !ownRole.payload.group && (this.personNameAt(ownRole.end) > 0 || this.rec.names.match(this.tokens, ownRole.end)?.payload.entry.kind === 'leader')) {
            const before = this.out.length;
            this.countryModifier(gen, g.end, g.payload.entry, g.payload.via);
            const r = this.roleNounPhrase(gen, ownRole.end, ownRole.payload, g.payload.entry.iso, ownAt);
            for (const m of this.out.slice(before)) m.modifier = true;
            if (r.mention) principal = r.mention;
            j = r.end;
            continue;
          }
        }
        if (g && g.payload.via !== 'adjective' && (!role.group || g.payload.entry.kind !== 'leader')) {
          const entry = g.payload.entry;
          if (entry.kind === 'country') {
            iso ??= entry.iso;
            isos.push(entry.iso!);
            if (g.payload.via === 'seat') seat = this.tokens.slice(gen, g.end).map((t) => t.text).join(' ');
            this.countryModifier(gen, g.end, entry, g.payload.via);
            j = g.end;
            // "le delegazioni di Russia e Ucraina", "i capi di governo di Italia, Germania e Francia"
            if (role.group) j = this.moreStates(j, isos, { capitals: true, articles: false });
            continue;
          }
          if (entry.kind === 'alliance') { organisation ??= entry.key; this.countryModifier(gen, g.end, entry, g.payload.via); j = g.end; continue; }
          if (entry.kind === 'leader') {
            principal = this.push({ i0: gen, i1: g.end, kind: 'entity', entity: entry.key, entityKind: 'leader', via: g.payload.via, modifier: true });
            this.knowEntry(entry);
            j = g.end;
            continue;
          }
        }
        const local = role.group ? undefined : this.localNames.match(this.tokens, gen);
        if (local) {
          principal = this.push({ i0: gen, i1: local.end, kind: 'entity', entity: local.payload, entityKind: 'leader', via: 'surname', modifier: true });
          j = local.end;
          continue;
        }
        const inner = role.group ? undefined : this.rec.roles.match(this.tokens, gen);
        if (inner && !inner.payload.group) {
          const before = this.out.length;
          const r = this.roleNounPhrase(gen, inner.end, inner.payload, undefined);
          for (const m of this.out.slice(before)) m.modifier = true;
          if (r.mention) principal = r.mention;
          j = r.end;
          continue;
        }
      }
      break;
    }
    // The rest of a title that names no entity: "Minister of State X", "sottosegretaria alle Imprese X",
    // "capo del Consiglio sovrano, il generale X". Taken only when a person's name follows it.
    if (!role.group) {
      const tail = this.titleTail(j);
      // "il portavoce di Gazprom": a spokesperson of something that is neither a state nor one of its institutions
      if (tail > j && this.rec.people.stateRoles.has(role.role) && !iso && !organisation && !principal && !this.institutionIn(j, tail)) companyRole = true;
      if (tail > j && (this.personNameAt(tail) > 0 || this.rec.names.match(this.tokens, tail)?.payload.entry.kind === 'leader'
        || (this.tokens[tail]?.text === ',' && (this.appositiveRoleAt(tail + 1) || (!inApposition && this.closedNameAt(tail + 1))))
        // an apposition's title runs to the apposition's end: "A, titolare dello Sport, B"
        || (inApposition && this.tokens[tail]?.kind === 'punct' && CLOSING.has(this.tokens[tail]!.text)))) j = tail;
    }
    if (principal && !iso) iso = this.countryOf(principal);
    // a rank or title between the role and the name: "Israeli army chief Lt. Gen. Eyal Zamir", "il capo di stato maggiore, generale X"
    if (!role.group) {
      const rankAt = this.tokens[j]?.text === ',' ? j + 1 : j;
      const rank = this.rec.roles.match(this.tokens, rankAt);
      if (rank && !rank.payload.group && !rank.payload.leaderWord && this.personNameAt(rank.end) > 0) j = rank.end;
    }
    // a parenthesised acronym: "il direttore generale dell'Agenzia internazionale per l'energia atomica (Aiea), Rafael Grossi"
    if (this.tokens[j]?.text === '(' && this.tokens[j + 2]?.text === ')') j += 3;

    // "Gazprom spokesman X": a capitalised name the gazetteer does not know before a spokesperson is a company
    if (this.rec.people.stateRoles.has(role.role) && roleStart === start && !iso && !organisation && !principal && this.unknownOwnerBefore(roleStart)) companyRole = true;
    // "il sottosegretario al Tesoro per il terrorismo, John Hurley,": a short complement of the title, then the name
    if (!role.group && !inApposition && this.tokens[j]?.text !== ',' && lex.anyPreposition.has(this.tokens[j]?.norm ?? '')) {
      const comma = this.commaWithin(j + 1, 7);
      if (comma > 0 && this.closedNameAt(comma + 1)) j = comma;
    }
    // The name: right after the role ("il presidente Emmanuel Macron"), or in apposition after a comma. After the
    // comma, a name closed by punctuation is the role's holder even when the role names no state ("il direttore
    // della Cia, Bill Burns, ...", "the former defence minister, Jane Roe."; a spokesperson must name one, see
    // people.json); not inside an apposition, which has its holder before it ("A, titolare dello Sport, B, ...").
    let personStart = j;
    if (this.tokens[j]?.text === ',' && !role.group && (principal || iso || organisation
      || (!inApposition && !this.rec.people.stateRoles.has(role.role) && this.closedNameAt(j + 1)))) personStart = j + 1;
    const known = this.rec.names.match(this.tokens, personStart);
    let mention: Mention | undefined;
    if (companyRole) {
      // no person: scanning resumes at the name, which stays an ordinary capitalised phrase
    } else if (!role.group && known && known.payload.entry.kind === 'leader') {
      const entry = known.payload.entry;
      this.knowEntry(entry);
      mention = this.push({ i0: start, i1: known.end, kind: 'entity', entity: entry.key, entityKind: 'leader', via: known.payload.via, described: !role.leaderWord });
      this.describe(entry.key, role.leaderWord ? undefined : role.role, iso, principal?.entity);
      j = known.end;
    } else if (!role.group) {
      const local = this.localNames.match(this.tokens, personStart);
      const nameEnd = local ? local.end : this.personNameAt(personStart, personStart === j);
      // "(Russian President Vladimir) Putin": an editor's bracket in a quotation splits a known name
      const bracketed = nameEnd > 0 && !local && this.tokens[nameEnd]?.text === ')' ? this.rec.names.match(this.tokens, nameEnd + 1) : undefined;
      if (bracketed && bracketed.payload.entry.kind === 'leader') {
        const entry = bracketed.payload.entry;
        this.knowEntry(entry);
        mention = this.push({ i0: start, i1: bracketed.end, kind: 'entity', entity: entry.key, entityKind: 'leader', via: bracketed.payload.via, described: !role.leaderWord });
        this.describe(entry.key, role.leaderWord ? undefined : role.role, iso, principal?.entity);
        j = bracketed.end;
      } else if (nameEnd > 0 && !local && this.rec.people.formerNotLeaders.has(role.role) && this.formerBefore(roleStart)) {
        // "the former ambassador John Smith": a commentator, not a leader (the scan resumes at the name)
      } else if (nameEnd > 0) {
        const key = local ? local.payload : this.discoverPerson(personStart, nameEnd, role.leaderWord ? undefined : role.role, iso);
        this.describe(key, role.leaderWord ? undefined : role.role, iso, principal?.entity);
        mention = this.push({ i0: start, i1: nameEnd, kind: 'entity', entity: key, entityKind: 'leader', via: 'pattern', described: !role.leaderWord });
        j = nameEnd;
      }
    }
    if (mention) {
      if (personStart > roleEnd && this.tokens[j]?.text === ',') j += 1;
      return { end: this.apposition(mention, j), mention };
    }
    if (role.group) {
      const group = this.push({ i0: start, i1: j, kind: 'group', via: 'group', iso, isos: isos.length > 1 ? [...new Set(isos)] : undefined, role: role.role, entity: organisation });
      return { end: this.groupMembers(group, j), mention: group };
    }
    // "tre ministri: A, titolare dello Sport, B e C": a role before a colon lists its holders
    if (!inApposition && !role.leaderWord && this.tokens[j]?.text === ':') {
      const mark = this.out.length;
      const group = this.push({ i0: start, i1: j, kind: 'group', via: 'group', iso, role: role.role, entity: organisation });
      const end = this.groupMembers(group, j);
      if (group.members?.length) return { end, mention: group };
      this.out.length = mark;
    }
    const described = this.push({ i0: start, i1: j, kind: 'role', via: 'role', iso, role: role.leaderWord ? undefined : role.role, seat });
    if (organisation) described.entity = organisation;
    return { end: j, mention: described };
  }

  /** The text of [i0, i1) when it is a seat of power ("Kremlin"), else undefined. */
  private seatText(i0: number, i1: number): string | undefined {
    const g = this.rec.names.match(this.tokens, i0);
    return g && g.payload.via === 'seat' && g.end === i1 ? this.tokens.slice(i0, i1).map((t) => t.text).join(' ') : undefined;
  }

  /** End of a prepositional title complement of 1–3 words without entities ("of State", "alle Imprese", "del Consiglio sovrano"). */
  private titleTail(j: number): number {
    const lex = this.rec.lex;
    const t = this.tokens[j];
    if (!t || !lex.anyPreposition.has(t.norm)) return j;
    let k = j + 1;
    if (this.tokens[k] && lex.determiners.has(this.tokens[k]!.norm)) k++;
    const first = this.tokens[k];
    if (!first || first.kind !== 'word' || !first.upper || this.rec.names.match(this.tokens, k)) return j;
    let end = k + 1;
    while (end < k + 3 && this.tokens[end]?.kind === 'word' && !this.tokens[end]!.upper && !lex.anyPreposition.has(this.tokens[end]!.norm) && !lex.determiners.has(this.tokens[end]!.norm) && !this.rec.names.match(this.tokens, end)) end++;
    return end;
  }

  /** ", il generale Abdel Fattah al Burhan": a role followed by a name. */
  private appositiveRoleAt(j: number): boolean {
    let k = j;
    if (this.tokens[k] && this.rec.lex.determiners.has(this.tokens[k]!.norm)) k++;
    const role = this.rec.roles.match(this.tokens, k);
    return Boolean(role && !role.payload.group && (this.personNameAt(role.end) > 0 || this.rec.names.match(this.tokens, role.end)?.payload.entry.kind === 'leader'));
  }

  /** Country names (not adjectives) listed from token k: "Francia, Germania e Regno Unito"; recorded as modifiers. */
  private stateList(k: number): { isos: string[]; end: number } | undefined {
    let at = k;
    if (this.rec.lex.determiners.has(this.tokens[at]?.norm ?? '') && this.rec.names.startsAt(this.tokens, at + 1)) at++;
    const g = this.rec.names.match(this.tokens, at);
    if (!g || g.payload.entry.kind !== 'country' || !g.payload.entry.iso || g.payload.via === 'adjective' || g.payload.via === 'capital') return undefined;
    const isos = [g.payload.entry.iso];
    this.countryModifier(at, g.end, g.payload.entry, g.payload.via);
    const end = this.moreStates(g.end, isos, { capitals: false, articles: true });
    return { isos: [...new Set(isos)], end };
  }

  /**
   * The rest of a list of country names after one that ends at token j: ", Germania e Francia", " e di Ucraina",
   * ", and the UK" (`articles`); capitals count when `capitals` ("delegazioni di Mosca e Kiev"). Each is recorded
   * as a modifier and added to `isos`; returns where the list ends.
   */
  private moreStates(j: number, isos: string[], opts: { capitals: boolean; articles: boolean }): number {
    const lex = this.rec.lex;
    for (;;) {
      const sep = this.tokens[j];
      if (!sep || !(sep.text === ',' || lex.coordination.has(sep.norm))) return j;
      let at = sep.text === ',' && lex.coordination.has(this.tokens[j + 1]?.norm ?? '') ? j + 2 : j + 1;
      const gen = lex.prepositions.genitive.at(this.tokens, at);
      if (gen > 0) at = gen;
      if (opts.articles && lex.determiners.has(this.tokens[at]?.norm ?? '') && this.rec.names.startsAt(this.tokens, at + 1)) at++;
      const g = this.rec.names.match(this.tokens, at);
      if (!g || g.payload.entry.kind !== 'country' || !g.payload.entry.iso || g.payload.via === 'adjective' || (!opts.capitals && g.payload.via === 'capital')) return j;
      isos.push(g.payload.entry.iso);
      this.countryModifier(at, g.end, g.payload.entry, g.payload.via);
      j = g.end;
    }
  }

  /** "Russian, Ukrainian and U.S." / "egiziani, qatarioti e turchi": two or more countries in a list. */
  private nationalityList(i: number): { isos: string[]; end: number } | undefined {
    // "In Riyadh, U.S. and Russian delegations": a capital after a locative preposition is where, not who
    const first = this.rec.names.match(this.tokens, i);
    if (first?.payload.via === 'capital' && i > 0 && this.rec.lex.prepositions.locative.at(this.tokens, i - 1) === i) return undefined;
    const mark = this.out.length;
    const isos: string[] = [];
    let j = i;
    for (;;) {
      const n = this.rec.names.match(this.tokens, j);
      if (!n || n.payload.entry.kind !== 'country' || !n.payload.entry.iso) break;
      isos.push(n.payload.entry.iso);
      this.countryModifier(j, n.end, n.payload.entry, n.payload.via);
      j = n.end;
      const sep = this.tokens[j];
      if (!sep || !(sep.text === ',' || this.rec.lex.coordination.has(sep.norm))) break;
      const after = this.tokens[j + 1] && this.rec.lex.coordination.has(this.tokens[j + 1]!.norm) ? j + 2 : j + 1;
      const next = this.rec.names.match(this.tokens, after);
      if (!next || next.payload.entry.kind !== 'country') break;
      j = after;
    }
    if (isos.length < 2) {
      // not a list: undo the modifiers recorded for it (truncating, not filtering: linear in a long sentence)
      this.out.length = mark;
      return undefined;
    }
    return { isos: [...new Set(isos)], end: j };
  }

  private countryOf(m: Mention): string | undefined {
    if (m.entity) {
      const e = this.entities.get(m.entity);
      return e?.countryIso ?? e?.iso;
    }
    return m.iso;
  }

  /** "X, inviato speciale di Trump," — a role in apposition describes X. Returns where scanning resumes. */
  private apposition(person: Mention, end: number): number {
    if (this.tokens[end]?.text !== ',') return end;
    const found = this.appositionRole(end + 1, false);
    if (!found) return end;
    const role = found.role;
    const before = this.out.length;
    // countries named before the role ("scelto dalla Casa Bianca come emissario"; "the US president's envoy")
    for (let k = found.skipFrom; k < found.roleStart;) {
      const g = this.rec.names.match(this.tokens, k);
      if (g && (g.payload.entry.kind === 'country' || g.payload.entry.kind === 'alliance')) { this.countryModifier(k, g.end, g.payload.entry, g.payload.via); k = g.end; } else k++;
    }
    const r = this.roleNounPhrase(found.start, found.roleEnd, found.role, found.iso, found.roleStart, found.organisation, true);
    // "Turkish President X, US President Y, ...": the role has its own holder, so this is a list, not an apposition
    if (r.mention?.kind === 'entity' && r.mention.entityKind === 'leader') {
      this.out.length = before;
      return end;
    }
    const added = this.out.slice(before);
    // The apposition describes `person`: drop the role mention itself, keep its inner mentions as modifiers.
    this.out.splice(before, added.length, ...added.filter((m) => m.kind !== 'role'));
    for (const m of added) m.modifier = true;
    const principal = added.find((m) => m.kind === 'entity' && m.entityKind === 'leader' && m !== r.mention);
    const roleIso = added.find((m) => m.kind === 'role')?.iso ?? added.find((m) => m.entityKind === 'country')?.entity?.slice('country:'.length);
    const iso = roleIso ?? (principal ? this.countryOf(principal) : this.institutionCountryIn(r.end));
    if (!role.leaderWord) person.described = true;
    if (person.entity && !r.mention?.entity) this.describe(person.entity, role.leaderWord ? undefined : role.role, iso, principal?.entity);
    return r.end;
  }

  /**
   * The role of an apposition starting at token k, or undefined: "inviato speciale di Trump", "the former
   * Ruritanian prime minister", "the Treasury's Under Secretary", "the US president's envoy", and a role after a
   * cue inside the apposition ("l'uomo scelto dalla Casa Bianca come emissario", "who serves as the envoy"). A
   * country named before the role is the person's (`iso`); `skipFrom`..`roleStart` may hold further names.
   * Pure: records nothing. `strict`: the apposition is the only evidence that an unknown name is a person, so a
   * role of `stateRoles` (spokesperson) needs a state or organisation in it.
   */
  private appositionRole(k: number, strict: boolean): AppositionRole | undefined {
    const direct = this.rolePhraseAt(k);
    let found = direct;
    if (!found) {
      // a cue within the apposition (bounded: an apposition is short), the role after it
      const people = this.rec.people;
      for (let x = k; x < k + 12 && x < this.tokens.length; x++) {
        const t = this.tokens[x]!;
        if (t.kind === 'punct' && t.text !== "'" && t.text !== '\u2019') break;
        const cue = people.appositionAs.at(this.tokens, x);
        if (cue > 0) { found = this.rolePhraseAt(cue); break; }
      }
      if (found) {
        // a country or seat named on the way gives the person's country: "scelto dalla Casa Bianca come emissario"
        for (let x = k; x < found.start && !found.iso; x++) {
          const g = this.rec.names.match(this.tokens, x);
          if (g && g.payload.entry.kind === 'country' && g.payload.via !== 'adjective') found.iso = g.payload.entry.iso;
        }
        found.skipFrom = k;
      }
    }
    if (!found || found.role.group) return undefined;
    // "..., il leader russo ha detto": after a fronted phrase, a bare leader word with its article is the subject
    // ("..., the head of Mossad" is one: a genitive with a capitalised name follows the leader word)
    if (strict && found.role.leaderWord && found.roleStart > k && !this.capitalisedGenitiveAt(found.roleEnd)) return undefined;
    // "X, a former ambassador now at a think tank": a commentator
    if (strict && this.rec.people.formerNotLeaders.has(found.role.role) && this.formerBefore(found.roleStart)) return undefined;
    if (strict && this.rec.people.stateRoles.has(found.role.role) && !found.iso && !found.organisation && !this.namesStateWithin(found.roleEnd)) return undefined;
    return found;
  }

  /** Is the role starting at token r introduced as a former one ("a former ambassador", "the former US envoy", "l'ex ambasciatore")? */
  private formerBefore(r: number): boolean {
    const people = this.rec.people;
    for (let b = r - 1; b >= 0 && b > r - 5; b--) {
      if (people.formerWords.at(this.tokens, b) === b + 1) return true;
      const t = this.tokens[b]!;
      if (people.roleModifiers.at(this.tokens, b) === b + 1 || this.rec.lex.determiners.has(t.norm)) continue;
      if (this.rec.names.match(this.tokens, b)?.payload.entry.kind === 'country') continue;
      return false;
    }
    return false;
  }

  /**
   * The state of an institution named in the rest of an apposition, from token k to its closing comma: "director
   * of the Asia Bureau at Japan's Foreign Ministry", "the Chinese Foreign Ministry", "al ministero degli Esteri
   * giapponese" — the person works there, so it is their state. A country named alone after the role is not ("the
   * ambassador in Japan": a posting), nor are two different states.
   */
  private institutionCountryIn(k: number): string | undefined {
    const cues = this.rec.lex.cues.institutions;
    let found: string | undefined;
    for (let x = k; x < k + 16 && x < this.tokens.length; x++) {
      const t = this.tokens[x]!;
      if (t.kind === 'punct' && t.text !== "'" && t.text !== '\u2019' && t.text !== "'s" && t.text !== '-') break;
      const end = cues.at(this.tokens, x);
      if (end < 0) continue;
      // the country right before the institution ("Japan's", "the Chinese") or right after it ("of Japan", "giapponese")
      for (let y = Math.max(k, x - 3); y < Math.min(this.tokens.length, end + 3); y++) {
        if (y >= x && y < end) continue;
        const g = this.rec.names.match(this.tokens, y);
        if (!g || g.payload.entry.kind !== 'country' || !g.payload.entry.iso) continue;
        if (y < x && g.end !== x && !(this.tokens[g.end]?.norm === "'s" && g.end + 1 === x)) continue;
        if (found && found !== g.payload.entry.iso) return undefined;
        found = g.payload.entry.iso;
      }
      x = end - 1;
    }
    return found;
  }

  /** Does an institution ("Dipartimento di Stato", "foreign ministry") start within tokens [from, to)? */
  private institutionIn(from: number, to: number): boolean {
    for (let x = from; x < to; x++) if (this.rec.lex.cues.institutions.at(this.tokens, x) > 0) return true;
    return false;
  }

  /** Is the word before token i a capitalised name the gazetteer does not know, not opening the sentence ("Gazprom spokesman")? */
  private unknownOwnerBefore(i: number): boolean {
    const t = i > 0 ? this.tokens[i - 1] : undefined;
    if (!t || t.kind !== 'word' || !t.upper || this.rec.notName.has(t.norm)) return false;
    if (this.rec.stopwords.has(t.norm) && this.isSentenceStart(i - 1)) return false; // "The spokesman ..." 
    if (this.rec.lex.cues.institutions.endsAt(this.tokens, i) >= 0) return false;
    // a gazetteer name ending there ("Kremlin", "Hamas") was read before the role; here only unknown words remain
    for (let s = i - 1; s >= Math.max(0, i - 4); s--) if (this.rec.names.match(this.tokens, s)?.end === i) return false;
    return true;
  }

  /** "of Mossad", "di Hamas", "of the Mossad": a genitive with a capitalised word at k. */
  private capitalisedGenitiveAt(k: number): boolean {
    const lex = this.rec.lex;
    let g = lex.prepositions.genitive.at(this.tokens, k);
    if (g < 0) return false;
    if (this.tokens[g] && lex.determiners.has(this.tokens[g]!.norm)) g++;
    return Boolean(this.tokens[g]?.upper);
  }

  /** The first comma in tokens [from, from + n), or -1 when other punctuation or the sentence's end comes first. */
  private commaWithin(from: number, n: number): number {
    for (let x = from; x < from + n && x < this.tokens.length; x++) {
      const t = this.tokens[x]!;
      if (t.kind === 'punct') return t.text === ',' ? x : -1;
    }
    return -1;
  }

  /** Does a country or organisation follow within the rest of the clause (up to 8 tokens, stopping at a comma)? */
  private namesStateWithin(from: number): boolean {
    for (let x = from; x < from + 8 && x < this.tokens.length; x++) {
      if (this.tokens[x]!.text === ',') return false;
      const kind = this.rec.names.match(this.tokens, x)?.payload.entry.kind;
      if (kind === 'country' || kind === 'alliance') return true;
    }
    return false;
  }

  /**
   * A role noun phrase starting at k, as it opens an apposition: [determiner] [modifiers] then a role, a country
   * and a role ("the US Under Secretary", "Oman's Foreign Minister"), or a possessor and a role ("the Treasury's
   * Under Secretary", "the US president's envoy": the envoy is the head, the president names the country).
   */
  private rolePhraseAt(k: number): AppositionRole | undefined {
    const lex = this.rec.lex;
    const people = this.rec.people;
    let p = k;
    if (this.tokens[p] && lex.determiners.has(this.tokens[p]!.norm)) p++;
    // "former", "deputy": skipped unless they start a role themselves ("deputy foreign minister")
    for (let m = people.roleModifiers.at(this.tokens, p); m > 0 && p < k + 5 && !this.rec.roles.match(this.tokens, p); m = people.roleModifiers.at(this.tokens, p)) p = m;
    let iso: string | undefined;
    let organisation: string | undefined;
    const g = this.rec.names.match(this.tokens, p);
    if (g && (g.payload.entry.kind === 'country' || (g.payload.entry.kind === 'alliance' && g.payload.via !== 'adjective'))) {
      if (g.payload.entry.kind === 'country') iso = g.payload.entry.iso; else organisation = g.payload.entry.key;
      p = g.end;
    }
    // "the Treasury's", "Oman's", "the president's": a possessor, then (capitalised words of the title and) the role
    let role = this.rec.roles.match(this.tokens, p);
    if (!role || this.tokens[role.end]?.norm === "'s") {
      let q = role ? role.end : p;
      if (!role) while (q < p + 3 && this.tokens[q]?.upper && this.tokens[q]!.kind === 'word') q++;
      // "the country's foreign minister", "the bloc's top diplomat": a common noun as possessor, after an article
      if (!role && q === p && p > k && this.tokens[p]?.kind === 'word' && this.tokens[p + 1]?.norm === "'s") q = p + 1;
      if (this.tokens[q]?.norm !== "'s" || (q === p && !role && !iso && !organisation)) return role && !role.payload.group ? { start: k, roleStart: p, roleEnd: role.end, role: role.payload, iso, organisation, skipFrom: k } : undefined;
      q++;
      for (let m = people.roleModifiers.at(this.tokens, q); m > 0 && !this.rec.roles.match(this.tokens, q); m = people.roleModifiers.at(this.tokens, q)) q = m;
      const start = q;
      for (let c = 0; c < 3 && this.tokens[q]?.upper && !this.rec.roles.match(this.tokens, q); c++) q++;
      const head = this.rec.roles.match(this.tokens, q);
      if (!head) return undefined;
      return { start: k, roleStart: Math.min(start, q), roleEnd: head.end, role: head.payload, iso, organisation, skipFrom: k };
    }
    return { start: k, roleStart: p, roleEnd: role.end, role: role.payload, iso, organisation, skipFrom: k };
  }

  /** A person's name of two words or more at k, closed by punctuation or the sentence's end ("..., Mario Rossi, ..."). */
  private closedNameAt(k: number): boolean {
    const known = this.rec.names.match(this.tokens, k);
    const end = known && known.payload.entry.kind === 'leader' ? known.end : this.personNameAt(k);
    if (end < 0) return false;
    const t = this.tokens[end];
    return !t || (t.kind === 'punct' && CLOSING.has(t.text));
  }

  /** "i negoziatori americani, tra cui Steve Witkoff": named members of a group. */
  private groupMembers(group: Mention, end: number): number {
    let j = end;
    if (this.tokens[j]?.text === ',') j++;
    const cue = this.rec.lex.cues.members.at(this.tokens, j);
    if (cue < 0) return end;
    j = cue;
    const members: Mention[] = [];
    for (let guard = 0; guard < 6; guard++) {
      const before = this.out.length;
      const known = this.rec.names.match(this.tokens, j);
      let m: Mention | undefined;
      if (known && known.payload.entry.kind === 'leader') {
        this.knowEntry(known.payload.entry);
        m = this.push({ i0: j, i1: known.end, kind: 'entity', entity: known.payload.entry.key, entityKind: 'leader', via: known.payload.via });
        j = this.apposition(m, known.end);
      } else {
        const role = this.rec.roles.match(this.tokens, j);
        if (role && !role.payload.group) {
          const r = this.roleNounPhrase(j, role.end, role.payload, undefined);
          m = r.mention?.kind === 'entity' ? r.mention : undefined;
          j = r.end;
        } else {
          const nameEnd = this.personNameAt(j);
          if (nameEnd > 0) {
            const key = this.discoverPerson(j, nameEnd, group.role, group.iso);
            m = this.push({ i0: j, i1: nameEnd, kind: 'entity', entity: key, entityKind: 'leader', via: 'pattern' });
            j = this.apposition(m, nameEnd);
          }
        }
      }
      if (!m) { this.out.length = Math.max(before, this.out.length); break; }
      if (m.entity) this.describe(m.entity, group.role, group.iso);
      members.push(m);
      const sep = this.tokens[j];
      if (sep && (sep.text === ',' || this.rec.lex.coordination.has(sep.norm))) {
        const after = this.tokens[j + 1];
        if (after && (after.upper || this.rec.roles.match(this.tokens, j + 1))) { j++; if (this.rec.lex.coordination.has(this.tokens[j]?.norm ?? '')) j++; continue; }
        // "B, responsabile dell'Università, e C": an apposition the role lexicon does not know, then the next member
        const next = sep.text === ',' ? this.afterUnknownApposition(j + 1) : -1;
        if (next > 0) { j = next; continue; }
      }
      break;
    }
    if (members.length) {
      group.members = members;
      group.i1 = Math.max(group.i1, members[members.length - 1]!.i1);
      for (const m of members) m.modifier = true;
    }
    return j;
  }

  /**
   * In a list of members, the next member's start after an apposition of lower-case words starting at k and closed
   * by a comma (and a coordination), or -1. Bounded: an apposition is a few words.
   */
  private afterUnknownApposition(k: number): number {
    if (this.tokens[k]?.upper !== false) return -1;
    for (let x = k + 1; x < k + 9 && x < this.tokens.length; x++) {
      const t = this.tokens[x]!;
      if (t.kind !== 'punct') continue;
      if (t.text !== ',') return -1;
      const y = this.rec.lex.coordination.has(this.tokens[x + 1]?.norm ?? '') ? x + 2 : x + 1;
      return this.personNameAt(y) > 0 || this.rec.names.match(this.tokens, y)?.payload.entry.kind === 'leader' ? y : -1;
    }
    return -1;
  }

  /** "la sua controparte francese", "il suo omologo russo", "his French counterpart". */
  private counterpartAt(i: number): number | undefined {
    const lex = this.rec.lex;
    let j = i;
    let iso: string | undefined;
    const pre = this.rec.names.match(this.tokens, j);
    if (pre && pre.payload.via === 'adjective' && pre.payload.entry.kind === 'country') {
      // English: "his French counterpart"
      const after = lex.cues.counterpart.at(this.tokens, pre.end);
      if (after < 0) return undefined;
      iso = pre.payload.entry.iso;
      this.countryModifier(j, pre.end, pre.payload.entry, 'adjective');
      this.push({ i0: i, i1: after, kind: 'role', via: 'role', iso, counterpart: true });
      return after;
    }
    const end = lex.cues.counterpart.at(this.tokens, j);
    if (end < 0) return undefined;
    j = end;
    const adj = this.rec.names.match(this.tokens, j);
    if (adj && adj.payload.via === 'adjective' && adj.payload.entry.kind === 'country') {
      iso = adj.payload.entry.iso;
      this.countryModifier(j, adj.end, adj.payload.entry, 'adjective');
      j = adj.end;
    }
    const name = this.rec.names.match(this.tokens, j);
    if (name && name.payload.entry.kind === 'leader') {
      this.knowEntry(name.payload.entry);
      this.push({ i0: i, i1: name.end, kind: 'entity', entity: name.payload.entry.key, entityKind: 'leader', via: name.payload.via });
      return name.end;
    }
    // "la sua omologa Shabana Mahmood": a person the gazetteer does not know
    const local = this.localNames.match(this.tokens, j);
    const nameEnd = local ? local.end : this.personNameAt(j);
    if (nameEnd > 0) {
      const key = local ? local.payload : this.discoverPerson(j, nameEnd, undefined, iso);
      this.push({ i0: i, i1: nameEnd, kind: 'entity', entity: key, entityKind: 'leader', via: 'pattern' });
      return nameEnd;
    }
    this.push({ i0: i, i1: j, kind: 'role', via: 'role', iso, counterpart: true });
    return j;
  }
}
