// Gold annotations of an evaluation set (SET/articles/NAME.txt, SET/gold/NAME.json) and the matching
// conventions of the shared scorer (../shared/eval/score.mjs), written again here so that the fitting script can
// score a fragment in-process for every fold: names compared folded and lower-cased, a leader standing for its
// country in relation pairs, `aliases` as other spellings, `also_ok` counting neither way, extracted edges
// collapsed onto distinct label pairs. The shared scorer stays the reference: check the final model with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fragment, NodeAttributes } from '../../src/graph/model.js';

export type GoldPair = [string, string, string?];

export interface Gold {
  name: string;
  lang: string;
  articlePath: string;
  leaders: (string | { name: string; aliases?: string[] })[];
  meets: GoldPair[];
  negotiates: GoldPair[];
  sanctions: GoldPair[];
  also_ok: { meets?: GoldPair[]; negotiates?: GoldPair[]; sanctions?: GoldPair[] };
}

export function loadGoldSet(dir: string): Gold[] {
  return readdirSync(join(dir, 'gold')).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const g = JSON.parse(readFileSync(join(dir, 'gold', f), 'utf8')) as Partial<Gold> & { article?: string };
    return {
      name: f.replace(/\.json$/, ''), lang: g.lang ?? '', articlePath: join(dir, 'articles', g.article ?? f.replace(/\.json$/, '.txt')),
      leaders: g.leaders ?? [], meets: g.meets ?? [], negotiates: g.negotiates ?? [], sanctions: g.sanctions ?? [], also_ok: g.also_ok ?? {},
    };
  });
}

// Other names of the same country or organisation, as the shared scorer folds them.
const ALIASES: Record<string, string> = {
  usa: 'united states', us: 'united states', 'u s': 'united states', 'united states of america': 'united states',
  'stati uniti': 'united states', america: 'united states', uk: 'united kingdom', britain: 'united kingdom',
  'great britain': 'united kingdom', 'regno unito': 'united kingdom', eu: 'european union', ue: 'european union',
  'unione europea': 'european union', 'north atlantic treaty organization': 'nato', 'north atlantic alliance': 'nato',
  'alleanza dei volenterosi': 'coalition of the willing', 'coalizione dei volenterosi': 'coalition of the willing',
  un: 'united nations', onu: 'united nations', 'nazioni unite': 'united nations', 'russian federation': 'russia',
  turkiye: 'turkey', 'people s republic of china': 'china', prc: 'china', zelenskyy: 'zelensky', zelenskiy: 'zelensky',
  zelenskij: 'zelensky', zelenski: 'zelensky', 'dr congo': 'democratic republic of the congo', drc: 'democratic republic of the congo',
  'democratic republic of congo': 'democratic republic of the congo', 'congo kinshasa': 'democratic republic of the congo',
  'republic of korea': 'south korea', 'korea south': 'south korea', dprk: 'north korea', 'korea north': 'north korea',
  'democratic people s republic of korea': 'north korea', 'czech republic': 'czechia', uae: 'united arab emirates',
  iaea: 'international atomic energy agency', aiea: 'international atomic energy agency', asean: 'association of southeast asian nations',
  au: 'african union', 'unione africana': 'african union', 'state of palestine': 'palestine', 'vatican city': 'holy see',
  vatican: 'holy see', 'ivory coast': 'cote d ivoire', 'volodymyr zelenskyy': 'volodymyr zelensky',
  'volodymyr zelenskiy': 'volodymyr zelensky', 'volodymyr zelenskij': 'volodymyr zelensky',
};
const FOLD: Record<string, string> = { đ: 'dj', Đ: 'Dj', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ı: 'i', ð: 'd', þ: 'th' };

export function norm(s: string): string {
  const n = s.replace(/[đĐłŁøØßæÆœŒıðþ]/g, (c) => FOLD[c]!).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ').trim();
  return ALIASES[n] ?? n;
}

function surname(s: string): string {
  const t = norm(s).split(' ');
  const last = t[t.length - 1]!;
  return ALIASES[last] ?? last;
}

export class GoldMatcher {
  private readonly variants = new Map<string, string[]>();
  constructor(readonly gold: Gold) {
    for (const l of gold.leaders) if (typeof l === 'object' && l.aliases?.length) this.variants.set(l.name, [l.name, ...l.aliases]);
  }

  /** Does the node stand for the gold name? (lift: a leader stands for their country) */
  matches(n: NodeAttributes | undefined, name: string, lift: boolean): boolean {
    if (!n) return false;
    const variants = this.variants.get(name) ?? [name];
    return variants.some((v) => matches1(n, v, lift));
  }

  pairMatches(s: NodeAttributes | undefined, t: NodeAttributes | undefined, gp: GoldPair, directed: boolean): boolean {
    return (this.matches(s, gp[0], true) && this.matches(t, gp[1], true)) || (!directed && this.matches(s, gp[1], true) && this.matches(t, gp[0], true));
  }
}

function matches1(n: NodeAttributes, name: string, lift: boolean): boolean {
  const want = norm(name);
  if (norm(n.label) === want) return true;
  for (const al of n.aliases ?? []) if (norm(al) === want) return true;
  if (n.kind === 'leader') {
    if (want.split(' ').length > 1 && surname(n.label) === surname(name)) return true;
    if (lift && n.country && norm(n.country) === want) return true;
  }
  return false;
}

export const RELATION_FIELDS = [['meets', 'meets', false], ['negotiates', 'negotiates_with', false], ['sanctions', 'sanctions', true]] as const;
export type RelationField = (typeof RELATION_FIELDS)[number][0];

export interface Counts { tp: number; fp: number; fn: number }
export interface ArticleScore {
  rel: Record<RelationField, Counts>;
  /** Indexes of the gold pairs of each field that some extracted pair matches. */
  credited: Record<RelationField, Set<number>>;
  dates: { right: number; all: number };
  missed: string[];
  extra: string[];
}

/** The shared scorer's relation counts for one extracted fragment. */
export function scoreFragment(f: Fragment, gold: Gold): ArticleScore {
  const m = new GoldMatcher(gold);
  const nodes = new Map(f.nodes.map((n) => [n.key, n.attributes]));
  const out: ArticleScore = { rel: { meets: { tp: 0, fp: 0, fn: 0 }, negotiates: { tp: 0, fp: 0, fn: 0 }, sanctions: { tp: 0, fp: 0, fn: 0 } }, credited: { meets: new Set(), negotiates: new Set(), sanctions: new Set() }, dates: { right: 0, all: 0 }, missed: [], extra: [] };
  for (const [field, kind, directed] of RELATION_FIELDS) {
    const edges = f.edges.filter((e) => e.attributes.kind === kind);
    const seen = new Map<string, [NodeAttributes | undefined, NodeAttributes | undefined]>();
    for (const e of edges) {
      const s = nodes.get(e.source);
      const t = nodes.get(e.target);
      const key = directed ? `${s?.label}>${t?.label}` : [s?.label, t?.label].sort().join('|');
      if (!seen.has(key)) seen.set(key, [s, t]);
    }
    const distinct = [...seen.values()];
    const goldPairs = gold[field];
    const ok = gold.also_ok[field] ?? [];
    const c = out.rel[field];
    goldPairs.forEach((gp, k) => {
      if (distinct.some(([s, t]) => m.pairMatches(s, t, gp, directed))) { c.tp++; out.credited[field].add(k); }
      else { c.fn++; out.missed.push(`${field}: ${gp[0]} ~ ${gp[1]}`); }
    });
    const wrong = distinct.filter(([s, t]) => !goldPairs.some((gp) => m.pairMatches(s, t, gp, directed)) && !ok.some((gp) => m.pairMatches(s, t, gp, directed)));
    c.fp += wrong.length;
    for (const [s, t] of wrong) out.extra.push(`${field}: ${s?.label} ~ ${t?.label}`);
    if (field === 'meets') {
      for (const gp of goldPairs) {
        if (typeof gp[2] !== 'string') continue;
        const es = edges.filter((e) => m.pairMatches(nodes.get(e.source), nodes.get(e.target), gp, false));
        if (!es.length) continue;
        out.dates.all++;
        if (es.some((e) => e.attributes.date.startsWith(gp[2]!))) out.dates.right++;
        else out.missed.push(`date: ${gp[0]} ~ ${gp[1]} gold ${gp[2]} got [${[...new Set(es.map((e) => e.attributes.date))].join(', ')}]`);
      }
    }
  }
  return out;
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
