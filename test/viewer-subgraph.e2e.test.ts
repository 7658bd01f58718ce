// End-to-end, in headless Chromium as viewer.e2e.test.ts: the subgraph protocol (issue 11, "Big graphs")
// between the built viewer and src/serve/server.ts on a real build of a generated corpus, forced into
// subgraph mode (--subgraph always) so that a graph of a few hundred articles is asked for in parts
// like a 100,000-article one; the protocol's bad inputs from the page; a graph opened from disk
// leaving that mode; and the tooltip of a hovered relation on the seed graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../src/serve/server.js';
import { ensureViewerBuilt } from '../src/serve/build-viewer.js';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './helpers/browser.js';
import type { NewsgraphHook } from '../viewer/src/hook.js';
import { hookOf, type SerializedGraph } from './helpers/viewer-page.js';
import { dateSpan, dayNumber } from '../src/graph/dates.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'viewer-subgraph');
const KG = join(process.cwd(), 'scripts', 'kg.mjs');
const hasBrowser = browserAvailable();

let browser: LaunchedBrowser;
const servers: RunningServer[] = [];
const dirs: string[] = [];

function kgBuild(paths: string[]): { file: string; graph: SerializedGraph } {
  const out = mkdtempSync(join(tmpdir(), 'newsgraph-e2e-sub-'));
  dirs.push(out);
  execFileSync(process.execPath, [KG, 'build', ...paths, '--out', out], { stdio: 'pipe' });
  const file = join(out, 'graph.json');
  return { file, graph: JSON.parse(readFileSync(file, 'utf8')) as SerializedGraph };
}

describe.skipIf(!hasBrowser)('viewer e2e: big graphs in parts', () => {
  let page: Page;
  let server: RunningServer;
  let built: { file: string; graph: SerializedGraph };
  let errors: string[];
  /** The /api/subgraph query strings the page asked, in order. */
  const asked: string[] = [];
  const hook = <T>(fn: (h: NewsgraphHook) => T) => hookOf(page)(fn);

  /** What the server answers to the page's last request, fetched again from node. */
  async function lastAnswer(): Promise<SerializedGraph & { subgraph: { sent: { nodes: number; edges: number }; focus: string | null } }> {
    const res = await fetch(new URL(`api/subgraph?${asked[asked.length - 1]}`, server.url));
    return (await res.json()) as SerializedGraph & { subgraph: { sent: { nodes: number; edges: number }; focus: string | null } };
  }

  /** Runs `act` and waits until the page has drawn the answer to the request it caused. */
  async function answered(act: () => Promise<void>): Promise<void> {
    const before = await hook((h) => h.remote()!.answers);
    await act();
    await page.waitForFunction((n) => window.__newsgraph.remote()!.answers > n && !window.__newsgraph.remote()!.pending, before);
  }

  const visibleSet = async (): Promise<Set<string>> => new Set(await hook((h) => h.visibleNodes()));

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await ensureViewerBuilt();
    const corpus = join(mkdtempSync(join(tmpdir(), 'newsgraph-e2e-corpus-')), 'corpus.jsonl');
    dirs.push(join(corpus, '..'));
    execFileSync(process.execPath, [KG, 'generate', '--count', '300', '--seed', '3', '--out', corpus], { stdio: 'pipe' });
    built = kgBuild([corpus]);
    server = await startServer({ graphFile: built.file, subgraph: 'always' });
    servers.push(server);
    browser = await launchBrowser();
    page = await browser.browser.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/api/subgraph') asked.push(u.search.slice(1));
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__newsgraph?.ready && window.__newsgraph.remote()?.answers === 1 && window.__newsgraph.firstFrameAt !== null);
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('asks the server for the default part, draws exactly that, and offers the whole graph\'s kinds', async () => {
    expect(asked.length).toBe(1);
    const answer = await lastAnswer();
    expect(await visibleSet()).toEqual(new Set(answer.nodes.map((n) => n.key)));
    // meetings start folded on a graph this size: none was asked for
    expect(asked[0]).toContain('nodeKinds=');
    expect(answer.nodes.some((n) => n.attributes.kind === 'meeting')).toBe(false);
    const kinds = [...new Set(built.graph.nodes.map((n) => String(n.attributes.kind)))].sort();
    const legend = await page.locator('#legend input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(legend.sort()).toEqual(kinds);
    expect(await page.locator('#remote').isVisible()).toBe(true);
    const note = (await page.locator('#remote-note').textContent()) ?? '';
    expect(note).toMatch(new RegExp(`^showing ${answer.subgraph.sent.nodes.toLocaleString('en')} of ${built.graph.nodes.length.toLocaleString('en')} nodes`));
    await page.screenshot({ path: join(ARTIFACTS, '01-default.png') });
    expect(errors).toEqual([]);
  });

  it('a smaller top N is asked for, drawn, and the notice says what is hidden and how to see it', async () => {
    await answered(async () => {
      await page.locator('#remote-top').fill('5');
      await page.locator('#remote-top').dispatchEvent('change');
    });
    expect(asked[asked.length - 1]).toContain('top=5');
    const answer = await lastAnswer();
    expect(answer.nodes).toHaveLength(5);
    expect(await visibleSet()).toEqual(new Set(answer.nodes.map((n) => n.key)));
    expect(await page.locator('#remote-note').textContent()).toMatch(/^showing 5 of [\d,]+ nodes .*not shown: narrow the time window, raise the minimum weight or search a name to see others$/);
  });

  it('the time window is asked of the server: every relation drawn is dated in it or undated', async () => {
    await answered(async () => {
      await page.locator('#remote-top').fill('400');
      await page.locator('#remote-top').dispatchEvent('change');
    });
    const all = await hook((h) => h.visibleEdges().length);
    await answered(async () => {
      await page.locator('#date-start').evaluate((el) => {
        const input = el as HTMLInputElement;
        input.value = String(Math.round((Number(input.min) + Number(input.max)) / 2));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    });
    const from = /(?:^|&)from=(\d{4}-\d{2}-\d{2})/.exec(asked[asked.length - 1]!)?.[1];
    expect(from).toBeDefined();
    const edges = new Map(built.graph.edges.map((e) => [e.key, e.attributes]));
    const drawn = await hook((h) => h.visibleEdges());
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(all);
    for (const key of drawn) {
      const span = dateSpan(edges.get(key)?.date);
      if (span !== null) expect(span[1], key).toBeGreaterThanOrEqual(dayNumber(from!)!);
    }
    expect(await visibleSet()).toEqual(new Set((await lastAnswer()).nodes.map((n) => n.key)));
    await answered(() =>
      page.locator('#date-start').evaluate((el) => {
        const input = el as HTMLInputElement;
        input.value = input.min;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    );
    expect(await hook((h) => h.window().start)).toBeNull();
    expect(asked[asked.length - 1]).not.toContain('from=');
  });

  it('a search asks the whole graph and shows the match\'s neighbourhood, selected; depth 2 asks two hops', async () => {
    await answered(async () => {
      await page.locator('#remote-top').fill('3');
      await page.locator('#remote-top').dispatchEvent('change');
    });
    const shown = await visibleSet();
    // a leader of the build that the 3 nodes on screen do not include, with relations to nodes that
    // are not meetings (meetings are folded)
    const kindOf = new Map(built.graph.nodes.map((n) => [n.key, n.attributes.kind]));
    const linked = (key: string): boolean =>
      built.graph.edges.some((e) => (e.source === key && kindOf.get(e.target) !== 'meeting') || (e.target === key && kindOf.get(e.source) !== 'meeting'));
    const leader = built.graph.nodes.find((n) => n.attributes.kind === 'leader' && !shown.has(n.key) && linked(n.key))!;
    expect(leader).toBeDefined();
    await answered(async () => {
      await page.locator('#search').fill(String(leader.attributes.label));
      await page.locator('#search').press('Enter');
    });
    expect(asked[asked.length - 1]).toMatch(/(^|&)q=/);
    await page.waitForFunction((k) => window.__newsgraph.selected === k, leader.key);
    expect(await page.locator('#depth').inputValue()).toBe('1');
    // the neighbourhood: the leader and nodes joined to it by a relation of the build
    const neighbours = new Set([leader.key]);
    for (const e of built.graph.edges) {
      if (e.source === leader.key) neighbours.add(e.target);
      if (e.target === leader.key) neighbours.add(e.source);
    }
    const one = await visibleSet();
    expect(one.has(leader.key)).toBe(true);
    for (const k of one) expect(neighbours.has(k), k).toBe(true);
    expect(one.size).toBeGreaterThan(1);
    await page.screenshot({ path: join(ARTIFACTS, '02-search.png') });

    // room for two hops: the same neighbourhood asked with a larger N, then two hops
    await answered(async () => {
      await page.locator('#remote-top').fill('400');
      await page.locator('#remote-top').dispatchEvent('change');
    });
    expect(asked[asked.length - 1]).toContain(`node=${encodeURIComponent(leader.key)}&depth=1`);
    await answered(() => page.locator('#depth').selectOption('2').then(() => undefined));
    expect(asked[asked.length - 1]).toContain(`node=${encodeURIComponent(leader.key)}&depth=2`);
    const two = await visibleSet();
    for (const k of one) expect(two.has(k), k).toBe(true);
    expect(two.size).toBeGreaterThan(one.size);
    expect(await visibleSet()).toEqual(new Set((await lastAnswer()).nodes.map((n) => n.key)));
    await answered(() => page.locator('#focus-clear').click());
    expect(asked[asked.length - 1]).not.toContain('node=');
    expect(errors).toEqual([]);
  });

  it('bad inputs: a name matching nothing shows the server\'s error and keeps the graph; bad queries get clear JSON errors, never a crash', async () => {
    const before = await visibleSet();
    const answers = await hook((h) => h.remote()!.answers);
    await page.locator('#search').fill('zzqqxx-nobody');
    await page.locator('#search').press('Enter');
    await expect.poll(() => page.locator('#error').textContent()).toBe('no node matches "zzqqxx-nobody"');
    expect(await hook((h) => h.remote()!.answers)).toBe(answers);
    expect(await visibleSet()).toEqual(before);

    const replies = await page.evaluate(async () => {
      const out: { status: number; error: string }[] = [];
      for (const q of ['top=999999999', 'node=leader%3Anobody', 'from=2026-13-01', 'from=2026-03-01&to=2025-01-01', 'kinds=hugs', 'depth=2', `q=${'x'.repeat(300)}`]) {
        const res = await fetch(`api/subgraph?${q}`);
        out.push({ status: res.status, error: String(((await res.json()) as { error?: unknown }).error) });
      }
      return out;
    });
    expect(replies).toEqual([
      { status: 400, error: '"top" must be from 1 to 20000 (the most the viewer can draw smoothly), got 999999999' },
      { status: 404, error: 'unknown node "leader:nobody"' },
      { status: 400, error: '"from" must be a day as YYYY-MM-DD, got "2026-13-01"' },
      { status: 400, error: '"from" (2026-03-01) is after "to" (2025-01-01)' },
      { status: 400, error: expect.stringMatching(/^unknown edge kind "hugs" in "kinds"; the graph has: /) as unknown as string },
      { status: 400, error: '"depth" needs "node" or "q"' },
      { status: 400, error: '"q" is longer than 200 characters' },
    ]);
    // still answering
    await answered(async () => {
      await page.locator('#remote-top').fill('10');
      await page.locator('#remote-top').dispatchEvent('change');
    });
    expect(await hook((h) => h.visibleNodes().length)).toBe(10);
    expect(errors).toEqual([]);
  });

  it('a graph.json opened from disk is shown whole, as before, and leaves the server\'s parts', async () => {
    const small = kgBuild(['seeds']);
    await page.locator('#file-input').setInputFiles(small.file);
    await page.waitForFunction(() => window.__newsgraph.remote() === null && window.__newsgraph.name === 'graph.json');
    expect((await visibleSet()).size).toBe(small.graph.nodes.length);
    expect(await page.locator('#remote').isHidden()).toBe(true);
    expect(await page.locator('#remote-note').textContent()).toBe('');
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!hasBrowser)('viewer e2e: hovering a relation', () => {
  let page: Page;
  let own: LaunchedBrowser;
  let seed: { file: string; graph: SerializedGraph };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await ensureViewerBuilt();
    seed = kgBuild(['seeds']);
    const server = await startServer({ graphFile: seed.file });
    servers.push(server);
    own = await launchBrowser();
    page = await own.browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.__newsgraph?.ready && window.__newsgraph.firstFrameAt !== null);
    await page.waitForTimeout(300);
  });

  afterAll(async () => {
    await own?.close();
  });

  it('shows the relation\'s kind, ends, date and status by the mouse, and hides it on leaving', async () => {
    const hook = <T>(fn: (h: NewsgraphHook) => T) => hookOf(page)(fn);
    const box = (await page.locator('#graph').boundingBox())!;
    // Straight relations only (a pair with one relation), at their middle.
    const pairs = new Map<string, number>();
    for (const e of seed.graph.edges) {
      const p = [e.source, e.target].sort().join('|');
      pairs.set(p, (pairs.get(p) ?? 0) + 1);
    }
    const labels = new Map(seed.graph.nodes.map((n) => [n.key, String(n.attributes.label)]));
    let hovered: (typeof seed.graph.edges)[number] | null = null;
    for (const e of seed.graph.edges.filter((x) => pairs.get([x.source, x.target].sort().join('|')) === 1)) {
      const [s, t] = await page.evaluate(([s, t]) => [window.__newsgraph.drawnViewport(s), window.__newsgraph.drawnViewport(t)], [e.source, e.target] as const);
      if (!s || !t || Math.hypot(s.x - t.x, s.y - t.y) < 60) continue;
      await page.mouse.move(box.x + (s.x + t.x) / 2, box.y + (s.y + t.y) / 2);
      await page.waitForTimeout(150);
      if ((await hook((h) => h.hoveredEdge())) === e.key) {
        hovered = e;
        break;
      }
    }
    expect(hovered, 'no relation could be hovered at its middle').not.toBeNull();
    const e = hovered!;
    const tip = (await hook((h) => h.edgeTip())) ?? '';
    const kind = String(e.attributes.kind);
    expect(tip).toContain(`${kind}: ${labels.get(e.source)} ${e.undirected ? '–' : '→'} ${labels.get(e.target)}`);
    expect(tip).toContain(`${String(e.attributes.date) || 'undated'} · ${String(e.attributes.status)}`);
    expect(tip).toContain(`weight ${String(e.attributes.weight)}`);
    expect(await page.locator('#edge-tip').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, '03-edge-hover.png') });
    await page.mouse.move(box.x + 2, box.y + 2);
    await page.waitForFunction(() => window.__newsgraph.hoveredEdge() === null);
    expect(await page.locator('#edge-tip').isHidden()).toBe(true);
  });
});
