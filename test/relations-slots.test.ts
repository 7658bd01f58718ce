// The argument slots on their own: subjectOf() and betweenSides() on the view of one sentence of our own.
import { describe, expect, it } from 'vitest';
import { betweenSides, subjectOf } from '../src/extract/relations/slots.js';
import { clauseOf } from '../src/extract/relations/sentence-view.js';
import { tokenIndex, viewOf } from './helpers/sentence-view.js';

/** The subject of the verb written `verb` in the first sentence of `text`. */
function subjectOfVerb(text: string, verb: string): string[] {
  const v = viewOf(text);
  const k = tokenIndex(v, verb);
  return subjectOf(v, k, clauseOf(v, k));
}

/** The sides named after the noun written `noun` ("tra X e Y", "between X and Y"), if any. */
function sidesAfter(text: string, noun: string): string[][] | undefined {
  const v = viewOf(text);
  const k = tokenIndex(v, noun);
  return betweenSides(v, k + 1, clauseOf(v, k));
}

describe('subjectOf', () => {
  it('takes the coordinated actors before the verb, not the place after it', () => {
    expect(subjectOfVerb('Germany and Poland held talks in Warsaw yesterday.', 'held')).toEqual(['country:DEU', 'country:POL']);
  });

  it('skips a fronted place: the subject is the actor', () => {
    expect(subjectOfVerb('A Parigi, Macron incontrerà Meloni.', 'incontrerà')).toEqual(['leader:emmanuel-macron']);
  });

  it('gives a relative clause the antecedent as its subject', () => {
    expect(subjectOfVerb('Meloni, che incontrerà Macron a Roma, ha parlato ai giornalisti.', 'incontrerà')).toEqual(['leader:giorgia-meloni']);
  });

  it('finds no subject when the clause has none before the verb', () => {
    expect(subjectOfVerb('Will meet Macron in Rome.', 'meet')).toEqual([]);
  });
});

describe('betweenSides', () => {
  it('reads "between X and Y" as two sides', () => {
    expect(sidesAfter('The meeting between Spain and Portugal was cancelled.', 'meeting')).toEqual([['country:ESP'], ['country:PRT']]);
  });

  it('reads "tra X, Y e Z" as three sides', () => {
    expect(sidesAfter('Il vertice tra Italia, Francia e Germania si terrà a Roma.', 'vertice')).toEqual([['country:ITA'], ['country:FRA'], ['country:DEU']]);
  });

  it('finds no sides without "tra" / "between"', () => {
    expect(sidesAfter('Il vertice con la Spagna si terrà a Roma.', 'vertice')).toBeUndefined();
  });
});
