// A synthetic corpus for benchmarks: Italian and English articles about international politics, built
// from the gazetteer (leaders, countries, alliances, places) and sentence templates (templates.json:
// meetings with relative and absolute dates, sanctions, negotiations, support, negations, and neutral
// filler so that the text is about as dense in relations as real news). Deterministic for a seed.
//
// Popularity is Zipf-like (weight 1/rank^1.1), as in real news: a few leaders and countries appear in
// most articles, most appear rarely, so the graph keeps growing with the corpus (new pairs, new dated
// meetings) while its hubs gain weight. Dates advance through 2026 with the article index, like a
// feed. Most meeting sentences report one of a pool of events (participants, place, day) close to the
// article's date, written as the article would (past or future tense, a weekday or a calendar date),
// so that several articles report the same meeting as real coverage does; the rest pair leaders at
// random, so the graph keeps growing.
import { createRequire } from 'node:module';
import { loadGazetteer, type GazetteerEntry } from '../extract/gazetteer.js';
import { mulberry32 as prng } from '../random.js';

interface LangTemplates {
  sources: string[];
  months: string[];
  weekdays: string[];
  meeting: string[];
  past: string[];
  future: string[];
  when: { weekday: string; date: string };
  relation: string[];
  filler: string[];
}

const templates = createRequire(import.meta.url)('./templates.json') as Record<'it' | 'en', LangTemplates>;

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Approximate size of an article's text, in characters. Default 2500. */
  size?: number;
  /** Share of Italian articles, 0..1. Default 0.5. */
  italian?: number;
}

export interface GeneratedArticle {
  id: string;
  date: string;
  source: string;
  title: string;
  url: string;
  lang: 'it' | 'en';
  text: string;
  /** An extra field, kept by the reader as an article attribute. */
  section: string;
}


/** Picks from a list with Zipf weights 1/rank^s: index 0 is the most popular. */
class Zipf<T> {
  private readonly cumulative: number[] = [];
  constructor(readonly items: readonly T[], s = 1.1) {
    let sum = 0;
    for (let r = 1; r <= items.length; r++) this.cumulative.push((sum += 1 / r ** s));
  }
  pick(rand: () => number): T {
    const x = rand() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

interface Pools {
  leaders: Zipf<GazetteerEntry>;
  countries: Zipf<GazetteerEntry>;
  alliances: Zipf<GazetteerEntry>;
  places: Zipf<GazetteerEntry>;
}

let pools: Pools | undefined;

function loadPools(): Pools {
  if (pools) return pools;
  const all = [...loadGazetteer().entries.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Popularity ranks come from a fixed shuffle (seed 1), not from the gazetteer's order.
  const shuffle = <T>(xs: T[]): T[] => {
    const r = prng(1);
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  const of = (kind: GazetteerEntry['kind']) => shuffle(all.filter((e) => e.kind === kind && !e.ambiguous));
  pools = { leaders: new Zipf(of('leader')), countries: new Zipf(of('country')), alliances: new Zipf(of('alliance')), places: new Zipf(of('place')) };
  return pools;
}

/** The name of an entry in a language: the English label, or the shortest plain Italian name. */
function nameIn(e: GazetteerEntry, lang: 'it' | 'en'): string {
  if (lang === 'en' || e.kind === 'leader') return e.label;
  const forms = e.names.filter((n) => n.via === 'name' && n.lang === 'it').map((n) => n.form);
  return forms.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0] ?? e.label;
}

const DAY_MS = 86_400_000;
/** The corpus spans this many days of 2026. */
const DAYS = 180;

interface Event {
  a: GazetteerEntry;
  b: GazetteerEntry;
  place: GazetteerEntry;
  day: number;
}

const eventPools = new Map<string, Event[]>();

/** The meetings a corpus reports: one per four articles, sorted by day, Zipf-popular participants. */
function eventPool(seed: number, count: number): Event[] {
  const id = `${seed}:${count}`;
  let pool = eventPools.get(id);
  if (pool) return pool;
  const p = loadPools();
  const rand = prng(Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) >>> 0);
  const n = Math.max(20, Math.floor(count / 4));
  pool = [];
  for (let j = 0; j < n; j++) {
    const a = p.leaders.pick(rand);
    let b = p.leaders.pick(rand);
    for (let k = 0; k < 5 && b === a; k++) b = p.leaders.pick(rand);
    pool.push({ a, b, place: p.places.pick(rand), day: Math.floor((j / n) * DAYS) });
  }
  eventPools.set(id, pool);
  return pool;
}
const START = Date.UTC(2026, 0, 1);

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** One article, the `index`-th of a corpus of `count` (dates advance with the index). */
export function generateArticle(index: number, opts: GenerateOptions): GeneratedArticle {
  const seed = opts.seed ?? 1;
  const rand = prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const p = loadPools();
  const lang: 'it' | 'en' = rand() < (opts.italian ?? 0.5) ? 'it' : 'en';
  const t = templates[lang];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const dayOffset = Math.floor((index / Math.max(1, opts.count)) * DAYS + rand() * 3);
  const dateMs = START + dayOffset * DAY_MS;
  const date = iso(dateMs);
  const source = pick(t.sources);

  const fill = (template: string, event?: Event): string => {
    const a = event?.a ?? p.leaders.pick(rand);
    let b = event?.b ?? p.leaders.pick(rand);
    for (let k = 0; k < 5 && b === a; k++) b = p.leaders.pick(rand);
    const c = p.countries.pick(rand);
    let c2 = p.countries.pick(rand);
    for (let k = 0; k < 5 && c2 === c; k++) c2 = p.countries.pick(rand);
    const when = new Date(event ? START + event.day * DAY_MS : dateMs + Math.floor(rand() * 10) * DAY_MS);
    const whenText = event ? (Math.abs(event.day - dayOffset) < 6 ? t.when.weekday : t.when.date) : '';
    return template
      .replaceAll('{WHEN}', whenText)
      .replaceAll('{A}', nameIn(a, lang))
      .replaceAll('{B}', nameIn(b, lang))
      .replaceAll('{C}', nameIn(c, lang))
      .replaceAll('{C2}', nameIn(c2, lang))
      .replaceAll('{ORG}', nameIn(p.alliances.pick(rand), lang))
      .replaceAll('{P}', nameIn(event?.place ?? p.places.pick(rand), lang))
      .replaceAll('{WEEKDAY}', t.weekdays[when.getUTCDay()]!)
      .replaceAll('{DAY}', String(when.getUTCDate()))
      .replaceAll('{MONTH}', t.months[when.getUTCMonth()]!);
  };
  const events = eventPool(seed, opts.count);
  /** An event within five days of the article's date (the pool is sorted by day). */
  const nearEvent = (): Event => {
    const perDay = events.length / DAYS;
    const j = Math.floor(dayOffset * perDay + (rand() * 2 - 1) * 5 * perDay);
    return events[Math.max(0, Math.min(events.length - 1, j))]!;
  };
  const sentence = (): string => {
    const r = rand();
    if (r < 0.2) {
      const e = nearEvent();
      return fill(e.day < dayOffset ? pick(t.past) : e.day > dayOffset ? pick(t.future) : pick(rand() < 0.5 ? t.past : t.future), e);
    }
    if (r < 0.3) return fill(pick(t.meeting));
    return fill(r < 0.55 ? pick(t.relation) : pick(t.filler));
  };

  const size = opts.size ?? 2500;
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  let length = 0;
  let title = '';
  while (length < size) {
    const s = sentence();
    if (!title) title = s.replace(/[.,].*$/, '');
    paragraph.push(s);
    length += s.length + 1;
    if (paragraph.length >= 3 + Math.floor(rand() * 3)) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length) paragraphs.push(paragraph.join(' '));
  const id = `gen-${seed}-${String(index).padStart(7, '0')}`;
  return {
    id, date, source, title, lang,
    url: `https://example.org/${lang}/${date}/${id}`,
    text: `date ${date} ${source}. ${paragraphs.join('\n\n')}\n`,
    section: pick(['politica-estera', 'world', 'europe', 'diplomacy']),
  };
}

/** The corpus as JSON Lines, one article per line, lazily (a 100,000-article corpus is ~270 MB). */
export function* generateCorpusLines(opts: GenerateOptions): Generator<string, void, undefined> {
  for (let i = 0; i < opts.count; i++) {
    const a = generateArticle(i, opts);
    yield JSON.stringify({ id: a.id, date: a.date, source: a.source, title: a.title, url: a.url, section: a.section, text: a.text }) + '\n';
  }
}
