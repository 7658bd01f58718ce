// Fragments as NDJSON (`kg extract --format ndjson`): one Fragment (src/graph/model.ts) per line. This
// is the exchange format between a distributed extraction (any engine that can run `extract` per
// article) and `kg merge`. A line is checked for the shape merging relies on; deeper checks would cost
// more than the merge itself.
import type { Fragment } from '../graph/model.js';
import { readJsonlRows } from './jsonl.js';

export type FragmentLine = { fragment: Fragment } | { error: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses one NDJSON line into a fragment, or says what is wrong with it. */
export function parseFragmentLine(line: string): FragmentLine {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (err) {
    return { error: `invalid JSON (${(err as Error).message.replace(/\s+/g, ' ')})` };
  }
  if (!isObject(v)) return { error: 'not a JSON object' };
  const a = v.article;
  if (!isObject(a) || typeof a.id !== 'string' || typeof a.hash !== 'string') return { error: 'no "article" with "id" and "hash"' };
  if (!Array.isArray(v.nodes) || !Array.isArray(v.edges)) return { error: `fragment "${a.id}": no "nodes" and "edges" arrays` };
  for (const n of v.nodes as unknown[]) {
    if (!isObject(n) || typeof n.key !== 'string' || !isObject(n.attributes)) return { error: `fragment "${a.id}": a node without "key" and "attributes"` };
  }
  for (const e of v.edges as unknown[]) {
    if (!isObject(e) || typeof e.key !== 'string' || typeof e.source !== 'string' || typeof e.target !== 'string' || !isObject(e.attributes)) {
      return { error: `fragment "${a.id}": an edge without "key", "source", "target" and "attributes"` };
    }
    const at = e.attributes;
    if (typeof at.kind !== 'string' || !Array.isArray(at.source) || !Array.isArray(at.evidence) || !Array.isArray(at.evidence_articles)) {
      return { error: `fragment "${a.id}": edge "${e.key}" lacks kind, source, evidence or evidence_articles` };
    }
  }
  const keys = new Set((v.nodes as { key: string }[]).map((n) => n.key));
  for (const e of v.edges as { key: string; source: string; target: string }[]) {
    if (!keys.has(e.source) || !keys.has(e.target)) return { error: `fragment "${a.id}": edge "${e.key}" points at a node the fragment lacks` };
  }
  return { fragment: v as unknown as Fragment };
}

/** The fragments of an NDJSON file, streamed, with 1-based line numbers; blank lines skipped. */
export async function* readFragmentFile(path: string): AsyncGenerator<{ line: number; result: FragmentLine }> {
  let line = 0;
  try {
    for await (const row of readJsonlRows(path)) {
      line = row.line;
      yield { line, result: parseFragmentLine(row.text) };
    }
  } catch (err) {
    yield { line, result: { error: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` } };
  }
}
