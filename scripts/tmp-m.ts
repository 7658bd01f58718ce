import { readArticle } from '../src/read/index.js';
import { detectMentions } from '../src/extract/mentions.js';
for (const t of ['Giorgia Meloni e Emmanuel Macron. Nella serata del 18 maggio i capi di governo e di Stato di Italia e Francia hanno avuto una conversazione telefonica con Donald Trump.',
  'Giorgia Meloni and Emmanuel Macron spoke. The leaders of Italy and France then held a call with Donald Trump.',
  'Giorgia Meloni and Emmanuel Macron spoke. The French and Italian leaders then held a call with Donald Trump.', 'I leader europei hanno chiamato Trump.']) {
  const a = readArticle('date 2025-05-19 X. ' + t, { id: 'x' });
  const r = detectMentions(a);
  for (const s of r.mentions) for (const m of s) if (m.kind !== 'entity') console.log(JSON.stringify({ kind: m.kind, role: m.role, iso: m.iso, isos: m.isos, entity: m.entity, text: a.sentences[m.sentence]!.tokens.slice(m.i0, m.i1).map((x) => x.text).join(' ') }));
  console.log('--');
}
