// The language files are checked as they are read: the shipped ones pass, and a misspelled key, a value of the
// wrong type or an unknown family is an error naming the file, the entry and the key (never silently ignored).
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/extract/lexicon.js';
import { loadEventCues } from '../src/extract/candidates/cues.js';
import { checkCueFile, checkEventCueFile, checkTriggerFile, LangDataError } from '../src/extract/lang-schema.js';

describe('language files', () => {
  it('the shipped files of both languages pass their checks', () => {
    for (const lang of ['it', 'en'] as const) {
      expect(() => loadLexicon(lang)).not.toThrow();
      expect(() => loadEventCues(lang)).not.toThrow();
    }
  });

  it('a misspelled key in a trigger entry names the file, the entry and the key', () => {
    const bad = { verbs: [{ family: 'meets', stems: ['incontr'], class: 'are', requiresWth: true }], nouns: [] };
    expect(() => checkTriggerFile('triggers.json', bad)).toThrow(LangDataError);
    expect(() => checkTriggerFile('triggers.json', bad)).toThrow('triggers.json: verbs[0]: unknown key "requiresWth"');
  });

  it('a value of the wrong type, or an unknown family, is refused', () => {
    expect(() => checkTriggerFile('t.json', { nouns: [{ family: 'meets', forms: 'vertice' }] })).toThrow('t.json: nouns[0].forms: expected a list of strings');
    expect(() => checkTriggerFile('t.json', { nouns: [{ family: 'meeting', forms: ['vertice'] }] })).toThrow('unknown family "meeting"');
    expect(() => checkEventCueFile('e.json', { cues: [{ family: 'meets', class: 'x', forms: ['incontr*'], weight: 2 }] })).toThrow('e.json: cues[0]: unknown key "weight"');
    expect(() => checkCueFile('c.json', { negation: ['non'], negatoin: ['no'] }, ['negation'])).toThrow('c.json: top level: unknown key "negatoin"');
    expect(() => checkCueFile('c.json', { prepositions: { with: 'con' } }, ['prepositions'])).toThrow('c.json: prepositions.with: expected a list of strings');
  });
});
