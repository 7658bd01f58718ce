// GEXF export: a streaming writer for Gephi, NetworkX and graphology-gexf.
//
// Why our own writer and not graphology-gexf's `write` (0.13.2): in 1.2draft mode it declares the viz
// namespace as "http:///www.gexf.net/1.1draft/viz" (sic), so readers looking for
// "http://www.gexf.net/1.2draft/viz" (Gephi, NetworkX) drop colours, sizes and positions; in 1.3 mode it
// writes hex colours, on which NetworkX 3.6 fails (it reads only r/g/b); it also builds the whole document in memory and knows nothing of our
// dates (GEXF dynamics) or of NetworkX's refusal of mixed graphs.
// Why not xmlbuilder2's streaming `createCB` (evaluated): on a 20 000-node / 60 000-edge graph it took
// 7.4 s for a reduced version of this document, against 0.87 s for this writer and 0.2 s for
// JSON.stringify(graph.export()) — about 35× JSON, far over our budget of 3×. It builds an object and
// validates names for every element and attribute and escapes through generic paths. GEXF is a small,
// fixed vocabulary: template strings plus one escaping regex (xml.ts) are enough.
//
// What the file contains (all orders sorted by key, so two builds are byte-identical):
// - <meta>: creator "newsgraph", keywords "newsgraph-build:ID" when the graph has a build id (pairs the
//   file with its graph.json), a description; no lastmodifieddate (it would break byte-identity).
// - <graph mode="dynamic" timeformat="date">: a node or edge with a `date` gets start/end (a day →
//   start = end = that day; a month "YYYY-MM" → its first..last day; a year → Jan 1..Dec 31; a range
//   "A/B" → A..B). Elements without a (valid) date are static: no start/end, present at all times in
//   Gephi's timeline. The original `date` string is also kept as a string attribute. NetworkX reads
//   start/end as strings (timeformat "date" maps to str there).
// - Edge direction. Our graph is mixed (meets is undirected, sanctions directed), but NetworkX refuses
//   mixed files: with defaultedgetype="directed" an edge with type="undirected" raises "Undirected edge
//   found in directed graph" (and the reverse). So by default (edgeMode 'directed') every edge is written
//   directed, source → target as stored, and a boolean edge attribute `directed` tells whether the
//   relation really has a direction. edgeMode 'mixed' additionally writes type="undirected" on the
//   undirected edges: right for Gephi and graphology-gexf (which rebuilds a mixed graph), unreadable by
//   NetworkX.
// - Attributes are declared from the values present (<attributes class="node"/"edge">, id = title =
//   attribute name, sorted): numbers → integer (all safe integers) or double, booleans → boolean,
//   arrays → liststring, strings → string; anything else (objects, mixed types) → string holding JSON.
//   `label`, `key`, `x`, `y`, `size`, `color`, and for edges `weight`, are carried by the element itself
//   or by viz elements instead.
// - Lists (aliases, evidence, source ...) are liststring values written as a JSON array of strings:
//   ["It said \"yes\", then", "b | c"]. This is the bracketed, quoted form that Gephi's list parser and
//   graphology-gexf's parser (which unescapes \" \\ \n \t \r) read back as the original array, even when
//   items contain commas, pipes or quotes — a "|"-joined string would not survive an item with a pipe.
//   NetworkX maps liststring to str: it returns that JSON text, which `json.loads` turns into a list.
// - viz:color as r/g/b (NetworkX 3.6 reads only r/g/b and fails on hex), viz:size, viz:position from
//   x/y, viz:thickness from the edge size. `viz: false` omits them, which lets the XSDs validate (they
//   declare viz elements in the wrong namespace, see shared/gexf-schema/README.md).
import type { Attributes } from 'graphology-types';
import type { KnowledgeGraph } from '../graph/create.js';
import { escapeAttr, escapeText, xmlSafe } from './xml.js';
import { compare, scanColumns } from './columns.js';

export type GexfVersion = '1.3' | '1.2draft';
export type EdgeMode = 'directed' | 'mixed';

export interface GexfOptions {
  /** Default '1.3'. */
  version?: GexfVersion;
  /** Default 'directed' (readable by NetworkX); 'mixed' marks undirected edges type="undirected". */
  edgeMode?: EdgeMode;
  /** Write viz:color/size/position/thickness. Default true. */
  viz?: boolean;
  /** Text of <meta><description>. Default: derived from the graph's name and article count. */
  description?: string;
}

type AttrType = 'boolean' | 'integer' | 'double' | 'string' | 'liststring';

interface NodeEntry {
  key: string;
  attrs: Attributes;
}

interface EdgeEntry extends NodeEntry {
  source: string;
  target: string;
  undirected: boolean;
}

interface AttrDecl {
  name: string;
  type: AttrType;
  /** Values are not all of one kind: written as a string (JSON for non-strings). */
  json: boolean;
}

const NAMESPACES: Record<GexfVersion, { gexf: string; viz: string; version: string }> = {
  '1.3': { gexf: 'http://gexf.net/1.3', viz: 'http://gexf.net/1.3/viz', version: '1.3' },
  '1.2draft': { gexf: 'http://www.gexf.net/1.2draft', viz: 'http://www.gexf.net/1.2draft/viz', version: '1.2' },
};

/** Attributes the node element or viz elements carry; never declared as attvalues. */
const NODE_RESERVED = new Set(['key', 'label', 'x', 'y', 'size', 'color']);
const EDGE_RESERVED = new Set(['label', 'weight', 'size', 'color']);

/**
 * Writes the graph as GEXF to `sink`, one chunk for the header, one per node and edge, one for the end.
 * The whole document is never built in memory (sorted key lists and one element at a time).
 */
export function writeGexf(graph: KnowledgeGraph, sink: (chunk: string) => void, opts: GexfOptions = {}): void {
  for (const chunk of gexfChunks(graph, opts)) sink(chunk);
}

/**
 * The same chunks as a lazy iterator, for writers that must wait between chunks (file streams with
 * back-pressure, see writeChunksAtomic in atomic.ts): memory stays bounded by one chunk plus the sorted keys.
 */
export function* gexfChunks(graph: KnowledgeGraph, opts: GexfOptions = {}): Generator<string, void, undefined> {
  const version = opts.version ?? '1.3';
  const edgeMode = opts.edgeMode ?? 'directed';
  const viz = opts.viz ?? true;
  const ns = NAMESPACES[version];

  // One pass to collect what each element needs (cheaper than a lookup per key), then sort by key.
  const nodes: NodeEntry[] = [];
  graph.forEachNode((key, attrs) => void nodes.push({ key, attrs }));
  nodes.sort(byKey);
  const edges: EdgeEntry[] = [];
  graph.forEachEdge((key, attrs, source, target, _sa, _ta, undirected) => void edges.push({ key, attrs, source, target, undirected }));
  edges.sort(byKey);
  const nodeDecls = prepare(declare(nodes, NODE_RESERVED));
  // `directed` is ours, computed from the edge's type; it replaces any stored attribute of that name.
  const edgeDecls = prepare(
    [...declare(edges, EDGE_RESERVED).filter((d) => d.name !== 'directed'), { name: 'directed', type: 'boolean', json: false } as AttrDecl].sort(
      (a, b) => compare(a.name, b.name),
    ),
  );
  // Memos: dates, colours and node ids repeat across many elements.
  const dates = new Map<string, string>();
  const colors = new Map<unknown, string>();
  const ids = new Map<string, string>();
  // List items: evidence sentences recur on every edge of their meeting (meets, participates_in,
  // held_in) and article ids on every edge of their article, so each is made safe, quoted and escaped
  // once: escaping lists was most of the cost of writing a corpus graph.
  const items = new Map<string, string>();
  const id = (key: string): string => {
    let e = ids.get(key);
    if (e === undefined) ids.set(key, (e = escapeAttr(key)));
    return e;
  };

  const name = graph.getAttribute('name');
  const articles = graph.getAttribute('articles');
  const nArticles = articles ? Object.keys(articles).length : 0;
  const description =
    opts.description ??
    `newsgraph knowledge graph${name ? ` "${name}"` : ''}: ${graph.order} nodes, ${graph.size} edges` +
      `${nArticles ? ` from ${nArticles} article${nArticles === 1 ? '' : 's'}` : ''}`;

  // The build id pairs this file with its graph.json (src/cli/output.ts); keywords is free text in 1.3 and 1.2draft.
  const buildAttr = graph.getAttribute('build');
  const build = typeof buildAttr === 'string' ? `    <keywords>newsgraph-build:${escapeText(buildAttr)}</keywords>\n` : '';
  let head =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<gexf xmlns="${ns.gexf}"${viz ? ` xmlns:viz="${ns.viz}"` : ''} version="${ns.version}">\n` +
    `  <meta>\n    <creator>newsgraph</creator>\n${build}    <description>${escapeText(description)}</description>\n  </meta>\n` +
    `  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n`;
  head += declarations('node', nodeDecls) + declarations('edge', edgeDecls);
  head += `    <nodes count="${nodes.length}">\n`;
  yield head;

  for (const { key, attrs: a } of nodes) {
    let s = `      <node id="${id(key)}" label="${escapeAttr(str(a.label ?? key))}"${interval(a.date, dates)}>`;
    s += attvalues(a, nodeDecls, undefined, items);
    if (viz) {
      s += vizColor(a.color, colors);
      if (finite(a.size)) s += `<viz:size value="${num(a.size)}"/>`;
      if (finite(a.x) && finite(a.y)) s += `<viz:position x="${num(a.x)}" y="${num(a.y)}"/>`;
    }
    yield s + `</node>\n`;
  }

  yield `    </nodes>\n    <edges count="${edges.length}">\n`;
  for (const { key, attrs: a, source, target, undirected } of edges) {
    let s = `      <edge id="${escapeAttr(key)}" source="${id(source)}" target="${id(target)}"`;
    if (edgeMode === 'mixed' && undirected) s += ` type="undirected"`;
    // `kind` on the element is GEXF 1.3's edge kind (Gephi's "Edge Type"); 1.2draft has no such attribute.
    if (version === '1.3' && typeof a.kind === 'string' && a.kind) s += ` kind="${escapeAttr(a.kind)}"`;
    if (typeof a.label === 'string' && a.label) s += ` label="${escapeAttr(a.label)}"`;
    if (finite(a.weight)) s += ` weight="${num(a.weight)}"`;
    s += `${interval(a.date, dates)}>`;
    s += attvalues(a, edgeDecls, !undirected, items);
    if (viz) {
      s += vizColor(a.color, colors);
      if (finite(a.size)) s += `<viz:thickness value="${num(a.size)}"/>`;
    }
    yield s + `</edge>\n`;
  }
  yield `    </edges>\n  </graph>\n</gexf>\n`;
}

/** The whole document as one string (built on writeGexf). */
export function toGexf(graph: KnowledgeGraph, opts: GexfOptions = {}): string {
  const chunks: string[] = [];
  writeGexf(graph, (c) => chunks.push(c), opts);
  return chunks.join('');
}

// ---------------------------------------------------------------------------------------------------

// Bit per kind of value seen for an attribute: cheaper than a Set per attribute on large graphs.
/** The attributes' declarations: the columns the tabular writers find (columns.ts), a list being GEXF's liststring. */
function declare(entries: readonly { attrs: Attributes }[], reserved: ReadonlySet<string>): AttrDecl[] {
  return scanColumns(entries, reserved).map((c) => ({ name: c.name, type: c.type === 'list' ? 'liststring' : c.type, json: c.json }));
}

interface PreparedDecl extends AttrDecl {
  /** `<attvalue for="NAME" value="`, escaped once. */
  open: string;
}

function prepare(decls: AttrDecl[]): PreparedDecl[] {
  return decls.map((d) => ({ ...d, open: `<attvalue for="${escapeAttr(d.name)}" value="` }));
}

function byKey(a: { key: string }, b: { key: string }): number {
  return compare(a.key, b.key);
}

function declarations(cls: 'node' | 'edge', decls: readonly AttrDecl[]): string {
  if (decls.length === 0) return '';
  let s = `    <attributes class="${cls}">\n`;
  for (const d of decls) {
    const id = escapeAttr(d.name);
    s += `      <attribute id="${id}" title="${id}" type="${d.type}"/>\n`;
  }
  return s + `    </attributes>\n`;
}

/** `directed`, when given, is the value of the computed `directed` attribute. `items`: see gexfChunks. */
function attvalues(attrs: Attributes, decls: readonly PreparedDecl[], directed: boolean | undefined, items: Map<string, string>): string {
  let s = '';
  for (const d of decls) {
    const v: unknown = directed !== undefined && d.name === 'directed' ? directed : attrs[d.name];
    if (v === undefined || v === null) continue;
    if (d.type === 'liststring' && !d.json) {
      s += d.open + listText(v as unknown[], items) + '"/>';
      continue;
    }
    const text = valueText(v, d);
    if (text === undefined) continue;
    s += d.open + escapeAttr(text) + '"/>';
  }
  return s ? `<attvalues>${s}</attvalues>` : '';
}

/**
 * A liststring value, escaped for the attribute: the JSON array of the items, each item made XML-safe
 * before JSON.stringify so that it never emits \uXXXX escapes (for controls or lone surrogates), which
 * graphology-gexf's list parser does not decode. Built item by item from the memo; this equals
 * escapeAttr(JSON.stringify(items.map(xmlSafe))), since the brackets and commas between items need no
 * escaping and no surrogate pair spans two items.
 */
function listText(list: readonly unknown[], memo: Map<string, string>): string {
  let s = '[';
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const text = typeof item === 'string' ? item : (JSON.stringify(item) ?? '');
    let e = memo.get(text);
    if (e === undefined) memo.set(text, (e = escapeAttr(JSON.stringify(xmlSafe(text)))));
    s += i === 0 ? e : ',' + e;
  }
  return s + ']';
}

function valueText(v: unknown, d: AttrDecl): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (d.json) return typeof v === 'string' ? v : JSON.stringify(v);
  switch (d.type) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'integer':
    case 'double':
      return finite(v) ? num(v) : undefined;
    default:
      return String(v);
  }
}

function vizColor(color: unknown, memo: Map<unknown, string>): string {
  let s = memo.get(color);
  if (s === undefined) {
    const rgb = typeof color === 'string' ? parseColor(color) : null;
    s = rgb ? `<viz:color r="${rgb[0]}" g="${rgb[1]}" b="${rgb[2]}"${rgb[3] === undefined ? '' : ` a="${num(rgb[3])}"`}/>` : '';
    memo.set(color, s);
  }
  return s;
}

/** #rgb, #rrggbb, #rrggbbaa, rgb(r,g,b), rgba(r,g,b,a) → channels; null for anything else (no colour written). */
export function parseColor(color: string): [number, number, number, number?] | null {
  const c = color.trim();
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (m) return [parseInt(m[1]! + m[1]!, 16), parseInt(m[2]! + m[2]!, 16), parseInt(m[3]! + m[3]!, 16)];
  m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})?$/i.exec(c);
  if (m) {
    const rgb: [number, number, number] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
    return m[4] ? [...rgb, Math.round((parseInt(m[4], 16) / 255) * 1000) / 1000] : rgb;
  }
  m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([0-9.]+)\s*)?\)$/i.exec(c);
  if (m) {
    const ch = [m[1], m[2], m[3]].map((x) => Math.min(255, Number(x))) as [number, number, number];
    const a = m[4] === undefined ? undefined : Math.min(1, Number(m[4]));
    return a === undefined || !Number.isFinite(a) ? ch : [...ch, a];
  }
  return null;
}

/** ` start=".." end=".."` for a dated element, '' for a static one. Memoised: dates repeat a lot. */
function interval(date: unknown, memo: Map<string, string>): string {
  if (typeof date !== 'string' || date === '') return '';
  let s = memo.get(date);
  if (s === undefined) {
    const b = dateBounds(date);
    s = b ? ` start="${b[0]}" end="${b[1]}"` : '';
    memo.set(date, s);
  }
  return s;
}

/**
 * The first and last day covered by a date of the model: "YYYY-MM-DD" (one day), "YYYY-MM" (a month),
 * "YYYY" (a year), or "A/B" with A and B any of those (A's first day .. B's last day). Null when there is
 * no date or it is not a real calendar date (xsd:date would reject 2026-02-30), or when B is before A.
 */
export function dateBounds(date: string): [string, string] | null {
  const d = date.trim();
  if (!d) return null;
  const slash = d.indexOf('/');
  if (slash >= 0) {
    const a = dateBounds(d.slice(0, slash));
    const b = dateBounds(d.slice(slash + 1));
    if (!a || !b || b[1] < a[0]) return null;
    return [a[0], b[1]];
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (m) {
    const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mo >= 1 && mo <= 12 && day >= 1 && day <= daysIn(y, mo) ? [d, d] : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(d);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 ? [`${d}-01`, `${d}-${String(daysIn(y, mo)).padStart(2, '0')}`] : null;
  }
  if (/^\d{4}$/.test(d)) return [`${d}-01-01`, `${d}-12-31`];
  return null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Shortest round-trip form; -0 as 0. Valid for xsd:float/double and for Python's float(). */
function num(n: number): string {
  return n === 0 ? '0' : String(n);
}


function str(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}
