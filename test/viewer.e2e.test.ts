// End-to-end: the built viewer, served by src/serve/server.ts, in real headless Chromium, on the REAL
// seed graph (built by the CLI from seeds/ in beforeAll), on a graph built from a malicious article of
// our own, and on a hand-written fixture only for what the seed cannot show (kinds it lacks, markup in
// labels). Screenshots of each step go to test-artifacts/viewer/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../src/serve/server.js';
import { ensureViewerBuilt } from '../src/serve/build-viewer.js';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './helpers/browser.js';
import { XSS_EVIDENCE, XSS_NODE, writeViewerFixture } from './helpers/viewer-fixture.js';
import type { NewsgraphHook } from '../viewer/src/hook.js';
import { hookOf, type SerializedGraph } from './helpers/viewer-page.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'viewer');
/** The compiled CLI, as `npm run kg` runs it (dist/ built by test/setup/build-dist.ts). */
const KG = join(process.cwd(), 'scripts', 'kg.mjs');
const ZELENSKY = 'leader:volodymyr-zelensky';
const PARIS_MEETING = 'meeting:2026-03-13:emmanuel-macron+volodymyr-zelensky';
const FLORIDA_MEETING = 'meeting:2026-03-11:kirill-dmitriev+steve-witkoff';
const PALETTE = JSON.parse(readFileSync(join(process.cwd(), 'data', 'palette.json'), 'utf8')) as { nodes: Record<string, string>; nodeDefault: string };
/** Written by us (not the seed): markup between the words of a sentence the extractor understands. */
const MALICIOUS_ARTICLE =
  'date 2026-03-12 Test. Il presidente francese Emmanuel Macron incontrerà domani <img src=x onerror="window.__pwned=1"> Volodymyr Zelensky a Parigi <script>window.__pwned=1</script>.\n';
const hasBrowser = browserAvailable();

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

type RGB = [number, number, number];

let browser: LaunchedBrowser;
let decoder: Page;
const servers: RunningServer[] = [];
const dirs: string[] = [];

/** `kg build PATHS --out DIR` with the real CLI; returns DIR's graph.json, parsed, and its path. */
function kgBuild(paths: string[]): { file: string; gexf: string; graph: SerializedGraph } {
  const out = mkdtempSync(join(tmpdir(), 'newsgraph-e2e-'));
  dirs.push(out);
  execFileSync(process.execPath, [KG, 'build', ...paths, '--out', out], { stdio: 'pipe' });
  const file = join(out, 'graph.json');
  return { file, gexf: join(out, 'graph.gexf'), graph: JSON.parse(readFileSync(file, 'utf8')) as SerializedGraph };
}

async function openViewer(graphFile: string): Promise<{ page: Page; errors: string[] }> {
  const server = await startServer({ graphFile });
  servers.push(server);
  const page = await browser.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => window.__newsgraph?.ready && window.__newsgraph.visibleNodes().length > 0);
  // Let sigma draw its first frames.
  await page.waitForTimeout(300);
  return { page, errors };
}

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
async function shot(page: Page, name: string, points: { x: number; y: number }[] = []): Promise<{ nonBlank: number; samples: RGB[] }> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  return analyse(await page.locator('#graph').screenshot(), points);
}

function hexToRgb(hex: string): RGB {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const near = (a: RGB, b: RGB, tolerance = 30) => a.every((v, i) => Math.abs(v - b[i]!) < tolerance);
/** Browsers report CSS colours as `rgb(r, g, b)`. */
const cssRgb = (css: string): RGB => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number) as RGB;

/** Runs `fn` on the page's state hook (the function's source is sent, so it must be self-contained). */
async function legend(page: Page): Promise<{ kind: string; color: RGB }[]> {
  return page.locator('#legend label').evaluateAll((labels) =>
    labels.map((l) => ({
      kind: (l.querySelector('input') as HTMLInputElement).value,
      color: getComputedStyle(l.querySelector('.swatch') as HTMLElement).backgroundColor,
    })),
  ).then((items) => items.map((i) => ({ kind: i.kind, color: cssRgb(i.color) })));
}

async function setTimelineStart(page: Page, value: number | 'min'): Promise<void> {
  await page.locator('#date-start').evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = v === 'min' ? input.min : String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

describe.skipIf(!hasBrowser)('viewer e2e', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await ensureViewerBuilt();
    browser = await launchBrowser();
    decoder = await browser.browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('the seed graph (kg build seeds)', () => {
    let page: Page;
    let errors: string[];
    let seed: ReturnType<typeof kgBuild>;
    const hook = <T>(fn: (h: NewsgraphHook) => T) => hookOf(page)(fn);

    beforeAll(async () => {
      seed = kgBuild(['seeds']);
      ({ page, errors } = await openViewer(seed.file));
    });

    it('draws the graph (non-blank WebGL canvas) with a legend of its node kinds in the palette colours', async () => {
      const s = await shot(page, 'seed-01-loaded');
      expect(s.nonBlank).toBeGreaterThan(2000);
      const kinds = [...new Set(seed.graph.nodes.map((n) => String(n.attributes.kind)))].sort();
      // The seed's own kinds, whatever they are, and at least the ones the issue names.
      expect(kinds).toEqual(expect.arrayContaining(['country', 'leader', 'meeting', 'place']));
      const items = await legend(page);
      expect(items.map((i) => i.kind).sort()).toEqual(kinds);
      for (const i of items) expect(near(i.color, hexToRgb(PALETTE.nodes[i.kind] ?? PALETTE.nodeDefault), 2)).toBe(true);
      const edgeKinds = [...new Set(seed.graph.edges.map((e) => String(e.attributes.kind)))].sort();
      const listed = await page.locator('#edge-kinds input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(listed.sort()).toEqual(edgeKinds);
      expect(await page.locator('#error').isHidden()).toBe(true);
      expect(errors).toEqual([]);
    });

    it('search selects Zelensky; the panel shows the Paris meeting of 2026-03-13 with Macron and its evidence', async () => {
      await page.locator('#search').fill('Zel');
      const options = await page.locator('#suggestions option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
      expect(options).toContain('Volodymyr Zelensky');
      await page.locator('#search').fill('Zelensky');
      await page.locator('#search').press('Enter');
      await page.waitForFunction((k) => window.__newsgraph.selected === k, ZELENSKY);
      const panel = page.locator('#panel');
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await panel.locator('h2').textContent()).toBe('Volodymyr Zelensky');

      // The evidence of Zelensky's participation, as the CLI wrote it.
      const participation = seed.graph.edges.find((e) => e.source === ZELENSKY && e.target === PARIS_MEETING && e.attributes.kind === 'participates_in');
      expect(participation).toBeDefined();
      const evidence = participation!.attributes.evidence as string[];
      expect(evidence.length).toBeGreaterThan(0);
      expect(evidence.some((e) => e.includes('Macron') && e.includes('Parigi'))).toBe(true);

      const meeting = panel.locator('li.relation', { hasText: 'Paris' }).filter({ hasText: 'participates_in' }).filter({ hasText: '2026-03-13' });
      expect(await meeting.count()).toBe(1);
      const text = (await meeting.textContent()) ?? '';
      expect(text).toContain('Macron');
      expect(text).toContain('planned');
      for (const e of evidence) expect(text).toContain(e);
      const meets = panel.locator('li.relation', { hasText: 'Emmanuel Macron' }).filter({ hasText: 'meets' });
      expect(await meets.count()).toBe(1);
      expect(await meets.textContent()).toContain('2026-03-13');
      await page.waitForTimeout(500); // camera animation
      await shot(page, 'seed-02-search-zelensky');
      await page.locator('#panel .close').click();
      await page.waitForFunction(() => window.__newsgraph.selected === null);
      // Back to the whole graph, so the next screenshots show every node.
      await page.waitForTimeout(500);
      await hook((h) => h.resetCamera());
    });

    it('unticking "meeting" in the legend hides the meeting nodes', async () => {
      await page.waitForTimeout(500);
      const meetings = seed.graph.nodes.filter((n) => n.attributes.kind === 'meeting').map((n) => n.key);
      expect(meetings).toContain(PARIS_MEETING);
      expect(await hook((h) => h.visibleNodes())).toEqual(expect.arrayContaining(meetings));
      const where = await page.evaluate((k) => window.__newsgraph.nodeViewport(k), PARIS_MEETING);
      expect(where).not.toBeNull();
      const meetingColour = hexToRgb(PALETTE.nodes.meeting!);
      const before = await shot(page, 'seed-03-before-meeting-filter', [where!]);
      expect(near(before.samples[0]!, meetingColour)).toBe(true);
      await page.locator('#legend input[value="meeting"]').uncheck();
      const visible = await hook((h) => h.visibleNodes());
      for (const m of meetings) expect(visible).not.toContain(m);
      expect(visible).toContain(ZELENSKY);
      await page.waitForTimeout(200);
      const after = await shot(page, 'seed-04-meeting-unticked', [where!]);
      expect(near(after.samples[0]!, meetingColour)).toBe(false);
      expect(after.nonBlank).toBeLessThan(before.nonBlank);
      await page.locator('#legend input[value="meeting"]').check();
      expect(await hook((h) => h.visibleNodes())).toEqual(expect.arrayContaining(meetings));
    });

    it('moving the timeline start to 2026-03-12 hides the Florida meeting of 2026-03-11', async () => {
      expect(await hook((h) => h.visibleNodes())).toContain(FLORIDA_MEETING);
      await setTimelineStart(page, Math.floor(Date.UTC(2026, 2, 12) / 86_400_000));
      expect(await page.locator('#date-start-label').textContent()).toBe('2026-03-12');
      const visible = await hook((h) => h.visibleNodes());
      expect(visible).not.toContain(FLORIDA_MEETING);
      expect(visible).toContain(PARIS_MEETING);
      await page.waitForTimeout(200);
      await shot(page, 'seed-05-timeline-from-2026-03-12');
      await setTimelineStart(page, 'min');
      expect(await hook((h) => h.visibleNodes())).toContain(FLORIDA_MEETING);
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
      expect(after.nodes).toBe(seed.graph.nodes.length);
      const s = await shot(page, 'seed-06-broken-drop');
      expect(s.nonBlank).toBeGreaterThan(2000);
    });

    it('runs ForceAtlas2 in its worker under the CSP and keeps positions for export', async () => {
      const start = await page.evaluate((k) => window.__newsgraph.nodePosition(k), ZELENSKY);
      await page.locator('#layout').click();
      expect(await hook((h) => h.layoutRunning())).toBe(true);
      await expect
        .poll(() => page.evaluate((k) => window.__newsgraph.nodePosition(k), ZELENSKY), { timeout: 10_000 })
        .not.toEqual(start);
      await page.waitForTimeout(1000);
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
      await shot(page, 'seed-07-after-layout');
    });

    it("loads a dropped GEXF file (the CLI's own graph.gexf)", async () => {
      const before = await hook((h) => h.loads);
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'graph.gexf', { type: 'application/xml' }));
        document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, readFileSync(seed.gexf, 'utf8'));
      await page.waitForFunction((n) => window.__newsgraph.loads > n || window.__newsgraph.error !== null, before);
      expect(await hook((h) => h.error)).toBeNull();
      const nodes = await hook((h) => h.visibleNodes());
      expect(nodes.sort()).toEqual(seed.graph.nodes.map((n) => n.key).sort());
      await page.waitForTimeout(300);
      const s = await shot(page, 'seed-08-gexf-dropped');
      expect(s.nonBlank).toBeGreaterThan(2000);
      expect(errors).toEqual([]);
    });
  });

  describe('a graph built from a malicious article', () => {
    it('renders the article text inert: evidence shows as text, no markup, no script runs', async () => {
      const src = mkdtempSync(join(tmpdir(), 'newsgraph-evil-'));
      dirs.push(src);
      writeFileSync(join(src, 'evil.txt'), MALICIOUS_ARTICLE);
      const built = kgBuild([src]);
      // Wherever the extractor put the sentence (a meeting's edges or a leader_of), it is evidence.
      const carrying = built.graph.edges.filter((e) => ((e.attributes.evidence as string[] | undefined) ?? []).some((s) => s.includes('<img src=x')));
      expect(carrying.length).toBeGreaterThan(0);
      const meetingMade = built.graph.nodes.some((n) => n.attributes.kind === 'meeting');
      console.info(`malicious article: ${meetingMade ? 'a meeting was extracted' : 'no meeting extracted; the sentence is evidence of ' + carrying.map((e) => e.attributes.kind).join(', ')}`);
      const sentence = (carrying[0]!.attributes.evidence as string[]).find((s) => s.includes('<img src=x'))!;
      const who = carrying[0]!.source;
      const label = String(built.graph.nodes.find((n) => n.key === who)!.attributes.label);

      const { page, errors } = await openViewer(built.file);
      await page.locator('#search').fill(label);
      await page.locator('#search').press('Enter');
      await page.waitForFunction((k) => window.__newsgraph.selected === k, who);
      const panel = page.locator('#panel');
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain(sentence);
      expect(text).toContain('<script>window.__pwned=1</script>');
      expect(await page.locator('#panel img, #panel script, #suggestions script, #legend img').count()).toBe(0);
      await page.waitForTimeout(500);
      await shot(page, 'evil-01-evidence-as-text');
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(errors).toEqual([]);
    });
  });

  // What the seed cannot show: node and edge kinds it does not produce, and markup in labels/roles.
  describe('fixture: kinds beyond the seed, markup in labels', () => {
    let page: Page;

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'newsgraph-fixture-'));
      dirs.push(dir);
      ({ page } = await openViewer(writeViewerFixture(dir, { malicious: true })));
    });

    it('lists every node kind in the legend, `group` in its palette colour and unknown kinds in the default', async () => {
      const items = await legend(page);
      const byKind = new Map(items.map((i) => [i.kind, i.color]));
      expect(near(byKind.get('group')!, hexToRgb(PALETTE.nodes.group!), 2)).toBe(true);
      expect(near(byKind.get('rumour')!, hexToRgb(PALETTE.nodeDefault), 2)).toBe(true);
      const edgeKinds = await page.locator('#edge-kinds input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(edgeKinds).toContain('represents');
      // Filtering works on kinds the viewer has no special case for.
      await page.locator('#legend input[value="group"]').uncheck();
      expect(await hookOf(page)((h) => h.visibleNodes())).not.toContain('group:hamas');
      await page.locator('#edge-kinds input[value="represents"]').uncheck();
      expect((await hookOf(page)((h) => h.visibleEdges())).some((e) => e.startsWith('represents:'))).toBe(false);
      await shot(page, 'fixture-01-group-and-represents-hidden');
      await page.locator('#legend input[value="group"]').check();
      await page.locator('#edge-kinds input[value="represents"]').check();
      expect(await hookOf(page)((h) => h.visibleNodes())).toContain('group:hamas');
    });

    it('shows a label and a role carrying markup as text', async () => {
      await page.locator('#search').fill('Mallory');
      await page.locator('#search').press('Enter');
      await page.waitForFunction((k) => window.__newsgraph.selected === k, XSS_NODE);
      const panel = page.locator('#panel');
      expect(await panel.locator('h2').textContent()).toBe('Mallory <img src=x onerror="window.__pwned=1">');
      const text = (await panel.textContent()) ?? '';
      for (const e of XSS_EVIDENCE) expect(text).toContain(e);
      expect(text).toContain('<script>window.__pwned=1</script>');
      expect(await page.locator('#panel img, #panel script, #suggestions script').count()).toBe(0);
      await page.waitForTimeout(500);
      await shot(page, 'fixture-02-markup-label');
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    });
  });
});
