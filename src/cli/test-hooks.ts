// Test hooks, for the tests of concurrent and interrupted builds (test/build-lock.test.ts), which need a
// build to stop at an exact point instead of racing a kill against it. Set through one environment
// variable, NEWSGRAPH_TEST_HOOK, and inert without it:
//   pause-locked:FILE   after taking the output directory's lock, print "kg: test hook: paused" on
//                       stderr and wait until FILE exists (a build holding the lock, for as long as needed)
//   kill-after-json     SIGKILL itself right after graph.json is renamed into place, before graph.gexf
//                       (a build killed between its two files)
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

function hook(): string {
  return process.env.NEWSGRAPH_TEST_HOOK ?? '';
}

export async function afterLockHook(): Promise<void> {
  const h = hook();
  if (!h.startsWith('pause-locked:')) return;
  const file = h.slice('pause-locked:'.length);
  process.stderr.write('kg: test hook: paused\n');
  while (!existsSync(file)) await sleep(20);
}

export function afterJsonHook(): void {
  if (hook() === 'kill-after-json') process.kill(process.pid, 'SIGKILL');
}
