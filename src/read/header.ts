// The optional article header: `date YYYY-MM-DD Source.` at the very start, possibly after whitespace, on the
// same line as the first sentence (` date 2026-03-12 AgenPress. Il presidente ...`).
//
// Accepted forms (documented in the README by the CLI owner):
//   date 2026-03-12 AgenPress.         date: 2026-03-12 Il Sole 24 Ore.
//   date 2026-03-12T09:30:00+01:00 Reuters.   (the time is dropped: the date as written is kept)
//   date 2026-03-12                    (alone on its line: no source)
// The source runs from the date to the first ". " (or "." at the end of the line). It must be short (at most
// MAX_SOURCE_WORDS words): a longer run is the first sentence of an article without a source, which then keeps
// the text. A text starting with `date` (any case) followed by a digit is a header and must be valid; a text
// starting with "date" followed by a word ("Date palms ...") is not a header.
import { UserError } from '../errors.js';

export interface Header {
  /** ISO YYYY-MM-DD; undefined when there is no header. */
  date?: string;
  source?: string;
  /** Offset of the first body character (after the header and the spaces after it). */
  bodyStart: number;
}

const MAX_SOURCE_WORDS = 6;
const MAX_SOURCE_CHARS = 60;

/** True when y-m-d is a real calendar day (leap years included). */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Parse a strict ISO calendar date `YYYY-MM-DD`; undefined when malformed or impossible. */
export function parseIsoDate(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  return isValidDate(Number(m[1]), Number(m[2]), Number(m[3])) ? s : undefined;
}

function skipSpaces(text: string, i: number, newlines: boolean): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0' || (newlines && /\s/.test(text[i]!)))) i++;
  return i;
}

const DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseHeader(text: string, name: string): Header {
  const first = skipSpaces(text, 0, true);
  const head = /^date(:?)[ \t\u00a0]+(?=\d)/i.exec(text.slice(first, first + 16));
  if (!head) return { bodyStart: first };
  const fail = (why: string): never => {
    throw new UserError(`${name}: unreadable header: ${why}`);
  };
  const dateStart = first + head[0].length;
  let dateEnd = dateStart;
  while (dateEnd < text.length && !/\s/.test(text[dateEnd]!)) dateEnd++;
  let stamp = text.slice(dateStart, dateEnd);
  // "date 2026-03-12. Body": a period right after the date closes the header without a source.
  const closedByPeriod = stamp.endsWith('.');
  if (closedByPeriod) stamp = stamp.slice(0, -1);
  const m = DATETIME.exec(stamp);
  if (!m) fail(`"${stamp.slice(0, 40)}" is not a date (expected YYYY-MM-DD)`);
  const date = parseIsoDate(m![1]!);
  if (!date) fail(`${m![1]} is not a calendar date`);
  let i = skipSpaces(text, dateEnd, false);
  if (closedByPeriod || i >= text.length || text[i] === '\n' || text[i] === '\r') {
    return { date, bodyStart: skipSpaces(text, i, true) };
  }
  // Source: up to the first ". " or "." before a newline / the end, on this line.
  let j = i;
  while (j < text.length && text[j] !== '\n') {
    if (text[j] === '.' && (j + 1 >= text.length || /\s/.test(text[j + 1]!))) break;
    j++;
  }
  const source = text.slice(i, j).trim();
  const words = source.split(/\s+/).filter(Boolean).length;
  if (text[j] !== '.' || source === '' || words > MAX_SOURCE_WORDS || source.length > MAX_SOURCE_CHARS) {
    return { date, bodyStart: i };
  }
  return { date, source, bodyStart: skipSpaces(text, j + 1, true) };
}
