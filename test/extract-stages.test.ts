// One test group per extraction component (mentions, coreference, relations with status and dates, merge),
// on short sentences of our own. Expectations follow from the sentences' meaning, not from the code.
import { describe, expect, it } from 'vitest';
import { readArticle } from '../src/read/index.js';
import { detectMentions } from '../src/extract/mentions.js';
import { resolveCoreference } from '../src/extract/coref.js';
import { PhraseIndex } from '../src/extract/phrase-index.js';
import { tokenize } from '../src/read/tokenize.js';
import { createGraph } from '../src/graph/create.js';
import { mergeFragment } from '../src/graph/merge.js';
import { extract } from '../src/extract/index.js';
import { directed, edgesOfKind, graphOfText, labelsOfKind, pairs } from './helpers/extract-graph.js';

const DATE = '2026-05-06'; // a Wednesday

function refsOf(text: string): string[][] {
  const m = detectMentions(readArticle(text, { id: 't', date: DATE }));
  resolveCoreference(m);
  return m.mentions.flat().filter((x) => !x.modifier).map((x) => x.refs);
}

describe('phrase index', () => {
  it('matches the longest phrase, acronyms only as written, names without their accents', () => {
    const idx = new PhraseIndex<string>({ foldAccents: true });
    idx.add('Stati Uniti', 'usa-long', { capitalised: true });
    idx.add('Stati', 'stati', { capitalised: true });
    idx.add('UN', 'un', { caseSensitive: true });
    idx.add('Erdoğan', 'erdogan', { capitalised: true });
    const t = tokenize('Gli Stati Uniti e un UN Erdogan turchia');
    expect(idx.match(t, 1)?.payload).toBe('usa-long');
    expect(idx.match(t, 4)).toBeUndefined(); // the Italian article "un"
    expect(idx.match(t, 5)?.payload).toBe('un');
    expect(idx.match(t, 6)?.payload).toBe('erdogan');
  });
});

describe('mentions', () => {
  it('finds a person absent from the gazetteer by role, nationality and name, with their country', () => {
    const g = graphOfText('date 2026-05-06 X. Il ministro degli Esteri cileno Tomás Aravena ha incontrato ieri il premier Giorgia Meloni.');
    expect(g.getNodeAttributes('leader:tomas-aravena')).toMatchObject({ label: 'Tomás Aravena', country: 'Chile' });
    expect(g.getNodeAttribute('leader:tomas-aravena', 'role')).toMatch(/foreign minister/i);
  });

  it('reads an apposition and a list of members', () => {
    const g = graphOfText('date 2026-05-06 X. Il premier greco incontrerà Ioana Petrescu, inviata speciale del governo rumeno, e i negoziatori turchi, tra cui Selim Kaya.');
    expect(g.getNodeAttribute('leader:ioana-petrescu', 'country')).toBe('Romania');
    expect(g.getNodeAttribute('leader:selim-kaya', 'country')).toBe('Turkey');
  });

  it('treats capitals as the state, or as the city after a locative preposition', () => {
    const g = graphOfText('date 2026-05-06 X. I negoziati tra Kiev e Mosca riprenderanno a Istanbul.');
    expect(pairs(edgesOfKind(g, 'negotiates_with'))).toEqual(['Russia ~ Ukraine']);
    expect(labelsOfKind(g, 'place')).toEqual(['Istanbul']);
    expect(labelsOfKind(g, 'country')).toEqual(['Russia', 'Ukraine']);
  });

  it('does not take "un" for the UN nor "nato" (born) for NATO', () => {
    const g = graphOfText('date 2026-05-06 X. Un diplomatico nato a Roma ha parlato con un collega.');
    expect(labelsOfKind(g, 'alliance')).toEqual([]);
  });
});

describe('coreference', () => {
  it('resolves surnames, role descriptions, counterparts and "i due leader"', () => {
    const refs = refsOf('date 2026-05-06 X. Il presidente francese Emmanuel Macron ha ricevuto Friedrich Merz. Macron e il cancelliere tedesco hanno parlato di difesa. I due leader si rivedranno a giugno. Merz ha chiamato il suo omologo francese.');
    expect(refs).toContainEqual(['leader:emmanuel-macron']);
    expect(refs.filter((r) => r.length === 1 && r[0] === 'leader:friedrich-merz').length).toBeGreaterThanOrEqual(3);
    expect(refs).toContainEqual(['leader:emmanuel-macron', 'leader:friedrich-merz']);
  });

  it('names the Kremlin leader from the seat of power', () => {
    const g = graphOfText('date 2026-05-06 X. The Kremlin leader said he would meet Donald Trump in Budapest.');
    expect(pairs(edgesOfKind(g, 'meets'))).toEqual(['Donald Trump ~ Vladimir Putin']);
  });
});

describe('relations: arguments from structure, never from co-occurrence', () => {
  it('takes the sides of "incontro tra X e Y" and ignores a bystander', () => {
    const g = graphOfText('date 2026-05-06 X. Secondo il ministro Antonio Tajani, l\'incontro tra Pedro Sánchez e Keir Starmer si terrà a Madrid.');
    expect(pairs(edgesOfKind(g, 'meets'))).toEqual(['Keir Starmer ~ Pedro Sánchez']);
  });

  it('reads sanctions with an imposer and a target, and none without an imposer', () => {
    const a = graphOfText('date 2026-05-06 X. Il Canada ha imposto nuove sanzioni alla Bielorussia. Le sanzioni contro l\'Iran restano in vigore.');
    expect(directed(edgesOfKind(a, 'sanctions'))).toEqual(['Canada -> Belarus']);
    const b = graphOfText('date 2026-05-06 X. Japan announced sanctions on North Korea on Tuesday.');
    expect(directed(edgesOfKind(b, 'sanctions'))).toEqual(['Japan -> North Korea']);
  });

  it('makes no meeting of a negated, a hypothetical or a denied one', () => {
    for (const text of [
      'date 2026-05-06 X. Il presidente Sergio Mattarella non incontrerà Xi Jinping.',
      'date 2026-05-06 X. No meeting between Narendra Modi and Shehbaz Sharif is planned.',
      'date 2026-05-06 X. Volodymyr Zelensky said he was ready to meet Vladimir Putin.',
    ]) expect(edgesOfKind(graphOfText(text), 'meets')).toEqual([]);
  });
});

describe('status and dates relative to the article', () => {
  const meetsOf = (text: string) => edgesOfKind(graphOfText(`date ${DATE} X. ${text}`), 'meets')[0];
  it('future verb + domani → planned, the next day', () => {
    expect(meetsOf('Keir Starmer incontrerà domani Mark Carney.')).toMatchObject({ status: 'planned', date: '2026-05-07' });
  });
  it('past verb + ieri → held, the day before', () => {
    expect(meetsOf('Keir Starmer ha incontrato ieri Mark Carney.')).toMatchObject({ status: 'held', date: '2026-05-05' });
  });
  it('a bare weekday in a past sentence is the last one', () => {
    expect(meetsOf('Keir Starmer met Mark Carney on Monday.')).toMatchObject({ status: 'held', date: '2026-05-04' });
  });
  it('a proposal is proposed, a cancellation cancelled', () => {
    expect(meetsOf('Il Cremlino ha proposto un vertice tra Vladimir Putin e Donald Trump a Budapest.')!.status).toBe('proposed');
    expect(meetsOf('The summit between Vladimir Putin and Donald Trump was cancelled.')!.status).toBe('cancelled');
  });
});

describe('merge', () => {
  it('is idempotent per article and counts independent articles in the weight', () => {
    const text = (outlet: string) => `date 2026-05-06 ${outlet}. Keir Starmer ha incontrato ieri Mark Carney a Londra.`;
    const graph = createGraph();
    const a = extract(readArticle(text('A'), { id: 'a' }));
    expect(mergeFragment(graph, a)).toBe(true);
    expect(mergeFragment(graph, a)).toBe(false);
    const size = graph.size;
    mergeFragment(graph, extract(readArticle(text('B'), { id: 'b' })));
    expect(graph.size).toBe(size);
    const meets = edgesOfKind(graph, 'meets');
    expect(meets).toHaveLength(1);
    expect(meets[0]!.weight).toBe(2);
  });
});
