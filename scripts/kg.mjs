#!/usr/bin/env node
// What `npm run kg` and `npm start` run: the compiled CLI (dist/cli/kg.js), rebuilt first only when src/
// changed since the last build. `npm install` builds dist/, but a pull or an edit afterwards would leave it
// behind, and a stale dist/ would silently answer with old code (to the scorer, to scripts); checking costs
// one stat per source file, about a millisecond. Plain JavaScript: it runs before anything is compiled.
import { build, isStale } from './build.mjs';

if (isStale()) {
  process.stderr.write('kg: src/ changed since dist/ was built; rebuilding (npm run build)\n');
  try {
    await build();
  } catch (err) {
    process.stderr.write(`kg: cannot build dist/: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
    process.exit(70);
  }
}
await import('../dist/cli/kg.js');
