// Helpers for the robustness tests of the command line: running `kg` as a real process (optionally with a
// fault-injection preload), generating a large corpus, and checking the one-line error contract.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LEADER_NAMES } from './fuzz.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/** What `npm run kg` runs: the launcher of the compiled CLI in dist/ (built by test/setup/build-dist.ts). */
export const KG = join(ROOT, 'scripts', 'kg.mjs');
/** The preload that makes every file write fail with ENOSPC (see fuzz-enospc.ts). */
export const ENOSPC_PRELOAD = join(ROOT, 'test', 'helpers', 'fuzz-enospc.ts');

export interface KgResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs kg in ONE node process, as `npm run kg` does. `preload` adds --import modules (fault injection);
 * they are TypeScript, so tsx comes first to load them (the CLI itself stays the compiled one).
 */
export function kgArgs(args: readonly string[], preload: readonly string[] = []): string[] {
  const imports = preload.length ? ['tsx', ...preload] : [];
  return [...imports.flatMap((p) => ['--import', p]), KG, ...args];
}

export function kg(args: readonly string[], opts: { input?: string | Buffer; preload?: string[]; env?: NodeJS.ProcessEnv; timeout?: number } = {}): KgResult {
  const r = spawnSync(process.execPath, kgArgs(args, opts.preload), {
    cwd: ROOT,
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    env: { ...process.env, NEWSGRAPH_DEBUG: '', ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the event loop (tests run concurrently). */
export function kgAsync(args: readonly string[], opts: { input?: string | Buffer; preload?: string[]; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<KgResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, kgArgs(args, opts.preload), {
      cwd: ROOT,
      env: { ...process.env, NEWSGRAPH_DEBUG: '', ...opts.env },
      timeout: opts.timeout ?? 90_000,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    child.stdin.end(opts.input);
  });
}

export function kgSpawn(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, kgArgs(args), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NEWSGRAPH_DEBUG: '' } });
}

/** The documented user-error contract: exit 1, exactly one line on stderr, no stack trace, nothing on stdout. */
export function userErrorProblems(r: KgResult, message: RegExp): string[] {
  const problems: string[] = [];
  if (r.code !== 1) problems.push(`exit code ${String(r.code)} (signal ${String(r.signal)}), expected 1`);
  if (!message.test(r.stderr)) problems.push(`stderr does not match ${String(message)}`);
  if (r.stderr.trim().split('\n').length !== 1) problems.push('stderr is not one line');
  if (/\n\s+at /.test(r.stderr) || /internal error/.test(r.stderr)) problems.push('stack trace or internal error');
  if (r.stdout !== '') problems.push('something on stdout');
  return problems.length ? [...problems, `stderr: ${r.stderr.slice(0, 500)}`] : [];
}

/** Files of a directory, dot-files included, sorted. */
export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

const CITIES = ['Parigi', 'Roma', 'Ginevra', 'Berlino', 'Londra', 'Bruxelles', 'Varsavia', 'Istanbul', 'Riad', 'Doha'];

/**
 * A corpus of `articles` files of `sentences` meetings each, between gazetteer leaders on distinct dates:
 * many distinct meeting nodes and edges, so the written graph is large (several MB).
 */
export function writeCorpus(dir: string, articles: number, sentences: number): void {
  mkdirSync(dir, { recursive: true });
  const n = LEADER_NAMES.length;
  for (let a = 0; a < articles; a++) {
    const lines: string[] = [];
    for (let s = 0; s < sentences; s++) {
      const i = a * sentences + s;
      const day = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
      const x = LEADER_NAMES[(i * 7) % n]!;
      const y = LEADER_NAMES[(i * 13 + 5) % n]!;
      if (x === y) continue;
      lines.push(`Il ${day} ${x} ha incontrato ${y} a ${CITIES[i % CITIES.length]}.`);
    }
    writeFileSync(join(dir, `a${String(a).padStart(4, '0')}.txt`), `date 2026-03-12 Test. ${lines.join(' ')}\n`);
  }
}

export function mountTmpfs(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
}

export function unmount(dir: string): void {
  spawnSync('umount', [dir], { stdio: 'ignore' });
}
