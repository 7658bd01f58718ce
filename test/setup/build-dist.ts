// Vitest global setup: compile src/ into dist/ once before any test file runs. The tests that spawn the
// CLI run what users run (scripts/kg.mjs → dist/), and a dist/ left over from older sources must not make
// them pass or fail on old code. Building here, once, also keeps the test processes from rebuilding it
// side by side (scripts/kg.mjs would, finding src/ newer).
import { build } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await build();
}
