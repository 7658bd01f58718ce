// Security: article text is never HTML in the viewer; the server listens on loopback only, answers only
// GET and HEAD, serves only its own files (raw and encoded traversal are 404), and its
// Content-Security-Policy forbids inline scripts — checked in the header and in real Chromium.
import { readdirSync, readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/serve/server.js';
import { ensureViewerBuilt } from '../src/serve/build-viewer.js';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './helpers/browser.js';
import { ROOT } from './helpers/fuzz-cli.js';
import { raw } from './helpers/http.js';

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '"><iframe srcdoc="<script>parent.__pwned=1</script>">',
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
];

/** A graph whose every text field carries a payload. */
function hostileGraph(): string {
  const nodes = PAYLOADS.map((p, i) => ({
    key: `leader:evil-${i}`,
    attributes: { key: `leader:evil-${i}`, label: `Evil ${i} ${p}`, kind: 'leader', role: p, country: p, aliases: [p], x: i, y: i * 2, size: 5, color: '#123456' },
  }));
  nodes.push({ key: 'country:XSS', attributes: { key: 'country:XSS', label: `<b>Bold</b>${PAYLOADS[0]}`, kind: 'country', role: '', country: '', aliases: [], x: 9, y: 9, size: 5, color: '#654321' } });
  const edges = PAYLOADS.map((p, i) => ({
    key: `meets:${i}`,
    source: `leader:evil-${i}`,
    target: 'country:XSS',
    undirected: true,
    attributes: { kind: 'meets', date: '2026-03-12', status: 'held', evidence: [`He said ${p}`], evidence_articles: [p], source: [p], confidence: 0.5, weight: 1 },
  }));
  return JSON.stringify({ options: { type: 'mixed', multi: true, allowSelfLoops: true }, attributes: { name: PAYLOADS[1], articles: { [PAYLOADS[0]!]: { id: PAYLOADS[0], source: PAYLOADS[1], lang: 'en', hash: 'x' } } }, nodes, edges });
}

describe('the viewer never turns text into HTML', () => {
  it('viewer/src has no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval or new Function', () => {
    const dir = join(ROOT, 'viewer', 'src');
    const offenders: string[] = [];
    for (const f of readdirSync(dir).filter((n) => /\.(ts|js|html)$/.test(n))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const [i, line] of text.split('\n').entries()) {
        if (/\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\s*\(|new Function\s*\()/.test(line)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the server', () => {
  let server: RunningServer;
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-security-'));
  const graphFile = join(dir, 'graph.json');
  writeFileSync(graphFile, hostileGraph());
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');

  beforeAll(async () => {
    await ensureViewerBuilt();
    server = await startServer({ graphFile, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('binds 127.0.0.1: its port is closed on every other interface', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const port = Number(new URL(server.url).port);
    const others = Object.values(networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal).map((a) => a!.address);
    for (const host of others) {
      const reached = await new Promise<boolean>((res) => {
        const s = connect({ host, port, timeout: 2000 }, () => (s.destroy(), res(true)));
        s.on('error', () => res(false));
        s.on('timeout', () => (s.destroy(), res(false)));
      });
      expect(reached, `reachable on ${host}`).toBe(false);
    }
  });

  it('refuses to listen anywhere else', async () => {
    await expect(startServer({ graphFile, port: 0, host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/127\.0\.0\.1/);
  });

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
    it(`answers ${method} with 405 and Allow: GET, HEAD`, async () => {
      const r = await raw(server.url, method, '/graph.json');
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
      expect(r.body).not.toContain('evil');
    });
  }

  it('closes a CONNECT (proxy tunnel) request without answering it', async () => {
    // Node's http server hands CONNECT to a 'connect' listener; with none it closes the socket.
    await expect(raw(server.url, 'CONNECT', '127.0.0.1:22')).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('answers HEAD without a body and GET with the graph', async () => {
    const head = await raw(server.url, 'HEAD', '/graph.json');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const get = await raw(server.url, 'GET', '/graph.json');
    expect(get.status).toBe(200);
    expect(get.body).toBe(readFileSync(graphFile, 'utf8'));
  });

  const TRAVERSALS = [
    '/../package.json', '/../../etc/passwd', '/assets/../../package.json', '/%2e%2e/package.json', '/%2E%2E/%2E%2E/etc/passwd',
    '/%252e%252e/package.json', '/..%2fpackage.json', '/..%5cpackage.json', '/assets/..\\..\\package.json', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/secret.txt', '/../secret.txt', '/graph.json/../secret.txt', '/%00', '/index.html%00.json', '/.git/HEAD', '/%2e%2e%c0%af', '/..;/package.json',
  ];
  for (const path of TRAVERSALS) {
    it(`serves nothing outside its files: ${path}`, async () => {
      const r = await raw(server.url, 'GET', path);
      expect(r.status).toBe(404);
      expect(r.body).not.toMatch(/"name": "newsgraph"|root:x:0|TOP SECRET|ref: refs/);
    });
  }

  it('sends the CSP (no inline scripts) and nosniff on every answer, errors included', async () => {
    for (const [method, path] of [['GET', '/'], ['GET', '/graph.json'], ['GET', '/config.json'], ['GET', '/nope'], ['GET', '/../x'], ['POST', '/']] as const) {
      const r = await raw(server.url, method, path);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, `${method} ${path}`).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/script-src[^;]*('unsafe-inline'|'unsafe-eval'|\*|data:)/);
      expect(csp).toMatch(/default-src 'self'/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  describe.skipIf(!browserAvailable())('in Chromium', () => {
    let browser: LaunchedBrowser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('a hostile graph is shown as text, and an inline script injected into the page never runs', async () => {
      const page = await browser.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.waitForFunction(() => (window as unknown as { __newsgraph?: { ready: boolean } }).__newsgraph?.ready === true);
      expect(await page.evaluate(() => (window as unknown as { __newsgraph: { error: string | null } }).__newsgraph.error)).toBeNull();
      // Select every hostile node: labels, roles, evidence and sources go through the panel.
      for (let i = 0; i < PAYLOADS.length; i++) {
        await page.locator('#search').fill(`Evil ${i}`);
        await page.locator('#search').press('Enter');
        await page.waitForFunction((k) => (window as unknown as { __newsgraph: { selected: string | null } }).__newsgraph.selected === k, `leader:evil-${i}`);
        expect(await page.locator('#panel').textContent()).toContain(PAYLOADS[i]);
      }
      expect(await page.locator('#panel script, #panel img, #panel svg, #panel iframe, #panel b').count()).toBe(0);
      // The CSP itself: an inline <script> added to the page (as an injection would) is blocked.
      const blocked = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
            const s = document.createElement('script');
            s.textContent = 'window.__pwned = "inline"';
            document.body.appendChild(s);
            setTimeout(() => resolve('no violation reported'), 2000);
          }),
      );
      expect(blocked).toMatch(/^script-src/);
      // …and so is an inline event handler.
      await page.evaluate(() => {
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__pwned = "handler"');
        img.src = 'data:,not-an-image';
        document.body.appendChild(img);
      });
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
