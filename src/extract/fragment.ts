// Turns an article's mentions and relations into a graph fragment: nodes with stable keys and edges
// with kind, date, status, evidence. Several mentions of one meeting inside the article become one
// meeting node (same participants, compatible dates); cross-article merging happens in src/graph/merge.ts.
import type { Article } from '../read/types.js';
import { articleHash } from '../read/index.js';
import { edgeKey, orderedEnds, type EdgeKind, type EdgeRecord, type Fragment, type NodeAttributes, type NodeRecord, type Status } from '../graph/model.js';
import { loadGazetteer, slugify } from './gazetteer.js';
import { articleEntity, roleOn, type ArticleEntity, type MentionResult } from './mentions.js';
import type { Occurrence, RelationResult } from './relations.js';
import { startsWith } from '../read/strings.js';
import { quotedDeixisDates, storyDates, undatedMeetingDate } from './event-dates.js';
import { countryIsoOf, envoyOf, oneState, sameSide } from './sides.js';
import { isHeadRole } from './roles.js';
import { sidePairs } from './pairs.js';


interface Meeting {
  family: 'meets' | 'negotiates';
  participants: string[];
  /** Who meets whom: across sides ("Witkoff e Kushner incontrano Putin" pairs each with Putin, not with each other). */
  pairs: Set<string>;
  places: string[];
  date?: string;
  status: Status;
  confidence: number;
  mediators: string[];
  evidence: string[];
}

export function buildFragment(article: Article, ments: MentionResult, rels: RelationResult): Fragment {
  const builder = new FragmentBuilder(article, ments);
  builder.entities(rels);
  builder.occurrences(rels.occurrences);
  builder.relations(rels);
  builder.roles();
  return builder.result();
}

class FragmentBuilder {
  private readonly nodes = new Map<string, NodeAttributes>();
  private readonly edges = new Map<string, EdgeRecord>();
  private readonly gaz = loadGazetteer();

  constructor(private readonly article: Article, private readonly ments: MentionResult) {}

  result(): Fragment {
    const a = this.article;
    return {
      article: { id: a.id, date: a.date, source: a.source, title: a.title, url: a.url, lang: a.lang, hash: articleHash(a.text) },
      nodes: [...this.nodes.values()].map((attributes): NodeRecord => ({ key: attributes.key, attributes })),
      edges: [...this.edges.values()],
    };
  }

  // ---- nodes -------------------------------------------------------------------------------------

  entities(rels: RelationResult): void {
    for (const sentence of this.ments.mentions) {
      for (const m of sentence) {
        // a capital named only as a location is the city, not the state
        if (m.capital && m.location) continue;
        for (const ref of m.refs) this.ensure(ref);
        if (m.kind === 'entity' && m.entity && m.entityKind !== 'place') this.ensure(m.entity);
        if (m.kind === 'group' && m.iso) this.ensure(`country:${m.iso}`);
      }
    }
    for (const p of rels.locations) this.ensure(p);
  }

  /** Adds the node for an entity key (and nothing when the key is unknown). */
  private ensure(key: string): NodeAttributes | undefined {
    const existing = this.nodes.get(key);
    if (existing) return existing;
    const e = this.ments.entities.get(key) ?? this.fromGazetteer(key);
    if (!e) return undefined;
    const attrs: NodeAttributes = { key, label: e.label, kind: e.kind };
    if (e.wikidata) attrs.wikidata = e.wikidata;
    if (e.kind === 'country' && e.iso) attrs.iso = e.iso;
    if (e.kind === 'leader') {
      attrs.role = e.role ?? '';
      attrs.country = this.countryLabel(e.countryIso) ?? '';
      attrs.aliases = [...e.aliases].sort();
      if (e.organisation) attrs.organisation = this.gaz.entries.get(e.organisation)?.label ?? '';
    }
    if (e.kind === 'place') attrs.country = this.countryLabel(e.countryIso) ?? '';
    this.nodes.set(key, attrs);
    return attrs;
  }

  private fromGazetteer(key: string): ArticleEntity | undefined {
    const g = this.gaz.entries.get(key);
    if (!g) return undefined;
    return articleEntity({ key, kind: g.kind, label: g.label, iso: g.iso, countryIso: g.country, organisation: g.organisation, role: roleOn(g, this.article.date), wikidata: g.wikidata, aliases: new Set(), discovered: false });
  }

  private countryLabel(iso: string | undefined): string | undefined {
    return iso ? this.gaz.countryByIso(iso)?.label : undefined;
  }

  /** (one function for the builder's life: sameSide runs for every pair of every meeting) */
  private readonly countryIsoOf = (key: string): string | undefined => countryIsoOf(this.ments.entities, key);

  // ---- meetings ----------------------------------------------------------------------------------

  occurrences(list: Occurrence[]): void {
    quotedDeixisDates(this.article, list, this.countryIsoOf);
    storyDates(list, this.countryIsoOf);
    const meetings: Meeting[] = [];
    for (const o of list) {
      const participants = dedupe(o.sides.flat()).filter((k) => this.ensure(k));
      const sides = o.sides.map((s) => s.filter((k) => this.nodes.has(k))).filter((s) => s.length);
      for (const p of o.places) this.ensure(p);
      if (o.family === 'negotiates') this.negotiation(sides, participants, o);
      // talks between people ("Macron and Merz held talks") are also a meeting of those people
      const family = o.family === 'negotiates' && participants.length >= 2 && participants.every((p) => startsWith(p, 'leader:')) ? 'meets' : o.family;
      // a summit of one organisation ("i ministri del G7 si riuniranno a Capri") is a meeting too
      const summit = participants.length === 1 && startsWith(participants[0]!, 'alliance:') && (o.places.length > 0 || Boolean(o.date));
      const worthy = family === 'meets'
        ? participants.length >= 2 || summit || (o.visit && participants.length >= 1 && o.places.length > 0)
        : participants.length >= 2 && (Boolean(o.date) || o.places.length > 0 || o.round || o.mediators.length > 0);
      if (!worthy) {
        for (const m of o.mediators) for (const p of participants) this.edge('mediates', m, p, o.date, o.status, o.confidence, [o.evidence]);
        continue;
      }
      const pairs = meetingPairs(sides, participants);
      const found = meetings.find((m) => sameMeeting(m, o, family, participants));
      if (found) {
        for (const p of pairs) found.pairs.add(p);
        found.participants = dedupe([...found.participants, ...participants]);
        found.places = dedupe([...found.places, ...o.places]);
        found.mediators = dedupe([...found.mediators, ...o.mediators]);
        found.date = moreSpecific(found.date, o.date);
        if (o.status === 'held' || o.status === 'cancelled') found.status = o.status;
        found.confidence = Math.max(found.confidence, o.confidence);
        if (!found.evidence.includes(o.evidence)) found.evidence.push(o.evidence);
      } else {
        meetings.push({ family, participants, pairs, places: [...o.places], date: o.date, status: o.status, confidence: o.confidence, mediators: [...o.mediators], evidence: [o.evidence] });
      }
    }
    for (const m of meetings) {
      m.date ??= undatedMeetingDate(this.article, m.status);
      this.meetingNode(m);
    }
  }

  private negotiation(sides: string[][], participants: string[], o: Occurrence): void {
    for (const pair of meetingPairs(sides, participants)) {
      const [x, y] = pair.split('|') as [string, string];
      // two people of one state sit on one side of the table ("Witkoff and Kushner negotiated with Hamas")
      if (!this.sameSide(x, y) && !this.compatriots(x, y)) this.edge('negotiates_with', x, y, o.date, o.status, o.confidence, [o.evidence]);
    }
  }


  /** Two people of one known state. */
  private compatriots(a: string, b: string): boolean {
    return startsWith(a, 'leader:') && startsWith(b, 'leader:') && oneState(a, b, this.countryIsoOf);
  }

  /** A leader and their own country are one side: no relation between them. */
  private sameSide(a: string, b: string): boolean {
    return sameSide(a, b, this.countryIsoOf);
  }

  private meetingNode(m: Meeting): void {
    const parts = dedupe(m.participants).sort();
    // undated: what is still to come and what already happened are kept apart ("upcoming" / "undated")
    const when = m.date ?? (m.status === 'planned' || m.status === 'proposed' ? 'upcoming' : 'undated');
    const key = `meeting:${when}:${parts.map((p) => slugify(this.nodes.get(p)?.label ?? p)).join('+')}`;
    const names = parts.map((p) => this.nodes.get(p)?.label ?? p);
    const placeLabels = m.places.map((p) => this.nodes.get(p)?.label ?? p);
    const what = m.family === 'negotiates' ? 'Talks' : 'Meeting';
    const label = `${what}: ${names.join(' – ')}${placeLabels.length ? `, ${placeLabels.join(' or ')}` : ''}${m.date ? ` (${m.date})` : ''}`;
    this.nodes.set(key, {
      key, label, kind: 'meeting', date: m.date ?? '', place: placeLabels.join(' or '), status: m.status,
      participants: parts.map((p) => this.nodes.get(p)?.label ?? p), evidence: m.evidence, source: [this.article.id],
    });
    for (const p of parts) this.edge('participates_in', p, key, m.date, m.status, m.confidence, m.evidence, key);
    for (const pl of m.places) this.edge('held_in', key, pl, m.date, m.status, m.confidence, m.evidence, key);
    for (const med of m.mediators) if (this.ensure(med)) this.edge('mediates', med, key, m.date, m.status, m.confidence, m.evidence, key);
    // talks between states held somewhere ("i colloqui tra Kiev e Mosca, tenutisi venerdì in Turchia") are also a
    // meeting of their delegations (an agreement "between the Palestinians and Israel" is not: no place, no table)
    const heldTalks = m.family === 'negotiates' && m.status === 'held' && m.places.length > 0 && parts.every((p) => startsWith(p, 'country:'));
    if (m.family === 'meets' || heldTalks) {
      for (const pair of [...m.pairs].sort()) {
        const [a, b] = pair.split('|') as [string, string];
        // meets links counterparts: two people, or two states or organisations; a person and a state both take
        // part in the meeting (participates_in), but "Trump meets Malaysia" is no relation a reader would draw
        // (an envoy and the leader who sent them are one side too: both take part, neither meets the other)
        if (!this.sameSide(a, b) && !envoyOf(this.ments.entities, a, b) && startsWith(a, 'leader:') === startsWith(b, 'leader:')) this.edge('meets', a, b, m.date, m.status, m.confidence, m.evidence, key);
      }
    }
  }

  // ---- other relations ---------------------------------------------------------------------------

  relations(rels: RelationResult): void {
    for (const r of rels.relations) {
      if (!this.ensure(r.source) || !this.ensure(r.target) || this.sameSide(r.source, r.target)) continue;
      this.edge(r.kind, r.source, r.target, r.date, r.status, r.confidence, [r.evidence]);
    }
  }

  /** leader_of (heads of state and government) and represents (ministers, envoys) where the text says the role. */
  roles(): void {
    for (const sentence of this.ments.mentions) {
      for (const m of sentence) {
        if (!m.described || !m.entity) continue;
        const e = this.ments.entities.get(m.entity);
        if (!e?.countryIso) continue;
        // only towards a country the article mentions: the gazetteer's knowledge adds no node
        const country = `country:${e.countryIso}`;
        if (!this.nodes.has(country)) continue;
        const kind: EdgeKind = isHeadRole(e.role) ? 'leader_of' : 'represents';
        const text = this.article.sentences[m.sentence]?.text ?? '';
        this.edge(kind, e.key, country, undefined, 'reported', 0.9, [text]);
      }
    }
  }

  private edge(kind: EdgeKind, source: string, target: string, date: string | undefined, status: Status, confidence: number, evidence: string[], meeting?: string): void {
    if (!this.nodes.has(source) || !this.nodes.has(target) || source === target) return;
    const [s, t] = orderedEnds(kind, source, target);
    // an undated upcoming meeting's edges stay apart from an undated past one's
    const keyDate = date ?? ((meeting !== undefined && startsWith(meeting, 'meeting:upcoming:')) ? 'upcoming' : '');
    const key = edgeKey(kind, s, t, keyDate);
    const existing = this.edges.get(key);
    if (existing) {
      const at = existing.attributes;
      for (const ev of evidence) if (!at.evidence.includes(ev)) { at.evidence.push(ev); at.evidence_articles.push(this.article.id); }
      at.confidence = Math.max(at.confidence, confidence);
      if (status === 'held' && at.status !== 'held') at.status = status;
      return;
    }
    const attributes: EdgeRecord['attributes'] = {
      kind, date: date ?? '', status, evidence: [...evidence], evidence_articles: evidence.map(() => this.article.id),
      source: [this.article.id], confidence: Math.round(confidence * 100) / 100, weight: 1,
    };
    // last, where the spread it replaces put it (a spread of a fresh object per edge was a measurable cost)
    if (meeting) attributes.meeting = meeting;
    this.edges.set(key, { key, source: s, target: t, attributes });
  }
}

/**
 * Largest meeting whose participants get pairwise `meets` edges. A summit of dozens is one meeting node with
 * its `participates_in` edges; pairing everyone (n² edges, each carrying the sentence) would drown the graph
 * and, with hundreds of names in one sentence, exhaust memory.
 */
export const MAX_PAIRED_PARTICIPANTS = 12;

/** Pairs that meet or negotiate (pairs.ts), up to MAX_PAIRED_PARTICIPANTS. */
function meetingPairs(sides: string[][], participants: string[]): Set<string> {
  return sidePairs(sides, participants, MAX_PAIRED_PARTICIPANTS);
}

// Helpers below are module functions rather than closures inside their callers: they run for every occurrence,
// and under tsx (esbuild keepNames) every closure creation also calls __name, a defineProperty.

/** Is occurrence o (read as `family`) a mention of meeting m? (family apart: no copy of o per comparison) */
function sameMeeting(m: Meeting, o: Occurrence, family: Meeting['family'], participants: string[]): boolean {
  if (m.family !== family) return false;
  // "a new round of talks could take place in Geneva" is not the round that was just held
  if (o.round && m.status === 'held' && o.status !== 'held') return false;
  // what happened and what is still to come are two meetings ("they spoke ... and will meet soon")
  if ((done(m.status) && ahead(o.status)) || (ahead(m.status) && done(o.status))) return false;
  if (!datesCompatible(m.date, o.date)) return false;
  const shared = participants.filter((p) => m.participants.includes(p)).length;
  const subset = shared === participants.length || shared === m.participants.length;
  if (o.visit && shared >= 1) return o.places.length === 0 || m.places.length === 0 || o.places.some((p) => m.places.includes(p));
  return shared >= 2 || (subset && shared >= 1);
}

function done(s: Status): boolean {
  return s === 'held';
}

function ahead(s: Status): boolean {
  return s === 'planned' || s === 'proposed';
}

function datesCompatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const [a0, a1] = bounds(a);
  const [b0, b1] = bounds(b);
  return a0 <= b1 && b0 <= a1;
}

/** First and last day of an ISO date, month, year or range, as comparable strings. */
function bounds(d: string): [string, string] {
  if (d.includes('/')) {
    const [x, y] = d.split('/') as [string, string];
    return [bounds(x)[0], bounds(y)[1]];
  }
  if (d.length === 4) return [`${d}-01-01`, `${d}-12-31`];
  if (d.length === 7) return [`${d}-01`, `${d}-31`];
  return [d, d];
}

function moreSpecific(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return span(b) < span(a) ? b : a;
}

/** 0 for a day, 1 for a year or a range, 2 for a month: how vague a date is. */
function span(d: string): number {
  const [x, y] = bounds(d);
  return x === y ? 0 : d.length === 7 ? 2 : 1;
}

function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
