// The local viewer server: the built viewer as static files, the graph at /graph.json (or
// /graph.gexf), and where the graph is at /config.json. Loopback only, read-only (GET and HEAD),
// with a Content-Security-Policy that forbids inline scripts, so article text can never run.
//
// A graph too large for the browser (above SUBGRAPH_AUTO: a 100,000-article build has ~10 times the
// nodes and edges a browser draws smoothly) is loaded once at start and answered in parts: the subgraph
// protocol, /api/meta, /api/subgraph and /api/search (src/serve/subgraph.ts, README "Big graphs").
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import sirv from 'sirv';
import { UserError } from '../errors.js';
import { ensureViewerBuilt } from './build-viewer.js';
import { loadGraphJson } from './load-graph.js';
import { indexGraph, querySubgraph, searchIndex, type SubgraphIndex } from './subgraph.js';
import { parseSubgraphQuery, QueryError } from './subgraph-query.js';

/** When the server answers subgraph requests instead of sending the whole graph. */
export type SubgraphMode = 'auto' | 'always' | 'never';
export const SUBGRAPH_MODES: readonly SubgraphMode[] = ['auto', 'always', 'never'];

/**
 * `auto`: a graph.json larger than `minBytes` is loaded, and answered in parts when it has more than
 * `nodes` nodes or `edges` edges (what bench/viewer.ts shows a browser drawing smoothly); smaller
 * files are sent whole without being read (a graph of that many elements is far larger than this).
 */
export const SUBGRAPH_AUTO = { minBytes: 32_000_000, nodes: 20_000, edges: 100_000 } as const;

export interface ServeOptions {
  /** The graph to show: graphology JSON (graph.export()) or GEXF, chosen by extension. */
  graphFile: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  /** Loopback only: the server never listens on other interfaces. */
  host?: '127.0.0.1';
  /** Folder of the built viewer. Default: viewer/dist, built first when missing or stale. */
  root?: string;
  /** Default 'auto' (see SUBGRAPH_AUTO); 'always' answers subgraphs even for a small graph (tests). */
  subgraph?: SubgraphMode;
  /** Progress lines (loading a large graph), e.g. to stderr. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  /** 'subgraph': the graph was loaded and is answered in parts; 'whole': graph.json is sent as is. */
  mode: 'whole' | 'subgraph';
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

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Loads and indexes the graph when `mode` asks for subgraphs; null to send the whole file. The graph
 * is the file as it was at start: a later `kg build` over it is seen after a restart.
 */
async function subgraphIndex(graphFile: string, isGexf: boolean, mode: SubgraphMode, log: (line: string) => void): Promise<SubgraphIndex | null> {
  if (mode === 'never') return null;
  if (isGexf) {
    if (mode === 'always') throw new UserError('subgraphs are served from a graph.json only, not from GEXF');
    return null;
  }
  if (mode === 'auto' && statSync(graphFile).size <= SUBGRAPH_AUTO.minBytes) return null;
  const t = performance.now();
  log(`loading ${graphFile}…`);
  const graph = await loadGraphJson(graphFile);
  const seconds = ((performance.now() - t) / 1000).toFixed(1);
  if (mode === 'auto' && graph.order <= SUBGRAPH_AUTO.nodes && graph.size <= SUBGRAPH_AUTO.edges) {
    log(`${graph.order} nodes, ${graph.size} edges (${seconds} s): small enough to send whole`);
    return null;
  }
  const index = indexGraph(graph);
  log(`${graph.order} nodes, ${graph.size} edges, loaded and indexed in ${((performance.now() - t) / 1000).toFixed(1)} s: the viewer asks for parts of it`);
  return index;
}

/** The subgraph protocol's endpoints; false when `pathname` is not one of them. */
function answerApi(res: ServerResponse, pathname: string, search: string, index: SubgraphIndex | null): boolean {
  if (!pathname.startsWith('/api/')) return false;
  if (!index) {
    sendJson(res, 404, { error: 'this server sends the whole graph (graph.json); start it with --subgraph always to ask for parts' });
    return true;
  }
  const params = new URLSearchParams(search);
  try {
    if (pathname === '/api/meta') sendJson(res, 200, index.meta);
    else if (pathname === '/api/subgraph') sendJson(res, 200, querySubgraph(index, parseSubgraphQuery(params, index.vocabulary)));
    else if (pathname === '/api/search') {
      const q = params.get('q') ?? '';
      const limit = Number(params.get('limit') ?? 12);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new QueryError('"limit" must be a whole number from 1 to 100');
      if (q.length > 200) throw new QueryError('"q" is longer than 200 characters');
      sendJson(res, 200, searchIndex(index, q, limit));
    } else sendJson(res, 404, { error: `no such endpoint ${pathname.slice(0, 80)}; there are /api/meta, /api/subgraph and /api/search` });
  } catch (err) {
    if (err instanceof QueryError) sendJson(res, err.status, { error: err.message });
    else {
      // A bug, not a bad request: say so, and keep serving.
      process.stderr.write(`kg serve: internal error on ${pathname}${search}: ${(err as Error).stack ?? String(err)}\n`);
      sendJson(res, 500, { error: `internal error: ${(err as Error).message}` });
    }
  }
  return true;
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
  const index = await subgraphIndex(graphFile, isGexf, opts.subgraph ?? 'auto', opts.log ?? (() => undefined));
  // `subgraph`: the viewer asks api/meta and api/subgraph instead of loading graph.json whole.
  const config = JSON.stringify(index ? { graph: graphPath.slice(1), subgraph: 'api/' } : { graph: graphPath.slice(1) });

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
    const query = raw.slice(pathname.length).split('#', 1)[0] ?? '';
    if (answerApi(res, pathname, query, index)) return;
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
    mode: index ? 'subgraph' : 'whole',
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((err) => (err ? reject(err) : resolveClose()));
        // Keep-alive connections (browsers) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
