// The command line under bad input and faults: one clear line, the documented exit code, no stack trace,
// nothing half-written, the previous graph intact. Real processes, real files; a full disk is a real tiny
// tmpfs when this process may mount one (root on Linux) and an injected ENOSPC otherwise (and always).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, closeSync, ftruncateSync, watch, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../src/read/index.js';
import { ENOSPC_PRELOAD, kgAsync, kgSpawn, listDir, mountTmpfs, unmount, userErrorProblems, writeCorpus, type KgResult } from './helpers/fuzz-cli.js';

const work = mkdtempSync(join(tmpdir(), 'newsgraph-robust-'));
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts.reverse()) unmount(m);
  rmSync(work, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const p = join(work, name);
  writeFileSync(p, content);
  return p;
}

const ARTICLE = 'date 2026-03-12 Test. Il presidente francese Emmanuel Macron ha incontrato Volodymyr Zelensky a Parigi.\n';
const OTHER = 'date 2026-03-10 Test. Donald Trump met Vladimir Putin in Alaska on Monday.\n';

/**
 * Only dot-files ending in .tmp (the atomic writer's temporaries) and the lock of a killed build (taken
 * over by the next build, see test/build-lock.test.ts) may be left next to the outputs.
 */
function visibleOutputs(dir: string): string[] {
  return listDir(dir).filter((f) => !(f.startsWith('.') && f.endsWith('.tmp')) && f !== '.kg-build.lock');
}

function expectUserError(r: KgResult, message: RegExp): void {
  expect(userErrorProblems(r, message)).toEqual([]);
}

/** `kg build` reports each skipped input on its own "kg: skipped ..." line before its verdict. */
function expectBuildRefused(r: KgResult, message: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(message);
  for (const line of r.stderr.trim().split('\n')) expect(line).toMatch(/^kg: /);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
}

describe.concurrent('bad input: kg extract says what is wrong in one line and exits 1', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['extract', join(work, 'nope.txt')], /nope\.txt: no such file/],
    ['a directory without articles', () => (mkdirSync(join(work, 'noarticles'), { recursive: true }), writeFileSync(join(work, 'noarticles', 'x.pdf'), 'x'), ['extract', join(work, 'noarticles')]), /no articles/],
    ['an empty file', () => ['extract', file('empty.txt', '')], /empty article/],
    ['a whitespace-only file', () => ['extract', file('blank.txt', ' \n\t\n')], /empty article/],
    ['a file that is only a header', () => ['extract', file('header-only.txt', 'date 2026-03-12 Source.\n')], /header-only\.txt: empty article/],
    ['a UTF-16 file that is only a header', () => ['extract', file('header-only16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('date 2026-03-12 Source.\r\n', 'utf16le')]))], /header-only16\.txt: empty article/],
    ['UTF-16 cut in the middle of a code unit', () => ['extract', file('cut16.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Kyiv', 'utf16le').swap16().subarray(0, 7)]))], /cut16\.txt: not valid UTF-16 \(byte offset 8\)/],
    ['a binary file', () => ['extract', file('bin.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]))], /binary file/],
    ['a non-UTF-8 (Latin-1) file', () => ['extract', file('latin1.txt', Buffer.from('Il presidente è partito per Parigi', 'latin1'))], /not valid UTF-8 \(byte offset 14\)/],
    ['UTF-8 truncated inside a character', () => ['extract', file('trunc.txt', Buffer.from('Zelens’kyj', 'utf8').subarray(0, 8))], /not valid UTF-8 \(byte offset 6\)/],
    ['a broken header', () => ['extract', file('hdr.txt', 'date 2026-02-30 Fonte. Testo.')], /header/],
    ['an unknown option', () => ['extract', file('ok1.txt', ARTICLE), '--frobnicate'], /unknown option/],
    ['an unknown format', () => ['extract', file('ok2.txt', ARTICLE), '--format', 'pdf'], /format/],
    ['a bad --date', () => ['extract', file('ok3.txt', ARTICLE), '--date', '2026-13-01'], /YYYY-MM-DD/],
    ['an unknown command', () => ['frobnicate'], /unknown command/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      expectUserError(await kgAsync(args()), message);
    });
  }

  it(`an article over the documented limit (${MAX_ARTICLE_BYTES / 1024 / 1024} MiB) is refused, not read into a crash`, async () => {
    // A sparse file: text at the start, then a hole; nothing like its size is written to disk.
    const p = join(work, 'huge.txt');
    const fd = openSync(p, 'w');
    writeSync(fd, ARTICLE);
    ftruncateSync(fd, MAX_ARTICLE_BYTES + 1);
    closeSync(fd);
    expectUserError(await kgAsync(['extract', p]), /huge\.txt: article too large \(16 MB; the limit is 16 MB\)/);
  });
});

describe('bad input: kg build', () => {
  it('writes nothing when no article can be read, exit 1', async () => {
    const out = join(work, 'out-none');
    const r = await kgAsync(['build', file('b-empty.txt', ''), file('b-bin.txt', Buffer.from([0, 1, 2, 3])), '--out', out]);
    expectBuildRefused(r, /no article could be built/);
    expect(r.stderr).toMatch(/b-empty\.txt: empty article/);
    expect(r.stderr).toMatch(/b-bin\.txt: binary file/);
    expect(existsSync(out)).toBe(false);
  });

  it('a header-only article among others is skipped like an empty one: exit 2, the rest is built', async () => {
    const out = join(work, 'out-header-only');
    const r = await kgAsync(['build', file('b-ok.txt', ARTICLE), file('b-header.txt', 'date 2026-03-12 Source.'), '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/kg: skipped .*b-header\.txt: empty article/);
    expect(Object.keys((JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as { attributes: { articles: object } }).attributes.articles)).toEqual(['b-ok']);
  });

  it('a missing path is a user error and writes nothing', async () => {
    const out = join(work, 'out-missing');
    expectUserError(await kgAsync(['build', join(work, 'nowhere'), '--out', out]), /nowhere: no such file or directory/);
    expect(existsSync(out)).toBe(false);
  });

  it('a broken JSON Lines row is skipped with its line number: exit 2, the rest is built', async () => {
    const rows = [
      JSON.stringify({ id: 'r1', text: ARTICLE }),
      '{"id": "r2", "text": "unterminated',
      JSON.stringify({ id: 'r3', text: OTHER }),
      JSON.stringify({ text: 'no id' }),
    ];
    const out = join(work, 'out-jsonl');
    const r = await kgAsync(['build', file('corpus.jsonl', rows.join('\n') + '\n'), '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/corpus\.jsonl:2: invalid JSON/);
    expect(r.stderr).toMatch(/corpus\.jsonl:4: /);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    const g = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as { attributes: { articles: Record<string, unknown> } };
    expect(Object.keys(g.attributes.articles).sort()).toEqual(['r1', 'r3']);
  });
});

describe('unwritable outputs: one line, exit 1, the previous graph intact, no temporary file left', () => {
  it('an output path under a regular file (works as root, which ignores permission bits)', async () => {
    const blocker = file('blocker', 'x');
    expectUserError(await kgAsync(['build', file('w1.txt', ARTICLE), '--out', join(blocker, 'out')]), /cannot (create|write) .*blocker/);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  });

  it('a read-only directory (a read-only bind mount as root, chmod otherwise)', async () => {
    const out = join(work, 'ro');
    const input = file('w2.txt', ARTICLE);
    expect((await kgAsync(['build', input, '--out', out])).code).toBe(0);
    const before = listDir(out).map((f) => [f, readFileSync(join(out, f))] as const);
    let readOnly: () => void;
    let restore: () => void;
    if (process.getuid?.() === 0) {
      const ok = spawnSync('mount', ['--bind', out, out]).status === 0 && spawnSync('mount', ['-o', 'remount,ro,bind', out]).status === 0;
      if (!ok) return void console.warn('NOTICE: cannot make a read-only bind mount here; read-only directory case skipped');
      mounts.push(out);
      readOnly = () => undefined;
      restore = () => {
        unmount(out);
        mounts.splice(mounts.indexOf(out), 1);
      };
    } else {
      readOnly = () => spawnSync('chmod', ['0500', out]);
      restore = () => spawnSync('chmod', ['0700', out]);
    }
    readOnly();
    try {
      const r = await kgAsync(['build', input, file('w3.txt', OTHER), '--out', out]);
      expectUserError(r, /cannot write .*graph\.json: (read-only file system|permission denied)/);
    } finally {
      restore();
    }
    expect(listDir(out).map((f) => [f, readFileSync(join(out, f))] as const)).toEqual(before);
  });

  it('a full disk (a 64 KiB tmpfs), when this process may mount one', async () => {
    const disk = join(work, 'tiny');
    if (!mountTmpfs(disk, '64k')) return void console.warn('NOTICE: cannot mount a tmpfs here; real full-disk case skipped (the injected ENOSPC case still runs)');
    mounts.push(disk);
    const input = file('d1.txt', ARTICLE);
    expect((await kgAsync(['build', input, '--out', disk])).code).toBe(0);
    const before = listDir(disk).map((f) => [f, readFileSync(join(disk, f))] as const);
    // Fill what is left, then ask for a bigger graph.
    const fd = openSync(join(disk, 'filler'), 'w');
    try {
      const block = Buffer.alloc(1024, 0x61);
      for (;;) writeSync(fd, block);
    } catch {
      // ENOSPC: the disk is full.
    } finally {
      closeSync(fd);
    }
    const r = await kgAsync(['build', input, file('d2.txt', OTHER), 'seeds', '--out', disk]);
    expectUserError(r, /cannot write .*graph\.(json|gexf): no space left on device/);
    rmSync(join(disk, 'filler'));
    expect(listDir(disk).map((f) => [f, readFileSync(join(disk, f))] as const)).toEqual(before);
  });

  it('a full disk (ENOSPC injected into every file write)', async () => {
    const out = join(work, 'enospc');
    const input = file('e1.txt', ARTICLE);
    expect((await kgAsync(['build', input, '--out', out])).code).toBe(0);
    const before = listDir(out).map((f) => [f, readFileSync(join(out, f))] as const);
    const r = await kgAsync(['build', input, file('e2.txt', OTHER), '--out', out, '--threads', '1'], { preload: [ENOSPC_PRELOAD] });
    expectUserError(r, /cannot write .*graph\.json: no space left on device/);
    expect(listDir(out).map((f) => [f, readFileSync(join(out, f))] as const)).toEqual(before);
  });
});

describe('a build killed while it writes leaves the previous graph intact', () => {
  const corpus = join(work, 'corpus');
  const out = join(work, 'out-kill');
  let before: (readonly [string, Buffer])[];

  beforeAll(async () => {
    writeCorpus(corpus, 40, 150);
    const r = await kgAsync(['build', file('k0.txt', ARTICLE), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    before = listDir(out).map((f) => [f, readFileSync(join(out, f))] as const);
  }, 120_000);

  it('SIGKILL as soon as a temporary output file appears', async () => {
    const child = kgSpawn(['build', corpus, '--out', out]);
    let sawTemp = false;
    const watcher = watch(out, (_event, name) => {
      // a graph file's temporary (.graph.json.PID.x.tmp), not the lock's (.kg-build.lock.PID.x.tmp), made first
      if (!sawTemp && name && name.startsWith('.graph.') && name.endsWith('.tmp')) {
        sawTemp = true;
        child.kill('SIGKILL');
      }
    });
    const signal = await new Promise<NodeJS.Signals | null>((res) => child.on('close', (_code, sig) => res(sig)));
    watcher.close();
    expect(sawTemp, 'the build never started writing: it finished or failed before the kill').toBe(true);
    expect(signal).toBe('SIGKILL');
    // The outputs are exactly the previous ones; a killed process cannot remove its temporary file,
    // but that is a dot-file the server never serves and no reader opens.
    expect(visibleOutputs(out)).toEqual(before.map(([f]) => f));
    for (const [f, bytes] of before) expect(readFileSync(join(out, f))).toEqual(bytes);
  }, 120_000);
});

describe('determinism and idempotence', () => {
  const a = () => file('idem-a.txt', ARTICLE);
  const b = () => file('idem-b.txt', OTHER);

  it('building the same input twice gives byte-identical files', async () => {
    const [x, y] = [join(work, 'det-1'), join(work, 'det-2')];
    const inputs = [a(), b(), 'test/fixtures/articles'];
    expect((await kgAsync(['build', ...inputs, '--out', x])).code).toBe(0);
    expect((await kgAsync(['build', ...[...inputs].reverse(), '--out', y, '--threads', '1'])).code).toBe(0);
    for (const f of ['graph.json', 'graph.gexf']) expect(readFileSync(join(x, f)).equals(readFileSync(join(y, f))), f).toBe(true);
  });

  it('the same path twice is one article: nothing changes', async () => {
    const [once, twice] = [join(work, 'idem-once'), join(work, 'idem-twice')];
    const pa = a();
    expect((await kgAsync(['build', pa, b(), '--out', once])).code).toBe(0);
    expect((await kgAsync(['build', pa, b(), pa, '--out', twice])).code).toBe(0);
    for (const f of ['graph.json', 'graph.gexf']) expect(readFileSync(join(once, f)).equals(readFileSync(join(twice, f))), f).toBe(true);
  });

  it('re-ingesting an article already in the graph (--into) changes nothing', async () => {
    const base = join(work, 'idem-into');
    const again = join(work, 'idem-into-again');
    expect((await kgAsync(['build', a(), b(), '--out', base])).code).toBe(0);
    const r = await kgAsync(['build', a(), '--into', base, '--out', again]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['graph.json', 'graph.gexf']) expect(readFileSync(join(again, f)).equals(readFileSync(join(base, f))), f).toBe(true);
  });

  it('--into its own directory with nothing new leaves the files as they were (not rewritten)', async () => {
    const base = join(work, 'idem-into-self');
    expect((await kgAsync(['build', a(), b(), '--out', base])).code).toBe(0);
    const before = statSync(join(base, 'graph.json')).mtimeMs;
    const bytes = readFileSync(join(base, 'graph.json'));
    await new Promise((r) => setTimeout(r, 20));
    const r = await kgAsync(['build', a(), '--into', base]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/nothing new \(1 article\(s\) already in the graph\)/);
    expect(statSync(join(base, 'graph.json')).mtimeMs).toBe(before);
    expect(readFileSync(join(base, 'graph.json')).equals(bytes)).toBe(true);
  });

  // The pipeline treats the same content under another name as a syndicated copy: one article, reported
  // as "already in the graph" (src/cli/pipeline.ts), so that copies do not inflate weights. (The issue
  // suggested counting it as two articles; flagged for a decision in the report.)
  it('the same content under another name is one article (a syndicated copy): nothing changes', async () => {
    const [once, copied] = [join(work, 'idem-copy-once'), join(work, 'idem-copy')];
    const pa = a();
    const copy = join(work, 'idem-a-copy.txt');
    copyFileSync(pa, copy);
    expect((await kgAsync(['build', pa, '--out', once])).code).toBe(0);
    const r = await kgAsync(['build', pa, copy, '--out', copied]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 already in the graph/);
    for (const f of ['graph.json', 'graph.gexf']) expect(readFileSync(join(once, f)).equals(readFileSync(join(copied, f))), f).toBe(true);
  });
});
