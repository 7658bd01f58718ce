// The command line as users and scripts call it (contract: ../shared/GUIDE.md): real processes, real files.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
// what `npm run kg` runs: the compiled CLI (dist/, built fresh by test/setup/build-dist.ts)
const kgPath = join(root, 'scripts', 'kg.mjs');
const work = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function kg(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [kgPath, ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(work, name);
  writeFileSync(p, content);
  return p;
}

const seed = 'seeds/000_9fb3d8e6ccd01cfd.txt';

describe('kg extract', () => {
  it('prints graphology JSON of the seed by default', () => {
    const r = kg(['extract', seed]);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout) as { nodes: { key: string; attributes: { kind: string } }[]; edges: unknown[]; options: { type: string } };
    expect(g.options.type).toBe('mixed');
    expect(g.nodes.find((n) => n.key === 'leader:emmanuel-macron')?.attributes.kind).toBe('leader');
    expect(g.edges.length).toBeGreaterThan(5);
  });

  it('prints GEXF with --format gexf, and one fragment per line with --format ndjson', () => {
    const gexf = kg(['extract', seed, '--format', 'gexf']);
    expect(gexf.code).toBe(0);
    expect(gexf.stdout).toMatch(/^<\?xml/);
    expect(gexf.stdout).toContain('<gexf');
    const nd = kg(['extract', seed, 'test/fixtures/articles/en_05_report_a.txt', '--format', 'ndjson']);
    expect(nd.code).toBe(0);
    const lines = nd.stdout.trim().split('\n').map((l) => JSON.parse(l) as { article: { id: string } });
    expect(lines.map((l) => l.article.id)).toEqual(['000_9fb3d8e6ccd01cfd', 'en_05_report_a']);
  });

  it('reads one article from stdin with "-", using --date when it has no header', () => {
    const r = kg(['extract', '-', '--date', '2026-03-12'], 'Il presidente francese Emmanuel Macron incontrerà domani Volodymyr Zelensky a Parigi.');
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout) as { nodes: { key: string }[] };
    expect(g.nodes.map((n) => n.key)).toContain('meeting:2026-03-13:emmanuel-macron+volodymyr-zelensky');
  });

  it('reads a UTF-16 article with its byte-order mark (LE and BE, CRLF lines, as Windows saves it) like its UTF-8 text', () => {
    const text = 'date 2026-03-12 Prova.\r\nIl presidente francese Emmanuel Macron ha incontrato Volodymyr Zelensky a Parigi.\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    // the same file name in three folders: the article id (from the name) and everything else must agree
    const utf8 = kg(['extract', (mkdirSync(join(work, 'u8'), { recursive: true }), file('u8/art.txt', text))]);
    expect(utf8.code, utf8.stderr).toBe(0);
    expect(utf8.stdout).toMatch(/leader:emmanuel-macron/);
    for (const [dir, bytes] of [['le', le], ['be', be]] as const) {
      mkdirSync(join(work, dir), { recursive: true });
      const r = kg(['extract', file(`${dir}/art.txt`, bytes)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, dir).toBe(utf8.stdout);
    }
  });

  it('has --help for the program and each command', () => {
    for (const args of [['--help'], ['extract', '--help'], ['build', '--help'], ['serve', '--help']]) {
      const r = kg(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: kg/);
    }
    // the subgraph mode and its choices are documented
    expect(kg(['serve', '--help']).stdout).toMatch(/--subgraph <mode>[\s\S]*choices: "auto", "always", "never"/);
  });
});

describe('kg build', () => {
  it('writes graph.json and graph.gexf, byte-identical when built twice', () => {
    const a = join(work, 'out-a');
    const b = join(work, 'out-b');
    expect(kg(['build', 'seeds', 'test/fixtures/articles', '--out', a]).code).toBe(0);
    expect(kg(['build', 'test/fixtures/articles', 'seeds', '--out', b]).code).toBe(0);
    for (const f of ['graph.json', 'graph.gexf']) expect(readFileSync(join(a, f))).toEqual(readFileSync(join(b, f)));
    const g = JSON.parse(readFileSync(join(a, 'graph.json'), 'utf8')) as { attributes: { articles: Record<string, unknown> } };
    expect(Object.keys(g.attributes.articles)).toHaveLength(14);
  });

  it('builds seeds/ by default', () => {
    const out = join(work, 'out-default');
    const r = kg(['build', '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'graph.gexf'))).toBe(true);
  });
});

describe('user errors: one line on stderr, exit 1, no stack trace, no partial file', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['extract', join(work, 'nope.txt')], /nope\.txt: no such file/],
    ['an empty file', () => ['extract', file('empty.txt', '  \n')], /empty article/],
    ['a binary file', () => ['extract', file('bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]))], /binary/],
    ['a non-UTF-8 file', () => ['extract', file('latin1.txt', Buffer.from('Il presidente è partito per Parigi', 'latin1'))], /not valid UTF-8/],
    ['an unreadable header', () => ['extract', file('hdr.txt', 'date 2026-13-45 Foo. Testo.')], /unreadable header/],
    ['an unknown format', () => ['extract', seed, '--format', 'xml'], /format/],
    ['an unknown option', () => ['extract', seed, '--frobnicate'], /unknown option/],
    ['a bad --date', () => ['extract', seed, '--date', 'yesterday'], /YYYY-MM-DD/],
    ['a directory without articles', () => { mkdirSync(join(work, 'emptydir'), { recursive: true }); return ['build', join(work, 'emptydir'), '--out', join(work, 'o')]; }, /no articles/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = kg(args());
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
  }

  it('an unwritable output directory leaves the previous graph intact', () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits: use a path under a regular file instead, which no one can create
      const blocker = file('blocker', 'x');
      const r = kg(['build', seed, '--out', join(blocker, 'out')]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      return;
    }
    const out = join(work, 'ro');
    expect(kg(['build', seed, '--out', out]).code).toBe(0);
    const before = readFileSync(join(out, 'graph.json'));
    chmodSync(out, 0o500);
    const r = kg(['build', seed, 'test/fixtures/articles', '--out', out]);
    chmodSync(out, 0o700);
    expect(r.code).toBe(1);
    expect(readFileSync(join(out, 'graph.json'))).toEqual(before);
  });
});
