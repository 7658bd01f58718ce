// The worker → main-thread form of a fragment (src/cli/wire.ts): it must decode to the same fragment,
// reuse the node object when a node comes back unchanged (that is what lets the merger skip it), and
// a merge through it must equal a merge of the plain fragments.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../src/read/index.js';
import { extract } from '../src/extract/index.js';
import { createDecoder, encodeOutcome } from '../src/cli/wire.js';
import { GraphMerger } from '../src/cli/pipeline.js';
import { toJson } from '../src/export/json.js';
import type { Fragment } from '../src/graph/model.js';

const dir = 'test/fixtures/articles';
const fragments: Fragment[] = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => extract(readArticle(readFileSync(join(dir, f)), { id: f.replace(/\.txt$/, '') })));

describe('wire form of fragments', () => {
  it('decodes to the fragment that was encoded', () => {
    const decode = createDecoder();
    for (const f of fragments) {
      const back = decode(structuredClone(encodeOutcome({ fragment: f })));
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify({ fragment: f })));
    }
  });

  it('hands back the same node object when a node comes again unchanged, a new one when it changed', () => {
    const decode = createDecoder();
    const f = fragments.find((x) => x.nodes.length > 0)!;
    const first = decode(encodeOutcome({ fragment: f })) as { fragment: Fragment };
    const again = decode(encodeOutcome({ fragment: structuredClone(f) })) as { fragment: Fragment };
    expect(again.fragment.nodes[0]).toBe(first.fragment.nodes[0]);
    const changed = structuredClone(f);
    changed.nodes[0]!.attributes.aliases = [...(changed.nodes[0]!.attributes.aliases ?? []), 'Another Name'];
    const third = decode(encodeOutcome({ fragment: changed })) as { fragment: Fragment };
    expect(third.fragment.nodes[0]).not.toBe(first.fragment.nodes[0]);
    expect(third.fragment.nodes[0]!.attributes.aliases).toContain('Another Name');
  });

  it('merged through the wire (each fragment twice under new ids), gives the graph of the plain fragments', () => {
    // every fragment is sent twice (as a second article), so that unchanged nodes are skipped on the way
    const twice = fragments.flatMap((f) => [f, { ...structuredClone(f), article: { ...f.article, id: `${f.article.id}-b`, hash: `${f.article.hash}b` } }]);
    const plain = new GraphMerger();
    for (const f of twice) plain.add(structuredClone(f), f.article.id);
    const wired = new GraphMerger();
    const decode = createDecoder();
    for (const f of twice) wired.add((decode(encodeOutcome({ fragment: f })) as { fragment: Fragment }).fragment, f.article.id);
    expect(toJson(wired.graph)).toBe(toJson(plain.graph));
  });
});
