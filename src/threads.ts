// Starting a worker thread on one of our modules, compiled or from the sources.
//
// Compiled (dist/, what `npm run kg` runs) the worker's .js file is started directly: nothing is compiled in
// the thread. From the TypeScript sources (tsx: `npm run kg:dev`, tests importing the modules), a worker
// cannot be started on the .ts file, not even with execArgv ['--import', 'tsx']: on Node 20 the hooks that
// --import registers are not applied to a worker's entry point nor to its dynamic imports ("Unknown file
// extension .ts"). tsx's own API, tsImport, loads it with a private loader, which works; so the worker is a
// two-line bootstrap that calls it; every such worker compiles the modules it loads.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker on the module `name` (without extension) next to the module `importer` (its
 * import.meta.url): `name.js` when the importer is compiled JavaScript, `name.ts` through tsx otherwise.
 */
export function startWorker(importer: string, name: string, options: Pick<WorkerOptions, 'workerData' | 'transferList'> = {}): Worker {
  const fromSources = importer.endsWith('.ts');
  const target = new URL(`./${name}${fromSources ? '.ts' : '.js'}`, importer);
  if (!fromSources) return new Worker(target, options);
  const api = pathToFileURL(createRequire(importer).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(target.href)}, ${JSON.stringify(importer)}))`;
  return new Worker(boot, { ...options, eval: true, execArgv: [] });
}
