import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { createBackup, parseBackup, restoreBackup } from '../../../src/storage/backup';
import type { DesaffectDb } from '../../../src/storage/db';
import { writeSettings } from '../../../src/storage/settings';
import { activityRow, commentRow, deleteOpenedDbs, freshDb, paris } from './rows';

afterEach(deleteOpenedDbs);

const now = paris('2026-11-20T15:00:00', 1);

async function seed(db: DesaffectDb) {
  await db.comments.bulkPut([
    commentRow(now - 60_000, 'troll', { id: 'a' }),
    commentRow(now, 'threat', { id: 'b', intensity: 0.9 }),
  ]);
  await db.actions.add({
    commentKey: 'x:b',
    tactic: 'escalate',
    at: now,
    day: '2026-11-20',
    platform: 'x',
    label: 'threat',
  });
  await db.activity.put(activityRow('2026-11-20', 'x', now - 3_600_000, now, 1_200_000));
  await db.checkins.add({
    at: now,
    day: '2026-11-20',
    score: 4,
    tags: ['tired'],
    note: 'long day',
    trigger: 'threat',
  });
  await db.evidence.add({
    commentKey: 'x:b',
    at: now,
    platform: 'x',
    permalink: 'https://x.com/a/status/b',
    authorHandle: 'a',
    authorName: 'A',
    text: 'menace',
    createdAt: null,
    screenshot: 'data:image/png;base64,AAAA',
  });
  await writeSettings(db, { ...DEFAULT_SETTINGS, retentionDays: 30 });
}

const tablesOf = async (db: DesaffectDb) => (await createBackup(db, 'test', now)).tables;

describe('backup and restore', () => {
  it('restores a wiped database to exactly what was backed up', async () => {
    const db = freshDb();
    await seed(db);
    const backup = await createBackup(db, '0.1.0', now);
    expect(backup).toMatchObject({ format: 'desaffect-backup', schemaVersion: 1, extensionVersion: '0.1.0' });
    expect(backup.tables.comments).toHaveLength(2);

    const fresh = freshDb();
    const result = await restoreBackup(fresh, JSON.stringify(backup));
    expect(result).toEqual({ ok: true, rows: 7 });
    expect(await tablesOf(fresh)).toEqual(backup.tables);
  });

  it('merges by primary key: a row already there is replaced, others are kept', async () => {
    const db = freshDb();
    await seed(db);
    const backup = await createBackup(db, '0.1.0', now);
    await db.comments.put(commentRow(now, 'neutral', { id: 'kept' }));
    await db.comments.update('x:a', { label: 'neutral' });
    await restoreBackup(db, JSON.stringify(backup));
    expect((await db.comments.get('x:a'))?.label).toBe('troll');
    expect(await db.comments.count()).toBe(3);
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
      (json: string) => json.replace('"schemaVersion":1', '"schemaVersion":7'),
      { reason: 'newer_version', schemaVersion: 7 },
    ],
    [
      'a file of an unknown older version',
      (json: string) => json.replace('"schemaVersion":1', '"schemaVersion":0'),
      { reason: 'unknown_version', schemaVersion: 0 },
    ],
    [
      'a file with one corrupt row',
      (json: string) => json.replace('"intensity":0.9', '"intensity":"high"'),
      { reason: 'invalid', where: 'comments.1.intensity' },
    ],
    [
      'a file missing a table',
      (json: string) => json.replace('"checkins":', '"check_ins":'),
      { reason: 'invalid', where: 'checkins' },
    ],
  ])('refuses %s and leaves the database unchanged', async (_name, corrupt, refusal) => {
    const source = freshDb();
    await seed(source);
    const json = JSON.stringify(await createBackup(source, '0.1.0', now));

    const target = freshDb();
    await target.comments.put(commentRow(now, 'neutral', { id: 'existing' }));
    const before = await tablesOf(target);
    expect(await restoreBackup(target, corrupt(json))).toEqual({ ok: false, ...refusal });
    expect(await tablesOf(target)).toEqual(before);
  });

  it('upgrades a backup made at an older schema version, step by step', () => {
    const v1 = {
      format: 'desaffect-backup',
      schemaVersion: 1,
      extensionVersion: '0.1.0',
      createdAt: '',
      tables: {},
    };
    const emptyTables = { comments: [], actions: [], activity: [], checkins: [], evidence: [], settings: [] };
    const steps = {
      1: (tables: unknown) => ({ ...(tables as object), comments: [], actions: [], activity: [] }),
      2: (tables: unknown) => ({ ...(tables as object), checkins: [], evidence: [], settings: [] }),
    };
    expect(parseBackup(JSON.stringify(v1), 3, steps)).toEqual({ ok: true, tables: emptyTables });
    // Without the steps, version 1's tables do not have version 3's shape.
    expect(parseBackup(JSON.stringify(v1), 1)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
