// JSON Lines rows with byte offsets: a build keeps only the offsets and re-reads each row when it
// extracts it, so the offsets must point at exactly the row's bytes, whatever the line breaks, the
// characters (multi-byte UTF-8) and the chunk boundaries of the stream.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonlRow, readJsonlRows, type JsonlRow } from '../src/corpus/jsonl.js';

const dir = mkdtempSync(join(tmpdir(), 'jsonl-rows-'));

async function rowsOf(content: string | Buffer): Promise<{ file: string; rows: JsonlRow[] }> {
  const file = join(dir, `f${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, content);
  const rows: JsonlRow[] = [];
  for await (const r of readJsonlRows(file)) rows.push(r);
  return { file, rows };
}

describe('readJsonlRows', () => {
  it('numbers lines counting blank ones, strips CR, keeps a last row without a line break', async () => {
    const { file, rows } = await rowsOf('{"id":"a","text":"Già è così"}\r\n\n  \n{"id":"b","text":"x"}');
    expect(rows.map((r) => [r.line, r.text])).toEqual([
      [1, '{"id":"a","text":"Già è così"}'],
      [4, '{"id":"b","text":"x"}'],
    ]);
    for (const r of rows) {
      const again = readJsonlRow(file, r.offset, r.length);
      expect(again).toEqual({ record: JSON.parse(r.text) });
    }
  });

  it('finds rows longer than a stream chunk (1 MiB) and rows that straddle chunk boundaries', async () => {
    const long = 'è'.repeat(700_000); // 1.4 MB in UTF-8
    const lines = [0, 1, 2, 3].map((i) => JSON.stringify({ id: `r${i}`, text: i % 2 ? long : `short ${i}` }));
    const { file, rows } = await rowsOf(lines.join('\n') + '\n');
    expect(rows.map((r) => r.text)).toEqual(lines);
    for (const r of rows) {
      const again = readJsonlRow(file, r.offset, r.length);
      expect('record' in again && again.record.text).toBe(JSON.parse(r.text).text);
    }
  });

  it('reports a row that is gone when it is read again', async () => {
    const { file, rows } = await rowsOf('{"id":"a","text":"x"}\n');
    writeFileSync(file, '{}');
    expect(readJsonlRow(file, rows[0]!.offset, rows[0]!.length)).toHaveProperty('error');
  });
});
