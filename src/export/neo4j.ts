// Neo4j bulk-import CSV (`kg export GRAPH --format neo4j --out DIR`): DIR/nodes.csv and DIR/rels.csv, for
//   neo4j-admin database import full --nodes=DIR/nodes.csv --relationships=DIR/rels.csv
// with neo4j-admin's default settings (delimiter `,`, array delimiter `;`, quote `"`, single-line fields).
// The columns are fixed, those of the README's "Past one machine" section:
//   nodes.csv  key:ID,label,kind,:LABEL,role,country,iso,date,place,status,wikidata,
//              aliases:string[],participants:string[],evidence:string[],source:string[]
//   rels.csv   :START_ID,:END_ID,:TYPE,key,date,status,confidence:float,weight:int,
//              evidence:string[],evidence_articles:string[],source:string[],meeting
// `:LABEL` is the node's kind and `:TYPE` the edge's kind; the undirected kinds (meets, negotiates_with,
// at_war_with) are stored once, from the smaller key to the larger (Neo4j relationships always have a
// direction; queries ignore it with `-[]-`). Attributes outside these columns (layout, organisation) are
// not imported. An absent value or an empty list is an empty field, which neo4j-admin leaves unset.
//
// What the defaults cannot carry, changed so that every row still imports as written:
// - A `;` inside a list item would split it in two (neo4j-admin has no escape for its array
//   delimiter), so it is written as `；` (U+FF1B, fullwidth semicolon); `replacedSemicolons` counts them.
// - A line break inside a value is written as a space: multi-line fields need
//   --multiline-fields=true, which makes the import slower (no parallel parsing).
// Quoting is RFC 4180's, which is neo4j-admin's (a `"` inside a quoted field doubled; `\` is not an escape).
import type { KnowledgeGraph } from '../graph/create.js';
import { numberText, sortedEdges, sortedNodes } from './columns.js';
import { stableStringify } from './json.js';
import type { TableFile } from './csv.js';
import { field } from './csv.js';

export const NEO4J_NODE_HEADER = [
  'key:ID', 'label', 'kind', ':LABEL', 'role', 'country', 'iso', 'date', 'place', 'status', 'wikidata',
  'aliases:string[]', 'participants:string[]', 'evidence:string[]', 'source:string[]',
] as const;

export const NEO4J_REL_HEADER = [
  ':START_ID', ':END_ID', ':TYPE', 'key', 'date', 'status', 'confidence:float', 'weight:int',
  'evidence:string[]', 'evidence_articles:string[]', 'source:string[]', 'meeting',
] as const;

export const ARRAY_DELIMITER = ';';
/** What a `;` inside a list item becomes (see the top of the file). */
export const SEMICOLON_STANDIN = '\uFF1B';

export interface Neo4jStats {
  /** List items in which a `;` was written as `；`. */
  replacedSemicolons: number;
}

/** Both files as lazy row sequences; `stats` is filled in while they are written. */
export function neo4jFiles(graph: KnowledgeGraph, stats: Neo4jStats = { replacedSemicolons: 0 }): TableFile[] {
  return [
    { name: 'nodes.csv', chunks: nodeRows(graph, stats) },
    { name: 'rels.csv', chunks: relRows(graph, stats) },
  ];
}

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/** A value on one line. */
function oneLine(text: string): string {
  return text.includes('\n') || text.includes('\r') || /[\u2028\u2029\u0085]/.test(text) ? text.replace(LINE_BREAK, ' ') : text;
}

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  return field(oneLine(typeof v === 'string' ? v : typeof v === 'object' ? stableStringify(v) : String(v)));
}

function* nodeRows(graph: KnowledgeGraph, stats: Neo4jStats): Generator<string, void, undefined> {
  const array = arrayWriter(stats);
  yield NEO4J_NODE_HEADER.join(',') + '\r\n';
  for (const { key, attrs: a } of sortedNodes(graph)) {
    yield [
      str(key), str(a.label), str(a.kind), str(a.kind), str(a.role), str(a.country), str(a.iso), str(a.date),
      str(a.place), str(a.status), str(a.wikidata),
      array(a.aliases), array(a.participants), array(a.evidence), array(a.source),
    ].join(',') + '\r\n';
  }
}

function* relRows(graph: KnowledgeGraph, stats: Neo4jStats): Generator<string, void, undefined> {
  const array = arrayWriter(stats);
  yield NEO4J_REL_HEADER.join(',') + '\r\n';
  for (const { key, attrs: a, source, target, undirected } of sortedEdges(graph)) {
    const [start, end] = undirected && target < source ? [target, source] : [source, target];
    yield [
      str(start), str(end), str(a.kind), str(key), str(a.date), str(a.status),
      numberText(a.confidence) ?? '', integer(a.weight),
      array(a.evidence), array(a.evidence_articles), array(a.source), str(a.meeting),
    ].join(',') + '\r\n';
  }
}

function integer(v: unknown): string {
  return typeof v === 'number' && Number.isSafeInteger(v) ? numberText(v)! : '';
}

/**
 * Writes a list as `item;item;…`, one field. Items are memoised (evidence sentences recur on every edge
 * of their meeting), and so are the counts of replaced semicolons, counted once per occurrence.
 */
function arrayWriter(stats: Neo4jStats): (v: unknown) => string {
  const memo = new Map<unknown, { text: string; replaced: boolean }>();
  return (v: unknown): string => {
    const list: unknown[] = Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
    let s = '';
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      let e = memo.get(item);
      if (e === undefined) {
        const text = oneLine(typeof item === 'string' ? item : (stableStringify(item) ?? ''));
        const replaced = text.includes(ARRAY_DELIMITER);
        memo.set(item, (e = { text: replaced ? text.replaceAll(ARRAY_DELIMITER, SEMICOLON_STANDIN) : text, replaced }));
      }
      if (e.replaced) stats.replacedSemicolons++;
      s += i === 0 ? e.text : ARRAY_DELIMITER + e.text;
    }
    return field(s);
  };
}
