// kg cluster build on a real Dask cluster: a scheduler and two workers (Debian's python3-distributed) on
// 127.0.0.1, a 2,000-article generated corpus, the files compared byte for byte with kg build's; then again
// into the same directory (idempotent), then while one worker is killed with SIGKILL mid-run (Dask reruns
// its tasks on the other). No timing is asserted: the only clocks are generous timeouts that stop a hung
// process. Every process started here is killed in afterAll, whatever happened.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireOrSkip } from './helpers/system-tools.js';

const PYTHON = '/usr/bin/python3';
const root = resolve(import.meta.dirname, '..');
const kgJs = join(root, 'dist', 'cli', 'kg.js');
const hasDask = existsSync(PYTHON) && spawnSync(PYTHON, ['-I', '-c', 'import distributed'], { stdio: 'ignore' }).status === 0;
const skip = requireOrSkip('python3-distributed', hasDask);

const RUN_TIMEOUT = 480_000;
const started: ChildProcess[] = [];

/** Starts a long-running process in its own process group (killing the group takes its children too); its stderr is kept in `log`. */
function start(command: string, args: string[], log: string[]): ChildProcess {
  const child = spawn(command, args, { cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  started.push(child);
  return child;
}

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));
}

interface Run {
  code: number | null;
  stderr: string;
}

/** Runs the compiled kg; `onLine` sees each stderr line as it comes. Killed (and failing) after RUN_TIMEOUT. */
function kg(args: string[], onLine: (line: string) => void = () => {}): Promise<Run> {
  const child = spawn(process.execPath, [kgJs, ...args], { cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  started.push(child);
  let stderr = '';
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr += line + '\n';
    onLine(line);
  });
  const timer = setTimeout(() => killGroup(child), RUN_TIMEOUT);
  return new Promise((done) => child.once('close', (code) => {
    clearTimeout(timer);
    done({ code, stderr });
  }));
}

function same(a: string, b: string): void {
  for (const f of ['graph.json', 'graph.gexf']) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
}

describe.skipIf(skip)('kg cluster build on Dask (scheduler and two workers on 127.0.0.1)', () => {
  const work = mkdtempSync(join(tmpdir(), 'newsgraph-dask-'));
  const corpus = join(work, 'corpus.jsonl');
  const reference = join(work, 'reference');
  let address = '';
  let workers: ChildProcess[] = [];

  beforeAll(async () => {
    const schedulerFile = join(work, 'scheduler.json');
    // port 0: the scheduler picks a free port and writes its address to the scheduler file
    const log: string[] = [];
    const scheduler = start(PYTHON, ['-I', '-m', 'distributed.cli.dask_scheduler', '--host', '127.0.0.1', '--port', '0', '--no-dashboard', '--scheduler-file', schedulerFile], log);
    for (let i = 0; i < 600 && !address; i++) {
      if (scheduler.exitCode !== null) throw new Error(`dask scheduler exited: ${log.join('').slice(-2000)}`);
      if (existsSync(schedulerFile)) {
        try {
          address = (JSON.parse(readFileSync(schedulerFile, 'utf8')) as { address: string }).address;
        } catch {
          // written but not complete yet
        }
      }
      if (!address) await sleep(200);
    }
    if (!address) throw new Error('the dask scheduler wrote no address within 120 s');
    workers = ['w1', 'w2'].map((name) => {
      const dir = join(work, name);
      mkdirSync(dir);
      // no nanny: a killed worker stays dead, and its tasks must be rerun on the other one
      return start(PYTHON, ['-I', '-m', 'distributed.cli.dask_worker', address, '--host', '127.0.0.1', '--nthreads', '1', '--no-nanny', '--no-dashboard', '--name', name, '--local-directory', dir], []);
    });
    const gen = spawnSync(process.execPath, [kgJs, 'generate', '--count', '2000', '--seed', '11', '--out', corpus], { encoding: 'utf8', timeout: RUN_TIMEOUT });
    expect(gen.status, gen.stderr).toBe(0);
    const built = spawnSync(process.execPath, [kgJs, 'build', corpus, '--out', reference], { encoding: 'utf8', timeout: RUN_TIMEOUT });
    expect(built.status, built.stderr).toBe(0);
  }, RUN_TIMEOUT * 2);

  afterAll(async () => {
    for (const child of started) killGroup(child);
    await Promise.race([Promise.all(started.map(exited)), sleep(10_000)]);
    rmSync(work, { recursive: true, force: true });
  });

  const clusterArgs = (out: string) => ['cluster', 'build', corpus, '--scheduler', address, '--out', out, '--shard-size', '200', '--partitions', '5', '--workers', '2', '--worker-timeout', '120'];

  it('builds the same bytes as kg build, and again the same when run twice into one directory', async () => {
    const out = join(work, 'cluster');
    for (let run = 0; run < 2; run++) {
      const r = await kg(clusterArgs(out));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('2000 article(s) added');
      same(reference, out);
      expect(existsSync(join(out, '.kg-cluster')), 'work directory removed').toBe(false);
    }
  }, RUN_TIMEOUT * 2 + 60_000);

  it('skips and reports what kg build skips (bad row, header-only article, duplicate, taken id), with the same bytes and exit 2', async () => {
    const rows = readFileSync(corpus, 'utf8').split('\n').slice(0, 150);
    const parsed = rows.map((r) => JSON.parse(r) as { id: string; text: string });
    const extra = [
      JSON.stringify({ ...parsed[5], id: 'zz-copy' }), // the same text under another id: a duplicate
      JSON.stringify({ ...parsed[6], text: parsed[7]!.text }), // a taken id with other content: skipped
      JSON.stringify({ id: 'header-only-1', text: 'date 2026-01-02 Reuters.' }), // refused by kg extract
      '{broken',
      JSON.stringify({ id: 'header-only-2', text: 'date 2026-01-03 ANSA.' }),
    ];
    const bad = join(work, 'bad.jsonl');
    writeFileSync(bad, [...rows.slice(0, 40), ...extra, ...rows.slice(40)].join('\n') + '\n');
    const ref = join(work, 'bad-reference');
    const built = spawnSync(process.execPath, [kgJs, 'build', bad, '--out', ref], { cwd: root, encoding: 'utf8', timeout: RUN_TIMEOUT });
    expect(built.status, built.stderr).toBe(2);
    const out = join(work, 'bad-cluster');
    const r = await kg(['cluster', 'build', bad, '--scheduler', address, '--out', out, '--shard-size', '37', '--partitions', '3', '--workers', '2']);
    expect(r.code, r.stderr).toBe(2);
    same(ref, out);
    const report = (text: string) => text.split('\n').filter((l) => l.startsWith('kg: skipped') || / article\(s\) added/.test(l)).map((l) => l.replace(ref, out));
    expect(report(r.stderr)).toEqual(report(built.stderr));
    expect(report(r.stderr).filter((l) => l.startsWith('kg: skipped'))).toHaveLength(4);
  }, RUN_TIMEOUT + 60_000);

  it('survives a worker killed mid-run: Dask reruns its tasks, the files are still the same', async () => {
    const out = join(work, 'killed');
    const victim = workers[1]!;
    let killedAt = '';
    const r = await kg(clusterArgs(out), (line) => {
      // after two of ten shards: the worker holds results and has tasks still to run
      if (!killedAt && /extracted shard 2\//.test(line)) {
        killedAt = line;
        killGroup(victim);
      }
    });
    expect(killedAt, r.stderr).not.toBe('');
    await exited(victim);
    expect(victim.signalCode).toBe('SIGKILL');
    expect(r.code, r.stderr).toBe(0);
    same(reference, out);
  }, RUN_TIMEOUT + 60_000);

  it('says within a bounded time that a scheduler cannot be reached, and writes nothing', async () => {
    const out = join(work, 'unreachable');
    const port = await closedPort();
    const r = await kg(['cluster', 'build', corpus, '--scheduler', `tcp://127.0.0.1:${port}`, '--out', out, '--connect-timeout', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`kg: cannot reach the Dask scheduler at tcp://127.0.0.1:${port} within 3 s`);
    expect(existsSync(join(out, 'graph.json'))).toBe(false);
  }, 120_000);
});
