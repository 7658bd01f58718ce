// The subgraph protocol's query string (GET /api/subgraph?...), parsed and checked before any work is
// done on the graph. Every problem becomes a QueryError with a message meant for the person typing
// the URL (the server answers it as HTTP 400 or 404 with {"error": message}), never an exception
// from deep inside the query.
import { dayNumber } from '../graph/dates.js';

/** What the browser can draw smoothly (bench/viewer.ts): the server never sends more. */
export const SUBGRAPH_LIMITS = {
  /** Most nodes in one answer; `top` above this is refused. */
  maxNodes: 20_000,
  /** Most edges in one answer (`maxEdges` above this is refused); the heaviest are kept. */
  maxEdges: 100_000,
  /**
   * The default view (no `top`, no `maxEdges`): a first frame well under 3 s on a CPU-rendered canvas.
   * Leaders and countries are joined by many parallel relations (one per date and kind: France has
   * 33,000 relations with 116 neighbours in a 100,000-article graph), so the top 3,000 nodes alone
   * bring 100,000 edges: the edge default is what keeps the answer small (~5 MB) and a neighbourhood
   * or search drawn within a second (bench/serve.ts; 20,000 took 1.5–3.4 s on a loaded 2-core machine).
   */
  defaultTop: 3_000,
  defaultEdges: 10_000,
  /** Longest search text. */
  maxQueryLength: 200,
} as const;

export type Metric = 'degree' | 'weight';
export const METRICS: readonly Metric[] = ['degree', 'weight'];

export interface SubgraphQuery {
  /** Day numbers (inclusive); null = open. */
  from: number | null;
  to: number | null;
  /** Edge kinds, node kinds and statuses to keep; null = all. */
  kinds: ReadonlySet<string> | null;
  nodeKinds: ReadonlySet<string> | null;
  statuses: ReadonlySet<string> | null;
  /** Edges without a date are dropped when set (the viewer's "hide undated relations"). */
  hideUndated: boolean;
  /** Edges lighter than this are dropped (0: none). */
  minWeight: number;
  /** How many nodes, at most, ranked by `metric` over what the filters keep. */
  top: number;
  /** How many relations among them, at most: the heaviest. */
  maxEdges: number;
  metric: Metric;
  /** The neighbourhood of this node key, `depth` hops, instead of the whole graph. */
  node: string | null;
  depth: 1 | 2;
  /** The neighbourhood of the node best matching this name (label or alias). */
  q: string | null;
}

/** A request the server refuses: `status` 400 (malformed) or 404 (no such node). */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

/** What the graph offers, to refuse a kind or status that is not in it (a typo would otherwise empty the view silently). */
export interface QueryVocabulary {
  edgeKinds: ReadonlySet<string>;
  nodeKinds: ReadonlySet<string>;
  statuses: ReadonlySet<string>;
}

const KNOWN_PARAMS = new Set(['from', 'to', 'kinds', 'nodeKinds', 'status', 'undated', 'minWeight', 'top', 'maxEdges', 'metric', 'node', 'depth', 'q']);

function single(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  if (all.length > 1) throw new QueryError(`"${name}" is given ${all.length} times; give it once`);
  return all[0] ?? null;
}

function day(params: URLSearchParams, name: 'from' | 'to'): number | null {
  const v = single(params, name);
  if (v === null || v === '') return null;
  const d = dayNumber(v);
  if (d === null) throw new QueryError(`"${name}" must be a day as YYYY-MM-DD, got "${v.slice(0, 40)}"`);
  return d;
}

function list(params: URLSearchParams, name: string, known: ReadonlySet<string>, what: string): ReadonlySet<string> | null {
  const v = single(params, name);
  if (v === null) return null;
  // An empty list is a real choice: keep none of them.
  const items = v === '' ? [] : v.split(',').map((s) => s.trim());
  for (const item of items) {
    if (!known.has(item)) throw new QueryError(`unknown ${what} "${item.slice(0, 40)}" in "${name}"; the graph has: ${[...known].sort().join(', ') || 'none'}`);
  }
  return new Set(items);
}

function integer(params: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const v = single(params, name);
  if (v === null || v === '') return fallback;
  if (!/^\d+$/.test(v)) throw new QueryError(`"${name}" must be a whole number from ${min} to ${max}, got "${v.slice(0, 40)}"`);
  const n = Number(v);
  if (n < min || n > max) throw new QueryError(`"${name}" must be from ${min} to ${max} (the most the viewer can draw smoothly), got ${v.length > 12 ? `${v.slice(0, 12)}…` : v}`);
  return n;
}

/** Parses and checks a subgraph query; throws QueryError on anything malformed or unknown. */
export function parseSubgraphQuery(params: URLSearchParams, vocabulary: QueryVocabulary): SubgraphQuery {
  for (const name of params.keys()) {
    if (!KNOWN_PARAMS.has(name)) throw new QueryError(`unknown parameter "${name.slice(0, 40)}"; known: ${[...KNOWN_PARAMS].join(', ')}`);
  }
  const from = day(params, 'from');
  const to = day(params, 'to');
  if (from !== null && to !== null && from > to) throw new QueryError(`"from" (${single(params, 'from')}) is after "to" (${single(params, 'to')})`);

  const undated = single(params, 'undated');
  if (undated !== null && undated !== 'show' && undated !== 'hide') throw new QueryError(`"undated" must be "show" or "hide", got "${undated.slice(0, 40)}"`);

  const w = single(params, 'minWeight');
  let minWeight = 0;
  if (w !== null && w !== '') {
    minWeight = Number(w);
    if (!/^\d+(\.\d+)?$/.test(w) || !Number.isFinite(minWeight)) throw new QueryError(`"minWeight" must be a number ≥ 0, got "${w.slice(0, 40)}"`);
  }

  const metric = single(params, 'metric') ?? 'degree';
  if (!(METRICS as readonly string[]).includes(metric)) throw new QueryError(`"metric" must be one of ${METRICS.join(', ')}, got "${metric.slice(0, 40)}"`);

  const node = single(params, 'node');
  const qRaw = single(params, 'q');
  const q = qRaw === null ? null : qRaw.trim();
  if (q !== null && q === '') throw new QueryError('"q" (a name to search) is empty');
  if (q !== null && q.length > SUBGRAPH_LIMITS.maxQueryLength) throw new QueryError(`"q" is longer than ${SUBGRAPH_LIMITS.maxQueryLength} characters`);
  if (node !== null && q !== null) throw new QueryError('give "node" or "q", not both');
  if (node === '') throw new QueryError('"node" (a node key) is empty');
  const depthGiven = single(params, 'depth');
  if (depthGiven !== null && node === null && q === null) throw new QueryError('"depth" needs "node" or "q"');
  const depth = integer(params, 'depth', 1, 2, 1) as 1 | 2;

  return {
    from,
    to,
    kinds: list(params, 'kinds', vocabulary.edgeKinds, 'edge kind'),
    nodeKinds: list(params, 'nodeKinds', vocabulary.nodeKinds, 'node kind'),
    statuses: list(params, 'status', vocabulary.statuses, 'status'),
    hideUndated: undated === 'hide',
    minWeight,
    top: integer(params, 'top', 1, SUBGRAPH_LIMITS.maxNodes, SUBGRAPH_LIMITS.defaultTop),
    maxEdges: integer(params, 'maxEdges', 0, SUBGRAPH_LIMITS.maxEdges, SUBGRAPH_LIMITS.defaultEdges),
    metric: metric as Metric,
    node,
    depth,
    q,
  };
}
