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

/** How many sentences back a dated meeting still dates an undated one that shares a participant. */
const STORY_SENTENCES = 3;

export function storyDates(occurrences: Occurrence[], countryOf: (key: string) => string | undefined = () => undefined): void {
  for (const o of occurrences) {
    if (o.date || o.family !== 'meets' || (o.status !== 'held' && o.status !== 'reported')) continue;
    // the same people, or their states ("the leaders of France and Germany called Trump ... Macron: we spoke")
    const people = new Set(o.sides.flat());
    for (const k of o.sides.flat()) {
      const iso = countryOf(k);
      if (iso) people.add(`country:${iso}`);
    }
    let best: Occurrence | undefined;
    for (const p of occurrences) {
      if (!p.date || (p.status !== 'held' && p.status !== 'reported') || p.sentence >= o.sentence || o.sentence - p.sentence > STORY_SENTENCES) continue;
      if (!p.sides.flat().some((k) => people.has(k))) continue;
      if (!best || p.sentence > best.sentence) best = p;
    }
    if (best?.date) o.date = best.date;
  }
}

export function undatedMeetingDate(article: Pick<Article, 'date'>, status: Status): string | undefined {
  return status === 'held' || status === 'reported' ? article.date : undefined;
}
