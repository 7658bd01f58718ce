// Builds the viewer (viewer/ → viewer/dist) with Vite's build API when the build is missing or older
// than its sources, so `kg serve` works from a fresh clone without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const VIEWER_DIR = join(REPO, 'viewer');
export const VIEWER_DIST = join(VIEWER_DIR, 'dist');

/** Newest modification time under `path` (a file or a folder, recursively); 0 when absent. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Every input the bundle is built from: the viewer and the project modules and data it imports. */
function sources(): string[] {
  return [
    join(VIEWER_DIR, 'src'),
    join(VIEWER_DIR, 'index.html'),
    join(VIEWER_DIR, 'vite.config.ts'),
    join(REPO, 'src', 'graph', 'appearance.ts'),
    join(REPO, 'src', 'graph', 'model.ts'),
    join(REPO, 'src', 'graph', 'dates.ts'),
    join(REPO, 'src', 'export'),
    join(REPO, 'data', 'palette.json'),
  ];
}

export function viewerIsStale(): boolean {
  const built = join(VIEWER_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources().some((s) => newestMtime(s) > builtAt);
}

let pending: Promise<string> | null = null;

/**
 * Returns viewer/dist, building it first when missing or stale. Builds into a private folder and
 * renames it into place, so parallel test processes never serve a half-written dist.
 */
export function ensureViewerBuilt(opts: { force?: boolean } = {}): Promise<string> {
  if (!opts.force && !viewerIsStale()) return Promise.resolve(VIEWER_DIST);
  pending ??= (async () => {
    const { build } = await import('vite');
    const tmp = join(VIEWER_DIR, `.dist-${process.pid}-${Date.now()}`);
    try {
      await build({ configFile: join(VIEWER_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
      await rm(VIEWER_DIST, { recursive: true, force: true });
      try {
        await rename(tmp, VIEWER_DIST);
      } catch (err) {
        // Another process renamed its build into place first: theirs is as fresh as ours.
        if (!existsSync(join(VIEWER_DIST, 'index.html'))) throw err;
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    return VIEWER_DIST;
  })().finally(() => {
    pending = null;
  });
  return pending;
}
