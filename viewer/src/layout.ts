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

  constructor(graph: AnyGraph) {
    const g = graph;
    this.supervisor = new FA2Layout(g, {
      settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: graph.order > 500 },
      // Weighted relations (more independent mentions) pull harder.
      getEdgeWeight: 'weight',
    });
  }

  get running(): boolean {
    return this.supervisor.isRunning();
  }

  start(): void {
    this.supervisor.start();
  }

  stop(): void {
    this.supervisor.stop();
  }

  toggle(): boolean {
    if (this.running) this.stop();
    else this.start();
    return this.running;
  }

  kill(): void {
    this.supervisor.kill();
  }
}
