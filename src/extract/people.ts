// Language data for people the gazetteer does not know (data/lang/<lang>/people.json): the words that let an
// apposition or a role's complement be read ("X, the former prime minister", "the ambassador to China, X").
// Checked like the gazetteer: an unknown or misspelt key is an error, not a silently ignored list.
import { readFileSync } from 'node:fs';
import type { Lang } from '../read/types.js';
import { CueSet } from './phrase-index.js';

export interface PeopleCues {
  roleModifiers: CueSet;
  appositionAs: CueSet;
  postingPrepositions: CueSet;
  /** English role names (as in roles.json `role`). */
  postingRoles: ReadonlySet<string>;
  roleFor: CueSet;
  stateRoles: ReadonlySet<string>;
  /** "the country's": as a role's possessor, the country last named. */
  countryAnaphora: ReadonlySet<string>;
  /** "former", "ex": before a role of `formerNotLeaders`, an unknown person is a commentator, not a leader. */
  formerWords: CueSet;
  formerNotLeaders: ReadonlySet<string>;
  /** "negotiators from Armenia and Azerbaijan": prepositions that give a group its states like a genitive. */
  groupOrigin: CueSet;
}

const KEYS = ['roleModifiers', 'appositionAs', 'postingPrepositions', 'postingRoles', 'roleFor', 'stateRoles', 'countryAnaphora', 'formerWords', 'formerNotLeaders', 'groupOrigin'] as const;

/** Parses and checks a people.json document; throws naming the file and key on bad data. */
export function parsePeople(lang: Lang, raw: unknown): PeopleCues {
  const file = `data/lang/${lang}/people.json`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${file}: must be an object`);
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== '_doc' && !(KEYS as readonly string[]).includes(k)) throw new Error(`${file}: unknown key "${k}"`);
  const list = (k: (typeof KEYS)[number]): string[] => {
    const v = o[k] ?? [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim())) throw new Error(`${file}: ${k} must be an array of non-empty strings`);
    return v as string[];
  };
  return {
    roleModifiers: new CueSet(list('roleModifiers')), appositionAs: new CueSet(list('appositionAs')),
    postingPrepositions: new CueSet(list('postingPrepositions')), postingRoles: new Set(list('postingRoles')),
    roleFor: new CueSet(list('roleFor')), stateRoles: new Set(list('stateRoles')), countryAnaphora: new Set(list('countryAnaphora')),
    formerWords: new CueSet(list('formerWords')), formerNotLeaders: new Set(list('formerNotLeaders')),
    groupOrigin: new CueSet(list('groupOrigin')),
  };
}

const cache = new Map<Lang, PeopleCues>();

/** The people cues of a language, read once. */
export function loadPeople(lang: Lang): PeopleCues {
  let p = cache.get(lang);
  if (!p) {
    p = parsePeople(lang, JSON.parse(readFileSync(new URL(`../../data/lang/${lang}/people.json`, import.meta.url), 'utf8')) as unknown);
    cache.set(lang, p);
  }
  return p;
}
