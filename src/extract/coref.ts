// Coreference inside one article: fills `refs` on every mention.
//   - names → their entity; surnames were already linked by the mention scanner;
//   - role descriptions ("il presidente francese", "the Kremlin leader") → the most recently mentioned
//     leader of that country (with a compatible role), else the one gazetteer leader with that role
//     and country;
//   - counterparts ("la sua controparte francese") → the most recent leader of that country;
//   - group phrases ("i due leader", "both leaders") → the two most recently mentioned leaders;
//   - groups ("i negoziatori americani, tra cui X") → their named members, else their country.
// Italian subject omission is handled where it matters, by the relation stage (relations.ts).
import { loadGazetteer, type GazetteerEntry } from './gazetteer.js';
import { articleEntity, roleOn, type ArticleEntity, type Mention, type MentionResult } from './mentions.js';
import { loadTerms } from './terms.js';
import { startsWith } from '../read/strings.js';
import { isHeadRole, isSpokesperson } from './roles.js';

// Unanchored on purpose for "the Kremlin leader" (a recent leader whose role holds one of these words, "Vice
// President" too): anchoring it (roles.ts isHeadRole) was tried, and cost precision and meeting dates on the
// development set after a refit.
const HEAD_WORDS = /president|prime minister|premier|chancellor|king|queen|emir|supreme leader|sultan|head of state/i;

let holdersIndex: Map<string, GazetteerEntry[]> | undefined;

/** Gazetteer leaders by "ISO|role" (lower case), built once. */
function officeHolders(): Map<string, GazetteerEntry[]> {
  if (!holdersIndex) {
    holdersIndex = new Map();
    for (const g of loadGazetteer().entries.values()) {
      if (g.kind !== 'leader' || !g.country || !g.role) continue;
      const k = `${g.country}|${g.role.toLowerCase()}`;
      holdersIndex.set(k, [...(holdersIndex.get(k) ?? []), g]);
    }
  }
  return holdersIndex;
}

export function resolveCoreference(result: MentionResult): void {
  const recent: string[] = []; // leader keys, most recent last
  // the office a counterpart stands for: the possessor's ("his counterpart" of a director-general is a director-general)
  const office = new Map<Mention, string>();
  for (const sentence of result.mentions) {
    for (const m of sentence) {
      if (m.counterpart) {
        const own = counterpartOffice(m, result.entities, recent);
        if (own) office.set(m, own);
      }
      m.refs = heads(m) ? headsOf(m, result.entities, recent) : refsOf(m, result.entities, recent, office.get(m), result.date);
      if (m.kind !== 'anaphor') for (const r of m.refs) if (startsWith(r, 'leader:')) touch(recent, r);
    }
  }
  // Cataphora: "met his Colombian counterpart ... Colombia's Foreign Minister Rosa Villavicencio said":
  // a description still unresolved takes the first later leader of its country; a counterpart whose office no
  // earlier leader holds takes the first later one who does.
  const all = result.mentions.flat();
  all.forEach((m, k) => {
    // "i capi di governo di Italia e Francia ... Meloni ... Macron": a head named later stands for their state
    if (heads(m)) {
      m.refs = m.refs.map((r) => {
        if (!startsWith(r, 'country:')) return r;
        const later = all.slice(k + 1).find((x) => x.kind === 'entity' && x.entityKind === 'leader' && x.entity && isHeadOf(result.entities.get(x.entity), r.slice(8)));
        return later?.entity ?? r;
      });
      return;
    }
    if (m.kind !== 'role' || !m.iso) return;
    const own = office.get(m);
    if (m.refs.length && !(own && m.refs.every((r) => officeOf(result.entities.get(r)) !== own))) return;
    const later = all.slice(k + 1).find((x) => x.kind === 'entity' && x.entityKind === 'leader' && x.entity && result.entities.get(x.entity)?.countryIso === m.iso && (!m.refs.length || officeOf(result.entities.get(x.entity)) === own));
    if (later?.entity) m.refs = [later.entity];
  });
}

/** "i due paesi", "both countries": the states of the latest people of two different states, else nothing. */
function twoStates(entities: ReadonlyMap<string, ArticleEntity>, recent: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = recent.length - 1; k >= 0 && out.length < 2; k--) {
    const iso = entities.get(recent[k]!)?.countryIso;
    if (iso && !out.includes(`country:${iso}`)) out.push(`country:${iso}`);
  }
  return out.length === 2 ? out : [];
}

/** "The leaders of France and Germany", "i capi di Stato e di governo di Italia e Francia": heads, state by state. */
function heads(m: Mention): boolean {
  return m.kind === 'group' && m.role === 'Leader' && !m.members?.length && !m.entity && Boolean(m.iso);
}

/** Each state's head as the article has named them so far (the latest), else the state itself. */
function headsOf(m: Mention, entities: ReadonlyMap<string, ArticleEntity>, recent: readonly string[]): string[] {
  return (m.isos ?? [m.iso!]).map((iso) => {
    for (let k = recent.length - 1; k >= 0; k--) if (isHeadOf(entities.get(recent[k]!), iso)) return recent[k]!;
    return `country:${iso}`;
  });
}

function isHeadOf(e: ArticleEntity | undefined, iso: string): boolean {
  return Boolean(e && e.kind === 'leader' && e.countryIso === iso && isHeadRole(e.role));
}

/** The office of the latest leader of another state than the counterpart's: whose counterpart it is. */
function counterpartOffice(m: Mention, entities: ReadonlyMap<string, ArticleEntity>, recent: readonly string[]): string | undefined {
  for (let k = recent.length - 1; k >= 0; k--) {
    const e = entities.get(recent[k]!);
    if (e?.countryIso && e.countryIso !== m.iso) return officeOf(e);
  }
  return undefined;
}

/** A leader's office for matching counterparts: heads of state and of government are one office. */
function officeOf(e: ArticleEntity | undefined): string | undefined {
  const role = e?.role?.toLowerCase();
  if (!role) return undefined;
  return isHeadRole(role) ? 'head' : role;
}

/** Moves (or adds) a leader key to the end of the recency list. A module function rather than a closure: under
 *  tsx every closure creation also calls __name. */
function touch(recent: string[], key: string): void {
  const i = recent.indexOf(key);
  if (i >= 0) recent.splice(i, 1);
  recent.push(key);
}

function refsOf(m: Mention, entities: Map<string, ArticleEntity>, recent: readonly string[], office?: string, date?: string): string[] {
  switch (m.kind) {
    case 'entity':
      return m.entity ? [m.entity] : [];
    case 'group':
      if (m.members?.length) return m.members.flatMap((x) => (x.entity ? [x.entity] : []));
      if (m.isos?.length) return m.isos.map((iso) => `country:${iso}`);
      if (m.entity) return [m.entity]; // "i ministri degli Esteri del G7"
      return m.iso ? [`country:${m.iso}`] : [];
    case 'anaphor': {
      if (m.role === 'pronoun') return recent.slice(-1);
      if (m.role === 'states') return twoStates(entities, recent);
      const two = recent.slice(-2);
      return two.length === 2 ? two : [];
    }
    case 'role':
      return resolveRole(m, entities, recent, office, date);
  }
}

function resolveRole(m: Mention, entities: Map<string, ArticleEntity>, recent: readonly string[], wantedOffice?: string, date?: string): string[] {
  const roleWanted = m.role?.toLowerCase();
  const compatible = (e: ArticleEntity) => {
    if (e.kind !== 'leader') return false;
    if (m.iso) {
      if (e.countryIso !== m.iso) return false;
    } else if (m.entity) {
      if (e.organisation !== m.entity) return false;
    } else if (!roleWanted || m.counterpart) return false; // "la premier": any recent leader in that office
    if (m.counterpart) return true;
    // "the Kremlin leader": a head of state or government.
    if (!roleWanted) return !e.role || HEAD_WORDS.test(e.role);
    const has = e.role?.toLowerCase();
    return !has || has.includes(roleWanted) || roleWanted.includes(has);
  };
  if (m.counterpart) {
    // the holder of the same office first; a spokesperson speaks for a state and is nobody's counterpart
    let other: string | undefined;
    for (let k = recent.length - 1; k >= 0; k--) {
      const e = entities.get(recent[k]!);
      if (!e || !compatible(e) || isSpokesperson(e.role)) continue;
      if (!wantedOffice || officeOf(e) === wantedOffice) return [e.key];
      other ??= e.key;
    }
    return other ? [other] : [];
  }
  for (let k = recent.length - 1; k >= 0; k--) {
    const e = entities.get(recent[k]!);
    if (e && compatible(e)) return [e.key];
  }
  // Nobody in the article fits: the gazetteer's holder of that office, when there is exactly one.
  // A bare "leader" ("il leader del Cremlino", "the Kremlin leader") is the head of state or government
  // the seat of power names: Downing Street, Palazzo Chigi, Matignon house prime ministers; others presidents.
  if (!m.iso || m.counterpart) return m.entity && !m.counterpart ? [m.entity] : [];
  const office = roleWanted ?? (m.seat && /downing|chigi|matignon|moncloa/i.test(m.seat) ? 'prime minister' : m.seat ? 'president' : undefined);
  if (!office) return [];
  // as of the article's date where terms list the office ("the American president" of 2024 is Biden)
  const term = date ? loadTerms().holderOn(m.iso, office, date) : { covered: false };
  const holders = term.covered ? (term.key ? [loadGazetteer().entries.get(term.key)!] : []) : officeHolders().get(`${m.iso}|${office}`) ?? [];
  if (holders.length !== 1) return [];
  const g = holders[0]!;
  if (!entities.has(g.key)) {
    entities.set(g.key, articleEntity({
      key: g.key, kind: 'leader', label: g.label, countryIso: g.country, role: roleOn(g, date), wikidata: g.wikidata,
      aliases: new Set(g.names.filter((n) => n.via === 'alias' || n.via === 'name').map((n) => n.form)), discovered: false,
    }));
  }
  return [g.key];
}
