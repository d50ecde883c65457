import Dexie, { type EntityTable } from 'dexie';
import { dayTotalsMiddleware, rebuildDayTotals } from '../exposure/day-totals';
import { mergeEvidence, withRecordTimes } from './evidence';
import { exactTimes, savedRepliesFromTemplates, typedCues } from './legacy';
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
  // 5: one evidence record per comment (escalating again updates it), with when it was last updated, when
  // its screenshot was taken and when the comment was first seen. Records doubled before are merged.
  db.version(5)
    .stores({})
    .upgrade(async (tx) => {
      const evidence = tx.table('evidence');
      const rows: Record<string, unknown>[] = await evidence.toArray();
      const keys = [...new Set(rows.map((row) => row.commentKey as string))];
      const comments: Pick<CommentRow, 'key' | 'firstSeen'>[] = await tx
        .table('comments')
        .where('key')
        .anyOf(keys)
        .toArray();
      const firstSeen = new Map(comments.map((row) => [row.key, row.firstSeen]));
      const records = new Map<string, EvidenceRow>();
      for (const row of rows) {
        const record = withRecordTimes(row, firstSeen.get(row.commentKey as string)) as EvidenceRow;
        const kept = records.get(record.commentKey);
        records.set(record.commentKey, kept ? mergeEvidence(kept, record) : record);
      }
      await evidence.clear();
      await evidence.bulkAdd([...records.values()]);
    });
  // 6: the wordings earlier versions kept per tactic in the settings become saved replies once, here,
  // instead of at every read; the settings no longer hold them.
  db.version(6)
    .stores({})
    .upgrade(async (tx) => {
      const settings = tx.table('settings');
      await settings.bulkPut(savedRepliesFromTemplates(await settings.toArray()));
    });
  db.use(dayTotalsMiddleware);
  return db;
}
