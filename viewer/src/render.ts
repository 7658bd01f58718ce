// Drawing: sigma, its programs and reducers. Reads the graph state (state.ts) and never changes it;
// the reducers map domain attributes (kind, weight) to sigma's display data (type, color, size).
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import EdgeCurveProgram, { EdgeCurvedArrowProgram, indexParallelEdgesIndex, DEFAULT_EDGE_CURVATURE } from '@sigma/edge-curve';
import type { Attributes } from 'graphology-types';
import { edgeColor, edgeSize, nodeColor, nodeSize } from '../../src/graph/appearance.js';
import { neighbourhood, type AnyGraph, type Visibility } from './state.js';

/** Edge kinds drawn without an arrow (GUIDE.md: meets, negotiates_with, at_war_with are undirected). */
const UNDIRECTED_KINDS = new Set(['meets', 'negotiates_with', 'at_war_with']);

/** Attribute names indexParallelEdgesIndex writes; the `__` prefix keeps them out of exports. */
export const PARALLEL = {
  edgeIndexAttribute: '__parallelIndex',
  edgeMinIndexAttribute: '__parallelMinIndex',
  edgeMaxIndexAttribute: '__parallelMaxIndex',
} as const;

export type SizeMode = 'degree' | 'weight' | 'stored';

export interface RenderInputs {
  visibility: Visibility;
  hovered: string | null;
  selected: string | null;
  sizeMode: SizeMode;
  /** ForceAtlas2 is running: on large graphs edges are not drawn meanwhile (see LARGE_EDGES). */
  layoutRunning?: boolean;
}

/**
 * Above this many edges, edges are hidden while ForceAtlas2 moves the nodes: redrawing every edge on
 * each layout step stalls the main thread (measured by bench/viewer.ts), while nodes alone keep the
 * page responsive and still show the layout converging.
 */
export const LARGE_EDGES = 10_000;

const DIM_NODE = '#d8d8de';
const DIM_EDGE = '#ececf0';
/** Camera ratio under which edge labels (the relation kind) are drawn for every edge. */
const EDGE_LABEL_RATIO = 0.35;

/**
 * Node sizes by degree or by summed edge weight, with the pipeline's own scale (data/palette.json via
 * src/graph/appearance.ts) so the viewer and the exported GEXF agree; 'stored' keeps the file's `size`.
 */
export function computeSizes(graph: AnyGraph, mode: SizeMode): Map<string, number> {
  const out = new Map<string, number>();
  graph.forEachNode((key, a) => {
    if (mode === 'stored') out.set(key, typeof a.size === 'number' ? a.size : nodeSize(graph.degree(key)));
    else if (mode === 'degree') out.set(key, nodeSize(graph.degree(key)));
    else {
      let w = 0;
      graph.forEachEdge(key, (_e, ea) => (w += typeof ea.weight === 'number' ? ea.weight : 1));
      out.set(key, nodeSize(w));
    }
  });
  return out;
}

/** Colour of a node kind, from the shared palette. */
export const colorOfKind = nodeColor;

export class GraphRenderer {
  readonly sigma: Sigma<Attributes, Attributes, Attributes>;
  private inputs: RenderInputs;
  private sizes: Map<string, number>;
  private focus: Set<string> | null = null;
  firstFrameAt: number | null = null;

  constructor(
    private graph: AnyGraph,
    container: HTMLElement,
    inputs: RenderInputs,
  ) {
    this.inputs = inputs;
    this.sizes = computeSizes(graph, inputs.sizeMode);
    this.indexParallel();
    this.sigma = new Sigma(graph, container, {
      // WHY: the domain never sets `type`; the reducers choose the program per edge.
      defaultEdgeType: 'line',
      edgeProgramClasses: {
        line: EdgeRectangleProgram,
        arrow: EdgeArrowProgram,
        curved: EdgeCurveProgram,
        curvedArrow: EdgeCurvedArrowProgram,
      },
      renderEdgeLabels: true,
      enableEdgeEvents: false,
      // Label grid: one label per cell, bigger nodes win, so labels do not pile up.
      labelDensity: 1,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 5,
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
    const sizeChanged = inputs.sizeMode !== undefined && inputs.sizeMode !== this.inputs.sizeMode;
    this.inputs = { ...this.inputs, ...inputs };
    if (sizeChanged) this.sizes = computeSizes(this.graph, this.inputs.sizeMode);
    const f = this.inputs.hovered ?? this.inputs.selected;
    this.focus = f && this.graph.hasNode(f) ? neighbourhood(this.graph, f) : null;
    this.sigma.refresh({ skipIndexation: !sizeChanged });
  }

  private nodeReducer(node: string, data: Attributes): Partial<NodeDisplayData> {
    const { visibility, selected, hovered } = this.inputs;
    const kind = String(data.kind ?? '');
    const res: Partial<NodeDisplayData> = {
      x: data.x as number,
      y: data.y as number,
      label: typeof data.label === 'string' ? data.label : node,
      size: this.sizes.get(node) ?? 5,
      color: nodeColor(kind),
      type: 'circle',
      zIndex: 1,
    };
    if (!visibility.nodes.has(node)) return { ...res, hidden: true };
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
    if (this.inputs.layoutRunning && this.graph.size > LARGE_EDGES) return { hidden: true };
    const kind = String(data.kind ?? '');
    const directed = !UNDIRECTED_KINDS.has(kind) && !this.graph.isUndirected(edge);
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
    if (typeof index === 'number') {
      // Parallel edges fan out: one curvature step per index (edge-curve's documented recipe).
      res.type = directed ? 'curvedArrow' : 'curved';
      res.curvature = DEFAULT_EDGE_CURVATURE + (3 * DEFAULT_EDGE_CURVATURE * index) / (typeof maxIndex === 'number' && maxIndex > 0 ? maxIndex : 1);
    }
    const zoomedIn = this.sigma?.getCamera().ratio < EDGE_LABEL_RATIO;
    if (this.focus) {
      const touches = this.focus.has(this.graph.source(edge)) && this.focus.has(this.graph.target(edge));
      const f = this.inputs.hovered ?? this.inputs.selected;
      const incident = f !== null && (this.graph.source(edge) === f || this.graph.target(edge) === f);
      if (!touches || !incident) {
        res.color = DIM_EDGE;
        res.zIndex = 0;
      } else {
        res.color = '#555566';
        res.label = kind;
        res.forceLabel = true;
        res.zIndex = 2;
      }
    } else if (zoomedIn) {
      res.label = kind;
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
    this.sigma.kill();
  }
}
