// End-to-end, in real headless Chromium: the analyst's features of the viewer (issue 11) on the REAL
// seed graph (built by the CLI in beforeAll) and on a synthetic graph large enough to fold its
// meetings and compute its metrics in a worker. Expectations are computed here from graph.json, not
// copied from the viewer. Screenshots go to test-artifacts/viewer/ (and the neighbourhood view to
// docs/ when NEWSGRAPH_SCREENSHOTS=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../src/serve/server.js';
import { ensureViewerBuilt } from '../src/serve/build-viewer.js';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './helpers/browser.js';
import type { NewsgraphHook } from '../viewer/src/hook.js';
import { hookOf, type SerializedGraph } from './helpers/viewer-page.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'viewer');
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const ZELENSKY = 'leader:volodymyr-zelensky';
const MACRON = 'leader:emmanuel-macron';
const hasBrowser = browserAvailable();

let browser: LaunchedBrowser;
const servers: RunningServer[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'newsgraph-analyst-'));
  dirs.push(d);
  return d;
}

function kgBuild(paths: string[]): { file: string; graph: SerializedGraph } {
  const out = tempDir();
  execFileSync(TSX, [join('src', 'cli', 'kg.ts'), 'build', ...paths, '--out', out], { stdio: 'pipe' });
  const file = join(out, 'graph.json');
  return { file, graph: JSON.parse(readFileSync(file, 'utf8')) as SerializedGraph };
}

async function serve(graphFile: string): Promise<string> {
  const server = await startServer({ graphFile });
  servers.push(server);
  return server.url;
}

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.__newsgraph?.ready && window.__newsgraph.visibleNodes().length > 0);
  return { page, errors };
}

/** Runs `fn` on the page's hook (its source is sent, so it must be self-contained). */
/** Waits for sigma to draw a frame after a change. */
async function frame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Undirected adjacency of graph.json, as an analyst reads it (direction ignored). */
function adjacency(g: SerializedGraph, keepEdge: (e: SerializedGraph['edges'][number]) => boolean = () => true): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>(g.nodes.map((n) => [n.key, new Set<string>()]));
  for (const e of g.edges) {
    if (!keepEdge(e) || e.source === e.target) continue;
    adj.get(e.source)!.add(e.target);
    adj.get(e.target)!.add(e.source);
  }
  return adj;
}

/** Breadth-first distances from `from`. */
function distances(adj: Map<string, Set<string>>, from: string): Map<string, number> {
  const dist = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const n = queue.shift()!;
    for (const m of adj.get(n) ?? []) {
      if (dist.has(m)) continue;
      dist.set(m, dist.get(n)! + 1);
      queue.push(m);
    }
  }
  return dist;
}

async function selectBySearch(page: Page, text: string, key: string): Promise<void> {
  await page.locator('#search').fill(text);
  await page.locator('#search').press('Enter');
  await page.waitForFunction((k) => window.__newsgraph.selected === k, key);
}

describe.skipIf(!hasBrowser)('viewer for analysts (e2e)', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await ensureViewerBuilt();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('the seed graph', () => {
    let seed: ReturnType<typeof kgBuild>;
    let url: string;
    let page: Page;
    let errors: string[];
    const hook = <T>(fn: (h: NewsgraphHook) => T) => hookOf(page)(fn);

    beforeAll(async () => {
      seed = kgBuild(['seeds']);
      url = await serve(seed.file);
    });

    // Each test starts from a fresh page, so none depends on another's leftovers.
    const fresh = async (suffix = ''): Promise<void> => {
      if (page) await page.close();
      ({ page, errors } = await open(url + suffix));
      await frame(page);
    };

    it('node sizes stay the same on screen when zooming in', async () => {
      await fresh();
      const at1 = await page.evaluate((k) => window.__newsgraph.renderedNodeSize(k), ZELENSKY);
      await hook((h) => h.setCameraRatio(0.1));
      await frame(page);
      const zoomed = await page.evaluate((k) => window.__newsgraph.renderedNodeSize(k), ZELENSKY);
      expect(at1).not.toBeNull();
      expect(at1!).toBeGreaterThan(3);
      expect(zoomed).toBeCloseTo(at1!, 5);
      expect(errors).toEqual([]);
    });

    it('shows every label on a small graph, including nodes without relations', async () => {
      await fresh();
      await frame(page);
      const shown = await hook((h) => h.displayedLabels());
      expect(shown.sort()).toEqual(seed.graph.nodes.map((n) => n.key).sort());
      await page.screenshot({ path: join(ARTIFACTS, 'analyst-01-all-labels.png') });
    });

    it('labels relations with kind and date on hover of their node, and for every relation when zoomed in', async () => {
      await fresh();
      const meets = seed.graph.edges.find((e) => e.attributes.kind === 'meets' && [e.source, e.target].includes(ZELENSKY))!;
      const expected = `meets · ${String(meets.attributes.date)}`;
      expect(await page.evaluate((k) => window.__newsgraph.edgeLabel(k), meets.key)).toBe('');
      const where = await page.evaluate((k) => window.__newsgraph.nodeViewport(k), ZELENSKY);
      const box = (await page.locator('#graph').boundingBox())!;
      await page.mouse.move(box.x + where!.x, box.y + where!.y);
      await page.waitForFunction((k) => window.__newsgraph.edgeLabel(k) !== '', meets.key);
      expect(await page.evaluate((k) => window.__newsgraph.edgeLabel(k), meets.key)).toBe(expected);
      await page.mouse.move(box.x + 2, box.y + 2);
      await page.waitForFunction((k) => window.__newsgraph.edgeLabel(k) === '', meets.key);
      await hook((h) => h.setCameraRatio(0.2));
      await frame(page);
      for (const e of seed.graph.edges) {
        const label = await page.evaluate((k) => window.__newsgraph.edgeLabel(k), e.key);
        expect(label).toContain(String(e.attributes.kind));
        if (e.attributes.date) expect(label).toContain(String(e.attributes.date));
      }
    });

    it('folds meetings into the meets relations between participants, and unfolds them', async () => {
      await fresh();
      const meetings = seed.graph.nodes.filter((n) => n.attributes.kind === 'meeting').map((n) => n.key);
      const meets = seed.graph.edges.filter((e) => e.attributes.kind === 'meets').map((e) => e.key);
      expect(meetings.length).toBeGreaterThan(0);
      expect(meets.length).toBeGreaterThan(0);
      // A small graph starts unfolded.
      expect(await page.locator('#fold-meetings').isChecked()).toBe(false);
      expect(await hook((h) => h.visibleNodes())).toEqual(expect.arrayContaining(meetings));
      await page.locator('#fold-meetings').check();
      const nodes = await hook((h) => h.visibleNodes());
      const edges = await hook((h) => h.visibleEdges());
      for (const m of meetings) expect(nodes).not.toContain(m);
      expect(edges).toEqual(expect.arrayContaining(meets));
      const touchingMeetings = seed.graph.edges.filter((e) => meetings.includes(e.source) || meetings.includes(e.target));
      for (const e of touchingMeetings) expect(edges).not.toContain(e.key);
      expect(nodes.length).toBe(seed.graph.nodes.length - meetings.length);
      await page.locator('#fold-meetings').uncheck();
      expect(await hook((h) => h.visibleNodes())).toEqual(expect.arrayContaining(meetings));
    });

    it("shows a node's neighbourhood at depth 1 and 2, then the whole graph again", async () => {
      await fresh();
      await selectBySearch(page, 'Zelensky', ZELENSKY);
      const dist = distances(adjacency(seed.graph), ZELENSKY);
      const within = (d: number) => [...dist].filter(([, v]) => v <= d).map(([k]) => k).sort();
      expect(within(1).length).toBeLessThan(within(2).length);
      expect(within(2).length).toBeLessThan(seed.graph.nodes.length);
      await page.locator('#depth').selectOption('1');
      expect((await hook((h) => h.visibleNodes())).sort()).toEqual(within(1));
      const edges1 = await hook((h) => h.visibleEdges());
      const inside = new Set(within(1));
      expect(edges1.sort()).toEqual(seed.graph.edges.filter((e) => inside.has(e.source) && inside.has(e.target)).map((e) => e.key).sort());
      await page.locator('#depth').selectOption('2');
      expect((await hook((h) => h.visibleNodes())).sort()).toEqual(within(2));
      await page.waitForTimeout(600); // the camera's move to the selection
      await hook((h) => h.resetCamera());
      await frame(page);
      await page.screenshot({ path: join(ARTIFACTS, 'analyst-02-neighbourhood-depth2.png') });
      if (process.env.NEWSGRAPH_SCREENSHOTS === '1') {
        // The README's picture: the same view coloured by country, with the table of its relations.
        await page.waitForFunction(() => window.__newsgraph.metricsReady());
        await page.locator('#color-mode').selectOption('country');
        await page.locator('#table-toggle').click();
        await page.locator('#tab-edges').click();
        await hook((h) => h.resetCamera());
        await frame(page);
        await page.screenshot({ path: join(process.cwd(), 'docs', 'screenshot-neighbourhood.png') });
      }
      await page.locator('#focus-clear').click();
      expect((await hook((h) => h.visibleNodes())).length).toBe(seed.graph.nodes.length);
      expect(await hook((h) => h.selected)).toBe(ZELENSKY);
      expect(errors).toEqual([]);
    });

    it('shows a shortest path between two chosen nodes, with only its relations', async () => {
      await fresh();
      // The farthest node from Macron, by the graph's own distances: a path of several steps.
      const adj = adjacency(seed.graph);
      const dist = distances(adj, MACRON);
      const [far, length] = [...dist].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]!;
      expect(length).toBeGreaterThanOrEqual(3);
      const farLabel = String(seed.graph.nodes.find((n) => n.key === far)!.attributes.label);
      await selectBySearch(page, 'Emmanuel Macron', MACRON);
      await page.locator('#path-to').fill(farLabel);
      await page.locator('#path-to').press('Enter');
      await page.waitForFunction(() => window.__newsgraph.path() !== null);
      const path = (await hook((h) => h.path()))!;
      expect(path[0]).toBe(MACRON);
      expect(path.at(-1)).toBe(far);
      expect(path.length).toBe(length + 1);
      for (let i = 1; i < path.length; i++) expect(adj.get(path[i - 1]!)!.has(path[i]!)).toBe(true);
      expect((await hook((h) => h.visibleNodes())).sort()).toEqual([...path].sort());
      const edges = await hook((h) => h.visibleEdges());
      expect(edges.length).toBeGreaterThanOrEqual(length);
      for (const key of edges) {
        const e = seed.graph.edges.find((x) => x.key === key)!;
        expect(Math.abs(path.indexOf(e.source) - path.indexOf(e.target))).toBe(1);
      }
      expect(await page.locator('#focus-note').textContent()).toBe(`path: ${length} steps`);
      await page.screenshot({ path: join(ARTIFACTS, 'analyst-03-path.png') });
    });

    it('says so when no visible path joins the two nodes', async () => {
      await fresh();
      await selectBySearch(page, 'Emmanuel Macron', MACRON);
      // Hiding every relation kind leaves no path at all.
      for (const box of await page.locator('#edge-kinds input').all()) await box.uncheck();
      await page.locator('#path-to').fill('Zelensky');
      await page.locator('#path-to').press('Enter');
      await expect.poll(() => page.locator('#focus-note').textContent()).toContain('no visible path between Emmanuel Macron and Volodymyr Zelensky');
      expect(await hook((h) => h.path())).toBeNull();
      expect(errors).toEqual([]);
    });

    it('colours by community and by country, with a legend that follows', async () => {
      await fresh();
      await page.waitForFunction(() => window.__newsgraph.metricsReady());
      expect(await hook((h) => h.metricsWhere())).toBe('main');
      expect(await page.locator('#color-legend').isHidden()).toBe(true);
      await page.locator('#color-mode').selectOption('community');
      const legend = async () =>
        page.locator('#color-legend .legend-item').evaluateAll((rows) =>
          rows.map((r) => ({ name: r.querySelector('.name')!.textContent, count: Number(r.querySelector('.count')!.textContent), color: getComputedStyle(r.querySelector('.swatch')!).backgroundColor })),
        );
      const communities = await legend();
      expect(communities.length).toBeGreaterThan(1);
      expect(communities.every((c) => /^community \d+$/.test(c.name ?? ''))).toBe(true);
      expect(communities.reduce((s, c) => s + c.count, 0)).toBe(seed.graph.nodes.length);
      const colours = new Set(await hook((h) => h.visibleNodes().map((n) => h.nodeColor(n))));
      expect(colours.size).toBe(communities.length);
      // A node with a single neighbour always joins its neighbour's community (leaving it lowers modularity).
      const pendants = [...adjacency(seed.graph)].filter(([, ns]) => ns.size === 1).map(([n, ns]) => [n, [...ns][0]!] as const);
      expect(pendants.length).toBeGreaterThan(0);
      for (const [n, m] of pendants) {
        expect(await page.evaluate(([a, b]) => window.__newsgraph.nodeColor(a!) === window.__newsgraph.nodeColor(b!), [n, m])).toBe(true);
      }

      await page.locator('#color-mode').selectOption('country');
      const countries = await legend();
      const byCountry = (k: string) => page.evaluate((key) => window.__newsgraph.nodeColor(key), k);
      expect(await byCountry(MACRON)).toBe(await byCountry('country:FRA'));
      expect(await byCountry(MACRON)).not.toBe(await byCountry(ZELENSKY));
      const expected = new Map<string, number>();
      for (const n of seed.graph.nodes) {
        const c = n.attributes.kind === 'country' ? String(n.attributes.label) : typeof n.attributes.country === 'string' ? n.attributes.country : 'no country';
        expected.set(c, (expected.get(c) ?? 0) + 1);
      }
      expect(new Map(countries.map((c) => [c.name, c.count]))).toEqual(expected);
      await page.screenshot({ path: join(ARTIFACTS, 'analyst-04-colour-by-country.png') });
    });

    it('sizes by betweenness: the node most often between others is the biggest', async () => {
      await fresh();
      await page.waitForFunction(() => window.__newsgraph.metricsReady());
      // Betweenness by brute force over graph.json: how many shortest paths pass through each node.
      const adj = adjacency(seed.graph);
      const score = new Map(seed.graph.nodes.map((n) => [n.key, 0]));
      const keys = [...adj.keys()];
      const counts = (from: string) => {
        const dist = distances(adj, from);
        const sigma = new Map([[from, 1]]);
        for (const n of [...dist.keys()].sort((a, b) => dist.get(a)! - dist.get(b)!)) {
          if (n === from) continue;
          let s = 0;
          for (const m of adj.get(n)!) if (dist.get(m) === dist.get(n)! - 1) s += sigma.get(m)!;
          sigma.set(n, s);
        }
        return { dist, sigma };
      };
      const all = new Map(keys.map((k) => [k, counts(k)]));
      for (const s of keys) for (const t of keys) {
        if (s >= t) continue;
        const { dist: ds, sigma: ss } = all.get(s)!;
        const { dist: dt, sigma: st } = all.get(t)!;
        if (!ds.has(t)) continue;
        for (const v of keys) {
          if (v === s || v === t || !ds.has(v) || !dt.has(v)) continue;
          if (ds.get(v)! + dt.get(v)! === ds.get(t)!) score.set(v, score.get(v)! + (ss.get(v)! * st.get(v)!) / ss.get(t)!);
        }
      }
      const best = [...score].sort(([, a], [, b]) => b - a)[0]![0];
      await page.locator('#size-mode').selectOption('betweenness');
      await frame(page);
      const sizes = await hook((h) => h.visibleNodes().map((n) => [n, h.renderedNodeSize(n) ?? 0] as const));
      const biggest = [...sizes].sort(([, a], [, b]) => b - a)[0]![0];
      expect(biggest).toBe(best);
      const degreeSizes = await (async () => {
        await page.locator('#size-mode').selectOption('degree');
        await frame(page);
        return hook((h) => h.visibleNodes().map((n) => [n, h.renderedNodeSize(n) ?? 0] as const));
      })();
      expect(new Map(degreeSizes)).not.toEqual(new Map(sizes));
    });

    it('the play button moves the time window to the last date, keeping its width', async () => {
      await fresh();
      const first = await page.locator('#date-start').evaluate((e) => Number((e as HTMLInputElement).min));
      const last = await page.locator('#date-end').evaluate((e) => Number((e as HTMLInputElement).max));
      expect(last).toBeGreaterThan(first);
      await page.locator('#date-end').evaluate((el, v) => {
        (el as HTMLInputElement).value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, first + 1);
      const before = await hook((h) => h.visibleEdges().length);
      await page.locator('#play').click();
      expect(await page.locator('#play').textContent()).toBe('Pause');
      await page.waitForFunction(() => document.getElementById('play')!.textContent === 'Play', undefined, { timeout: 30_000 });
      const start = await page.locator('#date-start').evaluate((e) => Number((e as HTMLInputElement).value));
      const end = await page.locator('#date-end').evaluate((e) => Number((e as HTMLInputElement).value));
      expect(end).toBe(last);
      expect(end - start).toBe(1);
      // At the last date the window is open at its end; its start moved forward.
      const w = await hook((h) => h.window());
      expect(w.end).toBeNull();
      expect(w.start).toBe(start);
      const after = await hook((h) => h.visibleEdges().length);
      expect(after).not.toBe(before);
    });

    it('a table of the visible nodes and relations: sorted, filtered, linked to the selection, exported as CSV', async () => {
      await fresh();
      await page.locator('#table-toggle').click();
      await page.locator('#table-body tbody tr').first().waitFor();
      const column = (i: number) => page.locator('#table-body tbody tr').evaluateAll((rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i]!.textContent ?? ''), i);
      const headers = await page.locator('#table-body th').allTextContents();
      const idx = (name: string) => headers.findIndex((h) => h.replace(/ [▲▼]$/, '') === name);
      // Every node, the most connected first, by degree counted from graph.json.
      const degree = new Map(seed.graph.nodes.map((n) => [n.key, 0]));
      for (const e of seed.graph.edges) for (const k of [e.source, e.target]) degree.set(k, degree.get(k)! + 1);
      const keys = await column(idx('key'));
      expect([...keys].sort()).toEqual([...degree.keys()].sort());
      const degrees = keys.map((k) => degree.get(k)!);
      expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
      expect((await column(idx('relations'))).map(Number)).toEqual(degrees);

      // Hiding a kind removes its rows: the table shows what is visible.
      await page.locator('#legend input[value="place"]').uncheck();
      expect((await column(idx('key'))).some((k) => k.startsWith('place:'))).toBe(false);
      await page.locator('#legend input[value="place"]').check();

      // Sorting by name, then filtering.
      await page.locator('#table-body th', { hasText: 'name' }).click();
      const names = await column(idx('name'));
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
      await page.locator('#table-filter').fill('leader ukr');
      expect(await column(idx('key'))).toEqual([ZELENSKY]);

      // A click on a row selects its node; the selected node's row is marked.
      await page.locator('#table-body tbody tr').first().click();
      await page.waitForFunction((k) => window.__newsgraph.selected === k, ZELENSKY);
      expect(await page.locator('#table-body tbody tr.selected').getAttribute('data-key')).toBe(ZELENSKY);
      await page.locator('#table-filter').fill('');

      // Relations: only the visible ones, and the CSV holds exactly the rows shown.
      await page.locator('#tab-edges').click();
      await page.locator('#edge-kinds input[value="represents"]').uncheck();
      const expected = seed.graph.edges.filter((e) => e.attributes.kind !== 'represents').map((e) => e.key);
      const relHeaders = await page.locator('#table-body th').allTextContents();
      const relKeyCol = relHeaders.findIndex((h) => h.replace(/ [▲▼]$/, '') === 'key');
      const relRows = await page.locator('#table-body tbody tr').evaluateAll((rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i]!.textContent ?? ''), relKeyCol);
      expect([...relRows].sort()).toEqual([...expected].sort());
      expect(relRows.length).toBeGreaterThan(0);
      // The selected node's relations are marked.
      const marked = await page.locator('#table-body tbody tr.selected').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.key));
      expect([...marked].sort()).toEqual(expected.filter((k) => { const e = seed.graph.edges.find((x) => x.key === k)!; return e.source === ZELENSKY || e.target === ZELENSKY; }).sort());
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
      expect(download.suggestedFilename()).toBe('newsgraph-relations.csv');
      const csv = readFileSync((await download.path())!, 'utf8');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe('"from","kind","to","date","status","weight","sources","key"');
      expect(lines.length - 1).toBe(expected.length);
      for (const k of expected) expect(csv).toContain(`"${k}"`);
      expect(csv).not.toContain('"represents"');
      await page.screenshot({ path: join(ARTIFACTS, 'analyst-06-table.png') });
      expect(errors).toEqual([]);
    });

    it('a link reopens the same view: selection, neighbourhood, filters, window and appearance', async () => {
      await fresh();
      await page.waitForFunction(() => window.__newsgraph.metricsReady());
      await selectBySearch(page, 'Zelensky', ZELENSKY);
      await page.locator('#depth').selectOption('2');
      await page.locator('#legend input[value="place"]').uncheck();
      await page.locator('#color-mode').selectOption('country');
      await page.locator('#size-mode').selectOption('pagerank');
      await page.locator('#date-start').evaluate((el) => {
        const input = el as HTMLInputElement;
        input.value = String(Number(input.min) + 1);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      const view = await hook((h) => ({ nodes: h.visibleNodes().sort(), edges: h.visibleEdges().sort(), window: h.window(), selected: h.selected }));
      const link = page.url();
      expect(link).toContain('node=');
      const other = await open(link);
      await other.page.waitForFunction(() => window.__newsgraph.metricsReady());
      const reopened = await hookOf(other.page)((h) => ({ nodes: h.visibleNodes().sort(), edges: h.visibleEdges().sort(), window: h.window(), selected: h.selected }));
      expect(reopened).toEqual(view);
      expect(reopened.nodes.some((n) => n.startsWith('place:'))).toBe(false);
      expect(await other.page.locator('#color-mode').inputValue()).toBe('country');
      expect(await other.page.locator('#size-mode').inputValue()).toBe('pagerank');
      expect(await other.page.locator('#depth').inputValue()).toBe('2');
      expect(await other.page.locator('#legend input[value="place"]').isChecked()).toBe(false);
      expect(other.errors).toEqual([]);
      await other.page.close();
    });
  });

  describe('isolated nodes far from the rest', () => {
    it('draws them under the graph, and the connected nodes still fill the view', async () => {
      // 30 connected nodes in a 100 × 100 box, and 3 without relations 100 times farther out (as
      // ForceAtlas2 leaves nodes nothing pulls back).
      const nodes: SerializedGraph['nodes'] = [];
      const edges: SerializedGraph['edges'] = [];
      for (let i = 0; i < 30; i++) nodes.push({ key: `leader:c${i}`, attributes: { label: `C${i}`, kind: 'leader', x: (i % 6) * 20, y: Math.floor(i / 6) * 20 } });
      for (let i = 1; i < 30; i++) edges.push({ key: `e${i}`, source: `leader:c${i - 1}`, target: `leader:c${i}`, undirected: true, attributes: { kind: 'meets', date: '' } });
      for (let i = 0; i < 3; i++) nodes.push({ key: `place:far${i}`, attributes: { label: `Far ${i}`, kind: 'place', x: 10_000 + i * 500, y: -10_000 } });
      const file = join(tempDir(), 'graph.json');
      writeFileSync(file, JSON.stringify({ attributes: {}, options: { type: 'mixed', multi: true, allowSelfLoops: true }, nodes, edges }));
      const { page, errors } = await open(await serve(file));
      await frame(page);
      const box = (await page.locator('#graph').boundingBox())!;
      const at = (k: string) => page.evaluate((key) => window.__newsgraph.drawnViewport(key), k);
      const connected = await Promise.all(nodes.filter((n) => n.key.startsWith('leader:')).map((n) => at(n.key)));
      const xs = connected.map((p) => p!.x);
      const ys = connected.map((p) => p!.y);
      // The connected part spans most of the view in at least one direction (not a corner).
      const span = Math.max((Math.max(...xs) - Math.min(...xs)) / box.width, (Math.max(...ys) - Math.min(...ys)) / box.height);
      expect(span).toBeGreaterThan(0.5);
      for (let i = 0; i < 3; i++) {
        const p = (await at(`place:far${i}`))!;
        // Inside the view, below the connected nodes (screen y grows downwards).
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(box.width);
        expect(p.y).toBeGreaterThan(Math.max(...ys));
        expect(p.y).toBeLessThanOrEqual(box.height);
      }
      expect((await hookOf(page)((h) => h.displayedLabels())).length).toBe(33);
      await page.screenshot({ path: join(ARTIFACTS, 'analyst-07-isolated.png') });
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe('a synthetic graph of 1,000 nodes and 6,000 relations', () => {
    let file: string;
    let meetings: string[];

    beforeAll(() => {
      // Leaders in 8 blocs, most relations inside a bloc; 150 meetings of 2 leaders of one bloc.
      let s = 7;
      const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
      const nodes: SerializedGraph['nodes'] = [];
      const edges: SerializedGraph['edges'] = [];
      const leaders = 850;
      for (let i = 0; i < leaders; i++) nodes.push({ key: `leader:l${i}`, attributes: { key: `leader:l${i}`, label: `Leader ${i}`, kind: 'leader', country: `Country ${i % 8}`, x: rand() * 1000, y: rand() * 1000 } });
      const bloc = (i: number) => i % 8;
      let e = 0;
      while (e < 5700) {
        const a = Math.floor(rand() * leaders);
        let b = Math.floor(rand() * leaders);
        if (rand() < 0.95) b = b - (b % 8) + bloc(a);
        if (b >= leaders || a === b) continue;
        edges.push({ key: `e${e++}`, source: `leader:l${a}`, target: `leader:l${b}`, undirected: true, attributes: { kind: 'negotiates_with', date: '2026-03-01', status: 'held', weight: 1 } });
      }
      meetings = [];
      for (let m = 0; m < 150; m++) {
        const key = `meeting:2026-03-${String((m % 28) + 1).padStart(2, '0')}:m${m}`;
        meetings.push(key);
        nodes.push({ key, attributes: { key, label: `Meeting ${m}`, kind: 'meeting', date: key.slice(8, 18), x: rand() * 1000, y: rand() * 1000 } });
        const a = m * 5;
        const b = a + 8;
        for (const p of [a, b]) edges.push({ key: `p${m}-${p}`, source: `leader:l${p}`, target: key, attributes: { kind: 'participates_in', date: key.slice(8, 18), status: 'held', meeting: key } });
        edges.push({ key: `m${m}`, source: `leader:l${a}`, target: `leader:l${b}`, undirected: true, attributes: { kind: 'meets', date: key.slice(8, 18), status: 'held', meeting: key } });
      }
      file = join(tempDir(), 'graph.json');
      writeFileSync(file, JSON.stringify({ attributes: {}, options: { type: 'mixed', multi: true, allowSelfLoops: true }, nodes, edges }));
    });

    it('starts with meetings folded, computes metrics in a worker, and colours communities with a legend', async () => {
      const { page, errors } = await open(await serve(file));
      const hook = <T>(fn: (h: NewsgraphHook) => T) => hookOf(page)(fn);
      expect(await page.locator('#fold-meetings').isChecked()).toBe(true);
      const visible = new Set(await hook((h) => h.visibleNodes()));
      for (const m of meetings) expect(visible.has(m)).toBe(false);
      expect(visible.size).toBe(850);
      expect(await hook((h) => h.visibleEdges())).toEqual(expect.arrayContaining(meetings.map((_, i) => `m${i}`)));
      await page.waitForFunction(() => window.__newsgraph.metricsReady(), undefined, { timeout: 60_000 });
      expect(await hook((h) => h.metricsWhere())).toBe('worker');
      await page.locator('#color-mode').selectOption('community');
      const rows = await page.locator('#color-legend .legend-item').count();
      expect(rows).toBeGreaterThanOrEqual(8);
      // Blocs are communities: most leaders of one bloc share a colour.
      const colours = await hook((h) => h.visibleNodes().map((n) => [n, h.nodeColor(n)] as const));
      const bloc0 = colours.filter(([n]) => Number(n.slice('leader:l'.length)) % 8 === 0).map(([, c]) => c);
      const top = Math.max(...[...new Set(bloc0)].map((c) => bloc0.filter((x) => x === c).length));
      expect(top / bloc0.length).toBeGreaterThan(0.8);
      // On a large graph labels avoid each other: far fewer than all are drawn.
      await frame(page);
      const labels = await hook((h) => h.displayedLabels().length);
      expect(labels).toBeGreaterThan(0);
      expect(labels).toBeLessThan(visible.size / 2);
      await page.screenshot({ path: join(ARTIFACTS, 'analyst-05-large-communities.png') });
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
