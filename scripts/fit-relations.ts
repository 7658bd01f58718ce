// Fits the candidate scorer (data/model/relations.json) on an annotated set and reports k-fold cross-validated
// scores, folds by article: for each fold, the weights are fitted on the other articles and the held-out
// articles are extracted whole with them and scored the way the shared scorer does. Deterministic: the same
// set gives the same weights.
//
//   npx tsx scripts/fit-relations.ts [SET_DIR] [--folds 5] [--write]
//
// SET_DIR defaults to ../shared/eval/dev. --write saves the weights fitted on the whole set.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { readArticle, articleIdFromPath } from '../src/read/index.js';
import { detectMentions } from '../src/extract/mentions.js';
import { normaliseSpelling } from '../src/extract/spelling.js';
import { resolveCoreference } from '../src/extract/coref.js';
import { extractRelations } from '../src/extract/relations.js';
import { buildFragment } from '../src/extract/fragment.js';
import { extract } from '../src/extract/index.js';
import { scoreCandidates } from '../src/extract/candidates/apply.js';
import { RULES_ONLY, probability, type FamilyModel, type RelationModel } from '../src/extract/candidates/scorer.js';
import type { Features } from '../src/extract/candidates/features.js';
import type { CueFamily } from '../src/extract/candidates/cues.js';
import type { Article } from '../src/read/types.js';
import { GoldMatcher, loadGoldSet, prf, scoreFragment, RELATION_FIELDS, type Counts, type Gold } from './lib/gold.js';

const root = join(import.meta.dirname, '..');
const program = new Command('fit-relations')
  .argument('[set]', 'evaluation set (articles/ and gold/)', join(root, '..', 'shared', 'eval', 'dev'))
  .option('--folds <n>', 'cross-validation folds (by article)', '5')
  .option('--l2 <x>', 'L2 penalty', '0.03')
  .option('--min-precision <x>', 'lowest precision of the accepted candidates a threshold may give', '0.7')
  .option('--write', 'write data/model/relations.json fitted on the whole set')
  .option('--verbose', 'list the cross-validated misses and extra pairs of every article')
  .parse();
const setDir = program.args[0] ?? join(root, '..', 'shared', 'eval', 'dev');
const opts = program.opts<{ folds: string; l2: string; minPrecision: string; write?: boolean; verbose?: boolean }>();
const FOLDS = Number(opts.folds);
const L2 = Number(opts.l2);
const MIN_PRECISION = Number(opts.minPrecision);
const FAMILIES: CueFamily[] = ['meets', 'negotiates', 'sanctions'];

interface PairRow {
  family: CueFamily;
  /** Every mention of the pair in the article (a pair is kept on its best one). */
  instances: Features[];
  /** Indexes of the gold pairs it matches; `ok`: it matches an also_ok pair. */
  gold: number[];
  ok: boolean;
}

interface ArticleData {
  gold: Gold;
  article: Article;
  pairs: PairRow[];
  /** Gold pairs the rules credit already, and the rules' wrong pairs, per family. */
  base: Record<CueFamily, { credited: Set<number>; fp: number }>;
}

function prepare(gold: Gold): ArticleData {
  // the stages of extract() up to the candidates, in its order (spelling first, as extract() does)
  const article = normaliseSpelling(readArticle(readFileSync(gold.articlePath), { id: articleIdFromPath(gold.articlePath) }));
  const ments = detectMentions(article);
  resolveCoreference(ments);
  const rels = extractRelations(article, ments);
  const scored = scoreCandidates(article, ments, rels, RULES_ONLY);
  const fragment = buildFragment(article, ments, rels);
  const nodes = new Map(fragment.nodes.map((n) => [n.key, n.attributes]));
  const m = new GoldMatcher(gold);
  const byPair = new Map<string, PairRow>();
  for (const s of scored) {
    if (s.byRules) continue;
    const family = s.candidate.family;
    const id = `${family}:${s.key}`;
    let row = byPair.get(id);
    if (!row) {
      const field = family;
      const directed = family === 'sanctions';
      const a = nodes.get(s.candidate.a.key);
      const b = nodes.get(s.candidate.b.key);
      const goldIdx: number[] = [];
      gold[field].forEach((gp, k) => { if (m.pairMatches(a, b, gp, directed)) goldIdx.push(k); });
      const ok = (gold.also_ok[field] ?? []).some((gp) => m.pairMatches(a, b, gp, directed));
      row = { family, instances: [], gold: goldIdx, ok };
      byPair.set(id, row);
    }
    row.instances.push(s.features);
  }
  // the rules' own score, per gold pair
  const base = {} as ArticleData['base'];
  const sc = scoreFragment(fragment, gold);
  for (const [field] of RELATION_FIELDS) base[field] = { credited: sc.credited[field], fp: sc.rel[field].fp };
  return { gold, article, pairs: [...byPair.values()], base };
}

/** L2-regularised logistic regression by batch gradient descent: deterministic, and enough for a few thousand rows. */
function fitLogistic(rows: { x: Features; y: number; w: number }[]): Record<string, number> {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.x)))].sort();
  const index = new Map(names.map((n, k) => [n, k]));
  const X = rows.map((r) => Object.entries(r.x).map(([n, v]) => [index.get(n)!, v] as const));
  const w = new Float64Array(names.length);
  const pos = rows.reduce((n, r) => n + (r.y === 1 ? r.w : 0), 0);
  const all = rows.reduce((n, r) => n + r.w, 0);
  if (pos === 0 || pos === all) return {};
  // each class weighs half: positives are rare, and the threshold (not the prior) decides the trade-off
  const cw = [0.5 / (all - pos), 0.5 / pos];
  const rate = 2;
  for (let it = 0; it < 1500; it++) {
    const g = new Float64Array(names.length);
    for (let i = 0; i < rows.length; i++) {
      let z = 0;
      for (const [k, v] of X[i]!) z += w[k]! * v;
      const y = rows[i]!.y;
      const d = (1 / (1 + Math.exp(-z)) - y) * cw[y]! * rows[i]!.w;
      for (const [k, v] of X[i]!) g[k]! += d * v;
    }
    for (let k = 0; k < names.length; k++) w[k]! -= rate * (g[k]! + (names[k] === 'bias' ? 0 : L2 * w[k]!));
  }
  return Object.fromEntries(names.map((n, k) => [n, Math.round(w[k]! * 10000) / 10000]));
}

/** Best pair-level F1 (rules plus accepted candidates) over thresholds, with the accepted candidates' precision at least MIN_PRECISION. */
function chooseThreshold(family: CueFamily, data: ArticleData[], fm: Omit<FamilyModel, 'threshold'>): number {
  const scoredPairs = data.map((d) => d.pairs.filter((p) => p.family === family).map((p) => ({ p, s: Math.max(...p.instances.map((x) => probability({ ...fm, threshold: 1 }, x))) })));
  let best = { t: 2, f1: -1 };
  for (let t = 0.3; t < 0.991; t += 0.02) {
    let tp = 0, fp = 0, fn = 0, addTp = 0, addFp = 0;
    data.forEach((d, k) => {
      const credited = new Set(d.base[family].credited);
      let extraFp = 0;
      for (const { p, s } of scoredPairs[k]!) {
        if (s < t) continue;
        if (p.gold.length) { for (const g of p.gold) if (!credited.has(g)) { credited.add(g); addTp++; } } else if (!p.ok) { extraFp++; addFp++; }
      }
      const n = d.gold[family].length;
      tp += credited.size; fn += n - credited.size; fp += d.base[family].fp + extraFp;
    });
    const f1 = prf({ tp, fp, fn }).f1;
    const precision = addTp + addFp ? addTp / (addTp + addFp) : 1;
    if (precision >= MIN_PRECISION && f1 > best.f1 + 1e-9) best = { t: Math.round(t * 100) / 100, f1 };
  }
  return best.t;
}

function fitModel(data: ArticleData[]): RelationModel {
  const families = {} as RelationModel['families'];
  for (const family of FAMILIES) {
    const rows: { x: Features; y: number; w: number }[] = [];
    for (const d of data) for (const p of d.pairs) {
      if (p.family !== family || (p.ok && !p.gold.length)) continue;
      // each pair weighs one, however many sentences name it
      for (const x of p.instances) rows.push({ x, y: p.gold.length ? 1 : 0, w: 1 / p.instances.length });
    }
    const weights = fitLogistic(rows);
    families[family] = { weights, threshold: Object.keys(weights).length ? chooseThreshold(family, data, { weights }) : 2 };
  }
  return { families };
}

interface Totals { rel: Record<string, Counts>; lang: Record<string, Counts>; dates: { right: number; all: number } }
function emptyTotals(): Totals {
  return { rel: {}, lang: {}, dates: { right: 0, all: 0 } };
}
function addCounts(t: Record<string, Counts>, k: string, c: Counts): void {
  const x = (t[k] ??= { tp: 0, fp: 0, fn: 0 });
  x.tp += c.tp; x.fp += c.fp; x.fn += c.fn;
}
function evaluate(d: ArticleData, model: RelationModel, into: Totals, verbose = false): void {
  const s = scoreFragment(extract(d.article, { model }), d.gold);
  if (verbose && (s.missed.length || s.extra.length)) {
    console.log(`${d.gold.name} (${d.gold.lang})`);
    for (const x of s.missed) console.log(`  missed ${x}`);
    for (const x of s.extra) console.log(`  extra  ${x}`);
  }
  for (const [field] of RELATION_FIELDS) {
    addCounts(into.rel, field, s.rel[field]);
    addCounts(into.rel, 'all', s.rel[field]);
    addCounts(into.lang, d.gold.lang, s.rel[field]);
  }
  into.dates.right += s.dates.right;
  into.dates.all += s.dates.all;
}
function report(title: string, t: Totals): void {
  const fmt = (c: Counts): string => { const m = prf(c); return `P ${m.p.toFixed(2)} R ${m.r.toFixed(2)} F1 ${m.f1.toFixed(2)} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`; };
  console.log(title);
  for (const k of ['meets', 'negotiates', 'sanctions']) if (t.rel[k]) console.log(`  ${k.padEnd(12)} ${fmt(t.rel[k])}`);
  for (const [k, c] of Object.entries(t.lang).sort()) console.log(`  ${('lang ' + k).padEnd(12)} ${fmt(c)}`);
  console.log(`  ${'dates'.padEnd(12)} ${t.dates.right}/${t.dates.all} matched meetings dated right`);
  console.log(`  ${'relations'.padEnd(12)} ${fmt(t.rel.all!)}`);
}

const golds = loadGoldSet(setDir);
const data = golds.map(prepare);
const baseline = emptyTotals();
for (const d of data) evaluate(d, RULES_ONLY, baseline);
report('rules only', baseline);

const cv = emptyTotals();
for (let fold = 0; fold < FOLDS; fold++) {
  const train = data.filter((_, k) => k % FOLDS !== fold);
  const model = fitModel(train);
  for (const d of data.filter((_, k) => k % FOLDS === fold)) evaluate(d, model, cv, opts.verbose);
}
report(`${FOLDS}-fold cross-validation (folds by article)`, cv);

const full = fitModel(data);
for (const f of FAMILIES) console.log(`${f}: threshold ${full.families[f].threshold}, ${Object.keys(full.families[f].weights).length} weights`);
if (opts.write) {
  const sorted = (o: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  const out = {
    _doc: `Candidate relation scorer (src/extract/candidates): logistic regression weights per family over the features of features.ts, and the probability a pair needs. Written by scripts/fit-relations.ts from ${golds.length} annotated articles; do not edit by hand.`,
    families: Object.fromEntries(FAMILIES.map((f) => [f, { threshold: full.families[f].threshold, weights: sorted(full.families[f].weights) }])),
  };
  writeFileSync(join(root, 'data', 'model', 'relations.json'), `${JSON.stringify(out, null, 1)}\n`);
  console.log('wrote data/model/relations.json');
}
