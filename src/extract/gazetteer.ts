// The gazetteer: every country, alliance, known leader and place the extractor can name, with all the
// surface forms (names, acronyms, adjectives, capitals, seats of power, surnames) that refer to each.
//
// Country names and codes come from the world-countries package (English common/official names and the
// Italian translation); data/gazetteer/countries.json only adds what that package lacks (short forms,
// adjectives in every gender and number, capitals in both languages, seats of power). Alliances, leaders
// and places are plain data files. This module only reads, validates and normalises them.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

// world-countries is a CommonJS package whose typings declare an ES default export; under NodeNext the
// default import is typed as the module namespace, so the JSON is required directly and typed here.
const worldCountries = createRequire(import.meta.url)('world-countries/countries.json') as readonly Country[];

/** The world-countries records (names, codes, Italian translations) the gazetteer is built on. */
export function worldCountryList(): readonly Country[] {
  return worldCountries;
}

export type GazetteerKind = 'country' | 'alliance' | 'group' | 'leader' | 'place';
export type NameVia = 'name' | 'acronym' | 'adjective' | 'prefix' | 'capital' | 'seat' | 'alias' | 'surname';
export type NameLang = 'it' | 'en' | '*';

export interface NameForm {
  form: string;
  via: NameVia;
  lang: NameLang;
  caseSensitive: boolean;
}

export interface GazetteerEntry {
  /** Node key: country:FRA, alliance:nato, leader:emmanuel-macron, place:paris. */
  key: string;
  kind: GazetteerKind;
  /** English canonical name (countries: world-countries English common name, with a few overrides). */
  label: string;
  wikidata?: string;
  /** country: ISO 3166-1 alpha-3 (world-countries code; Kosovo is UNK there). */
  iso?: string;
  /** leaders and places: ISO alpha-3 of their country. */
  country?: string;
  /** leaders of organisations: the alliance key. */
  organisation?: string;
  /** leaders: English role. */
  role?: string;
  /** The name is also a common word, a person's or a US state's name: match it with care. */
  ambiguous?: boolean;
  /** Every surface form that refers to the entry, each once. */
  names: NameForm[];
}

export interface Gazetteer {
  entries: ReadonlyMap<string, GazetteerEntry>;
  countryByIso(iso: string): GazetteerEntry | undefined;
}

// ---- file shapes ------------------------------------------------------------------------------------

type LangLists = { it?: string[]; en?: string[]; '*'?: string[] };

interface CountryData {
  label?: string;
  wikidata?: string;
  names?: LangLists;
  adjectives?: LangLists;
  prefixes?: LangLists;
  capitals?: LangLists;
  seats?: LangLists;
  ambiguous?: boolean;
  /** Forms that are also common lower-case words ("Usa", "Mali", "Malta"): matched only as written. */
  caseSensitive?: string[];
}

interface AllianceData {
  key: string;
  label: string;
  wikidata?: string;
  names: LangLists;
  seats?: LangLists;
  caseSensitive?: string[];
}

interface LeaderData {
  name: string;
  aliases?: string[];
  role: string;
  country?: string;
  organisation?: string;
  wikidata?: string;
  /** Overrides the last token of the name as surname; null when the surname alone names nobody
   *  ("Charles III", "Mohammed bin Salman", Chinese and Korean names). */
  surname?: string | null;
  ambiguous?: boolean;
  caseSensitive?: string[];
}

interface PlaceData {
  key: string;
  label: string;
  country: string;
  wikidata?: string;
  names: LangLists;
  ambiguous?: boolean;
  caseSensitive?: string[];
}

// ---- helpers ----------------------------------------------------------------------------------------

const slugs = new Map<string, string>();

/** "Volodymyr Zelensky" -> "volodymyr-zelensky": NFD, accents stripped, lower case, runs of non-alnum -> '-'. */
export function slugify(name: string): string {
  // Remembered: meeting keys slugify the same few hundred labels over and over, and the chain of normalize and
  // four regex replacements is costly. Bounded, like any memo fed by article text.
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugifyNow(name);
    if (slugs.size > 100_000) slugs.clear();
    slugs.set(name, slug);
  }
  return slug;
}

function slugifyNow(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Acronyms ("USA", "U.S.", "UE", "G7", "OPEC+") are all upper case: matched case-sensitively so that
 *  "UN" never matches the Italian article "un" nor "US" the English pronoun. */
export function isAcronym(form: string): boolean {
  const letters = form.replace(/[^\p{L}]/gu, '');
  return letters.length >= 1 && form.replace(/[\s.+\-]/g, '').length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

const LANGS: readonly NameLang[] = ['*', 'it', 'en'];

const ARABIC_ARTICLE = /(^|\s)([Aa]l|[Ee]l)(?:-|\s+)(\p{Lu}[\p{L}'’]*)/u;

/**
 * The spellings feeds use for a name with the Arabic article: "al-Sharaa", "al Sharaa", "Al Sharaa" and
 * "Alsharaa"; "Badr al-Busaidi", "Badr Al Busaidi", "Badr Albusaidi". Case is folded when names are matched, so
 * the three shapes (hyphen, space, joined) cover the capitalisations. Only the first article of a name varies:
 * enough for the names the press writes, and no combinatorial growth.
 */
export function arabicArticleVariants(name: string): string[] {
  const m = ARABIC_ARTICLE.exec(name);
  if (!m) return [];
  const [whole, lead, article, word] = m as unknown as [string, string, string, string];
  const before = name.slice(0, m.index) + lead;
  const after = name.slice(m.index + whole.length);
  const joined = `${article[0]!.toUpperCase()}${article.slice(1)}${word.toLowerCase()}`;
  return [`${before}${article}-${word}${after}`, `${before}${article} ${word}${after}`, `${before}${joined}${after}`].filter((v) => v !== name);
}

class FormSet {
  private readonly byKey = new Map<string, NameForm>();
  constructor(private readonly caseSensitiveForms: ReadonlySet<string>) {}

  add(form: string, via: NameVia, lang: NameLang): void {
    const text = form.trim();
    if (!text) return;
    const acronym = isAcronym(text);
    const caseSensitive = acronym || this.caseSensitiveForms.has(text);
    const finalVia: NameVia = acronym && via === 'name' ? 'acronym' : via;
    // One form per entry: case-insensitive forms compare lower-cased; the first via wins, and the
    // same form in both languages becomes '*'.
    // An adjective that spells like the name ("ucraina", "Ucraina") stays too: the name must be
    // capitalised, the adjective ("le delegazioni russa e ucraina") need not be.
    const kind = via === 'adjective' || via === 'prefix' ? 'a' : 'n';
    const k = caseSensitive ? `=${text}` : `~${kind}${text.toLowerCase()}`;
    const prev = this.byKey.get(k);
    if (prev) {
      if (prev.lang !== lang) prev.lang = '*';
      return;
    }
    this.byKey.set(k, { form: text, via: finalVia, lang, caseSensitive });
  }

  addLists(lists: LangLists | undefined, via: NameVia): void {
    if (!lists) return;
    for (const lang of LANGS) for (const f of lists[lang] ?? []) this.add(f, via, lang);
  }

  list(): NameForm[] {
    return [...this.byKey.values()];
  }
}

class DataError extends Error {}

function fail(file: string, entry: string, msg: string): never {
  throw new DataError(`${file}: ${entry}: ${msg}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkStrings(file: string, entry: string, field: string, v: unknown): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(file, entry, `${field} must be an array of strings`);
}

function checkLangLists(file: string, entry: string, field: string, v: unknown, required = false): void {
  if (v === undefined && !required) return;
  if (!isObject(v)) fail(file, entry, `${field} must be an object of language -> strings`);
  for (const [lang, list] of Object.entries(v)) {
    if (!(LANGS as readonly string[]).includes(lang)) fail(file, entry, `${field} has unknown language "${lang}"`);
    checkStrings(file, entry, `${field}.${lang}`, list);
  }
}

function checkQid(file: string, entry: string, v: unknown): void {
  if (v !== undefined && (typeof v !== 'string' || !/^Q\d+$/.test(v))) fail(file, entry, `bad wikidata QID ${String(v)}`);
}

// ---- loading ----------------------------------------------------------------------------------------

const DATA_DIR = new URL('../../data/gazetteer/', import.meta.url);

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, DATA_DIR), 'utf8')) as unknown;
}

function countryEntries(raw: unknown, wc: ReadonlyMap<string, Country>, out: GazetteerEntry[]): void {
  const file = 'countries.json';
  if (!isObject(raw)) fail(file, '(root)', 'must be an object keyed by ISO alpha-3');
  for (const [iso, value] of Object.entries(raw)) {
    const c = wc.get(iso);
    if (!c) fail(file, iso, 'unknown ISO alpha-3 code (not in world-countries)');
    if (!isObject(value)) fail(file, iso, 'must be an object');
    for (const f of ['names', 'adjectives', 'prefixes', 'capitals', 'seats'] as const) checkLangLists(file, iso, f, value[f]);
    checkStrings(file, iso, 'caseSensitive', value.caseSensitive);
    checkQid(file, iso, value.wikidata);
    const d = value as CountryData;
    const forms = new FormSet(new Set(d.caseSensitive ?? []));
    forms.add(c.name.common, 'name', 'en');
    forms.add(c.name.official, 'name', 'en');
    const ita = c.translations['ita'];
    if (ita) {
      forms.add(ita.common, 'name', 'it');
      forms.add(ita.official, 'name', 'it');
    }
    forms.addLists(d.names, 'name');
    forms.addLists(d.adjectives, 'adjective');
    forms.addLists(d.prefixes, 'prefix');
    forms.addLists(d.capitals, 'capital');
    forms.addLists(d.seats, 'seat');
    const entry: GazetteerEntry = { key: `country:${iso}`, kind: 'country', label: d.label ?? c.name.common, iso, names: forms.list() };
    if (d.wikidata) entry.wikidata = d.wikidata;
    if (d.ambiguous) entry.ambiguous = true;
    out.push(entry);

    // The capital is also a place of its own: "a Parigi" is where a meeting is held.
    const en = d.capitals?.en ?? [];
    const label = en[0] ?? d.capitals?.it?.[0];
    if (label) {
      const place = new FormSet(new Set(d.caseSensitive ?? []));
      place.addLists(d.capitals, 'name');
      out.push({ key: `place:${slugify(label)}`, kind: 'place', label, country: iso, names: place.list() });
    }
  }
}

/** Alliances and organisations (alliances.json), and non-state armed or political groups (groups.json): same shape. */
function allianceEntries(raw: unknown, out: GazetteerEntry[], kind: 'alliance' | 'group' = 'alliance'): void {
  const file = kind === 'alliance' ? 'alliances.json' : 'groups.json';
  if (!Array.isArray(raw)) fail(file, '(root)', 'must be an array');
  raw.forEach((value: unknown, i) => {
    const id = isObject(value) && typeof value.key === 'string' ? value.key : `#${i}`;
    if (!isObject(value)) fail(file, id, 'must be an object');
    if (typeof value.key !== 'string' || !new RegExp(`^${kind}:[a-z0-9-]+$`).test(value.key)) fail(file, id, `key must be ${kind}:<slug>`);
    if (typeof value.label !== 'string' || !value.label) fail(file, id, 'label missing');
    checkLangLists(file, id, 'names', value.names, true);
    checkLangLists(file, id, 'seats', value.seats);
    checkStrings(file, id, 'caseSensitive', value.caseSensitive);
    checkQid(file, id, value.wikidata);
    const d = value as unknown as AllianceData;
    const forms = new FormSet(new Set(d.caseSensitive ?? []));
    forms.add(d.label, 'name', '*');
    forms.addLists(d.names, 'name');
    forms.addLists(d.seats, 'seat');
    const entry: GazetteerEntry = { key: d.key, kind, label: d.label, names: forms.list() };
    if (d.wikidata) entry.wikidata = d.wikidata;
    out.push(entry);
  });
}

function leaderEntries(raw: unknown, isos: ReadonlySet<string>, alliances: ReadonlySet<string>, out: GazetteerEntry[]): void {
  const file = 'leaders.json';
  if (!Array.isArray(raw)) fail(file, '(root)', 'must be an array');
  raw.forEach((value: unknown, i) => {
    const id = isObject(value) && typeof value.name === 'string' ? value.name : `#${i}`;
    if (!isObject(value)) fail(file, id, 'must be an object');
    if (typeof value.name !== 'string' || !value.name.trim()) fail(file, id, 'name missing');
    if (typeof value.role !== 'string' || !value.role) fail(file, id, 'role missing');
    checkStrings(file, id, 'aliases', value.aliases);
    checkStrings(file, id, 'caseSensitive', value.caseSensitive);
    checkQid(file, id, value.wikidata);
    if (value.surname !== undefined && value.surname !== null && typeof value.surname !== 'string') fail(file, id, 'surname must be a string or null');
    const d = value as unknown as LeaderData;
    if (d.country === undefined && d.organisation === undefined) fail(file, id, 'needs a country or an organisation');
    if (d.country !== undefined && !isos.has(d.country)) fail(file, id, `unknown country ISO "${d.country}"`);
    if (d.organisation !== undefined && !alliances.has(d.organisation)) fail(file, id, `unknown organisation "${d.organisation}"`);
    const forms = new FormSet(new Set(d.caseSensitive ?? []));
    forms.add(d.name, 'name', '*');
    const surname = d.surname === undefined ? d.name.trim().split(/\s+/).pop() : d.surname;
    if (surname && surname !== d.name) forms.add(surname, 'surname', '*');
    for (const a of d.aliases ?? []) forms.add(a, 'alias', '*');
    for (const n of [d.name, ...(d.aliases ?? [])]) for (const v of arabicArticleVariants(n)) forms.add(v, 'alias', '*');
    const entry: GazetteerEntry = { key: `leader:${slugify(d.name)}`, kind: 'leader', label: d.name, role: d.role, names: forms.list() };
    if (d.country) entry.country = d.country;
    if (d.organisation) entry.organisation = d.organisation;
    if (d.wikidata) entry.wikidata = d.wikidata;
    if (d.ambiguous) entry.ambiguous = true;
    out.push(entry);
  });
}

function placeEntries(raw: unknown, isos: ReadonlySet<string>, out: GazetteerEntry[]): void {
  const file = 'places.json';
  if (!Array.isArray(raw)) fail(file, '(root)', 'must be an array');
  raw.forEach((value: unknown, i) => {
    const id = isObject(value) && typeof value.key === 'string' ? value.key : `#${i}`;
    if (!isObject(value)) fail(file, id, 'must be an object');
    if (typeof value.key !== 'string' || !/^place:[a-z0-9-]+$/.test(value.key)) fail(file, id, 'key must be place:<slug>');
    if (typeof value.label !== 'string' || !value.label) fail(file, id, 'label missing');
    if (typeof value.country !== 'string' || !isos.has(value.country)) fail(file, id, `unknown country ISO "${String(value.country)}"`);
    checkLangLists(file, id, 'names', value.names, true);
    checkStrings(file, id, 'caseSensitive', value.caseSensitive);
    checkQid(file, id, value.wikidata);
    const d = value as unknown as PlaceData;
    const forms = new FormSet(new Set(d.caseSensitive ?? []));
    forms.add(d.label, 'name', '*');
    forms.addLists(d.names, 'name');
    const entry: GazetteerEntry = { key: d.key, kind: 'place', label: d.label, country: d.country, names: forms.list() };
    if (d.wikidata) entry.wikidata = d.wikidata;
    if (d.ambiguous) entry.ambiguous = true;
    out.push(entry);
  });
}

/** Raw JSON documents, so tests can feed broken data to the validator. */
export interface GazetteerSources {
  countries: unknown;
  alliances: unknown;
  /** Optional: non-state groups (Hamas, Hezbollah ...). */
  groups?: unknown;
  leaders: unknown;
  places: unknown;
}

/** Builds the gazetteer from parsed JSON; throws with the file and entry named on invalid data. */
export function buildGazetteer(src: GazetteerSources): Gazetteer {
  const wc = new Map<string, Country>(worldCountries.map((c) => [c.cca3, c]));
  const list: GazetteerEntry[] = [];
  countryEntries(src.countries, wc, list);
  const isos = new Set(list.filter((e) => e.kind === 'country').map((e) => e.iso!));
  allianceEntries(src.alliances, list);
  if (src.groups !== undefined) allianceEntries(src.groups, list, 'group');
  const alliances = new Set(list.filter((e) => e.kind === 'alliance').map((e) => e.key));
  leaderEntries(src.leaders, isos, alliances, list);
  placeEntries(src.places, isos, list);

  const entries = new Map<string, GazetteerEntry>();
  for (const e of list) {
    if (entries.has(e.key)) throw new DataError(`gazetteer: duplicate key ${e.key} (${entries.get(e.key)!.label} / ${e.label})`);
    entries.set(e.key, sameShape(e));
  }
  // Answers by the code as asked (a few hundred codes at most): every leader and place node asks for its country,
  // and building the key string each time was a measurable cost.
  const byIso = new Map<string, GazetteerEntry | undefined>();
  return {
    entries,
    countryByIso: (iso: string) => {
      if (byIso.has(iso)) return byIso.get(iso);
      const e = entries.get(`country:${iso.toUpperCase()}`);
      const country = e?.kind === 'country' ? e : undefined;
      if (byIso.size < 10_000) byIso.set(iso, country);
      return country;
    },
  };
}

/**
 * The entry with every optional field present (undefined when absent), always in one order. Entries built with
 * different optional fields have different hidden classes in V8, and the extractor's reads of `entry.kind` or
 * `entry.key` then met so many that they fell back to a slow generic lookup (measured with perf).
 */
function sameShape(e: GazetteerEntry): GazetteerEntry {
  return {
    key: e.key, kind: e.kind, label: e.label, wikidata: e.wikidata, iso: e.iso, country: e.country,
    organisation: e.organisation, role: e.role, ambiguous: e.ambiguous, names: e.names,
  };
}

let cached: Gazetteer | undefined;

/** The gazetteer from data/gazetteer/*.json, read once. */
export function loadGazetteer(): Gazetteer {
  cached ??= buildGazetteer({
    countries: readJson('countries.json'),
    alliances: readJson('alliances.json'),
    groups: readJson('groups.json'),
    leaders: readJson('leaders.json'),
    places: readJson('places.json'),
  });
  return cached;
}
