// status() on its own: what a sentence of our own says became of the event its trigger names. Each view is
// built from one short sentence; the trigger is the first the candidate stage finds there.
import { describe, expect, it } from 'vitest';
import { status } from '../src/extract/relations/status.js';
import { clauseOf, type SentenceView } from '../src/extract/relations/sentence-view.js';
import { matchTriggers, type TriggerMatch } from '../src/extract/relations/candidates.js';
import { viewOf } from './helpers/sentence-view.js';

function firstTrigger(v: SentenceView): TriggerMatch {
  const match = matchTriggers(v)[0];
  if (!match) throw new Error(`no trigger in: ${v.text}`);
  return match;
}

/** The status of the sentence's first trigger, with the date given (none by default). */
function statusOf(text: string, date?: string): ReturnType<typeof status> {
  const v = viewOf(text);
  const { i0, i1, info } = firstTrigger(v);
  return status(v, i0, i1, clauseOf(v, i0), info, date);
}

describe('status', () => {
  it('a future verb is a planned meeting', () => {
    expect(statusOf('Macron e Merz si incontreranno a Parigi la prossima settimana.')).toBe('planned');
  });

  it('a past verb is a meeting held', () => {
    expect(statusOf('Yesterday Sánchez met the Portuguese prime minister.')).toBe('held');
  });

  it('a negated noun trigger yields nothing, even when the negation follows the noun', () => {
    expect(statusOf('Il vertice tra Italia e Francia non ci sarà.')).toBeUndefined();
  });

  it('a cancelled meeting is cancelled, whatever its tense', () => {
    expect(statusOf('The meeting between Spain and Portugal was cancelled.')).toBe('cancelled');
  });

  it('a modal verb only proposes the meeting', () => {
    expect(statusOf('Germany and Poland could meet in Warsaw.')).toBe('proposed');
  });

  it('a noun without a verb takes its status from the date, relative to the article date', () => {
    // the article is dated 2026-05-06
    expect(statusOf('Vertice tra Italia e Francia.', '2026-05-20')).toBe('planned');
    expect(statusOf('Vertice tra Italia e Francia.', '2026-05-01')).toBe('held');
    expect(statusOf('Vertice tra Italia e Francia.')).toBe('reported');
  });
});
