// Role lexicons: the nouns that introduce a person ("il presidente francese", "Foreign Secretary"), the
// collective nouns for unnamed participants ("i negoziatori", "officials") and generic leader words.
// The words live in data/lang/<lang>/roles.json; this module reads and checks them once per language.

import { readFileSync } from 'node:fs';

export type RoleLang = 'it' | 'en';

/** Roles that make a person the head of their state or government (not "Vice President", not "aide to the President"). */
const HEAD_ROLES = /^(?:president|prime minister|premier|chancellor|king|queen|emir|supreme leader|sultan|head of state|head of government|crown prince|taoiseach)\b/i;

/** Roles that speak for a state or a company rather than hold an office with counterparts or sit at a table. */
const SPOKESPEOPLE = /spokes|press secretary|portavoce/i;

/** Is a role (as on leader nodes, or as the gazetteer writes it) a spokesperson's? */
export function isSpokesperson(role: string | undefined): boolean {
  return role !== undefined && SPOKESPEOPLE.test(role);
}

/** Is an English role (as on leader nodes) a head of state or government? */
export function isHeadRole(role: string | undefined): boolean {
  return role !== undefined && HEAD_ROLES.test(role);
}

export interface RoleEntry {
  /** Lower-case surface forms, multi-word allowed, with gender and number inflections. */
  forms: string[];
  /** English role written on the leader node ("President", "Foreign Minister"). */
  role: string;
}

export interface RoleLexicon {
  roles: RoleEntry[];
  /** Plural or collective nouns for unnamed participants ("negoziatori", "delegation"). */
  groups: RoleEntry[];
  /** Generic words for a head of state or government ("leader", "capo", "counterpart"). */
  leaderWords: string[];
}

function fail(lang: RoleLang, msg: string): never {
  throw new Error(`data/lang/${lang}/roles.json: ${msg}`);
}

function entries(lang: RoleLang, field: string, v: unknown): RoleEntry[] {
  if (!Array.isArray(v)) fail(lang, `${field} must be an array`);
  return v.map((e: unknown, i): RoleEntry => {
    const o = e as { forms?: unknown; role?: unknown } | null;
    if (!o || typeof o.role !== 'string' || !o.role) fail(lang, `${field}[${i}]: role missing`);
    if (!Array.isArray(o.forms) || o.forms.length === 0 || o.forms.some((f) => typeof f !== 'string' || !f.trim())) {
      fail(lang, `${field}[${i}] (${o.role}): forms must be non-empty strings`);
    }
    const forms = o.forms as string[];
    // Matching lower-cases the text; a capitalised form here could never match.
    const upper = forms.find((f) => f !== f.toLowerCase());
    if (upper) fail(lang, `${field}[${i}] (${o.role}): form "${upper}" is not lower-case`);
    return { forms: [...new Set(forms)], role: o.role };
  });
}

/** Parses and checks a roles.json document. */
export function parseRoles(lang: RoleLang, raw: unknown): RoleLexicon {
  if (typeof raw !== 'object' || raw === null) fail(lang, 'must be an object');
  const r = raw as { roles?: unknown; groups?: unknown; leaderWords?: unknown };
  const leaderWords = r.leaderWords ?? [];
  if (!Array.isArray(leaderWords) || leaderWords.some((w) => typeof w !== 'string')) fail(lang, 'leaderWords must be an array of strings');
  return { roles: entries(lang, 'roles', r.roles), groups: entries(lang, 'groups', r.groups ?? []), leaderWords: leaderWords as string[] };
}

const cache = new Map<RoleLang, RoleLexicon>();

/** The role lexicon of a language, read once. */
export function loadRoles(lang: RoleLang): RoleLexicon {
  let lex = cache.get(lang);
  if (!lex) {
    const url = new URL(`../../data/lang/${lang}/roles.json`, import.meta.url);
    lex = parseRoles(lang, JSON.parse(readFileSync(url, 'utf8')) as unknown);
    cache.set(lang, lex);
  }
  return lex;
}
