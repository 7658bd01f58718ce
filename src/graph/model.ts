// The graph model: node and edge attributes as stored in graphology and exported to JSON/GEXF.
// Contract: ../shared/GUIDE.md. Never use the attribute `type` for domain meaning (sigma uses it
// to pick a renderer); the domain category is `kind`.

export type NodeKind = 'leader' | 'country' | 'alliance' | 'group' | 'meeting' | 'place';

export type EdgeKind =
  | 'meets'
  | 'negotiates_with'
  | 'sanctions'
  | 'participates_in'
  | 'leader_of'
  | 'represents'
  | 'member_of'
  | 'mediates'
  | 'supports'
  | 'at_war_with'
  | 'calls_on'
  | 'held_in';

export type Status = 'held' | 'planned' | 'proposed' | 'discussed' | 'cancelled' | 'ongoing' | 'reported';

/** Edge kinds drawn without direction. Every other kind is directed (source acts on target). */
export const UNDIRECTED_KINDS: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['meets', 'negotiates_with', 'at_war_with']);

export interface NodeAttributes {
  /** Stable key, e.g. `country:FRA`, `leader:emmanuel-macron`, `meeting:2026-03-13:a+b`. Equal to the graph key. */
  key: string;
  /** English canonical name (countries, organisations), full name (people). */
  label: string;
  kind: NodeKind;
  wikidata?: string;
  aliases?: string[];
  /** leader: role as written in English ("President of France", "special envoy"). */
  role?: string;
  /** leader, place: the country's label. */
  country?: string;
  /** leader of an international organisation: the organisation's label. */
  organisation?: string;
  /** country: ISO 3166-1 alpha-3. */
  iso?: string;
  /** meeting: ISO date, month (YYYY-MM) or range (YYYY-MM-DD/YYYY-MM-DD). */
  date?: string;
  /** meeting: label of the place or country where it is held. */
  place?: string;
  status?: Status;
  /** meeting: labels of the participants. */
  participants?: string[];
  /** Sentences that mention the node (meetings), and the article ids they come from. */
  evidence?: string[];
  source?: string[];
  /** Layout and appearance, filled by the graph stage (ForceAtlas2 + palette). */
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

export interface EdgeAttributes {
  kind: EdgeKind;
  /** ISO date, month or range; '' when the text gives none. */
  date: string;
  status: Status;
  /** The evidence sentences, as text, in order of first appearance. */
  evidence: string[];
  /** Article id of each evidence sentence (parallel to `evidence`). */
  evidence_articles: string[];
  /** Distinct article ids the edge was found in. */
  source: string[];
  /** 0..1: how sure the extractor is (pattern strength, coreference distance). */
  confidence: number;
  /** Number of independent articles that report the relation. */
  weight: number;
  /** The meeting node a meets / participates_in / mediates edge belongs to. */
  meeting?: string;
  label?: string;
  size?: number;
  color?: string;
}

export interface NodeRecord {
  key: string;
  attributes: NodeAttributes;
}

export interface EdgeRecord {
  /** Stable key: kind, endpoints (sorted when undirected) and date (see edgeKey). */
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/** Metadata of an ingested article, kept in the graph's attributes (`articles`). */
export interface ArticleInfo {
  id: string;
  date?: string;
  source?: string;
  title?: string;
  url?: string;
  lang: string;
  /** sha256 of the text: incremental builds skip articles already ingested. */
  hash: string;
  /** Fields of a JSON Lines article that the model does not define, kept as they were. */
  meta?: Record<string, string | number | boolean>;
}

/** What extraction yields for one article: a pure value, merged into a graph by `mergeFragment`. */
export interface Fragment {
  article: ArticleInfo;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

export interface GraphAttributes {
  name?: string;
  articles?: Record<string, ArticleInfo>;
  /** Id of the build that wrote graph.json, also in graph.gexf's <meta> (src/cli/output.ts). */
  build?: string;
}

/** Key of an edge: one edge per kind, endpoints (sorted when undirected) and date. */
export function edgeKey(kind: EdgeKind, source: string, target: string, date: string): string {
  const [a, b] = UNDIRECTED_KINDS.has(kind) && target < source ? [target, source] : [source, target];
  return `${kind}:${a}->${b}${date ? `@${date}` : ''}`;
}

/** Endpoints in the order an edge stores them: sorted for undirected kinds. */
export function orderedEnds(kind: EdgeKind, source: string, target: string): [string, string] {
  return UNDIRECTED_KINDS.has(kind) && target < source ? [target, source] : [source, target];
}
