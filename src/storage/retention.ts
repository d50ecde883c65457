import { addDays } from '../shared/calendar';
import { localDay } from '../shared/day';
import type { DesaffectDb } from './db';
import { readMarker, writeMarker } from './markers';
import { readSettings } from './settings';

/** The oldest day kept: `retentionDays` days including today. */
export function oldestKeptDay(today: string, retentionDays: number): string {
  return addDays(today, 1 - retentionDays);
}

/**
 * Deletes logged rows older than the retention window, the CM's corrections (made that day) included: what
 * the device learned from them follows (background/learning.ts). Evidence is not purged: the CM kept it on
 * purpose (for the employer or the police) and deletes it explicitly.
 */
export async function purgeOlderThan(db: DesaffectDb, oldestKept: string): Promise<void> {
  const byDay = [db.comments, db.actions, db.activity, db.checkins];
  await db.transaction('rw', [...byDay, db.corrections], async () => {
    await Promise.all([
      ...byDay.map((table) => table.where('day').below(oldestKept).delete()),
      // A few hundred rows at most, whose day is not indexed.
      db.corrections.filter((row) => row.day < oldestKept).delete(),
    ]);
  });
}

/** Purges at most once per local day (no `alarms` permission: called at start-up and on ingest). */
export function createDailyPurge(db: DesaffectDb, timeZone?: string) {
  let doneForDay: string | null = null;
  let running: Promise<void> | null = null;
  return function purgeIfDue(now: number): Promise<void> {
    const today = localDay(now, timeZone);
    if (doneForDay === today) return Promise.resolve();
    running ??= (async () => {
      if ((await readMarker(db, 'lastPurgeDay')) !== today) {
        const { retentionDays } = await readSettings(db);
        await purgeOlderThan(db, oldestKeptDay(today, retentionDays));
        await writeMarker(db, 'lastPurgeDay', today);
      }
      doneForDay = today;
    })().finally(() => {
      running = null;
    });
    return running;
  };
}

/**
 * Deletes every logged row, the CM's corrections (and so what the device learned from them) and the
 * dashboard's bookkeeping; the CM's settings and saved replies stay.
 */
export async function deleteEverything(db: DesaffectDb): Promise<void> {
  const logTables = [db.comments, db.actions, db.activity, db.checkins, db.evidence, db.corrections];
  await db.transaction('rw', [...logTables, db.settings], async () => {
    await Promise.all(logTables.map((table) => table.clear()));
    await db.settings.where('key').startsWith('marker:').delete();
  });
}
