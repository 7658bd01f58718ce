// GraphML export (`kg export GRAPH --format graphml`): for igraph, NetworkX, Cytoscape, yEd and R.
// Streaming, like the GEXF writer: a chunk for the header, one per node and edge, one for the end.
//
// - Keys are typed from the values present (columns.ts): boolean, long (all safe integers), double,
//   string. Ids are positional (n0…, e0…, g0…: an attribute name need not be a valid XML name); attr.name
//   carries the name, which is what NetworkX and igraph use.
// - Lists (aliases, evidence, source …) are strings holding a JSON array: GraphML has no list type, and
//   JSON survives items with commas, pipes or quotes (`json.loads` in Python gives the list back). The
//   JSON text escapes control characters and lone surrogates itself, so list items are not altered;
//   plain strings lose only what XML 1.0 cannot carry at all (xml.ts).
// - Edge direction: GraphML allows directed="false" per edge, but NetworkX raises "directed=false edge
//   found in directed graph" on a mixed file (as it refuses mixed GEXF). So, as in graph.gexf, every edge
//   is written directed (source → target as stored) with a boolean `directed` that says whether the
//   relation really has one.
// - Graph attributes (`name`, `build`, `articles` — an object, written as JSON) are graph <data>.
// - Node and edge ids are the graph's keys; everything is sorted by key, so the bytes depend only on
//   the graph's content.
import type { Attributes } from 'graphology-types';
import type { KnowledgeGraph } from '../graph/create.js';
import { cellText, scanColumns, sortedEdges, sortedNodes, type Column, type ColumnType } from './columns.js';
import { escapeAttr, escapeText } from './xml.js';

const GRAPHML_TYPE: Record<ColumnType, string> = {
  boolean: 'boolean',
  integer: 'long',
  double: 'double',
  string: 'string',
  list: 'string',
};

interface Key extends Column {
  id: string;
  /** `<data key="ID">`. */
  open: string;
}

export function* graphmlChunks(graph: KnowledgeGraph): Generator<string, void, undefined> {
  const nodes = sortedNodes(graph);
  const edges = sortedEdges(graph);
  const graphKeys = keys('g', scanColumns([{ attrs: graph.getAttributes() }]));
  const nodeKeys = keys('n', scanColumns(nodes));
  // `directed` is ours, computed from the edge's type; it replaces any stored attribute of that name.
  const edgeColumns = [...scanColumns(edges, new Set(['directed'])), { name: 'directed', type: 'boolean', json: false } satisfies Column];
  const edgeKeys = keys('e', edgeColumns.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  const memo = new Map<unknown, string>();
  const ids = new Map<string, string>();
  const id = (key: string): string => {
    let e = ids.get(key);
    if (e === undefined) ids.set(key, (e = escapeAttr(key)));
    return e;
  };

  let head =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
    ` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n`;
  for (const [domain, list] of [['graph', graphKeys], ['node', nodeKeys], ['edge', edgeKeys]] as const) {
    for (const k of list) {
      head += `  <key id="${k.id}" for="${domain}" attr.name="${escapeAttr(k.name)}" attr.type="${GRAPHML_TYPE[k.type]}"/>\n`;
    }
  }
  head += `  <graph id="G" edgedefault="directed">\n`;
  const graphData = data(graph.getAttributes(), graphKeys, undefined, memo);
  if (graphData) head += `    ${graphData}\n`;
  yield head;

  for (const { key, attrs } of nodes) yield `    <node id="${id(key)}">${data(attrs, nodeKeys, undefined, memo)}</node>\n`;
  for (const { key, attrs, source, target, undirected } of edges) {
    yield `    <edge id="${escapeAttr(key)}" source="${id(source)}" target="${id(target)}">${data(attrs, edgeKeys, !undirected, memo)}</edge>\n`;
  }
  yield `  </graph>\n</graphml>\n`;
}

/** The whole document as one string (tests, small graphs). */
export function toGraphml(graph: KnowledgeGraph): string {
  let s = '';
  for (const chunk of graphmlChunks(graph)) s += chunk;
  return s;
}

function keys(prefix: string, columns: readonly Column[]): Key[] {
  return columns.map((c, i) => ({ ...c, id: `${prefix}${i}`, open: `<data key="${prefix}${i}">` }));
}

/** The <data> elements of one element; `directed`, when given, is the computed `directed` value. */
function data(attrs: Attributes, keys: readonly Key[], directed: boolean | undefined, memo: Map<unknown, string>): string {
  let s = '';
  for (const k of keys) {
    const v: unknown = directed !== undefined && k.name === 'directed' ? directed : attrs[k.name];
    const text = cellText(v, k, memo, escapeText);
    if (text !== undefined) s += k.open + text + '</data>';
  }
  return s;
}
