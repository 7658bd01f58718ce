// Dask bench: `kg cluster build` of one generated corpus on 1 worker, then on 2 (a local scheduler, workers
// on 127.0.0.1, one thread each), against `kg build` of the same corpus; wall times, the 1 / 2 worker
// ratio, peak memory of every process (GNU time: the driver's largest process, each worker with the node
// processes it ran), and a byte comparison of the three outputs. Not a test: numbers depend on the load.
//
//   node bench/cluster.mjs [ARTICLES=10000] [--skip-build] [--workers 1,2]
// Needs /usr/bin/python3 with python3-distributed, /usr/bin/time, and dist/ built (npm ci).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = resolve(import.meta.dirname, '..');
const kg = join(root, 'dist', 'cli', 'kg.js');
const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 10000);
const skipBuild = args.includes('--skip-build');
const workerCounts = (args[args.indexOf('--workers') + 1] && args.includes('--workers') ? args[args.indexOf('--workers') + 1] : '1,2').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'newsgraph-dask-bench-'));
const running = new Set();

function timed(command, argv, opts = {}) {
  const started = process.hrtime.bigint();
  const child = spawn('/usr/bin/time', ['-v', command, ...argv], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], detached: true, ...opts });
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise((ok) => child.on('close', (code) => {
    running.delete(child);
    const peak = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
    ok({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMB: peak, stderr });
  }));
  return { child, done };
}

/** SIGTERM to the process GNU time runs (time itself would die without reporting); SIGKILL to the whole group. */
function stop(child, signal = 'SIGTERM') {
  try {
    if (signal === 'SIGKILL') process.kill(-child.pid, signal);
    else for (const pid of readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) process.kill(Number(pid), signal);
  } catch {
    // gone
  }
}

async function cluster(workers) {
  const file = join(work, `scheduler-${workers}.json`);
  const scheduler = timed('/usr/bin/python3', ['-I', '-m', 'distributed.cli.dask_scheduler', '--host', '127.0.0.1', '--port', '0', '--no-dashboard', '--scheduler-file', file]);
  let address = '';
  for (let i = 0; i < 600 && !address; i++) {
    try {
      address = JSON.parse(readFileSync(file, 'utf8')).address;
    } catch {
      await sleep(200);
    }
  }
  const ws = Array.from({ length: workers }, (_, i) => {
    const dir = join(work, `w${workers}-${i}`);
    mkdirSync(dir);
    return timed('/usr/bin/python3', ['-I', '-m', 'distributed.cli.dask_worker', address, '--host', '127.0.0.1', '--nthreads', '1', '--no-nanny', '--no-dashboard', '--local-directory', dir]);
  });
  const out = join(work, `cluster-${workers}`);
  const run = await timed(process.execPath, [kg, 'cluster', 'build', corpus, '--scheduler', address, '--out', out, '--workers', String(workers), '--worker-timeout', '300']).done;
  // SIGTERM: a worker closes cleanly, and GNU time reports its peak (with the node processes it ran)
  for (const w of ws) stop(w.child);
  const workerRuns = await Promise.all(ws.map((w) => w.done));
  stop(scheduler.child);
  await scheduler.done;
  if (run.code !== 0) throw new Error(`cluster build on ${workers} worker(s) failed: ${run.stderr.slice(-2000)}`);
  return { workers, seconds: run.seconds, driverPeakMB: run.peakMB, workerPeakMB: Math.max(...workerRuns.map((w) => w.peakMB)), out };
}

function same(a, b) {
  return ['graph.json', 'graph.gexf'].every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

const corpus = join(work, 'corpus.jsonl');
try {
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is needed (Debian: time)');
  const gen = spawnSync(process.execPath, [kg, 'generate', '--count', String(count), '--seed', '1', '--out', corpus], { stdio: 'inherit' });
  if (gen.status !== 0) throw new Error('kg generate failed');
  const rows = [];
  let reference;
  if (!skipBuild) {
    reference = join(work, 'build');
    const b = await timed(process.execPath, [kg, 'build', corpus, '--out', reference]).done;
    if (b.code !== 0) throw new Error(`kg build failed: ${b.stderr.slice(-2000)}`);
    rows.push(`kg build (all threads): ${b.seconds.toFixed(1)} s, peak ${b.peakMB.toFixed(0)} MB`);
  }
  const results = [];
  for (const n of workerCounts) {
    const r = await cluster(n);
    results.push(r);
    const identical = reference ? (same(reference, r.out) ? 'byte-identical to kg build' : 'DIFFERENT from kg build') : '';
    rows.push(`kg cluster build, ${n} worker(s): ${r.seconds.toFixed(1)} s, driver peak ${r.driverPeakMB.toFixed(0)} MB, largest worker peak ${r.workerPeakMB.toFixed(0)} MB ${identical}`);
  }
  const one = results.find((r) => r.workers === 1);
  const two = results.find((r) => r.workers === 2);
  if (one && two) rows.push(`2 workers vs 1: ${(one.seconds / two.seconds).toFixed(2)}×`);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`Dask bench, ${count} generated articles (load ${load}):\n  ${rows.join('\n  ')}`);
} finally {
  for (const child of running) stop(child, 'SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
