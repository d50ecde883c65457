import Dexie, { type EntityTable } from 'dexie';
import {
  type ActionRow,
  type ActivityRow,
  type CheckInRow,
  type CommentRow,
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
};

/**
 * Opens the database. Each schema change is a new `version(n)` with its own upgrade and a test that
 * starts from data of the previous shape (tests/unit/storage).
 */
export function openDb(name = DB_NAME): DesaffectDb {
  const db = new Dexie(name) as DesaffectDb;
  db.version(1).stores({
    comments: 'key, firstSeen, day, label, platform, threadKey',
    actions: '++id, commentKey, day, at',
    activity: '[day+platform], day',
    checkins: '++id, day, at',
    evidence: '++id, commentKey, at',
    settings: 'key',
  });
  return db;
}
