/** Small bookkeeping values of the dashboard, kept as rows of the `settings` table beside the settings. */
import type { DesaffectDb } from './db';

export interface Markers {
  /** Local day of the last retention purge. */
  lastPurgeDay: string;
  /** Local day on which the CM snoozed break nudges. */
  nudgesSnoozedDay: string;
  /** The last check-in prompt the CM dismissed. */
  checkInDismissed: { at: number; day: string; trigger: 'threat' | 'end_of_day' };
  /** The break nudges already sent as system notifications today: each at most once a day. */
  nudgesNotified: { day: string; kinds: string[] };
  /** When the CM reset what the device learned from their corrections (epoch ms). */
  learningResetAt: number;
}

/** Stored as `marker:<name>`, apart from the CM's settings row. */
const rowKey = (name: keyof Markers) => `marker:${name}`;

export async function readMarker<K extends keyof Markers>(
  db: DesaffectDb,
  name: K,
): Promise<Markers[K] | null> {
  return ((await db.settings.get(rowKey(name)))?.value as Markers[K] | undefined) ?? null;
}

export async function writeMarker<K extends keyof Markers>(
  db: DesaffectDb,
  name: K,
  value: Markers[K],
): Promise<void> {
  await db.settings.put({ key: rowKey(name), value });
}
