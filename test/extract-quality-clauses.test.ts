// A relative clause set off by commas ends at its closing comma: its subjects are not the main clause's
// ("Hamas, which X and Y list as ..., said it backs the truce"). Willingness ("ready for dialogue with",
// "pronto al dialogo con") is not an event. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { edges, meetings } from './helpers/quality.js';

const negotiations = (text: string) => edges(text, 'negotiates_with').map((e) => [e.source, e.target].sort().join(' ~ '));

describe('clauses and willingness', () => {
  it('the subjects of a comma-delimited relative clause stay inside it', () => {
    expect(negotiations('Hezbollah, which Canada and the European Union list as a terrorist group, said it backed the truce.')).toEqual([]);
    expect(negotiations("Hezbollah, che Canada e Unione europea considerano un gruppo terroristico, ha detto di sostenere la tregua.")).toEqual([]);
  });

  it('a relative clause still gives its own meeting, and the main clause its own', () => {
    const ms = meetings('Pedro Sánchez, who met Keir Starmer in London, will meet Mark Carney in Ottawa.').map((m) => m.participants);
    expect(ms).toEqual([['Keir Starmer', 'Pedro Sánchez'], ['Mark Carney', 'Pedro Sánchez']]);
  });

  it('"ready for dialogue with X" is no negotiation', () => {
    expect(negotiations('Cuba said it was ready for dialogue with the United States.')).toEqual([]);
    expect(negotiations("Cuba si è detta pronta al dialogo con gli Stati Uniti.")).toEqual([]);
  });
});

describe('the predicate after a relative clause', () => {
  it('cancels or negates the meeting noun it belongs to', () => {
    expect(meetings('Il vertice tra Sánchez e Starmer, che era previsto sabato, è stato annullato.').map((m) => m.status)).toEqual(['cancelled']);
    expect(meetings('The summit between Sánchez and Starmer, which was planned for Saturday, has been cancelled.').map((m) => m.status)).toEqual(['cancelled']);
    expect(meetings('The summit between Sánchez and Starmer, which was planned for Saturday, will not take place.')).toEqual([]);
    expect(meetings('Il vertice tra Sánchez e Starmer, che si è svolto sabato, è stato un successo.').map((m) => m.status)).toEqual(['held']);
  });
});
