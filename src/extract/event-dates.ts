// Events told without a date: news reports what happened today or yesterday without saying when ("Macron ha
// ricevuto Zelensky all'Eliseo"), so a meeting that happened, or is reported, with no time expression of its
// own takes the article's date. Plans and proposals stay undated (upcoming): their day is not the article's.
// (Tried on the development set and dropped: the date of the story's first dated meeting within a week, for
// the sentences after it — fewer meetings dated right than the article's date.)
import type { Article } from '../read/types.js';
import type { RelationResult } from './relations.js';

export function dateUndatedEvents(article: Article, rels: RelationResult): void {
  if (!article.date) return;
  for (const o of rels.occurrences) {
    if (o.date || o.family !== 'meets') continue;
    if (o.status === 'held' || o.status === 'reported') o.date = article.date;
  }
}
