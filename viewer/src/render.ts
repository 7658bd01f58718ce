// Drawing: sigma, its programs and reducers. Reads the graph state (state.ts) and never changes it;
// the reducers map domain attributes (kind, weight) to sigma's display data (type, color, size).
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram, NodePointProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import EdgeCurveProgram, { EdgeCurvedArrowProgram, indexParallelEdgesIndex, DEFAULT_EDGE_CURVATURE } from '@sigma/edge-curve';
import type { Attributes } from 'graphology-types';
import { edgeColor, edgeSize, nodeColor } from '../../src/graph/appearance.js';
import { UNDIRECTED_KINDS } from '../../src/graph/model.js';
import { neighbourhood, type AnyGraph, type Visibility } from './state.js';
import { ALL_LABELS_UP_TO, DIM_EDGE, DIM_NODE, FOCUS_EDGE, edgeLabel, type Extent } from './display.js';
import { initialNodeBudget, nextNodeBudget, rankBySize } from './frame-budget.js';

/** Attribute names indexParallelEdgesIndex writes; the `__` prefix keeps them out of exports. */
export const PARALLEL = {
  edgeIndexAttribute: '__parallelIndex',
  edgeMinIndexAttribute: '__parallelMinIndex',
  edgeMaxIndexAttribute: '__parallelMaxIndex',
} as const;

export interface RenderInputs {
  visibility: Visibility;
  hovered: string | null;
  selected: string | null;
  /** Display mapping (display.ts): size and colour of every node. */
  sizes: ReadonlyMap<string, number>;
  colors: ReadonlyMap<string, string>;
  /**
   * The node whose relations are highlighted and the rest dimmed: the hovered one, or the selected
   * one when no neighbourhood or path focus already narrows the view (then nothing is dimmed).
   */
  dimAround: string | null;
  /** ForceAtlas2 is running: on large graphs edges are not drawn meanwhile (see LARGE_EDGES). */
  layoutRunning?: boolean;
  /** The relation under the mouse: drawn darker and labelled. */
  hoveredEdge?: string | null;
}

/**
 * Above this many edges, edges are not drawn while ForceAtlas2 moves the nodes: one redraw of every
 * edge costs hundreds of milliseconds on a CPU-rendered canvas (bench/viewer.ts), while nodes alone
 * still show the layout converging.
 */
export const LARGE_EDGES = 10_000;

/** Camera ratio under which every visible relation is labelled (kind and date). */
const EDGE_LABEL_RATIO = 0.35;
/**
 * Above this many visible relations only the hovered one is labelled. Leaders are joined by hundreds
 * of parallel relations (one per date and kind) in a large build: a neighbourhood of 71 nodes sent by
 * the server held 20,000 of them, and labelling each on the 2D canvas stalled the page for tens of
 * seconds after zooming in.
 */
export const EDGE_LABELS_UP_TO = 2_000;
/**
 * Above this many visible relations parallel ones are drawn straight, on top of each other. The curve
 * program's fragment shader is what a CPU rasteriser (SwiftShader, no GPU) pays most for: with 20,000
 * parallel relations of a large build's default view, each frame kept the page busy for seconds and
 * a search took 20 s to show; drawn straight, under a second (bench/serve.ts).
 */
export const CURVES_UP_TO = 2_000;

interface LayoutView {
  /** What sigma draws while the layout runs: the `budget` largest nodes (and their edges, on small graphs). */
  display: AnyGraph;
  /** Node keys by decreasing size. */
  order: string[];
  /** Nodes to draw, adapted to the measured frame time. */
  budget: number;
  frame: number | null;
  /** The layout moved nodes since the last copy. */
  dirty: boolean;
  /** A copy was made and sigma has not drawn it yet. */
  pending: boolean;
  /** sigma just drew: the next frame's gap measures that redraw. */
  measure: boolean;
  /** Filters or selection changed: the subset must be rebuilt. */
  stale: boolean;
  lastFrame: number;
  off: () => void;
}

/**
 * Rebuild the drawn subset only when the budget fell by more than SHRINK or grew by more than GROW
 * (as fractions of the nodes drawn): a rebuild costs more than a position copy, and on a shared
 * machine the measured frame time is noisy. Shrinking reacts sooner than growing.
 */
const REBUILD_SHRINK = 0.15;
const REBUILD_GROW = 0.3;

/** Whether two boxes differ by less than 2% of their size on every side. */
function closeExtents(a: Extent, b: Extent): boolean {
  const w = Math.max(a.x[1] - a.x[0], b.x[1] - b.x[0], 1e-9);
  const h = Math.max(a.y[1] - a.y[0], b.y[1] - b.y[0], 1e-9);
  return (
    Math.abs(a.x[0] - b.x[0]) < 0.02 * w && Math.abs(a.x[1] - b.x[1]) < 0.02 * w && Math.abs(a.y[0] - b.y[0]) < 0.02 * h && Math.abs(a.y[1] - b.y[1]) < 0.02 * h
  );
}

/** Colour of a node kind, from the shared palette. */
export const colorOfKind = nodeColor;

export class GraphRenderer {
  readonly sigma: Sigma<Attributes, Attributes, Attributes>;
  private inputs: RenderInputs;
  private focus: Set<string> | null = null;
  /** While the layout runs: what sigma draws from, and the per-frame pump copying positions into it. */
  private layoutView: LayoutView | null = null;
  firstFrameAt: number | null = null;

  constructor(
    private graph: AnyGraph,
    container: HTMLElement,
    inputs: RenderInputs,
  ) {
    this.inputs = inputs;
    this.indexParallel();
    this.sigma = new Sigma(graph, container, {
      // WHY: the domain never sets `type`; the reducers choose the program per edge.
      defaultEdgeType: 'line',
      // Points are several times cheaper to draw than circles on a CPU-rendered canvas: used while
      // the layout runs (see beginLayoutView).
      nodeProgramClasses: { circle: NodeCircleProgram, point: NodePointProgram },
      edgeProgramClasses: {
        line: EdgeRectangleProgram,
        arrow: EdgeArrowProgram,
        curved: EdgeCurveProgram,
        curvedArrow: EdgeCurvedArrowProgram,
      },
      renderEdgeLabels: true,
      // enterEdge / leaveEdge for the relation tooltip. sigma then also draws edges into a picking
      // buffer, at half resolution (pickingDownSizingRatio), on each frame.
      enableEdgeEvents: true,
      // Label grid: one label per cell, bigger nodes win, so labels do not pile up.
      labelDensity: 0.7,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 5,
      // Sizes are in screen pixels whatever the zoom: zooming in spreads nodes apart instead of
      // growing them until they cover the screen (sigma's default grows them by sqrt(1/ratio)).
      zoomToSizeRatioFunction: () => 1,
      itemSizesReference: 'screen',
      labelFont: 'system-ui, sans-serif',
      edgeLabelFont: 'system-ui, sans-serif',
      edgeLabelSize: 11,
      zIndex: true,
      nodeReducer: (node, data) => this.nodeReducer(node, data),
      edgeReducer: (edge, data) => this.edgeReducer(edge, data),
    });
    this.sigma.once('afterRender', () => {
      this.firstFrameAt = performance.now();
    });
    // Edge labels depend on the zoom level.
    let zoomedIn = this.sigma.getCamera().ratio < EDGE_LABEL_RATIO;
    this.sigma.getCamera().on('updated', (cam) => {
      const now = cam.ratio < EDGE_LABEL_RATIO;
      if (now !== zoomedIn) {
        zoomedIn = now;
        this.sigma.refresh({ skipIndexation: true });
      }
    });
  }

  private indexParallel(): void {
    indexParallelEdgesIndex(this.graph, PARALLEL);
  }

  update(inputs: Partial<RenderInputs>): void {
    const sizeChanged = inputs.sizes !== undefined && inputs.sizes !== this.inputs.sizes;
    const layoutChanged = inputs.layoutRunning !== undefined && inputs.layoutRunning !== Boolean(this.inputs.layoutRunning);
    this.inputs = { ...this.inputs, ...inputs };
    const f = this.inputs.dimAround;
    this.focus = f && this.graph.hasNode(f) ? neighbourhood(this.graph, f) : null;
    if (layoutChanged) {
      // setGraph redraws by itself.
      if (this.inputs.layoutRunning) {
        this.sigma.setCustomBBox(null);
        this.beginLayoutView();
      }
      else this.endLayoutView();
      return;
    }
    if (this.layoutView) this.layoutView.stale = true;
    this.sigma.refresh({ skipIndexation: !sizeChanged });
  }

  /**
   * ForceAtlas2's supervisor writes every iteration's positions into the graph, and sigma, bound to
   * that graph, reprocessed and redrew all of it each time: on 10k nodes / 50k edges that blocked the
   * main thread for seconds at a stretch (bench/viewer.ts). So while the layout runs:
   *  - sigma draws from a small graph of its own, not the graph: the largest nodes only, as many as
   *    fit a frame budget measured as it goes (frame-budget.ts), with their edges on small graphs
   *    only. (Hiding the other nodes with the reducer is not enough: sigma still reprocesses every
   *    hidden node on each copy, which alone cost ~300 ms a frame on 10k nodes.);
   *  - positions are copied into it at most once per animation frame, and only after the previous
   *    copy has been drawn (sigma's `afterRender`), so redraws never queue up;
   *  - nodes are drawn as WebGL points, several times cheaper than circles on a CPU-rendered canvas.
   * When the layout stops sigma goes back to the graph, which already holds the final positions.
   */
  private beginLayoutView(): void {
    if (this.layoutView) return;
    const order = [...rankBySize(this.inputs.sizes).keys()];
    const budget = initialNodeBudget(order.length);
    const view: LayoutView = {
      display: this.layoutSubset(order, budget),
      order,
      budget,
      frame: null,
      dirty: false,
      pending: false,
      measure: false,
      stale: false,
      lastFrame: 0,
      off: () => undefined,
    };
    const onMoved = (): void => {
      view.dirty = true;
    };
    const onRendered = (): void => {
      view.pending = false;
      view.measure = true;
    };
    this.graph.on('eachNodeAttributesUpdated', onMoved);
    this.sigma.on('afterRender', onRendered);
    view.off = () => {
      this.graph.off('eachNodeAttributesUpdated', onMoved);
      this.sigma.off('afterRender', onRendered);
    };
    const pump = (now: number): void => {
      view.frame = requestAnimationFrame(pump);
      // rAF callbacks of one frame share their timestamp, so the gap from the frame sigma drew in to
      // this one is what that redraw cost (including the compositor's read-back of the canvas).
      if (view.measure) {
        view.measure = false;
        view.budget = nextNodeBudget(view.budget, now - view.lastFrame, order.length);
      }
      view.lastFrame = now;
      if (!(view.dirty || view.stale) || view.pending) return;
      view.dirty = false;
      view.pending = true;
      const drawn = view.display.order;
      if (view.stale || view.budget < drawn * (1 - REBUILD_SHRINK) || view.budget > drawn * (1 + REBUILD_GROW)) {
        view.stale = false;
        // setGraph draws at once, and afterRender clears `pending`.
        view.display = this.layoutSubset(order, view.budget);
        this.sigma.setGraph(view.display);
        return;
      }
      // The `attributes` hint tells sigma only positions changed; its handler schedules one render.
      view.display.updateEachNodeAttributes(
        (node, a) => {
          const src = this.graph.getNodeAttributes(node);
          a.x = src.x;
          a.y = src.y;
          return a;
        },
        { attributes: ['x', 'y'] },
      );
    };
    this.layoutView = view;
    this.sigma.setGraph(view.display);
    view.frame = requestAnimationFrame(pump);
  }

  /** The first `count` visible nodes of `order` (plus the selected and hovered ones), at their current positions. */
  private layoutSubset(order: readonly string[], count: number): AnyGraph {
    const { visibility, selected, hovered } = this.inputs;
    const sub = this.graph.nullCopy();
    for (let i = 0; i < order.length && sub.order < count; i++) {
      const key = order[i]!;
      if (visibility.nodes.has(key)) sub.addNode(key, { ...this.graph.getNodeAttributes(key) });
    }
    for (const key of [selected, hovered]) {
      if (key !== null && !sub.hasNode(key) && visibility.nodes.has(key)) sub.addNode(key, { ...this.graph.getNodeAttributes(key) });
    }
    if (this.graph.size <= LARGE_EDGES) {
      this.graph.forEachEdge((edge, attrs, source, target, _sa, _ta, undirected) => {
        if (!sub.hasNode(source) || !sub.hasNode(target)) return;
        if (undirected) sub.addUndirectedEdgeWithKey(edge, source, target, { ...attrs });
        else sub.addDirectedEdgeWithKey(edge, source, target, { ...attrs });
      });
    }
    return sub;
  }

  private endLayoutView(restore = true): void {
    const view = this.layoutView;
    if (!view) return;
    this.layoutView = null;
    if (view.frame !== null) cancelAnimationFrame(view.frame);
    view.off();
    // The graph itself already holds the final positions (the supervisor wrote them).
    if (restore) this.sigma.setGraph(this.graph);
  }

  /**
   * Frames `extent` (graph coordinates): sigma normalises positions to this box instead of every
   * node's, so what is shown fills the view. Null goes back to every node's box (during a layout,
   * when nodes move out of any fixed box).
   */
  frame(extent: Extent | null): void {
    const current = this.sigma.getCustomBBox() ?? this.sigma.getBBox();
    this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    // Re-normalising every node costs one full processing of the graph (hundreds of milliseconds at
    // 50k edges): skip it when the box would barely move (a large graph opened whole).
    if (extent && closeExtents(current, extent)) return;
    this.sigma.setCustomBBox(extent);
    // An empty partial refresh re-processes (normalises) without running the reducers again.
    this.sigma.refresh({ partialGraph: { nodes: [], edges: [] } });
  }

  /** The label drawn on an edge now ('' when none, null when it is not drawn): tests read it. */
  edgeLabelOf(edge: string): string | null {
    const d = this.sigma.getEdgeDisplayData(edge);
    if (!d || d.hidden) return null;
    return d.label ?? '';
  }

  /** Nodes drawn while the layout runs (null when it does not): benchmark diagnostics. */
  get layoutNodeBudget(): number | null {
    return this.layoutView?.display.order ?? null;
  }

  private nodeReducer(node: string, data: Attributes): Partial<NodeDisplayData> {
    const { visibility, selected, hovered, sizes, colors } = this.inputs;
    const kind = String(data.kind ?? '');
    const res: Partial<NodeDisplayData> = {
      x: data.x as number,
      y: data.y as number,
      label: typeof data.label === 'string' ? data.label : node,
      size: sizes.get(node) ?? 5,
      color: colors.get(node) ?? nodeColor(kind),
      type: 'circle',
      zIndex: 1,
    };
    if (!visibility.nodes.has(node)) return { ...res, hidden: true };
    if (this.layoutView) res.type = 'point';
    else {
      // Small graphs: every label, even of the smallest nodes (sigma's grid and size threshold
      // would drop some). Large ones keep the grid, where the biggest node of each cell wins.
      if (visibility.nodes.size <= ALL_LABELS_UP_TO) res.forceLabel = true;
    }
    if (this.focus && !this.focus.has(node)) {
      res.color = DIM_NODE;
      res.label = '';
      res.zIndex = 0;
    }
    if (node === selected || node === hovered) {
      res.highlighted = true;
      res.zIndex = 2;
      res.forceLabel = true;
    }
    return res;
  }

  private edgeReducer(edge: string, data: Attributes): Partial<EdgeDisplayData> {
    const { visibility } = this.inputs;
    if (!visibility.edges.has(edge)) return { hidden: true };
    const kind = String(data.kind ?? '');
    const directed = !(UNDIRECTED_KINDS as ReadonlySet<string>).has(kind) && !this.graph.isUndirected(edge);
    const index = data[PARALLEL.edgeIndexAttribute];
    const maxIndex = data[PARALLEL.edgeMaxIndexAttribute];
    const weight = typeof data.weight === 'number' ? data.weight : 1;
    const res: Partial<EdgeDisplayData> & { curvature?: number } = {
      color: edgeColor(kind),
      size: edgeSize(weight),
      label: '',
      type: directed ? 'arrow' : 'line',
      zIndex: 1,
    };
    if (typeof index === 'number' && visibility.edges.size <= CURVES_UP_TO) {
      // Parallel edges fan out: one curvature step per index (edge-curve's documented recipe).
      res.type = directed ? 'curvedArrow' : 'curved';
      res.curvature = DEFAULT_EDGE_CURVATURE + (3 * DEFAULT_EDGE_CURVATURE * index) / (typeof maxIndex === 'number' && maxIndex > 0 ? maxIndex : 1);
    }
    const labels = visibility.edges.size <= EDGE_LABELS_UP_TO;
    const zoomedIn = labels && this.sigma?.getCamera().ratio < EDGE_LABEL_RATIO;
    if (this.focus) {
      const touches = this.focus.has(this.graph.source(edge)) && this.focus.has(this.graph.target(edge));
      const f = this.inputs.dimAround;
      const incident = f !== null && (this.graph.source(edge) === f || this.graph.target(edge) === f);
      if (!touches || !incident) {
        res.color = DIM_EDGE;
        res.zIndex = 0;
      } else {
        res.color = FOCUS_EDGE;
        if (labels) {
          res.label = edgeLabel(data);
          res.forceLabel = true;
        }
        res.zIndex = 2;
      }
    } else if (zoomedIn) {
      res.label = edgeLabel(data);
    }
    if (edge === this.inputs.hoveredEdge) {
      res.color = FOCUS_EDGE;
      res.size = (res.size ?? 1) + 1;
      res.label = edgeLabel(data);
      res.forceLabel = true;
      res.zIndex = 3;
    }
    return res;
  }

  /** One PNG of the drawn graph: sigma's stacked canvases copied into one, on a white background. */
  async toPngBlob(): Promise<Blob> {
    // WebGL canvases are only readable right after drawing (no preserveDrawingBuffer), so draw
    // synchronously and copy in the same task.
    this.sigma.refresh();
    const canvases = this.sigma.getCanvases();
    const first = Object.values(canvases)[0];
    const width = first?.width ?? 1;
    const height = first?.height ?? 1;
    const out = document.createElement('canvas');
    out.width = width;
    out.height = height;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    for (const c of Object.values(canvases)) ctx.drawImage(c, 0, 0, width, height);
    return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  }

  focusCamera(node: string): void {
    const pos = this.sigma.getNodeDisplayData(node);
    if (!pos) return;
    void this.sigma.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.3 }, { duration: 400 });
  }

  kill(): void {
    this.endLayoutView(false);
    // A camera animation still running (focusCamera after a search) would ask the killed sigma for one more
    // frame, and a killed sigma has no node programs left ("could not find a suitable program"): stop it first.
    const camera = this.sigma.getCamera() as unknown as { nextFrame: number | null };
    if (camera.nextFrame !== null) {
      cancelAnimationFrame(camera.nextFrame);
      camera.nextFrame = null;
    }
    this.sigma.kill();
  }
}
