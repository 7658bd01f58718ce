// Who held which office when (data/gazetteer/terms.json). The gazetteer says what its people are today; an
// article of 2024 means Joe Biden by "the American president" and Olaf Scholz by "the German chancellor", and
// calls Biden "President". Terms answer both questions for the article's date: a leader's role on that day, and
// the holder of an office the text names without a name. An office with terms is answered from them only.
import { readFileSync } from 'node:fs';
import { loadGazetteer, slugify, type Gazetteer } from './gazetteer.js';

export interface OfficeTerms {
  /** The role the leader held on the date (YYYY-MM-DD), when a term covers it. */
  roleOn(key: string, date: string): string | undefined;
  /**
   * The holder of an office (a country's ISO code or an organisation's key, and a role in any case) on the date.
   * `covered` is false when no term names the office (ask the gazetteer instead); `key` is undefined when the
   * office had no listed holder that day.
   */
  holderOn(owner: string, role: string, date: string): { covered: boolean; key?: string };
}

interface Term { key: string; owner: string; role: string; from: string; to?: string }

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads and checks a terms.json document against the gazetteer; throws naming the term on bad data. */
export function parseTerms(raw: unknown, gaz: Gazetteer): OfficeTerms {
  const file = 'data/gazetteer/terms.json';
  const doc = raw as { terms?: unknown };
  if (typeof raw !== 'object' || raw === null || !Array.isArray(doc.terms)) throw new Error(`${file}: needs a "terms" array`);
  const terms: Term[] = doc.terms.map((t: unknown, i: number): Term => {
    const o = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
    const id = typeof o.name === 'string' ? `${o.name} (${String(o.role)})` : `#${i}`;
    for (const k of Object.keys(o)) if (!['name', 'role', 'from', 'to', 'country', 'organisation'].includes(k)) throw new Error(`${file}: ${id}: unknown key "${k}"`);
    if (typeof o.name !== 'string' || typeof o.role !== 'string' || !o.role) throw new Error(`${file}: ${id}: needs a name and a role`);
    const entry = gaz.entries.get(`leader:${slugify(o.name)}`);
    if (!entry) throw new Error(`${file}: ${id}: not a leader of leaders.json`);
    if (typeof o.from !== 'string' || !ISO_DAY.test(o.from)) throw new Error(`${file}: ${id}: "from" must be YYYY-MM-DD`);
    if (o.to !== undefined && (typeof o.to !== 'string' || !ISO_DAY.test(o.to) || o.to <= o.from)) throw new Error(`${file}: ${id}: "to" must be YYYY-MM-DD after "from"`);
    if (o.country !== undefined && (typeof o.country !== 'string' || !gaz.countryByIso(o.country))) throw new Error(`${file}: ${id}: unknown country "${String(o.country)}"`);
    if (o.organisation !== undefined && (typeof o.organisation !== 'string' || gaz.entries.get(o.organisation)?.kind !== 'alliance')) throw new Error(`${file}: ${id}: unknown organisation "${String(o.organisation)}"`);
    const owner = (o.country as string | undefined) ?? (o.organisation as string | undefined) ?? entry.country ?? entry.organisation!;
    return { key: entry.key, owner, role: o.role, from: o.from, ...(o.to ? { to: o.to as string } : {}) };
  });
  const byKey = new Map<string, Term[]>();
  const byOffice = new Map<string, Term[]>();
  for (const t of terms) {
    byKey.set(t.key, [...(byKey.get(t.key) ?? []), t]);
    const office = `${t.owner}|${t.role.toLowerCase()}`;
    byOffice.set(office, [...(byOffice.get(office) ?? []), t]);
  }
  const during = (t: Term, date: string) => t.from <= date && (t.to === undefined || date < t.to);
  return {
    roleOn: (key, date) => byKey.get(key)?.find((t) => during(t, date))?.role,
    holderOn: (owner, role, date) => {
      const list = byOffice.get(`${owner}|${role.toLowerCase()}`);
      if (!list) return { covered: false };
      const t = list.find((x) => during(x, date));
      return t ? { covered: true, key: t.key } : { covered: true };
    },
  };
}

let cached: OfficeTerms | undefined;

/** The terms of data/gazetteer/terms.json, read once. */
export function loadTerms(): OfficeTerms {
  cached ??= parseTerms(JSON.parse(readFileSync(new URL('../../data/gazetteer/terms.json', import.meta.url), 'utf8')) as unknown, loadGazetteer());
  return cached;
}
