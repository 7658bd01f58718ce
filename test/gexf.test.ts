import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import GraphModule from 'graphology';
import { parse } from 'graphology-gexf';
import { dateBounds, gexfChunks, parseColor, toGexf, writeGexf, type GexfOptions } from '../src/export/gexf.js';
import { writeGexfFile } from '../src/export/atomic.js';
import { applyAppearance, PALETTE } from '../src/graph/appearance.js';
import { createGraph, type KnowledgeGraph } from '../src/graph/create.js';
import { layoutGraph } from '../src/graph/layout.js';
import { UNDIRECTED_KINDS } from '../src/graph/model.js';
import { reversedCopy } from './helpers/graph-copy.js';
import { addNode, MEETING, SUMMIT, sampleGraph, selfLoopGraph } from './helpers/sample-graph.js';
import { gexfSchemaDir, hasPythonModule, requireOrSkip } from './helpers/system-tools.js';

// graphology's typings declare a default export in a CommonJS-format .d.ts: under NodeNext TypeScript
// sees the default import as the module object, while the runtime gives the Graph class. Accept both.
type GraphClass = typeof GraphModule.default;
const Graph: GraphClass = (GraphModule as unknown as { default?: GraphClass }).default ?? (GraphModule as unknown as GraphClass);

function styled(g: KnowledgeGraph): KnowledgeGraph {
  layoutGraph(g, { iterations: 50 });
  applyAppearance(g);
  return g;
}

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-gexf-'));
let fileNo = 0;
function tmpFile(text: string): string {
  const path = join(tmp, `g${fileNo++}.gexf`);
  writeFileSync(path, text);
  return path;
}

/** Independent of the writer: "#RRGGBB" → [r, g, b]. */
function hexToRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

const graphs: Record<string, () => KnowledgeGraph> = {
  sample: () => styled(sampleGraph()),
  empty: () => createGraph(),
  'self-loops': () => styled(selfLoopGraph()),
  // as kg build writes it: the build id in <meta><keywords> (src/cli/output.ts)
  'build id': () => {
    const g = styled(sampleGraph());
    g.setAttribute('build', '0123456789abcdef');
    return g;
  },
};

// ---------------------------------------------------------------------------------------------------

describe('GEXF: schema validation (xmllint)', () => {
  const schema = gexfSchemaDir();
  const skip = requireOrSkip('xmllint') || requireOrSkip(`GEXF schemas in ${schema}`, existsSync(join(schema, '1.3', 'gexf.rng')));

  function xmllint(args: string[], text: string): { ok: boolean; out: string } {
    // The RelaxNG grammar rejects xsi:schemaLocation (shared/gexf-schema/README.md); we do not write
    // it, but strip it anyway so this helper validates the same way as the README.
    const r = spawnSync('xmllint', ['--noout', ...args, tmpFile(text.replace(/ xsi:schemaLocation="[^"]*"/, ''))], { encoding: 'utf8' });
    return { ok: r.status === 0, out: r.stderr };
  }
  const rng13 = (t: string) => xmllint(['--relaxng', join(schema, '1.3', 'gexf.rng')], t);
  const xsd13 = (t: string) => xmllint(['--schema', join(schema, '1.3', 'gexf.xsd')], t);
  const rng12 = (t: string) => xmllint(['--relaxng', join(schema, '1.2draft', 'gexf.rng')], t);
  const xsd12 = (t: string) => xmllint(['--schema', join(schema, '1.2draft', 'gexf.xsd')], t);

  it.skipIf(skip)('the validator can fail (a broken document is rejected)', () => {
    const bad = toGexf(graphs.sample!()).replace('<nodes ', '<nodez ').replace('</nodes>', '</nodez>');
    expect(rng13(bad).ok).toBe(false);
    expect(rng13(toGexf(graphs.sample!()).replace('version="1.3"', 'version="9"')).ok).toBe(false);
  });

  for (const [name, make] of Object.entries(graphs)) {
    for (const edgeMode of ['directed', 'mixed'] as const) {
      it.skipIf(skip)(`${name} graph, ${edgeMode} edges: 1.3 with viz passes the RelaxNG grammar`, () => {
        const r = rng13(toGexf(make(), { edgeMode }));
        expect(r.out).toContain('validates');
        expect(r.ok).toBe(true);
      });
      it.skipIf(skip)(`${name} graph, ${edgeMode} edges: 1.3 without viz passes the XSD`, () => {
        const r = xsd13(toGexf(make(), { edgeMode, viz: false }));
        expect(r.ok, r.out).toBe(true);
      });
      it.skipIf(skip)(`${name} graph, ${edgeMode} edges: 1.2draft without viz passes the XSD and RelaxNG`, () => {
        const text = toGexf(make(), { edgeMode, version: '1.2draft', viz: false });
        expect(xsd12(text).ok, xsd12(text).out).toBe(true);
        expect(rng12(text).ok, rng12(text).out).toBe(true);
      });
    }
  }

  it.skipIf(skip)('text with control characters and lone surrogates still validates', () => {
    const g = createGraph();
    addNode(g, 'place:x\u0001y', { label: 'bad \u0000\u0008\u000B\u001F chars \uD800 lone \uDC00 and 🤝 pair\t\n', kind: 'place', aliases: ['a\u0002b', '\uDBFFz'] });
    const text = toGexf(g);
    expect(rng13(text).ok, rng13(text).out).toBe(true);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('GEXF: document structure', () => {
  it('carries the graph\'s build id in <meta><keywords>, and nothing without one', () => {
    expect(toGexf(graphs['build id']!())).toContain('<meta>\n    <creator>newsgraph</creator>\n    <keywords>newsgraph-build:0123456789abcdef</keywords>\n');
    expect(toGexf(graphs.sample!())).not.toContain('<keywords>');
  });

  it('uses the GEXF 1.3 namespaces by default and the 1.2draft ones on request', () => {
    const g = graphs.sample!();
    const t13 = toGexf(g);
    expect(t13).toContain('xmlns="http://gexf.net/1.3"');
    expect(t13).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
    expect(t13).toContain('version="1.3"');
    const t12 = toGexf(g, { version: '1.2draft' });
    expect(t12).toContain('xmlns="http://www.gexf.net/1.2draft"');
    expect(t12).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(t12).toContain('version="1.2"');
    expect(t12).not.toContain('gexf.net/1.3');
  });

  it('has meta, a dynamic date graph and typed attribute declarations', () => {
    const t = toGexf(graphs.sample!());
    expect(t).toContain('<creator>newsgraph</creator>');
    expect(t).toMatch(/<description>[^<]+<\/description>/);
    expect(t).toMatch(/<graph [^>]*mode="dynamic"/);
    expect(t).toMatch(/<graph [^>]*timeformat="date"/);
    expect(t).toContain('<attribute id="kind" title="kind" type="string"/>');
    expect(t).toContain('<attribute id="aliases" title="aliases" type="liststring"/>');
    expect(t).toContain('<attribute id="confidence" title="confidence" type="double"/>');
    expect(t).toContain('<attribute id="directed" title="directed" type="boolean"/>');
  });

  it('streams: one chunk per node and per edge, and toGexf is their concatenation', () => {
    const g = graphs.sample!();
    const chunks: string[] = [];
    writeGexf(g, (c) => chunks.push(c));
    expect(chunks.length).toBe(g.order + g.size + 3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(toGexf(g).length / 4);
    expect(chunks.join('')).toBe(toGexf(g));
    expect([...gexfChunks(g)]).toEqual(chunks);
  });

  it('is byte-identical whatever the insertion order', () => {
    const g = graphs.sample!();
    const r = reversedCopy(g);
    expect(r.nodes()).not.toEqual(g.nodes());
    expect(toGexf(r)).toBe(toGexf(g));
    expect(toGexf(r, { version: '1.2draft', edgeMode: 'mixed' })).toBe(toGexf(g, { version: '1.2draft', edgeMode: 'mixed' }));
  });

  it('writes viz colour as r/g/b, size and position', () => {
    const g = graphs.sample!();
    const t = toGexf(g);
    const a = g.getNodeAttributes('country:FRA');
    const [r, gr, b] = hexToRgb(PALETTE.nodes.country);
    const el = t.split('\n').find((l) => l.includes('<node id="country:FRA"'))!;
    expect(el).toContain(`<viz:color r="${r}" g="${gr}" b="${b}"/>`);
    expect(el).toContain(`<viz:size value="${a.size}"/>`);
    expect(el).toContain(`<viz:position x="${a.x}" y="${a.y}"/>`);
    expect(el).not.toContain('hex=');
    expect(toGexf(g, { viz: false })).not.toContain('viz:');
  });

  it('gives dated elements start/end and leaves undated ones static', () => {
    const t = toGexf(graphs.sample!());
    const line = (s: string) => t.split('\n').find((l) => l.includes(s))!;
    expect(line(`<node id="${MEETING}"`)).toContain('start="2026-03-13" end="2026-03-13"');
    expect(line(`<node id="${SUMMIT}"`)).toContain('start="2026-03-16" end="2026-03-22"');
    expect(line('<node id="meeting:2026-01:talks"')).toContain('start="2026-01-01" end="2026-01-31"');
    expect(line('<node id="meeting:undated"')).not.toMatch(/start=|end=/);
    expect(line('<node id="country:FRA"')).not.toMatch(/start=|end=/);
    expect(line('<edge id="sanctions:alliance:EU-&gt;country:RUS"')).not.toMatch(/start=|end=/);
    expect(line('<edge id="negotiates_with:')).toContain('start="2026-01-01" end="2026-01-31"');
  });

  it('dateBounds: days, months (leap years), years, ranges; null for non-dates', () => {
    expect(dateBounds('2026-03-13')).toEqual(['2026-03-13', '2026-03-13']);
    expect(dateBounds('2028-02')).toEqual(['2028-02-01', '2028-02-29']);
    expect(dateBounds('2026-02')).toEqual(['2026-02-01', '2026-02-28']);
    expect(dateBounds('2026-12')).toEqual(['2026-12-01', '2026-12-31']);
    expect(dateBounds('2026')).toEqual(['2026-01-01', '2026-12-31']);
    expect(dateBounds('2026-03-16/2026-03-22')).toEqual(['2026-03-16', '2026-03-22']);
    expect(dateBounds('2026-01/2026-02')).toEqual(['2026-01-01', '2026-02-28']);
    for (const bad of ['', 'soon', '2026-02-30', '2026-13', '2026-03-22/2026-03-16', '13/03/2026']) expect(dateBounds(bad)).toBeNull();
  });

  it('edge direction: directed mode marks nothing undirected; mixed mode marks exactly the undirected kinds', () => {
    const g = graphs.sample!();
    expect(toGexf(g)).not.toContain('type="undirected"');
    const mixed = toGexf(g, { edgeMode: 'mixed' });
    const undirectedLines = mixed.split('\n').filter((l) => l.includes('type="undirected"'));
    expect(undirectedLines.length).toBe(g.filterEdges((e) => g.isUndirected(e)).length);
    for (const l of undirectedLines) expect([...UNDIRECTED_KINDS].some((k) => l.includes(`kind="${k}"`))).toBe(true);
  });

  it('parseColor reads hex and rgb() forms and rejects others', () => {
    expect(parseColor('#0072B2')).toEqual([0, 114, 178]);
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('#00000080')).toEqual([0, 0, 0, 0.502]);
    expect(parseColor('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3, 0.5]);
    expect(parseColor('blue')).toBeNull();
  });

  it('writes a file atomically through the streaming writer', async () => {
    const g = graphs.sample!();
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-gexf-file-'));
    const path = join(dir, 'graph.gexf');
    await writeGexfFile(path, g, { version: '1.2draft' });
    expect(readFileSync(path, 'utf8')).toBe(toGexf(g, { version: '1.2draft' }));
    expect(readdirSync(dir)).toEqual(['graph.gexf']);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('GEXF: read back with graphology-gexf', () => {
  for (const opts of [{}, { version: '1.2draft' }, { edgeMode: 'mixed' }] as GexfOptions[]) {
    it(`keeps nodes, edges, labels, kinds, colours and lists (${JSON.stringify(opts)})`, () => {
      const g = graphs.sample!();
      const back = parse(Graph, toGexf(g, opts));
      expect(back.order).toBe(g.order);
      expect(back.size).toBe(g.size);
      g.forEachNode((key, a) => {
        const b = back.getNodeAttributes(key);
        expect(b.label).toBe(a.label);
        expect(b.kind).toBe(a.kind);
        const [r, gr, bl] = hexToRgb(a.color!);
        expect(b.color).toBe(`rgb(${r},${gr},${bl})`);
        expect(b.x).toBe(a.x);
        expect(b.size).toBe(a.size);
        if (a.aliases) expect(b.aliases).toEqual(a.aliases);
        if (a.participants) expect(b.participants).toEqual(a.participants);
        if (a.evidence) expect(b.evidence).toEqual(a.evidence);
      });
      g.forEachEdge((key, a, s, t, _sa, _ta, undirected) => {
        expect(back.hasEdge(key)).toBe(true);
        const b = back.getEdgeAttributes(key);
        expect(b.kind).toBe(a.kind);
        expect(b.evidence).toEqual(a.evidence);
        expect(b.source).toEqual(a.source);
        expect(b.confidence).toBe(a.confidence);
        expect(b.weight).toBe(a.weight);
        expect(b.directed).toBe(!undirected);
        expect(back.source(key)).toBe(s);
        expect(back.target(key)).toBe(t);
        expect(back.isUndirected(key)).toBe(opts.edgeMode === 'mixed' ? undirected : false);
      });
    });
  }

  it('reads self-loops and the empty graph', () => {
    const g = graphs['self-loops']!();
    const back = parse(Graph, toGexf(g));
    expect(back.order).toBe(3);
    expect(back.size).toBe(3);
    expect(back.selfLoopCount).toBe(2);
    expect(parse(Graph, toGexf(createGraph())).order).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('GEXF: read back with NetworkX', () => {
  const skip = requireOrSkip('python3 with networkx', hasPythonModule('networkx'));

  const SCRIPT = `
import json, sys, networkx as nx
try:
    G = nx.read_gexf(sys.argv[1])
except Exception as e:
    print(json.dumps({"error": str(e)})); sys.exit(0)
nodes = {n: {k: v for k, v in d.items()} for n, d in G.nodes(data=True)}
edges = [[u, v, d] for u, v, d in G.edges(data=True)]
print(json.dumps({"type": type(G).__name__, "nodes": nodes, "edges": edges, "mode": G.graph.get("mode")}))
`;
  interface NxResult {
    error?: string;
    type: string;
    mode: string;
    nodes: Record<string, Record<string, unknown> & { viz?: { color: Record<string, number>; position: Record<string, number> } }>;
    edges: [string, string, Record<string, unknown>][];
  }
  function nx(text: string): NxResult {
    const r = spawnSync('python3', ['-c', SCRIPT, tmpFile(text)], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as NxResult;
  }

  for (const version of ['1.3', '1.2draft'] as const) {
    it.skipIf(skip)(`reads the ${version} file: counts, attributes, viz, dates`, () => {
      const g = graphs.sample!();
      const r = nx(toGexf(g, { version }));
      expect(r.error).toBeUndefined();
      expect(r.type).toBe('MultiDiGraph');
      expect(r.mode).toBe('dynamic');
      expect(Object.keys(r.nodes).length).toBe(g.order);
      expect(r.edges.length).toBe(g.size);
      const macron = r.nodes['leader:emmanuel-macron']!;
      const a = g.getNodeAttributes('leader:emmanuel-macron');
      expect(macron.label).toBe(a.label);
      expect(macron.kind).toBe('leader');
      expect(JSON.parse(macron.aliases as string)).toEqual(a.aliases);
      const [red, green, blue] = hexToRgb(a.color!);
      expect(macron.viz!.color).toMatchObject({ r: red, g: green, b: blue });
      expect(macron.viz!.position.x).toBeCloseTo(a.x!, 6);
      const coalition = r.nodes['alliance:coalition-of-the-willing']!;
      expect(coalition.label).toBe('Coalition of the Willing & Friends <CoW>');
      expect(r.nodes[SUMMIT]).toMatchObject({ start: '2026-03-16', end: '2026-03-22' });
      expect(r.nodes['meeting:undated']!.start).toBeUndefined();
      const meets = r.edges.find(([, , d]) => d.kind === 'meets')!;
      expect(meets[2].directed).toBe(false);
      expect(meets[2].start).toBe('2026-03-13');
      expect(JSON.parse(meets[2].evidence as string)).toEqual(g.getEdgeAttribute(meets[2].id as string, 'evidence'));
      const sanctions = r.edges.filter(([, , d]) => d.kind === 'sanctions');
      expect(sanctions.length).toBe(2);
      for (const [u, v, d] of sanctions) {
        expect([u, v]).toEqual(['alliance:EU', 'country:RUS']);
        expect(d.directed).toBe(true);
      }
    });
  }

  it.skipIf(skip)('reads self-loops and the empty graph', () => {
    const r = nx(toGexf(graphs['self-loops']!()));
    expect(r.edges.filter(([u, v]) => u === v).length).toBe(2);
    expect(Object.keys(nx(toGexf(createGraph())).nodes).length).toBe(0);
  });

  it.skipIf(skip)('refuses mixed-mode files, which is why directed mode is the default', () => {
    expect(nx(toGexf(graphs.sample!(), { edgeMode: 'mixed' })).error).toMatch(/Undirected edge found in directed graph/);
  });
});
