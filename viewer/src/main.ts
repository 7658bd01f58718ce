// The viewer's controller: loads a graph, keeps the ViewState, and wires DOM events to state changes
// and state changes to the renderer and controls.
import { parse as parseGexfDom } from 'graphology-gexf/browser/index.js';
import { MultiGraph } from 'graphology';
import {
  computeVisibility,
  initialState,
  resolveSearch,
  searchNodes,
  summarize,
  toggled,
  type AnyGraph,
  type ColorMode,
  type Filters,
  type GraphSummary,
  type SizeMode,
  TABLE_SORT,
  type ViewState,
  type Visibility,
} from './state.js';
import { ensurePositions, graphFromData, parseGraphText, type GexfParser } from './load.js';
import { GraphRenderer, colorOfKind } from './render.js';
import { renderPanel } from './render-panel.js';
import { renderChecklist, renderLegend, renderSuggestions, setupTimeline, showError, updateTimelineLabels, type TimelineHandles } from './render-controls.js';
import { LayoutControl } from './layout.js';
import { download, filteredCopy } from './export.js';
import { toGexfString } from './gexf.js';
import type { NewsgraphHook } from './hook.js';
import { createViewStore, type StateKey } from './store.js';
import { applyFocus } from './focus.js';
import { appearance, drawnExtent, edgeTooltip, FOLD_MEETINGS_ABOVE, isolatePositions, nodeSizes, type Appearance } from './display.js';
import { UNDIRECTED_KINDS } from '../../src/graph/model.js';
import {
  defaultRemoteView,
  parseMeta,
  parseSubgraphInfo,
  remoteNote,
  subgraphParams,
  summaryOfMeta,
  type RemoteFocus,
  type RemoteMeta,
  type RemoteView,
  type SubgraphInfo,
} from './remote.js';
import type { Metrics } from './analysis.js';
import { startMetrics, type MetricsJob } from './metrics.js';
import { readState, writeState } from './url-state.js';
import { Player } from './play.js';
import { edgeTable, nodeTable, toCsv, type Table } from './table.js';
import { renderTable, shownRows } from './render-table.js';

function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`missing #${id}`);
  return e as T;
}

const parseGexf: GexfParser = (text) => parseGexfDom(MultiGraph, text) as unknown as AnyGraph;

interface Loaded {
  graph: AnyGraph;
  summary: GraphSummary;
  renderer: GraphRenderer;
  layout: LayoutControl;
  name: string;
  /** Meetings start folded on large graphs; the URL records only a departure from this. */
  defaults: { foldMeetings: boolean };
  metrics: Metrics | null;
  metricsJob: MetricsJob;
}

/** What is derived from the state and the graph, recomputed only when its inputs change (see derive). */
interface Derived {
  /** What the filters leave visible. */
  base: Visibility;
  /** What is drawn: `base` narrowed by the focus (neighbourhood or path). */
  visibility: Visibility;
  path: string[] | null;
  appearance: Appearance;
  sizes: Map<string, number>;
}

const store = createViewStore();
/** The metrics job of a graph whose metrics have not started yet. */
const IDLE_JOB: MetricsJob = { result: new Promise<never>(() => undefined), where: 'main', cancel: () => undefined };
let current: Loaded | null = null;
let derived: Derived | null = null;

const banner = $('error');
const panel = $('panel');
const container = $('graph');
const search = $<HTMLInputElement>('search');
const suggestions = $<HTMLDataListElement>('suggestions');
const layoutButton = $<HTMLButtonElement>('layout');
const timeline: TimelineHandles = {
  start: $<HTMLInputElement>('date-start'),
  end: $<HTMLInputElement>('date-end'),
  startLabel: $('date-start-label'),
  endLabel: $('date-end-label'),
};
const hideUndated = $<HTMLInputElement>('hide-undated');

const hook: NewsgraphHook = {
  ready: false,
  error: null,
  loads: 0,
  name: '',
  get firstFrameAt() {
    return current?.renderer.firstFrameAt ?? null;
  },
  get selected() {
    return store.get().selected;
  },
  visibleNodes: () => [...(derived?.visibility.nodes ?? [])],
  visibleEdges: () => [...(derived?.visibility.edges ?? [])],
  path: () => derived?.path ?? null,
  window: () => ({ start: store.get().filters.dateStart, end: store.get().filters.dateEnd }),
  metricsWhere: () => (current && current.metricsJob !== IDLE_JOB ? current.metricsJob.where : null),
  metricsReady: () => current?.metrics !== null && current?.metrics !== undefined,
  // What sigma drew (its display data after the reducer), not what the mapping asked for.
  nodeColor: (key) => current?.renderer.sigma.getNodeDisplayData(key)?.color ?? null,
  drawnViewport: (key) => {
    if (!current) return null;
    // sigma's display data hold positions already normalised to its framed graph.
    const d = current.renderer.sigma.getNodeDisplayData(key);
    return d ? current.renderer.sigma.framedGraphToViewport({ x: d.x, y: d.y }) : null;
  },
  renderedNodeSize: (key) => {
    if (!current) return null;
    const d = current.renderer.sigma.getNodeDisplayData(key);
    return d ? current.renderer.sigma.scaleSize(d.size) : null;
  },
  displayedLabels: () => [...(current?.renderer.sigma.getNodeDisplayedLabels() ?? [])],
  edgeLabel: (key) => current?.renderer.edgeLabelOf(key) ?? null,
  setCameraRatio: (ratio) => {
    current?.renderer.sigma.getCamera().setState({ ratio });
  },
  layoutRunning: () => current?.layout.running ?? false,
  nodePosition: (key) => {
    if (!current?.graph.hasNode(key)) return null;
    const a = current.graph.getNodeAttributes(key);
    return { x: Number(a.x), y: Number(a.y) };
  },
  nodeViewport: (key) => {
    if (!current?.graph.hasNode(key)) return null;
    const a = current.graph.getNodeAttributes(key);
    return current.renderer.sigma.graphToViewport({ x: Number(a.x), y: Number(a.y) });
  },
  layoutNodeBudget: () => current?.renderer.layoutNodeBudget ?? null,
  hoveredEdge: () => hoveredEdge,
  edgeTip: () => (edgeTip.hidden ? null : edgeTip.innerText),
  remote: () => (remote ? { requests: remote.requests, answers: remote.answers, pending: remote.pending !== null, info: remote.info, note: remoteNoteEl.textContent ?? '', timings: remote.timings } : null),
  timeRefresh: () => {
    const t0 = performance.now();
    current?.renderer.sigma.refresh();
    return performance.now() - t0;
  },
  resetCamera: () => {
    current?.renderer.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  },
  startLayout: () => {
    current?.layout.start();
    syncLayoutButton();
  },
  stopLayout: () => {
    current?.layout.stop();
    syncLayoutButton();
  },
};
(window as unknown as { __newsgraph: NewsgraphHook }).__newsgraph = hook;

function setError(message: string | null): void {
  hook.error = message;
  showError(banner, message);
}

const focusNote = $('focus-note');
const metricsNote = $('metrics-note');

// --- large graphs: parts asked of the server (remote.ts, src/serve/subgraph.ts) ----------------

interface Remote {
  /** Where the protocol's endpoints are ('api/'). */
  base: string;
  meta: RemoteMeta;
  /** The whole graph's kinds, statuses and dates: what the filters offer. */
  summary: GraphSummary;
  view: RemoteView;
  /** The query string of the part on screen (subgraphParams of the state it was installed with). */
  shown: string | null;
  /** Number of the latest request: an answer to an older one is dropped. */
  seq: number;
  requests: number;
  answers: number;
  pending: AbortController | null;
  timer: ReturnType<typeof setTimeout> | null;
  info: SubgraphInfo | null;
  /** The latest answer's milliseconds: until its JSON was read, and until installed (benchmark diagnostics). */
  timings: { answerMs: number; installMs: number };
}
/** Null when the graph was loaded whole (a small graph, a file opened from disk). */
let remote: Remote | null = null;
const remoteNoteEl = $('remote-note');
const edgeTip = $('edge-tip');
let hoveredEdge: string | null = null;

function syncLayoutButton(): void {
  const running = current?.layout.running ?? false;
  current?.renderer.update({ layoutRunning: running });
  layoutButton.textContent = running ? 'Stop layout' : 'Start layout';
  layoutButton.setAttribute('aria-pressed', String(running));
}

const BASE_KEYS: readonly StateKey[] = ['filters'];
const FOCUS_KEYS: readonly StateKey[] = ['filters', 'selected', 'depth', 'pathTo'];
/** Keys the drawing depends on (the table and the search text are not drawn). */
const DRAWN_KEYS: readonly StateKey[] = ['filters', 'selected', 'hovered', 'depth', 'pathTo', 'colorMode', 'sizeMode'];

/**
 * Recomputes what depends on the changed state keys, and only that: a hover redraws without
 * recomputing the filters' visibility, the focus or the colours.
 */
function derive(changed: ReadonlySet<StateKey> | 'all', metricsChanged = false): void {
  if (!current) return;
  const { graph } = current;
  const state = store.get();
  const has = (keys: readonly StateKey[]) => changed === 'all' || keys.some((k) => changed.has(k));
  const base = derived === null || has(BASE_KEYS) ? computeVisibility(graph, state.filters) : derived.base;
  if (state.selected !== null && !base.nodes.has(state.selected)) {
    // The selection was filtered out: drop it (and its focus). update() calls derive again.
    store.update({ selected: null, pathTo: null });
    return;
  }
  let visibility = derived?.visibility ?? base;
  let path = derived?.path ?? null;
  const focusChanged = derived === null || has(FOCUS_KEYS);
  if (focusChanged) {
    const focused = applyFocus(graph, base, state);
    visibility = focused.visibility;
    path = focused.path;
    focusNote.textContent = focused.problem ?? (path ? `path: ${path.length - 1} step${path.length === 2 ? '' : 's'}` : '');
  }
  // Metrics arriving change only what is drawn from them: nothing in the default view, so the
  // default view is not redrawn (a full redraw of a large graph stalls the page).
  const colourByMetrics = metricsChanged && state.colorMode === 'community';
  const sizeByMetrics = metricsChanged && (state.sizeMode === 'pagerank' || state.sizeMode === 'betweenness');
  const looks = derived === null || focusChanged || colourByMetrics || has(['colorMode']) ? appearance(graph, visibility.nodes, state.colorMode, current.metrics) : derived.appearance;
  const sizes = derived === null || sizeByMetrics || has(['sizeMode']) ? nodeSizes(graph, state.sizeMode, current.metrics) : derived.sizes;
  const prev = derived;
  const visibilityChanged = prev === null || visibility !== prev.visibility;
  derived = { base, visibility, path, appearance: looks, sizes };
  if (state.hovered !== null && !visibility.nodes.has(state.hovered)) store.update({ hovered: null });
  const hovered = store.get().hovered;
  const drawingChanged = prev === null || has(DRAWN_KEYS) || looks !== prev.appearance || sizes !== prev.sizes;
  if (drawingChanged) current.renderer.update({
    visibility,
    selected: state.selected,
    hovered,
    dimAround: hovered ?? (path === null && !(state.depth > 0 && state.selected !== null) ? state.selected : null),
    sizes,
    colors: looks.colors,
  });
  // Frame what is shown when a graph opens and when a focus narrows or widens the view (not on each
  // filter click, which would undo the user's zoom).
  if (visibilityChanged && (prev === null || (focusChanged && (visibility !== base || prev.visibility !== prev.base))) && !current.layout.running) {
    current.renderer.frame(drawnExtent(graph, visibility.nodes));
  }
  if (prev === null || looks !== prev.appearance) {
    renderLegend($('color-legend'), state.colorMode === 'kind' ? [] : looks.legend);
  }
  if (state.table.open && (changed === 'all' || metricsChanged || visibilityChanged || has(['table', 'selected']))) drawTable();
  if (changed === 'all' || has(['selected', 'filters', 'depth', 'pathTo'])) {
    renderPanel(panel, graph, state.selected, visibility, selectNode);
    syncFocusControls();
  }
  $('counts').textContent = `${visibility.nodes.size} / ${graph.order} nodes · ${visibility.edges.size} / ${graph.size} edges`;
  if (changed === 'all' || [...changed].some((k) => k !== 'hovered' && k !== 'query' && k !== 'table')) syncUrl();
}

const tablePane = $('table-pane');

/** The table of what is visible now, for the open tab. */
function currentTable(): Table | null {
  if (!current || !derived) return null;
  return store.get().table.tab === 'nodes' ? nodeTable(current.graph, derived.visibility, current.metrics) : edgeTable(current.graph, derived.visibility);
}

function drawTable(): void {
  const table = currentTable();
  if (!table) return;
  const state = store.get();
  const rows = renderTable($('table-body'), table, state.table, state.selected, {
    onSort: (column) => {
      const t = store.get().table;
      store.update({ table: { ...t, sort: column, descending: t.sort === column ? !t.descending : table.columns.find((c) => c.key === column)?.numeric === true } });
    },
    onSelect: (node) => selectNode(node),
  });
  const shown = Math.min(rows.length, 500);
  $('table-count').textContent = `${rows.length} of ${table.rows.length} ${state.table.tab === 'nodes' ? 'nodes' : 'relations'}${shown < rows.length ? ` (first ${shown} shown; the CSV has all)` : ''}`;
  for (const tab of ['nodes', 'edges'] as const) $(`tab-${tab}`).setAttribute('aria-pressed', String(state.table.tab === tab));
}

function setTable(patch: Partial<ViewState['table']>): void {
  store.update({ table: { ...store.get().table, ...patch } });
}

store.on((changed) => {
  // A new neighbourhood of a large graph is asked at once, and not drawn first from the part on
  // screen: that drawing held the main thread for about a second, and the answer waited behind it.
  if (scheduleRemote(changed.has('filters') ? 150 : 0) === 'asked') return;
  derive(changed);
});

function syncUrl(): void {
  if (!current) return;
  const params = writeState(store.get(), new URLSearchParams(location.search), current.defaults);
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

/** A new selection starts without a path (the path is from the selected node). */
function selectNode(key: string | null): void {
  store.update({ selected: key, pathTo: null });
  if (key !== null) current?.renderer.focusCamera(key);
}

const depthSelect = $<HTMLSelectElement>('depth');
const pathInput = $<HTMLInputElement>('path-to');
const foldBox = $<HTMLInputElement>('fold-meetings');

function syncFocusControls(): void {
  const s = store.get();
  const none = s.selected === null;
  depthSelect.disabled = none;
  pathInput.disabled = none;
  $<HTMLButtonElement>('path-go').disabled = none;
  $<HTMLButtonElement>('focus-clear').disabled = none || (s.depth === 0 && s.pathTo === null);
  depthSelect.value = String(s.depth);
  if (s.pathTo === null) pathInput.value = '';
  foldBox.checked = s.filters.foldMeetings;
}

function setFilters(patch: Partial<Filters>): void {
  store.update({ filters: { ...store.get().filters, ...patch } });
}

function renderFilters(): void {
  if (!current) return;
  const { summary } = current;
  const f = () => store.get().filters;
  renderChecklist(
    $('legend'),
    'node-kind',
    [...summary.nodeKinds].map(([value, count]) => ({ value, count, color: colorOfKind(value) })),
    f().hiddenNodeKinds,
    (kind, shown) => setFilters({ hiddenNodeKinds: toggled(f().hiddenNodeKinds, kind, !shown) }),
  );
  renderChecklist(
    $('edge-kinds'),
    'edge-kind',
    [...summary.edgeKinds].map(([value, count]) => ({ value, count })),
    f().hiddenEdgeKinds,
    (kind, shown) => setFilters({ hiddenEdgeKinds: toggled(f().hiddenEdgeKinds, kind, !shown) }),
  );
  renderChecklist(
    $('statuses'),
    'status',
    [...summary.statuses].map(([value, count]) => ({ value, count })),
    f().hiddenStatuses,
    (status, shown) => setFilters({ hiddenStatuses: toggled(f().hiddenStatuses, status, !shown) }),
  );
  setupTimeline(timeline, summary, f());
  hideUndated.checked = f().hideUndated;
  foldBox.checked = f().foldMeetings;
  $<HTMLSelectElement>('size-mode').value = store.get().sizeMode;
  $<HTMLSelectElement>('color-mode').value = store.get().colorMode;
}

/**
 * Nodes without any relation in the file go in rows under the rest, where the camera, fitted to
 * every node, no longer has to reach them (ForceAtlas2 leaves them far out, and they squeezed the
 * graph into a corner). sigma draws the graph's own x/y, so they are moved there, as a layout would
 * move them: an export keeps these positions.
 */
function placeIsolates(graph: AnyGraph): void {
  const all = { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };
  for (const [key, p] of isolatePositions(graph, all.nodes, all.edges)) graph.mergeNodeAttributes(key, p);
}

/** A part of a large graph: the whole graph's summary and defaults, and the view state it was asked with. */
interface PartOptions {
  summary: GraphSummary;
  defaults: { foldMeetings: boolean };
  state: ViewState;
}

function install(graph: AnyGraph, name: string, params: URLSearchParams | null, part: PartOptions | null = null): void {
  ensurePositions(graph);
  placeIsolates(graph);
  if (current) {
    current.layout.kill();
    current.renderer.kill();
    current.metricsJob.cancel();
  }
  // A new part keeps the play going (its window moves on) and what is typed in the search box.
  if (!part) player.stop();
  current = null;
  derived = null;
  hideEdgeTip();
  if (!part) search.value = '';
  const summary = part?.summary ?? summarize(graph);
  const defaults = part?.defaults ?? { foldMeetings: graph.order > FOLD_MEETINGS_ABOVE };
  // The table stays open (or closed) across graphs; its filter does not.
  const fresh: ViewState = { ...initialState(), filters: { ...initialState().filters, foldMeetings: defaults.foldMeetings }, table: { ...store.get().table, filter: '' } };
  $<HTMLInputElement>('table-filter').value = '';
  const state = part ? { ...part.state } : params ? readState(params, fresh) : fresh;
  if (state.selected !== null && !graph.hasNode(state.selected)) state.selected = null;
  if (state.pathTo !== null && !graph.hasNode(state.pathTo)) state.pathTo = null;
  // Reset without listeners firing on a half-built `current`.
  store.reset(state);
  const base = computeVisibility(graph, state.filters);
  const renderer = new GraphRenderer(graph, container, {
    visibility: base,
    hovered: null,
    selected: null,
    sizes: nodeSizes(graph, state.sizeMode, null),
    colors: new Map(),
    dimAround: null,
  });
  const loaded: Loaded = { graph, summary, renderer, layout: new LayoutControl(graph), name, defaults, metrics: null, metricsJob: IDLE_JOB };
  current = loaded;
  metricsNote.textContent = 'computing communities and centralities…';
  // After the first frame, not before it: projecting a large graph for the worker takes the main
  // thread a while, and the graph should be on screen first.
  const begin = (): void => {
    setTimeout(() => {
      if (current !== loaded) return;
      loaded.metricsJob = startMetrics(graph);
      loaded.metricsJob.result.then(
        (m) => {
          if (current !== loaded) return;
          loaded.metrics = m;
          metricsNote.textContent = '';
          derive(new Set(), true);
        },
        (err: unknown) => {
          if (current === loaded) metricsNote.textContent = `metrics failed: ${(err as Error).message}`;
        },
      );
    }, 0);
  };
  if (renderer.firstFrameAt !== null) begin();
  else renderer.sigma.once('afterRender', begin);
  renderer.sigma.on('enterNode', ({ node }) => store.update({ hovered: node }));
  renderer.sigma.on('leaveNode', () => store.update({ hovered: null }));
  renderer.sigma.on('clickNode', ({ node }) => selectNode(node));
  renderer.sigma.on('clickStage', () => selectNode(null));
  renderer.sigma.on('enterEdge', ({ edge, event }) => showEdgeTip(edge, event.x, event.y));
  renderer.sigma.on('leaveEdge', () => hideEdgeTip());
  renderFilters();
  derive('all');
  syncLayoutButton();
  $('source-name').textContent = name;
  hook.name = name;
  hook.loads++;
  hook.ready = true;
}

/** The tooltip of a hovered relation, at the mouse (sigma's coordinates are the graph container's, whose corner is #center's). */
function showEdgeTip(edge: string, x: number, y: number): void {
  if (!current?.graph.hasEdge(edge)) return;
  const { graph } = current;
  const attrs = graph.getEdgeAttributes(edge);
  const label = (n: string): string => {
    const l: unknown = graph.getNodeAttribute(n, 'label');
    return typeof l === 'string' ? l : n;
  };
  const directed = !(UNDIRECTED_KINDS as ReadonlySet<string>).has(String(attrs.kind ?? '')) && !graph.isUndirected(edge);
  const lines = edgeTooltip(attrs, label(graph.source(edge)), label(graph.target(edge)), directed);
  // Text nodes only: labels and kinds come from articles and must never be read as markup.
  edgeTip.replaceChildren(...lines.map((line) => {
    const div = document.createElement('div');
    div.textContent = line;
    return div;
  }));
  const box = container.getBoundingClientRect();
  edgeTip.style.left = `${Math.min(x + 14, Math.max(0, box.width - 260))}px`;
  edgeTip.style.top = `${Math.min(y + 14, Math.max(0, box.height - 60))}px`;
  edgeTip.hidden = false;
  hoveredEdge = edge;
  current.renderer.update({ hoveredEdge: edge });
}

function hideEdgeTip(): void {
  edgeTip.hidden = true;
  if (hoveredEdge === null) return;
  hoveredEdge = null;
  current?.renderer.update({ hoveredEdge: null });
}

/** The query of the part the state asks for; null when the graph was loaded whole. */
function wantedPart(): string | null {
  return remote ? subgraphParams(store.get(), remote.meta, remote.view).toString() : null;
}

/**
 * Asks for a new part when the state now asks for another one: at once for a neighbourhood, after a
 * pause for filters (a time slider being dragged sends one request, not fifty).
 */
function scheduleRemote(pause = 150): 'asked' | 'later' | 'none' {
  const r = remote;
  if (!r || !current || wantedPart() === r.shown) return 'none';
  if (r.timer !== null) clearTimeout(r.timer);
  if (pause === 0) {
    r.timer = null;
    void fetchPart();
    return 'asked';
  }
  r.timer = setTimeout(() => {
    r.timer = null;
    if (remote === r && wantedPart() !== r.shown) void fetchPart();
  }, pause);
  return 'later';
}

/**
 * Asks the server for the part of the graph the state (or a search) selects and shows it, keeping the
 * view state. A newer request cancels an older one; an error (a name that matches nothing) is shown
 * and the part on screen stays.
 */
async function fetchPart(searchFor: RemoteFocus = null): Promise<void> {
  const r = remote;
  if (!r) return;
  const query = subgraphParams(store.get(), r.meta, r.view, searchFor).toString();
  r.pending?.abort();
  const ctrl = new AbortController();
  r.pending = ctrl;
  const seq = ++r.seq;
  r.requests++;
  const t0 = performance.now();
  remoteNoteEl.textContent = searchFor ? `searching "${searchFor.q}"…` : 'loading the part of the graph asked for…';
  try {
    const res = await fetch(`${r.base}subgraph?${query}`, { signal: ctrl.signal });
    const body: unknown = await res.json();
    if (seq !== r.seq || remote !== r) return;
    if (!res.ok) {
      const message = typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : `HTTP ${res.status}`;
      throw new Error(message);
    }
    const t1 = performance.now();
    const info = parseSubgraphInfo(body);
    const graph = graphFromData(body);
    const state = store.get();
    // A search shows the neighbourhood of the node found, selected.
    const next: ViewState = searchFor && info?.focus ? { ...state, selected: info.focus, depth: 1, pathTo: null } : state;
    r.info = info;
    r.answers++;
    r.shown = subgraphParams(next, r.meta, r.view).toString();
    install(graph, hook.name || 'graph', null, { summary: r.summary, defaults: { foldMeetings: r.meta.nodes > FOLD_MEETINGS_ABOVE }, state: next });
    // A selection not in the new part was dropped by install: the part on screen is what that state asks for.
    r.shown = wantedPart();
    r.timings = { answerMs: t1 - t0, installMs: performance.now() - t1 };
    remoteNoteEl.textContent = info ? remoteNote(info) : '';
    // No zoom onto the node found, as a local search does: the part is its neighbourhood, framed whole.
    setError(null);
  } catch (err) {
    if (seq !== r.seq || (err as Error).name === 'AbortError') return;
    remoteNoteEl.textContent = r.info ? remoteNote(r.info) : '';
    setError((err as Error).message);
    // The change that asked was not drawn on the part on screen (see the store listener): draw it now.
    r.shown = wantedPart();
    derive('all');
    hook.ready = true;
  } finally {
    if (r.pending === ctrl) r.pending = null;
  }
}

const remoteTop = $<HTMLInputElement>('remote-top');
const remoteEdges = $<HTMLInputElement>('remote-edges');
const remoteMinWeight = $<HTMLInputElement>('remote-min-weight');

/** Starts the large-graph mode: the whole graph's description, then the part the page's URL state asks for. */
async function startRemote(base: string, params: URLSearchParams): Promise<void> {
  try {
    const res = await fetch(`${base}meta`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const meta = parseMeta(await res.json());
    const defaults = { foldMeetings: meta.nodes > FOLD_MEETINGS_ABOVE };
    remote = {
      base, meta, summary: summaryOfMeta(meta), view: defaultRemoteView(meta), shown: null,
      seq: 0, requests: 0, answers: 0, pending: null, timer: null, info: null, timings: { answerMs: 0, installMs: 0 },
    };
    hook.name = 'graph.json';
    $('remote').hidden = false;
    remoteTop.max = String(meta.limits.maxNodes);
    remoteEdges.max = String(meta.limits.maxEdges);
    remoteTop.value = String(remote.view.top);
    remoteEdges.value = String(remote.view.maxEdges);
    store.reset(readState(params, { ...initialState(), filters: { ...initialState().filters, foldMeetings: defaults.foldMeetings } }));
    await fetchPart();
  } catch (err) {
    setError(`could not load the graph from the server: ${(err as Error).message}`);
    hook.ready = true;
  }
}

/** The caps and minimum weight typed in the "Large graph" box, within the server's limits. */
function onRemoteView(): void {
  const r = remote;
  if (!r) return;
  const whole = (input: HTMLInputElement, min: number, max: number, fallback: number): number => {
    const v = Number(input.value);
    if (input.value === '' || !Number.isFinite(v)) return fallback;
    const clamped = Math.min(max, Math.max(min, Math.round(v)));
    input.value = String(clamped);
    return clamped;
  };
  const minWeight = Number(remoteMinWeight.value);
  r.view = {
    top: whole(remoteTop, 1, r.meta.limits.maxNodes, r.meta.limits.defaultTop),
    maxEdges: whole(remoteEdges, 0, r.meta.limits.maxEdges, r.meta.limits.defaultEdges),
    minWeight: Number.isFinite(minWeight) && minWeight > 0 ? minWeight : 0,
  };
  scheduleRemote();
}
for (const input of [remoteTop, remoteEdges, remoteMinWeight]) input.addEventListener('change', onRemoteView);

/** Parses and shows a graph; on failure shows the error and keeps the previous graph. */
function loadText(name: string, text: string, params: URLSearchParams | null = null): boolean {
  try {
    const graph = parseGraphText(name, text, parseGexf);
    leaveRemote();
    install(graph, name, params);
    setError(null);
    return true;
  } catch (err) {
    setError(`${name}: ${(err as Error).message}`);
    hook.ready = true;
    return false;
  }
}

/** Loads the graph at `url`; `params` (the page's own URL) restore a shared view. */
async function loadUrl(url: string, params: URLSearchParams | null = null): Promise<void> {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    loadText(url, await res.text(), params);
  } catch (err) {
    setError(`could not load ${url}: ${(err as Error).message}`);
    hook.ready = true;
  }
}

/** A graph opened from disk is shown whole, as any small graph: the server's parts are left. */
function leaveRemote(): void {
  if (!remote) return;
  remote.pending?.abort();
  if (remote.timer !== null) clearTimeout(remote.timer);
  remote = null;
  $('remote').hidden = true;
  remoteNoteEl.textContent = '';
}

async function loadFile(file: File): Promise<void> {
  loadText(file.name, await file.text());
}

/**
 * `?file=URL` wins; otherwise the server says where its graph is (config.json), default graph.json,
 * and whether it answers in parts (`subgraph`: where the protocol's endpoints are).
 */
async function initialSource(): Promise<{ graph: string; subgraph: string | null }> {
  const param = new URLSearchParams(location.search).get('file');
  if (param) return { graph: param, subgraph: null };
  try {
    const res = await fetch('config.json');
    if (res.ok) {
      const cfg = (await res.json()) as { graph?: unknown; subgraph?: unknown };
      if (typeof cfg.graph === 'string') return { graph: cfg.graph, subgraph: typeof cfg.subgraph === 'string' ? cfg.subgraph : null };
    }
  } catch {
    // No config: a plain static host. Fall through to the default.
  }
  return { graph: 'graph.json', subgraph: null };
}

// --- wiring -------------------------------------------------------------------------------------

let suggestTimer: ReturnType<typeof setTimeout> | null = null;
/** Suggestions from the whole graph, not only the part on screen. */
function suggestRemote(r: Remote, text: string): void {
  if (suggestTimer !== null) clearTimeout(suggestTimer);
  suggestTimer = setTimeout(() => {
    if (text.trim() === '') return;
    void fetch(`${r.base}search?${new URLSearchParams({ q: text.slice(0, 200), limit: '12' })}`)
      .then((res) => (res.ok ? (res.json() as Promise<unknown>) : []))
      .then((list) => {
        if (remote !== r || search.value !== text || !Array.isArray(list)) return;
        const items = list.filter((s): s is { key: string; label: string; kind: string } => typeof s === 'object' && s !== null && typeof s.key === 'string' && typeof s.label === 'string');
        renderSuggestions(suggestions, items.map((s) => ({ key: s.key, label: s.label, kind: String(s.kind ?? '') })));
      })
      .catch(() => undefined);
  }, 120);
}

search.addEventListener('input', () => {
  if (!current || !derived) return;
  if (remote) {
    store.update({ query: search.value });
    // Choosing an offered name searches it at once, as below.
    if ([...suggestions.options].some((o) => o.value === search.value)) void fetchPart({ q: search.value });
    else suggestRemote(remote, search.value);
    return;
  }
  const visible = derived.base.nodes;
  store.update({ query: search.value });
  renderSuggestions(suggestions, searchNodes(current.graph, search.value, 12, visible));
  // Choosing a datalist option fires `input` with the option's full value: select it at once.
  const exact = searchNodes(current.graph, search.value, 1, visible)[0];
  if (exact && exact.label === search.value && [...suggestions.options].some((o) => o.value === search.value)) {
    // Only when the value is exactly an offered label, so typing a prefix does not jump around.
    selectNode(exact.key);
  }
});
$('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  if (!current || !derived) return;
  // A large graph is searched on the server, over every node, not only those on screen.
  if (remote) {
    if (search.value.trim() !== '') void fetchPart({ q: search.value.trim() });
    return;
  }
  const key = resolveSearch(current.graph, search.value, derived.base.nodes);
  if (key === null) setError(`no node matches "${search.value}"`);
  else {
    setError(null);
    selectNode(key);
  }
});

layoutButton.addEventListener('click', () => {
  current?.layout.toggle();
  syncLayoutButton();
});

$<HTMLSelectElement>('size-mode').addEventListener('change', (ev) => {
  store.update({ sizeMode: (ev.target as HTMLSelectElement).value as SizeMode });
});
$<HTMLSelectElement>('color-mode').addEventListener('change', (ev) => {
  store.update({ colorMode: (ev.target as HTMLSelectElement).value as ColorMode });
});
depthSelect.addEventListener('change', () => {
  const d = Number(depthSelect.value);
  store.update({ depth: d === 1 || d === 2 ? d : 0, pathTo: null });
});
$('path-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  if (!current || !derived) return;
  const key = resolveSearch(current.graph, pathInput.value, derived.base.nodes);
  if (key === null) setError(`no node matches "${pathInput.value}"`);
  else {
    setError(null);
    store.update({ pathTo: key, depth: 0 });
  }
});
pathInput.addEventListener('input', () => {
  if (current && derived) renderSuggestions($<HTMLDataListElement>('path-suggestions'), searchNodes(current.graph, pathInput.value, 12, derived.base.nodes));
});
$('focus-clear').addEventListener('click', () => store.update({ depth: 0, pathTo: null }));
foldBox.addEventListener('change', () => setFilters({ foldMeetings: foldBox.checked }));

/** The filter window of two slider values: open at the extremes, so edges dated outside stay shown. */
function windowOf(start: number, end: number): Pick<Filters, 'dateStart' | 'dateEnd'> {
  const s = current?.summary;
  return {
    dateStart: s && start <= (s.minDay ?? start) ? null : start,
    dateEnd: s && end >= (s.maxDay ?? end) ? null : end,
  };
}

function onTimeline(which: 'start' | 'end'): void {
  player.stop();
  let start = Number(timeline.start.value);
  let end = Number(timeline.end.value);
  // Keep start ≤ end by pushing the other handle.
  if (start > end) {
    if (which === 'start') timeline.end.value = String((end = start));
    else timeline.start.value = String((start = end));
  }
  updateTimelineLabels(timeline);
  setFilters(windowOf(start, end));
}
timeline.start.addEventListener('input', () => onTimeline('start'));
timeline.end.addEventListener('input', () => onTimeline('end'));
hideUndated.addEventListener('change', () => setFilters({ hideUndated: hideUndated.checked }));

const playButton = $<HTMLButtonElement>('play');
const player = new Player({
  range: () => (current && current.summary.minDay !== null && current.summary.maxDay !== null ? { min: current.summary.minDay, max: current.summary.maxDay } : null),
  window: () => ({ start: Number(timeline.start.value), end: Number(timeline.end.value) }),
  move: (start, end) => {
    timeline.start.value = String(start);
    timeline.end.value = String(end);
    updateTimelineLabels(timeline);
    setFilters(windowOf(start, end));
  },
  playing: (on) => {
    playButton.textContent = on ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', String(on));
  },
});
playButton.addEventListener('click', () => player.toggle());

panel.addEventListener('click', (ev) => {
  if ((ev.target as HTMLElement).dataset.action === 'close-panel') selectNode(null);
});

$<HTMLInputElement>('file-input').addEventListener('change', (ev) => {
  const file = (ev.target as HTMLInputElement).files?.[0];
  if (file) void loadFile(file);
});
document.addEventListener('dragover', (ev) => {
  ev.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (ev) => {
  ev.preventDefault();
  document.body.classList.remove('dragging');
  const file = ev.dataTransfer?.files[0];
  if (file) void loadFile(file);
});

$('table-toggle').addEventListener('click', () => {
  const open = !store.get().table.open;
  tablePane.hidden = !open;
  $('table-toggle').setAttribute('aria-pressed', String(open));
  setTable({ open });
  // The drawing area changed height: sigma must measure it again.
  current?.renderer.sigma.resize();
  current?.renderer.sigma.refresh();
});
for (const tab of ['nodes', 'edges'] as const) {
  $(`tab-${tab}`).addEventListener('click', () => {
    if (store.get().table.tab !== tab) setTable({ tab, ...TABLE_SORT[tab] });
  });
}
$<HTMLInputElement>('table-filter').addEventListener('input', (ev) => setTable({ filter: (ev.target as HTMLInputElement).value }));
$('export-csv').addEventListener('click', () => {
  const table = currentTable();
  if (!table) return;
  const csv = toCsv(table.columns, shownRows(table, store.get().table));
  download(new Blob([csv], { type: 'text/csv' }), `newsgraph-${store.get().table.tab === 'nodes' ? 'nodes' : 'relations'}.csv`);
});

$('export-gexf').addEventListener('click', () => {
  if (!current) return;
  if (!derived) return;
  const xml = toGexfString(filteredCopy(current.graph, derived.visibility));
  download(new Blob([xml], { type: 'application/xml' }), 'newsgraph.gexf');
});
$('export-png').addEventListener('click', () => {
  if (!current) return;
  void current.renderer.toPngBlob().then((blob) => download(blob, 'newsgraph.png'));
});

void initialSource().then((src) => {
  const params = new URLSearchParams(location.search);
  return src.subgraph !== null ? startRemote(src.subgraph, params) : loadUrl(src.graph, params);
});
