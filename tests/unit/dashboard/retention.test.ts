import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { currentAdjustment } from '../../../src/background/learning';
import { correctionFeatures } from '../../../src/classifier';
import { localDay } from '../../../src/shared/day';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { readMarker } from '../../../src/storage/markers';
import {
  createDailyPurge,
  deleteEverything,
  oldestKeptDay,
  purgeOlderThan,
} from '../../../src/storage/retention';
import { readSettings, writeSettings } from '../../../src/storage/settings';
import { fullCorrection } from '../storage/full-rows';
import { activityRow, commentRow, deleteOpenedDbs, freshDb } from './rows';

afterEach(deleteOpenedDbs);

const DAY_MS = 86_400_000;
const now = Date.now();
const today = localDay(now);

describe('retention', () => {
  it('keeps exactly the last retentionDays days, today included', () => {
    expect(oldestKeptDay('2026-11-20', 1)).toBe('2026-11-20');
    expect(oldestKeptDay('2026-11-20', 30)).toBe('2026-10-22');
  });

  it('purges rows before the window and keeps those inside it, evidence included', async () => {
    const db = freshDb();
    const insideDay = localDay(now - 29 * DAY_MS);
    const outsideDay = localDay(now - 30 * DAY_MS);
    await db.comments.bulkPut([
      { ...commentRow(now - 29 * DAY_MS, 'troll', { id: 'inside' }), day: insideDay },
      { ...commentRow(now - 30 * DAY_MS, 'troll', { id: 'outside' }), day: outsideDay },
    ]);
    await db.activity.bulkPut([activityRow(insideDay, 'x', 0, 0, 1), activityRow(outsideDay, 'x', 0, 0, 1)]);
    await db.checkins.bulkAdd([
      { at: 0, day: insideDay, score: 2, tags: [], note: '', trigger: 'manual' },
      { at: 0, day: outsideDay, score: 2, tags: [], note: '', trigger: 'manual' },
    ]);
    await db.evidence.add({
      commentKey: 'x:outside',
      at: now - 30 * DAY_MS,
      updatedAt: now - 30 * DAY_MS,
      firstSeen: null,
      screenshotAt: null,
      platform: 'x',
      permalink: null,
      authorHandle: 'a',
      authorName: 'A',
      text: 't',
      createdAt: null,
      createdAtPrecision: null,
      screenshot: null,
    });

    await db.corrections.bulkPut([
      fullCorrection('x:inside', now - 29 * DAY_MS, insideDay),
      fullCorrection('x:outside', now - 30 * DAY_MS, outsideDay),
    ]);

    await purgeOlderThan(db, oldestKeptDay(today, 30));
    expect((await db.comments.toArray()).map((row) => row.key)).toEqual(['x:inside']);
    expect((await db.activity.toArray()).map((row) => row.day)).toEqual([insideDay]);
    expect((await db.checkins.toArray()).map((row) => row.day)).toEqual([insideDay]);
    expect((await db.corrections.toArray()).map((row) => row.day)).toEqual([insideDay]);
    expect(await db.evidence.count()).toBe(1);
  });

  it('runs the purge at most once a day, with the retention setting', async () => {
    const db = freshDb();
    await writeSettings(db, { ...DEFAULT_SETTINGS, retentionDays: 7 });
    const old = () =>
      db.comments.put({ ...commentRow(now, 'troll', { id: 'old' }), day: localDay(now - 10 * DAY_MS) });
    await old();
    const purgeIfDue = createDailyPurge(db);
    await purgeIfDue(now);
    expect(await db.comments.count()).toBe(0);
    expect(await readMarker(db, 'lastPurgeDay')).toBe(today);

    await old();
    await purgeIfDue(now + 1_000);
    await createDailyPurge(db)(now + 2_000); // a restarted worker reads the marker
    expect(await db.comments.count()).toBe(1);
    await purgeIfDue(now + DAY_MS);
    expect(await db.comments.count()).toBe(0);
  });

  it('deletes every logged row but keeps the settings', async () => {
    const db = freshDb();
    await writeSettings(db, { ...DEFAULT_SETTINGS, retentionDays: 12 });
    await db.comments.put(commentRow(now, 'troll'));
    await db.activity.put(activityRow(today, 'x', now, now, 1));
    await db.corrections.put(fullCorrection('x:1', now, today));
    await createDailyPurge(db)(now);
    await deleteEverything(db);
    expect(await db.comments.count()).toBe(0);
    expect(await db.activity.count()).toBe(0);
    expect(await db.corrections.count()).toBe(0);
    expect(await readMarker(db, 'lastPurgeDay')).toBeNull();
    expect((await readSettings(db)).retentionDays).toBe(12);
  });

  it('forgets what the device learned from the corrections it deletes, purged or deleted with the rest', async () => {
    const db = freshDb();
    const correction = (day: string) => ({
      ...fullCorrection('x:1', now, day),
      ...correctionFeatures('Vous êtes vraiment des clowns, bande de nuls'),
      from: 'troll' as const,
      to: 'unhappy_customer' as const,
    });
    await db.corrections.put(correction(localDay(now - 30 * DAY_MS)));
    expect((await currentAdjustment(db)).delta.size).toBeGreaterThan(0);
    await purgeOlderThan(db, oldestKeptDay(today, 30));
    expect((await currentAdjustment(db)).delta.size).toBe(0);

    await db.corrections.put(correction(today));
    expect((await currentAdjustment(db)).delta.size).toBeGreaterThan(0);
    await deleteEverything(db);
    expect((await currentAdjustment(db)).delta.size).toBe(0);
  });
});
