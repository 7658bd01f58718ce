// How an extraction worker hands a fragment to the main thread. postMessage's structured clone of a
// fragment (about 25 KB of small objects for a 2.5 KB article) cost the main thread more than merging
// it; on a corpus build the main thread, which merges, is the bottleneck. So a worker sends JSON text
// (one string copy; JSON.parse is ~1.6× faster than the structured-clone deserializer here), and sends
// each node as its own JSON string with its key: the same leaders and countries recur in most articles
// with the same attributes, so the main thread parses a node's attributes only when its text changed
// since the last time it came, and otherwise hands back the very same object, which GraphMerger
// recognises as merged already (merging a node twice with the same attributes changes nothing).
import type { Fragment, NodeRecord } from '../graph/model.js';
import type { Outcome } from './process-item.js';

export interface WireFragment {
  /** JSON of the fragment without its nodes. */
  rest: string;
  /** [key, JSON of the node's attributes] per node, in fragment order. */
  nodes: [string, string][];
}

export type WireOutcome = { wire: WireFragment } | Exclude<Outcome, { fragment: Fragment }>;

export function encodeOutcome(outcome: Outcome): WireOutcome {
  if (!('fragment' in outcome)) return outcome;
  const { nodes, ...rest } = outcome.fragment;
  return { wire: { rest: JSON.stringify(rest), nodes: nodes.map((n) => [n.key, JSON.stringify(n.attributes)]) } };
}

/** A decoder for one build: remembers the last text and record of each node key. */
export function createDecoder(): (outcome: WireOutcome) => Outcome {
  const last = new Map<string, { json: string; record: NodeRecord }>();
  return (outcome) => {
    if (!('wire' in outcome)) return outcome;
    const nodes = outcome.wire.nodes.map(([key, json]) => {
      const seen = last.get(key);
      if (seen && seen.json === json) return seen.record;
      const record: NodeRecord = { key, attributes: JSON.parse(json) as NodeRecord['attributes'] };
      last.set(key, { json, record });
      return record;
    });
    const rest = JSON.parse(outcome.wire.rest) as Omit<Fragment, 'nodes'>;
    return { fragment: { ...rest, nodes } };
  };
}
