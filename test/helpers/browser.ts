// Headless Chromium for the viewer's e2e tests and benchmark: Debian's /usr/bin/chromium driven by
// playwright-core (which never downloads a browser). WebGL runs on SwiftShader (CPU), there being no GPU.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * Whether a browser is there. Without one, tests skip with a visible notice, except on CI
 * (CI=true), where a missing browser is a failure, not a skip.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (CI must run the viewer tests)`);
  console.warn(`\n*** NOTICE: ${CHROMIUM} not found: viewer browser tests are SKIPPED (install Debian's chromium) ***\n`);
  return false;
}

export interface LaunchedBrowser {
  browser: BrowserContext;
  close(): Promise<void>;
}

/** A fresh persistent context in its own user-data-dir, removed on close. */
export async function launchBrowser(opts: { width?: number; height?: number } = {}): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'newsgraph-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    // Chromium's own downloads stay off the network; no proxy either.
    acceptDownloads: true,
  });
  return {
    browser: context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser };
