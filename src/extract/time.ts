// Temporal expressions of one sentence, resolved against the article's date.
// Vocabulary (months, weekdays, number words, relative words) is data: data/lang/LANG/time.json.
//
// Matching is greedy left to right over the sentence's tokens: at each token every rule is tried, the longest
// match wins, and matching resumes after it, so mentions never overlap. Rules are anchored at their first token
// and may look back for a preposition ("a gennaio", "nel 2025") that is not part of the mention.
//
// Values (ISO): day 2026-03-13, month 2026-01, year 2026, week and range 2026-03-16/2026-03-22 (weeks run
// Monday to Sunday). Relation: 'absolute' when the expression names the calendar (24 febbraio, in January 2025,
// nel 2025, 2026-03-13), even when the year is inferred; 'past' / 'present' / 'future' for deictic expressions
// (ieri, next week, due giorni fa) and for calendar names with a direction word (il 3 marzo scorso, last January).
//
// Resolution rules without an explicit year (documented here because they are choices):
//   - day and month (il 24 febbraio): with a `tense` hint, a past sentence never points after the article date
//     (→ previous year) and a future one never before it (→ next year); without one, the reading nearest the
//     article date (within half a year: "il 2 gennaio" written on 28 December is the coming one); "scorso"/"last"
//     and "prossimo"/"next" force the most recent date before / the first after the article date.
//   - month alone (a gennaio): tense past → the latest such month not after the article's month; tense future →
//     the first not before it; no tense → the nearest (at most six months away); scorso/last and prossimo/next:
//     strictly before / after.
//   - bare weekday (lunedì): the article's own weekday → the article date; past tense → the latest such day
//     strictly before the article date; future tense → the first one strictly after it; no tense → the nearer.
//     "lunedì prossimo"/"next Monday" → first strictly after; "lunedì scorso"/"last Monday" → latest strictly before.
//   - ordinal day alone (EN "the 24th"): the article's month, moved by the same tense rule.
//   - counts (tra due giorni, two weeks ago): shift by N units; weeks give the Monday–Sunday week of the shifted day.
// Without an article date, relative expressions keep value undefined; absolute ones with a year still resolve.
import { readFileSync } from 'node:fs';
import { tokenize } from '../read/tokenize.js';
import { norm as normOf } from '../read/normalise.js';
import { WordMap } from './phrase-index.js';
import type { Lang, Sentence, Token } from '../read/types.js';
import { charCodeAt } from '../read/strings.js';

export type TimeGrain = 'day' | 'week' | 'month' | 'year' | 'range';
export type TimeRelation = 'past' | 'present' | 'future' | 'absolute';
export type TenseHint = 'past' | 'present' | 'future';
type Unit = 'day' | 'week' | 'month' | 'year';

export interface TimeMention {
  /** Offsets into the article text (like tokens). */
  start: number;
  end: number;
  text: string;
  value?: string;
  grain: TimeGrain;
  relation: TimeRelation;
}

// ---------------------------------------------------------------- data

interface TimeFile {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  numbers: Record<string, number>;
  dayOrdinals?: Record<string, number>;
  units: Record<Unit, string[]>;
  days: Record<string, number>;
  next: string[];
  last: string[];
  this: string[];
  articles: string[];
  monthPrepositions: string[];
  yearPrepositions: string[];
  futureIn: string[];
  agoAfter: string[];
  periodPhrases: Record<string, [Unit, number, TenseHint]>;
}

type Phrase = string[];

interface TimeData {
  months: Map<string, number>;
  weekdays: Map<string, number>;
  /** Number words (due, a couple of) by first word, longest first (see byFirstWord). */
  numbersByFirst: Map<string, Array<[Phrase, number]>>;
  dayOrdinals: Map<string, number>;
  unitOf: Map<string, Unit>;
  singularUnit: Map<string, Unit>;
  days: Array<[Phrase, number]>;
  /** `days` by first word, in list order (see byFirstWord). */
  daysByFirst: Map<string, Array<[Phrase, number]>>;
  next: Set<string>;
  last: Set<string>;
  this: Set<string>;
  articles: Set<string>;
  monthPreps: Phrase[];
  yearPreps: Phrase[];
  futureIn: Phrase[];
  agoAfter: Phrase[];
  periods: Array<[Phrase, Unit, number, TenseHint]>;
  /** `periods` by first word, in list order. */
  periodsByFirst: Map<string, Array<[Phrase, Unit, number, TenseHint]>>;
  /** English month names count only when capitalised (May, March are also ordinary words). */
  monthNeedsCapital: boolean;
}

/** A data phrase as token norms. Words ending in an apostrophe (quest', nell') stay whole, as the tokenizer does. */
function phrase(p: string): Phrase {
  return p
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => (w.endsWith("'") || w.endsWith('\u2019') ? [normOf(w)] : tokenize(w).map((t) => t.norm)));
}

/**
 * Entries of a phrase list grouped by first word, keeping list order: a rule tries only the phrases that can
 * start at token i instead of the whole list at every candidate token. Empty phrases are left out: they only
 * ever gave empty matches, which findTimeExpressions discards.
 */
function byFirstWord<E extends [Phrase, ...unknown[]]>(list: readonly E[]): Map<string, E[]> {
  const out = new Map<string, E[]>();
  for (const e of list) {
    const first = e[0][0];
    if (first === undefined) continue;
    const group = out.get(first);
    if (group) group.push(e);
    else out.set(first, [e]);
  }
  return out;
}

const cache = new Map<Lang, TimeData>();

/** How a word may open a time expression (see canStart). */
const STRONG_START = 2;
const WEAK_START = 1;
type StartClass = typeof STRONG_START | typeof WEAK_START;

const starterCache = new Map<Lang, WordMap<StartClass>>();

/**
 * Every word of data/lang/LANG/time.json (and each word of its phrases), folded like tokens, with its StartClass.
 * A WordMap rather than a Set of strings: it is asked about every token, and reads the sentence's word ids,
 * which the phrase indexes have already computed.
 */
function startWords(lang: Lang): WordMap<StartClass> {
  const cached = starterCache.get(lang);
  if (cached) return cached;
  const set = new Set<string>();
  const raw = JSON.parse(readFileSync(new URL(`../../data/lang/${lang}/time.json`, import.meta.url), 'utf8')) as unknown;
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const t of tokenize(v)) set!.add(t.norm);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { for (const t of tokenize(k)) set!.add(t.norm); walk(x); }
  };
  walk(raw);
  const classes = new WordMap<StartClass>();
  for (const w of set) classes.set(w, WEAK.has(w) ? WEAK_START : STRONG_START);
  starterCache.set(lang, classes);
  return classes;
}

/** Function words of the time data that start an expression only with a time word after them. A speed
 *  shortcut, not linguistics: without it every article and preposition tries all rules. */
const WEAK = new Set(['il', 'lo', 'la', "l'", 'i', 'gli', 'le', 'un', 'una', 'the', 'a', 'an', 'on', 'in', 'at', 'al', 'dal', 'nel', 'nella', 'di', 'del', 'della', 'of', 'by', 'tra', 'fra', 'entro', 'per', 'da', 'dalla', 'dall\'', 'to', 'from', 'until', 'till', 'e', 'and', 'this', 'next', 'last', 'early', 'late', 'earlier', 'later', 'questo', 'questa', 'prossimo', 'prossima', 'scorso', 'scorsa', 'fine', 'inizio', 'metà', 'end', 'mid']);

/** Does s start with an ASCII digit? A cheap pre-test of regexes anchored on one. */
function startsWithDigit(s: string): boolean {
  const c = charCodeAt(s, 0);
  return c >= 48 && c <= 57;
}

/** Does s contain an ASCII digit (as /\d/)? A char-code loop: this runs on every token. */
function hasDigit(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = charCodeAt(s, k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function strongAt(toks: readonly Token[], i: number, starters: WordMap<StartClass>): boolean {
  const t = toks[i];
  return Boolean(t && (t.kind === 'number' || starters.at(toks, i) === STRONG_START || hasDigit(t.norm)));
}

/** A time word or number here, or a short function word (il, the, on, tra) right before one. */
function canStart(toks: readonly Token[], i: number, starters: WordMap<StartClass>): boolean {
  if (strongAt(toks, i, starters)) return true;
  if (starters.at(toks, i) === undefined) return false;
  return strongAt(toks, i + 1, starters) || (starters.at(toks, i + 1) !== undefined && strongAt(toks, i + 2, starters));
}

function timeData(lang: Lang): TimeData {
  let d = cache.get(lang);
  if (d) return d;
  const f = JSON.parse(readFileSync(new URL(`../../data/lang/${lang}/time.json`, import.meta.url), 'utf8')) as TimeFile;
  const unitOf = new Map<string, Unit>();
  const singularUnit = new Map<string, Unit>();
  for (const [unit, words] of Object.entries(f.units) as Array<[Unit, string[]]>) {
    words.forEach((w, k) => {
      unitOf.set(normOf(w), unit);
      if (k === 0) singularUnit.set(normOf(w), unit);
    });
  }
  const lower = (xs: string[]) => new Set(xs.map(normOf));
  const byLength = <T extends [Phrase, ...unknown[]]>(xs: T[]) => xs.sort((a, b) => b[0].length - a[0].length);
  const days = byLength(Object.entries(f.days).map(([k, v]): [Phrase, number] => [phrase(k), v]));
  const numbers = byLength(Object.entries(f.numbers).map(([k, v]): [Phrase, number] => [phrase(k), v]));
  const periods = byLength(
    Object.entries(f.periodPhrases).map(([k, [u, o, r]]): [Phrase, Unit, number, TenseHint] => [phrase(k), u, o, r]),
  );
  d = {
    months: new Map(Object.entries(f.months).map(([k, v]) => [normOf(k), v])),
    weekdays: new Map(Object.entries(f.weekdays).map(([k, v]) => [normOf(k), v])),
    numbersByFirst: byFirstWord(numbers),
    dayOrdinals: new Map(Object.entries(f.dayOrdinals ?? {}).map(([k, v]) => [normOf(k), v])),
    unitOf,
    singularUnit,
    days,
    daysByFirst: byFirstWord(days),
    next: lower(f.next),
    last: lower(f.last),
    this: lower(f.this),
    articles: lower(f.articles),
    monthPreps: f.monthPrepositions.map(phrase),
    yearPreps: f.yearPrepositions.map(phrase),
    futureIn: f.futureIn.map(phrase),
    agoAfter: f.agoAfter.map(phrase),
    periods,
    periodsByFirst: byFirstWord(periods),
    monthNeedsCapital: lang === 'en',
  };
  cache.set(lang, d);
  return d;
}

// ---------------------------------------------------------------- calendar arithmetic (UTC, no time of day)

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoDay(x: Ymd): string {
  return `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
}

/** A valid calendar day from YYYY-MM-DD, else undefined. */
export function parseYmd(iso: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const x = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return validDay(x) ? x : undefined;
}

let lastArticleDate: string | undefined;
let lastArticleBase: Ymd | undefined;

/** parseYmd(articleDate), kept for the next call: every sentence of an article asks about the same date.
 *  (Ymd values are never mutated.) */
function articleBase(articleDate: string): Ymd | undefined {
  if (articleDate !== lastArticleDate) {
    lastArticleBase = parseYmd(articleDate);
    lastArticleDate = articleDate;
  }
  return lastArticleBase;
}

function validDay(x: Ymd): boolean {
  return x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= new Date(Date.UTC(x.y, x.m, 0)).getUTCDate();
}

function fromDate(dt: Date): Ymd {
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(x: Ymd, n: number): Ymd {
  return fromDate(new Date(Date.UTC(x.y, x.m - 1, x.d + n)));
}

/** 1 = Monday … 7 = Sunday. */
function weekday(x: Ymd): number {
  return ((new Date(Date.UTC(x.y, x.m - 1, x.d)).getUTCDay() + 6) % 7) + 1;
}

/** Monday–Sunday range of the week containing x. */
function weekOf(x: Ymd): string {
  const monday = addDays(x, 1 - weekday(x));
  return `${isoDay(monday)}/${isoDay(addDays(monday, 6))}`;
}

function shiftMonth(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

const cmp = (a: Ymd, b: Ymd) => a.y - b.y || a.m - b.m || a.d - b.d;

/** Value of "this unit + n" around the article date. */
function unitValue(base: Ymd, unit: Unit, n: number): string {
  switch (unit) {
    case 'day':
      return isoDay(addDays(base, n));
    case 'week':
      return weekOf(addDays(base, 7 * n));
    case 'month': {
      const s = shiftMonth(base.y, base.m, n);
      return `${pad(s.y, 4)}-${pad(s.m)}`;
    }
    case 'year':
      return pad(base.y + n, 4);
  }
}

const relationOf = (n: number): TimeRelation => (n < 0 ? 'past' : n > 0 ? 'future' : 'present');

// ---------------------------------------------------------------- matching

interface Ctx {
  toks: Token[];
  data: TimeData;
  base?: Ymd;
  tense?: TenseHint;
}

interface Match {
  from: number;
  /** Exclusive token index. */
  to: number;
  value?: string;
  grain: TimeGrain;
  relation: TimeRelation;
}

function seqAt(toks: Token[], i: number, p: Phrase): boolean {
  if (i < 0 || i + p.length > toks.length) return false;
  for (let k = 0; k < p.length; k++) if (toks[i + k]!.norm !== p[k]) return false;
  return true;
}

/** Longest phrase of `list` starting at token i: its length, or 0. */
function phraseAt(toks: Token[], i: number, list: Phrase[]): number {
  let best = 0;
  for (const p of list) if (p.length > best && seqAt(toks, i, p)) best = p.length;
  return best;
}

/** A phrase of `list` ends right before token i. */
function phraseBefore(toks: Token[], i: number, list: Phrase[]): boolean {
  for (const p of list) if (seqAt(toks, i - p.length, p)) return true; // a loop: no closure per call in a hot path
  return false;
}

function countAt(ctx: Ctx, i: number): { n: number; next: number } | undefined {
  const t = ctx.toks[i];
  if (!t) return undefined;
  if (t.kind === 'number' && /^\d{1,3}$/.test(t.norm)) return { n: Number(t.norm), next: i + 1 };
  // only the number words that start with this token, in list order (a number word always has a word)
  for (const [p, n] of ctx.data.numbersByFirst.get(t.norm) ?? []) if (seqAt(ctx.toks, i, p)) return { n, next: i + p.length };
  return undefined;
}

/** A day of the month: 24, 1º, 1°, 13th, primo. */
function dayAt(ctx: Ctx, i: number): { day: number; next: number } | undefined {
  const t = ctx.toks[i];
  if (!t) return undefined;
  let day: number | undefined;
  let next = i + 1;
  // (the ordinal regex only for a word that starts with a digit, as any match does: dayAt runs at every candidate)
  const ord = startsWithDigit(t.norm) ? /^(\d{1,2})(º|ª|°|st|nd|rd|th)$/.exec(t.norm) : null;
  if (t.kind === 'number' && /^\d{1,2}$/.test(t.norm)) {
    day = Number(t.norm);
    const deg = ctx.toks[i + 1];
    if (deg && deg.start === t.end && (deg.norm === '°' || deg.norm === 'º')) next = i + 2;
  } else if (ord) day = Number(ord[1]);
  else if (ctx.data.dayOrdinals.has(t.norm)) day = ctx.data.dayOrdinals.get(t.norm);
  return day !== undefined && day >= 1 && day <= 31 ? { day, next } : undefined;
}

function monthAt(ctx: Ctx, i: number): number | undefined {
  const t = ctx.toks[i];
  if (!t || t.kind !== 'word') return undefined;
  if (ctx.data.monthNeedsCapital && !t.upper) return undefined;
  return ctx.data.months.get(t.norm.endsWith('.') ? t.norm.slice(0, -1) : t.norm);
}

function yearAt(ctx: Ctx, i: number): number | undefined {
  const t = ctx.toks[i];
  if (!t || t.kind !== 'number' || !/^\d{4}$/.test(t.norm)) return undefined;
  const y = Number(t.norm);
  return y >= 1000 && y <= 2999 ? y : undefined;
}

/** scorso/last (-1), prossimo/next (+1) at token i. */
function directionAt(ctx: Ctx, i: number): -1 | 1 | undefined {
  const t = ctx.toks[i];
  if (!t) return undefined;
  if (ctx.data.last.has(t.norm)) return -1;
  if (ctx.data.next.has(t.norm)) return 1;
  return undefined;
}

/** Resolve a day and month without a year. */
function resolveDayMonth(ctx: Ctx, m: number, d: number, dir?: -1 | 1): Ymd | undefined {
  const base = ctx.base;
  if (!base) return undefined;
  let x: Ymd = { y: base.y, m, d };
  // comparisons inline rather than through before()/after() closures: this runs for every date without a year
  if (dir === -1 || (dir === undefined && ctx.tense === 'past')) {
    if (dir === -1 ? !(cmp(x, base) < 0) : cmp(x, base) > 0) x = { y: base.y - 1, m, d };
  } else if (dir === 1 || (dir === undefined && ctx.tense === 'future')) {
    if (dir === 1 ? !(cmp(x, base) > 0) : cmp(x, base) < 0) x = { y: base.y + 1, m, d };
  } else {
    // no tense and no direction: the reading nearest the article date ("il 2 gennaio" in late December is the
    // coming one, "il 28 dicembre" in early January the one just past): news rarely reach half a year away
    const days = (a: Ymd) => Date.UTC(a.y, a.m - 1, a.d) / 86_400_000;
    const off = days(x) - days(base);
    if (off > 182) x = { y: base.y - 1, m, d };
    else if (off < -182) x = { y: base.y + 1, m, d };
  }
  return validDay(x) ? x : undefined;
}

function dayMatch(ctx: Ctx, from: number, to: number, x: Ymd | undefined, dir?: -1 | 1): Match {
  return {
    from,
    to,
    value: x ? isoDay(x) : undefined,
    grain: 'day',
    relation: dir === undefined ? 'absolute' : dir < 0 ? 'past' : 'future',
  };
}

// --- rules: each anchored at token i

function ruleIso(ctx: Ctx, i: number): Match | undefined {
  const t = ctx.toks[i]!;
  if (t.kind !== 'number') return undefined;
  const x = parseYmd(t.norm);
  return x ? dayMatch(ctx, i, i + 1, x) : undefined;
}

function ruleDayWords(ctx: Ctx, i: number): Match | undefined {
  for (const [p, n] of ctx.data.daysByFirst.get(ctx.toks[i]?.norm ?? '') ?? []) {
    if (seqAt(ctx.toks, i, p)) {
      return { from: i, to: i + p.length, value: ctx.base && unitValue(ctx.base, 'day', n), grain: 'day', relation: relationOf(n) };
    }
  }
  return undefined;
}

function rulePeriodPhrase(ctx: Ctx, i: number): Match | undefined {
  for (const [p, unit, n, rel] of ctx.data.periodsByFirst.get(ctx.toks[i]?.norm ?? '') ?? []) {
    if (seqAt(ctx.toks, i, p)) {
      return { from: i, to: i + p.length, value: ctx.base && unitValue(ctx.base, unit, n), grain: unit, relation: rel };
    }
  }
  return undefined;
}

/** next (1), last (-1), this (0). A module function, not a closure in the rule: rules run at every candidate
 *  token, and a closure costs an allocation (and a __name call under tsx/esbuild keepNames) per call. */
function modifierOf(data: TimeData, t: Token | undefined): -1 | 0 | 1 | undefined {
  return !t ? undefined : data.next.has(t.norm) ? 1 : data.last.has(t.norm) ? -1 : data.this.has(t.norm) ? 0 : undefined;
}

/** [article] next|last|this unit, [article] unit next|last: la settimana prossima, l'anno scorso, next week. */
function ruleRelativeUnit(ctx: Ctx, i: number): Match | undefined {
  const { toks, data } = ctx;
  let k = i;
  if (data.articles.has(toks[k]?.norm ?? '')) k++;
  let unit: Unit | undefined;
  let n: number | undefined;
  const m1 = modifierOf(data, toks[k]);
  if (m1 !== undefined && data.singularUnit.has(toks[k + 1]?.norm ?? '')) {
    unit = data.singularUnit.get(toks[k + 1]!.norm);
    n = m1;
    k += 2;
  } else if (data.singularUnit.has(toks[k]?.norm ?? '')) {
    const m2 = modifierOf(data, toks[k + 1]);
    if (m2 !== undefined && m2 !== 0) {
      unit = data.singularUnit.get(toks[k]!.norm);
      n = m2;
      k += 2;
    }
  }
  if (!unit || n === undefined) return undefined;
  return { from: i, to: k, value: ctx.base && unitValue(ctx.base, unit, n), grain: unit, relation: relationOf(n) };
}

/** tra/fra/in N units (future), N units fa/ago (past). */
function ruleCount(ctx: Ctx, i: number): Match | undefined {
  const { toks, data } = ctx;
  const pre = phraseAt(toks, i, data.futureIn);
  const c = countAt(ctx, i + pre);
  if (!c) return undefined;
  const unit = data.unitOf.get(toks[c.next]?.norm ?? '');
  if (!unit) return undefined;
  let to = c.next + 1;
  let n: number;
  if (pre > 0) n = c.n;
  else {
    const ago = phraseAt(toks, to, data.agoAfter);
    if (!ago) return undefined;
    to += ago;
    n = -c.n;
  }
  return { from: i, to, value: ctx.base && unitValue(ctx.base, unit, n), grain: unit, relation: relationOf(n) };
}

/** After a month: an optional year (EN allows a comma first: March 13, 2026). */
function yearAfter(ctx: Ctx, k: number): { y?: number; next: number } {
  let y = yearAt(ctx, k);
  if (y !== undefined) return { y, next: k + 1 };
  if (ctx.toks[k]?.norm === ',' && (y = yearAt(ctx, k + 1)) !== undefined) return { y, next: k + 2 };
  return { next: k };
}

function finishDate(ctx: Ctx, from: number, k: number, m: number, d: number): Match | undefined {
  const yr = yearAfter(ctx, k);
  let to = yr.next;
  let dir: -1 | 1 | undefined;
  let x: Ymd | undefined;
  if (yr.y !== undefined) {
    x = { y: yr.y, m, d };
    if (!validDay(x)) return undefined;
  } else {
    dir = directionAt(ctx, to);
    if (dir !== undefined) to++;
    if (d > new Date(Date.UTC(2000, m, 0)).getUTCDate()) return undefined; // 31 aprile: never a date
    x = resolveDayMonth(ctx, m, d, dir);
  }
  return dayMatch(ctx, from, to, x, dir);
}

const RANGE_LINKS = new Set(['-', 'e', 'ed', 'al', "all'", 'and', 'to', 'through', 'till', 'until']);

/** Ranges of days in one month: dal 3 al 5 marzo, 3-5 marzo, tra il 3 e il 5 marzo, March 3-5, 3 to 5 March. */
function ruleDayRange(ctx: Ctx, i: number): Match | undefined {
  const { toks } = ctx;
  let d1: number | undefined;
  let d2: number | undefined;
  let k: number;
  const hy = startsWithDigit(toks[i]?.norm ?? '') ? /^(\d{1,2})-(\d{1,2})$/.exec(toks[i]!.norm) : null;
  let monthFirst: number | undefined;
  if (toks[i]?.kind === 'number' && hy) {
    d1 = Number(hy[1]);
    d2 = Number(hy[2]);
    k = i + 1;
  } else if ((monthFirst = monthAt(ctx, i)) !== undefined && /^(\d{1,2})-(\d{1,2})$/.test(toks[i + 1]?.norm ?? '')) {
    const mm = /^(\d{1,2})-(\d{1,2})$/.exec(toks[i + 1]!.norm)!;
    d1 = Number(mm[1]);
    d2 = Number(mm[2]);
    k = i + 2;
  } else {
    const a = dayAt(ctx, i);
    if (!a || !RANGE_LINKS.has(toks[a.next]?.norm ?? '')) return undefined;
    k = a.next + 1;
    if (ctx.data.articles.has(toks[k]?.norm ?? '')) k++;
    const b = dayAt(ctx, k);
    if (!b) return undefined;
    d1 = a.day;
    d2 = b.day;
    k = b.next;
  }
  const m = monthFirst ?? monthAt(ctx, k);
  if (m === undefined || d1 >= d2 || d2 > 31) return undefined;
  if (monthFirst === undefined) k++;
  const yr = yearAfter(ctx, k);
  const y = yr.y ?? resolveDayMonth(ctx, m, d1)?.y;
  let value: string | undefined;
  if (y !== undefined) {
    const a = { y, m, d: d1 };
    const b = { y, m, d: d2 };
    if (!validDay(a) || !validDay(b)) return undefined;
    value = `${isoDay(a)}/${isoDay(b)}`;
  }
  return { from: i, to: yr.next, value, grain: 'range', relation: 'absolute' };
}

/** Day then month (24 febbraio [2026] [scorso], il 1° marzo, 13th March) or, in English, month then day. */
function ruleDate(ctx: Ctx, i: number): Match | undefined {
  const { toks } = ctx;
  const a = dayAt(ctx, i);
  if (a) {
    let k = a.next;
    if (toks[k]?.norm === 'of') k++; // the 13th of March
    const m = monthAt(ctx, k);
    if (m !== undefined) return finishDate(ctx, i, k + 1, m, a.day);
    return undefined;
  }
  const m = monthAt(ctx, i);
  if (m !== undefined && ctx.data.monthNeedsCapital) {
    const b = dayAt(ctx, i + 1);
    if (b && !(yearAt(ctx, i + 1) !== undefined)) return finishDate(ctx, i, b.next, m, b.day);
  }
  return undefined;
}

/** English "the 24th": an ordinal day without a month. */
function ruleOrdinalDay(ctx: Ctx, i: number): Match | undefined {
  const { toks } = ctx;
  if (toks[i]?.norm !== 'the' || !ctx.data.monthNeedsCapital) return undefined;
  const ord = /^(\d{1,2})(st|nd|rd|th)$/.exec(toks[i + 1]?.norm ?? '');
  if (!ord) return undefined;
  const d = Number(ord[1]);
  if (d < 1 || d > 31 || ruleDate(ctx, i + 1)) return undefined; // "the 13th of March" is a full date
  let x: Ymd | undefined;
  const base = ctx.base;
  if (base) {
    let { y, m } = base;
    if (ctx.tense === 'past' && d > base.d) ({ y, m } = shiftMonth(y, m, -1));
    else if (ctx.tense === 'future' && d < base.d) ({ y, m } = shiftMonth(y, m, 1));
    x = { y, m, d };
    if (!validDay(x)) x = undefined;
  }
  return dayMatch(ctx, i + 1, i + 2, x);
}

/** Month with a year, a preposition or a direction: a gennaio, nel gennaio 2025, January 2025, last March. */
function ruleMonth(ctx: Ctx, i: number): Match | undefined {
  const { toks, data } = ctx;
  let from = i;
  let dir = directionAt(ctx, i);
  let k = i;
  if (dir !== undefined) k++;
  else if (data.articles.has(toks[i]?.norm ?? '') && (dir = directionAt(ctx, i + 1)) !== undefined) k += 2;
  const m = monthAt(ctx, k);
  if (m === undefined) return undefined;
  const yr = yearAfter(ctx, k + 1);
  let to = yr.next;
  if (yr.y !== undefined) {
    return { from, to, value: `${pad(yr.y, 4)}-${pad(m)}`, grain: 'month', relation: 'absolute' };
  }
  if (dir === undefined) {
    dir = directionAt(ctx, to);
    if (dir !== undefined) to++;
  }
  if (dir === undefined && !phraseBefore(toks, k, data.monthPreps)) return undefined;
  if (dir === undefined) from = k;
  let value: string | undefined;
  const base = ctx.base;
  if (base) {
    let y = base.y;
    const mode = dir ?? (ctx.tense === 'past' ? -0.5 : ctx.tense === 'future' ? 0.5 : 0);
    if (mode === -1 && m >= base.m) y--;
    else if (mode === 1 && m <= base.m) y++;
    else if (mode === -0.5 && m > base.m) y--;
    else if (mode === 0.5 && m < base.m) y++;
    // no tense: the nearest such month ("a gennaio" in December is the coming January)
    else if (mode === 0 && m - base.m > 6) y--;
    else if (mode === 0 && base.m - m > 6) y++;
    value = `${pad(y, 4)}-${pad(m)}`;
  }
  return { from, to, value, grain: 'month', relation: dir === undefined ? 'absolute' : dir < 0 ? 'past' : 'future' };
}

/** A year after a preposition: nel 2025, in 2025, entro il 2030. */
function ruleYear(ctx: Ctx, i: number): Match | undefined {
  const y = yearAt(ctx, i);
  if (y === undefined || !phraseBefore(ctx.toks, i, ctx.data.yearPreps)) return undefined;
  return { from: i, to: i + 1, value: pad(y, 4), grain: 'year', relation: 'absolute' };
}

/** Weekdays: lunedì, lunedì prossimo, il prossimo lunedì, last Monday; "lunedì 16 marzo" becomes the date. */
function ruleWeekday(ctx: Ctx, i: number): Match | undefined {
  const { toks, data } = ctx;
  let k = i;
  let dir: -1 | 1 | undefined;
  if (data.articles.has(toks[k]?.norm ?? '') && directionAt(ctx, k + 1) !== undefined) k++;
  if ((dir = directionAt(ctx, k)) !== undefined) k++;
  const wd = data.weekdays.get(toks[k]?.norm ?? '');
  if (wd === undefined) return undefined;
  if (dir === undefined && k !== i) return undefined;
  k++;
  if (dir === undefined) {
    // lunedì 16 marzo / Monday, March 16: the explicit date decides.
    const at = toks[k]?.norm === ',' ? k + 1 : k;
    const date = ruleDate(ctx, at);
    if (date) return { ...date, from: i };
    dir = directionAt(ctx, k);
    if (dir !== undefined) k++;
  }
  let x: Ymd | undefined;
  const base = ctx.base;
  const diff = base ? wd - weekday(base) : 0;
  // the article's own weekday, with neither "last" nor "next", is the article's day: "on Friday" in Friday's paper
  if (base && dir === undefined && diff === 0) return { from: i, to: k, value: isoDay(base), grain: 'day', relation: 'present' };
  // without a tense, the nearer reading: "Tuesday" in Wednesday's paper is yesterday, "Friday" the day after tomorrow
  const nearerPast = (diff < 0 ? -diff : 7 - diff) < (diff > 0 ? diff : diff + 7);
  const back = dir === -1 || (dir === undefined && (ctx.tense === 'past' || (ctx.tense === undefined && nearerPast)));
  if (base) x = back ? addDays(base, diff < 0 ? diff : diff - 7) : addDays(base, diff > 0 ? diff : diff + 7);
  return { from: i, to: k, value: x && isoDay(x), grain: 'day', relation: back ? 'past' : 'future' };
}

const RULES = [
  ruleIso,
  ruleDayWords,
  rulePeriodPhrase,
  ruleRelativeUnit,
  ruleCount,
  ruleDayRange,
  ruleDate,
  ruleOrdinalDay,
  ruleMonth,
  ruleYear,
  ruleWeekday,
];

/**
 * Temporal expressions of one sentence. `articleDate` (YYYY-MM-DD) anchors relative expressions; `tense` (the
 * sentence's main tense, when the caller knows it) picks past or future readings of bare weekdays, months and
 * dates without a year.
 */
export function findTimeExpressions(
  sentence: Pick<Sentence, 'tokens' | 'text' | 'start'>,
  lang: Lang,
  articleDate?: string,
  tense?: TenseHint,
): TimeMention[] {
  const ctx: Ctx = { toks: sentence.tokens, data: timeData(lang), tense };
  if (articleDate !== undefined) ctx.base = articleBase(articleDate);
  const out: TimeMention[] = [];
  const starters = startWords(lang);
  for (let i = 0; i < ctx.toks.length; ) {
    // Most tokens cannot start a time expression: skip them without trying every rule (a third of the
    // extractor's time went here). A start is a number or any word of the language's time data.
    const t = ctx.toks[i]!;
    if (!canStart(ctx.toks, i, starters)) {
      i++;
      continue;
    }
    let best: Match | undefined;
    for (const rule of RULES) {
      const m = rule(ctx, i);
      if (m && m.to > m.from && (!best || m.to > best.to)) best = m;
    }
    if (!best) {
      i++;
      continue;
    }
    const start = ctx.toks[best.from]!.start;
    const end = ctx.toks[best.to - 1]!.end;
    const mention: TimeMention = {
      start,
      end,
      text: sentence.text.slice(start - sentence.start, end - sentence.start),
      grain: best.grain,
      relation: best.relation,
    };
    if (best.value !== undefined) mention.value = best.value;
    out.push(mention);
    i = best.to;
  }
  return out;
}
