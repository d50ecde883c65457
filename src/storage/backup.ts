/**
 * Full backup and restore. A restore validates the whole file first (format, schema version, every row's
 * shape, with the strict schemas the row types are inferred from: an unknown key or a bad value anywhere,
 * the settings included, refuses the file; nothing falls back to a default) and only then writes, in one
 * transaction: a corrupt, truncated or foreign file leaves the database exactly as it was.
 *
 * A restore merges; it never replaces a row with an unrelated one, and restoring the same file again
 * changes nothing:
 * - comments, by comment key: one row per comment, its first sight the earlier of the two, its last
 *   sight the later (with the page sessions that showed it last), `timesSeen` the larger (never the sum: the two may count the same sightings), the
 *   longer text with its classification (as ingest keeps an expanded comment), unless the CM corrected the
 *   comment on either side: then the classification (the CM's label and its cue) of the side whose
 *   correction is the later, as ingest keeps it too; the earlier reveal;
 * - activity, by day and platform: the larger active time, the earlier first and later last activity
 *   (never the sum, for the same reason: a backup of this very database holds part of today's time);
 * - actions and check-ins, which are never edited, by what they record — an action by comment, tactic and
 *   instant, a check-in by instant and trigger. A row already there is not added again; any other gets a
 *   new id (ids are local to a database, so a backup's id 1 never overwrites this database's id 1);
 * - evidence, one record per comment: a comment's records merged as a new escalation would (evidence.ts),
 *   into this database's record, which keeps its id; a record of a comment new here gets a new id;
 * - settings rows by key: the CM's settings come from the file, but retention and text keeping change only
 *   once the CM has confirmed it (see restoreBackup); the dashboard's bookkeeping markers already here stay.
 */
import * as v from 'valibot';
import type { Settings } from '../shared/settings';
import { BACKUP_FORMAT, type BackupFile, type BackupTables } from './backup-format';
import { classificationOf } from './corrections';
import type { DesaffectDb } from './db';
import { mergeEvidence, withRecordTimes } from './evidence';
import { exactTimes, savedRepliesFromTemplates, typedCues } from './legacy';
import {
  type ActionRow,
  type ActivityRow,
  actionRowSchema,
  activityRowSchema,
  type CheckInRow,
  type CommentRow,
  type CorrectionRow,
  checkInRowSchema,
  commentRowSchema,
  correctionRowSchema,
  type EvidenceRow,
  evidenceRowSchema,
  settingRowSchema,
} from './schema';
import { readSettings, SETTINGS_KEY } from './settings';

/** Every row's shape, strict about keys and ranges: the export CLI validates with it too. */
export const backupTablesSchema = v.strictObject({
  comments: v.array(commentRowSchema),
  actions: v.array(actionRowSchema),
  activity: v.array(activityRowSchema),
  checkins: v.array(checkInRowSchema),
  evidence: v.array(evidenceRowSchema),
  settings: v.array(settingRowSchema),
  corrections: v.array(correctionRowSchema),
});

export type BackupTableName = keyof BackupTables;

// What the schema accepts is what the tables hold: a row type and its schema cannot drift apart.
const tablesMatchSchema: [v.InferOutput<typeof backupTablesSchema>] extends [BackupTables]
  ? [BackupTableName] extends [keyof v.InferOutput<typeof backupTablesSchema>]
    ? true
    : false
  : false = true;
void tablesMatchSchema;

// Not strict: a later version may describe its backup with more (the export CLI reads what it knows).
const envelopeSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  schemaVersion: v.pipe(v.number(), v.integer()),
  extensionVersion: v.string(),
  createdAt: v.string(),
  tables: v.unknown(),
});

/**
 * Turns the tables of a backup made at schema version n into those of version n + 1, one step per
 * `version(n + 1)` in db.ts (a test checks that none is missing).
 */
export type BackupUpgrade = (tables: unknown) => unknown;
export const BACKUP_UPGRADES: Readonly<Record<number, BackupUpgrade>> = {
  // Version 2 added `dayTotals`, derived from the comments and never in a backup: the tables a version-1
  // backup holds are those of version 2, and the restore builds the totals as it writes the comments.
  1: (tables) => tables,
  // Version 3 typed the comments' cues, recorded their classifier and added the CM's corrections.
  2: (tables) => {
    const old = tables as Record<string, unknown>;
    const comments = Array.isArray(old.comments) ? old.comments : [];
    return {
      ...old,
      comments: comments.map((row: Record<string, unknown>) => ({ ...row, ...typedCues(row) })),
      corrections: [],
    };
  },
  // Version 4 recorded how precise each comment's and evidence's time is.
  3: (tables) => {
    const old = tables as Record<string, unknown>;
    const withPrecision = (rows: unknown) =>
      (Array.isArray(rows) ? rows : []).map((row: Record<string, unknown>) => ({
        ...row,
        ...exactTimes(row),
      }));
    return { ...old, comments: withPrecision(old.comments), evidence: withPrecision(old.evidence) };
  },
  // Version 5 kept one evidence record per comment, with the times of its updates, of its screenshot and of
  // the comment's first sight. The restore merges a comment's records as it writes them.
  4: (tables) => {
    const old = tables as Record<string, unknown>;
    const evidence = Array.isArray(old.evidence) ? old.evidence : [];
    const comments: Record<string, unknown>[] = Array.isArray(old.comments) ? old.comments : [];
    const firstSeen = new Map(comments.map((row) => [row?.key, row?.firstSeen]));
    return {
      ...old,
      evidence: evidence.map((row: unknown) =>
        typeof row === 'object' && row !== null
          ? withRecordTimes(
              row as Record<string, unknown>,
              firstSeen.get((row as { commentKey?: unknown }).commentKey),
            )
          : row,
      ),
    };
  },
  // Version 6 made the wordings kept per tactic in the settings saved replies.
  5: (tables) => {
    const old = tables as Record<string, unknown>;
    return Array.isArray(old.settings) ? { ...old, settings: savedRepliesFromTemplates(old.settings) } : old;
  },
};

const LOG_TABLES = [
  'comments',
  'actions',
  'activity',
  'checkins',
  'evidence',
  'settings',
  'corrections',
] as const;

function logTables(db: DesaffectDb) {
  return LOG_TABLES.map((name) => db[name]);
}

export async function createBackup(
  db: DesaffectDb,
  extensionVersion: string,
  now: number,
): Promise<BackupFile> {
  const tables = await db.transaction(
    'r',
    logTables(db),
    async (): Promise<BackupTables> => ({
      comments: await db.comments.toArray(),
      actions: await db.actions.toArray(),
      activity: await db.activity.toArray(),
      checkins: await db.checkins.toArray(),
      evidence: await db.evidence.toArray(),
      corrections: await db.corrections.toArray(),
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
  /**
   * `table` and `row` (from 1) say where, in words the CM can be told ("row 1 of the settings"); null when
   * the file's tables as a whole, or that table as a whole, cannot be read. `where` is the first offending
   * place as a path (e.g. `comments.12.intensity`), for the command-line tool.
   */
  | { reason: 'invalid'; table: BackupTableName | null; row: number | null; where: string };

export type ParsedBackup = { ok: true; tables: BackupTables } | ({ ok: false } & RestoreRefusal);

const TABLE_NAMES = Object.keys(backupTablesSchema.entries) as BackupTableName[];

/** Where the first issue lies: its table and row, and its path. */
function invalidAt(issue: v.BaseIssue<unknown> | undefined): RestoreRefusal {
  const [table, row] = issue?.path ?? [];
  const tableName = TABLE_NAMES.find((name) => name === table?.key) ?? null;
  return {
    reason: 'invalid',
    table: tableName,
    row: tableName !== null && typeof row?.key === 'number' ? row.key + 1 : null,
    where: (issue && v.getDotPath(issue)) ?? 'tables',
  };
}

/** Reads and validates a backup file's text, upgrading an older schema version; writes nothing, never throws. */
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
  // Valibot reads an array as an object with missing keys, and would blame its first table.
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables))
    return { ok: false, ...invalidAt(undefined) };
  for (let version = schemaVersion; version < currentVersion; version += 1) {
    const step = upgrades[version];
    if (!step) return { ok: false, reason: 'unknown_version', schemaVersion };
    try {
      tables = step(tables);
    } catch {
      return { ok: false, ...invalidAt(undefined) };
    }
  }
  const result = v.safeParse(backupTablesSchema, tables);
  if (!result.success) return { ok: false, ...invalidAt(result.issues[0]) };
  return { ok: true, tables: result.output };
}

/**
 * A setting that decides what is kept and would change: retention (a shorter one makes the next daily purge
 * delete older rows) or keeping comment text. A restore changes them only once the CM has confirmed it.
 */
export type GuardedChange =
  | { setting: 'retentionDays'; from: number; to: number }
  | { setting: 'keepText'; from: boolean; to: boolean };

/** What a restore does when the file's guarded settings differ: ask first, take the file's, or keep these. */
export const GUARDED_SETTINGS_CHOICES = ['ask', 'apply', 'keep'] as const;
export type GuardedSettingsChoice = (typeof GUARDED_SETTINGS_CHOICES)[number];

/**
 * `rows`: the rows the file holds (those already in the database included). `needs_confirmation`: the
 * file is valid but would change guarded settings, and nothing was written; restore again with the CM's
 * choice.
 */
export type RestoreResult =
  | { ok: true; rows: number }
  | ({ ok: false } & RestoreRefusal)
  | { ok: false; reason: 'needs_confirmation'; changes: GuardedChange[] };

/** The CM's settings a file's rows hold (the last such row, the one a restore writes last), if any. */
function settingsIn(rows: BackupTables['settings']): Settings | null {
  const row = rows.findLast((candidate) => candidate.key === SETTINGS_KEY);
  // Validated by settingRowSchema: the `settings` row holds complete, valid settings.
  return row ? (row.value as Settings) : null;
}

function guardedChanges(current: Settings, incoming: Settings): GuardedChange[] {
  const changes: GuardedChange[] = [];
  if (incoming.retentionDays !== current.retentionDays)
    changes.push({ setting: 'retentionDays', from: current.retentionDays, to: incoming.retentionDays });
  if (incoming.keepText !== current.keepText)
    changes.push({ setting: 'keepText', from: current.keepText, to: incoming.keepText });
  return changes;
}

/** The file's settings rows with this database's guarded settings instead of the file's. */
function keepingGuarded(rows: BackupTables['settings'], current: Settings): BackupTables['settings'] {
  return rows.map((row) =>
    row.key === SETTINGS_KEY
      ? {
          key: SETTINGS_KEY,
          value: {
            ...(row.value as Settings),
            retentionDays: current.retentionDays,
            keepText: current.keepText,
          },
        }
      : row,
  );
}

const textLength = (row: CommentRow) => row.text?.length ?? 0;

/**
 * One row for a comment known to both sides; `a` is the one already in the database. `correctedBy` is the
 * side whose correction of the comment is the later, when the CM corrected it on either. See the header.
 */
function mergeComment(a: CommentRow, b: CommentRow, correctedBy: 'a' | 'b' | null): CommentRow {
  const first = b.firstSeen < a.firstSeen ? b : a;
  const last = b.lastSeen > a.lastSeen ? b : a;
  const fuller = textLength(b) > textLength(a) ? b : a;
  const classified = correctedBy === null ? fuller : correctedBy === 'a' ? a : b;
  const revealed = [a.revealedAt, b.revealedAt].filter((at): at is number => at !== undefined);
  const merged: CommentRow = {
    ...a,
    // A time goes with its precision.
    ...(a.createdAt !== null ? {} : { createdAt: b.createdAt, createdAtPrecision: b.createdAtPrecision }),
    permalink: a.permalink ?? b.permalink,
    text: fuller.text,
    ...classificationOf(classified),
    firstSeen: first.firstSeen,
    day: first.day,
    lastSeen: last.lastSeen,
    lastSessionId: last.lastSessionId,
    timesSeen: Math.max(a.timesSeen, b.timesSeen),
  };
  // The sessions before the last go with it.
  if (last.earlierSessionIds) merged.earlierSessionIds = last.earlierSessionIds;
  else delete merged.earlierSessionIds;
  if (revealed.length > 0) merged.revealedAt = Math.min(...revealed);
  else delete merged.revealedAt;
  return merged;
}

function mergeActivity(a: ActivityRow, b: ActivityRow): ActivityRow {
  return {
    day: a.day,
    platform: a.platform,
    activeMs: Math.max(a.activeMs, b.activeMs),
    first: Math.min(a.first, b.first),
    last: Math.max(a.last, b.last),
  };
}

/** What an append-only row records, as a string: two rows with the same identity are the same event. */
const identity = {
  action: (row: ActionRow) => JSON.stringify([row.commentKey, row.tactic, row.at]),
  checkin: (row: CheckInRow) => JSON.stringify([row.at, row.trigger]),
};

/**
 * The file's rows not yet in the database, without their ids. Counted as multisets, so a file that holds
 * the same event twice (as its database did) restores it twice into an empty database, and once more never.
 */
function newRows<Row extends { id?: number }>(
  existing: Row[],
  incoming: Row[],
  identityOf: (row: Row) => string,
) {
  const present = new Map<string, number>();
  for (const row of existing) present.set(identityOf(row), (present.get(identityOf(row)) ?? 0) + 1);
  const added: Omit<Row, 'id'>[] = [];
  for (const row of incoming) {
    const id = identityOf(row);
    const left = present.get(id) ?? 0;
    if (left > 0) {
      present.set(id, left - 1);
      continue;
    }
    const { id: _localId, ...rest } = row;
    added.push(rest);
  }
  return added;
}

/** Merges one side's rows into the other's by key, the file's own duplicates included. */
function mergeByKey<Row, Key>(
  existing: (Row | undefined)[],
  incoming: Row[],
  keyOf: (row: Row) => Key,
  merge: (a: Row, b: Row) => Row,
): Row[] {
  const merged = new Map<Key, Row>();
  for (const row of existing) if (row) merged.set(keyOf(row), row);
  const written = new Map<Key, Row>();
  for (const row of incoming) {
    const key = keyOf(row);
    const previous = written.get(key) ?? merged.get(key);
    written.set(key, previous ? merge(previous, row) : row);
  }
  return [...written.values()];
}

async function writeTables(db: DesaffectDb, tables: BackupTables): Promise<void> {
  await db.transaction('rw', logTables(db), async () => {
    // Only the comments already here are read (their keys alone are cheap to list); the others are added,
    // which spares the day totals from looking for rows they would replace.
    const stored = new Set(await db.comments.toCollection().primaryKeys());
    const known = [...new Set(tables.comments.map((row) => row.key).filter((key) => stored.has(key)))];
    // A comment the CM corrected keeps the classification of the side whose correction is the later.
    const correctedHere = await db.corrections.bulkGet(known);
    const hereAt = new Map(correctedHere.flatMap((row) => (row ? [[row.commentKey, row.at]] : [])));
    const fileAt = new Map<string, number>();
    for (const row of tables.corrections)
      fileAt.set(row.commentKey, Math.max(row.at, fileAt.get(row.commentKey) ?? row.at));
    const correctedBy = (key: string) => {
      const [here, there] = [hereAt.get(key), fileAt.get(key)];
      if (there !== undefined && (here === undefined || there > here)) return 'b';
      return here === undefined ? null : 'a';
    };
    const comments = mergeByKey(
      await db.comments.bulkGet(known),
      tables.comments,
      (row) => row.key,
      (a, b) => mergeComment(a, b, correctedBy(a.key)),
    );
    await db.comments.bulkPut(comments.filter((row) => stored.has(row.key)));
    await db.comments.bulkAdd(comments.filter((row) => !stored.has(row.key)));

    const activityKeys = tables.activity.map((row): [string, string] => [row.day, row.platform]);
    const activity = mergeByKey(
      await db.activity.bulkGet(activityKeys),
      tables.activity,
      (row) => `${row.day}|${row.platform}`,
      mergeActivity,
    );
    await db.activity.bulkPut(activity);

    // Append-only tables.
    const [actions, checkins] = await Promise.all([
      tables.actions.length > 0 ? db.actions.toArray() : [],
      tables.checkins.length > 0 ? db.checkins.toArray() : [],
    ]);
    await db.actions.bulkAdd(newRows(actions, tables.actions, identity.action));
    await db.checkins.bulkAdd(newRows(checkins, tables.checkins, identity.checkin));

    // Evidence by comment. Its rows carry screenshots: only this database's records of the file's comments
    // are read. The file's ids are local to the database it came from: dropped.
    const evidenceKeys = [...new Set(tables.evidence.map((row) => row.commentKey))];
    const evidence = mergeByKey(
      evidenceKeys.length > 0 ? await db.evidence.where('commentKey').anyOf(evidenceKeys).toArray() : [],
      tables.evidence.map(({ id: _fileId, ...row }): EvidenceRow => row),
      (row) => row.commentKey,
      mergeEvidence,
    );
    await db.evidence.bulkPut(evidence.filter((row) => row.id !== undefined));
    await db.evidence.bulkAdd(evidence.filter((row) => row.id === undefined));

    // Corrections by comment: the later one is the CM's last word.
    const corrections = mergeByKey(
      await db.corrections.bulkGet(tables.corrections.map((row) => row.commentKey)),
      tables.corrections,
      (row) => row.commentKey,
      (a: CorrectionRow, b: CorrectionRow) => (b.at > a.at ? b : a),
    );
    await db.corrections.bulkPut(corrections);

    const present = await db.settings.bulkGet(tables.settings.map((row) => row.key));
    const settings = tables.settings.filter((row, i) => !(row.key.startsWith('marker:') && present[i]));
    await db.settings.bulkPut(settings);
  });
}

/**
 * Validates everything, then merges every table in one transaction (see the header). When the file's
 * settings would change retention or text keeping, `guarded` decides: 'ask' (the default) writes nothing and
 * answers `needs_confirmation` with the changes; 'apply' takes the file's; 'keep' keeps this database's.
 * Any file is answered with a result, never an exception; only a failing database (quota, closed) rejects,
 * and the transaction then leaves it as it was.
 */
export async function restoreBackup(
  db: DesaffectDb,
  fileText: string,
  guarded: GuardedSettingsChoice = 'ask',
): Promise<RestoreResult> {
  const parsed = parseBackup(fileText, db.verno);
  if (!parsed.ok) return parsed;
  const { tables } = parsed;
  const rows = Object.values(tables).reduce((sum, rowsOfTable) => sum + rowsOfTable.length, 0);
  return db.transaction('rw', logTables(db), async (): Promise<RestoreResult> => {
    const incoming = settingsIn(tables.settings);
    const current = await readSettings(db);
    const changes = incoming ? guardedChanges(current, incoming) : [];
    if (changes.length > 0 && guarded === 'ask') return { ok: false, reason: 'needs_confirmation', changes };
    const settings = guarded === 'keep' ? keepingGuarded(tables.settings, current) : tables.settings;
    await writeTables(db, { ...tables, settings });
    return { ok: true, rows };
  });
}
