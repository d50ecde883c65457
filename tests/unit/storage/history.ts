/**
 * A realistic history for the upgrade and restore tests: two weeks of a CM's work around both of 2026's
 * daylight-saving changes in Paris (29 March, 25 October), in every table, as the first release wrote it
 * (schemas 1 and 2: comments with their cues as display strings and no classifier version; evidence
 * records without the precision of their time schema 4 added nor the times schema 5 added).
 * Deterministic (seeded), so a failure can be replayed.
 */

import { expect } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/classifier-train';
import { type DayExposure, HOSTILE_LABELS, LOAD_WEIGHT } from '../../../src/exposure/model';
import { addActivity, emptyDay } from '../../../src/exposure/queries';
import { addDays, daysBetween, localHour } from '../../../src/shared/calendar';
import { type Label, PLATFORMS, type Platform } from '../../../src/shared/comment';
import { localDay } from '../../../src/shared/day';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type {
  ActionRow,
  ActivityRow,
  CheckInRow,
  CommentRow,
  EvidenceRow,
  SettingRow,
} from '../../../src/storage/schema';

import { PARIS } from '../dashboard/rows';

export { PARIS };

const HOUR_MS = 3_600_000;

/** A small seeded generator (mulberry32). */
const random = mulberry32;

/** Epoch ms of a Paris wall-clock time; `offsetHours` is the UTC offset in force (+1 winter, +2 summer). */
function paris(day: string, hour: number, minute: number, offsetHours: number): number {
  return Date.parse(`${day}T00:00:00Z`) + (hour - offsetHours) * HOUR_MS + minute * 60_000;
}

/** The UTC offset of Paris at that wall-clock time (the first one, for the repeated hour in October). */
function offsetAt(day: string, hour: number): number {
  if (day < '2026-03-29' || (day === '2026-03-29' && hour < 2)) return 1;
  if (day < '2026-10-25' || (day === '2026-10-25' && hour < 3)) return 2;
  return 1;
}

/**
 * A comment row as schemas 1 and 2 stored it: its cues as display strings, no classifier version, no
 * precision of its time (schema 4).
 */
export type LegacyCommentRow = Omit<CommentRow, 'cues' | 'version' | 'createdAtPrecision'> & {
  cues: string[];
};
/**
 * An evidence record as schemas 1 to 3 stored it: recorded once, with no time of update or first sight
 * (schema 5) and no precision of its time (schema 4).
 */
export type LegacyEvidenceRow = Omit<
  EvidenceRow,
  'id' | 'createdAtPrecision' | 'updatedAt' | 'firstSeen' | 'screenshotAt'
>;

export interface History {
  comments: LegacyCommentRow[];
  actions: Omit<ActionRow, 'id'>[];
  activity: ActivityRow[];
  checkins: Omit<CheckInRow, 'id'>[];
  evidence: LegacyEvidenceRow[];
  settings: SettingRow[];
  days: string[];
}

export const HISTORY_DAYS = [
  ...daysBetween('2026-03-26', '2026-04-01'),
  ...daysBetween('2026-10-22', '2026-10-28'),
];

export function realisticHistory(seed = 7): History {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const history: History = {
    comments: [],
    actions: [],
    activity: [],
    checkins: [],
    evidence: [],
    settings: [],
    days: HISTORY_DAYS,
  };
  let id = 0;
  for (const day of HISTORY_DAYS) {
    const instants: number[] = [];
    const count = 30 + Math.floor(next() * 60);
    for (let i = 0; i < count; i += 1) {
      const hour = 6 + Math.floor(next() * 18);
      instants.push(paris(day, hour, Math.floor(next() * 60), offsetAt(day, hour)));
    }
    // The nights that change the clocks: the hour before the gap and after it; the repeated hour twice.
    if (day === '2026-03-29') instants.push(paris(day, 1, 30, 1), paris(day, 3, 30, 2));
    if (day === '2026-10-25') instants.push(paris(day, 2, 30, 2), paris(day, 2, 30, 1), paris(day, 2, 45, 1));
    // A late night that ends after midnight: still the previous day's work, counted on the day it is seen.
    instants.push(paris(day, 23, 50, offsetAt(day, 23)));

    for (const firstSeen of instants) {
      id += 1;
      const platform: Platform = next() < 0.6 ? 'x' : 'facebook';
      const isOwn = next() < 0.05;
      const label: Label = isOwn
        ? 'neutral'
        : pick(['troll', 'troll', 'unhappy_customer', 'threat', 'neutral', 'neutral']);
      const seenAgain = next() < 0.2;
      const keepText = next() < 0.85;
      const row: LegacyCommentRow = {
        key: `${platform}:${1_000 + id}`,
        platform,
        id: String(1_000 + id),
        threadKey: `thread-${id % 7}`,
        authorHandle: `user_${id % 40}`,
        authorName: `User ${id % 40}`,
        text: keepText ? `comment ${id} ${'é'.repeat(id % 13)}` : null,
        createdAt: next() < 0.7 ? new Date(firstSeen - 120_000).toISOString() : null,
        permalink: next() < 0.9 ? `https://x.com/user/status/${1_000 + id}` : null,
        isReply: next() < 0.8,
        isOwn,
        label,
        scores: { troll: 0.1, unhappy_customer: 0.1, threat: 0.1, neutral: 0.1, [label]: 0.7 },
        intensity: isOwn ? 0 : Math.round(next() * 1_000) / 1_000,
        lang: pick(['fr', 'en', 'und']),
        uncertain: next() < 0.15,
        cues:
          label === 'neutral'
            ? []
            : label === 'threat'
              ? ['threat: "je sais où tu habites"', 'exclamation marks: 3']
              : ["insult: 'clown'"],
        firstSeen,
        lastSeen: seenAgain ? firstSeen + 20 * HOUR_MS : firstSeen + 5_000,
        timesSeen: seenAgain ? 2 + Math.floor(next() * 3) : 1,
        lastSessionId: `session-${Math.floor(next() * 1_000)}`,
        day: localDay(firstSeen, PARIS),
      };
      if (HOSTILE_LABELS.includes(label) && next() < 0.5) row.revealedAt = firstSeen + 30_000;
      history.comments.push(row);

      if (!isOwn && label !== 'neutral' && next() < 0.3) {
        const tactic =
          label === 'threat' ? 'escalate' : pick(['ignore', 'hide', 'reply_privately', 'no_action']);
        const at = firstSeen + 120_000;
        history.actions.push({ commentKey: row.key, tactic, at, day: localDay(at, PARIS), platform, label });
        if (tactic === 'escalate') {
          history.evidence.push({
            commentKey: row.key,
            at,
            platform,
            permalink: row.permalink,
            authorHandle: row.authorHandle,
            authorName: row.authorName,
            text: row.text ?? '',
            createdAt: row.createdAt,
            screenshot: next() < 0.7 ? `data:image/png;base64,${'A'.repeat(64)}` : null,
          });
        }
      }
    }

    for (const platform of PLATFORMS) {
      if (next() < 0.15) continue;
      const first = paris(day, 6, Math.floor(next() * 60), offsetAt(day, 6));
      const last = paris(day, 22, Math.floor(next() * 60), offsetAt(day, 22));
      history.activity.push({ day, platform, activeMs: Math.floor((last - first) * 0.6), first, last });
    }
    const endOfDay = paris(day, 21, 30, offsetAt(day, 21));
    history.checkins.push({
      at: endOfDay,
      day,
      score: 1 + Math.floor(next() * 5),
      tags: next() < 0.5 ? ['tired'] : [],
      note: next() < 0.3 ? 'rough one' : '',
      trigger: 'end_of_day',
    });
  }
  const lastDay = HISTORY_DAYS.at(-1) as string;
  history.settings.push(
    { key: 'settings', value: { ...DEFAULT_SETTINGS, brandNames: ['Acme'], retentionDays: 365 } },
    { key: 'marker:lastPurgeDay', value: lastDay },
    { key: 'marker:nudgesSnoozedDay', value: addDays(lastDay, -1) },
    {
      key: 'marker:checkInDismissed',
      value: { at: paris(lastDay, 12, 0, 1), day: lastDay, trigger: 'threat' },
    },
  );
  return history;
}

/**
 * The aggregation as the first release computed it, row by row: what the dashboard must still show
 * once the rows are read through the per-day totals.
 */
export function referenceExposure(
  comments: readonly Omit<CommentRow, 'cues' | 'version' | 'createdAtPrecision'>[],
  activity: ActivityRow[],
  from: string,
  to: string,
  timeZone: string,
): DayExposure[] {
  const days = new Map(daysBetween(from, to).map((day): [string, DayExposure] => [day, emptyDay(day)]));
  for (const row of comments) {
    const day = days.get(row.day);
    if (!day || row.isOwn) continue;
    day.byPlatform[row.platform][row.label] += 1;
    day.load += LOAD_WEIGHT[row.label] * row.intensity;
    if (HOSTILE_LABELS.includes(row.label)) {
      const hour = localHour(row.firstSeen, timeZone);
      day.hostileByHour[hour] = (day.hostileByHour[hour] ?? 0) + 1;
    }
  }
  // Comments are counted row by row here, independently of the per-day totals under test; active time is
  // folded the way the dashboard folds it.
  addActivity(days, activity);
  return [...days.values()];
}

/** Compares two DayExposure lists: everything exact but the load (a sum of fractions). */
export function expectSameExposure(actual: DayExposure[], expected: DayExposure[]): void {
  expect(actual.map((day) => ({ ...day, load: 0 }))).toEqual(expected.map((day) => ({ ...day, load: 0 })));
  actual.forEach((day, i) => {
    expect(day.load).toBeCloseTo(expected[i]?.load ?? Number.NaN, 5);
  });
}
