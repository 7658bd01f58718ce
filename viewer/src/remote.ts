// The viewer's side of the subgraph protocol (src/serve/subgraph.ts, README "Big graphs"): when the
// server says its graph is too large to send whole, the viewer asks for parts of it. Pure: the
// answers of /api/meta and /api/subgraph checked and turned into what the viewer shows, and the
// view state turned into a request. No DOM, no fetch, so it runs and is tested in node.
import { isoDay, dayNumber, type Filters, type GraphSummary, type ViewState } from './state.js';

/** What /api/meta says of the whole graph. */
export interface RemoteMeta {
  nodes: number;
  edges: number;
  nodeKinds: Map<string, number>;
  edgeKinds: Map<string, number>;
  statuses: Map<string, number>;
  minDate: string | null;
  maxDate: string | null;
  undatedEdges: number;
  limits: { maxNodes: number; maxEdges: number; defaultTop: number; defaultEdges: number };
}

/** The view of a large graph beyond the filters: how many nodes and relations, how heavy. */
export interface RemoteView {
  top: number;
  maxEdges: number;
  minWeight: number;
}

export interface Counts {
  nodes: number;
  edges: number;
}

/** What a subgraph answer says of itself. */
export interface SubgraphInfo {
  total: Counts;
  matching: Counts;
  sent: Counts;
  focus: string | null;
  hidden: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function countMap(v: unknown, name: string): Map<string, number> {
  if (!isObject(v)) throw new Error(`the server's meta has no "${name}"`);
  const out = new Map<string, number>();
  for (const [k, c] of Object.entries(v)) if (isCount(c)) out.set(k, c);
  return out;
}

/** Checks /api/meta's answer; throws with a message for the user when it is not one. */
export function parseMeta(v: unknown): RemoteMeta {
  if (!isObject(v) || v.mode !== 'subgraph' || !isCount(v.nodes) || !isCount(v.edges)) throw new Error('the server\'s /api/meta answer is not a subgraph description');
  const limits = isObject(v.limits) ? v.limits : {};
  const limit = (name: string, fallback: number): number => (isCount(limits[name]) && (limits[name] as number) > 0 ? (limits[name] as number) : fallback);
  const day = (d: unknown): string | null => (typeof d === 'string' && dayNumber(d) !== null ? d : null);
  return {
    nodes: v.nodes,
    edges: v.edges,
    nodeKinds: countMap(v.nodeKinds, 'nodeKinds'),
    edgeKinds: countMap(v.edgeKinds, 'edgeKinds'),
    statuses: countMap(v.statuses, 'statuses'),
    minDate: day(v.minDate),
    maxDate: day(v.maxDate),
    undatedEdges: isCount(v.undatedEdges) ? v.undatedEdges : 0,
    limits: { maxNodes: limit('maxNodes', 20_000), maxEdges: limit('maxEdges', 100_000), defaultTop: limit('defaultTop', 3_000), defaultEdges: limit('defaultEdges', 20_000) },
  };
}

/** The legend, filters and timeline of the whole graph (not of the part on screen), so nothing is offered that is only hidden. */
export function summaryOfMeta(meta: RemoteMeta): GraphSummary {
  return {
    nodeKinds: meta.nodeKinds,
    edgeKinds: meta.edgeKinds,
    statuses: meta.statuses,
    minDay: meta.minDate === null ? null : dayNumber(meta.minDate),
    maxDay: meta.maxDate === null ? null : dayNumber(meta.maxDate),
    undatedEdges: meta.undatedEdges,
  };
}

export function defaultRemoteView(meta: RemoteMeta): RemoteView {
  return { top: meta.limits.defaultTop, maxEdges: meta.limits.defaultEdges, minWeight: 0 };
}

/** The values of `all` not in `hidden`, as the comma list the server reads; null when nothing is hidden. */
function shown(all: ReadonlyMap<string, number>, hidden: ReadonlySet<string>): string | null {
  if (![...hidden].some((h) => all.has(h))) return null;
  return [...all.keys()].filter((k) => !hidden.has(k)).join(',');
}

/** What the server is asked for a search by name (`q`) or, from the state, a node's neighbourhood. */
export type RemoteFocus = { q: string } | null;

/**
 * The /api/subgraph query of a view: the filters, the view's caps, and the focus: a search (`q`), or
 * the selected node's neighbourhood when a depth is chosen. Same state, same query string: the viewer
 * compares them to know whether the part on screen is still the one asked for.
 */
export function subgraphParams(state: Pick<ViewState, 'filters' | 'selected' | 'depth'>, meta: RemoteMeta, view: RemoteView, search: RemoteFocus = null): URLSearchParams {
  const f: Filters = state.filters;
  const p = new URLSearchParams();
  if (f.dateStart !== null) p.set('from', isoDay(f.dateStart));
  if (f.dateEnd !== null) p.set('to', isoDay(f.dateEnd));
  const kinds = shown(meta.edgeKinds, f.hiddenEdgeKinds);
  if (kinds !== null) p.set('kinds', kinds);
  // Folded meetings are hidden meeting nodes: ask for none, so the top N are all drawn.
  const hiddenNodes = f.foldMeetings ? new Set([...f.hiddenNodeKinds, 'meeting']) : f.hiddenNodeKinds;
  const nodeKinds = shown(meta.nodeKinds, hiddenNodes);
  if (nodeKinds !== null) p.set('nodeKinds', nodeKinds);
  const statuses = shown(meta.statuses, f.hiddenStatuses);
  if (statuses !== null) p.set('status', statuses);
  if (f.hideUndated) p.set('undated', 'hide');
  if (view.minWeight > 0) p.set('minWeight', String(view.minWeight));
  if (view.top !== meta.limits.defaultTop) p.set('top', String(view.top));
  if (view.maxEdges !== meta.limits.defaultEdges) p.set('maxEdges', String(view.maxEdges));
  if (search) {
    p.set('q', search.q);
    p.set('depth', '1');
  } else if (state.selected !== null && state.depth > 0) {
    p.set('node', state.selected);
    p.set('depth', String(state.depth));
  }
  return p;
}

function counts(v: unknown): Counts | null {
  return isObject(v) && isCount(v.nodes) && isCount(v.edges) ? { nodes: v.nodes, edges: v.edges } : null;
}

/** The `subgraph` summary of an answer, or null when it has none (a plain graph.json). */
export function parseSubgraphInfo(v: unknown): SubgraphInfo | null {
  if (!isObject(v) || !isObject(v.subgraph)) return null;
  const s = v.subgraph;
  const total = counts(s.total);
  const matching = counts(s.matching);
  const sent = counts(s.sent);
  if (!total || !matching || !sent) return null;
  return { total, matching, sent, focus: typeof s.focus === 'string' ? s.focus : null, hidden: typeof s.hidden === 'string' ? s.hidden : '' };
}

const n = (x: number): string => x.toLocaleString('en');

/**
 * The notice under the graph: how much of the whole graph is on screen, and, when the caps left some
 * of what the filters select out, how to get it.
 */
export function remoteNote(info: SubgraphInfo): string {
  const head = `showing ${n(info.sent.nodes)} of ${n(info.total.nodes)} nodes and ${n(info.sent.edges)} of ${n(info.total.edges)} relations of the whole graph`;
  if (info.sent.nodes >= info.matching.nodes && info.sent.edges >= info.matching.edges) {
    return `${head}${info.focus === null ? '' : ' (a neighbourhood)'}; everything the filters select is shown`;
  }
  const nodes = info.matching.nodes - info.sent.nodes;
  const edges = info.matching.edges - info.sent.edges;
  const some = (x: number, what: string): string => (x > 0 ? `${n(x)} ${what}${x === 1 ? '' : 's'}` : '');
  const left = `${[some(nodes, 'node'), some(edges, 'relation')].filter(Boolean).join(' and ')} the filters select ${nodes + edges === 1 ? 'is' : 'are'} not shown`;
  return `${head}; ${left}: narrow the time window, raise the minimum weight or search a name to see others`;
}
