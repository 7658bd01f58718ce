import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, isTraversal, CSP, type RunningServer } from '../src/serve/server.js';
import { UserError } from '../src/errors.js';
import { raw } from './helpers/http.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-'));
const root = join(dir, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>viewer</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(dir, '.secret'), 'no');
const graphFile = join(dir, 'mygraph.json');
writeFileSync(graphFile, JSON.stringify({ nodes: [{ key: 'a' }], edges: [] }));

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ graphFile, root, port: 0 });
});
afterAll(async () => {
  await server?.close();
});

describe('startServer', () => {
  it('listens on 127.0.0.1 with a random port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(new URL(server.url).port).not.toBe('0');
  });

  it('serves the viewer, the graph and its config, with the CSP', async () => {
    const index = await raw(server.url, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>viewer</title>');
    expect(index.headers['content-security-policy']).toBe(CSP);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    const graph = await raw(server.url, 'GET', '/graph.json');
    expect(graph.status).toBe(200);
    expect(JSON.parse(graph.body)).toEqual({ nodes: [{ key: 'a' }], edges: [] });
    expect(graph.headers['content-security-policy']).toBe(CSP);
    expect(JSON.parse((await raw(server.url, 'GET', '/config.json')).body)).toEqual({ graph: 'graph.json' });
    expect((await raw(server.url, 'GET', '/assets/app.js')).status).toBe(200);
    const head = await raw(server.url, 'HEAD', '/graph.json');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await raw(server.url, method, '/graph.json');
      expect(r.status, method).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
  });

  it('answers 404 to path traversal, raw or encoded', async () => {
    for (const path of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/assets/../../mygraph.json',
      '/%252e%252e/%252e%252e/etc/passwd',
      '/..%5c..%5cetc%5cpasswd',
      '/../.secret',
      '/.secret',
      '/nope.html',
    ]) {
      const r = await raw(server.url, 'GET', path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('root:');
    }
  });

  it('detects traversal in paths', () => {
    expect(isTraversal('/a/../b')).toBe(true);
    expect(isTraversal('/%2e%2e/x')).toBe(true);
    expect(isTraversal('/a..b/c')).toBe(false);
    expect(isTraversal('/assets/index-abc.js')).toBe(false);
  });

  it('serves a GEXF graph at /graph.gexf and says so in config.json', async () => {
    const gexf = join(dir, 'g.gexf');
    writeFileSync(gexf, '<?xml version="1.0"?><gexf/>');
    const s = await startServer({ graphFile: gexf, root });
    try {
      expect(JSON.parse((await raw(s.url, 'GET', '/config.json')).body)).toEqual({ graph: 'graph.gexf' });
      const r = await raw(s.url, 'GET', '/graph.gexf');
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toContain('xml');
      expect((await raw(s.url, 'GET', '/graph.json')).status).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('reports a taken port as a UserError', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const err = await startServer({ graphFile, root, port }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toBe(`port ${port} is in use`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a missing graph file and other hosts', async () => {
    await expect(startServer({ graphFile: join(dir, 'missing.json'), root })).rejects.toBeInstanceOf(UserError);
    await expect(startServer({ graphFile, root, host: '0.0.0.0' as '127.0.0.1' })).rejects.toBeInstanceOf(UserError);
  });
});
