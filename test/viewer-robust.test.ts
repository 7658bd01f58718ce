// The viewer under bad input, in headless Chromium: broken GEXF, JSON that is not a graph, empty and
// binary files, graphs without edges, with self-loops and parallel edges, a 50 MB file. The page must
// stay usable (the previous graph stays, search still works) and say what is wrong.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/serve/server.js';
import { ensureViewerBuilt } from '../src/serve/build-viewer.js';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './helpers/browser.js';
import { writeViewerFixture } from './helpers/viewer-fixture.js';
import type { NewsgraphHook } from '../viewer/src/hook.js';

const ZELENSKY = 'leader:volodymyr-zelensky';
let server: RunningServer;
let browser: LaunchedBrowser;
let page: Page;
const pageErrors: string[] = [];
/**
 * Replacing the graph on show used to raise "Sigma: could not find a suitable program for node type
 * "circle"!" when a camera animation outlived the killed sigma instance (fixed in Renderer.kill). The
 * per-test checks leave that one message out; the last test asserts that no page error occurred at all.
 */
const KNOWN = /could not find a suitable program for node type/;
const unexpectedErrors = (): string[] => pageErrors.filter((e) => !KNOWN.test(e));

const hook = <T>(fn: (h: NewsgraphHook) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__newsgraph)`) as Promise<T>;

/** Drops a file on the page the way a user would, and waits until the viewer loaded it or said why not. */
async function drop(name: string, content: string | number[], type = 'application/octet-stream'): Promise<{ error: string | null; loads: number }> {
  const before = await hook((h) => ({ loads: h.loads, error: h.error }));
  await page.evaluate(
    ({ name, content, type }) => {
      // A marker that setError must replace: errors from an earlier drop would otherwise count.
      (window as unknown as { __newsgraph: NewsgraphHook }).__newsgraph.error = null;
      const body = typeof content === 'string' ? content : new Uint8Array(content);
      const dt = new DataTransfer();
      dt.items.add(new File([body], name, { type }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, content, type },
  );
  await page.waitForFunction((n) => {
    const h = (window as unknown as { __newsgraph: NewsgraphHook }).__newsgraph;
    return h.loads > n || h.error !== null;
  }, before.loads, { timeout: 60_000 });
  return hook((h) => ({ error: h.error, loads: h.loads }));
}

/** The page still answers: search selects a node of the graph on show. */
async function stillUsable(key: string, query: string): Promise<void> {
  await page.locator('#search').fill(query);
  await page.locator('#search').press('Enter');
  await page.waitForFunction((k) => (window as unknown as { __newsgraph: NewsgraphHook }).__newsgraph.selected === k, key, { timeout: 10_000 });
  await page.locator('#panel .close').click();
}

function graphJson(nodes: { key: string; label?: string }[], edges: { key?: string; source: string; target: string; undirected?: boolean; kind?: string }[]): string {
  return JSON.stringify({
    options: { type: 'mixed', multi: true, allowSelfLoops: true },
    attributes: {},
    nodes: nodes.map((n, i) => ({ key: n.key, attributes: { key: n.key, label: n.label ?? n.key, kind: 'leader', x: i, y: (i * 7) % 5 } })),
    edges: edges.map((e, i) => ({ key: e.key ?? `e${i}`, source: e.source, target: e.target, undirected: e.undirected ?? false, attributes: { kind: e.kind ?? 'meets', date: '2026-03-12', status: 'held', evidence: ['x'], source: ['a1'], confidence: 1, weight: 1 } })),
  });
}

describe.skipIf(!browserAvailable())('viewer under bad input', () => {
  beforeAll(async () => {
    await ensureViewerBuilt();
    server = await startServer({ graphFile: writeViewerFixture(mkdtempSync(join(tmpdir(), 'newsgraph-vrobust-'))), port: 0 });
    browser = await launchBrowser();
    page = await browser.browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message + (process.env.DEBUG_STACK ? e.stack : '')));
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { __newsgraph?: NewsgraphHook }).__newsgraph?.ready === true);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const BROKEN: [string, string | number[], RegExp][] = [
    ['broken.gexf', '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="A"', /broken\.gexf: not a graph/],
    ['notxml.gexf', '<<<>>> this is not XML &&&', /notxml\.gexf: not a graph/],
    ['array.json', '[1, 2, 3]', /array\.json: not a graph/],
    ['null.json', 'null', /null\.json: not a graph/],
    ['nodes-not-list.json', '{"nodes": 5, "edges": []}', /not a graph/],
    ['node-without-key.json', '{"nodes": [{"label": "x"}], "edges": []}', /not a graph: a node has no "key"/],
    ['dangling-edge.json', graphJson([{ key: 'a' }], [{ source: 'a', target: 'missing' }]), /dangling-edge\.json: not a graph/],
    ['truncated.json', graphJson([{ key: 'a' }, { key: 'b' }], []).slice(0, 40), /truncated\.json: not a graph: the file is not valid JSON/],
    ['empty.json', '', /empty\.json: not a graph: the file is empty/],
    ['binary.json', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe], /binary\.json: not a graph/],
  ];
  for (const [name, content, message] of BROKEN) {
    it(`${name}: says what is wrong, keeps the graph on show, stays usable`, async () => {
      const before = await hook((h) => ({ loads: h.loads, nodes: h.visibleNodes().length }));
      const r = await drop(name, content);
      expect(r.error).toMatch(message);
      expect(await page.locator('#error').isVisible()).toBe(true);
      expect(await page.locator('#error').textContent()).toMatch(message);
      expect(await hook((h) => ({ loads: h.loads, nodes: h.visibleNodes().length }))).toEqual(before);
      await stillUsable(ZELENSKY, 'Volodymyr Zelensky');
      expect(unexpectedErrors()).toEqual([]);
    });
  }

  it('a graph without edges loads', async () => {
    const r = await drop('no-edges.json', graphJson([{ key: 'a', label: 'Alpha' }, { key: 'b', label: 'Beta' }], []));
    expect(r.error).toBeNull();
    expect((await hook((h) => h.visibleNodes())).sort()).toEqual(['a', 'b']);
    expect(await page.locator('#counts').textContent()).toMatch(/2 \/ 2 nodes · 0 \/ 0 edges/);
    await stillUsable('b', 'Beta');
    expect(unexpectedErrors()).toEqual([]);
  });

  it('a graph with self-loops and parallel edges loads and draws every edge', async () => {
    const json = graphJson(
      [{ key: 'a', label: 'Alpha' }, { key: 'b', label: 'Beta' }],
      [
        { key: 'loop', source: 'a', target: 'a' },
        { key: 'loop2', source: 'a', target: 'a', undirected: true },
        { key: 'p1', source: 'a', target: 'b' },
        { key: 'p2', source: 'a', target: 'b' },
        { key: 'p3', source: 'b', target: 'a', kind: 'sanctions' },
        { key: 'p4', source: 'a', target: 'b', undirected: true, kind: 'negotiates_with' },
      ],
    );
    const r = await drop('loops.json', json);
    expect(r.error).toBeNull();
    expect((await hook((h) => h.visibleEdges())).sort()).toEqual(['loop', 'loop2', 'p1', 'p2', 'p3', 'p4']);
    await page.waitForTimeout(300);
    await stillUsable('a', 'Alpha');
    expect(unexpectedErrors()).toEqual([]);
  });

  it('a graph whose labels are HTML shows them as text', async () => {
    const r = await drop('html.json', graphJson([{ key: 'h', label: '<img src=x onerror="window.__pwned=1"><b>Bold</b>' }], []));
    expect(r.error).toBeNull();
    await stillUsable('h', '<img src=x onerror="window.__pwned=1"><b>Bold</b>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  // Decision: the viewer has no size limit of its own; a 50 MB graph.json is parsed and drawn. This
  // checks that it loads within a minute and that the page answers afterwards (no lasting freeze).
  it('a 50 MB graph.json loads, and the page stays responsive afterwards', async () => {
    const n = 5000;
    const filler = 'x'.repeat(10_000);
    const nodes = Array.from({ length: n }, (_, i) => ({ key: `n${i}`, label: `Node ${i}` }));
    const text = graphJson(nodes, Array.from({ length: n }, (_, i) => ({ source: `n${i}`, target: `n${(i * 31 + 7) % n}` }))).replace(/"evidence":\["x"\]/g, `"evidence":["${filler}"]`);
    expect(text.length).toBeGreaterThan(50_000_000);
    const t0 = Date.now();
    const r = await drop('huge.json', text);
    const ms = Date.now() - t0;
    expect(r.error).toBeNull();
    expect(await hook((h) => h.visibleNodes().length)).toBe(n);
    const answer = await page.evaluate(() => new Promise<number>((res) => requestAnimationFrame(() => res(1))));
    expect(answer).toBe(1);
    await stillUsable('n4321', 'Node 4321');
    console.log(`50 MB graph.json loaded in ${ms} ms`);
    expect(unexpectedErrors()).toEqual([]);
  }, 120_000);

  // Runs last: every graph replacement above (several drops right after a camera move) happened.
  it('replacing the graph on show raises no page error at all', () => {
    expect(pageErrors).toEqual([]);
  });
});
