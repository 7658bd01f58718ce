import { describe, expect, it } from 'vitest';
import { splitSentences, paragraphRanges } from '../src/read/sentences.js';
import type { Lang } from '../src/read/types.js';

function split(text: string, lang: Lang): string[] {
  return splitSentences(text, 0, text.length, lang).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('splits on . ! ? and trims', () => {
    expect(split('  Uno due. Tre quattro! Cinque? Sei.  ', 'it')).toEqual(['Uno due.', 'Tre quattro!', 'Cinque?', 'Sei.']);
  });

  it('survives English titles, initials, decimals and dotted abbreviations', () => {
    expect(split('Mr. Smith met Gen. Jones and Sen. Lee. J. D. Vance said growth was 3.5 percent in the U.S. economy. He left.', 'en')).toEqual([
      'Mr. Smith met Gen. Jones and Sen. Lee.',
      'J. D. Vance said growth was 3.5 percent in the U.S. economy.',
      'He left.',
    ]);
  });

  it('ends a sentence at an abbreviation before a capitalised stop word', () => {
    expect(split('Talks were held in the U.S. The result was mixed.', 'en')).toEqual(['Talks were held in the U.S.', 'The result was mixed.']);
    expect(split('Arrivano armi, munizioni ecc. Il governo tace.', 'it')).toEqual(['Arrivano armi, munizioni ecc.', 'Il governo tace.']);
  });

  it('survives Italian titles', () => {
    expect(split('Il sig. Rossi e il dott. Bianchi, con il prof. Verdi e l’on. Neri, sono arrivati. Poi sono ripartiti.', 'it')).toEqual([
      'Il sig. Rossi e il dott. Bianchi, con il prof. Verdi e l’on. Neri, sono arrivati.',
      'Poi sono ripartiti.',
    ]);
  });

  it('keeps quotations with a lower-case continuation in one sentence', () => {
    expect(split('“Abbiamo discusso.” ha detto Macron. Poi è partito.', 'it')).toEqual(['“Abbiamo discusso.” ha detto Macron.', 'Poi è partito.']);
    expect(split('“Abbiamo discusso a lungo.”, ha detto Macron.', 'it')).toHaveLength(1);
    expect(split('"We talked." he said. "It went well." Then he left.', 'en')).toEqual(['"We talked." he said.', '"It went well."', 'Then he left.']);
  });

  it('ellipses end a sentence only before a capital', () => {
    expect(split('Forse... vedremo. Poi... Domani si vota.', 'it')).toEqual(['Forse... vedremo.', 'Poi...', 'Domani si vota.']);
  });

  it('blank lines end sentences and count paragraphs; single newlines do not', () => {
    const text = 'Titolo senza punto\n\nPrima riga\ncontinua qui. Seconda frase.\n \n\nTerzo paragrafo';
    const s = splitSentences(text, 0, text.length, 'it');
    expect(s.map((x) => [text.slice(x.start, x.end), x.paragraph])).toEqual([
      ['Titolo senza punto', 0],
      ['Prima riga\ncontinua qui.', 1],
      ['Seconda frase.', 1],
      ['Terzo paragrafo', 2],
    ]);
  });

  it('respects start and end', () => {
    const text = 'HEADER. Uno. Due. TAIL';
    expect(splitSentences(text, 8, 17, 'it').map((s) => text.slice(s.start, s.end))).toEqual(['Uno.', 'Due.']);
    expect(paragraphRanges('a\n\nb', 0, 4)).toEqual([
      [0, 2],
      [3, 4],
    ]);
  });
});
