import { readFileSync } from 'node:fs';
import { readArticle, articleIdFromPath } from '../src/read/index.js';
import { detectMentions } from '../src/extract/mentions.js';
import { resolveCoreference } from '../src/extract/coref.js';
import { extractRelations } from '../src/extract/relations.js';
import { buildFragment } from '../src/extract/fragment.js';
import { scoreCandidates } from '../src/extract/candidates/apply.js';
import { RULES_ONLY } from '../src/extract/candidates/scorer.js';
import { GoldMatcher, loadGoldSet } from './lib/gold.js';
let P = 0, N = 0;
for (const gold of loadGoldSet('/work/shared/eval/dev')) {
  const article = readArticle(readFileSync(gold.articlePath), { id: articleIdFromPath(gold.articlePath) });
  const ments = detectMentions(article); resolveCoreference(ments);
  const rels = extractRelations(article, ments);
  const scored = scoreCandidates(article, ments, rels, RULES_ONLY);
  const fr = buildFragment(article, ments, rels);
  const nodes = new Map(fr.nodes.map((n) => [n.key, n.attributes]));
  const m = new GoldMatcher(gold);
  const seen = new Set<string>();
  for (const s of scored) {
    if (s.candidate.family !== 'sanctions' || s.byRules) continue;
    const f = s.features;
    const frame = (f.imposerBeforeCue || f.imposerAfterCue) && f.targetFrame;
    if (!frame) continue;
    const pos = gold.sanctions.some((gp) => m.pairMatches(nodes.get(s.candidate.a.key), nodes.get(s.candidate.b.key), gp, true));
    const ok = (gold.also_ok.sanctions ?? []).some((gp) => m.pairMatches(nodes.get(s.candidate.a.key), nodes.get(s.candidate.b.key), gp, true));
    if (seen.has(s.key)) continue; seen.add(s.key);
    if (pos) P++; else if (!ok) N++;
    console.log(pos ? 'POS' : ok ? 'ok ' : 'neg', gold.name, s.key, '|', article.sentences[s.candidate.sentence]!.text.slice(0, 140).replace(/\n/g, ' '));
  }
}
console.log({ P, N });
