// The local viewer server: the built viewer as static files, the graph at /graph.json (or
// /graph.gexf), and where the graph is at /config.json. Loopback only, read-only (GET and HEAD),
// with a Content-Security-Policy that forbids inline scripts, so article text can never run.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import sirv from 'sirv';
import { UserError } from '../errors.js';
import { ensureViewerBuilt } from './build-viewer.js';

export interface ServeOptions {
  /** The graph to show: graphology JSON (graph.export()) or GEXF, chosen by extension. */
  graphFile: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  /** Loopback only: the server never listens on other interfaces. */
  host?: '127.0.0.1';
  /** Folder of the built viewer. Default: viewer/dist, built first when missing or stale. */
  root?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Whether a request path tries to leave the served folder: a `..` segment, raw or percent-encoded
 * (once or twice), a backslash, or a NUL. sirv normalises paths too; this refuses them outright.
 */
export function isTraversal(rawPath: string): boolean {
  let p = rawPath;
  for (let i = 0; i < 3; i++) {
    if (/(^|[\\/])\.\.([\\/]|$)/.test(p) || p.includes('\\') || p.includes('\0')) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(p);
    } catch {
      return true; // malformed escapes: refuse rather than guess
    }
    if (decoded === p) break;
    p = decoded;
  }
  return false;
}

function send(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function sendGraph(req: IncomingMessage, res: ServerResponse, file: string, type: string): Promise<void> {
  // Open first, then measure and read that open file: `kg build` renames a new graph over the path
  // while we serve it, and a size taken from the path with the bytes read from a later open would mix
  // two builds (a Content-Length that does not match the body breaks the HTTP stream). An open file
  // keeps its content after the rename: each answer is one whole graph, the old or the new one.
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(file, 'r');
  } catch {
    send(res, 404, 'graph file not found\n');
    return;
  }
  try {
    size = (await handle.stat()).size;
  } catch {
    await handle.close().catch(() => undefined);
    send(res, 404, 'graph file not found\n');
    return;
  }
  // No caching: the graph file is rebuilt in place by `kg build`.
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(size), 'Cache-Control': 'no-store' });
  if (req.method === 'HEAD' || size === 0) {
    await handle.close().catch(() => undefined);
    res.end();
    return;
  }
  // end: the size measured above, should the file have been appended to (kg replaces it, never appends)
  handle.createReadStream({ start: 0, end: size - 1 }).on('error', () => res.destroy()).pipe(res);
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new UserError(`refusing to listen on ${String(host)}: the viewer server binds 127.0.0.1 only`);
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`invalid port ${String(opts.port)}`);
  const graphFile = resolve(opts.graphFile);
  if (!existsSync(graphFile)) throw new UserError(`graph file not found: ${opts.graphFile}`);
  const isGexf = ['.gexf', '.xml'].includes(extname(graphFile).toLowerCase());
  const graphPath = isGexf ? '/graph.gexf' : '/graph.json';
  const graphType = isGexf ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8';
  const config = JSON.stringify({ graph: graphPath.slice(1) });

  const root = opts.root ?? (await ensureViewerBuilt());
  const statics = sirv(root, {
    dev: false,
    etag: true,
    dotfiles: false,
    // Hashed assets can be cached; index.html cannot (it names the current hashes).
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const server = createServer((req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const raw = req.url ?? '/';
    const pathname = raw.split(/[?#]/, 1)[0] ?? '/';
    if (!pathname.startsWith('/') || isTraversal(pathname)) {
      send(res, 404, 'not found\n');
      return;
    }
    if (pathname === graphPath) {
      void sendGraph(req, res, graphFile, graphType);
      return;
    }
    if (pathname === '/config.json') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : config);
      return;
    }
    statics(req, res, () => send(res, 404, 'not found\n'));
  });

  await new Promise<void>((resolvePromise, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') reject(new UserError(`port ${port} is in use`));
      else if (err.code === 'EACCES') reject(new UserError(`port ${port} needs privileges`));
      else reject(err);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}/`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((err) => (err ? reject(err) : resolveClose()));
        // Keep-alive connections (browsers) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
