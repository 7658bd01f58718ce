// The compiled CLI's launcher (scripts/kg.mjs, what `npm run kg` runs) on a private copy of the project: a
// missing dist/ is built, and an edited source is picked up instead of answering with old code. A copy, so
// that the dist/ the other tests run is never rebuilt under them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const copy = mkdtempSync(join(tmpdir(), 'newsgraph-compiled-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

for (const dir of ['src', 'scripts', 'seeds']) cpSync(join(root, dir), join(copy, dir), { recursive: true });
for (const shared of ['node_modules', 'data', 'package.json']) symlinkSync(join(root, shared), join(copy, shared));

function kg(args: string[]) {
  const r = spawnSync(process.execPath, [join(copy, 'scripts', 'kg.mjs'), ...args], { cwd: copy, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/kg.mjs', () => {
  it('builds a missing dist/, then runs it without rebuilding; an edited source is rebuilt before it runs', () => {
    const seed = join('seeds', '000_9fb3d8e6ccd01cfd.txt');
    const first = kg(['extract', seed]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/rebuilding/);
    expect(existsSync(join(copy, 'dist', 'cli', 'kg.js'))).toBe(true);
    // the same bytes as the project's own compiled CLI
    const ours = spawnSync(process.execPath, [join(root, 'scripts', 'kg.mjs'), 'extract', seed], { cwd: root, encoding: 'utf8' });
    expect(first.stdout).toBe(ours.stdout);

    const again = kg(['--help']);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^newsgraph: knowledge graphs/m);

    // an edit (its mtime set past the build's, as an editor saving a second later would)
    const file = join(copy, 'src', 'cli', 'kg.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("'newsgraph: knowledge graphs", "'edited newsgraph: knowledge graphs"));
    const later = new Date(Date.now() + 2000);
    utimesSync(file, later, later);
    const edited = kg(['--help']);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stderr).toMatch(/rebuilding/);
    expect(edited.stdout).toMatch(/^edited newsgraph: knowledge graphs/m);
  });
});
