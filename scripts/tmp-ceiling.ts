import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticle, articleIdFromPath } from '/work/main/src/read/index.js';
import { detectMentions } from '/work/main/src/extract/mentions.js';
import { resolveCoreference } from '/work/main/src/extract/coref.js';
import { extractRelations } from '/work/main/src/extract/relations.js';
import { buildFragment } from '/work/main/src/extract/fragment.js';
import { scoreCandidates } from '/work/main/src/extract/candidates/apply.js';
import { RULES_ONLY } from '/work/main/src/extract/candidates/scorer.js';
import { GoldMatcher, loadGoldSet } from '/work/main/scripts/lib/gold.js';
const fam = process.argv[2] ?? 'sanctions';
for (const gold of loadGoldSet('/work/shared/eval/dev')) {
  const article = readArticle(readFileSync(gold.articlePath), { id: articleIdFromPath(gold.articlePath) });
  const ments = detectMentions(article); resolveCoreference(ments);
  const rels = extractRelations(article, ments);
  const scored = scoreCandidates(article, ments, rels, RULES_ONLY);
  const fr = buildFragment(article, ments, rels);
  const nodes = new Map(fr.nodes.map((n) => [n.key, n.attributes]));
  const m = new GoldMatcher(gold);
  for (const gp of (gold as any)[fam]) {
    const hit = scored.filter((s) => s.candidate.family === fam && m.pairMatches(nodes.get(s.candidate.a.key), nodes.get(s.candidate.b.key), gp, fam === 'sanctions'));
    if (!hit.length) console.log(gold.name, 'NO CANDIDATE', gp.join(' / '));
  }
}
