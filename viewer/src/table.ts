// The data table's rows: the visible nodes and relations with the columns an analyst sorts and
// filters by, and their CSV. Pure (no DOM), tested in node; render-table.ts draws them.
import type { Metrics } from './analysis.js';
import { countryOf } from './display.js';
import { fold, type AnyGraph, type Visibility } from './state.js';

export type Cell = string | number;

export interface Column {
  key: string;
  title: string;
  numeric: boolean;
}

export interface Row {
  /** The node key, or the edge key. */
  key: string;
  /** Nodes a click on the row can select: the node itself, or the relation's two ends. */
  nodes: string[];
  cells: Record<string, Cell>;
}

export interface Table {
  columns: Column[];
  rows: Row[];
}

export const NODE_COLUMNS: Column[] = [
  { key: 'label', title: 'name', numeric: false },
  { key: 'kind', title: 'kind', numeric: false },
  { key: 'country', title: 'country', numeric: false },
  { key: 'date', title: 'date', numeric: false },
  { key: 'degree', title: 'relations', numeric: true },
  { key: 'weight', title: 'weight', numeric: true },
  { key: 'pagerank', title: 'PageRank', numeric: true },
  { key: 'betweenness', title: 'betweenness', numeric: true },
  { key: 'key', title: 'key', numeric: false },
];

export const EDGE_COLUMNS: Column[] = [
  { key: 'source', title: 'from', numeric: false },
  { key: 'kind', title: 'kind', numeric: false },
  { key: 'target', title: 'to', numeric: false },
  { key: 'date', title: 'date', numeric: false },
  { key: 'status', title: 'status', numeric: false },
  { key: 'weight', title: 'weight', numeric: true },
  { key: 'sources', title: 'sources', numeric: false },
  { key: 'key', title: 'key', numeric: false },
];

function text(v: unknown): string {
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join(' ');
  return typeof v === 'string' ? v : '';
}

function labelOf(graph: AnyGraph, key: string): string {
  const l = graph.getNodeAttribute(key, 'label');
  return typeof l === 'string' ? l : key;
}

/** One row per visible node; degree and weight count visible relations only (what the table shows). */
export function nodeTable(graph: AnyGraph, v: Visibility, metrics: Metrics | null): Table {
  const degree = new Map<string, number>();
  const weight = new Map<string, number>();
  for (const e of v.edges) {
    const w = Number(graph.getEdgeAttribute(e, 'weight'));
    for (const n of [graph.source(e), graph.target(e)]) {
      degree.set(n, (degree.get(n) ?? 0) + 1);
      weight.set(n, (weight.get(n) ?? 0) + (Number.isFinite(w) && w > 0 ? w : 1));
    }
  }
  const rows: Row[] = [];
  for (const key of v.nodes) {
    const a = graph.getNodeAttributes(key);
    rows.push({
      key,
      nodes: [key],
      cells: {
        label: labelOf(graph, key),
        kind: text(a.kind),
        country: countryOf(a) ?? '',
        date: text(a.date),
        degree: degree.get(key) ?? 0,
        weight: weight.get(key) ?? 0,
        pagerank: round(metrics?.pagerank[key]),
        betweenness: round(metrics?.betweenness[key]),
        key,
      },
    });
  }
  return { columns: NODE_COLUMNS, rows };
}

export function edgeTable(graph: AnyGraph, v: Visibility): Table {
  const rows: Row[] = [];
  for (const key of v.edges) {
    const a = graph.getEdgeAttributes(key);
    const s = graph.source(key);
    const t = graph.target(key);
    const w = Number(a.weight);
    rows.push({
      key,
      nodes: [s, t],
      cells: {
        source: labelOf(graph, s),
        kind: text(a.kind),
        target: labelOf(graph, t),
        date: text(a.date),
        status: text(a.status),
        weight: Number.isFinite(w) ? w : 1,
        sources: text(a.source),
        key,
      },
    });
  }
  return { columns: EDGE_COLUMNS, rows };
}

/** Six significant digits: enough to rank, short enough to read and to diff a CSV. */
function round(v: number | undefined): number | string {
  return v === undefined ? '' : Number(v.toPrecision(6));
}

/** Rows whose cells contain every word of `query` (accents and case ignored). */
export function filterRows(rows: readonly Row[], query: string): Row[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = fold(Object.values(r.cells).join('\u0000'));
    return words.every((w) => hay.includes(w));
  });
}

/** Rows sorted by `column`; numbers numerically, text by locale with numbers inside ("n2" < "n10"); blanks last. */
export function sortRows(rows: readonly Row[], column: string, descending: boolean): Row[] {
  const dir = descending ? -1 : 1;
  return [...rows].sort((x, y) => {
    const a = x.cells[column] ?? '';
    const b = y.cells[column] ?? '';
    if (a === '' && b !== '') return 1;
    if (b === '' && a !== '') return -1;
    const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true });
    return c * dir || x.key.localeCompare(y.key);
  });
}

/**
 * RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends. A text cell starting with
 * = + - @ (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet opening the file
 * shows article text rather than running it as a formula.
 */
export function toCsv(columns: readonly Column[], rows: readonly Row[]): string {
  const field = (v: Cell): string => {
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return `"${s.replace(/"/g, '""')}"`;
  };
  const lines = [columns.map((c) => field(c.title)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => field(r.cells[c.key] ?? '')).join(','));
  return lines.join('\r\n') + '\r\n';
}
