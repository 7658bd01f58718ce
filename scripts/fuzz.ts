// `npm run fuzz`: the property tests of test/fuzz.test.ts, longer and with a fresh seed, plus the
// complexity checks up to 1 MB and the 10 MB single line. Replay a failure with the printed seed:
//   NEWSGRAPH_FUZZ_SEED=<seed> npm run fuzz      (NEWSGRAPH_FUZZ_RUNS=<n> sets the cases per property)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const seed = process.env.NEWSGRAPH_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const runs = process.env.NEWSGRAPH_FUZZ_RUNS ?? '1000';
process.stderr.write(`fuzz: seed ${seed}, ${runs} cases per property\n`);
const r = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', 'test/fuzz.test.ts', '--testTimeout=0', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEWSGRAPH_FUZZ_SEED: seed, NEWSGRAPH_FUZZ_RUNS: runs, NEWSGRAPH_FUZZ_LONG: '1' },
});
if (r.status !== 0) process.stderr.write(`fuzz: FAILED — replay with NEWSGRAPH_FUZZ_SEED=${seed} npm run fuzz\n`);
process.exit(r.status ?? 1);
