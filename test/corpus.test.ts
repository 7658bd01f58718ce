// JSON Lines parsing, the synthetic corpus generator, and the streamed JSON writer.
import { describe, expect, it } from 'vitest';
import { parseArticleLine, parseJsonl } from '../src/corpus/jsonl.js';
import { generateArticle, generateCorpusLines, timelineDays, type GenerateOptions } from '../src/corpus/generate.js';
import { loadGazetteer, slugify } from '../src/extract/gazetteer.js';
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
    expect(generateArticle(7, { count: 300, seed: 3 }).reports).toEqual(generateArticle(7, { count: 300, seed: 3 }).reports);
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

describe('generateCorpus: a world timeline', () => {
  const dayOf = (iso: string) => Date.parse(iso) / 86_400_000;
  /** Articles reporting each timeline event (from the generator's own account of what it wrote). */
  const coverage = (opts: GenerateOptions): Map<string, number> => {
    const n = new Map<string, number>();
    for (let i = 0; i < opts.count; i++) {
      for (const r of generateArticle(i, opts).reports) if (r.id.startsWith('event:')) n.set(r.id, (n.get(r.id) ?? 0) + 1);
    }
    return n;
  };

  it('covers more days as the corpus grows: about 100 articles a day, at least 180 days', () => {
    const span = (count: number) => dayOf(generateArticle(count - 1, { count }).date) - dayOf(generateArticle(0, { count }).date);
    expect(timelineDays({ count: 1000 })).toBe(180);
    expect(span(1000)).toBeGreaterThanOrEqual(178);
    expect(span(1000)).toBeLessThan(190);
    expect(span(60_000)).toBeGreaterThanOrEqual(590);
    expect(span(60_000)).toBeLessThan(610);
  });

  it('reports events near the article date, and names every participant and the place', () => {
    for (let i = 0; i < 300; i += 7) {
      const a = generateArticle(i, { count: 300, seed: 2 });
      for (const r of a.reports.filter((x) => x.id.startsWith('event:'))) {
        expect(Math.abs(dayOf(r.date!) - dayOf(a.date))).toBeLessThanOrEqual(4);
        expect(r.who.length).toBeGreaterThanOrEqual(2);
        for (const key of [...r.who, r.place!]) {
          const e = loadGazetteer().entries.get(key)!;
          expect(e.names.some((n) => a.text.includes(n.form)), `${key} in ${a.id}`).toBe(true);
        }
      }
    }
  });

  it('has each event reported by several articles, a few by very many (Zipf-like)', () => {
    const counts = [...coverage({ count: 600, seed: 5, days: 20 }).values()].sort((a, b) => b - a);
    const mean = counts.reduce((s, x) => s + x, 0) / counts.length;
    expect(mean).toBeGreaterThan(2);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(counts[0]!).toBeGreaterThan(8 * median);
    expect(counts.filter((x) => x === 1).length).toBeGreaterThan(0);
  });

  it('grows distinct events sublinearly with the articles over a fixed timeline', () => {
    const small = coverage({ count: 300, seed: 6, days: 30 }).size;
    const large = coverage({ count: 1200, seed: 6, days: 30 }).size;
    expect(large).toBeGreaterThanOrEqual(small);
    // four times the articles, well under twice the events: the timeline, not the articles, sets them
    expect(large).toBeLessThan(2 * small);
  });

  it('draws relations mostly from ongoing stories that many articles repeat', () => {
    let reports = 0;
    const stories = new Set<string>();
    for (let i = 0; i < 300; i++) {
      for (const r of generateArticle(i, { count: 300, seed: 7 }).reports) {
        if (!r.id.startsWith('story:')) continue;
        reports++;
        stories.add(r.id);
      }
    }
    expect(reports).toBeGreaterThan(300);
    expect(stories.size / reports).toBeLessThan(0.2);
  });

  it('is extracted as one meeting node per event, with every article that reported it', () => {
    const opts = { count: 160, seed: 8, days: 8 };
    const generated = Array.from({ length: opts.count }, (_, i) => generateArticle(i, opts));
    const g = graphOf(generated.map((a) => extract(readArticle(a.text, { id: a.id }))));
    const slug = (key: string) => slugify(loadGazetteer().entries.get(key)!.label);
    const reporters = new Map<string, Set<string>>();
    for (const a of generated) {
      for (const r of a.reports) {
        if (!r.id.startsWith('event:')) continue;
        const key = `meeting:${r.date}:${r.who.map(slug).sort().join('+')}`;
        if (!reporters.has(key)) reporters.set(key, new Set());
        reporters.get(key)!.add(a.id);
      }
    }
    const shared = [...reporters].filter(([, ids]) => ids.size >= 2);
    expect(shared.length).toBeGreaterThan(10);
    const found = shared.filter(([key, ids]) => g.hasNode(key) && [...ids].every((id) => (g.getNodeAttribute(key, 'source') ?? []).includes(id)));
    expect(found.length / shared.length).toBeGreaterThan(0.8);
  });
});

describe('jsonChunks', () => {
  it('streams exactly the text of toJson', () => {
    const g = graphOf([extract(readArticle('date 2026-03-12 W. Emmanuel Macron met Olaf Scholz in Paris on Monday. Donald Trump imposed sanctions on Russia.', { id: 'a' }))]);
    expect([...jsonChunks(g)].join('')).toBe(toJson(g));
  });
});
