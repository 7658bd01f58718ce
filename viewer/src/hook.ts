// The test and benchmark hook the viewer puts on `window.__newsgraph`: its type, shared by the viewer
// (main.ts) and the browser tests that read it, so the two cannot drift apart.

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
}
