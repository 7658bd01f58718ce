import { describe, expect, it } from 'vitest';
import { loadRoles, parseRoles, type RoleLang } from '../src/extract/roles.js';

const langs: RoleLang[] = ['it', 'en'];

function roleOf(lang: RoleLang, form: string): string | undefined {
  return loadRoles(lang).roles.find((r) => r.forms.includes(form))?.role;
}

describe('role lexicons', () => {
  it.each([
    ['it', 'presidente', 'President'],
    ['it', 'presidentessa', 'President'],
    ['it', 'premier', 'Prime Minister'],
    ['it', 'presidente del consiglio', 'Prime Minister'],
    ['it', 'ministra degli esteri', 'Foreign Minister'],
    ['it', 'capo della diplomazia', 'Foreign Minister'],
    ['it', 'inviati speciali', 'Special Envoy'],
    ['it', 'guida suprema', 'Supreme Leader'],
    ['it', 'cancelliera', 'Chancellor'],
    ['en', 'foreign secretary', 'Foreign Minister'],
    ['en', 'defense secretary', 'Defence Minister'],
    ['en', 'national security advisor', 'National Security Adviser'],
    ['en', 'secretary-general', 'Secretary General'],
    ['en', 'spokeswoman', 'Spokesperson'],
  ] as const)('%s "%s" is %s', (lang, form, role) => {
    expect(roleOf(lang, form)).toBe(role);
  });

  it.each(langs)('%s: forms are lower-case and each names one role', (lang) => {
    const lex = loadRoles(lang);
    const owner = new Map<string, Set<string>>();
    for (const r of lex.roles) for (const f of r.forms) owner.set(f, new Set([...(owner.get(f) ?? []), r.role]));
    expect([...owner].filter(([, s]) => s.size > 1).map(([f, s]) => `${f}: ${[...s].join(', ')}`)).toEqual([]);
    for (const f of owner.keys()) expect(f).toBe(f.toLowerCase());
  });

  it.each(langs)('%s: leader words are not also role forms (they would shadow the role)', (lang) => {
    const lex = loadRoles(lang);
    const forms = new Set(lex.roles.flatMap((r) => r.forms));
    expect(lex.leaderWords.filter((w) => forms.has(w))).toEqual([]);
    expect(lex.leaderWords.length).toBeGreaterThan(0);
    expect(lex.groups.length).toBeGreaterThan(0);
  });

  it('offers the same roles in Italian and English', () => {
    const set = (lang: RoleLang) => new Set(loadRoles(lang).roles.map((r) => r.role));
    expect([...set('it')].sort()).toEqual([...set('en')].sort());
  });

  it('is cached per language', () => {
    expect(loadRoles('it')).toBe(loadRoles('it'));
    expect(loadRoles('it')).not.toBe(loadRoles('en'));
  });

  it('rejects capitalised forms and missing roles, naming the file', () => {
    expect(() => parseRoles('it', { roles: [{ forms: ['Presidente'], role: 'President' }] })).toThrow(/data\/lang\/it\/roles\.json.*Presidente/);
    expect(() => parseRoles('en', { roles: [{ forms: ['envoy'] }] })).toThrow(/en\/roles\.json.*role missing/);
    expect(parseRoles('en', { roles: [{ forms: ['envoy', 'envoy'], role: 'Envoy' }] }).roles[0]!.forms).toEqual(['envoy']);
  });
});
