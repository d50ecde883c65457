import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { dayTotalsOf } from '../../../src/exposure/day-totals';
import type { Label } from '../../../src/shared/comment';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import {
  BACKUP_UPGRADES,
  backupTablesSchema,
  createBackup,
  parseBackup,
  restoreBackup,
} from '../../../src/storage/backup';
import type { DesaffectDb } from '../../../src/storage/db';
import { readMarker, writeMarker } from '../../../src/storage/markers';
import {
  actionRowSchema,
  activityRowSchema,
  checkInRowSchema,
  commentRowSchema,
  correctionRowSchema,
  evidenceRowSchema,
  markerSchemas,
  SAVED_REPLIES_KEY,
  SCHEMA_VERSION,
  settingRowSchema,
} from '../../../src/storage/schema';
import { readSettings, writeSettings } from '../../../src/storage/settings';
import { type SavedReply, savedReplySchema } from '../../../src/tactics/saved-replies';
import {
  fullAction,
  fullActivity,
  fullCheckIn,
  fullComment,
  fullCorrection,
  fullEvidence,
  fullSetting,
} from '../storage/full-rows';
import { commentRow, deleteOpenedDbs, freshDb, paris } from './rows';

afterEach(deleteOpenedDbs);

const now = paris('2026-11-20T15:00:00', 1);
const DAY = '2026-11-20';

/** Every table, every field of every row set (optional ones included), two rows where ids matter. */
async function seed(db: DesaffectDb) {
  await db.comments.bulkPut([
    fullComment('a', now - 60_000, DAY, 'troll'),
    fullComment('b', now, DAY, 'threat', { intensity: 0.9 }),
  ]);
  await db.actions.bulkAdd([fullAction(1, 'x:b', now, DAY), fullAction(2, 'x:a', now + 1_000, DAY)]);
  await db.activity.put(fullActivity(DAY, 'x', now - 3_600_000, now));
  await db.checkins.add(fullCheckIn(1, now, DAY));
  await db.evidence.add(fullEvidence(1, 'x:b', now));
  await db.corrections.put(fullCorrection('x:a', now + 2_000, DAY));
  await writeSettings(db, { ...DEFAULT_SETTINGS, retentionDays: 30 });
  await writeMarker(db, 'lastPurgeDay', DAY);
}

const tablesOf = async (db: DesaffectDb) => (await createBackup(db, 'test', now)).tables;
const withoutIds = <Row extends { id?: number }>(rows: Row[]) => rows.map(({ id: _id, ...rest }) => rest);

describe('backup and restore', () => {
  it('restores a fresh database to exactly what was backed up, every optional field included', async () => {
    const db = freshDb();
    await seed(db);
    const backup = await createBackup(db, '0.1.0', now);
    expect(backup).toMatchObject({
      format: 'desaffect-backup',
      schemaVersion: SCHEMA_VERSION,
      extensionVersion: '0.1.0',
    });
    expect(backup.tables.comments[0]?.revealedAt).toBe(now - 60_000 + 10_000);

    const fresh = freshDb();
    // The backup's retention (30 days) differs from a fresh database's: the CM confirmed it.
    const result = await restoreBackup(fresh, JSON.stringify(backup), 'apply');
    expect(result).toEqual({ ok: true, rows: 10 });
    expect(await tablesOf(fresh)).toEqual(backup.tables);
    expect(await fresh.dayTotals.toArray()).toEqual(dayTotalsOf(backup.tables.comments));
  });

  it('validates with schemas that list every field of every row type', () => {
    // Required<Row> fixtures hold every field; a schema missing one would strip it (v.object drops keys).
    const cases = [
      [commentRowSchema, fullComment('a', now, DAY)],
      [actionRowSchema, fullAction(1, 'x:a', now, DAY)],
      [activityRowSchema, fullActivity(DAY, 'x', now - 1_000, now)],
      [checkInRowSchema, fullCheckIn(1, now, DAY)],
      [evidenceRowSchema, fullEvidence(1, 'x:a', now)],
      [correctionRowSchema, fullCorrection('x:a', now, DAY)],
    ] as const;
    for (const [schema, row] of cases) {
      expect(Object.keys(schema.entries).sort()).toEqual(Object.keys(row).sort());
    }
    // Each kind of settings row (the CM's settings, each marker) is a key and a value.
    const settingsRow = fullSetting('settings', DEFAULT_SETTINGS);
    for (const option of settingRowSchema.options) {
      expect(Object.keys(option.entries).sort()).toEqual(Object.keys(settingsRow).sort());
    }
    expect(settingRowSchema.options.map((option) => option.entries.key.literal).sort()).toEqual(
      ['settings', SAVED_REPLIES_KEY, ...Object.keys(markerSchemas).map((name) => `marker:${name}`)].sort(),
    );
    // And every field of a saved reply.
    const reply: Required<SavedReply> = {
      id: 'a',
      tactic: 'restraint',
      topic: 'delivery',
      language: 'fr',
      tone: 'tu',
      text: 'On regarde.',
    };
    expect(Object.keys(savedReplySchema.entries).sort()).toEqual(Object.keys(reply).sort());
    // And every field of a cue (the comment fixture has one cue with them all).
    const cueEntries = commentRowSchema.entries.cues.item.entries;
    expect(Object.keys(cueEntries).sort()).toEqual(
      Object.keys(fullComment('a', now, DAY).cues.find((cue) => cue.count !== undefined) ?? {}).sort(),
    );
    expect(Object.keys(backupTablesSchema.entries).sort()).toEqual(
      ['actions', 'activity', 'checkins', 'comments', 'corrections', 'evidence', 'settings'].sort(),
    );
  });

  it('changes nothing when the same backup is restored again', async () => {
    const db = freshDb();
    await seed(db);
    const file = JSON.stringify(await createBackup(db, '0.1.0', now));
    await restoreBackup(db, file);
    const once = { tables: await tablesOf(db), totals: await db.dayTotals.toArray() };
    expect(once.tables).toEqual(JSON.parse(file).tables);
    await restoreBackup(db, file);
    expect({ tables: await tablesOf(db), totals: await db.dayTotals.toArray() }).toEqual(once);
  });

  it("keeps both sides' actions, check-ins and evidence: a backup's id 1 never replaces this database's id 1", async () => {
    const source = freshDb();
    await seed(source);
    const file = JSON.stringify(await createBackup(source, '0.1.0', now));

    const target = freshDb();
    await writeSettings(target, { ...DEFAULT_SETTINGS, retentionDays: 30 });
    const other = {
      action: fullAction(1, 'x:other', now + 5_000, DAY),
      checkin: { ...fullCheckIn(1, now + 5_000, DAY), note: 'mine' },
      evidence: { ...fullEvidence(1, 'x:other', now + 5_000), text: 'other threat' },
    };
    await target.actions.add(other.action);
    await target.checkins.add(other.checkin);
    await target.evidence.add(other.evidence);

    expect(await restoreBackup(target, file)).toMatchObject({ ok: true });
    const source_ = await tablesOf(source);
    const restored = await tablesOf(target);
    expect(withoutIds(restored.actions)).toEqual(withoutIds([other.action, ...source_.actions]));
    expect(withoutIds(restored.checkins)).toEqual(withoutIds([other.checkin, ...source_.checkins]));
    expect(withoutIds(restored.evidence)).toEqual(withoutIds([other.evidence, ...source_.evidence]));
    // This database's rows keep their ids; the file's get new ones.
    expect(await target.actions.get(1)).toEqual(other.action);
    expect(new Set(restored.actions.map((row) => row.id)).size).toBe(restored.actions.length);

    // And again: nothing doubles.
    await restoreBackup(target, file);
    expect(await tablesOf(target)).toEqual(restored);
  });

  it('merges a comment known to both sides by its key, summing nothing twice', async () => {
    const db = freshDb();
    const inFile = fullComment('a', now - 3_600_000, DAY, 'troll', {
      text: 'court',
      timesSeen: 3,
      lastSeen: now - 1_000_000,
      revealedAt: now - 3_000_000,
    });
    await db.comments.put(inFile);
    const file = JSON.stringify(await createBackup(db, '0.1.0', now));

    const target = freshDb();
    const here = fullComment('a', now - 1_800_000, DAY, 'neutral', {
      text: 'court, et la suite du texte',
      timesSeen: 2,
      lastSeen: now,
      lastSessionId: 'session-9',
    });
    delete (here as Partial<typeof here>).revealedAt;
    await target.comments.put(here);
    await restoreBackup(target, file);
    expect(await target.comments.toArray()).toEqual([
      {
        ...here,
        firstSeen: inFile.firstSeen,
        day: inFile.day,
        timesSeen: 3,
        lastSeen: now,
        lastSessionId: 'session-9',
        revealedAt: inFile.revealedAt,
      },
    ]);
    expect(await target.dayTotals.toArray()).toEqual(dayTotalsOf(await target.comments.toArray()));
  });

  it("keeps the label the CM gave a comment whatever the other side's text, from the later correction", async () => {
    const corrected = (label: Label, text: string) =>
      fullComment('a', now - 60_000, DAY, label, {
        text,
        uncertain: false,
        cues: [{ kind: 'your_corrections' }, { kind: 'insult', quote: 'clown' }],
      });
    const short = 'Espèce de clown';
    const long = `${short}, vous êtes nuls`;
    const asClassified = fullComment('a', now - 60_000, DAY, 'troll', { text: long });
    const source = freshDb();
    await source.comments.put(asClassified);
    const classifiedOnly = JSON.stringify(await createBackup(source, '0.1.0', now));
    await source.comments.put(corrected('threat', short));
    await source.corrections.put({ ...fullCorrection('x:a', now + 5_000, DAY), to: 'threat' });
    const correctedLater = JSON.stringify(await createBackup(source, '0.1.0', now));

    const target = freshDb();
    await target.comments.put(corrected('neutral', short));
    await target.corrections.put({ ...fullCorrection('x:a', now, DAY), to: 'neutral' });
    // The file has the comment with a longer text, as the classifier labelled it: the words are taken.
    await restoreBackup(target, classifiedOnly);
    expect(await target.comments.get('x:a')).toEqual({ ...corrected('neutral', short), text: long });
    // The file has a later correction of it: the CM's last word, with this database's longer text.
    await restoreBackup(target, correctedLater);
    expect(await target.comments.get('x:a')).toEqual({ ...corrected('threat', short), text: long });
    expect(await target.dayTotals.toArray()).toEqual(dayTotalsOf(await target.comments.toArray()));
  });

  it("takes the file's time of a comment with its precision when this database has none", async () => {
    const db = freshDb();
    const estimated = {
      createdAt: new Date(now - 7_200_000).toISOString(),
      createdAtPrecision: 'hour' as const,
    };
    await db.comments.put(fullComment('b', now - 3_600_000, DAY, 'troll', estimated));
    const file = JSON.stringify(await createBackup(db, '0.1.0', now));
    const target = freshDb();
    await target.comments.put(
      fullComment('b', now - 1_800_000, DAY, 'troll', { createdAt: null, createdAtPrecision: null }),
    );
    await restoreBackup(target, file);
    expect(await target.comments.get('x:b')).toMatchObject(estimated);
  });

  it("keeps the larger active time of a day known to both sides, the CM's settings from the file and this database's markers", async () => {
    const source = freshDb();
    await seed(source);
    const file = JSON.stringify(await createBackup(source, '0.1.0', now));

    const target = freshDb();
    await target.activity.put({
      day: DAY,
      platform: 'x',
      activeMs: 60_000,
      first: now - 7_200_000,
      last: now - 7_000_000,
    });
    await writeMarker(target, 'lastPurgeDay', '2026-11-21');
    await restoreBackup(target, file, 'apply');
    expect(await target.activity.toArray()).toEqual([
      { day: DAY, platform: 'x', activeMs: 3_600_000, first: now - 7_200_000, last: now },
    ]);
    expect((await readSettings(target)).retentionDays).toBe(30);
    expect(await readMarker(target, 'lastPurgeDay')).toBe('2026-11-21');
  });

  it.each([
    ['a truncated file', (json: string) => json.slice(0, json.length / 2), { reason: 'not_json' }],
    ['a file that is not JSON', () => 'PK\u0003\u0004 zip', { reason: 'not_json' }],
    [
      'a foreign JSON file',
      () => JSON.stringify({ name: 'something else', version: 1 }),
      { reason: 'foreign' },
    ],
    [
      'a file from a newer version',
      (json: string) => json.replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":7'),
      { reason: 'newer_version', schemaVersion: 7 },
    ],
    [
      'a file of an unknown older version',
      (json: string) => json.replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":0'),
      { reason: 'unknown_version', schemaVersion: 0 },
    ],
    [
      'a file with one corrupt row',
      (json: string) => json.replace('"intensity":0.9', '"intensity":"high"'),
      { reason: 'invalid', table: 'comments', row: 2, where: 'comments.1.intensity' },
    ],
    [
      'a file missing a table',
      (json: string) => json.replace('"checkins":', '"check_ins":'),
      { reason: 'invalid', table: 'checkins', row: null, where: 'checkins' },
    ],
    [
      'a marker value nested too deep to be stored',
      (json: string) =>
        json.replace('"value":"2026-11-20"', `"value":${'['.repeat(100_000)}${']'.repeat(100_000)}`),
      { reason: 'invalid', table: 'settings', row: 1, where: 'settings.0.value' },
    ],
    [
      'a row with a key its table does not have',
      (json: string) => json.replace('"tactic":"escalate"', '"tactic":"escalate","note":"?"'),
      { reason: 'invalid', table: 'actions', row: 1, where: 'actions.0.note' },
    ],
  ])('refuses %s and leaves the database unchanged', async (_name, corrupt, refusal) => {
    const source = freshDb();
    await seed(source);
    const json = JSON.stringify(await createBackup(source, '0.1.0', now));

    const target = freshDb();
    await target.comments.put(commentRow(now, 'neutral', { id: 'existing' }));
    const before = { tables: await tablesOf(target), totals: await target.dayTotals.toArray() };
    expect(await restoreBackup(target, corrupt(json))).toEqual({ ok: false, ...refusal });
    expect({ tables: await tablesOf(target), totals: await target.dayTotals.toArray() }).toEqual(before);
  });
});

/** The CM's own settings, far from the defaults: what a refused or unconfirmed restore must leave alone. */
const MINE = {
  ...DEFAULT_SETTINGS,
  ownHandles: { x: ['acme_support'], facebook: ['Acme France'] },
  brandNames: ['Acme'],
  keepText: false,
  retentionDays: 365,
};

const MINE_GUARDED = { retentionDays: MINE.retentionDays, keepText: MINE.keepText };

/** A database holding the CM's settings and a marker, and its whole content, totals included. */
async function targetWithMySettings() {
  const db = freshDb();
  await writeSettings(db, MINE);
  await writeMarker(db, 'lastPurgeDay', DAY);
  await db.comments.put(commentRow(now, 'threat', { id: 'kept' }));
  return db;
}
const everything = async (db: DesaffectDb) => ({
  tables: await tablesOf(db),
  totals: await db.dayTotals.toArray(),
});

/** A backup of a database with `settingsRows` as its settings table, as JSON text. */
async function backupWithSettings(settingsRows: unknown[]): Promise<string> {
  const source = freshDb();
  await seed(source);
  const file = await createBackup(source, '0.1.0', now);
  return JSON.stringify({ ...file, tables: { ...file.tables, settings: settingsRows } });
}

describe('restore of settings', () => {
  it.each([
    ['"oops"', 'oops'],
    ['null', null],
    ['an empty object', {}],
    ['a setting it does not know', { ...MINE, theme: 'dark' }],
    ['a retention out of range', { ...MINE, retentionDays: 0 }],
    ['a nested setting missing', { ...MINE, nudges: { ...MINE.nudges, lateHour: undefined } }],
    ['an unknown key inside a nested setting', { ...MINE, shield: { ...MINE.shield, spam: 0.5 } }],
  ])('refuses settings that are %s, names the row, and keeps every table as it was', async (_name, value) => {
    const db = await targetWithMySettings();
    const before = await everything(db);
    const file = await backupWithSettings([
      { key: 'marker:lastPurgeDay', value: DAY },
      { key: 'settings', value },
    ]);
    expect(await restoreBackup(db, file, 'apply')).toMatchObject({
      ok: false,
      reason: 'invalid',
      table: 'settings',
      row: 2,
    });
    expect(await everything(db)).toEqual(before);
    expect(await readSettings(db)).toEqual(MINE);
  });

  it.each([
    ['an unknown row key', { key: 'theme', value: 'dark' }],
    ['an unknown marker', { key: 'marker:somethingElse', value: DAY }],
    ['a marker day that is not a day', { key: 'marker:nudgesSnoozedDay', value: 'yesterday' }],
    [
      'a dismissed check-in with an unknown trigger',
      { key: 'marker:checkInDismissed', value: { at: now, day: DAY, trigger: 'manual' } },
    ],
    ['a reset time that is not a time', { key: 'marker:learningResetAt', value: -1 }],
    ['a row with a third key', { key: 'marker:lastPurgeDay', value: DAY, at: now }],
  ])('refuses %s among the settings rows', async (_name, row) => {
    const db = await targetWithMySettings();
    const before = await everything(db);
    const file = await backupWithSettings([{ key: 'settings', value: MINE }, row]);
    expect(await restoreBackup(db, file, 'apply')).toMatchObject({ table: 'settings', row: 2 });
    expect(await everything(db)).toEqual(before);
  });

  it('asks before changing retention or text keeping, and writes nothing until the CM answers', async () => {
    const db = await targetWithMySettings();
    const before = await everything(db);
    const theirs = { ...DEFAULT_SETTINGS, brandNames: ['Other'] };
    const file = await backupWithSettings([{ key: 'settings', value: theirs }]);
    expect(await restoreBackup(db, file)).toEqual({
      ok: false,
      reason: 'needs_confirmation',
      changes: [
        { setting: 'retentionDays', from: 365, to: 90 },
        { setting: 'keepText', from: false, to: true },
      ],
    });
    expect(await everything(db)).toEqual(before);
  });

  it.each([
    ['apply', "takes the backup's retention and text keeping", {}],
    ['keep', 'keeps these retention and text keeping, and the rest from the backup', MINE_GUARDED],
  ] as const)('once the CM chose to %s, %s', async (choice, _what, guarded) => {
    const db = await targetWithMySettings();
    const theirs = { ...DEFAULT_SETTINGS, brandNames: ['Other'] };
    const file = await backupWithSettings([{ key: 'settings', value: theirs }]);
    expect(await restoreBackup(db, file, choice)).toMatchObject({ ok: true });
    expect(await readSettings(db)).toEqual({ ...theirs, ...guarded });
    expect((await tablesOf(db)).comments.length).toBeGreaterThan(1);
  });

  it('restores without asking when retention and text keeping are the same', async () => {
    const db = await targetWithMySettings();
    const file = await backupWithSettings([{ key: 'settings', value: { ...MINE, brandNames: ['Other'] } }]);
    expect(await restoreBackup(db, file)).toMatchObject({ ok: true });
    expect((await readSettings(db)).brandNames).toEqual(['Other']);
  });
});

describe('backups of older schema versions', () => {
  it('has an upgrade step for every schema version before the current one', () => {
    for (let version = 1; version < SCHEMA_VERSION; version += 1) {
      expect(BACKUP_UPGRADES[version], `step ${version} → ${version + 1}`).toBeTypeOf('function');
    }
    expect(BACKUP_UPGRADES[SCHEMA_VERSION]).toBeUndefined();
  });

  it('applies the steps in order', () => {
    const v1 = {
      format: 'desaffect-backup',
      schemaVersion: 1,
      extensionVersion: '0.1.0',
      createdAt: '',
      tables: {},
    };
    const emptyTables = {
      comments: [],
      actions: [],
      activity: [],
      checkins: [],
      evidence: [],
      settings: [],
      corrections: [],
    };
    const steps = {
      1: (tables: unknown) => ({ ...(tables as object), comments: [], actions: [], activity: [] }),
      2: (tables: unknown) => ({
        ...(tables as object),
        checkins: [],
        evidence: [],
        settings: [],
        corrections: [],
      }),
    };
    expect(parseBackup(JSON.stringify(v1), 3, steps)).toEqual({ ok: true, tables: emptyTables });
    // Without the steps, these version-1 tables do not have version 3's shape.
    expect(parseBackup(JSON.stringify(v1), 3, { 1: (t) => t, 2: (t) => t })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses, without throwing, a file an upgrade step cannot read', () => {
    const v1 = {
      format: 'desaffect-backup',
      schemaVersion: 1,
      extensionVersion: '',
      createdAt: '',
      tables: null,
    };
    const throwing = {
      1: (tables: unknown) => (tables as { comments: unknown[] }).comments.map((row) => row),
    };
    expect(parseBackup(JSON.stringify(v1), 2, throwing)).toEqual({
      ok: false,
      reason: 'invalid',
      table: null,
      row: null,
      where: 'tables',
    });
  });
});
