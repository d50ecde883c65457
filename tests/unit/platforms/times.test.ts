import { describe, expect, it } from 'vitest';
import { estimateTime, splitTimeAtEnd } from '../../../src/content/platforms/times';

/** Thursday 12 November 2026, 15:30 local time (the CM's clock). */
const NOW = new Date(2026, 10, 12, 15, 30).getTime();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const ago = (ms: number) => new Date(NOW - ms).toISOString();
const local = (...fields: [number, number, number, number?, number?]) => new Date(...fields).toISOString();

describe('estimateTime', () => {
  it.each([
    ['Just now', ago(0), 'minute'],
    ['À l’instant', ago(0), 'minute'],
    ["à l'instant", ago(0), 'minute'],
    ['39m', ago(39 * MINUTE), 'minute'],
    ['12 min', ago(12 * MINUTE), 'minute'],
    ['il y a une minute', ago(MINUTE), 'minute'],
    ['3 minutes ago', ago(3 * MINUTE), 'minute'],
    ['3 h', ago(3 * HOUR), 'hour'],
    ['23h', ago(23 * HOUR), 'hour'],
    ['an hour ago', ago(HOUR), 'hour'],
    ['il y a 2 heures', ago(2 * HOUR), 'hour'],
    ['2 hrs', ago(2 * HOUR), 'hour'],
    ['1 j', ago(DAY), 'day'],
    ['1d', ago(DAY), 'day'],
    ['a day ago', ago(DAY), 'day'],
    ['il y a un jour', ago(DAY), 'day'],
    ['2 sem.', ago(14 * DAY), 'week'],
    ['2w', ago(14 * DAY), 'week'],
    ['il y a 3 semaines', ago(21 * DAY), 'week'],
    ['4 mois', ago(120 * DAY), 'month'],
    ['1 an', ago(365 * DAY), 'year'],
    ['2y', ago(730 * DAY), 'year'],
  ])('%s (relative)', (text, createdAt, precision) => {
    expect(estimateTime(text, NOW)).toEqual({ createdAt, precision });
  });

  it.each([
    ['12 mars', local(2026, 2, 12, 12), 'day'],
    ['12 mars à 15:04', local(2026, 2, 12, 15, 4), 'minute'],
    ['Le 7 août à 15:31', local(2026, 7, 7, 15, 31), 'minute'],
    ['1er septembre 2025', local(2025, 8, 1, 12), 'day'],
    ['March 12 at 3:04 PM', local(2026, 2, 12, 15, 4), 'minute'],
    ['March 12, 2025', local(2025, 2, 12, 12), 'day'],
    ['1 September at 10:00', local(2026, 8, 1, 10, 0), 'minute'],
    // No year, later in the year than today: last year's.
    ['December 24', local(2025, 11, 24, 12), 'day'],
    ['24 déc.', local(2025, 11, 24, 12), 'day'],
    ['Yesterday at 12:15 AM', local(2026, 10, 11, 0, 15), 'minute'],
    ['Hier', local(2026, 10, 11, 12), 'day'],
    ['hier à 21 h 05', local(2026, 10, 11, 21, 5), 'minute'],
    ['Monday at 9:00 AM', local(2026, 10, 9, 9, 0), 'minute'],
    ['jeudi', local(2026, 10, 5, 12), 'day'],
  ])('%s (date)', (text, createdAt, precision) => {
    expect(estimateTime(text, NOW)).toEqual({ createdAt, precision });
  });

  it('reads through the invisible characters Facebook slips between letters', () => {
    expect(estimateTime('1\u034F4\u200B \u00ADh', NOW)).toEqual({
      createdAt: ago(14 * HOUR),
      precision: 'hour',
    });
  });

  it.each([
    '',
    'Reply',
    'Répondre',
    'See more',
    '12',
    'il y a',
    '3 parsecs ago',
    '31 April',
    '30 février',
    'March 40',
    '25:61',
    'Yesterday at 25:00',
  ])('%j is not a time', (text) => {
    expect(estimateTime(text, NOW)).toBeNull();
  });
});

describe('splitTimeAtEnd', () => {
  it.each([
    ['Comment by Sinta Dewi 3 minutes ago', 'Comment by Sinta Dewi', ago(3 * MINUTE), 'minute'],
    ['Comment by Agent 47 a day ago', 'Comment by Agent 47', ago(DAY), 'day'],
    [
      'Reply by Toko Uji to Sinta’s comment 2 hours ago',
      'Reply by Toko Uji to Sinta’s comment',
      ago(2 * HOUR),
      'hour',
    ],
    ['Commentaire de Mveto Pro il y a 21 heures', 'Commentaire de Mveto Pro', ago(21 * HOUR), 'hour'],
    [
      'Réponse de Léa au commentaire de Paul Martin il y a 2 jours',
      'Réponse de Léa au commentaire de Paul Martin',
      ago(2 * DAY),
      'day',
    ],
    ['Commentaire de Marie 12 mars à 15:04', 'Commentaire de Marie', local(2026, 2, 12, 15, 4), 'minute'],
  ])('%s', (label, before, createdAt, precision) => {
    expect(splitTimeAtEnd(label, NOW)).toEqual({ before, time: { createdAt, precision } });
  });

  it('keeps a sentence that ends with no time whole', () => {
    expect(splitTimeAtEnd('Comment by Sinta Dewi', NOW)).toEqual({
      before: 'Comment by Sinta Dewi',
      time: null,
    });
  });
});
