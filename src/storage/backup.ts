/**
 * Full backup and restore. A restore validates the whole file first (format, schema version, every
 * row's shape) and only then writes, in one transaction, merging by primary key: a corrupt, truncated or
 * foreign file leaves the database exactly as it was.
 */
import * as v from 'valibot';
import { LABELS, PLATFORMS } from '../shared/comment';
import { BACKUP_FORMAT, type BackupFile, type BackupTables } from './backup-format';
import type { DesaffectDb } from './db';

const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0));
const rowId = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)));
const text = v.string();
const platform = v.picklist(PLATFORMS);
const label = v.picklist(LABELS);
const unit = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

const commentRow = v.object({
  key: v.pipe(v.string(), v.minLength(3)),
  platform,
  id: v.pipe(v.string(), v.minLength(1)),
  threadKey: text,
  authorHandle: text,
  authorName: text,
  text: v.nullable(text),
  createdAt: v.nullable(text),
  permalink: v.nullable(text),
  isReply: v.boolean(),
  isOwn: v.boolean(),
  label,
  scores: v.object({ troll: unit, unhappy_customer: unit, threat: unit, neutral: unit }),
  intensity: unit,
  lang: text,
  uncertain: v.boolean(),
  cues: v.array(text),
  firstSeen: epochMs,
  lastSeen: epochMs,
  timesSeen: v.pipe(v.number(), v.integer(), v.minValue(1)),
  lastSessionId: text,
  day,
});

/** Every row's shape, strict about ranges: the export CLI may validate with it too. */
export const backupTablesSchema = v.object({
  comments: v.array(commentRow),
  actions: v.array(
    v.object({ id: rowId, commentKey: text, tactic: text, at: epochMs, day, platform, label }),
  ),
  activity: v.array(
    v.object({ day, platform, activeMs: v.pipe(v.number(), v.minValue(0)), first: epochMs, last: epochMs }),
  ),
  checkins: v.array(
    v.object({
      id: rowId,
      at: epochMs,
      day,
      score: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
      tags: v.array(text),
      note: text,
      trigger: v.picklist(['threat', 'end_of_day', 'manual']),
    }),
  ),
  evidence: v.array(
    v.object({
      id: rowId,
      commentKey: text,
      at: epochMs,
      platform,
      permalink: v.nullable(text),
      authorHandle: text,
      authorName: text,
      text,
      createdAt: v.nullable(text),
      screenshot: v.nullable(text),
    }),
  ),
  settings: v.array(v.object({ key: v.pipe(v.string(), v.minLength(1)), value: v.unknown() })),
});

const envelopeSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  schemaVersion: v.pipe(v.number(), v.integer()),
  extensionVersion: v.string(),
  createdAt: v.string(),
  tables: v.unknown(),
});

/**
 * Turns the tables of a backup made at schema version n into those of version n + 1. Version 1 is the
 * only one so far: each future `version(n + 1)` in db.ts brings its step here, beside its own upgrade.
 */
export type BackupUpgrade = (tables: unknown) => unknown;
export const BACKUP_UPGRADES: Readonly<Record<number, BackupUpgrade>> = {};

export async function createBackup(
  db: DesaffectDb,
  extensionVersion: string,
  now: number,
): Promise<BackupFile> {
  const tables = await db.transaction(
    'r',
    [db.comments, db.actions, db.activity, db.checkins, db.evidence, db.settings],
    async (): Promise<BackupTables> => ({
      comments: await db.comments.toArray(),
      actions: await db.actions.toArray(),
      activity: await db.activity.toArray(),
      checkins: await db.checkins.toArray(),
      evidence: await db.evidence.toArray(),
      settings: await db.settings.toArray(),
    }),
  );
  return {
    format: BACKUP_FORMAT,
    schemaVersion: db.verno,
    extensionVersion,
    createdAt: new Date(now).toISOString(),
    tables,
  };
}

export type RestoreRefusal =
  | { reason: 'not_json' }
  | { reason: 'foreign' }
  | { reason: 'newer_version'; schemaVersion: number }
  | { reason: 'unknown_version'; schemaVersion: number }
  /** `where`: the first offending place, e.g. `comments.12.intensity`. */
  | { reason: 'invalid'; where: string };

export type ParsedBackup = { ok: true; tables: BackupTables } | ({ ok: false } & RestoreRefusal);

/** Reads and validates a backup file's text, upgrading an older schema version; writes nothing. */
export function parseBackup(
  fileText: string,
  currentVersion: number,
  upgrades: Readonly<Record<number, BackupUpgrade>> = BACKUP_UPGRADES,
): ParsedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(fileText);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  const envelope = v.safeParse(envelopeSchema, raw);
  if (!envelope.success) return { ok: false, reason: 'foreign' };
  const { schemaVersion } = envelope.output;
  if (schemaVersion > currentVersion) return { ok: false, reason: 'newer_version', schemaVersion };
  let tables = envelope.output.tables;
  for (let version = schemaVersion; version < currentVersion; version += 1) {
    const step = upgrades[version];
    if (!step) return { ok: false, reason: 'unknown_version', schemaVersion };
    tables = step(tables);
  }
  const result = v.safeParse(backupTablesSchema, tables);
  if (!result.success) {
    const path = v.getDotPath(result.issues[0] as v.BaseIssue<unknown>);
    return { ok: false, reason: 'invalid', where: path ?? 'tables' };
  }
  return { ok: true, tables: result.output as BackupTables };
}

export type RestoreResult = { ok: true; rows: number } | ({ ok: false } & RestoreRefusal);

/** Validates everything, then merges every table by primary key in one transaction. */
export async function restoreBackup(db: DesaffectDb, fileText: string): Promise<RestoreResult> {
  const parsed = parseBackup(fileText, db.verno);
  if (!parsed.ok) return parsed;
  const { tables } = parsed;
  await db.transaction(
    'rw',
    [db.comments, db.actions, db.activity, db.checkins, db.evidence, db.settings],
    async () => {
      await db.comments.bulkPut(tables.comments);
      await db.actions.bulkPut(tables.actions);
      await db.activity.bulkPut(tables.activity);
      await db.checkins.bulkPut(tables.checkins);
      await db.evidence.bulkPut(tables.evidence);
      await db.settings.bulkPut(tables.settings);
    },
  );
  const rows = Object.values(tables).reduce((sum, rowsOfTable) => sum + rowsOfTable.length, 0);
  return { ok: true, rows };
}
