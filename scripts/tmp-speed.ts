import { generateArticle } from '../src/corpus/generate.js';
import { readArticle } from '../src/read/index.js';
import { extract } from '../src/extract/index.js';
import { detectMentions } from '../src/extract/mentions.js';
import { resolveCoreference } from '../src/extract/coref.js';
import { extractRelations } from '../src/extract/relations.js';
import { buildFragment } from '../src/extract/fragment.js';
const n = 600;
const texts = Array.from({ length: n }, (_, i) => generateArticle(i, { count: n, seed: 7 }));
const bytes = texts.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
const without = (a: ReturnType<typeof readArticle>) => { const m = detectMentions(a); resolveCoreference(m); const r = extractRelations(a, m); return buildFragment(a, m, r); };
for (const a of texts.slice(0, 50)) { extract(readArticle(a.text, { id: a.id })); without(readArticle(a.text, { id: a.id })); }
for (let round = 0; round < 4; round++) {
  let t = performance.now();
  for (const a of texts) without(readArticle(a.text, { id: a.id }));
  const w0 = (performance.now() - t) / 1000;
  t = performance.now();
  for (const a of texts) extract(readArticle(a.text, { id: a.id }));
  const w1 = (performance.now() - t) / 1000;
  console.log(`rules only ${(bytes / 1e6 / w0).toFixed(2)} MB/s, with candidates ${(bytes / 1e6 / w1).toFixed(2)} MB/s, ratio ${(w1 / w0).toFixed(2)}`);
}
