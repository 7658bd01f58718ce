// Candidate relations: every pair of actor mentions that share a sentence with an event cue of a family
// (meets, negotiates, sanctions) becomes a candidate, whatever the slots of the rules say. features.ts describes
// each candidate, scorer.ts weighs it; the rules' own findings stay (see apply.ts).
import type { Article, Sentence } from '../../read/types.js';
import type { Mention, MentionResult } from '../mentions.js';
import { loadLexicon, type Lexicon } from '../lexicon.js';
import { loadEventCues, type CueFamily, type CueMatch } from './cues.js';

/** One actor mention as a candidate end: one of the entities it stands for. */
export interface CandidateEnd {
  key: string;
  mention: Mention;
}

/** A pair of actors in one sentence with a cue of `family` (ordered for sanctions: imposer, target). */
export interface Candidate {
  family: CueFamily;
  sentence: number;
  a: CandidateEnd;
  b: CandidateEnd;
  /** The family's cues in the sentence. */
  cues: CueMatch[];
  /** Every actor end of the sentence (the list the pair was taken from). */
  ends: CandidateEnd[];
  /** `a` is named in the sentence before (a meeting told over two sentences: "X was represented by A and B. Facing them were C and D."). */
  cross: boolean;
}

/** Above this many distinct actors a sentence is a list of names, not one event among all of them. */
const MAX_ACTORS = 12;

export function candidateEnds(mentions: readonly Mention[]): CandidateEnd[] {
  const out: CandidateEnd[] = [];
  for (const m of mentions) {
    if (m.modifier || m.location || m.adjectival || m.entityKind === 'place' || m.refs.length === 0) continue;
    for (const key of m.refs) {
      if (key.startsWith('place:') || key.startsWith('meeting:')) continue;
      out.push({ key, mention: m });
    }
  }
  return out;
}

/** The event cues of a sentence that neither a name holds nor a negation or a wish governs. */
export function sentenceCues(article: Article, s: Sentence, mentions: readonly Mention[]): CueMatch[] {
  const lex = loadLexicon(article.lang);
  return loadEventCues(article.lang).find(s.tokens).filter((c) => !insideMention(c, mentions) && !negatedOrHypothetical(s, c, lex));
}

export function sentenceCandidates(article: Article, s: Sentence, mentions: readonly Mention[], found?: CueMatch[]): Candidate[] {
  const ends = candidateEnds(mentions);
  if (ends.length < 2 || new Set(ends.map((e) => e.key)).size > MAX_ACTORS) return [];
  const cues = found ?? sentenceCues(article, s, mentions);
  if (cues.length === 0) return [];
  const out: Candidate[] = [];
  for (const family of ['meets', 'negotiates', 'sanctions'] as const) {
    const fam = cues.filter((c) => c.family === family);
    if (fam.length === 0) continue;
    const seen = new Set<string>();
    for (let x = 0; x < ends.length; x++) {
      for (let y = 0; y < ends.length; y++) {
        if (x === y) continue;
        const a = ends[x]!;
        const b = ends[y]!;
        if (a.key === b.key) continue;
        // people meet: a state or an organisation meets through its people (the rules read delegations and summits)
        if (family === 'meets' && !(a.key.startsWith('leader:') && b.key.startsWith('leader:'))) continue;
        // undirected families: one candidate per pair, the first-named end first
        if (family !== 'sanctions' && (a.mention.i0 > b.mention.i0 || (a.mention.i0 === b.mention.i0 && x > y))) continue;
        const id = `${a.key}|${b.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ family, sentence: s.index, a, b, cues: fam, ends, cross: false });
      }
    }
  }
  return out;
}

/** How far before a cue a negation or a word of willingness still governs it ("no talks", "non ha incontrato", "ready to meet"). */
const GOVERNS = 4;

/**
 * A cue the sentence denies or only wishes for is no event: "No meeting ... is planned", "non incontrerà",
 * "said he was ready to meet", "disposto a negoziare", "might attend", "smentito". The rules read these (relations.ts); a
 * candidate must not bring them back, and 40 articles are too few for the scorer to learn it.
 */
function negatedOrHypothetical(s: Sentence, c: CueMatch, lex: Lexicon): boolean {
  const from = Math.max(0, c.i0 - GOVERNS);
  if (lex.cues.negation.within(s.tokens, from, c.i0) || lex.cues.hypothetical.within(s.tokens, from, c.i0) || lex.cues.modal.within(s.tokens, from, c.i0)) return true;
  return lex.cues.denial.within(s.tokens, 0, s.tokens.length) || cancelledAfter(s, c, lex);
}

/**
 * A cancellation word just after the cue ("the talks were postponed", "il vertice è stato rinviato") — not one that
 * is the verb of a purpose clause ("struck deals with Mexico to put off the tariffs", "un accordo per rinviare i dazi").
 */
function cancelledAfter(s: Sentence, c: CueMatch, lex: Lexicon): boolean {
  const end = Math.min(s.tokens.length, c.i1 + 8);
  for (let k = c.i1; k < end; k++) {
    if (lex.cues.cancel.at(s.tokens, k) < 0) continue;
    const prev = s.tokens[k - 1]?.norm ?? '';
    if (!lex.infinitiveMarkers.has(prev) && !lex.purposePrepositions.has(prev)) return true;
  }
  return false;
}

/** "Vertice Nato" as a name, a cue word inside a person's or organisation's name, is no cue. */
function insideMention(c: CueMatch, mentions: readonly Mention[]): boolean {
  return mentions.some((m) => c.i0 >= m.i0 && c.i1 <= m.i1);
}

export function articleCandidates(article: Article, ments: MentionResult): Candidate[] {
  const out: Candidate[] = [];
  let prev: { people: CandidateEnd[]; paragraph: number } | undefined;
  article.sentences.forEach((s, k) => {
    const mentions = ments.mentions[k] ?? [];
    // (a sentence naming fewer than two actors has no pair: its cues are not even looked for)
    const cues = mentions.length >= 2 || (prev && mentions.length >= 1) ? sentenceCues(article, s, mentions) : [];
    for (const c of sentenceCandidates(article, s, mentions, cues)) out.push(c);
    // a meeting told over two sentences of a paragraph, the second naming the sides ("X was represented by A and
    // B. Facing them were C and D."): the people of each, paired across
    const meetCues = cues.filter((c) => c.family === 'meets');
    const people = meetCues.length ? candidateEnds(mentions).filter((e) => e.key.startsWith('leader:')) : [];
    if (prev && people.length && prev.paragraph === s.paragraph && meetCues.some((c) => c.class === 'delegation')) {
      const ends = [...prev.people, ...candidateEnds(mentions)];
      for (const a of prev.people) for (const b of people) {
        if (a.key !== b.key && !people.some((p) => p.key === a.key)) out.push({ family: 'meets', sentence: k, a, b, cues: meetCues, ends, cross: true });
      }
    }
    prev = people.length && people.length <= MAX_ACTORS ? { people, paragraph: s.paragraph } : undefined;
  });
  return out;
}
