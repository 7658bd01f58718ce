// Fuzzing helpers: adversarial article generators (fast-check arbitraries), the pipeline run under them,
// GEXF validation with xmllint, and a per-byte cost measurement for complexity checks.
//
// Run length and seed come from the environment so that `npm test` runs a short, reproducible pass and
// `npm run fuzz` (scripts/fuzz.ts) a long one with a fresh seed:
//   NEWSGRAPH_FUZZ_RUNS  number of cases per property (default 30)
//   NEWSGRAPH_FUZZ_SEED  fast-check seed (default 20260312); a failing run prints the seed to replay
//   NEWSGRAPH_FUZZ_LONG  "1": complexity checks go up to 1 MB and the 10 MB single line is tried
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isUserError } from '../../src/errors.js';
import { readArticle } from '../../src/read/index.js';
import { extract } from '../../src/extract/index.js';
import { createGraph, type KnowledgeGraph } from '../../src/graph/create.js';
import { mergeFragment } from '../../src/graph/merge.js';
import { applyAppearance } from '../../src/graph/appearance.js';
import { layoutGraph } from '../../src/graph/layout.js';
import type { Fragment } from '../../src/graph/model.js';
import { gexfSchemaDir } from './system-tools.js';

export const FUZZ_RUNS = Number(process.env.NEWSGRAPH_FUZZ_RUNS ?? 30);
export const FUZZ_SEED = Number(process.env.NEWSGRAPH_FUZZ_SEED ?? 20260312);
export const FUZZ_LONG = process.env.NEWSGRAPH_FUZZ_LONG === '1';

/** fast-check parameters shared by every property (fixed seed unless overridden). */
export function fuzzParams(runs = FUZZ_RUNS): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: runs, endOnFailure: false };
}

// --- building blocks -------------------------------------------------------------------------------

const REPO = join(import.meta.dirname, '..', '..');

interface GazetteerLeader {
  name: string;
  aliases?: string[];
}

/** Real names from the gazetteer (so that the extractor's name paths are exercised, not only misses). */
export const LEADER_NAMES: readonly string[] = (() => {
  const raw = JSON.parse(readFileSync(join(REPO, 'data', 'gazetteer', 'leaders.json'), 'utf8')) as unknown;
  const list = (Array.isArray(raw) ? raw : Object.values(raw as Record<string, unknown>)) as GazetteerLeader[];
  return list.map((l) => l.name).filter((n): n is string => typeof n === 'string');
})();

/** Words that trigger the extractor's relation, role and time paths (Italian and English). */
const TRIGGERS = [
  'incontra', 'incontrerà', 'ha incontrato', 'meets', 'met', 'will meet', 'sanctions', 'sanzioni contro', 'negotiates with',
  'colloqui con', 'talks with', 'il presidente', 'the president', 'il ministro degli Esteri', 'prime minister', 'a Parigi', 'in Geneva',
  'domani', 'tomorrow', 'il 12 marzo', 'on March 13', 'lunedì', 'next week', 'ha detto', 'said', 'non', 'not', 'e', 'and', ',', '.',
];

/** One sample of every kind of script and of text that breaks naive tokenisers. */
const SCRIPTS = [
  'Владимир Путин встретился с Зеленским.', 'الرئيس ماكرون يلتقي زيلينسكي في باريس', 'שלום עולם', ' 習近平會見馬克龍 ',
  'ヨーロッパ連合', '대한민국 대통령', 'नरेंद्र मोदी', 'Ελλάδα', 'ქართული', 'Հայաստան', 'ภาษาไทย', 'ኢትዮጵያ',
  '👨‍👩‍👧‍👦🇫🇷🇺🇦🤝🏽', 'e\u0301 a\u0308 n\u0303', '\u202Eevil\u202C', '\u200B\u200C\u200D\uFEFF', 'ﬁ ﬂ Ⅻ ㎞', '𝕸𝖆𝖈𝖗𝖔𝖓',
  'Zelens’kyj', 'Erdoğan', 'Ḥamās', 'İstanbul ı', 'ß ẞ', '\u00A0\u2009\u3000',
];

/** Markup and punctuation that should be read as text. */
const MARKUP = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">Macron</a>', '&amp; &lt; &#x27;',
  '# Titolo', '**Macron**', '_Zelensky_', '[Parigi](http://x)', '> citazione', '```', '| a | b |', '---',
  '"', '“', '”', '«', '»', '‘', '’', "'", '(', ')', '[', ']', '{', '}', '((((', '))))', '"""', '<<<', '...', '…', '?!', ';;',
  '\t', '\n', '\n\n', '\r\n', '\f', '\u2028', '\u2029', '\0', '\x01', '\x1b[31m', '\uFFFD', '\uFFFF', '\uD800', '\uDC00',
];

const HEADERS = ['', ' date 2026-03-12 AgenPress. ', 'date 2026-02-30 X. ', 'date 9999-99-99 ', 'date ', 'date 2026-03-12', '   \n\n date 2026-03-12 Fonte con <b>HTML</b>. '];

const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LEADER_NAMES) },
  { weight: 4, arbitrary: fc.constantFrom(...TRIGGERS) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1, max: 3000 }).map(String) },
);

/** Text articles: a header variant, then pieces joined by spaces, sometimes without any. */
export const articleText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...HEADERS), fc.array(piece, { maxLength: 80 }), fc.constantFrom(' ', '', '\n', ', '))
  .map(([header, pieces, sep]) => header + pieces.join(sep));

/** A thousand names (or a few hundred) in one sentence, joined the way lists are written. */
export const manyNamesSentence: fc.Arbitrary<string> = fc
  // Separators only: a chain of relation verbs between the names is super-linear today (see fuzz.test.ts).
  .tuple(fc.integer({ min: 50, max: 1000 }), fc.constantFrom(', ', ' e ', ' and ', '; ', ' – '), fc.nat())
  .map(([n, sep, offset]) => {
    const names: string[] = [];
    for (let i = 0; i < n; i++) names.push(LEADER_NAMES[(offset + i) % LEADER_NAMES.length]!);
    return `date 2026-03-12 Test. ${names.join(sep)} si sono incontrati a Parigi.`;
  });

/** Byte-level mutations of a valid article: truncation (inside a multi-byte sequence too), NULs, random bytes. */
export const mutatedBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    articleText,
    fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('insert' as const), at: fc.nat(), byte: fc.constantFrom(0x00, 0x80, 0xc0, 0xc3, 0xe2, 0xf0, 0xff, 0xfe, 0x1b) }),
        fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      ),
      { maxLength: 4 },
    ),
  )
  .map(([text, ops]) => {
    let bytes = Buffer.from(text, 'utf8');
    for (const o of ops) {
      if (bytes.length === 0) break;
      const at = o.at % bytes.length;
      if (o.op === 'truncate') bytes = bytes.subarray(0, at);
      else if (o.op === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([o.byte]), bytes.subarray(at)]);
      else {
        bytes = Buffer.from(bytes);
        bytes[at] = o.byte;
      }
    }
    return new Uint8Array(bytes);
  });

// --- the pipeline under test ----------------------------------------------------------------------

export type Outcome = { ok: true; fragment: Fragment } | { ok: false; refused: string };

/**
 * readArticle + extract. A UserError (empty, binary, not UTF-8, unreadable header) is a clean refusal;
 * anything else propagates and fails the property: that is a crash.
 */
export function runExtractor(input: string | Uint8Array, id = 'fuzz'): Outcome {
  let article;
  try {
    article = readArticle(input, { id, date: '2026-03-12' });
  } catch (err) {
    if (isUserError(err)) return { ok: false, refused: err.message };
    throw err;
  }
  return { ok: true, fragment: extract(article) };
}

/** Merged, styled and laid-out graph of fragments: what `kg build` writes. */
export function graphOfFragments(fragments: readonly Fragment[]): KnowledgeGraph {
  const g = createGraph();
  for (const f of fragments) mergeFragment(g, f);
  applyAppearance(g);
  layoutGraph(g);
  return g;
}

// --- GEXF validation -----------------------------------------------------------------------------

export function gexfSchema(): string {
  return join(gexfSchemaDir(), '1.3', 'gexf.rng');
}

export function schemaAvailable(): boolean {
  return existsSync(gexfSchema());
}

/**
 * Validates a GEXF 1.3 document against the RelaxNG schema (the only one accepting viz elements, see
 * shared/gexf-schema/README.md; xsi:schemaLocation is stripped first because the RNG rejects it).
 * Returns null when valid, else xmllint's messages.
 */
export function gexfProblems(xml: string): string | null {
  const stripped = xml.replace(/ xsi:schemaLocation="[^"]*"/, '');
  const r = spawnSync('xmllint', ['--noout', '--relaxng', gexfSchema(), '-'], { input: stripped, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r.status === 0 ? null : r.stderr.trim().split('\n').slice(0, 5).join('\n');
}

// --- complexity ----------------------------------------------------------------------------------

export interface CostPoint {
  bytes: number;
  ms: number;
  nsPerByte: number;
}

/**
 * Cost per byte of `fn` on inputs growing fourfold, from `minBytes` up to `maxBytes`, stopping early once
 * one run takes longer than `budgetMs` (a super-linear input would otherwise run for minutes). Each point
 * is the best of a few runs: the minimum is the least disturbed by other processes on a shared machine
 * and by garbage collection. The JIT is warmed up first on a small and a middle-sized input, so that the
 * smallest point is not inflated by compilation (which would hide growth) nor the largest by tiering.
 */
export function perByteCost(make: (bytes: number) => string, fn: (text: string) => void, opts: { minBytes: number; maxBytes: number; budgetMs: number }): CostPoint[] {
  const points: CostPoint[] = [];
  fn(make(opts.minBytes));
  fn(make(opts.minBytes * 4));
  for (let size = opts.minBytes; size <= opts.maxBytes; size *= 4) {
    const text = make(size);
    // The best of a few runs, in CPU time of this process rather than wall time: on a shared machine a test
    // descheduled for a moment would otherwise look super-linear (the small sizes get more runs: their times are
    // the baseline every other size is divided by).
    const reps = size <= 8 * 1024 ? 7 : size <= 32 * 1024 ? 3 : 2;
    let best = Infinity;
    for (let r = 0; r < reps; r++) {
      const c0 = process.cpuUsage();
      fn(text);
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000);
      if (best > opts.budgetMs) break;
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    points.push({ bytes, ms: best, nsPerByte: (best * 1e6) / bytes });
    if (best > opts.budgetMs) break;
  }
  return points;
}

/** Largest per-byte cost over the smallest one's: ~1 for linear work, growing with size for worse. */
export function costGrowth(points: readonly CostPoint[]): number {
  const first = points[0]!;
  return Math.max(...points.slice(1).map((p) => p.nsPerByte)) / first.nsPerByte;
}

/** Repeats `unit` until the text is at least `bytes` long, then cuts it at a character boundary. */
export function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit, 'utf8')));
}
