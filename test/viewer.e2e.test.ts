// End-to-end: the built viewer, served by src/serve/server.ts, in real headless Chromium, on a
// seed-like graph. Screenshots of each step go to test-artifacts/viewer/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { write as writeGexf } from 'graphology-gexf';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../src/serve/server.js';
import { ensureViewerBuilt } from '../src/serve/build-viewer.js';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './helpers/browser.js';
import { FLORIDA_MEETING, PARIS_EVIDENCE, PARIS_MEETING, XSS_EVIDENCE, XSS_NODE, viewerFixture, writeViewerFixture } from './helpers/viewer-fixture.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'viewer');
const ZELENSKY = 'leader:volodymyr-zelensky';
const hasBrowser = browserAvailable();

interface Hook {
  ready: boolean;
  error: string | null;
  loads: number;
  selected: string | null;
  visibleNodes(): string[];
  visibleEdges(): string[];
  layoutRunning(): boolean;
  nodePosition(key: string): { x: number; y: number } | null;
  nodeViewport(key: string): { x: number; y: number } | null;
}
declare global {
  interface Window {
    __newsgraph: Hook;
    __pwned?: unknown;
  }
}

let server: RunningServer;
let browser: LaunchedBrowser;
let page: Page;
let decoder: Page;
const pageErrors: string[] = [];

type RGB = [number, number, number];

/**
 * Decodes a PNG in a blank page (no CSP there) and counts its non-white pixels; returns the colour at
 * each of `points`. Counting happens in the page: shipping megabytes of pixels back is slow.
 */
async function analyse(png: Buffer, points: { x: number; y: number }[] = []): Promise<{ nonBlank: number; samples: RGB[] }> {
  return decoder.evaluate(
    async ({ b64, points }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let nonBlank = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) nonBlank++;
      const samples = points.map(({ x, y }) => {
        const i = (Math.round(y) * c.width + Math.round(x)) * 4;
        return [data[i]!, data[i + 1]!, data[i + 2]!] as [number, number, number];
      });
      return { nonBlank, samples };
    },
    { b64: png.toString('base64'), points },
  );
}

/** Screenshot of the page (saved as an artifact) and analysis of the drawing area. */
async function shot(name: string, points: { x: number; y: number }[] = []): Promise<{ nonBlank: number; samples: RGB[] }> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  return analyse(await page.locator('#graph').screenshot(), points);
}

/** Whether a pixel is close to the meeting colour of data/palette.json (#E69F00). */
const isMeetingColour = ([r, g, b]: RGB) => Math.abs(r - 0xe6) < 30 && Math.abs(g - 0x9f) < 30 && b < 60;

/** Runs `fn` on the page's state hook (the function's source is sent, so it must be self-contained). */
const hook = <T>(fn: (h: Hook) => T) => page.evaluate(`(${fn.toString()})(window.__newsgraph)`) as Promise<T>;

describe.skipIf(!hasBrowser)('viewer e2e', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await ensureViewerBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-e2e-'));
    server = await startServer({ graphFile: writeViewerFixture(dir, { malicious: true }) });
    browser = await launchBrowser();
    decoder = await browser.browser.newPage();
    page = await browser.browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => window.__newsgraph?.ready && window.__newsgraph.visibleNodes().length > 0);
    // Let sigma draw its first frames.
    await page.waitForTimeout(300);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the graph (non-blank WebGL canvas) with a legend of node kinds', async () => {
    const s = await shot('01-loaded');
    expect(s.nonBlank).toBeGreaterThan(2000);
    const legend = await page.locator('#legend input[name="node-kind"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(legend.sort()).toEqual(['alliance', 'country', 'leader', 'meeting', 'place']);
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('search suggests and selects Zelensky; the panel shows the Paris meeting with evidence', async () => {
    await page.locator('#search').fill('Zel');
    const options = await page.locator('#suggestions option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toContain('Volodymyr Zelensky');
    await page.locator('#search').fill('Zelensky');
    await page.locator('#search').press('Enter');
    await page.waitForFunction((k) => window.__newsgraph.selected === k, ZELENSKY);
    const panel = page.locator('#panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('h2').textContent()).toBe('Volodymyr Zelensky');
    const meeting = panel.locator('li.relation', { hasText: 'Paris, 2026-03-13' }).filter({ hasText: 'participates_in' });
    expect(await meeting.count()).toBe(1);
    const text = (await meeting.textContent()) ?? '';
    expect(text).toContain('2026-03-13');
    expect(text).toContain('planned');
    expect(text).toContain(PARIS_EVIDENCE);
    expect(text).toContain('AgenPress');
    expect(text).toContain('a1');
    const meets = panel.locator('li.relation', { hasText: 'Emmanuel Macron' }).filter({ hasText: 'meets' });
    expect(await meets.count()).toBe(1);
    expect(await meets.textContent()).toContain(PARIS_EVIDENCE);
    await page.waitForTimeout(500); // camera animation
    await shot('02-search-zelensky');
    await page.locator('#panel .close').click();
    await page.waitForFunction(() => window.__newsgraph.selected === null);
  });

  it('unticking "meeting" in the legend hides the meeting nodes', async () => {
    await page.waitForTimeout(500);
    const where = await page.evaluate((k) => window.__newsgraph.nodeViewport(k), PARIS_MEETING);
    expect(where).not.toBeNull();
    const before = await shot('03-before-meeting-filter', [where!]);
    expect(isMeetingColour(before.samples[0]!)).toBe(true);
    await page.locator('#legend input[value="meeting"]').uncheck();
    const visible = await hook((h) => h.visibleNodes());
    expect(visible).not.toContain(PARIS_MEETING);
    expect(visible).not.toContain(FLORIDA_MEETING);
    expect(visible).toContain(ZELENSKY);
    await page.waitForTimeout(200);
    const after = await shot('04-meeting-unticked', [where!]);
    expect(isMeetingColour(after.samples[0]!)).toBe(false);
    expect(after.nonBlank).toBeLessThan(before.nonBlank);
    await page.locator('#legend input[value="meeting"]').check();
    expect(await hook((h) => h.visibleNodes())).toContain(PARIS_MEETING);
  });

  it('moving the timeline start to 2026-03-12 hides the Florida meeting of 2026-03-11', async () => {
    expect(await hook((h) => h.visibleNodes())).toContain(FLORIDA_MEETING);
    const day = Math.floor(Date.UTC(2026, 2, 12) / 86_400_000);
    await page.locator('#date-start').evaluate((el, v) => {
      const input = el as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, day);
    expect(await page.locator('#date-start-label').textContent()).toBe('2026-03-12');
    const visible = await hook((h) => h.visibleNodes());
    expect(visible).not.toContain(FLORIDA_MEETING);
    expect(visible).toContain(PARIS_MEETING);
    // Undated relations (leader_of) stay unless hidden on purpose.
    const edges = await hook((h) => h.visibleEdges());
    expect(edges.some((e) => e.startsWith('leader_of:'))).toBe(true);
    await page.locator('#hide-undated').check();
    expect((await hook((h) => h.visibleEdges())).some((e) => e.startsWith('leader_of:'))).toBe(false);
    await shot('05-timeline-from-2026-03-12');
    await page.locator('#hide-undated').uncheck();
    await page.locator('#date-start').evaluate((el) => {
      const input = el as HTMLInputElement;
      input.value = input.min;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await hook((h) => h.visibleNodes())).toContain(FLORIDA_MEETING);
  });

  it('renders a malicious article inert: text, not markup', async () => {
    await page.locator('#search').fill('Mallory');
    await page.locator('#search').press('Enter');
    await page.waitForFunction((k) => window.__newsgraph.selected === k, XSS_NODE);
    const panel = page.locator('#panel');
    expect(await panel.locator('h2').textContent()).toBe('Mallory <img src=x onerror="window.__pwned=1">');
    const text = (await panel.textContent()) ?? '';
    for (const e of XSS_EVIDENCE) expect(text).toContain(e);
    expect(text).toContain('<b>Evil</b> Outlet');
    expect(await page.locator('#panel img, #panel script, #panel b, #suggestions script').count()).toBe(0);
    await page.waitForTimeout(500);
    await shot('06-malicious-article');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  it('a dropped broken file shows an error and keeps the graph', async () => {
    const before = await hook((h) => ({ loads: h.loads, nodes: h.visibleNodes().length }));
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{"this is": "not a graph"'], 'broken.json', { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => window.__newsgraph.error !== null);
    expect(await page.locator('#error').isVisible()).toBe(true);
    expect(await page.locator('#error').textContent()).toContain('broken.json');
    const after = await hook((h) => ({ loads: h.loads, nodes: h.visibleNodes().length }));
    expect(after).toEqual(before);
    const s = await shot('07-broken-drop');
    expect(s.nonBlank).toBeGreaterThan(2000);
  });

  it('runs ForceAtlas2 in its worker under the CSP and keeps positions for export', async () => {
    const start = await page.evaluate((k) => window.__newsgraph.nodePosition(k), ZELENSKY);
    await page.locator('#layout').click();
    expect(await hook((h) => h.layoutRunning())).toBe(true);
    await expect
      .poll(() => page.evaluate((k) => window.__newsgraph.nodePosition(k), ZELENSKY), { timeout: 10_000 })
      .not.toEqual(start);
    await page.locator('#layout').click();
    expect(await hook((h) => h.layoutRunning())).toBe(false);
    const moved = await page.evaluate((k) => window.__newsgraph.nodePosition(k), ZELENSKY);
    await page.locator('#legend input[value="place"]').uncheck();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-gexf').click()]);
    const gexf = readFileSync((await download.path())!, 'utf8');
    expect(gexf).toContain('<gexf');
    expect(gexf).toContain(`id="${ZELENSKY}"`);
    expect(gexf).not.toContain('id="place:paris"');
    expect(gexf).toContain(`x="${moved!.x}`.slice(0, 8));
    expect(gexf).not.toContain('__parallel');
    await page.locator('#legend input[value="place"]').check();
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect((await analyse(png)).nonBlank).toBeGreaterThan(1000);
    await shot('08-after-layout');
  });

  it('loads a dropped GEXF file', async () => {
    // graphology-gexf's own writer emits empty lists without a value that its parser then rejects,
    // so empty lists are dropped from this copy (the project's writer is src/export/gexf.ts).
    const g = viewerFixture();
    g.updateEachEdgeAttributes((_e, a) => Object.fromEntries(Object.entries(a).filter(([, v]) => !(Array.isArray(v) && v.length === 0))) as typeof a);
    const gexf = writeGexf(g as never);
    const before = await hook((h) => h.loads);
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'other.gexf', { type: 'application/xml' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, gexf);
    await page.waitForFunction((n) => window.__newsgraph.loads > n || window.__newsgraph.error !== null, before);
    expect(await hook((h) => h.error)).toBeNull();
    const nodes = await hook((h) => h.visibleNodes());
    expect(nodes).toContain(PARIS_MEETING);
    expect(nodes).not.toContain(XSS_NODE);
    await page.waitForTimeout(300);
    const s = await shot('09-gexf-dropped');
    expect(s.nonBlank).toBeGreaterThan(2000);
    expect(pageErrors).toEqual([]);
  });
});
