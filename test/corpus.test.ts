// JSON Lines parsing, the synthetic corpus generator, and the streamed JSON writer.
import { describe, expect, it } from 'vitest';
import { parseArticleLine, parseJsonl } from '../src/corpus/jsonl.js';
import { generateArticle, generateCorpusLines } from '../src/corpus/generate.js';
import { parseFragmentLine } from '../src/corpus/fragments.js';
import { jsonChunks, toJson } from '../src/export/json.js';
import { graphOf } from '../src/cli/pipeline.js';
import { readArticle } from '../src/read/index.js';
import { extract } from '../src/extract/index.js';

describe('parseArticleLine', () => {
  it('keeps the known fields and puts the others in meta (objects as JSON text)', () => {
    const r = parseArticleLine(JSON.stringify({ id: 'a', text: 'T', date: '2026-01-02', source: 'S', title: 'Ti', url: 'u', lang: 'it', tags: ['x'], n: null }));
    expect(r).toEqual({ record: { id: 'a', text: 'T', date: '2026-01-02', source: 'S', title: 'Ti', url: 'u', meta: { lang: 'it', tags: '["x"]' } } });
  });
  it('says what is wrong with a bad row', () => {
    expect(parseArticleLine('{')).toHaveProperty('error', expect.stringMatching(/invalid JSON/));
    expect(parseArticleLine('[1]')).toHaveProperty('error', 'not a JSON object');
    expect(parseArticleLine('{"text":"x"}')).toHaveProperty('error', expect.stringMatching(/id/));
    expect(parseArticleLine('{"id":"a","text":"  "}')).toHaveProperty('error', expect.stringMatching(/text/));
    expect(parseArticleLine('{"id":"a","text":"x","date":"2026-02-30"}')).toHaveProperty('error', expect.stringMatching(/date/));
    expect(parseArticleLine('{"id":"a","text":"x","title":5}')).toHaveProperty('error', expect.stringMatching(/title/));
  });
  it('numbers lines from 1 and skips blank ones', () => {
    const rows = [...parseJsonl('{"id":"a","text":"x"}\n\n{bad\r\n')];
    expect(rows.map((r) => r.line)).toEqual([1, 3]);
    expect('error' in rows[1]!.result).toBe(true);
  });
  it('rejects fragments whose edges point at nodes they lack', () => {
    const f = { article: { id: 'a', hash: 'h', lang: 'en' }, nodes: [], edges: [{ key: 'k', source: 'x', target: 'y', attributes: { kind: 'meets', source: [], evidence: [], evidence_articles: [] } }] };
    expect(parseFragmentLine(JSON.stringify(f))).toHaveProperty('error', expect.stringMatching(/lacks/));
  });
});

describe('generateCorpus', () => {
  const lines = [...generateCorpusLines({ count: 300, seed: 3 })];
  const articles = lines.map((l) => JSON.parse(l) as { id: string; text: string; date: string; section: string });

  it('is deterministic for a seed and differs between seeds', () => {
    expect([...generateCorpusLines({ count: 300, seed: 3 })]).toEqual(lines);
    expect(generateArticle(0, { count: 300, seed: 4 }).text).not.toBe(articles[0]!.text);
  });

  it('writes Italian and English articles of about 2.5 KB, with a header date that advances', () => {
    const langs = new Set(Array.from({ length: 50 }, (_, i) => generateArticle(i, { count: 300, seed: 3 }).lang));
    expect(langs).toEqual(new Set(['it', 'en']));
    const mean = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0) / articles.length;
    expect(mean).toBeGreaterThan(2000);
    expect(mean).toBeLessThan(3500);
    expect(articles[0]!.text.startsWith(`date ${articles[0]!.date} `)).toBe(true);
    expect(articles[299]!.date > articles[0]!.date).toBe(true);
  });

  it('makes some leaders far more popular than most (Zipf-like)', () => {
    const g = graphOf(articles.slice(0, 120).map((a) => extract(readArticle(a.text, { id: a.id }))));
    const degrees = g.filterNodes((_, at) => at.kind === 'leader').map((k) => g.degree(k)).sort((a, b) => b - a);
    expect(degrees.length).toBeGreaterThan(30);
    const median = degrees[Math.floor(degrees.length / 2)]!;
    expect(degrees[0]!).toBeGreaterThan(5 * Math.max(1, median));
  });
});

describe('jsonChunks', () => {
  it('streams exactly the text of toJson', () => {
    const g = graphOf([extract(readArticle('date 2026-03-12 W. Emmanuel Macron met Olaf Scholz in Paris on Monday. Donald Trump imposed sanctions on Russia.', { id: 'a' }))]);
    expect([...jsonChunks(g)].join('')).toBe(toJson(g));
  });
});
