import Dexie, { type EntityTable } from 'dexie';
import { dayTotalsMiddleware, rebuildDayTotals } from '../exposure/day-totals';
import { exactTimes, typedCues } from './legacy';
import {
  type ActionRow,
  type ActivityRow,
  type CheckInRow,
  type CommentRow,
  type CorrectionRow,
  type DayTotalsRow,
  DB_NAME,
  type EvidenceRow,
  type SettingRow,
} from './schema';

export type DesaffectDb = Dexie & {
  comments: EntityTable<CommentRow, 'key'>;
  actions: EntityTable<ActionRow, 'id'>;
  activity: Dexie.Table<ActivityRow, [string, string]>;
  checkins: EntityTable<CheckInRow, 'id'>;
  evidence: EntityTable<EvidenceRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  corrections: EntityTable<CorrectionRow, 'commentKey'>;
  /** Derived from `comments` (exposure/day-totals.ts); never written directly, never backed up. */
  dayTotals: EntityTable<DayTotalsRow, 'day'>;
};

/**
 * Opens the database. Each schema change is a new `version(n)` with its own upgrade and a test that
 * starts from data of the previous shape (tests/unit/storage/upgrade.test.ts), and a step in
 * BACKUP_UPGRADES (backup.ts) for the backups made before it.
 */
export function openDb(name = DB_NAME): DesaffectDb {
  const db = new Dexie(name) as DesaffectDb;
  // The first released schema. Frozen: tests/unit/storage/upgrade.test.ts keeps a copy.
  db.version(1).stores({
    comments: 'key, firstSeen, day, label, platform, threadKey',
    actions: '++id, commentKey, day, at',
    activity: '[day+platform], day',
    checkins: '++id, day, at',
    evidence: '++id, commentKey, at',
    settings: 'key',
  });
  // 2: per-day totals of the comments for the dashboard, and the day's threats without reading the day.
  db.version(2)
    .stores({
      comments: 'key, firstSeen, day, label, platform, threadKey, [day+label]',
      dayTotals: 'day',
    })
    .upgrade(rebuildDayTotals);
  // 3: typed cues and the classifier's version on each comment; the CM's corrections of labels.
  db.version(3)
    .stores({ corrections: 'commentKey, at' })
    .upgrade((tx) =>
      tx
        .table('comments')
        .toCollection()
        .modify((row: Record<string, unknown>) => Object.assign(row, typedCues(row))),
    );
  // 4: how precise each time is (Facebook's are estimated from "3 h"); every earlier one was the site's own.
  db.version(4).upgrade(async (tx) => {
    for (const table of ['comments', 'evidence']) {
      await tx
        .table(table)
        .toCollection()
        .modify((row: Record<string, unknown>) => Object.assign(row, exactTimes(row)));
    }
  });
  db.use(dayTotalsMiddleware);
  return db;
}
