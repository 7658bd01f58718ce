// Office terms (data/gazetteer/terms.json, src/extract/terms.ts): a leader's role and an office's holder on the
// article's date. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../src/extract/gazetteer.js';
import { loadTerms, parseTerms } from '../src/extract/terms.js';
import { fragmentOf } from './helpers/quality.js';

const leaders = (text: string, date: string, lang: 'it' | 'en') => fragmentOf(text, date, lang).nodes
  .filter((n) => n.attributes.kind === 'leader').map((n) => `${String(n.attributes.label)} (${String(n.attributes.role)})`).sort();

describe('office terms', () => {
  it('give an office\'s holder and a leader\'s role on a day, first day in, first day out', () => {
    const t = loadTerms();
    expect(t.holderOn('USA', 'President', '2025-01-19')).toEqual({ covered: true, key: 'leader:joe-biden' });
    expect(t.holderOn('USA', 'president', '2025-01-20')).toEqual({ covered: true, key: 'leader:donald-trump' });
    expect(t.holderOn('USA', 'Ambassador', '2025-01-20')).toEqual({ covered: false });
    expect(t.roleOn('leader:joe-biden', '2024-05-01')).toBe('President');
    expect(t.roleOn('leader:joe-biden', '2025-05-01')).toBeUndefined();
    expect(t.holderOn('alliance:nato', 'Secretary General', '2024-09-30')).toEqual({ covered: true, key: 'leader:jens-stoltenberg' });
  });

  it('refuse a name the gazetteer does not know, a bad date or an unknown key, naming the term', () => {
    const gaz = loadGazetteer();
    expect(() => parseTerms({ terms: [{ name: 'Nobody Known', role: 'President', from: '2024-01-01' }] }, gaz)).toThrow(/Nobody Known.*not a leader/);
    expect(() => parseTerms({ terms: [{ name: 'Joe Biden', role: 'President', from: '2024-1-1' }] }, gaz)).toThrow(/Joe Biden.*from/);
    expect(() => parseTerms({ terms: [{ name: 'Joe Biden', role: 'President', from: '2024-01-01', to: '2023-01-01' }] }, gaz)).toThrow(/"to"/);
    expect(() => parseTerms({ terms: [{ name: 'Joe Biden', role: 'President', from: '2024-01-01', until: '2025-01-01' }] }, gaz)).toThrow(/unknown key "until"/);
    expect(() => parseTerms({}, gaz)).toThrow(/terms/);
  });

  it('resolve an office named without a name as of the article\'s date, and the role of a leader named', () => {
    expect(leaders('Il presidente americano ha chiamato Pedro Sánchez.', '2024-06-10', 'it')).toContain('Joe Biden (President)');
    expect(leaders('Il presidente americano ha chiamato Pedro Sánchez.', '2025-06-10', 'it')).toContain('Donald Trump (President)');
    expect(leaders('The German chancellor met Pedro Sánchez in Berlin.', '2024-03-01', 'en')).toContain('Olaf Scholz (Chancellor)');
    expect(leaders('Biden met Pedro Sánchez in Madrid.', '2025-07-25', 'en')).toContain('Joe Biden (Former President)');
  });
});
