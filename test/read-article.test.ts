import { describe, expect, it } from 'vitest';
import { articleHash, articleIdFromPath, readArticle } from '../src/read/index.js';
import { detectLanguage } from '../src/read/language.js';
import { UserError } from '../src/errors.js';

const IT = `date 2026-05-04 Il Foglio. La ministra degli Esteri ha incontrato ieri l’omologo tedesco a Berlino.

“È stato un colloquio utile.” ha detto la ministra. I due si rivedranno la prossima settimana.`;

describe('readArticle', () => {
  it('reads header, language, sentences and tokens with offsets into the text', () => {
    const a = readArticle(new TextEncoder().encode(IT), { id: 'foglio-1' });
    expect(a).toMatchObject({ id: 'foglio-1', date: '2026-05-04', source: 'Il Foglio', lang: 'it' });
    expect(a.text).toBe(IT);
    expect(a.text.slice(a.bodyStart).startsWith('La ministra')).toBe(true);
    expect(a.sentences.map((s) => [s.index, s.paragraph])).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
    ]);
    for (const s of a.sentences) {
      expect(a.text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) {
        expect(a.text.slice(t.start, t.end)).toBe(t.text);
        expect(t.start).toBeGreaterThanOrEqual(s.start);
        expect(t.end).toBeLessThanOrEqual(s.end);
      }
    }
    expect(a.sentences[0]!.tokens.map((t) => t.norm)).toContain("l'");
  });

  it('a header date wins over opts.date, which is the fallback', () => {
    expect(readArticle(IT, { id: 'x', date: '2020-01-01', source: 'Other' })).toMatchObject({ date: '2026-05-04', source: 'Il Foglio' });
    const plain = readArticle('Talks resume tomorrow in Geneva.', { id: 'x', date: '2020-01-01', source: 'Other' });
    expect(plain).toMatchObject({ date: '2020-01-01', source: 'Other', lang: 'en', bodyStart: 0 });
    expect(readArticle('Talks resume tomorrow.', { id: 'x' }).date).toBeUndefined();
  });

  it('refuses an invalid fallback date and empty text', () => {
    expect(() => readArticle('Testo.', { id: 'x', date: '2026-02-30' })).toThrow(UserError);
    expect(() => readArticle('  \n', { id: 'x' })).toThrow(/x: empty article/);
    // a header and nothing else is no article either, whatever the header's form
    for (const text of ['date 2026-03-12 Source.', '  date: 2026-03-12 Il Sole 24 Ore.\n\n  ', 'date 2026-03-12\n', 'date 2026-03-12. ']) {
      expect(() => readArticle(text, { id: 'h' }), JSON.stringify(text)).toThrow(/^h: empty article$/);
      expect(() => readArticle(new TextEncoder().encode(text), { id: 'h' }), JSON.stringify(text)).toThrow(/^h: empty article$/);
    }
    expect(readArticle('date 2026-03-12 Source. Macron met Scholz.', { id: 'h' }).sentences).toHaveLength(1);
  });

  it('honours a forced language', () => {
    expect(readArticle('Il governo e la Russia.', { id: 'x', lang: 'en' }).lang).toBe('en');
  });
});

describe('detectLanguage', () => {
  it('tells Italian from English', () => {
    expect(detectLanguage('Il presidente francese incontrerà domani il leader ucraino per discutere della pace.')).toBe('it');
    expect(detectLanguage('The French president will meet the Ukrainian leader tomorrow to discuss the peace plan.')).toBe('en');
    expect(detectLanguage('Russia’s envoy said that the talks in Florida were constructive.')).toBe('en');
    expect(detectLanguage('L’inviato russo ha detto che i colloqui sono stati costruttivi.')).toBe('it');
  });
  it('defaults to English on a tie', () => {
    expect(detectLanguage('Macron Zelensky Parigi')).toBe('en');
  });
});

describe('ids and hashes', () => {
  it('articleIdFromPath drops the folder and the last extension', () => {
    expect(articleIdFromPath('seeds/000_9fb3.txt')).toBe('000_9fb3');
    expect(articleIdFromPath('/a/b/report.2026.md')).toBe('report.2026');
    expect(articleIdFromPath('noext')).toBe('noext');
  });
  it('articleHash is sha256 hex of the text', () => {
    expect(articleHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(articleHash('a')).not.toBe(articleHash('b'));
  });
});
