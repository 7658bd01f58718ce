// A synthetic corpus for benchmarks: Italian and English articles about international politics, built
// from the gazetteer (leaders, countries, alliances, places) and sentence templates (templates.json).
// Deterministic for a seed.
//
// The model, and why it grows the way a news archive does:
//  - Entities saturate. Leaders, countries, alliances and places come from the gazetteer with Zipf
//    popularity (weight 1/rank^1.1, ranks from a fixed shuffle): a few hundred names, a handful of hubs.
//  - A world timeline comes first, articles second. The corpus covers `days` days (about 100 articles a
//    day, at least 180 days: 100k articles span ~3 years) and article dates advance with the index, like
//    a feed. Each day has a handful of meetings (2 to 10: two leaders mostly, three to five for a summit,
//    nobody at two meetings on one day, held in the host's capital or at a popular venue), so the
//    archive's events grow with the days it covers, not with its articles.
//  - Coverage is Zipf-like. Each event has a heavy-tailed news value (Pareto, α = 0.6, capped), times the
//    number of participants beyond the first; an article reports events within four days of its date
//    with probability ∝ value · 2^-|days apart|. At 10k articles over 180 days the biggest summits get
//    ~500 reporting articles, the median event ~4, a third of them one or two; a small corpus misses
//    minor events altogether, as a small archive does. An article has a main event that about half of
//    its meeting sentences restate in varied shapes, as real articles do.
//  - The wording follows the article's date: past or future tense by which side of it the event falls,
//    "today", "yesterday"/"tomorrow", a weekday (up to six days away) or a calendar date (with the year
//    when it differs from the article's).
//  - Relations (sanctions, negotiations, support, calls on) mostly come from ongoing stories: a country
//    pair (the first with leaders in the gazetteer), a kind of relation and who speaks for each side,
//    running for a week to several months with a heavy-tailed news value; some 35 run on any day.
//  - The long tail: one meeting sentence in twenty reports a one-off (two leaders at random, with the
//    template's own time words: almost never reported by another article), and 15% of relation
//    sentences name a random pair. This is the part of the graph that grows with the article count.
// What it does not model: coreference (pronouns, surnames alone), quotes, articles about one topic from
// start to end, real geography or politics (who would plausibly meet whom), or sources' own biases.
// `GeneratedArticle.reports` says what each article reports, as ground truth for tests and benchmarks.
import { createRequire } from 'node:module';
import { loadGazetteer, type GazetteerEntry } from '../extract/gazetteer.js';
import { mulberry32 as prng } from '../random.js';

type RelationKind = 'sanctions' | 'negotiates_with' | 'supports' | 'calls_on';
const RELATION_KINDS: readonly RelationKind[] = ['sanctions', 'negotiates_with', 'supports', 'calls_on'];

interface LangTemplates {
  sources: string[];
  months: string[];
  weekdays: string[];
  /** Wordings of an event's date relative to the article's; `dateYear` for a date in another year than
   * the article's (without the year, the extractor often puts "il 2 gennaio" in the article's year). */
  when: { today: string; yesterday: string; tomorrow: string; weekday: string; date: string; dateYear: string };
  /** The conjunction of a list of names ("A, B and C"). */
  and: string;
  /** Reports of a timeline event, by tense. {ALL}: every participant; {A}: the host; {B}: the others. */
  past: string[];
  future: string[];
  /** One-off meetings, with their own time words. */
  oneoff: string[];
  relation: Record<RelationKind, string[]>;
  /** Sentences with names but no relation the graph keeps (a meeting that will not happen, membership). */
  other: string[];
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
  /** Days the corpus covers. Default: about 100 articles a day, at least 180 days (`timelineDays`). */
  days?: number;
}

/** What an article reports, as the generator meant it: ground truth for tests and benchmarks. */
export interface Report {
  /** `event:N` (a timeline meeting), `story:N` (an ongoing relation) or `oneoff:INDEX:N`. */
  id: string;
  kind: 'meeting' | RelationKind;
  /** A timeline meeting's ISO date (one-offs have none: their templates carry their own time words). */
  date?: string;
  /** Gazetteer keys: a meeting's participants (host first), or a story's two countries. */
  who: string[];
  /** A meeting's place (gazetteer key). */
  place?: string;
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
  /** What the article reports, each once, in order of first mention. Not written to the corpus. */
  reports: Report[];
}

/** Picks from a list with Zipf weights 1/rank^s: index 0 is the most popular. */
class Zipf<T> {
  private readonly cumulative: number[] = [];
  constructor(readonly items: readonly T[], s = 1.1) {
    let sum = 0;
    for (let r = 1; r <= items.length; r++) this.cumulative.push((sum += 1 / r ** s));
  }
  pick(rand: () => number): T {
    return this.items[pickCumulative(this.cumulative, rand)]!;
  }
}

/** The index drawn from cumulative weights (binary search). */
function pickCumulative(cumulative: readonly number[], rand: () => number): number {
  const x = rand() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Pools {
  leaders: Zipf<GazetteerEntry>;
  countries: Zipf<GazetteerEntry>;
  alliances: Zipf<GazetteerEntry>;
  places: Zipf<GazetteerEntry>;
  /** Countries the gazetteer knows leaders of: who imposes sanctions and speaks in a story. */
  actors: Zipf<GazetteerEntry>;
  /** A country's leaders (ISO → Zipf in the global popularity order). */
  leadersOf: Map<string, Zipf<GazetteerEntry>>;
  /** A country's capital (ISO → the capital's place entry). */
  capitalOf: Map<string, GazetteerEntry>;
}

let pools: Pools | undefined;

function loadPools(): Pools {
  if (pools) return pools;
  const all = [...loadGazetteer().entries.values()].sort((a, b) => compare(a.key, b.key));
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
  const leaders = of('leader');
  const places = of('place');
  const countries = of('country');
  const leadersOf = new Map<string, GazetteerEntry[]>();
  for (const l of leaders) if (l.country) leadersOf.set(l.country, [...(leadersOf.get(l.country) ?? []), l]);
  // the gazetteer makes each country's capital a place of its own, named by the country's capital forms
  const capitalOf = new Map<string, GazetteerEntry>();
  for (const c of countries) {
    const forms = new Set(c.names.filter((n) => n.via === 'capital').map((n) => n.form));
    const capital = places.find((pl) => pl.country === c.iso && forms.has(pl.label));
    if (capital && c.iso) capitalOf.set(c.iso, capital);
  }
  pools = {
    leaders: new Zipf(leaders), countries: new Zipf(countries), alliances: new Zipf(of('alliance')), places: new Zipf(places),
    actors: new Zipf(countries.filter((c) => leadersOf.has(c.iso ?? ''))),
    leadersOf: new Map([...leadersOf].map(([iso, xs]) => [iso, new Zipf(xs)])), capitalOf,
  };
  return pools;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The name of an entry in a language: the English label, or the shortest plain Italian name. */
function nameIn(e: GazetteerEntry, lang: 'it' | 'en'): string {
  if (lang === 'en' || e.kind === 'leader') return e.label;
  const forms = e.names.filter((n) => n.via === 'name' && n.lang === 'it').map((n) => n.form);
  return forms.sort((a, b) => a.length - b.length || compare(a, b))[0] ?? e.label;
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 1);
/** The archive's density: its timeline is sized for this many articles a day ... */
const ARTICLES_PER_DAY = 100;
/** ... and covers at least this many days. */
const MIN_DAYS = 180;
/** An article reports events at most this many days before or after its date. */
const WINDOW = 4;
/**
 * Share of meeting sentences that report a one-off (two leaders at random, on their own date): the long
 * tail of minor meetings. About 0.45 an article, so ~45 a day at 100 articles a day, against ~6 timeline
 * events a day: one-offs are most distinct meetings in a dense archive, and the part that grows with
 * the article count rather than with the days.
 */
const ONE_OFF_SHARE = 0.05;
/** Article dates advance with the index plus up to this many days of jitter. */
const JITTER = 3;

/** The days a corpus covers: `opts.days`, or about 100 articles a day and at least 180 days. */
export function timelineDays(opts: Pick<GenerateOptions, 'count' | 'days'>): number {
  return Math.max(1, Math.floor(opts.days ?? Math.max(MIN_DAYS, Math.ceil(opts.count / ARTICLES_PER_DAY))));
}

/** A Pareto(α) draw ≥ 1, capped: heavy-tailed news value. */
function pareto(rand: () => number, alpha: number, cap = 1e4): number {
  return Math.min(cap, (1 - rand()) ** (-1 / alpha));
}

interface WorldEvent {
  id: number;
  day: number;
  /** Host first. */
  participants: GazetteerEntry[];
  place: GazetteerEntry;
  value: number;
}

interface Story {
  id: number;
  kind: RelationKind;
  a: GazetteerEntry;
  b: GazetteerEntry;
  /** Who speaks for each side (a leader of the country when the gazetteer has one). */
  speakerA: GazetteerEntry;
  speakerB: GazetteerEntry;
  value: number;
}

interface World {
  /** Day of eventsByDay[0] (negative: events before the first article). */
  first: number;
  eventsByDay: WorldEvent[][];
  /** Stories active on a day, for days 0 .. days + JITTER. */
  storiesByDay: Story[][];
}

const worlds = new Map<string, World>();

/** The world a corpus reports on: its events and stories, day by day. Depends on the seed and days only. */
function worldOf(seed: number, days: number): World {
  const id = `${seed}:${days}`;
  const cached = worlds.get(id);
  if (cached) return cached;
  const p = loadPools();
  const rand = prng(Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) >>> 0);
  /** Up to n distinct draws, none of them in `taken`. */
  const distinct = <T>(n: number, draw: () => T, taken: ReadonlySet<T> = new Set()): T[] => {
    const out: T[] = [];
    for (let k = 0; out.length < n && k < n * 20; k++) {
      const x = draw();
      if (!out.includes(x) && !taken.has(x)) out.push(x);
    }
    return out;
  };

  const first = -WINDOW;
  const last = days + JITTER + WINDOW;
  const eventsByDay: WorldEvent[][] = [];
  let eventId = 0;
  for (let day = first; day <= last; day++) {
    const today: WorldEvent[] = [];
    // one meeting a day per leader: nobody is at two summits at once
    const busy = new Set<GazetteerEntry>();
    const n = 2 + Math.floor(rand() * 9);
    for (let k = 0; k < n; k++) {
      const r = rand();
      const size = r < 0.75 ? 2 : r < 0.9 ? 3 : r < 0.97 ? 4 : 5;
      const participants = distinct(size, () => p.leaders.pick(rand), busy);
      if (participants.length < 2) continue;
      for (const x of participants) busy.add(x);
      // mostly in the host's capital, otherwise at a popular venue (a city, a resort, a region)
      const home = p.capitalOf.get(participants[0]!.country ?? '');
      const place = home && rand() < 0.7 ? home : p.places.pick(rand);
      today.push({ id: eventId++, day, participants, place, value: pareto(rand, 0.6) * (participants.length - 1) });
    }
    eventsByDay.push(today);
  }

  // stories start before the first day too, so that day 0 has stories already running
  const stories: (Story & { start: number; end: number })[] = [];
  let storyId = 0;
  for (let day = -120; day <= days + JITTER; day++) {
    const n = Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) {
      // the first side has a voice (a leader in the gazetteer); the other may be any country
      const a = p.actors.pick(rand);
      const [b] = distinct(1, () => p.countries.pick(rand), new Set([a]));
      if (!b) continue;
      const speaker = (c: GazetteerEntry) => (p.leadersOf.get(c.iso ?? '') ?? p.leaders).pick(rand);
      const length = Math.min(240, 7 + Math.floor(-Math.log(1 - rand()) * 30));
      stories.push({
        id: storyId++, kind: RELATION_KINDS[Math.floor(rand() * RELATION_KINDS.length)]!, a, b,
        speakerA: speaker(a), speakerB: speaker(b), value: pareto(rand, 1), start: day, end: day + length,
      });
    }
  }
  const storiesByDay: Story[][] = Array.from({ length: days + JITTER + 1 }, () => []);
  for (const s of stories) for (let d = Math.max(0, s.start); d <= Math.min(days + JITTER, s.end); d++) storiesByDay[d]!.push(s);

  const world = { first, eventsByDay, storiesByDay };
  if (worlds.size >= 4) worlds.delete(worlds.keys().next().value!);
  worlds.set(id, world);
  return world;
}

/** A draw by weight from a fixed list (undefined from an empty one). */
function sampler<T>(items: readonly T[], weight: (x: T) => number, rand: () => number): () => T | undefined {
  const cumulative: number[] = [];
  let sum = 0;
  for (const x of items) cumulative.push((sum += weight(x)));
  return () => (items.length ? items[pickCumulative(cumulative, rand)] : undefined);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** One article, the `index`-th of a corpus of `count` (dates advance with the index). */
export function generateArticle(index: number, opts: GenerateOptions): GeneratedArticle {
  const seed = opts.seed ?? 1;
  const days = timelineDays(opts);
  const world = worldOf(seed, days);
  const rand = prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const p = loadPools();
  const lang: 'it' | 'en' = rand() < (opts.italian ?? 0.5) ? 'it' : 'en';
  const t = templates[lang];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const dayOffset = Math.min(days - 1, Math.floor((index / Math.max(1, opts.count)) * days)) + Math.floor(rand() * JITTER);
  const dateMs = START + dayOffset * DAY_MS;
  const date = iso(dateMs);
  const source = pick(t.sources);
  const reports = new Map<string, Report>();
  const report = (r: Report): void => void (reports.has(r.id) || reports.set(r.id, r));

  const names = (xs: readonly GazetteerEntry[]): string => {
    const ns = xs.map((x) => nameIn(x, lang));
    return ns.length < 2 ? ns.join('') : `${ns.slice(0, -1).join(', ')} ${t.and} ${ns[ns.length - 1]}`;
  };
  const calendar = (template: string, ms: number): string => {
    const when = new Date(ms);
    return template
      .replaceAll('{WEEKDAY}', t.weekdays[when.getUTCDay()]!)
      .replaceAll('{DAY}', String(when.getUTCDate()))
      .replaceAll('{MONTH}', t.months[when.getUTCMonth()]!)
      .replaceAll('{YEAR}', String(when.getUTCFullYear()));
  };
  const otherLeader = (a: GazetteerEntry): GazetteerEntry => {
    let b = p.leaders.pick(rand);
    for (let k = 0; k < 5 && b === a; k++) b = p.leaders.pick(rand);
    return b;
  };
  const otherCountry = (c: GazetteerEntry): GazetteerEntry => {
    let c2 = p.countries.pick(rand);
    for (let k = 0; k < 5 && c2 === c; k++) c2 = p.countries.pick(rand);
    return c2;
  };
  /** Names in a template: leaders A, B; countries C, C2; an organisation; a place. */
  const fill = (template: string, v: { a: GazetteerEntry; b: GazetteerEntry; c: GazetteerEntry; c2: GazetteerEntry }): string =>
    calendar(template, dateMs + Math.floor(rand() * 10) * DAY_MS)
      .replaceAll('{A}', nameIn(v.a, lang))
      .replaceAll('{B}', nameIn(v.b, lang))
      .replaceAll('{C2}', nameIn(v.c2, lang))
      .replaceAll('{C}', nameIn(v.c, lang))
      .replaceAll('{ORG}', nameIn(p.alliances.pick(rand), lang))
      .replaceAll('{P}', nameIn(p.places.pick(rand), lang));
  const randomNames = () => {
    const a = p.leaders.pick(rand);
    const c = p.countries.pick(rand);
    return { a, b: otherLeader(a), c, c2: otherCountry(c) };
  };

  // ---- meetings: events of the timeline near the article's date ----
  const near: WorldEvent[] = [];
  for (let d = dayOffset - WINDOW; d <= dayOffset + WINDOW; d++) near.push(...(world.eventsByDay[d - world.first] ?? []));
  const drawEvent = sampler(near, (e) => e.value * 2 ** -Math.abs(e.day - dayOffset), rand);
  let main: WorldEvent | undefined;

  const eventSentence = (e: WorldEvent): string => {
    const delta = e.day - dayOffset;
    const past = delta < 0 || (delta === 0 && rand() < 0.5);
    const far = Math.abs(delta);
    const r = rand();
    const eventMs = START + e.day * DAY_MS;
    const when = far === 0 ? t.when.today
      : far === 1 && r < 0.5 ? (delta < 0 ? t.when.yesterday : t.when.tomorrow)
        : far <= 6 && r < 0.8 ? t.when.weekday
          // the year when it differs from the article's, and now and then anyway
          : new Date(eventMs).getUTCFullYear() !== new Date(dateMs).getUTCFullYear() || r > 0.97 ? t.when.dateYear : t.when.date;
    report({ id: `event:${e.id}`, kind: 'meeting', date: iso(eventMs), who: e.participants.map((x) => x.key), place: e.place.key });
    return calendar(pick(past ? t.past : t.future).replaceAll('{WHEN}', when), eventMs)
      .replaceAll('{ALL}', names(e.participants))
      .replaceAll('{A}', names(e.participants.slice(0, 1)))
      .replaceAll('{B}', names(e.participants.slice(1)))
      .replaceAll('{P}', nameIn(e.place, lang));
  };
  let oneoffs = 0;
  const meetingSentence = (): string => {
    const e = rand() >= ONE_OFF_SHARE ? (rand() < 0.55 ? (main ??= drawEvent()) : drawEvent()) : undefined;
    if (e) return eventSentence(e);
    const v = randomNames();
    report({ id: `oneoff:${index}:${oneoffs++}`, kind: 'meeting', who: [v.a.key, v.b.key] });
    return fill(pick(t.oneoff), v);
  };

  // ---- relations: ongoing stories ----
  const drawStory = sampler(world.storiesByDay[dayOffset] ?? [], (x) => x.value, rand);
  const relationSentence = (): string => {
    if (rand() < 0.15) return fill(pick(t.other), randomNames());
    const s = rand() < 0.85 ? drawStory() : undefined;
    if (!s) return fill(pick(RELATION_KINDS.flatMap((k) => t.relation[k])), randomNames());
    report({ id: `story:${s.id}`, kind: s.kind, who: [s.a.key, s.b.key] });
    return fill(pick(t.relation[s.kind]), { a: s.speakerA, b: s.speakerB, c: s.a, c2: s.b });
  };

  const sentence = (): string => {
    const r = rand();
    if (r < 0.3) return meetingSentence();
    if (r < 0.55) return relationSentence();
    return pick(t.filler);
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
    reports: [...reports.values()],
  };
}

/** The corpus as JSON Lines, one article per line, lazily (a 100,000-article corpus is ~270 MB). */
export function* generateCorpusLines(opts: GenerateOptions): Generator<string, void, undefined> {
  for (let i = 0; i < opts.count; i++) {
    const a = generateArticle(i, opts);
    yield JSON.stringify({ id: a.id, date: a.date, source: a.source, title: a.title, url: a.url, section: a.section, text: a.text }) + '\n';
  }
}
