// Which state an entity stands for, and when two entities are one side: shared by the fragment builder (no
// relation between a leader and their own country) and the candidate stage (no candidate between them).
import type { ArticleEntity } from './mentions.js';
import { startsWith } from '../read/strings.js';

/** The ISO code of the state a key stands for: a country itself, or a person's or place's country. */
export function countryIsoOf(entities: ReadonlyMap<string, ArticleEntity>, key: string): string | undefined {
  return entities.get(key)?.countryIso ?? (startsWith(key, 'country:') ? key.slice(8) : undefined);
}

/** A leader and their own country, or two names of one state, are one side: never a relation between them. */
export function sameSide(a: string, b: string, isoOf: (key: string) => string | undefined): boolean {
  if (a === b) return true;
  const ia = isoOf(a);
  const ib = isoOf(b);
  return Boolean(ia && ib && ia === ib && (startsWith(a, 'country:') || startsWith(b, 'country:')));
}

/** Two keys that stand for one known state (two people of one state, a person and their own state, ...). */
export function oneState(a: string, b: string, isoOf: (key: string) => string | undefined): boolean {
  const ia = isoOf(a);
  return ia !== undefined && ia === isoOf(b);
}

/** One is the other's envoy ("Witkoff, the special envoy of President Trump"): one side, never a meeting of two. */
export function envoyOf(entities: ReadonlyMap<string, ArticleEntity>, a: string, b: string): boolean {
  return entities.get(a)?.principal === b || entities.get(b)?.principal === a;
}
