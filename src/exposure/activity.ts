import type { Platform } from '../shared/comment';
import { localDay } from '../shared/day';
import type { DesaffectDb } from '../storage/db';

export interface ActivityReport {
  platform: Platform;
  /** Active time since the tab's previous report. */
  activeMs: number;
  /** When the tab sent the report (epoch ms). */
  at: number;
}

/** A report older than this is a tab clock gone astray or a message held up: it is dated now. */
const MAX_REPORT_DELAY_MS = 5 * 60_000;

/**
 * Adds a tab's active time to its local day and platform. The reported span ends at `at`, so the first
 * activity of the day is the span's start and the last is `at`.
 */
export async function recordActivity(
  db: DesaffectDb,
  report: ActivityReport,
  now: number,
  timeZone?: string,
): Promise<void> {
  const at = report.at <= now && now - report.at <= MAX_REPORT_DELAY_MS ? report.at : now;
  const day = localDay(at, timeZone);
  const spanStart = at - report.activeMs;
  // A span that began before midnight starts this day at its report, not on the previous day.
  const start = localDay(spanStart, timeZone) === day ? spanStart : at;
  await db.transaction('rw', db.activity, async () => {
    const previous = await db.activity.get([day, report.platform]);
    await db.activity.put({
      day,
      platform: report.platform,
      activeMs: (previous?.activeMs ?? 0) + report.activeMs,
      first: Math.min(previous?.first ?? start, start),
      last: Math.max(previous?.last ?? at, at),
    });
  });
}
