// What the tabular and GraphML writers need before their first row: the graph's nodes and edges sorted by
// key (so the output is byte-identical whatever the insertion order), and the attributes present with one
// type each (typed GraphML keys, CSV columns). The GEXF writer has its own copy of the type scan
// (gexf.ts), left untouched so its bytes cannot change.
import type { Attributes } from 'graphology-types';
import type { KnowledgeGraph } from '../graph/create.js';
import { stableStringify } from './json.js';

export type ColumnType = 'boolean' | 'integer' | 'double' | 'string' | 'list';

export interface Column {
  name: string;
  type: ColumnType;
  /** Values of several kinds (or objects): written as text, JSON for anything but a string. */
  json: boolean;
}

export interface NodeEntry {
  key: string;
  attrs: Attributes;
}

export interface EdgeEntry extends NodeEntry {
  source: string;
  target: string;
  undirected: boolean;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedNodes(graph: KnowledgeGraph): NodeEntry[] {
  const nodes: NodeEntry[] = [];
  graph.forEachNode((key, attrs) => void nodes.push({ key, attrs }));
  return nodes.sort((a, b) => compare(a.key, b.key));
}

export function sortedEdges(graph: KnowledgeGraph): EdgeEntry[] {
  const edges: EdgeEntry[] = [];
  graph.forEachEdge((key, attrs, source, target, _sa, _ta, undirected) => void edges.push({ key, attrs, source, target, undirected }));
  return edges.sort((a, b) => compare(a.key, b.key));
}

// Bit per kind of value seen for an attribute: cheaper than a Set per attribute on large graphs.
const STRING = 1;
const NUMBER = 2;
const BOOLEAN = 4;
const ARRAY = 8;
const OTHER = 16;

/**
 * The attributes present on the entries (undefined and null count as absent), sorted by name, except
 * `skip`. One type per attribute: boolean, integer (all safe integers), double, list (all arrays), or
 * string — which also takes attributes whose values are of several kinds, marked `json`.
 */
export function scanColumns(entries: readonly { attrs: Attributes }[], skip: ReadonlySet<string> = new Set()): Column[] {
  const seen = new Map<string, { kinds: number; allSafeInt: boolean }>();
  for (const { attrs } of entries) {
    for (const name in attrs) {
      const v: unknown = attrs[name];
      if (v === undefined || v === null || skip.has(name)) continue;
      let entry = seen.get(name);
      if (!entry) seen.set(name, (entry = { kinds: 0, allSafeInt: true }));
      switch (typeof v) {
        case 'string':
          entry.kinds |= STRING;
          break;
        case 'number':
          entry.kinds |= NUMBER;
          if (entry.allSafeInt && !Number.isSafeInteger(v)) entry.allSafeInt = false;
          break;
        case 'boolean':
          entry.kinds |= BOOLEAN;
          break;
        default:
          entry.kinds |= Array.isArray(v) ? ARRAY : OTHER;
      }
    }
  }
  const columns: Column[] = [];
  for (const [name, { kinds, allSafeInt }] of seen) {
    let type: ColumnType = 'string';
    if (kinds === BOOLEAN) type = 'boolean';
    else if (kinds === NUMBER) type = allSafeInt ? 'integer' : 'double';
    else if (kinds === ARRAY) type = 'list';
    columns.push({ name, type, json: type === 'string' && kinds !== STRING });
  }
  return columns.sort((a, b) => compare(a.name, b.name));
}

/** Shortest round-trip form of a finite number (-0 as 0); undefined for NaN and infinities. */
export function numberText(v: unknown): string | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  return v === 0 ? '0' : String(v);
}

/** Escapes a cell's text for its file (XML text, CSV quoting); the identity when there is nothing to do. */
export type Escape = (text: string) => string;

const asIs: Escape = (text) => text;

/**
 * A list as a JSON array, with each item's JSON text memoised, escaped: evidence sentences recur on every
 * edge of their meeting and article ids on every edge of their article (see the same memo in gexf.ts).
 * `escape` must leave `[`, `,` and `]` alone, so that escaping item by item equals escaping the whole.
 */
export function listJson(list: readonly unknown[], memo: Map<unknown, string>, escape: Escape = asIs): string {
  let s = '[';
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    let e = memo.get(item);
    if (e === undefined) memo.set(item, (e = escape(stableStringify(item) ?? 'null')));
    s += i === 0 ? e : ',' + e;
  }
  return s + ']';
}

/**
 * The text of a value in a column, escaped, or undefined when the element has none (an empty cell, no
 * <data>). Lists are JSON arrays (json.loads / JSON.parse give them back); mixed-kind columns hold JSON
 * for anything that is not a string. A memo is for one escape function only.
 */
export function cellText(v: unknown, column: Column, memo: Map<unknown, string>, escape: Escape = asIs): string | undefined {
  if (v === undefined || v === null) return undefined;
  // object keys sorted: the bytes depend on the content only, not on the order keys were set in
  if (column.json) return escape(typeof v === 'string' ? v : stableStringify(v));
  switch (column.type) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'integer':
    case 'double':
      return numberText(v);
    case 'list':
      return Array.isArray(v) ? listJson(v, memo, escape) : undefined;
    default:
      return escape(typeof v === 'string' ? v : String(v));
  }
}
