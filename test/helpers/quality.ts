// Test helper for the extraction-quality tests: one text through read → extract, as plain values.
import { readArticle, type Lang } from '../../src/read/index.js';
import { extract } from '../../src/extract/index.js';
import type { EdgeKind, EdgeRecord, Status } from '../../src/graph/model.js';

export interface MeetingView {
  participants: string[];
  date: string;
  status: Status | undefined;
  place: string | undefined;
}

export function fragmentOf(text: string, date = '2026-03-10', lang?: Lang) {
  return extract(readArticle(text, { id: 'q', date, ...(lang ? { lang } : {}) }));
}

/** The meeting nodes of a text: participant labels (sorted), date, status and place. */
export function meetings(text: string, date = '2026-03-10', lang?: Lang): MeetingView[] {
  const f = fragmentOf(text, date, lang);
  return f.nodes.filter((n) => n.attributes.kind === 'meeting').map((n) => ({
    participants: [...(n.attributes.participants ?? [])].sort(),
    date: n.attributes.date ?? '',
    status: n.attributes.status,
    place: n.attributes.place || undefined,
  }));
}

export function edges(text: string, kind: EdgeKind, date = '2026-03-10', lang?: Lang): EdgeRecord[] {
  return fragmentOf(text, date, lang).edges.filter((e) => e.attributes.kind === kind);
}
