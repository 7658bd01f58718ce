// ForceAtlas2 in its web worker (graphology-layout-forceatlas2/worker): the page stays responsive while
// it runs, and positions are written back into the graph's x/y, so an export keeps them.
import FA2Module from 'graphology-layout-forceatlas2/worker.js';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AnyGraph } from './state.js';

// The package is CommonJS with `export default` typings: under NodeNext TypeScript sees the class at
// `.default`, while Vite's CJS interop hands over module.exports (the class) itself. Accept both.
const FA2Layout = ((FA2Module as unknown as { default?: unknown }).default ?? FA2Module) as typeof FA2Module.default;
type Supervisor = InstanceType<typeof FA2Module.default>;

export class LayoutControl {
  private supervisor: Supervisor;
  /** Started, or about to start (see start()). */
  private wanted = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(graph: AnyGraph) {
    const g = graph;
    this.supervisor = new FA2Layout(g, {
      settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: graph.order > 500 },
      // Weighted relations (more independent mentions) pull harder.
      getEdgeWeight: 'weight',
    });
  }

  get running(): boolean {
    return this.wanted;
  }

  /**
   * Starts on the next task, not this one: the supervisor's start converts the whole graph to typed
   * arrays (tens of milliseconds on 50k edges), and the caller switches the drawing to its light
   * layout view in this task; doing both at once made one long main-thread stall (bench/viewer.ts).
   */
  start(): void {
    if (this.wanted) return;
    this.wanted = true;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.wanted) this.supervisor.start();
    }, 0);
  }

  stop(): void {
    this.wanted = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.supervisor.stop();
  }

  toggle(): boolean {
    if (this.running) this.stop();
    else this.start();
    return this.running;
  }

  kill(): void {
    this.stop();
    this.supervisor.kill();
  }
}
