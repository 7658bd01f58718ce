import { describe, expect, it } from 'vitest';
import { readArticle } from '../src/read/index.js';
import { findTimeExpressions, type TenseHint, type TimeMention } from '../src/extract/time.js';
import type { Lang } from '../src/read/types.js';

function times(text: string, lang: Lang, date?: string, tense?: TenseHint): TimeMention[] {
  const a = readArticle(text, { id: 't', lang });
  return a.sentences.flatMap((s) => findTimeExpressions(s, lang, date, tense));
}
/** [text, value, grain, relation] of the single expected mention. */
function one(text: string, lang: Lang, date?: string, tense?: TenseHint): [string, string | undefined, string, string] {
  const ms = times(text, lang, date, tense);
  expect(ms, JSON.stringify(ms)).toHaveLength(1);
  const m = ms[0]!;
  return [m.text, m.value, m.grain, m.relation];
}

const THU = '2026-03-12'; // a Thursday

describe('Italian relative days', () => {
  it.each([
    ['Il presidente arriverà domani a Roma.', 'domani', '2026-03-13', 'future'],
    ['Ieri il ministro ha parlato.', 'Ieri', '2026-03-11', 'past'],
    ['Oggi si vota.', 'Oggi', '2026-03-12', 'present'],
    ['Partirà dopodomani.', 'dopodomani', '2026-03-14', 'future'],
    ["L'altro ieri è atterrato.", "L'altro ieri", '2026-03-10', 'past'],
    ['Ne ha parlato ieri sera in tv.', 'ieri sera', '2026-03-11', 'past'],
    ['Lo ha detto stamattina.', 'stamattina', '2026-03-12', 'present'],
    ['Lo ha detto questa mattina su Telegram.', 'questa mattina', '2026-03-12', 'present'],
    ['Si vedranno stasera.', 'stasera', '2026-03-12', 'present'],
    ['Si vedranno domani mattina.', 'domani mattina', '2026-03-13', 'future'],
  ])('%s', (text, span, value, relation) => {
    expect(one(text, 'it', THU)).toEqual([span, value, 'day', relation]);
  });

  it('rolls over months and years', () => {
    expect(one('Arriva domani.', 'it', '2026-12-31')[1]).toBe('2027-01-01');
    expect(one('Era ieri.', 'it', '2027-01-01')[1]).toBe('2026-12-31');
    expect(one('Arriva domani.', 'it', '2026-02-28')[1]).toBe('2026-03-01');
    expect(one('Arriva domani.', 'it', '2028-02-28')[1]).toBe('2028-02-29'); // leap year
    expect(one('Arriva dopodomani.', 'it', '2028-02-28')[1]).toBe('2028-03-01');
  });

  it('keeps relative values undefined without an article date', () => {
    expect(one('Arriva domani.', 'it')).toEqual(['domani', undefined, 'day', 'future']);
  });
});

describe('Italian weeks, months, years', () => {
  it.each([
    ['Si incontreranno la prossima settimana.', 'la prossima settimana', '2026-03-16/2026-03-22', 'week', 'future'],
    ['Si incontreranno la settimana prossima.', 'la settimana prossima', '2026-03-16/2026-03-22', 'week', 'future'],
    ['Si sono incontrati la settimana scorsa.', 'la settimana scorsa', '2026-03-02/2026-03-08', 'week', 'past'],
    ['Si sono incontrati la scorsa settimana.', 'la scorsa settimana', '2026-03-02/2026-03-08', 'week', 'past'],
    ['Tornerà il mese prossimo.', 'il mese prossimo', '2026-04', 'month', 'future'],
    ['Era successo il mese scorso.', 'il mese scorso', '2026-02', 'month', 'past'],
    ["Si voterà l'anno prossimo.", "l'anno prossimo", '2027', 'year', 'future'],
    ["Si è votato l'anno scorso.", "l'anno scorso", '2025', 'year', 'past'],
    ['Ci sarà un accordo entro fine mese.', 'entro fine mese', '2026-03', 'month', 'future'],
  ])('%s', (text, span, value, grain, relation) => {
    expect(one(text, 'it', THU)).toEqual([span, value, grain, relation]);
  });

  it('next week from a Sunday and across a year end', () => {
    expect(one('La prossima settimana.', 'it', '2026-03-15')[1]).toBe('2026-03-16/2026-03-22');
    expect(one('La prossima settimana.', 'it', '2026-03-16')[1]).toBe('2026-03-23/2026-03-29');
    expect(one('La prossima settimana.', 'it', '2026-12-31')[1]).toBe('2027-01-04/2027-01-10');
    expect(one('Il mese prossimo.', 'it', '2026-12-05')[1]).toBe('2027-01');
    expect(one('Il mese scorso.', 'it', '2026-01-05')[1]).toBe('2025-12');
  });

  it('counts forward and back', () => {
    expect(one('Tra due giorni il vertice.', 'it', THU)).toEqual(['Tra due giorni', '2026-03-14', 'day', 'future']);
    expect(one('Due giorni fa il vertice.', 'it', THU)).toEqual(['Due giorni fa', '2026-03-10', 'day', 'past']);
    expect(one('Fra una settimana il vertice.', 'it', THU)).toEqual(['Fra una settimana', '2026-03-16/2026-03-22', 'week', 'future']);
    expect(one('Tre anni fa la guerra.', 'it', THU)).toEqual(['Tre anni fa', '2023', 'year', 'past']);
    expect(one('Fra 10 giorni il voto.', 'it', '2026-12-25')[1]).toBe('2027-01-04');
  });
});

describe('Italian calendar dates', () => {
  it.each([
    ['Il 24 febbraio gli alleati hanno chiesto una tregua.', '24 febbraio', '2026-02-24', 'day', 'absolute'],
    ['Firmato il 24 febbraio 2025.', '24 febbraio 2025', '2025-02-24', 'day', 'absolute'],
    ['Il 3 marzo scorso si sono visti.', '3 marzo scorso', '2026-03-03', 'day', 'past'],
    ['Il 1° marzo si sono visti.', '1° marzo', '2026-03-01', 'day', 'absolute'],
    ['Il 1º marzo si sono visti.', '1º marzo', '2026-03-01', 'day', 'absolute'],
    ['A gennaio l’Alleanza ha concordato.', 'gennaio', '2026-01', 'month', 'absolute'],
    ['In gennaio ha concordato.', 'gennaio', '2026-01', 'month', 'absolute'],
    ['Nel gennaio 2025 ha concordato.', 'gennaio 2025', '2025-01', 'month', 'absolute'],
    ['Nel 2025 la crisi è peggiorata.', '2025', '2025', 'year', 'absolute'],
    ['Lunedì 16 marzo il vertice.', 'Lunedì 16 marzo', '2026-03-16', 'day', 'absolute'],
    ['Dal 3 al 5 aprile il vertice.', '3 al 5 aprile', '2026-04-03/2026-04-05', 'range', 'absolute'],
  ])('%s', (text, span, value, grain, relation) => {
    expect(one(text, 'it', THU)).toEqual([span, value, grain, relation]);
  });

  it('uses the tense hint for months and dates without a year', () => {
    // past sentence in January about December → last year's December
    expect(one('A dicembre si erano incontrati.', 'it', '2026-01-10', 'past')[1]).toBe('2025-12');
    expect(one('A dicembre si incontreranno.', 'it', '2026-01-10', 'future')[1]).toBe('2026-12');
    expect(one('A gennaio si incontreranno.', 'it', '2026-03-12', 'future')[1]).toBe('2027-01');
    expect(one('A gennaio si erano incontrati.', 'it', '2026-03-12', 'past')[1]).toBe('2026-01');
    expect(one('Il 20 dicembre si erano visti.', 'it', '2026-01-10', 'past')[1]).toBe('2025-12-20');
    expect(one('Il 3 marzo scorso.', 'it', '2026-03-01')[1]).toBe('2025-03-03');
  });

  it('rejects impossible dates and handles leap days', () => {
    expect(times('Il 30 febbraio 2026 non esiste.', 'it', THU).filter((m) => m.grain === 'day')).toHaveLength(0);
    expect(one('Il 29 febbraio 2028 si vota.', 'it', THU)[1]).toBe('2028-02-29');
    expect(times('Il 29 febbraio 2027 no.', 'it', THU).filter((m) => m.grain === 'day')).toHaveLength(0);
  });

  it('without an article date: absolute years resolve, day-month stays open', () => {
    expect(one('Il 24 febbraio.', 'it')).toEqual(['24 febbraio', undefined, 'day', 'absolute']);
    expect(one('Il 24 febbraio 2025.', 'it')[1]).toBe('2025-02-24');
    expect(one('Nel 2025.', 'it')[1]).toBe('2025');
  });
});

describe('weekdays', () => {
  it.each([
    ['Lunedì prossimo il vertice.', 'Lunedì prossimo', '2026-03-16', 'future'],
    ['Lunedì scorso il vertice.', 'Lunedì scorso', '2026-03-09', 'past'],
    ['Il prossimo venerdì il vertice.', 'Il prossimo venerdì', '2026-03-13', 'future'],
    ['Giovedì prossimo il vertice.', 'Giovedì prossimo', '2026-03-19', 'future'],
  ])('%s', (text, span, value, relation) => {
    expect(one(text, 'it', THU)).toEqual([span, value, 'day', relation]);
  });

  it('a bare weekday follows the tense hint', () => {
    expect(one('Sabato si vedranno.', 'it', THU, 'future')[1]).toBe('2026-03-14');
    expect(one('Sabato si sono visti.', 'it', THU, 'past')[1]).toBe('2026-03-07');
    expect(one('Martedì si sono visti.', 'it', THU, 'past')[1]).toBe('2026-03-10');
    expect(one('Martedì si vedranno.', 'it')[1]).toBeUndefined();
  });

  it('without a tense, the nearer reading; the article\'s own weekday is the article date', () => {
    expect(one('Talks on Tuesday.', 'en', THU)).toEqual(['Tuesday', '2026-03-10', 'day', 'past']);
    expect(one('Talks on Saturday.', 'en', THU)).toEqual(['Saturday', '2026-03-14', 'day', 'future']);
    expect(one('Talks on Thursday.', 'en', THU)).toEqual(['Thursday', THU, 'day', 'present']);
    expect(one('Giovedì si vedranno.', 'it', THU, 'future')[1]).toBe(THU);
    expect(one('Giovedì scorso si sono visti.', 'it', THU)[1]).toBe('2026-03-05');
  });

  it('English weekdays', () => {
    expect(one('They met last Monday.', 'en', THU)[1]).toBe('2026-03-09');
    expect(one('They will meet next Monday.', 'en', THU)[1]).toBe('2026-03-16');
    expect(one('They will meet on Monday.', 'en', THU, 'future')).toEqual(['Monday', '2026-03-16', 'day', 'future']);
    expect(one('They met on Monday.', 'en', THU, 'past')[1]).toBe('2026-03-09');
  });
});

describe('English', () => {
  it.each([
    ['He arrives today.', 'today', '2026-03-12', 'day', 'present'],
    ['He arrived yesterday.', 'yesterday', '2026-03-11', 'day', 'past'],
    ['He arrives tomorrow.', 'tomorrow', '2026-03-13', 'day', 'future'],
    ['He spoke this morning.', 'this morning', '2026-03-12', 'day', 'present'],
    ['He speaks tonight.', 'tonight', '2026-03-12', 'day', 'present'],
    ['He spoke last night.', 'last night', '2026-03-11', 'day', 'past'],
    ['Talks resume next week.', 'next week', '2026-03-16/2026-03-22', 'week', 'future'],
    ['Talks stalled last week.', 'last week', '2026-03-02/2026-03-08', 'week', 'past'],
    ['Talks resume next month.', 'next month', '2026-04', 'month', 'future'],
    ['They met on March 13.', 'March 13', '2026-03-13', 'day', 'absolute'],
    ['They met on 13 March.', '13 March', '2026-03-13', 'day', 'absolute'],
    ['They met on March 13th.', 'March 13th', '2026-03-13', 'day', 'absolute'],
    ['They met on March 13, 2025.', 'March 13, 2025', '2025-03-13', 'day', 'absolute'],
    ['They agreed in January.', 'January', '2026-01', 'month', 'absolute'],
    ['They agreed in January 2025.', 'January 2025', '2025-01', 'month', 'absolute'],
    ['They met two days ago.', 'two days ago', '2026-03-10', 'day', 'past'],
    ['They meet in two weeks.', 'in two weeks', '2026-03-23/2026-03-29', 'week', 'future'],
    ['They met earlier this month.', 'earlier this month', '2026-03', 'month', 'past'],
    ['They meet later this year.', 'later this year', '2026', 'year', 'future'],
    ['The deal was signed on 2026-03-13.', '2026-03-13', '2026-03-13', 'day', 'absolute'],
    ['They meet on the 24th.', '24th', '2026-03-24', 'day', 'absolute'],
  ])('%s', (text, span, value, grain, relation) => {
    expect(one(text, 'en', THU)).toEqual([span, value, grain, relation]);
  });

  it('does not read "may" or "march" as months', () => {
    expect(times('Russia may respond. Troops march on.', 'en', THU)).toHaveLength(0);
    expect(one('He may come in May.', 'en', THU)[1]).toBe('2026-05');
  });

  it('"the 24th" moves to last month in a past sentence', () => {
    expect(one('They met on the 24th.', 'en', THU, 'past')[1]).toBe('2026-02-24');
  });

  it('finds several expressions in one sentence, in order, without overlap', () => {
    const ms = times('Yesterday he said talks set for March 13 could slip to next week.', 'en', THU);
    expect(ms.map((m) => m.text)).toEqual(['Yesterday', 'March 13', 'next week']);
    for (let k = 1; k < ms.length; k++) expect(ms[k]!.start).toBeGreaterThanOrEqual(ms[k - 1]!.end);
  });

  it('mention offsets point into the article text', () => {
    const a = readArticle('date 2026-03-12 Reuters. Leaders will meet tomorrow in Paris.', { id: 'x' });
    const [m] = findTimeExpressions(a.sentences[0]!, a.lang, a.date);
    expect(a.text.slice(m!.start, m!.end)).toBe('tomorrow');
    expect(m!.value).toBe('2026-03-13');
  });
});
