// The one graph class of the pipeline: a graphology MultiGraph of type 'mixed'. Mixed, because some
// relations have a direction (sanctions: imposer → target) and others do not (meets); multi, because
// two entities can be linked by several kinds of relation (and by the same kind at different dates).
import { MultiGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from './model.js';

export type KnowledgeGraph = MultiGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** An empty knowledge graph: mixed, multi, self-loops allowed (graphology's defaults for MultiGraph). */
export function createGraph(): KnowledgeGraph {
  return new MultiGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: 'mixed' });
}
