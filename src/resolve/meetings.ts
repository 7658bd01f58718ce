// Cross-article meeting resolution. Extraction keys a meeting by its date and participants
// (`meeting:DATE:a+b`), so articles that date one meeting differently (one says "Monday", another,
// published the next day, "yesterday" resolved a day off; or one gives no date at all) produce several
// meeting nodes for one event. This pass merges them, after every fragment has been merged:
//  - candidates share the participant part of the key and a compatible place (equal, or one unknown);
//  - day-dated meetings within one day of the earliest one form a cluster (greedy from the earliest
//    date, so 13, 14, 15 gives {13, 14} and {15}: a chain must not glue a week of meetings together);
//  - an undated meeting ("undated" or "upcoming") joins the cluster only when exactly one dated cluster
//    is compatible with it: with two candidates we cannot tell which one it was, and keep it apart.
// The cluster keeps the key of its earliest meeting; the others' attributes (evidence, sources) are
// merged into it, and every edge that pointed at them (participates_in, held_in, mediates, and meets
// edges whose `meeting` is them) is re-keyed onto the kept meeting and its date, merging with an edge
// that already has that key. Deterministic: the result depends on the graph's content and insertion
// order only, and the pipeline inserts in article-id order.
import type { KnowledgeGraph } from '../graph/create.js';
import { dropMergeIndexes, mergeEdge, mergeNode } from '../graph/merge.js';
import { edgeKey, UNDIRECTED_KINDS, type EdgeAttributes, type NodeAttributes } from '../graph/model.js';

export interface MeetingResolution {
  /** Merged meeting key → the key it was merged into. */
  merged: Map<string, string>;
}

interface Candidate {
  key: string;
  when: string;
  /** Days since the epoch for a day date; undefined for undated, months and ranges. */
  day?: number;
  undated: boolean;
  place: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string): number | undefined {
  const m = DAY.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : undefined;
}

/** `meeting:WHEN:PARTS` → [WHEN, PARTS]; undefined for keys of another shape. */
export function splitMeetingKey(key: string): [string, string] | undefined {
  if (!key.startsWith('meeting:')) return undefined;
  const rest = key.slice(8);
  const colon = rest.indexOf(':');
  return colon < 0 ? undefined : [rest.slice(0, colon), rest.slice(colon + 1)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function placesCompatible(a: string, b: string): boolean {
  return !a || !b || a === b;
}

/** Which meetings to merge into which: pure over the list of meeting nodes. */
export function planMeetingMerges(meetings: readonly { key: string; attributes: NodeAttributes }[]): Map<string, string> {
  const groups = new Map<string, Candidate[]>();
  for (const { key, attributes } of meetings) {
    const parts = splitMeetingKey(key);
    if (!parts) continue;
    const [when, who] = parts;
    const undated = when === 'undated' || when === 'upcoming' || when === '';
    const c: Candidate = { key, when, day: undated ? undefined : dayNumber(when), undated, place: attributes.place ?? '' };
    const list = groups.get(who);
    if (list) list.push(c);
    else groups.set(who, [c]);
  }
  const plan = new Map<string, string>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const dated = list.filter((c) => c.day !== undefined).sort((a, b) => a.day! - b.day! || compare(a.key, b.key));
    const clusters: { anchor: Candidate; place: string; members: Candidate[] }[] = [];
    for (const c of dated) {
      const home = clusters.find((k) => c.day! - k.anchor.day! <= 1 && placesCompatible(k.place, c.place));
      if (home) {
        home.members.push(c);
        if (!home.place) home.place = c.place;
      } else clusters.push({ anchor: c, place: c.place, members: [c] });
    }
    for (const c of list.filter((x) => x.undated).sort((a, b) => compare(a.key, b.key))) {
      const fits = clusters.filter((k) => placesCompatible(k.place, c.place));
      if (fits.length === 1) fits[0]!.members.push(c);
    }
    for (const k of clusters) for (const m of k.members) if (m !== k.anchor) plan.set(m.key, k.anchor.key);
  }
  return plan;
}

/** Merges the meeting nodes that report one event (see the top of this file). In place. */
export function resolveMeetings(graph: KnowledgeGraph): MeetingResolution {
  const meetings: { key: string; attributes: NodeAttributes }[] = [];
  graph.forEachNode((key, attributes) => {
    if (attributes.kind === 'meeting') meetings.push({ key, attributes });
  });
  const plan = planMeetingMerges(meetings);
  if (plan.size === 0) return { merged: plan };

  // Edges that belong to a merged meeting: incident to it, or carrying it as their `meeting`.
  const byMeeting = new Map<string, Set<string>>();
  const note = (m: string, edge: string): void => {
    if (!plan.has(m)) return;
    let s = byMeeting.get(m);
    if (!s) byMeeting.set(m, (s = new Set()));
    s.add(edge);
  };
  graph.forEachEdge((edge, attrs, source, target) => {
    if (attrs.meeting) note(attrs.meeting, edge);
    note(source, edge);
    note(target, edge);
  });

  // Key order, so that evidence lists grow in the same order on every run.
  for (const from of [...plan.keys()].sort(compare)) {
    const into = plan.get(from)!;
    const keep = graph.getNodeAttributes(into);
    const gone = graph.getNodeAttributes(from);
    // the kept meeting's key, date and label stay; lists and status merge
    mergeNode(graph, into, { ...gone, key: into, label: keep.label, date: keep.date });
    for (const edge of [...(byMeeting.get(from) ?? [])].sort(compare)) {
      if (!graph.hasEdge(edge)) continue;
      const attrs = graph.getEdgeAttributes(edge);
      const [s0, t0] = graph.extremities(edge);
      const s = s0 === from ? into : s0;
      const t = t0 === from ? into : t0;
      const moved: EdgeAttributes = { ...attrs, date: keep.date ?? '', meeting: into };
      const [a, b] = UNDIRECTED_KINDS.has(attrs.kind) && t < s ? [t, s] : [s, t];
      const key = edgeKey(attrs.kind, a, b, moved.date);
      graph.dropEdge(edge);
      mergeEdge(graph, { key, source: a, target: b, attributes: moved });
    }
    graph.dropNode(from);
  }
  // list indexes were keyed by edge keys that no longer exist
  dropMergeIndexes(graph);
  return { merged: plan };
}
