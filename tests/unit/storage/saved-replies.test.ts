import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { createBackup, restoreBackup } from '../../../src/storage/backup';
import { openDb } from '../../../src/storage/db';
import { readSavedReplies, writeSavedReplies } from '../../../src/storage/saved-replies';
import { readSettings, writeSettings } from '../../../src/storage/settings';
import {
  mergeReplies,
  parseRepliesFile,
  repliesFile,
  type SavedReply,
} from '../../../src/tactics/saved-replies';

const mine: SavedReply = {
  id: 'a',
  tactic: 'restraint',
  topic: 'delivery',
  language: 'fr',
  tone: 'tu',
  text: 'On retrouve ta commande, promis.',
};

let db: ReturnType<typeof openDb> | undefined;
let other: ReturnType<typeof openDb> | undefined;
afterEach(async () => {
  await db?.delete();
  await other?.delete();
});

describe('saved replies in the database', () => {
  it('read back what was saved, leaving out a reply an edited backup broke', async () => {
    db = openDb(`replies-${Math.random()}`);
    await writeSavedReplies(db, [mine]);
    expect(await readSavedReplies(db)).toEqual([mine]);
    await db.settings.put({ key: 'savedReplies', value: [mine, { ...mine, id: 'b', tactic: 'shout' }] });
    expect(await readSavedReplies(db)).toEqual([mine]);
  });
});

describe('saved replies and the newer settings in a backup', () => {
  it('travel with the settings, and a saved reply with a key no version has refuses the file', async () => {
    db = openDb(`replies-${Math.random()}`);
    await writeSettings(db, { ...DEFAULT_SETTINGS, tone: 'tu', setupDone: true });
    await writeSavedReplies(db, [mine]);
    const file = await createBackup(db, 'test', Date.now());
    other = openDb(`replies-${Math.random()}`);
    expect(await restoreBackup(other, JSON.stringify(file))).toMatchObject({ ok: true });
    expect(await readSavedReplies(other)).toEqual([mine]);
    expect(await readSettings(other)).toMatchObject({ tone: 'tu', setupDone: true });

    const row = file.tables.settings.findIndex((setting) => setting.key === 'savedReplies');
    const broken = structuredClone(file);
    broken.tables.settings[row] = { key: 'savedReplies', value: [{ ...mine, shout: true }] };
    expect(await restoreBackup(other, JSON.stringify(broken))).toMatchObject({
      ok: false,
      reason: 'invalid',
      table: 'settings',
      row: row + 1,
    });
  });

  it('restore settings saved before the tone and the first-run setup existed with their defaults', async () => {
    db = openDb(`replies-${Math.random()}`);
    const file = await createBackup(db, 'test', Date.now());
    const { tone: _tone, setupDone: _setupDone, ...older } = { ...DEFAULT_SETTINGS, retentionDays: 90 };
    file.tables.settings = [{ key: 'settings', value: older }];
    other = openDb(`replies-${Math.random()}`);
    expect(await restoreBackup(other, JSON.stringify(file))).toMatchObject({ ok: true });
    expect(await readSettings(other)).toMatchObject({ tone: 'vous', setupDone: false });
  });
});

describe('the replies file', () => {
  it('round-trips, and refuses anything else without importing a part of it', () => {
    expect(parseRepliesFile(repliesFile([mine]))).toEqual([mine]);
    expect(parseRepliesFile('{"format":"desaffect-replies","version":1,"replies":[{"id":"x"}]}')).toBeNull();
    expect(parseRepliesFile('not json')).toBeNull();
    expect(parseRepliesFile('{"format":"desaffect-backup"}')).toBeNull();
  });

  it('imports with fresh ids and no duplicates', () => {
    let n = 0;
    const merged = mergeReplies(
      [mine],
      [mine, { ...mine, text: 'Autre', id: 'a' }, { ...mine, text: 'Autre' }],
      () => `new-${++n}`,
    );
    expect(merged.map((reply) => [reply.id, reply.text])).toEqual([
      ['a', mine.text],
      ['new-1', 'Autre'],
    ]);
  });
});
