// The subgraph protocol over HTTP (src/serve/server.ts): /api/meta, /api/subgraph and /api/search against
// a running server, their bad inputs (a clear JSON error, never a crash), and the choice between
// sending the whole graph and answering in parts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../src/serve/server.js';
import { toJson } from '../src/export/json.js';
import { toGexf } from '../src/export/gexf.js';
import { UserError } from '../src/errors.js';
import { A, C, M, subgraphSample } from './helpers/subgraph-sample.js';
import { raw } from './helpers/http.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-api-'));
const root = join(dir, 'dist');
mkdirSync(root, { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>viewer</title>');
const graphFile = join(dir, 'graph.json');
writeFileSync(graphFile, toJson(subgraphSample()));
const gexfFile = join(dir, 'graph.gexf');
writeFileSync(gexfFile, toGexf(subgraphSample()));

let parts: RunningServer;
let whole: RunningServer;
beforeAll(async () => {
  parts = await startServer({ graphFile, root, port: 0, subgraph: 'always' });
  whole = await startServer({ graphFile, root, port: 0 });
});
afterAll(async () => {
  await parts?.close();
  await whole?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(server: RunningServer, path: string): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
  const res = await fetch(new URL(path, server.url));
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
}

describe('subgraph mode', () => {
  it('says so in config.json, and /api/meta describes the whole graph', async () => {
    expect(parts.mode).toBe('subgraph');
    expect((await get(parts, '/config.json')).body).toEqual({ graph: 'graph.json', subgraph: 'api/' });
    const meta = await get(parts, '/api/meta');
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({ mode: 'subgraph', nodes: 7, edges: 7, nodeKinds: { leader: 4, country: 2, meeting: 1 }, minDate: '2026-01-05', maxDate: '2026-03-10' });
  });

  it('answers a subgraph in graph.export()\'s shape with what it left out', async () => {
    const r = await get(parts, '/api/subgraph?top=3');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/json; charset=utf-8');
    expect((r.body.nodes as { key: string }[]).map((n) => n.key)).toEqual([A, M, 'country:XXA']);
    expect(r.body.subgraph).toMatchObject({ total: { nodes: 7, edges: 7 }, sent: { nodes: 3, edges: 2 }, focus: null });
    expect(String((r.body.subgraph as { hidden: string }).hidden)).toMatch(/^showing the 3 most connected of 7 nodes/);
  });

  it('answers a neighbourhood and a search', async () => {
    const n = await get(parts, `/api/subgraph?node=${encodeURIComponent(C)}&depth=1`);
    expect((n.body.nodes as { key: string }[]).map((x) => x.key)).toEqual([C, A, 'leader:dario-duca']);
    const q = await get(parts, '/api/subgraph?q=Carla+Corti');
    expect((q.body.subgraph as { focus: string }).focus).toBe(C);
    const s = await get(parts, '/api/search?q=alto&limit=5');
    expect((s.body as unknown as { key: string }[]).map((x) => x.key)).toEqual([A, M]);
  });

  it('refuses bad inputs with 400 or 404 and a JSON error naming the problem', async () => {
    const cases: [string, number, RegExp][] = [
      [`/api/subgraph?node=${encodeURIComponent('leader:nobody')}`, 404, /^unknown node "leader:nobody"$/],
      ['/api/subgraph?q=zzzz', 404, /^no node matches "zzzz"$/],
      ['/api/subgraph?from=2026-13-45', 400, /^"from" must be a day as YYYY-MM-DD/],
      ['/api/subgraph?from=2026-03-01&to=2026-01-01', 400, /is after "to"/],
      ['/api/subgraph?to=%E0%A4%A', 400, /^"to" must be a day/],
      ['/api/subgraph?top=99999999999999999999999', 400, /^"top" must be from 1 to 20000/],
      ['/api/subgraph?top=-1', 400, /^"top" must be a whole number/],
      ['/api/subgraph?maxEdges=1e9', 400, /^"maxEdges" must be a whole number/],
      ['/api/subgraph?kinds=hugs', 400, /^unknown edge kind "hugs"/],
      ['/api/subgraph?depth=2', 400, /needs "node" or "q"/],
      ['/api/subgraph?bogus=1', 400, /^unknown parameter "bogus"/],
      ['/api/search?q=a&limit=100000', 400, /"limit" must be/],
      ['/api/nothing', 404, /^no such endpoint \/api\/nothing/],
    ];
    for (const [path, status, message] of cases) {
      const r = await get(parts, path);
      expect(r.status, path).toBe(status);
      expect(r.type, path).toBe('application/json; charset=utf-8');
      expect(String(r.body.error), path).toMatch(message);
    }
    // still serving after all of them
    expect((await get(parts, '/api/meta')).status).toBe(200);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await raw(parts.url, 'HEAD', '/api/subgraph?top=2');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await raw(parts.url, 'POST', '/api/subgraph')).status).toBe(405);
  });

  it('still sends graph.json whole on request (downloads)', async () => {
    const res = await fetch(new URL('/graph.json', parts.url));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { nodes: unknown[] }).nodes).toHaveLength(7);
  });
});

describe('whole mode', () => {
  it('sends a small graph whole by default and has no subgraph endpoints', async () => {
    expect(whole.mode).toBe('whole');
    expect((await get(whole, '/config.json')).body).toEqual({ graph: 'graph.json' });
    const r = await get(whole, '/api/meta');
    expect(r.status).toBe(404);
    expect(String(r.body.error)).toMatch(/sends the whole graph/);
  });

  it('refuses subgraphs of a GEXF file when forced, and serves it whole otherwise', async () => {
    await expect(startServer({ graphFile: gexfFile, root, port: 0, subgraph: 'always' })).rejects.toThrow(UserError);
    const s = await startServer({ graphFile: gexfFile, root, port: 0 });
    expect(s.mode).toBe('whole');
    await s.close();
  });
});
