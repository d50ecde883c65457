import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { createBackup, restoreBackup } from '../../../src/storage/backup';
import { openDb } from '../../../src/storage/db';
import { readSavedReplies, writeSavedReplies } from '../../../src/storage/saved-replies';
import { readSettings, writeSettings } from '../../../src/storage/settings';
import {
  changeReplies,
  MAX_SAVED_REPLIES,
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
    const { replies, outcome } = changeReplies(
      [mine],
      { kind: 'import', replies: [mine, { ...mine, text: 'Autre', id: 'a' }, { ...mine, text: 'Autre' }] },
      () => `new-${++n}`,
    );
    expect(replies.map((reply) => [reply.id, reply.text])).toEqual([
      ['a', mine.text],
      ['new-1', 'Autre'],
    ]);
    expect(outcome).toEqual({ ok: true, added: 1, leftOut: 0 });
  });
});

describe('changes to the saved replies', () => {
  const full = Array.from({ length: MAX_SAVED_REPLIES }, (_, n) => ({ ...mine, id: `r${n}`, text: `${n}` }));
  const newId = () => 'new';

  it('adds, edits and deletes by id, and says when the edited reply is gone', () => {
    const { id: _id, ...draft } = { ...mine, text: 'Nouvelle' };
    const added = changeReplies([mine], { kind: 'add', reply: draft }, newId);
    expect(added).toEqual({
      replies: [mine, { ...draft, id: 'new' }],
      outcome: { ok: true, added: 1, leftOut: 0 },
    });
    const edited = { ...mine, text: 'Modifiée' };
    expect(changeReplies(added.replies, { kind: 'edit', reply: edited }, newId).replies[0]).toEqual(edited);
    expect(changeReplies([mine], { kind: 'delete', id: 'a' }, newId).replies).toEqual([]);
    expect(changeReplies([], { kind: 'edit', reply: edited }, newId)).toEqual({
      replies: [],
      outcome: { ok: false, reason: 'gone' },
    });
  });

  it('refuses a reply past the limit, and imports only what fits, counting what it leaves out', () => {
    const { id: _id, ...draft } = mine;
    expect(changeReplies(full, { kind: 'add', reply: draft }, newId).outcome).toEqual({
      ok: false,
      reason: 'limit',
    });
    const imported = changeReplies(
      full.slice(2),
      { kind: 'import', replies: [1, 2, 3, 4, 5].map((n) => ({ ...mine, text: `import ${n}` })) },
      newId,
    );
    expect(imported.replies).toHaveLength(MAX_SAVED_REPLIES);
    expect(imported.outcome).toEqual({ ok: true, added: 2, leftOut: 3 });
  });
});
