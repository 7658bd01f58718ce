// Dates on edges and meetings: an ISO day, a month (YYYY-MM), a year, or a range `a/b` of those, as
// inclusive spans of day numbers (days since 1970-01-01, UTC). Shared by the viewer's filters
// (viewer/src/state.ts) and the server's subgraph queries (src/serve/subgraph.ts), so a time window
// means the same thing on both sides.

const MS_PER_DAY = 86_400_000;

/** Day number of an ISO day `YYYY-MM-DD`, or null when it is not one. */
export function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(ms)) return null;
  const day = Math.floor(ms / MS_PER_DAY);
  // Date.UTC rolls 2026-02-30 over to 2026-03-02: such a date is not a day.
  return isoDay(day) === iso ? day : null;
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function boundOf(part: string, end: boolean): number | null {
  const p = part.trim();
  const day = dayNumber(p);
  if (day !== null) return day;
  const month = /^(\d{4})-(\d{2})$/.exec(p);
  if (month) {
    const y = Number(month[1]);
    const mo = Number(month[2]);
    // Day 0 of the next month is the last day of this one.
    const ms = end ? Date.UTC(y, mo, 0) : Date.UTC(y, mo - 1, 1);
    return Math.floor(ms / MS_PER_DAY);
  }
  const year = /^(\d{4})$/.exec(p);
  if (year) {
    const y = Number(year[1]);
    return Math.floor((end ? Date.UTC(y, 11, 31) : Date.UTC(y, 0, 1)) / MS_PER_DAY);
  }
  return null;
}

/** The inclusive span of days an ISO date, month, year or range covers; null when undated or unparseable. */
export function dateSpan(date: unknown): [number, number] | null {
  if (typeof date !== 'string' || date.trim() === '') return null;
  const [a, b] = date.includes('/') ? date.split('/', 2) : [date, date];
  const start = boundOf(a ?? '', false);
  const end = boundOf(b ?? '', true);
  if (start === null || end === null) return null;
  return start <= end ? [start, end] : [end, start];
}
