// Compiles src/ into dist/ (one .js module per .ts module, same folders), so the CLI, its worker threads and
// the server start on plain JavaScript: no process pays for compiling TypeScript at start (tsx compiled every
// module in every worker thread, which made 2 threads slower than 1). Run by `npm install` / `npm ci`
// (the `prepare` script), by `npm run build`, by the test setup, and by scripts/kg.mjs when src/ changed.
//
// Plain JavaScript on purpose: it has to run before anything is compiled.
//
// The layout mirrors src/ one level down (src/extract/time.ts → dist/extract/time.js), so the modules'
// import.meta.url-relative paths (`../../data/...`, `./templates.json`) resolve exactly as from the sources.
// Files are transpiled, not type-checked (that is `npm run typecheck`) and not bundled (bundling would move
// every import.meta.url to one file).
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');
/** Written last; its mtime is the time the build started reading src/ (see isStale). */
export const STAMP = join(DIST, '.built');
const THIS_FILE = fileURLToPath(import.meta.url);

/**
 * Every file under dir, recursively, as paths relative to dir; dot-entries left out (dist/.built, and the
 * private folders of builds running at the same time, which may vanish while they are listed).
 */
function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p, base));
    else if (entry.isFile()) out.push(relative(base, p));
  }
  return out;
}

/** Newest mtime of the inputs of a build: everything under src/ and this script. */
function newestInput(dir = SRC) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestInput(p) : statSync(p).mtimeMs);
  }
  return dir === SRC ? Math.max(newest, statSync(THIS_FILE).mtimeMs) : newest;
}

/** True when dist/ is missing or older than a file under src/ (a pull, a checkout, an edit since the last build). */
export function isStale() {
  if (!existsSync(STAMP)) return true;
  return newestInput() > statSync(STAMP).mtimeMs;
}

/**
 * Builds dist/. Every output is written to a private folder first and renamed into place file by file
 * (a rename is atomic), so a kg process starting meanwhile, or a second build running at the same time
 * (parallel test workers, scorer runs), never loads a half-written module.
 */
export async function build() {
  const started = new Date();
  const { build: esbuild } = await import('esbuild');
  const files = listFiles(SRC);
  const tmp = join(DIST, `.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp, { recursive: true });
  try {
    await esbuild({
      entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => join(SRC, f)),
      outdir: tmp,
      outbase: SRC,
      format: 'esm',
      platform: 'node',
      // Node ≥ 20.19 (package.json engines) keeps `import … with { type: 'json' }` as written.
      target: 'node20.19',
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    // Data next to the modules (src/corpus/templates.json) is read relative to them.
    for (const f of files.filter((f) => !f.endsWith('.ts'))) {
      mkdirSync(dirname(join(tmp, f)), { recursive: true });
      copyFileSync(join(SRC, f), join(tmp, f));
    }
    const built = listFiles(tmp);
    for (const f of built) {
      mkdirSync(dirname(join(DIST, f)), { recursive: true });
      renameSync(join(tmp, f), join(DIST, f));
    }
    // Modules whose source is gone must not stay importable.
    const keep = new Set(built);
    for (const f of listFiles(DIST)) {
      if (!keep.has(f)) rmSync(join(DIST, f), { force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  utimesSync(STAMP, started, started);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await build();
  } catch (err) {
    process.stderr.write(`build: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
    process.exit(1);
  }
}
