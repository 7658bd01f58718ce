import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeError, writeFileAtomic } from '../src/export/atomic.js';
import { fromJson, fromJsonLines, isJsonLinesLayout, jsonChunks, toJson } from '../src/export/json.js';
import { isUserError, UserError } from '../src/errors.js';
import { applyAppearance } from '../src/graph/appearance.js';
import { createGraph } from '../src/graph/create.js';
import { layoutGraph } from '../src/graph/layout.js';
import { reversedCopy } from './helpers/graph-copy.js';
import { sampleGraph, selfLoopGraph } from './helpers/sample-graph.js';

function styledSample() {
  const g = sampleGraph();
  layoutGraph(g, { iterations: 50 });
  applyAppearance(g);
  return g;
}

describe('toJson', () => {
  it('is graphology serialization: graph.import() of it gives back the same graph', () => {
    const g = styledSample();
    const data = JSON.parse(toJson(g));
    const back = createGraph();
    back.import(data);
    expect(back.order).toBe(g.order);
    expect(back.size).toBe(g.size);
    g.forEachNode((k, a) => expect(back.getNodeAttributes(k)).toEqual(a));
    g.forEachEdge((k, a, s, t, _sa, _ta, undirected) => {
      expect(back.getEdgeAttributes(k)).toEqual(a);
      expect(back.extremities(k)).toEqual([s, t]);
      expect(back.isUndirected(k)).toBe(undirected);
    });
    expect(back.getAttributes()).toEqual(g.getAttributes());
  });

  it('is byte-identical whatever the insertion order of nodes, edges and attributes', () => {
    const g = styledSample();
    expect(toJson(reversedCopy(g))).toBe(toJson(g));
    expect(toJson(g)).toBe(toJson(styledSample()));
  });

  it('lists nodes and edges sorted by key, one per line', () => {
    const data = JSON.parse(toJson(styledSample())) as { nodes: { key: string }[]; edges: { key: string }[] };
    const keys = data.nodes.map((n) => n.key);
    expect(keys).toEqual([...keys].sort());
    const ekeys = data.edges.map((e) => e.key);
    expect(ekeys).toEqual([...ekeys].sort());
    expect(toJson(styledSample()).split('\n').length).toBeGreaterThan(data.nodes.length + data.edges.length);
  });

  it('round-trips through fromJson, including self-loops and the empty graph', () => {
    for (const g of [styledSample(), selfLoopGraph(), createGraph()]) {
      const text = toJson(g);
      expect(toJson(fromJson(text))).toBe(text);
    }
    const back = fromJson(toJson(styledSample()));
    expect(back.type).toBe('mixed');
    expect(back.multi).toBe(true);
  });
});

describe('fromJson', () => {
  const cases: [string, string][] = [
    ['not json {', 'invalid JSON'],
    ['[1,2]', 'top level'],
    ['{"nodes": []}', '"edges"'],
    ['{"nodes": [{"key": "a", "attributes": {"label": "A"}}], "edges": []}', 'kind'],
    ['{"nodes": [{"attributes": {"label": "A", "kind": "place"}}], "edges": []}', 'key'],
    ['{"nodes": [{"key": "a", "attributes": {"label": "A", "kind": "place"}}], "edges": [{"source": "a", "target": "b", "attributes": {"kind": "meets"}}]}', 'b'],
    ['{"nodes": [], "edges": [{"source": "a", "attributes": {"kind": "meets"}}]}', 'source/target'],
  ];
  for (const [text, hint] of cases) {
    it(`rejects ${text.slice(0, 40)} with a one-line UserError`, () => {
      let err: unknown;
      try {
        fromJson(text);
      } catch (e) {
        err = e;
      }
      expect(isUserError(err)).toBe(true);
      const msg = (err as UserError).message;
      expect(msg.startsWith('not a newsgraph graph: ')).toBe(true);
      expect(msg).toContain(hint);
      expect(msg).not.toContain('\n');
    });
  }
});

describe('writeFileAtomic', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'newsgraph-atomic-'));

  it('writes strings and streamed chunks, leaving no temporary file', async () => {
    const d = dir();
    await writeFileAtomic(join(d, 'a.json'), 'hello é 🤝');
    await writeFileAtomic(join(d, 'b.txt'), async (write) => {
      for (let i = 0; i < 1000; i++) await write(`line ${i}\n`);
    });
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('hello é 🤝');
    expect(readFileSync(join(d, 'b.txt'), 'utf8').split('\n').length).toBe(1001);
    expect(readdirSync(d).sort()).toEqual(['a.json', 'b.txt']);
  });

  it('replaces an existing file', async () => {
    const d = dir();
    const p = join(d, 'g.json');
    writeFileSync(p, 'old');
    await writeFileAtomic(p, 'new');
    expect(readFileSync(p, 'utf8')).toBe('new');
  });

  it('keeps the previous file and removes the temporary one when the writer fails', async () => {
    const d = dir();
    const p = join(d, 'g.gexf');
    writeFileSync(p, 'previous');
    const boom = new Error('boom');
    await expect(
      writeFileAtomic(p, async (write) => {
        await write('partial');
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(readFileSync(p, 'utf8')).toBe('previous');
    expect(readdirSync(d)).toEqual(['g.gexf']);
  });

  it('reports a missing directory as a one-line UserError', async () => {
    const p = join(dir(), 'missing', 'graph.json');
    await expect(writeFileAtomic(p, 'x')).rejects.toThrow(new UserError(`cannot write ${p}: no such directory`));
    await expect(writeFileAtomic(p, async (w) => w('x'))).rejects.toSatisfy(isUserError);
  });

  it('reports a path through a file as a UserError', async () => {
    const d = dir();
    writeFileSync(join(d, 'file'), '');
    await expect(writeFileAtomic(join(d, 'file', 'g.json'), 'x')).rejects.toSatisfy(isUserError);
  });

  it('reports permission problems as a UserError (real when not root, simulated otherwise)', async () => {
    const e = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    expect(writeError('out/graph.json', e)).toEqual(new UserError('cannot write out/graph.json: permission denied'));
    const full = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    expect((writeError('out/graph.gexf', full) as Error).message).toBe('cannot write out/graph.gexf: no space left on device');
    const bug = new TypeError('x');
    expect(writeError('p', bug)).toBe(bug);
    if (process.getuid?.() !== 0) {
      const d = dir();
      chmodSync(d, 0o500);
      await expect(writeFileAtomic(join(d, 'g.json'), 'x')).rejects.toThrow('permission denied');
      chmodSync(d, 0o700);
    }
  });
});

describe('fromJsonLines (graph.json read line by line, for files beyond the longest string)', () => {
  it('reads back what toJson and jsonChunks write, byte for byte, including self-loops and the empty graph', async () => {
    for (const g of [styledSample(), selfLoopGraph(), createGraph()]) {
      const text = [...jsonChunks(g)].join('');
      expect(text).toBe(toJson(g));
      expect(isJsonLinesLayout(text.slice(0, text.indexOf('\n')))).toBe(true);
      expect(toJson(await fromJsonLines(text.split('\n')))).toBe(text);
    }
  });

  it('refuses a truncated file, a broken element, a dangling edge and another layout, naming the line', async () => {
    const text = toJson(styledSample());
    const lines = text.split('\n');
    const errorOf = async (ls: string[]): Promise<string> => {
      try {
        await fromJsonLines(ls);
      } catch (err) {
        expect(isUserError(err)).toBe(true);
        return (err as Error).message;
      }
      return 'no error';
    };
    expect(await errorOf(lines.slice(0, -3))).toMatch(/truncated/);
    const broken = [...lines];
    broken[4] = broken[4]!.slice(0, 20);
    expect(await errorOf(broken)).toMatch(/line 5: invalid JSON/);
    const edgeAt = lines.indexOf('"edges":[') + 1;
    const dangling = [...lines];
    dangling[edgeAt] = dangling[edgeAt]!.replace(/"source":"[^"]*"/, '"source":"country:XXX"');
    expect(await errorOf(dangling)).toMatch(/not in the graph/);
    expect(await errorOf([JSON.stringify(JSON.parse(text))])).toMatch(/line 1/);
  });
});
