import { readFileSync } from 'node:fs';
import { readArticle } from '../src/read/index.js';
const a = readArticle(readFileSync(process.argv[2]!), { id: 'x' });
for (const k of process.argv.slice(3)) console.log(k, a.sentences[Number(k)]!.text);
