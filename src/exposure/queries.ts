/**
 * Exposure aggregations, run in the service worker. Comment counts, load and hostile hours come from the
 * per-day totals (`dayTotals`, one row per day, kept in step with every write to `comments`, see
 * day-totals.ts) and active time from the `activity` rows: each is one bulk read over the day range, so
 * 90 days cost 90 small rows, whatever the number of comments, and a page never receives raw rows in bulk.
 */
import { addDays, daysBetween, localHour, median, weekdayOf } from '../shared/calendar';
import { LABELS, PLATFORMS, type Platform } from '../shared/comment';
import { localDay } from '../shared/day';
import { shouldShield } from '../shared/shield';
import type { DesaffectDb } from '../storage/db';
import type { ActionRow, ActivityRow, CommentRow } from '../storage/schema';
import { readSettings } from '../storage/settings';
import { QUARTER_HOUR_MS } from './day-totals';
import {
  ABOVE_USUAL_FACTOR,
  type DayExposure,
  EARLY_HOUR,
  emptyLabelCounts,
  emptyPlatformCounts,
  type HistoryView,
  HOSTILE_LABELS,
  hostileCount,
  isActiveDay,
  LOAD_WEIGHT,
  MAX_THREATS_LISTED,
  type TodayView,
  totalByLabel,
  USUAL_LOOKBACK_DAYS,
  type WorkloadReport,
} from './model';

/** A day with nothing recorded yet. */
export function emptyDay(day: string): DayExposure {
  return {
    day,
    byPlatform: emptyPlatformCounts(),
    load: 0,
    hostileByHour: Array.from({ length: 24 }, () => 0),
    activeMs: 0,
    activeMsByPlatform: Object.fromEntries(PLATFORMS.map((p) => [p, 0])) as Record<Platform, number>,
    first: null,
    last: null,
  };
}

/** One DayExposure for every day from `from` to `to` (both included), days without data included. */
export async function exposureByDay(
  db: DesaffectDb,
  from: string,
  to: string,
  timeZone?: string,
): Promise<DayExposure[]> {
  const days = new Map(daysBetween(from, to).map((day) => [day, emptyDay(day)]));
  if (days.size === 0) return [];
  const [totals, activity] = await db.transaction('r', db.dayTotals, db.activity, () =>
    Promise.all([
      db.dayTotals.where('day').between(from, to, true, true).toArray(),
      db.activity.where('day').between(from, to, true, true).toArray(),
    ]),
  );
  for (const row of totals) {
    const day = days.get(row.day);
    if (!day) continue;
    let loadMicro = 0;
    for (const label of LABELS) {
      for (const platform of PLATFORMS) day.byPlatform[platform][label] += row.counts[platform][label];
      loadMicro += LOAD_WEIGHT[label] * row.intensityMicro[label];
    }
    day.load = loadMicro / 1_000_000;
    for (const label of HOSTILE_LABELS) {
      for (const [quarter, count] of Object.entries(row.quarters[label])) {
        const hour = localHour(Number(quarter) * QUARTER_HOUR_MS, timeZone);
        day.hostileByHour[hour] = (day.hostileByHour[hour] ?? 0) + count;
      }
    }
  }
  addActivity(days, activity);
  return [...days.values()];
}

/** Adds active-time rows to the days they belong to (rows of other days are ignored). */
export function addActivity(days: Map<string, DayExposure>, activity: readonly ActivityRow[]): void {
  for (const row of activity) {
    const day = days.get(row.day);
    if (!day) continue;
    day.activeMs += row.activeMs;
    day.activeMsByPlatform[row.platform] += row.activeMs;
    day.first = day.first === null ? row.first : Math.min(day.first, row.first);
    day.last = day.last === null ? row.last : Math.max(day.last, row.last);
  }
}

/** One day's exposure (the popup's summary). */
export async function exposureOfDay(db: DesaffectDb, day: string, timeZone?: string): Promise<DayExposure> {
  const [exposure] = await exposureByDay(db, day, day, timeZone);
  return exposure ?? emptyDay(day);
}

/** The day's incoming threats, through the `[day+label]` index: the day's other comments are not read. */
export async function threatsOfDay(db: DesaffectDb, day: string): Promise<CommentRow[]> {
  const rows = await db.comments.where('[day+label]').equals([day, 'threat']).toArray();
  return rows.filter((row) => !row.isOwn);
}

/** The CM's usual day: medians over the active days among `previous` (days without work don't count). */
export function usualDay(previous: DayExposure[]): { hostile: number; load: number } | null {
  const active = previous.filter(isActiveDay);
  const hostile = median(active.map((day) => hostileCount(totalByLabel(day))));
  const load = median(active.map((day) => day.load));
  return hostile === null || load === null ? null : { hostile, load };
}

export async function todayView(db: DesaffectDb, now: number, timeZone?: string): Promise<TodayView> {
  const day = localDay(now, timeZone);
  const [days, threatRows, settings] = await Promise.all([
    exposureByDay(db, addDays(day, -USUAL_LOOKBACK_DAYS), day, timeZone),
    threatsOfDay(db, day),
    readSettings(db),
  ]);
  const today = days.pop();
  const previous = days;
  const latest = threatRows.sort((a, b) => b.firstSeen - a.firstSeen).slice(0, MAX_THREATS_LISTED);
  const evidence = await db.evidence
    .where('commentKey')
    .anyOf(latest.map((row) => row.key))
    .toArray();
  const threats = latest.map((row) => ({
    key: row.key,
    platform: row.platform,
    authorHandle: row.authorHandle,
    authorName: row.authorName,
    text: row.text,
    permalink: row.permalink,
    intensity: row.intensity,
    uncertain: row.uncertain,
    firstSeen: row.firstSeen,
    createdAt: row.createdAt,
    createdAtPrecision: row.createdAtPrecision,
    shielded: shouldShield(settings.shield.threat, row.intensity, row.revealedAt !== undefined),
    evidenceAt: evidence
      .filter((e) => e.commentKey === row.key)
      .map((e) => e.at)
      .sort((a, b) => b - a),
  }));
  const actions = await db.actions.where('day').equals(day).toArray();
  const checkins = await db.checkins.where('day').equals(day).sortBy('at');
  return {
    today: today ?? emptyDay(day),
    usual: usualDay(previous),
    threats,
    tactics: countTactics(actions),
    checkins,
  };
}

function countTactics(actions: ActionRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const action of actions) counts[action.tactic] = (counts[action.tactic] ?? 0) + 1;
  return counts;
}

export async function historyView(
  db: DesaffectDb,
  now: number,
  dayCount: number,
  timeZone?: string,
): Promise<HistoryView> {
  const today = localDay(now, timeZone);
  const days = await exposureByDay(db, addDays(today, 1 - dayCount), today, timeZone);
  const heatMap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const day of days) {
    const row = heatMap[weekdayOf(day.day)] as number[];
    day.hostileByHour.forEach((count, hour) => {
      row[hour] = (row[hour] ?? 0) + count;
    });
  }
  const usual = usualDay(days);
  const aboveUsual =
    usual && usual.load > 0
      ? days.filter((day) => day.load >= ABOVE_USUAL_FACTOR * usual.load).map((day) => day.day)
      : [];
  return { days, heatMap, usual, aboveUsual };
}

/** Aggregates only: nothing about any commenter (no handle, name, text or link) enters the report. */
export async function workloadReport(
  db: DesaffectDb,
  from: string,
  to: string,
  lateHour: number,
  timeZone?: string,
): Promise<WorkloadReport> {
  const days = await exposureByDay(db, from, to, timeZone);
  const actions = await db.actions.where('day').between(from, to, true, true).toArray();
  const totals = emptyLabelCounts();
  for (const day of days) {
    const dayTotals = totalByLabel(day);
    for (const label of HOSTILE_LABELS) totals[label] += dayTotals[label];
  }
  return {
    from,
    to,
    hostile: hostileCount(totals),
    threats: totals.threat,
    threatsEscalated: actions.filter((a) => a.tactic === 'escalate').length,
    activeMs: days.reduce((sum, day) => sum + day.activeMs, 0),
    activeDays: days.filter((day) => day.activeMs > 0).length,
    earlyDays: days.filter((day) => day.first !== null && localHour(day.first, timeZone) < EARLY_HOUR).length,
    lateDays: days.filter((day) => day.last !== null && localHour(day.last, timeZone) >= lateHour).length,
    tactics: countTactics(actions),
  };
}
