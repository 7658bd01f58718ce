import { generateArticle } from '../src/corpus/generate.js';
import { readArticle } from '../src/read/index.js';
import { extract } from '../src/extract/index.js';
const n = 600;
const texts = Array.from({ length: n }, (_, i) => generateArticle(i, { count: n, seed: 7 }));
for (let r = 0; r < 3; r++) for (const a of texts) extract(readArticle(a.text, { id: a.id }));
