import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, loadGazetteer, slugify, worldCountryList, type GazetteerEntry } from '../src/extract/gazetteer.js';

const worldCountries = worldCountryList();

const g = loadGazetteer();
const all = [...g.entries.values()];
const ofKind = (k: GazetteerEntry['kind']) => all.filter((e) => e.kind === k);

function raw(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../data/gazetteer/${name}`, import.meta.url), 'utf8')) as unknown;
}
const sources = () => ({ countries: raw('countries.json'), alliances: raw('alliances.json'), leaders: raw('leaders.json'), places: raw('places.json') });

/** Entries of a kind that a text token would match, honouring case sensitivity and language. */
function resolve(text: string, lang: 'it' | 'en', kind?: GazetteerEntry['kind']): string[] {
  return all
    .filter((e) => !kind || e.kind === kind)
    .filter((e) => e.names.some((n) => (n.lang === '*' || n.lang === lang) && (n.caseSensitive ? n.form === text : n.form.toLowerCase() === text.toLowerCase())))
    .map((e) => e.key);
}

describe('gazetteer files', () => {
  it('load with the expected sizes', () => {
    expect(ofKind('country').length).toBeGreaterThanOrEqual(197);
    expect(ofKind('leader').length).toBeGreaterThanOrEqual(150);
    expect(ofKind('alliance').length).toBeGreaterThanOrEqual(30);
    expect(ofKind('place').length).toBeGreaterThanOrEqual(100);
  });

  it('is cached', () => {
    expect(loadGazetteer()).toBe(g);
  });

  it('has unique keys: every record of every file becomes its own entry', () => {
    const s = sources();
    const n = (v: unknown) => (Array.isArray(v) ? v.length : 0);
    expect(ofKind('leader').length).toBe(n(s.leaders));
    expect(ofKind('alliance').length).toBe(n(s.alliances));
    expect(ofKind('country').length).toBe(Object.keys(s.countries as object).length);
  });

  it('gives no surface form to two countries', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of ofKind('country')) {
      for (const n of e.names) {
        const k = n.caseSensitive ? n.form : n.form.toLowerCase();
        if (!owners.has(k)) owners.set(k, new Set());
        owners.get(k)!.add(e.label);
      }
    }
    const conflicts = [...owners].filter(([, s]) => s.size > 1).map(([f, s]) => `"${f}": ${[...s].join(', ')}`);
    expect(conflicts).toEqual([]);
  });

  it('lists each form once per entry (a name and an adjective spelt alike, "Ucraina"/"ucraina", are two forms)', () => {
    const dupes = all.flatMap((e) => {
      const seen = new Set<string>();
      return e.names.filter((n) => {
        const adjectival = n.via === 'adjective' || n.via === 'prefix';
        const k = (adjectival ? 'a:' : 'n:') + (n.caseSensitive ? n.form : n.form.toLowerCase());
        if (seen.has(k)) return true;
        seen.add(k);
        return false;
      }).map((n) => `${e.key}: ${n.form}`);
    });
    expect(dupes).toEqual([]);
  });

  it('never reuses a Wikidata QID for two entries', () => {
    const by = new Map<string, string[]>();
    for (const e of all) if (e.wikidata) by.set(e.wikidata, [...(by.get(e.wikidata) ?? []), e.key]);
    expect([...by].filter(([, keys]) => keys.length > 1)).toEqual([]);
  });
});

describe('countries', () => {
  it.each([
    ['Stati Uniti', 'it', 'USA'],
    ['americani', 'it', 'USA'],
    ['statunitense', 'it', 'USA'],
    ['Mosca', 'it', 'RUS'],
    ['Cremlino', 'it', 'RUS'],
    ['Kyiv', 'en', 'UKR'],
    ['Kiev', 'it', 'UKR'],
    ['russe', 'it', 'RUS'],
    ['inglese', 'it', 'GBR'],
    ['Britain', 'en', 'GBR'],
    ['Downing Street', 'en', 'GBR'],
    ['Eliseo', 'it', 'FRA'],
    ['Élysée', 'en', 'FRA'],
    ['Pechino', 'it', 'CHN'],
    ['Beijing', 'en', 'CHN'],
    ['Turchia', 'it', 'TUR'],
    ['Türkiye', 'en', 'TUR'],
    ['Corea del Nord', 'it', 'PRK'],
    ['Palazzo Chigi', 'it', 'ITA'],
  ] as const)('"%s" (%s) is %s', (form, lang, iso) => {
    expect(resolve(form, lang, 'country')).toEqual([`country:${iso}`]);
  });

  it('takes names from world-countries', () => {
    const wc = new Map(worldCountries.map((c) => [c.cca3, c]));
    const missing: string[] = [];
    for (const e of ofKind('country')) {
      const c = wc.get(e.iso!)!;
      const forms = new Set(e.names.map((n) => n.form.toLowerCase()));
      for (const name of [c.name.common, c.name.official, c.translations['ita']?.common]) {
        if (name && !forms.has(name.toLowerCase())) missing.push(`${e.iso}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('covers every UN member state plus Kosovo, Taiwan, Palestine and the Vatican', () => {
    const expected = worldCountries.filter((c) => c.unMember).map((c) => c.cca3).concat(['UNK', 'TWN', 'PSE', 'VAT']);
    expect(expected.filter((iso) => !g.countryByIso(iso))).toEqual([]);
  });

  it('labels countries with the English common name (Turkey, not Türkiye)', () => {
    expect(g.countryByIso('TUR')?.label).toBe('Turkey');
    expect(g.countryByIso('gbr')?.label).toBe('United Kingdom');
    expect(g.countryByIso('USA')?.label).toBe('United States');
    expect(g.countryByIso('XYZ')).toBeUndefined();
  });

  it('maps no regional adjective to a country', () => {
    for (const w of ['europeo', 'europei', 'occidentale', 'occidentali', 'arabo', 'araba', 'African', 'European', 'Western', 'Arab', 'asiatico']) {
      expect(resolve(w, 'it', 'country').concat(resolve(w, 'en', 'country')), w).toEqual([]);
    }
  });

  it('keeps compound prefixes apart from adjectives', () => {
    const fra = g.countryByIso('FRA')!;
    expect(fra.names.find((n) => n.form === 'franco')?.via).toBe('prefix');
    expect(g.countryByIso('CHN')!.names.find((n) => n.form === 'sino')?.via).toBe('prefix');
  });

  it('flags acronyms and common-word names as case-sensitive', () => {
    const usa = g.countryByIso('USA')!;
    expect(usa.names.find((n) => n.form === 'USA')).toMatchObject({ via: 'acronym', caseSensitive: true });
    expect(usa.names.find((n) => n.form === 'Usa')?.caseSensitive).toBe(true); // Italian "usa" = "uses"
    expect(resolve('usa', 'it', 'country')).toEqual([]);
    expect(resolve('un', 'it')).toEqual([]);
    expect(resolve('UN', 'en')).toEqual(['alliance:un']);
    expect(resolve('nato', 'it')).toEqual([]); // "born"
    expect(resolve('Nato', 'it')).toEqual(['alliance:nato']);
    expect(resolve('unione europea', 'it')).toEqual(['alliance:eu']);
    expect(resolve('UE', 'it')).toEqual(['alliance:eu']);
    expect(resolve('G7', 'en')).toEqual(['alliance:g7']);
  });

  it('marks names that are also words or people as ambiguous', () => {
    for (const iso of ['GEO', 'JOR', 'TCD', 'NER']) expect(g.countryByIso(iso)?.ambiguous, iso).toBe(true);
    expect(g.countryByIso('FRA')?.ambiguous).toBeFalsy();
  });

  it('makes every capital both a country form and a place of that country', () => {
    const missing: string[] = [];
    for (const c of ofKind('country')) {
      for (const n of c.names.filter((x) => x.via === 'capital')) {
        const places = all.filter((e) => e.kind === 'place' && e.country === c.iso && e.names.some((m) => m.form === n.form));
        if (places.length !== 1) missing.push(`${c.iso}: ${n.form}`);
      }
    }
    expect(missing).toEqual([]);
    expect(g.entries.get('place:paris')).toMatchObject({ kind: 'place', label: 'Paris', country: 'FRA' });
    expect(resolve('Parigi', 'it', 'place')).toEqual(['place:paris']);
    expect(resolve('Mosca', 'it', 'place')).toEqual(['place:moscow']);
  });
});

describe('alliances, leaders, places', () => {
  it('names the Coalition of the Willing in both languages', () => {
    const c = g.entries.get('alliance:coalition-of-the-willing');
    expect(c?.label).toBe('Coalition of the Willing');
    expect(resolve('Alleanza dei volenterosi', 'it')).toEqual(['alliance:coalition-of-the-willing']);
    expect(resolve('Coalizione dei volenterosi', 'it')).toEqual(['alliance:coalition-of-the-willing']);
  });

  it('keys leaders by slug, with surnames and transliterations', () => {
    const z = g.entries.get('leader:volodymyr-zelensky');
    expect(z).toMatchObject({ kind: 'leader', country: 'UKR', role: 'President' });
    expect(z!.names.find((n) => n.form === 'Zelensky')?.via).toBe('surname');
    for (const v of ['Zelenskyy', 'Zelenskij']) expect(resolve(v, 'it', 'leader')).toEqual(['leader:volodymyr-zelensky']);
    expect(resolve('Erdogan', 'en', 'leader')).toEqual(['leader:recep-tayyip-erdogan']);
    expect(resolve('Macron', 'it', 'leader')).toEqual(['leader:emmanuel-macron']);
    // Regnal numbers and patronymics are not surnames.
    expect(resolve('III', 'en')).toEqual([]);
    expect(resolve('Salman', 'en', 'leader')).toEqual([]);
  });

  it('gives heads of organisations an organisation and no country', () => {
    expect(g.entries.get('leader:mark-rutte')).toMatchObject({ organisation: 'alliance:nato' });
    expect(g.entries.get('leader:mark-rutte')?.country).toBeUndefined();
    expect(g.entries.get('leader:antonio-guterres')?.organisation).toBe('alliance:un');
  });

  it('has every leader name a single leader surname (report clashes)', () => {
    const owners = new Map<string, string[]>();
    for (const e of ofKind('leader')) for (const n of e.names) if (n.via === 'surname' || n.via === 'alias') owners.set(n.form, [...(owners.get(n.form) ?? []), e.label]);
    expect([...owners].filter(([, o]) => o.length > 1).map(([f, o]) => `${f}: ${o.join(', ')}`)).toEqual([]);
  });

  it('places the Gaza Strip and the West Bank in Palestine', () => {
    expect(resolve('Striscia di Gaza', 'it', 'place')).toEqual(['place:gaza-strip']);
    expect(resolve('Cisgiordania', 'it', 'place')).toEqual(['place:west-bank']);
    expect(g.entries.get('place:gaza-strip')?.country).toBe('PSE');
    expect(resolve('Florida', 'en', 'place')).toEqual(['place:florida']);
  });
});

describe('validation', () => {
  it('rejects a leader with an unknown country, naming file and entry', () => {
    const s = sources();
    s.leaders = [{ name: 'Jane Doe', role: 'President', country: 'ZZZ' }];
    expect(() => buildGazetteer(s)).toThrow(/leaders\.json: Jane Doe: .*ZZZ/);
  });

  it('rejects a place with an unknown country, naming file and entry', () => {
    const s = sources();
    s.places = [{ key: 'place:nowhere', label: 'Nowhere', country: 'XXX', names: {} }];
    expect(() => buildGazetteer(s)).toThrow(/places\.json: place:nowhere: .*XXX/);
  });

  it('rejects a leader of an unknown organisation and duplicate keys', () => {
    const s = sources();
    s.leaders = [{ name: 'Jane Doe', role: 'Secretary General', organisation: 'alliance:nope' }];
    expect(() => buildGazetteer(s)).toThrow(/leaders\.json: Jane Doe: .*alliance:nope/);
    const t = sources();
    t.leaders = [{ name: 'Jane Doe', role: 'President', country: 'FRA' }, { name: 'Jane  Doe', role: 'Minister', country: 'FRA' }];
    expect(() => buildGazetteer(t)).toThrow(/duplicate key leader:jane-doe/);
  });

  it('rejects an unknown ISO key in countries.json', () => {
    const s = sources();
    (s.countries as Record<string, unknown>)['ZZZ'] = { names: { it: ['Zeta'] } };
    expect(() => buildGazetteer(s)).toThrow(/countries\.json: ZZZ/);
  });
});

describe('slugify', () => {
  it.each([
    ['Volodymyr Zelensky', 'volodymyr-zelensky'],
    ['Recep Tayyip Erdoğan', 'recep-tayyip-erdogan'],
    ['Sébastien Lecornu', 'sebastien-lecornu'],
    ["Gideon Sa'ar", 'gideon-sa-ar'],
    ['  Mar-a-Lago ', 'mar-a-lago'],
  ])('%s -> %s', (name, slug) => expect(slugify(name)).toBe(slug));
});
