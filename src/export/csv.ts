// CSV export (`kg export GRAPH --format csv --out DIR`): DIR/nodes.csv, DIR/edges.csv and DIR/articles.csv
// for spreadsheets, pandas, R and any tool that reads tables. Streaming: one chunk per row.
//
// RFC 4180: a header row, CRLF line ends, a field quoted with `"` when it holds `"`, `,`, CR or LF, and a
// `"` inside doubled. UTF-8 without a byte-order mark (Python's csv module, opening the file as
// UTF-8, would read one as part of the first column's name). Columns:
// - nodes.csv: key, label, kind, then every other node attribute present, sorted by name;
// - edges.csv: key, source, target, directed (false for meets, negotiates_with, at_war_with: their
//   source and target are as stored, the order means nothing), kind, then the other attributes, sorted;
//   the attribute `source` (the reporting articles) is the column `source_articles` (edgeColumnName);
// - articles.csv: id, then every other field of the graph's `articles` (date, source, title, url …),
//   sorted: the article ids that `source` and `evidence_articles` hold.
// Lists are JSON arrays (`json.loads` / `JSON.parse` give them back, items with commas or quotes
// included); numbers in their shortest round-trip form; booleans `true`/`false`; an absent value is an
// empty field. Values are written as they are: a text starting with `=` is not defused for spreadsheets.
//
// Why no CSV library: the quoting rule is the three lines of `field` below, while csv-stringify (the
// well-kept one) is a Transform stream taking one record object at a time, which neither fits the
// pull-based chunks that writeFilesAtomic streams with back-pressure nor lets list items be quoted
// once per document (the memo below, as in gexf.ts).
import type { Attributes } from 'graphology-types';
import type { KnowledgeGraph } from '../graph/create.js';
import { cellText, compare, scanColumns, sortedEdges, sortedNodes, type Column } from './columns.js';

export interface TableFile {
  /** File name inside the output directory. */
  name: string;
  chunks: Iterable<string>;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field. */
export function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const doubleQuotes = (text: string): string => text.replace(/"/g, '""');

/** The files of the CSV export, each a lazy sequence of rows. */
export function csvFiles(graph: KnowledgeGraph): TableFile[] {
  return [
    { name: 'nodes.csv', chunks: nodeRows(graph) },
    { name: 'edges.csv', chunks: edgeRows(graph) },
    { name: 'articles.csv', chunks: articleRows(graph) },
  ];
}

function* nodeRows(graph: KnowledgeGraph): Generator<string, void, undefined> {
  const nodes = sortedNodes(graph);
  // `key` is the node's key (the stored attribute repeats it); label and kind lead.
  const columns = scanColumns(nodes, new Set(['key', 'label', 'kind']));
  const memo = new Map<unknown, string>();
  yield header(['key', 'label', 'kind', ...columns.map((c) => c.name)]);
  const lead: Column[] = [{ name: 'label', type: 'string', json: false }, { name: 'kind', type: 'string', json: false }];
  const all = [...lead, ...columns];
  for (const { key, attrs } of nodes) yield field(key) + cells(attrs, all, memo) + '\r\n';
}

const EDGE_LEAD = ['key', 'source', 'target', 'directed', 'kind'];

/**
 * The column of an edge attribute: its name, except where a leading column has it. The model's `source`
 * (the articles that report the edge) would clash with the source node, the column every edge-list
 * reader (Gephi's spreadsheet import, NetworkX's from_pandas_edgelist) expects: it is `source_articles`.
 */
export function edgeColumnName(name: string): string {
  if (name === 'source') return 'source_articles';
  // `kind` is the kind column itself; a stored `directed` is replaced by the computed one
  return name === 'key' || name === 'target' || name === 'source_articles' ? `attr_${name}` : name;
}

function* edgeRows(graph: KnowledgeGraph): Generator<string, void, undefined> {
  const edges = sortedEdges(graph);
  // sorted by column name, so that the header is sorted after the renames too
  const columns = scanColumns(edges, new Set(['directed', 'kind'])).sort((a, b) => compare(edgeColumnName(a.name), edgeColumnName(b.name)));
  const memo = new Map<unknown, string>();
  yield header([...EDGE_LEAD, ...columns.map((c) => edgeColumnName(c.name))]);
  const all: Column[] = [{ name: 'kind', type: 'string', json: false }, ...columns];
  for (const { key, attrs, source, target, undirected } of edges) {
    yield `${field(key)},${field(source)},${field(target)},${undirected ? 'false' : 'true'}${cells(attrs, all, memo)}\r\n`;
  }
}

function* articleRows(graph: KnowledgeGraph): Generator<string, void, undefined> {
  const map: unknown = graph.getAttribute('articles');
  const articles: { key: string; attrs: Attributes }[] = [];
  if (map !== null && typeof map === 'object') {
    for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
      articles.push({ key, attrs: value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Attributes) : {} });
    }
  }
  articles.sort((a, b) => compare(a.key, b.key));
  const columns = scanColumns(articles, new Set(['id']));
  const memo = new Map<unknown, string>();
  yield header(['id', ...columns.map((c) => c.name)]);
  for (const { key, attrs } of articles) yield field(key) + cells(attrs, columns, memo) + '\r\n';
}

function header(names: readonly string[]): string {
  return names.map(field).join(',') + '\r\n';
}

/** `,value` for each column. */
function cells(attrs: Attributes, columns: readonly Column[], memo: Map<unknown, string>): string {
  let s = '';
  for (const c of columns) {
    const v: unknown = attrs[c.name];
    if (c.type === 'list' && !c.json && Array.isArray(v)) {
      // A JSON array always holds commas or quotes: always quoted; items' quotes doubled once (memo).
      s += ',"' + cellText(v, c, memo, doubleQuotes) + '"';
      continue;
    }
    const text = cellText(v, c, memo);
    s += text === undefined ? ',' : ',' + field(text);
  }
  return s;
}
