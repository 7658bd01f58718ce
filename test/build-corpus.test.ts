// kg build at corpus scale, as users call it: JSON Lines with bad rows, recursive directories, worker
// threads, --into, and kg merge of fragments extracted separately. Real processes, real files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpusLines } from '../src/corpus/generate.js';

const root = resolve(import.meta.dirname, '..');
// what `npm run kg` runs: the compiled CLI (dist/, built fresh by test/setup/build-dist.ts)
const kgPath = join(root, 'scripts', 'kg.mjs');
const work = mkdtempSync(join(tmpdir(), 'newsgraph-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function kg(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [kgPath, ...args], { cwd: root, input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function graphOf(dir: string) {
  return JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')) as {
    attributes: { articles: Record<string, { hash: string; meta?: Record<string, unknown> }> };
    nodes: { key: string; attributes: { kind: string; source?: string[] } }[];
  };
}

function same(a: string, b: string): void {
  for (const f of ['graph.json', 'graph.gexf']) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
}

/** 48 generated articles (three batches of 16: both worker threads get work), split in two files. */
let corpus: string[];
let half1: string;
let half2: string;
beforeAll(() => {
  corpus = [...generateCorpusLines({ count: 48, seed: 5, size: 800 })];
  half1 = join(work, 'half1.jsonl');
  half2 = join(work, 'half2.jsonl');
  // interleaved, so that neither file is a contiguous run of ids
  writeFileSync(half1, corpus.filter((_, i) => i % 2 === 0).join(''));
  writeFileSync(half2, corpus.filter((_, i) => i % 2 === 1).join(''));
});

describe('JSON Lines', () => {
  it('reports a bad row with its line number, builds the rest, exits 2; unknown fields are kept', () => {
    const file = join(work, 'mixed.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'good-1', date: '2026-03-12', text: 'Emmanuel Macron met Olaf Scholz in Paris.', section: 'world', rank: 3 }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'no-text' }),
      '',
      JSON.stringify({ id: 'good-2', text: 'Il presidente Sergio Mattarella ha incontrato Emmanuel Macron a Roma.', date: '2026-13-01' }),
      JSON.stringify({ id: 'good-3', text: 'Donald Trump imposed sanctions on Russia.' }),
    ].join('\n') + '\n');
    const out = join(work, 'out-mixed');
    const r = kg(['build', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/skipped .*mixed\.jsonl:2: invalid JSON/);
    expect(r.stderr).toMatch(/skipped .*mixed\.jsonl:3: .*text/);
    expect(r.stderr).toMatch(/skipped .*mixed\.jsonl:5: .*date/);
    const g = graphOf(out);
    expect(Object.keys(g.attributes.articles).sort()).toEqual(['good-1', 'good-3']);
    expect(g.attributes.articles['good-1']!.meta).toEqual({ rank: 3, section: 'world' });
  });

  it('exits 1 and writes nothing when every row is bad', () => {
    const file = join(work, 'bad.jsonl');
    writeFileSync(file, 'nope\n{"id": 1}\n');
    const out = join(work, 'out-bad');
    const r = kg(['build', file, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.jsonl:1/);
    expect(existsSync(join(out, 'graph.json'))).toBe(false);
  });

  it('reads JSON Lines from stdin', () => {
    const out = join(work, 'out-stdin');
    const r = kg(['build', '-', '--out', out], corpus.slice(0, 3).join(''));
    expect(r.code).toBe(0);
    expect(Object.keys(graphOf(out).attributes.articles)).toHaveLength(3);
  });
});

describe('directories', () => {
  it('reads .txt and .jsonl files recursively, skipping dot-files and other extensions', () => {
    const dir = join(work, 'tree');
    mkdirSync(join(dir, 'a', 'b', 'c'), { recursive: true });
    mkdirSync(join(dir, '.hidden'), { recursive: true });
    writeFileSync(join(dir, 'top.txt'), 'date 2026-03-12 Wire. Emmanuel Macron met Olaf Scholz in Berlin.');
    writeFileSync(join(dir, 'a', 'b', 'c', 'deep.txt'), 'date 2026-03-12 Wire. Donald Trump imposed sanctions on Iran.');
    writeFileSync(join(dir, 'a', 'rows.jsonl'), corpus.slice(0, 2).join(''));
    writeFileSync(join(dir, 'a', 'notes.md'), '# not an article');
    writeFileSync(join(dir, '.hidden', 'x.txt'), 'Emmanuel Macron met Olaf Scholz.');
    const out = join(work, 'out-tree');
    const r = kg(['build', dir, '--out', out]);
    expect(r.code).toBe(0);
    expect(Object.keys(graphOf(out).attributes.articles).sort()).toEqual(['deep', 'gen-5-0000000', 'gen-5-0000001', 'top']);
  });
});

describe('determinism and distribution', () => {
  it('gives byte-identical files with 1 and 2 threads and whatever the file order', () => {
    const one = join(work, 'out-t1');
    const two = join(work, 'out-t2');
    expect(kg(['build', half1, half2, '--threads', '1', '--out', one]).code).toBe(0);
    expect(kg(['build', half2, half1, '--threads', '2', '--out', two]).code).toBe(0);
    same(one, two);
    expect(Object.keys(graphOf(one).attributes.articles)).toHaveLength(48);
  });

  it('the sources (npm run kg:dev, tsx, workers started through tsx) build the same bytes as the compiled CLI', () => {
    const compiled = join(work, 'out-compiled');
    const dev = join(work, 'out-dev');
    expect(kg(['build', half1, half2, '--threads', '2', '--out', compiled]).code).toBe(0);
    const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'kg.ts'), 'build', half1, half2, '--threads', '2', '--out', dev], {
      cwd: root, encoding: 'utf8', timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    same(compiled, dev);
  });

  it('kg merge of fragments extracted separately equals kg build at once', () => {
    const all = join(work, 'out-all');
    expect(kg(['build', half1, half2, '--out', all]).code).toBe(0);
    const shards = [half1, half2].map((h, i) => {
      const r = kg(['extract', h, '--format', 'ndjson', '--threads', '2']);
      expect(r.code).toBe(0);
      const f = join(work, `shard${i}.ndjson`);
      writeFileSync(f, r.stdout);
      return f;
    });
    const merged = join(work, 'out-merged');
    const m = kg(['merge', shards[1]!, shards[0]!, '--out', merged]);
    expect(m.code).toBe(0);
    same(all, merged);
  });

  it('kg merge skips a bad fragment line with its number (exit 2)', () => {
    const f = join(work, 'frag-bad.ndjson');
    const good = kg(['extract', 'seeds/000_9fb3d8e6ccd01cfd.txt', '--format', 'ndjson']).stdout;
    writeFileSync(f, good + '{"article": {}}\n');
    const r = kg(['merge', f, '--out', join(work, 'out-frag-bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/frag-bad\.ndjson:2/);
  });
});

describe('kg build --into', () => {
  it('adds new articles, skips those already in the graph, and keeps their content', () => {
    const dir = join(work, 'out-into');
    expect(kg(['build', half1, '--out', dir]).code).toBe(0);
    const before = graphOf(dir);
    expect(Object.keys(before.attributes.articles)).toHaveLength(24);
    const r = kg(['build', half1, half2, '--into', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/24 article\(s\) added, 24 already in the graph/);
    const after = graphOf(dir);
    expect(Object.keys(after.attributes.articles)).toHaveLength(48);
    for (const [id, a] of Object.entries(before.attributes.articles)) expect(after.attributes.articles[id]!.hash).toBe(a.hash);
    // every node of the first graph is still there
    const keys = new Set(after.nodes.map((n) => n.key));
    const lost = before.nodes.filter((n) => !keys.has(n.key) && n.attributes.kind !== 'meeting');
    expect(lost).toEqual([]);
    // a second run adds nothing
    const again = kg(['build', half2, '--into', dir]);
    expect(again.stderr).toMatch(/nothing new \(24 article\(s\) already in the graph\)/);
  });

  it('fails without touching the graph when --into has no graph.json', () => {
    const r = kg(['build', half1, '--into', join(work, 'nowhere')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/graph\.json: no such file/);
  });
});
