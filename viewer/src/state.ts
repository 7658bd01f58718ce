// Graph STATE of the viewer: filters, selection, search, and the pure functions that derive what is
// visible from them. Nothing here touches the DOM or sigma (like sigma's core/ vs rendering/ split),
// so it runs and is tested in node.
import type { AbstractGraph, Attributes } from 'graphology-types';
import { dateSpan } from '../../src/graph/dates.js';
import { fold } from '../../src/graph/search-fold.js';

/** Any graphology graph: the viewer reads attributes loosely because loaded files are untrusted. */
export type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

export interface Filters {
  hiddenNodeKinds: ReadonlySet<string>;
  hiddenEdgeKinds: ReadonlySet<string>;
  hiddenStatuses: ReadonlySet<string>;
  /** Day numbers (days since 1970-01-01, UTC), inclusive; null = unbounded. */
  dateStart: number | null;
  dateEnd: number | null;
  /** Edges without a date stay visible unless this is set. */
  hideUndated: boolean;
  /**
   * Meetings folded into the `meets` relations between their participants: meeting nodes (and their
   * participates_in / held_in / mediates relations) are hidden; the participants' `meets` edges,
   * which the graph already holds and which name their meeting, carry the link.
   */
  foldMeetings: boolean;
}

export type SizeMode = 'degree' | 'weight' | 'pagerank' | 'betweenness' | 'stored';
export type ColorMode = 'kind' | 'community' | 'country';
export const SIZE_MODES: readonly SizeMode[] = ['degree', 'weight', 'pagerank', 'betweenness', 'stored'];
export const COLOR_MODES: readonly ColorMode[] = ['kind', 'community', 'country'];

export interface ViewState {
  filters: Filters;
  selected: string | null;
  hovered: string | null;
  query: string;
  /** Show only the selected node's neighbourhood up to this many hops (0: everything). */
  depth: 0 | 1 | 2;
  /** With a selection: show only a shortest path from the selected node to this one. */
  pathTo: string | null;
  sizeMode: SizeMode;
  colorMode: ColorMode;
  table: TableState;
}

/** The data table under the graph: open or not, which tab, its sort and its filter text. */
export interface TableState {
  open: boolean;
  tab: 'nodes' | 'edges';
  sort: string;
  descending: boolean;
  filter: string;
}

/** Each tab's first sort: the most connected nodes, the relations in date order. */
export const TABLE_SORT: Record<TableState['tab'], { sort: string; descending: boolean }> = {
  nodes: { sort: 'degree', descending: true },
  edges: { sort: 'date', descending: false },
};

export function emptyFilters(): Filters {
  return {
    hiddenNodeKinds: new Set(),
    hiddenEdgeKinds: new Set(),
    hiddenStatuses: new Set(),
    dateStart: null,
    dateEnd: null,
    hideUndated: false,
    foldMeetings: false,
  };
}

export function initialState(): ViewState {
  return {
    filters: emptyFilters(), selected: null, hovered: null, query: '', depth: 0, pathTo: null, sizeMode: 'degree', colorMode: 'kind',
    table: { open: false, tab: 'nodes', filter: '', ...TABLE_SORT.nodes },
  };
}

/** Returns a copy of `set` with `value` present or absent. */
export function toggled(set: ReadonlySet<string>, value: string, present: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (present) next.add(value);
  else next.delete(value);
  return next;
}

// ---------------------------------------------------------------------------------------------
// Dates: edges carry an ISO day, a month (YYYY-MM), a year, or a range `a/b` of those.

// They live in src/graph/dates.ts, where the server's subgraph queries read them too.
export { dateSpan, dayNumber, isoDay } from '../../src/graph/dates.js';

/** Whether a dated span overlaps the filter window. */
function inWindow(span: [number, number], f: Filters): boolean {
  if (f.dateStart !== null && span[1] < f.dateStart) return false;
  if (f.dateEnd !== null && span[0] > f.dateEnd) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Visibility

/** Whether an edge passes the edge-level filters (kind, status, date), ignoring its endpoints. */
export function edgePasses(attrs: Attributes, f: Filters): boolean {
  if (f.hiddenEdgeKinds.has(String(attrs.kind ?? ''))) return false;
  if (typeof attrs.status === 'string' && f.hiddenStatuses.has(attrs.status)) return false;
  const span = dateSpan(attrs.date);
  if (span === null) return !f.hideUndated;
  return inWindow(span, f);
}

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * What is visible under `f`. A node is visible when its kind is shown; a meeting is hidden too when
 * its own date falls outside the window or when it has dated edges and every one of them is filtered
 * out (a meeting only exists through its dated relations). An edge is visible when it passes the
 * filters and both its ends are visible.
 */
export function computeVisibility(graph: AnyGraph, f: Filters): Visibility {
  const passing = new Set<string>();
  graph.forEachEdge((edge, attrs) => {
    if (edgePasses(attrs, f)) passing.add(edge);
  });

  const nodes = new Set<string>();
  graph.forEachNode((node, attrs) => {
    const kind = String(attrs.kind ?? '');
    if (f.hiddenNodeKinds.has(kind)) return;
    if (kind === 'meeting') {
      if (f.foldMeetings) return;
      const own = dateSpan(attrs.date);
      if (own !== null && !inWindow(own, f)) return;
      let dated = 0;
      let kept = 0;
      graph.forEachEdge(node, (edge, eattrs) => {
        if (dateSpan(eattrs.date) === null) return;
        dated++;
        if (passing.has(edge)) kept++;
      });
      if (dated > 0 && kept === 0) return;
    }
    nodes.add(node);
  });

  const edges = new Set<string>();
  for (const edge of passing) {
    if (nodes.has(graph.source(edge)) && nodes.has(graph.target(edge))) edges.add(edge);
  }
  return { nodes, edges };
}

// ---------------------------------------------------------------------------------------------
// Summary of a graph: what the legend, the filters and the timeline offer.

export interface GraphSummary {
  nodeKinds: Map<string, number>;
  edgeKinds: Map<string, number>;
  statuses: Map<string, number>;
  /** Earliest and latest day covered by any edge date; null when no edge is dated. */
  minDay: number | null;
  maxDay: number | null;
  undatedEdges: number;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sortedByKey(map: Map<string, number>): Map<string, number> {
  return new Map([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function summarize(graph: AnyGraph): GraphSummary {
  const nodeKinds = new Map<string, number>();
  const edgeKinds = new Map<string, number>();
  const statuses = new Map<string, number>();
  let minDay: number | null = null;
  let maxDay: number | null = null;
  let undatedEdges = 0;
  graph.forEachNode((_n, a) => count(nodeKinds, String(a.kind ?? 'unknown')));
  graph.forEachEdge((_e, a) => {
    count(edgeKinds, String(a.kind ?? 'unknown'));
    if (typeof a.status === 'string' && a.status) count(statuses, a.status);
    const span = dateSpan(a.date);
    if (span === null) {
      undatedEdges++;
      return;
    }
    minDay = minDay === null ? span[0] : Math.min(minDay, span[0]);
    maxDay = maxDay === null ? span[1] : Math.max(maxDay, span[1]);
  });
  return {
    nodeKinds: sortedByKey(nodeKinds),
    edgeKinds: sortedByKey(edgeKinds),
    statuses: sortedByKey(statuses),
    minDay,
    maxDay,
    undatedEdges,
  };
}

// ---------------------------------------------------------------------------------------------
// Search

export { fold } from '../../src/graph/search-fold.js';

function names(attrs: Attributes): string[] {
  const out: string[] = [];
  if (typeof attrs.label === 'string') out.push(attrs.label);
  if (Array.isArray(attrs.aliases)) for (const a of attrs.aliases) if (typeof a === 'string') out.push(a);
  return out;
}

export interface Suggestion {
  key: string;
  label: string;
  kind: string;
}

/**
 * Nodes whose label or an alias contains the query, best first: exact name, then a word starting
 * with the query, then any substring; ties by degree (the more connected node is the likelier
 * target), then label.
 */
export function searchNodes(graph: AnyGraph, query: string, limit = 10, visible?: ReadonlySet<string>): Suggestion[] {
  const q = fold(query.trim());
  if (!q) return [];
  const scored: { s: Suggestion; rank: number; coverage: number; degree: number }[] = [];
  graph.forEachNode((key, attrs) => {
    if (visible && !visible.has(key)) return;
    let rank = Infinity;
    let coverage = 0;
    for (const name of names(attrs)) {
      const n = fold(name);
      let r = Infinity;
      if (n === q) r = 0;
      else if (n.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(q))) r = 1;
      else if (n.includes(q)) r = 2;
      if (r === Infinity) continue;
      // How much of the name the query covers: "Zelensky" names the leader "Volodymyr Zelensky"
      // better than a meeting labelled "Meeting: Emmanuel Macron – Volodymyr Zelensky, Paris (...)".
      const c = q.length / n.length;
      if (r < rank || (r === rank && c > coverage)) {
        rank = r;
        coverage = c;
      }
    }
    if (rank === Infinity) return;
    const label = typeof attrs.label === 'string' ? attrs.label : key;
    scored.push({ s: { key, label, kind: String(attrs.kind ?? '') }, rank, coverage, degree: graph.degree(key) });
  });
  scored.sort((a, b) => a.rank - b.rank || b.coverage - a.coverage || b.degree - a.degree || a.s.label.localeCompare(b.s.label));
  return scored.slice(0, limit).map((x) => x.s);
}

/** The node a submitted search names: its key, or the best suggestion's. */
export function resolveSearch(graph: AnyGraph, text: string, visible?: ReadonlySet<string>): string | null {
  if (graph.hasNode(text) && (!visible || visible.has(text))) return text;
  return searchNodes(graph, text, 1, visible)[0]?.key ?? null;
}

// ---------------------------------------------------------------------------------------------
// Selection: neighbourhood and the relations shown in the side panel.

export function neighbourhood(graph: AnyGraph, key: string): Set<string> {
  const out = new Set<string>([key]);
  if (!graph.hasNode(key)) return out;
  graph.forEachNeighbor(key, (n) => out.add(n));
  return out;
}

export interface Evidence {
  sentence: string;
  articleId: string;
  /** The outlet that published the article, from the graph attribute `articles`. */
  outlet: string;
  title: string;
}

export interface Relation {
  edge: string;
  kind: string;
  /** 'out': the selected node is the source of a directed relation; 'in': the target; 'both': undirected. */
  direction: 'out' | 'in' | 'both';
  other: string;
  otherLabel: string;
  date: string;
  status: string;
  evidence: Evidence[];
  visible: boolean;
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  // GEXF round-trips may flatten lists into one string.
  if (typeof value === 'string' && value) return [value];
  return [];
}

interface ArticleLike {
  source?: unknown;
  title?: unknown;
}

export function evidenceOf(graph: AnyGraph, attrs: Attributes): Evidence[] {
  const articles = (graph.getAttribute('articles') ?? {}) as Record<string, ArticleLike | undefined>;
  const sentences = strings(attrs.evidence);
  const ids = strings(attrs.evidence_articles);
  const sources = strings(attrs.source);
  return sentences.map((sentence, i) => {
    // Without a parallel list, a single-source edge still names its article.
    const articleId = ids[i] ?? (sources.length === 1 ? (sources[0] ?? '') : '');
    const article = Object.prototype.hasOwnProperty.call(articles, articleId) ? articles[articleId] : undefined;
    return {
      sentence,
      articleId,
      outlet: typeof article?.source === 'string' ? article.source : '',
      title: typeof article?.title === 'string' ? article.title : '',
    };
  });
}

/** The relations of a node, dated ones first by date, then by kind. */
export function relationsOf(graph: AnyGraph, key: string, visibility?: Visibility): Relation[] {
  if (!graph.hasNode(key)) return [];
  const out: Relation[] = [];
  graph.forEachEdge(key, (edge, attrs, source, target) => {
    const other = source === key ? target : source;
    const otherLabel = graph.getNodeAttribute(other, 'label');
    const undirected = graph.isUndirected(edge);
    out.push({
      edge,
      kind: String(attrs.kind ?? ''),
      direction: undirected ? 'both' : source === key ? 'out' : 'in',
      other,
      otherLabel: typeof otherLabel === 'string' ? otherLabel : other,
      date: typeof attrs.date === 'string' ? attrs.date : '',
      status: typeof attrs.status === 'string' ? attrs.status : '',
      evidence: evidenceOf(graph, attrs),
      visible: visibility ? visibility.edges.has(edge) : true,
    });
  });
  out.sort((a, b) => (a.date || '\uffff').localeCompare(b.date || '\uffff') || a.kind.localeCompare(b.kind));
  return out;
}

/** Node attributes worth listing in the panel: everything but layout and drawing internals. */
export function displayAttributes(attrs: Attributes): [string, string][] {
  const skip = new Set(['x', 'y', 'size', 'color', 'type', 'evidence', 'source', 'label', 'hidden', 'highlighted']);
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(attrs)) {
    if (skip.has(k) || k.startsWith('__') || v === undefined || v === null || v === '') continue;
    out.push([k, Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)]);
  }
  return out;
}
