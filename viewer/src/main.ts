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
  type GraphSummary,
  type ViewState,
  type Visibility,
} from './state.js';
import { ensurePositions, parseGraphText, type GexfParser } from './load.js';
import { GraphRenderer, colorOfKind, type SizeMode } from './render.js';
import { renderPanel } from './render-panel.js';
import { renderChecklist, renderSuggestions, setupTimeline, showError, updateTimelineLabels, type TimelineHandles } from './render-controls.js';
import { LayoutControl } from './layout.js';
import { download, filteredCopy } from './export.js';
import { toGexfString } from './gexf.js';
import type { NewsgraphHook } from './hook.js';

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
}

let state: ViewState = initialState();
let current: Loaded | null = null;
let visibility: Visibility = { nodes: new Set(), edges: new Set() };
let sizeMode: SizeMode = 'degree';

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
    return state.selected;
  },
  visibleNodes: () => [...visibility.nodes],
  visibleEdges: () => [...visibility.edges],
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

function syncLayoutButton(): void {
  const running = current?.layout.running ?? false;
  current?.renderer.update({ layoutRunning: running });
  layoutButton.textContent = running ? 'Stop layout' : 'Start layout';
  layoutButton.setAttribute('aria-pressed', String(running));
}

/** Recomputes visibility and redraws everything that depends on the state. */
function refresh(): void {
  if (!current) return;
  visibility = computeVisibility(current.graph, state.filters);
  if (state.selected !== null && !visibility.nodes.has(state.selected)) state = { ...state, selected: null };
  if (state.hovered !== null && !visibility.nodes.has(state.hovered)) state = { ...state, hovered: null };
  current.renderer.update({ visibility, selected: state.selected, hovered: state.hovered, sizeMode });
  renderPanel(panel, current.graph, state.selected, visibility, select);
  $('counts').textContent = `${visibility.nodes.size} / ${current.graph.order} nodes · ${visibility.edges.size} / ${current.graph.size} edges`;
}

function select(key: string | null): void {
  state = { ...state, selected: key };
  refresh();
  if (key !== null) current?.renderer.focusCamera(key);
}

function renderFilters(): void {
  if (!current) return;
  const { summary } = current;
  const f = () => state.filters;
  renderChecklist(
    $('legend'),
    'node-kind',
    [...summary.nodeKinds].map(([value, count]) => ({ value, count, color: colorOfKind(value) })),
    f().hiddenNodeKinds,
    (kind, shown) => {
      state = { ...state, filters: { ...f(), hiddenNodeKinds: toggled(f().hiddenNodeKinds, kind, !shown) } };
      refresh();
    },
  );
  renderChecklist(
    $('edge-kinds'),
    'edge-kind',
    [...summary.edgeKinds].map(([value, count]) => ({ value, count })),
    f().hiddenEdgeKinds,
    (kind, shown) => {
      state = { ...state, filters: { ...f(), hiddenEdgeKinds: toggled(f().hiddenEdgeKinds, kind, !shown) } };
      refresh();
    },
  );
  renderChecklist(
    $('statuses'),
    'status',
    [...summary.statuses].map(([value, count]) => ({ value, count })),
    f().hiddenStatuses,
    (status, shown) => {
      state = { ...state, filters: { ...f(), hiddenStatuses: toggled(f().hiddenStatuses, status, !shown) } };
      refresh();
    },
  );
  setupTimeline(timeline, summary, f());
  hideUndated.checked = f().hideUndated;
}

function install(graph: AnyGraph, name: string): void {
  ensurePositions(graph);
  if (current) {
    current.layout.kill();
    current.renderer.kill();
  }
  state = initialState();
  search.value = '';
  const summary = summarize(graph);
  visibility = computeVisibility(graph, state.filters);
  const renderer = new GraphRenderer(graph, container, { visibility, hovered: null, selected: null, sizeMode });
  current = { graph, summary, renderer, layout: new LayoutControl(graph), name };
  renderer.sigma.on('enterNode', ({ node }) => {
    state = { ...state, hovered: node };
    refresh();
  });
  renderer.sigma.on('leaveNode', () => {
    state = { ...state, hovered: null };
    refresh();
  });
  renderer.sigma.on('clickNode', ({ node }) => select(node));
  renderer.sigma.on('clickStage', () => select(null));
  renderFilters();
  refresh();
  syncLayoutButton();
  $('source-name').textContent = name;
  hook.name = name;
  hook.loads++;
  hook.ready = true;
}

/** Parses and shows a graph; on failure shows the error and keeps the previous graph. */
function loadText(name: string, text: string): boolean {
  try {
    const graph = parseGraphText(name, text, parseGexf);
    install(graph, name);
    setError(null);
    return true;
  } catch (err) {
    setError(`${name}: ${(err as Error).message}`);
    hook.ready = true;
    return false;
  }
}

async function loadUrl(url: string): Promise<void> {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    loadText(url, await res.text());
  } catch (err) {
    setError(`could not load ${url}: ${(err as Error).message}`);
    hook.ready = true;
  }
}

async function loadFile(file: File): Promise<void> {
  loadText(file.name, await file.text());
}

/** `?file=URL` wins; otherwise the server says where its graph is (config.json), default graph.json. */
async function initialUrl(): Promise<string> {
  const param = new URLSearchParams(location.search).get('file');
  if (param) return param;
  try {
    const res = await fetch('config.json');
    if (res.ok) {
      const cfg = (await res.json()) as { graph?: unknown };
      if (typeof cfg.graph === 'string') return cfg.graph;
    }
  } catch {
    // No config: a plain static host. Fall through to the default.
  }
  return 'graph.json';
}

// --- wiring -------------------------------------------------------------------------------------

search.addEventListener('input', () => {
  if (!current) return;
  state = { ...state, query: search.value };
  renderSuggestions(suggestions, searchNodes(current.graph, search.value, 12, visibility.nodes));
  // Choosing a datalist option fires `input` with the option's full value: select it at once.
  const exact = searchNodes(current.graph, search.value, 1, visibility.nodes)[0];
  if (exact && exact.label === search.value && [...suggestions.options].some((o) => o.value === search.value)) {
    // Only when the value is exactly an offered label, so typing a prefix does not jump around.
    select(exact.key);
  }
});
$('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  if (!current) return;
  const key = resolveSearch(current.graph, search.value, visibility.nodes);
  if (key === null) setError(`no node matches "${search.value}"`);
  else {
    setError(null);
    select(key);
  }
});

layoutButton.addEventListener('click', () => {
  current?.layout.toggle();
  syncLayoutButton();
});

$<HTMLSelectElement>('size-mode').addEventListener('change', (ev) => {
  sizeMode = (ev.target as HTMLSelectElement).value as SizeMode;
  refresh();
});

function onTimeline(which: 'start' | 'end'): void {
  let start = Number(timeline.start.value);
  let end = Number(timeline.end.value);
  // Keep start ≤ end by pushing the other handle.
  if (start > end) {
    if (which === 'start') timeline.end.value = String((end = start));
    else timeline.start.value = String((start = end));
  }
  const s = current?.summary;
  state = {
    ...state,
    filters: {
      ...state.filters,
      // At the extremes the window is open, so edges dated outside the slider's range stay shown.
      dateStart: s && start <= (s.minDay ?? start) ? null : start,
      dateEnd: s && end >= (s.maxDay ?? end) ? null : end,
    },
  };
  updateTimelineLabels(timeline);
  refresh();
}
timeline.start.addEventListener('input', () => onTimeline('start'));
timeline.end.addEventListener('input', () => onTimeline('end'));
hideUndated.addEventListener('change', () => {
  state = { ...state, filters: { ...state.filters, hideUndated: hideUndated.checked } };
  refresh();
});

panel.addEventListener('click', (ev) => {
  if ((ev.target as HTMLElement).dataset.action === 'close-panel') select(null);
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

$('export-gexf').addEventListener('click', () => {
  if (!current) return;
  const xml = toGexfString(filteredCopy(current.graph, visibility));
  download(new Blob([xml], { type: 'application/xml' }), 'newsgraph.gexf');
});
$('export-png').addEventListener('click', () => {
  if (!current) return;
  void current.renderer.toPngBlob().then((blob) => download(blob, 'newsgraph.png'));
});

void initialUrl().then(loadUrl);
