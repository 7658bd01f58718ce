// The test and benchmark hook the viewer puts on `window.__newsgraph`: its type, shared by the viewer
// (main.ts) and the browser tests that read it, so the two cannot drift apart.

import type { SubgraphInfo } from './remote.js';

/** Test and benchmark hook: a read-only view of the state. */
export interface NewsgraphHook {
  ready: boolean;
  error: string | null;
  loads: number;
  name: string;
  firstFrameAt: number | null;
  selected: string | null;
  visibleNodes(): string[];
  visibleEdges(): string[];
  /** The shortest path shown (node keys in order), or null. */
  path(): string[] | null;
  /** The timeline filter window (day numbers; null = open). */
  window(): { start: number | null; end: number | null };
  /** Where the metrics were computed ('main' thread or a 'worker'), null before a graph. */
  metricsWhere(): 'main' | 'worker' | null;
  metricsReady(): boolean;
  /** The colour sigma draws a node with now (dimmed when out of focus). */
  nodeColor(key: string): string | null;
  /** Where a node is drawn now (display positions, e.g. an isolated node moved under the graph), in CSS pixels. */
  drawnViewport(key: string): { x: number; y: number } | null;
  /** A node's drawn radius in CSS pixels at the current zoom. */
  renderedNodeSize(key: string): number | null;
  /** Nodes whose label sigma drew in its last frame. */
  displayedLabels(): string[];
  /** The label drawn on an edge ('' none; null when the edge is hidden). */
  edgeLabel(key: string): string | null;
  setCameraRatio(ratio: number): void;
  layoutRunning(): boolean;
  /** Graph coordinates of a node (as an export would write them). */
  nodePosition(key: string): { x: number; y: number } | null;
  /** Where a node is drawn, in CSS pixels from the top-left of the graph container. */
  nodeViewport(key: string): { x: number; y: number } | null;
  startLayout(): void;
  stopLayout(): void;
  /** Camera back to the whole graph (tests and screenshots). */
  resetCamera(): void;
  /** Milliseconds of one synchronous full redraw (benchmark diagnostics). */
  timeRefresh(): number;
  /** Nodes drawn while the layout runs, null when it does not (benchmark diagnostics). */
  layoutNodeBudget(): number | null;
  /** The relation under the mouse (sigma's enterEdge), null when none. */
  hoveredEdge(): string | null;
  /** The text of the relation tooltip, null when hidden. */
  edgeTip(): string | null;
  /**
   * A large graph answered in parts by the server: requests sent and answered, whether one is on its
   * way, what the part on screen says of itself, and the notice shown. Null when the graph was loaded whole.
   */
  remote(): { requests: number; answers: number; pending: boolean; info: SubgraphInfo | null; note: string; timings: { answerMs: number; installMs: number } } | null;
}
