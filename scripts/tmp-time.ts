import { readArticle } from '../src/read/index.js';
import { extract } from '../src/extract/index.js';
for (const [d, t] of [
  ['2025-08-08', 'Emmanuel Macron is to be received by Donald Trump at the White House on Friday.'],
  ['2025-05-14', 'Later on Wednesday Emmanuel Macron is due to fly to Doha for a meeting with Emir Tamim bin Hamad al Thani.'],
  ['2025-12-03', 'The talks that Vladimir Putin held in the Kremlin on Tuesday with Steve Witkoff were useful, his aide has said.'],
  ['2025-05-19', 'Nella serata del 18 maggio Giorgia Meloni ha avuto una conversazione telefonica con Emmanuel Macron.'],
  ['2025-05-19', 'Nella serata del 18 maggio i leader di Italia e Francia hanno avuto una conversazione telefonica con il tycoon Donald Trump.'],
]) {
  const f = extract(readArticle(`date ${d} X. ${t}`, { id: 'x' }));
  console.log(d, f.edges.filter((e) => e.attributes.kind === 'meets').map((e) => `${e.source}~${e.target} ${e.attributes.date} ${e.attributes.status}`));
}
