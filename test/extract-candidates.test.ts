// The candidate stage alone: cue matching over inflected forms, candidate pairs and what gates them, the
// logistic scorer, and accepted pairs becoming meetings and relations. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { readArticle } from '../src/read/index.js';
import { detectMentions } from '../src/extract/mentions.js';
import { resolveCoreference } from '../src/extract/coref.js';
import { extractRelations } from '../src/extract/relations.js';
import { EventCues, loadEventCues } from '../src/extract/candidates/cues.js';
import { articleCandidates } from '../src/extract/candidates/candidates.js';
import { acceptedCandidates, addScoredCandidates, scoreCandidates } from '../src/extract/candidates/apply.js';
import { probability, RULES_ONLY, type RelationModel } from '../src/extract/candidates/scorer.js';

function staged(text: string, date = '2026-03-10') {
  const article = readArticle(`date ${date} Test. ${text}`, { id: 't' });
  const ments = detectMentions(article);
  resolveCoreference(ments);
  const rels = extractRelations(article, ments);
  return { article, ments, rels };
}

/** A model that accepts every candidate of every family (to test what the stage does with accepted pairs). */
const ACCEPT_ALL: RelationModel = {
  families: { meets: { weights: { bias: 5 }, threshold: 0.5 }, negotiates: { weights: { bias: 5 }, threshold: 0.5 }, sanctions: { weights: { bias: 5 }, threshold: 0.5 } },
};

describe('event cues', () => {
  it('match every inflection of a prefix form, accents and case aside, and multi-word forms', () => {
    const cues = loadEventCues('it');
    const words = (text: string) => cues.find(readArticle(text, { id: 'c', lang: 'it' }).sentences[0]!.tokens).map((c) => `${c.family}:${c.class}`);
    expect(words('Si incontreranno.')).toContain('meets:meet');
    expect(words('INCONTRERÀ il collega.')).toContain('meets:meet');
    expect(words('Un cessate il fuoco.')).toContain('negotiates:truce');
    expect(words('Nuovi dazi.')).toContain('sanctions:tariff');
    expect(words('Il gatto dorme.')).toEqual([]);
  });

  it('refuses a prefix too short to mean anything', () => {
    expect(() => new EventCues({ cues: [{ family: 'meets', class: 'x', forms: ['in*'] }] })).toThrow(/prefix/);
  });
});

describe('candidates', () => {
  it('pair the people of a sentence with a meeting cue, once per pair', () => {
    const { article, ments } = staged('Pedro Sánchez and Keir Starmer had dinner with Mark Carney in Ottawa.');
    const meets = articleCandidates(article, ments).filter((c) => c.family === 'meets').map((c) => [c.a.key, c.b.key].sort().join(' ~ ')).sort();
    expect(meets).toEqual(['leader:keir-starmer ~ leader:mark-carney', 'leader:keir-starmer ~ leader:pedro-sanchez', 'leader:mark-carney ~ leader:pedro-sanchez']);
  });

  it('none where a negation or a wish governs the cue', () => {
    for (const text of ['Pedro Sánchez will not meet Keir Starmer.', 'Pedro Sánchez said he was ready to meet Keir Starmer.', 'Sánchez non incontrerà Starmer.']) {
      const { article, ments } = staged(text);
      expect(articleCandidates(article, ments).filter((c) => c.family === 'meets'), text).toEqual([]);
    }
  });

  it('none where the event is called off, but a purpose clause\'s "to put off" leaves it be', () => {
    const negotiates = (text: string) => { const { article, ments } = staged(text); return articleCandidates(article, ments).filter((c) => c.family === 'negotiates').length; };
    expect(negotiates('The talks between Canada and Peru were postponed to June.')).toBe(0);
    expect(negotiates('Il negoziato tra Canada e Perù è stato rinviato.')).toBe(0);
    expect(negotiates('Canada struck a deal with Peru to put off the tariffs.')).toBeGreaterThan(0);
    expect(negotiates('Il Canada ha firmato un accordo con il Perù per rinviare i dazi.')).toBeGreaterThan(0);
  });

  it('no sanctions imposed by a "with" complement', () => {
    const { article, ments, rels } = staged('Canada, which struck deals with Peru and Chile to put off the tariffs, placed new duties on Bolivia.');
    const imposers = new Set(scoreCandidates(article, ments, rels, ACCEPT_ALL).filter((s) => s.candidate.family === 'sanctions').map((s) => s.candidate.a.key));
    expect(imposers.has('country:CAN')).toBe(true);
    expect(imposers.has('country:PER')).toBe(false);
    expect(imposers.has('country:CHL')).toBe(false);
  });

  it('no negotiation between mediators, or between a mediator and a side', () => {
    for (const text of ['Sisi praised the mediation of Turkey, Canada and Qatar in the negotiations between Peru and Chile.', 'Al negoziato tra Perù e Cile siedono i mediatori del Qatar e alcuni funzionari egiziani.']) {
      const { article, ments, rels } = staged(text);
      const pairs = scoreCandidates(article, ments, rels, ACCEPT_ALL).filter((s) => s.candidate.family === 'negotiates').map((s) => [s.candidate.a.key, s.candidate.b.key].sort().join(' ~ '));
      expect(pairs.some((p) => p.includes('QAT')), text).toBe(false);
      expect(pairs, text).toContain('country:CHL ~ country:PER');
    }
  });

  it('none without a cue, whatever names share the sentence', () => {
    const { article, ments } = staged('Pedro Sánchez and Keir Starmer are both socialists.');
    expect(articleCandidates(article, ments)).toEqual([]);
  });
});

describe('features', () => {
  it('mark a name in a possessive, which modifies another noun', () => {
    const { article, ments, rels } = staged("Pedro Sánchez flew to Ottawa for talks with Mark Carney after Keir Starmer's remark.");
    const feats = (a: string, b: string) => scoreCandidates(article, ments, rels, RULES_ONLY)
      .find((s) => s.candidate.family === 'meets' && [s.candidate.a.key, s.candidate.b.key].sort().join(' ~ ') === [a, b].sort().join(' ~ '))?.features;
    expect(feats('leader:pedro-sanchez', 'leader:keir-starmer')?.possessive).toBe(1);
    const other = staged('Pedro Sánchez flew to Ottawa for talks with Mark Carney after a remark by Keir Starmer.');
    const weighed = scoreCandidates(other.article, other.ments, other.rels, RULES_ONLY).filter((s) => !s.byRules);
    expect(weighed.length).toBeGreaterThan(0);
    for (const s of weighed) expect(s.features.possessive).toBeUndefined();
  });
});

describe('scorer', () => {
  it('is a logistic function of the named features', () => {
    const fm = { weights: { bias: -1, cueNear: 2 }, threshold: 0.5 };
    expect(probability(fm, { bias: 1 })).toBeCloseTo(1 / (1 + Math.exp(1)));
    expect(probability(fm, { bias: 1, cueNear: 1 })).toBeCloseTo(1 / (1 + Math.exp(-1)));
    expect(probability(fm, { bias: 1, unknown: 7 })).toBeCloseTo(1 / (1 + Math.exp(1)));
  });

  it('accepts nothing under the rules-only model, and never a pair the rules found', () => {
    const { article, ments, rels } = staged('Pedro Sánchez met Keir Starmer in Madrid, and they had dinner with Mark Carney.');
    expect(acceptedCandidates(scoreCandidates(article, ments, rels, RULES_ONLY), RULES_ONLY)).toEqual([]);
    const accepted = acceptedCandidates(scoreCandidates(article, ments, rels, ACCEPT_ALL), ACCEPT_ALL);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((s) => !s.byRules)).toBe(true);
  });
});

describe('accepted candidates', () => {
  it('become one meeting per sentence and group of people, dated from the sentence', () => {
    const { article, ments, rels } = staged('On Monday Pedro Sánchez and Keir Starmer had dinner with Mark Carney.');
    const before = rels.occurrences.length;
    addScoredCandidates(article, ments, rels, ACCEPT_ALL);
    const added = rels.occurrences.slice(before).filter((o) => o.family === 'meets');
    expect(added.length).toBeGreaterThanOrEqual(1);
    for (const o of added) expect(o.date).toBe('2026-03-09');
    const people = new Set(rels.occurrences.filter((o) => o.family === 'meets').flatMap((o) => o.sides.flat()));
    expect([...people].sort()).toEqual(['leader:keir-starmer', 'leader:mark-carney', 'leader:pedro-sanchez']);
  });
});
