/** Reads what the break nudges and check-in prompts need from the database; the rules are in wellbeing.ts. */
import { localHour } from '../shared/calendar';
import { localDay } from '../shared/day';
import type { DesaffectDb } from '../storage/db';
import { readMarker } from '../storage/markers';
import { HOSTILE_LABELS } from './model';
import { threatsOfDay } from './queries';
import type { CheckInInputs, NudgeInputs } from './wellbeing';

const BURST_WINDOW_MS = 30 * 60_000;

/** Incoming hostile comments (troll or threat) first seen after `since`. */
export async function hostileSince(db: DesaffectDb, since: number): Promise<number> {
  // A bulk read then a filter: a filtered Dexie collection walks a cursor, one round trip per row.
  const recent = await db.comments.where('firstSeen').above(since).toArray();
  return recent.filter((row) => !row.isOwn && HOSTILE_LABELS.includes(row.label)).length;
}

export async function nudgeInputs(db: DesaffectDb, now: number, timeZone?: string): Promise<NudgeInputs> {
  const today = localDay(now, timeZone);
  const hostileLast30Min = await hostileSince(db, now - BURST_WINDOW_MS);
  const activity = await db.activity.where('day').equals(today).toArray();
  const lasts = activity.map((row) => row.last);
  return {
    hostileLast30Min,
    activeMsToday: activity.reduce((sum, row) => sum + row.activeMs, 0),
    lastActivity: lasts.length > 0 ? Math.max(...lasts) : null,
    now,
    hourNow: localHour(now, timeZone),
    snoozedToday: (await readMarker(db, 'nudgesSnoozedDay')) === today,
  };
}

export async function checkInInputs(db: DesaffectDb, now: number, timeZone?: string): Promise<CheckInInputs> {
  const today = localDay(now, timeZone);
  const [lastCheckIn, dismissed, todaysCheckIns, activeRows, threats] = await Promise.all([
    db.checkins.orderBy('at').last(),
    readMarker(db, 'checkInDismissed'),
    db.checkins.where('day').equals(today).toArray(),
    db.activity.where('day').equals(today).count(),
    threatsOfDay(db, today),
  ]);
  const lastThreatAt = threats.reduce<number | null>((last, row) => Math.max(last ?? 0, row.firstSeen), null);
  const prompts = [lastCheckIn?.at, dismissed?.at].filter((at): at is number => at !== undefined);
  return {
    now,
    hourNow: localHour(now, timeZone),
    lastPromptAt: prompts.length > 0 ? Math.max(...prompts) : null,
    lastThreatAt,
    activeToday: activeRows > 0,
    endOfDayDone:
      todaysCheckIns.some((row) => row.trigger === 'end_of_day') ||
      (dismissed?.day === today && dismissed.trigger === 'end_of_day'),
  };
}
