// The formats of `kg export` (GraphML, CSV, Neo4j bulk-import CSV), each read back by a real reader —
// NetworkX and igraph (Debian's python3), Python's csv module, pandas when installed — and compared with
// the graph's own content, value by value. Also: byte-identical output whatever the insertion order, the
// Neo4j header grammar and that every relationship's ends exist, and the command line under bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Attributes } from 'graphology-types';
import { afterAll, describe, expect, it } from 'vitest';
import { csvFiles, edgeColumnName } from '../src/export/csv.js';
import { toGraphml } from '../src/export/graphml.js';
import { toJson } from '../src/export/json.js';
import { neo4jFiles, NEO4J_NODE_HEADER, NEO4J_REL_HEADER } from '../src/export/neo4j.js';
import { xmlSafe } from '../src/export/xml.js';
import { applyAppearance } from '../src/graph/appearance.js';
import { createGraph, type KnowledgeGraph } from '../src/graph/create.js';
import { layoutGraph } from '../src/graph/layout.js';
import type { NodeAttributes } from '../src/graph/model.js';
import { ENOSPC_PRELOAD, kgAsync, userErrorProblems } from './helpers/fuzz-cli.js';
import { reversedCopy } from './helpers/graph-copy.js';
import { addEdge, sampleGraph, selfLoopGraph } from './helpers/sample-graph.js';
import { DEBIAN_PYTHON, hasPythonModule, requireOrSkip } from './helpers/system-tools.js';

const work = mkdtempSync(join(tmpdir(), 'newsgraph-formats-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let fileNo = 0;
function tmpFile(text: string, ext: string): string {
  const path = join(work, `f${fileNo++}.${ext}`);
  writeFileSync(path, text);
  return path;
}

const HAZARD = 'group:hazard;"x",y';
/** An attribute holding values of several kinds (a string column holding JSON for the others). */
const MIXED = 'note';

/**
 * The sample graph laid out and coloured, plus what breaks careless writers: a label with a line break,
 * a tab, quotes, commas and a semicolon; list items with `;`, `,`, quotes, a line break, a leading `=`,
 * an empty item; an attribute of mixed kinds; a self-loop.
 */
function hazardGraph(): KnowledgeGraph {
  const g = sampleGraph();
  layoutGraph(g, { iterations: 20 });
  applyAppearance(g);
  g.addNode(HAZARD, {
    key: HAZARD,
    label: 'Line one\nline two\ttab, "quoted"; semi\r\nend',
    kind: 'group',
    aliases: ['a;b', 'c,d', 'say "hi"', 'multi\nline', '= 1+1', '', 'emoji 🤝 ok'],
    [MIXED]: 3,
  } as NodeAttributes);
  g.mergeNodeAttributes('country:FRA', { [MIXED]: 'a note, "quoted"' } as Partial<NodeAttributes>);
  addEdge(g, 'supports', HAZARD, HAZARD, { date: '2026-02', evidence: ['It supports itself; then; "again",\nand on.'], source: ['a;1', 'a2'] });
  addEdge(g, 'meets', HAZARD, 'country:FRA', { date: '2026-03-13', status: 'held', evidence: ['They met; it, "went" well.'], confidence: 0.125 });
  return g;
}

function csvText(files: { name: string; chunks: Iterable<string> }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) out[f.name] = [...f.chunks].join('');
  return out;
}

function writeDir(files: Record<string, string>): string {
  const dir = join(work, `d${fileNo++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function python(script: string, args: string[]): unknown {
  const r = spawnSync(DEBIAN_PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

// Python's json.dumps writes NaN (igraph's "no value" for numbers), which is not JSON: made None first.
const PY_CLEAN = `
import json, math, sys
def clean(d):
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in d.items()}
`;

/**
 * A value as read back from GraphML (or a CSV cell, `fromText`), against the graph's: lists are JSON
 * text, numbers and booleans typed, strings as XML can carry them (xmlSafe drops what XML 1.0 cannot).
 */
function expectSameValue(read: unknown, v: unknown, where: string, mixed = false): void {
  if (mixed) {
    expect(read, where).toBe(typeof v === 'string' ? xmlSafe(v) : JSON.stringify(v));
  } else if (Array.isArray(v)) {
    expect(typeof read, where).toBe('string');
    expect(JSON.parse(read as string), where).toEqual(v);
  } else if (typeof v === 'string') {
    expect(read, where).toBe(xmlSafe(v));
  } else {
    expect(read, where).toBe(v);
  }
}

function expectSameAttributes(read: Record<string, unknown>, attrs: Attributes, where: string, absent: (v: unknown) => boolean, emptyIsAbsent = false): void {
  for (const [name, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    // NetworkX skips a <data> element without text: an empty string is absent there
    if (emptyIsAbsent && v === '') {
      expect(read[name], `${where} ${name}`).toBeUndefined();
      continue;
    }
    expectSameValue(read[name], v, `${where} ${name}`, name === MIXED);
  }
  // nothing invented: whatever the reader has beyond the graph's attributes is its "no value"
  for (const [name, v] of Object.entries(read)) {
    if (name === 'id' || name === 'directed' || name in attrs) continue;
    expect(absent(v), `${where} ${name} = ${String(v)}`).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------------

describe('every format is byte-identical for the same graph, whatever the insertion order', () => {
  it('GraphML, CSV and Neo4j CSV', () => {
    const g = hazardGraph();
    const r = reversedCopy(g);
    expect(toGraphml(r)).toBe(toGraphml(g));
    expect(csvText(csvFiles(r))).toEqual(csvText(csvFiles(g)));
    expect(csvText(neo4jFiles(r))).toEqual(csvText(neo4jFiles(g)));
    // and it depends on the content: one changed label changes the files
    r.setNodeAttribute('country:FRA', 'label', 'République française');
    expect(toGraphml(r)).not.toBe(toGraphml(g));
    expect(csvText(csvFiles(r))['nodes.csv']).not.toBe(csvText(csvFiles(g))['nodes.csv']);
    expect(csvText(neo4jFiles(r))['nodes.csv']).not.toBe(csvText(neo4jFiles(g))['nodes.csv']);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('GraphML: read back by NetworkX (Debian python3)', () => {
  const skip = requireOrSkip(`${DEBIAN_PYTHON} with networkx`, hasPythonModule('networkx', DEBIAN_PYTHON));
  const SCRIPT = `${PY_CLEAN}
import networkx as nx
G = nx.read_graphml(sys.argv[1])
print(json.dumps({"type": type(G).__name__, "graph": clean(G.graph),
  "nodes": {n: clean(d) for n, d in G.nodes(data=True)},
  # a multigraph keeps the GraphML edge id as the edge's key, a simple graph as its "id" attribute
  "edges": [[u, v, dict(clean(d), id=k)] for u, v, k, d in G.edges(keys=True, data=True)] if G.is_multigraph()
      else [[u, v, clean(d)] for u, v, d in G.edges(data=True)]}))
`;
  interface Read {
    type: string;
    graph: Record<string, unknown>;
    nodes: Record<string, Record<string, unknown>>;
    edges: [string, string, Record<string, unknown>][];
  }

  for (const [name, make] of [['hazards', hazardGraph], ['self-loops', selfLoopGraph]] as const) {
    it.skipIf(skip)(`${name}: every node, edge and attribute`, () => {
      const g = make();
      g.setAttribute('build', '0123456789abcdef');
      const r = python(SCRIPT, [tmpFile(toGraphml(g), 'graphml')]) as Read;
      expect(r.type).toMatch(/DiGraph$/);
      expect(r.graph.build).toBe('0123456789abcdef');
      if (g.getAttribute('articles')) expect(JSON.parse(r.graph.articles as string)).toEqual(g.getAttribute('articles'));
      expect(Object.keys(r.nodes).sort()).toEqual(g.nodes().sort());
      for (const [key, read] of Object.entries(r.nodes)) expectSameAttributes(read, g.getNodeAttributes(key), key, () => false, true);
      expect(r.edges.length).toBe(g.size);
      const seen = new Set<string>();
      for (const [u, v, d] of r.edges) {
        const key = d.id as string;
        seen.add(key);
        expect([u, v]).toEqual(g.extremities(key));
        expect(d.directed, key).toBe(g.isDirected(key));
        expectSameAttributes(d, g.getEdgeAttributes(key), key, () => false, true);
      }
      expect(seen.size).toBe(g.size);
    });
  }
});

describe('GraphML: read back by igraph (Debian python3-igraph)', () => {
  const skip = requireOrSkip(`${DEBIAN_PYTHON} with igraph (python3-igraph)`, hasPythonModule('igraph', DEBIAN_PYTHON));
  const SCRIPT = `${PY_CLEAN}
import igraph as ig
g = ig.Graph.Read_GraphML(sys.argv[1])
ids = g.vs["id"]
print(json.dumps({"directed": g.is_directed(), "graph": {a: g[a] for a in g.attributes()},
  "nodes": [clean(v.attributes()) for v in g.vs],
  "edges": [[ids[e.source], ids[e.target], clean(e.attributes())] for e in g.es]}))
`;
  interface Read {
    directed: boolean;
    graph: Record<string, unknown>;
    nodes: Record<string, unknown>[];
    edges: [string, string, Record<string, unknown>][];
  }
  // igraph gives every vertex (edge) every attribute: '' or NaN (None here) where the element has none
  const igraphAbsent = (v: unknown): boolean => v === '' || v === null;

  it.skipIf(skip)('every node, edge and attribute, the parallel edges and the self-loop', () => {
    const g = hazardGraph();
    const r = python(SCRIPT, [tmpFile(toGraphml(g), 'graphml')]) as Read;
    expect(r.directed).toBe(true);
    expect(JSON.parse(r.graph.articles as string)).toEqual(g.getAttribute('articles'));
    expect(r.nodes.map((n) => n.id).sort()).toEqual(g.nodes().sort());
    for (const read of r.nodes) expectSameAttributes(read, g.getNodeAttributes(read.id as string), read.id as string, igraphAbsent);
    expect(r.edges.length).toBe(g.size);
    expect(new Set(r.edges.map(([, , d]) => d.id)).size).toBe(g.size);
    for (const [u, v, d] of r.edges) {
      const key = d.id as string;
      expect([u, v]).toEqual(g.extremities(key));
      expect(d.directed, key).toBe(g.isDirected(key));
      expectSameAttributes(d, g.getEdgeAttributes(key), key, igraphAbsent);
    }
    expect(r.edges.filter(([u, v]) => u === v).length).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------------

/** A CSV cell against the graph's value: lists are JSON arrays, absent values empty cells. */
function expectSameCell(cell: string | undefined, v: unknown, where: string, mixed = false): void {
  if (v === undefined || v === null) return void expect(cell, where).toBe('');
  if (mixed) return void expect(cell, where).toBe(typeof v === 'string' ? v : JSON.stringify(v));
  if (Array.isArray(v)) return void expect(JSON.parse(cell!), where).toEqual(v);
  if (typeof v === 'number') return void expect(Number(cell), where).toBe(v);
  if (typeof v === 'boolean') return void expect(cell, where).toBe(String(v));
  expect(cell, where).toBe(v);
}

describe('CSV: read back by Python\'s csv module', () => {
  const skip = requireOrSkip(DEBIAN_PYTHON);
  // csv.reader over files opened with newline='' (what the csv module's documentation asks): quoted line
  // breaks stay in their field. Every row must have the header's length.
  const SCRIPT = `
import csv, json, sys
out = {}
for path in sys.argv[1:]:
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, strict=True))
    out[path.rsplit('/', 1)[-1]] = rows
print(json.dumps(out))
`;

  it.skipIf(skip)('nodes.csv, edges.csv and articles.csv hold every node, edge, article and attribute', () => {
    const g = hazardGraph();
    const dir = writeDir(csvText(csvFiles(g)));
    const files = python(SCRIPT, ['nodes.csv', 'edges.csv', 'articles.csv'].map((f) => join(dir, f))) as Record<string, string[][]>;
    const table = (name: string): Record<string, string>[] => {
      const [header, ...rows] = files[name]!;
      expect(new Set(header).size, `${name}: unique column names`).toBe(header!.length);
      for (const row of rows) expect(row.length, name).toBe(header!.length);
      return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
    };

    const nodes = table('nodes.csv');
    expect(Object.keys(nodes[0]!).slice(0, 3)).toEqual(['key', 'label', 'kind']);
    expect(nodes.map((n) => n.key)).toEqual(g.nodes().sort());
    for (const row of nodes) {
      const attrs = g.getNodeAttributes(row.key!);
      for (const [name, v] of Object.entries(attrs)) expectSameCell(row[name], v, `${row.key} ${name}`, name === MIXED);
      for (const [name, cell] of Object.entries(row)) if (!(name in attrs)) expect(cell, `${row.key} ${name}`).toBe('');
    }

    const edges = table('edges.csv');
    expect(Object.keys(edges[0]!).slice(0, 5)).toEqual(['key', 'source', 'target', 'directed', 'kind']);
    expect(edges.map((e) => e.key)).toEqual(g.edges().sort());
    for (const row of edges) {
      const key = row.key!;
      expect([row.source, row.target]).toEqual(g.extremities(key));
      expect(row.directed).toBe(String(g.isDirected(key)));
      const attrs = g.getEdgeAttributes(key);
      for (const [name, v] of Object.entries(attrs)) expectSameCell(row[edgeColumnName(name)], v, `${key} ${name}`);
    }
    // the reporting articles, under the name that leaves `source` to the source node
    expect(JSON.parse(edges.find((e) => e.source === HAZARD && e.target === HAZARD)!.source_articles!)).toEqual(['a;1', 'a2']);

    const articles = table('articles.csv');
    const map = g.getAttribute('articles') as unknown as Record<string, Record<string, unknown>>;
    expect(articles.map((a) => a.id)).toEqual(Object.keys(map).sort());
    for (const row of articles) for (const [name, v] of Object.entries(map[row.id!]!)) expectSameCell(row[name], v, `${row.id} ${name}`);
  });

  it.skipIf(skip)('an empty graph: header rows only', () => {
    const files = python(SCRIPT, ['nodes.csv', 'edges.csv', 'articles.csv'].map((f) => join(writeDir(csvText(csvFiles(createGraph()))), f))) as Record<string, string[][]>;
    expect(files['nodes.csv']).toEqual([['key', 'label', 'kind']]);
    expect(files['edges.csv']).toEqual([['key', 'source', 'target', 'directed', 'kind']]);
    expect(files['articles.csv']).toEqual([['id']]);
  });
});

describe('CSV: read back by pandas, when installed', () => {
  // pandas is optional (not installed by .ci/run): its absence is a notice, on CI too.
  const hasPandas = hasPythonModule('pandas', DEBIAN_PYTHON);
  if (!hasPandas) console.warn(`\n*** NOTICE: pandas not found for ${DEBIAN_PYTHON}: the pandas reading of the CSV export is SKIPPED ***\n`);
  const SCRIPT = `
import json, sys, pandas as pd
out = {}
for path in sys.argv[1:]:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    out[path.rsplit('/', 1)[-1]] = {"columns": list(df.columns), "rows": df.to_dict(orient="records")}
print(json.dumps(out))
`;
  it.skipIf(!hasPandas)('the same tables', () => {
    const g = hazardGraph();
    const dir = writeDir(csvText(csvFiles(g)));
    const r = python(SCRIPT, [join(dir, 'nodes.csv'), join(dir, 'edges.csv')]) as Record<string, { columns: string[]; rows: Record<string, string>[] }>;
    const nodes = r['nodes.csv']!;
    expect(nodes.rows.map((n) => n.key)).toEqual(g.nodes().sort());
    for (const row of nodes.rows) expect(row.label).toBe(g.getNodeAttribute(row.key!, 'label'));
    expect(JSON.parse(nodes.rows.find((n) => n.key === HAZARD)!.aliases!)).toEqual(g.getNodeAttribute(HAZARD, 'aliases'));
    const edges = r['edges.csv']!;
    expect(edges.rows.map((e) => e.key)).toEqual(g.edges().sort());
    for (const row of edges.rows) expect(JSON.parse(row.evidence!)).toEqual(g.getEdgeAttribute(row.key!, 'evidence'));
  });
});

// ---------------------------------------------------------------------------------------------------

/** The two header lines of the README's "Past one machine" section. */
function readmeNeo4jHeaders(): { nodes: string; rels: string } {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const nodes = /^- `nodes\.csv`: `([^`]+)`/m.exec(readme)?.[1];
  const rels = /^- `rels\.csv`: `([^`]+)`/m.exec(readme)?.[1];
  expect(nodes, 'README: the nodes.csv header').toBeDefined();
  expect(rels, 'README: the rels.csv header').toBeDefined();
  return { nodes: nodes!, rels: rels! };
}

// neo4j-admin's header grammar: [name][:FIELD_TYPE[(ID space)]] or [name][:value type[[]]]
const NEO4J_FIELD = /^(?:[A-Za-z_][A-Za-z0-9_]*)?(?::(?:ID|LABEL|START_ID|END_ID|TYPE|IGNORE)(?:\([A-Za-z0-9_-]+\))?|:(?:int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(?:\[\])?)?$/;

describe('Neo4j bulk-import CSV', () => {
  const skip = requireOrSkip(DEBIAN_PYTHON);
  const g = hazardGraph();
  const files = csvText(neo4jFiles(g));
  const SCRIPT = `
import csv, json, sys
out = {}
for path in sys.argv[1:]:
    with open(path, newline='', encoding='utf-8') as f:
        out[path.rsplit('/', 1)[-1]] = list(csv.reader(f, strict=True))
print(json.dumps(out))
`;

  it('the headers are exactly the README\'s, and follow neo4j-admin\'s grammar', () => {
    const readme = readmeNeo4jHeaders();
    const nodeHeader = files['nodes.csv']!.split('\r\n')[0]!;
    const relHeader = files['rels.csv']!.split('\r\n')[0]!;
    expect(nodeHeader).toBe(readme.nodes);
    expect(relHeader).toBe(readme.rels);
    const count = (fields: string[], role: string): number => fields.filter((f) => f.endsWith(role) || f.includes(`${role}(`)).length;
    for (const [header, idRoles, forbidden] of [
      [nodeHeader, [':ID', ':LABEL'], [':START_ID', ':END_ID', ':TYPE']],
      [relHeader, [':START_ID', ':END_ID', ':TYPE'], [':ID', ':LABEL']],
    ] as const) {
      const fields = header.split(',');
      for (const f of fields) expect(f, `header field ${f}`).toMatch(NEO4J_FIELD);
      const names = fields.map((f) => f.split(':')[0]).filter((n) => n);
      expect(new Set(names).size, 'property names are unique').toBe(names.length);
      for (const role of idRoles) expect(count(fields, role), role).toBe(1);
      for (const role of forbidden) expect(fields.filter((f) => f.endsWith(role)).length, role).toBe(0);
    }
    expect([...NEO4J_NODE_HEADER].join(',')).toBe(readme.nodes);
    expect([...NEO4J_REL_HEADER].join(',')).toBe(readme.rels);
  });

  it('one physical line per row: no line break inside a value (neo4j-admin reads multi-line fields only on request)', () => {
    expect(files['nodes.csv']!.split('\r\n').length - 2).toBe(g.order);
    expect(files['rels.csv']!.split('\r\n').length - 2).toBe(g.size);
    for (const text of Object.values(files)) expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.skipIf(skip)('read by Python\'s csv module: every node, every relationship with both ends among the nodes, typed arrays', () => {
    const dir = writeDir(files);
    const read = python(SCRIPT, [join(dir, 'nodes.csv'), join(dir, 'rels.csv')]) as Record<string, string[][]>;
    const [nh, ...nodeRows] = read['nodes.csv']!;
    const [rh, ...relRows] = read['rels.csv']!;
    const oneLine = (s: string): string => s.replace(/\r\n|[\r\n]/g, ' ');
    const array = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => oneLine(String(x)).replaceAll(';', '\uFF1B')) : []);
    const cells = (header: string[], row: string[]): Record<string, string> => Object.fromEntries(header.map((h, i) => [h, row[i]!]));

    const ids = new Set<string>();
    expect(nodeRows.length).toBe(g.order);
    for (const row of nodeRows) {
      expect(row.length).toBe(nh!.length);
      const c = cells(nh!, row);
      const key = c['key:ID']!;
      expect(ids.has(key), `unique id ${key}`).toBe(false);
      ids.add(key);
      const a = g.getNodeAttributes(key) as Attributes;
      expect(c.label).toBe(oneLine(a.label as string));
      expect(c[':LABEL']).toBe(a.kind);
      for (const f of nh!) {
        const [name, type] = f.split(':');
        if (!name || name === 'key' || name === 'label') continue;
        if (type === 'string[]') expect(c[f] === '' ? [] : c[f]!.split(';'), `${key} ${f}`).toEqual(array(a[name]));
        else expect(c[f], `${key} ${f}`).toBe(a[name] === undefined ? '' : oneLine(String(a[name])));
      }
    }
    expect(ids).toEqual(new Set(g.nodes()));

    const keys = new Set<string>();
    expect(relRows.length).toBe(g.size);
    for (const row of relRows) {
      expect(row.length).toBe(rh!.length);
      const c = cells(rh!, row);
      const key = c.key!;
      keys.add(key);
      expect(ids.has(c[':START_ID']!), `${key}: start ${c[':START_ID']} is a node`).toBe(true);
      expect(ids.has(c[':END_ID']!), `${key}: end ${c[':END_ID']} is a node`).toBe(true);
      const [s, t] = g.extremities(key);
      expect([c[':START_ID'], c[':END_ID']]).toEqual(g.isUndirected(key) ? [s, t].sort() : [s, t]);
      const a = g.getEdgeAttributes(key) as Attributes;
      expect(c[':TYPE']).toBe(a.kind);
      expect(Number(c['confidence:float'])).toBe(a.confidence);
      expect(Number(c['weight:int'])).toBe(a.weight);
      expect(Number.isInteger(Number(c['weight:int']))).toBe(true);
      for (const f of ['evidence:string[]', 'evidence_articles:string[]', 'source:string[]']) {
        expect(c[f] === '' ? [] : c[f]!.split(';'), `${key} ${f}`).toEqual(array(a[f.split(':')[0]!]));
      }
      expect(c.meeting).toBe((a.meeting as string | undefined) ?? '');
    }
    expect(keys).toEqual(new Set(g.edges()));
  });
});

// ---------------------------------------------------------------------------------------------------

describe.concurrent('kg export: the command line', () => {
  const g = hazardGraph();
  g.setAttribute('build', 'feedfacecafebeef');
  const dir = join(work, 'cli');
  mkdirSync(dir, { recursive: true });
  const graphFile = join(dir, 'graph.json');
  writeFileSync(graphFile, toJson(g));

  it('writes each format, byte-identical to the writers, from the file or its directory', async () => {
    const out = join(work, 'cli-out');
    const gm = await kgAsync(['export', graphFile, '--format', 'graphml', '--out', join(out, 'g.graphml')]);
    // the directory of the graphml file does not exist yet: a one-line error, nothing written
    expect(userErrorProblems(gm, /cannot write .*g\.graphml: no such directory/)).toEqual([]);
    mkdirSync(out, { recursive: true });
    const r1 = await kgAsync(['export', graphFile, '--format', 'graphml', '--out', join(out, 'g.graphml')]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(readFileSync(join(out, 'g.graphml'), 'utf8')).toBe(toGraphml(g));
    const r2 = await kgAsync(['export', dir, '--format', 'csv', '--out', join(out, 'csv')]);
    expect(r2.code, r2.stderr).toBe(0);
    for (const [name, text] of Object.entries(csvText(csvFiles(g)))) expect(readFileSync(join(out, 'csv', name), 'utf8')).toBe(text);
    const r3 = await kgAsync(['export', graphFile, '--format', 'neo4j', '--out', join(out, 'neo4j')]);
    expect(r3.code, r3.stderr).toBe(0);
    for (const [name, text] of Object.entries(csvText(neo4jFiles(g)))) expect(readFileSync(join(out, 'neo4j', name), 'utf8')).toBe(text);
    // the hazard graph has `;` in list items: said on stderr
    expect(r3.stderr).toMatch(/list item\(s\) contained ';'/);
    expect(readdirSync(out).sort()).toEqual(['csv', 'g.graphml', 'neo4j']);
  });

  it('an unknown format: one line, exit 1, nothing written', async () => {
    const out = join(work, 'cli-unknown');
    const r = await kgAsync(['export', graphFile, '--format', 'xlsx', '--out', out]);
    expect(userErrorProblems(r, /^kg: unknown format 'xlsx' \(expected graphml, csv, neo4j\)\n$/)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  const bad: [string, () => string, RegExp][] = [
    ['a missing graph', () => join(work, 'nope.json'), /nope\.json: no such file/],
    ['a directory without graph.json', () => (mkdirSync(join(work, 'empty-dir'), { recursive: true }), join(work, 'empty-dir')), /empty-dir\/graph\.json: no such file/],
    ['JSON that is not a graph', () => tmpFile('{"hello": "world"}', 'json'), /not a newsgraph graph: no "nodes" array/],
    ['a truncated graph.json', () => tmpFile(toJson(g).slice(0, 2000), 'json'), /not a newsgraph graph/],
    ['a binary file', () => { const p = join(work, 'bin.json'); writeFileSync(p, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0xff, 0xfe])); return p; }, /not a newsgraph graph: invalid JSON/],
    ['an edge to a missing node', () => tmpFile(toJson(g).replace('"source":"country:FRA"', '"source":"country:XXX"'), 'json'), /not a newsgraph graph/],
  ];
  for (const [name, input, message] of bad) {
    it(`${name}: one line, exit 1, nothing written`, async () => {
      const out = join(work, `cli-bad-${fileNo++}`);
      const r = await kgAsync(['export', input(), '--format', 'csv', '--out', out]);
      expect(userErrorProblems(r, message)).toEqual([]);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('an output directory under a regular file: one line, exit 1', async () => {
    const file = tmpFile('x', 'txt');
    const r = await kgAsync(['export', graphFile, '--format', 'neo4j', '--out', join(file, 'sub')]);
    expect(userErrorProblems(r, /cannot create .*sub: ENOTDIR/)).toEqual([]);
  });

  it('a full disk (ENOSPC on every write): one line, exit 1, the previous files intact, no temporary file', async () => {
    const out = join(work, 'cli-enospc');
    mkdirSync(out);
    writeFileSync(join(out, 'nodes.csv'), 'previous nodes\r\n');
    writeFileSync(join(out, 'edges.csv'), 'previous edges\r\n');
    const r = await kgAsync(['export', graphFile, '--format', 'csv', '--out', out], { preload: [ENOSPC_PRELOAD] });
    expect(userErrorProblems(r, /cannot write .*nodes\.csv: no space left on device/)).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['edges.csv', 'nodes.csv']);
    expect(readFileSync(join(out, 'nodes.csv'), 'utf8')).toBe('previous nodes\r\n');
    expect(readFileSync(join(out, 'edges.csv'), 'utf8')).toBe('previous edges\r\n');
    const gm = await kgAsync(['export', graphFile, '--format', 'graphml', '--out', join(out, 'g.graphml')], { preload: [ENOSPC_PRELOAD] });
    expect(userErrorProblems(gm, /cannot write .*g\.graphml: no space left on device/)).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['edges.csv', 'nodes.csv']);
  });

  it('--help names the formats', async () => {
    const r = await kgAsync(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/graphml, csv, neo4j/);
    expect(r.stdout).toMatch(/--out <path>/);
  });
});
