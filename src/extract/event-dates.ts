// Meetings told without a date: news reports what happened today or yesterday without saying when ("Macron ha
// ricevuto Zelensky all'Eliseo"), so a meeting that happened, or is reported, with no time expression in any of
// its mentions takes the article's date. Applied after the mentions of one meeting in the article are merged
// (fragment.ts), so that a date given in one sentence dates the others. Plans and proposals stay undated
// (upcoming): their day is not the article's.
// Before that, a meeting told just after a dated one with some of the same people is the same story going on
// ("On Tuesday Putin received the envoys. ... On the American side sat X and Y; the Kremlin leader was joined by
// Z."): it takes that date (storyDates).
// (Tried on the development set and dropped: the date of the story's first dated meeting within a week for every
// later sentence — fewer meetings dated right than the article's date.)
import type { Article } from '../read/types.js';
import type { Status } from '../graph/model.js';
import type { Occurrence } from './relations.js';
import { addDays, findTimeExpressions, isoDay, parseYmd } from './time.js';
import { QUOTATION_MARKS } from '../read/normalise.js';

/** How many sentences back a dated meeting still dates an undated one that shares a participant. */
const STORY_SENTENCES = 3;

export function storyDates(occurrences: Occurrence[], countryOf: (key: string) => string | undefined = () => undefined): void {
  for (const o of occurrences) {
    if (o.date || o.family !== 'meets' || !done(o.status)) continue;
    // the same people, or their states ("the leaders of France and Germany called Trump ... Macron: we spoke")
    const people = new Set(o.sides.flat());
    for (const k of o.sides.flat()) {
      const iso = countryOf(k);
      if (iso) people.add(`country:${iso}`);
    }
    let best: Occurrence | undefined;
    for (const p of occurrences) {
      if (!p.date || !done(p.status) || p.sentence >= o.sentence || o.sentence - p.sentence > STORY_SENTENCES) continue;
      if (!p.sides.flat().some((k) => people.has(k))) continue;
      if (!best || p.sentence > best.sentence) best = p;
    }
    if (best?.date) o.date = best.date;
  }
}

export function undatedMeetingDate(article: Pick<Article, 'date'>, status: Status): string | undefined {
  return status === 'held' || status === 'reported' ? article.date : undefined;
}

/** How many days an utterance may follow the event it tells with "today" or "this evening" and still be it. */
const UTTERANCE_LAG_DAYS = 2;

/**
 * Deictic times in quoted speech ("Questa sera abbiamo avuto un colloquio con ...", "we spoke today") point at the
 * day the words were spoken, not at the article's date, which the time stage takes as their anchor: a leader's post
 * of last night, quoted this morning, says "this evening" for yesterday. When such a meeting is a meeting the
 * article has already dated with the calendar — at least two of the same participants, or of their states, and a
 * day no more than UTTERANCE_LAG_DAYS before — it is that meeting, and takes its date. Quotation is read over the
 * paragraph (a quote may open sentences before), by the parity of quotation marks.
 */
export function quotedDeixisDates(article: Pick<Article, 'date' | 'lang' | 'sentences' | 'text'>, occurrences: Occurrence[], countryOf: (key: string) => string | undefined = () => undefined): void {
  if (!article.date) return;
  const weak = new Set(occurrences.filter((o) => o.family === 'meets' && o.date && done(o.status) && quotedDeixis(article, o)));
  if (!weak.size) return;
  // each occurrence's participants as states where they have one (computed once per occurrence)
  const sidesOf = new Map<Occurrence, Set<string>>();
  const sides = (o: Occurrence): Set<string> => {
    let out = sidesOf.get(o);
    if (!out) {
      out = new Set<string>();
      for (const k of o.sides.flat()) {
        const iso = countryOf(k);
        out.add(iso ? `country:${iso}` : k);
      }
      sidesOf.set(o, out);
    }
    return out;
  };
  for (const o of weak) {
    const day = parseYmd(o.date!);
    if (!day) continue;
    const mine = sides(o);
    const earliest = isoDay(addDays(day, -UTTERANCE_LAG_DAYS));
    let best: Occurrence | undefined;
    for (const p of occurrences) {
      if (weak.has(p) || !p.date || p.sentence >= o.sentence || !done(p.status) || p.date.length !== 10) continue;
      if (p.date > o.date! || p.date < earliest) continue;
      let shared = 0;
      for (const k of sides(p)) if (mine.has(k)) shared++;
      if (shared >= 2 && (!best || p.sentence > best.sentence)) best = p;
    }
    if (best) o.date = best.date;
  }
}

function done(s: Status): boolean {
  return s === 'held' || s === 'reported';
}

/** The occurrence's date comes only from a deictic day ("oggi", "questa sera", "today") inside a quotation. */
function quotedDeixis(article: Pick<Article, 'date' | 'lang' | 'sentences' | 'text'>, o: Occurrence): boolean {
  const s = article.sentences[o.sentence];
  // (most paragraphs quote nobody: no time expressions to read again)
  if (!s || quoteMarks(article, o.sentence, s.end) === 0) return false;
  const same = findTimeExpressions(s, article.lang, article.date).filter((t) => t.value === o.date);
  return same.length > 0 && same.every((t) => t.relation !== 'absolute' && t.grain === 'day' && insideQuote(article, o.sentence, t.start));
}

/** An odd number of quotation marks between the paragraph's start and the offset. */
function insideQuote(article: Pick<Article, 'sentences'>, sentence: number, offset: number): boolean {
  return quoteMarks(article, sentence, offset) % 2 === 1;
}

/** Quotation marks between the start of the sentence's paragraph and the offset. */
function quoteMarks(article: Pick<Article, 'sentences'>, sentence: number, offset: number): number {
  const para = article.sentences[sentence]!.paragraph;
  let marks = 0;
  for (let k = sentence; k >= 0 && article.sentences[k]!.paragraph === para; k--) {
    for (const t of article.sentences[k]!.tokens) if (t.start < offset && QUOTATION_MARKS.has(t.text)) marks++;
  }
  return marks;
}
