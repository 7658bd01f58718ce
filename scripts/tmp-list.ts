import { readFileSync } from 'node:fs';
import { readArticle, articleIdFromPath } from '../src/read/index.js';
import { detectMentions } from '../src/extract/mentions.js';
import { resolveCoreference } from '../src/extract/coref.js';
import { extractRelations } from '../src/extract/relations.js';
import { buildFragment } from '../src/extract/fragment.js';
import { scoreCandidates } from '../src/extract/candidates/apply.js';
import { defaultRelationModel } from '../src/extract/candidates/scorer.js';
import { GoldMatcher, loadGoldSet } from './lib/gold.js';
const fam = process.argv[2] ?? 'sanctions';
const model = defaultRelationModel();
for (const gold of loadGoldSet('/work/shared/eval/dev')) {
  const article = readArticle(readFileSync(gold.articlePath), { id: articleIdFromPath(gold.articlePath) });
  const ments = detectMentions(article); resolveCoreference(ments);
  const rels = extractRelations(article, ments);
  const scored = scoreCandidates(article, ments, rels, model);
  const fr = buildFragment(article, ments, rels);
  const nodes = new Map(fr.nodes.map((n) => [n.key, n.attributes]));
  const m = new GoldMatcher(gold);
  const best = new Map<string, typeof scored[0]>();
  for (const s of scored) if (s.candidate.family === fam && !s.byRules && (!best.has(s.key) || best.get(s.key)!.p < s.p)) best.set(s.key, s);
  for (const s of best.values()) {
    const lab = (gold as any)[fam].some((gp: any) => m.pairMatches(nodes.get(s.candidate.a.key), nodes.get(s.candidate.b.key), gp, fam === 'sanctions')) ? 'POS' : (gold.also_ok as any)[fam]?.some((gp: any) => m.pairMatches(nodes.get(s.candidate.a.key), nodes.get(s.candidate.b.key), gp, fam === 'sanctions')) ? 'ok ' : 'neg';
    if (s.p > 0.3 || lab === 'POS') console.log(lab, s.p.toFixed(2), gold.name, s.key, '|', article.sentences[s.candidate.sentence]!.text.slice(0, 160).replace(/\n/g, ' '));
  }
}
