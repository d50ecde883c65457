/**
 * Schema upgrades: each Dexie `version(n)` is tested from data of the previous shape. Here, from the first
 * released schema (version 1), from version 2 (before typed cues) and from version 3 (before the precision
 * of times) with a realistic history, and backup files of schema versions 1, 2 and 3; from version 4 (a new
 * evidence record at each escalation) and from version 5 (saved replies made from the settings at every
 * read), and a backup file of each. The first backups' retention differs from a fresh database's, so their
 * restores here are made as the CM confirmed it ('apply').
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { dayTotalsOf } from '../../../src/exposure/day-totals';
import {
  exposureByDay,
  historyView,
  threatsOfDay,
  todayView,
  workloadReport,
} from '../../../src/exposure/queries';
import { addDays } from '../../../src/shared/calendar';
import { localDay } from '../../../src/shared/day';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { createBackup, restoreBackup } from '../../../src/storage/backup';
import { type DesaffectDb, openDb } from '../../../src/storage/db';
import { ingest } from '../../../src/storage/ingest';
import { readMarker } from '../../../src/storage/markers';
import { readSavedReplies } from '../../../src/storage/saved-replies';
import {
  type CommentRow,
  commentRowSchema,
  type EvidenceRow,
  evidenceRowSchema,
  LEGACY_CLASSIFIER_VERSION,
  SCHEMA_VERSION,
  settingRowSchema,
} from '../../../src/storage/schema';
import { readSettings } from '../../../src/storage/settings';
import type { SavedReply } from '../../../src/tactics/saved-replies';
import { commentRow } from '../dashboard/rows';
import {
  expectSameExposure,
  HISTORY_DAYS,
  type LegacyCommentRow,
  type LegacyEvidenceRow,
  PARIS,
  realisticHistory,
  referenceExposure,
} from './history';

/** The stores of the first released schema (`version(1)`, commit b616764), frozen: never edit. */
const V1_STORES = {
  comments: 'key, firstSeen, day, label, platform, threadKey',
  actions: '++id, commentKey, day, at',
  activity: '[day+platform], day',
  checkins: '++id, day, at',
  evidence: '++id, commentKey, at',
  settings: 'key',
} as const;

const V1_TABLES = Object.keys(V1_STORES) as (keyof typeof V1_STORES)[];

/**
 * The stores of schema version 2 (`version(2)`, commit bb1291b: the [day+label] index and the per-day
 * totals), in full, frozen: never edit.
 */
const V2_STORES = {
  ...V1_STORES,
  comments: 'key, firstSeen, day, label, platform, threadKey, [day+label]',
  dayTotals: 'day',
} as const;

/**
 * The stores of schema version 3 (`version(3)`, commit 2c5c98a: the CM's corrections), in full, frozen:
 * never edit.
 */
const V3_STORES = { ...V2_STORES, corrections: 'commentKey, at' } as const;

/**
 * The stores of schema version 4 (`version(4)`, commit f38dcb4: the precision of times, no new index), in
 * full, frozen: never edit.
 */
const V4_STORES = V3_STORES;

/** The stores of schema version 5 (`version(5)`, commit 8e36836: no new index), in full, frozen: never edit. */
const V5_STORES = V4_STORES;

/** Tables whose rows schema versions 3, 4 and 5 left as they were. */
const UNCHANGED_TABLES = V1_TABLES.filter((table) => table !== 'comments' && table !== 'evidence');

/**
 * An evidence record of schemas 1 to 4 as version 5 must read it (the rule, restated here rather than
 * imported): recorded once, so updated then and its screenshot, if any, taken then; the first sight of its
 * comment, when the comment is logged.
 */
function withRecordTimes<T extends { commentKey: string; at: number; screenshot: string | null }>(
  row: T,
  comments: readonly { key: string; firstSeen: number }[],
) {
  return {
    ...row,
    updatedAt: row.at,
    screenshotAt: row.screenshot === null ? null : row.at,
    firstSeen: comments.find((comment) => comment.key === row.commentKey)?.firstSeen ?? null,
  };
}

/**
 * Before schema 4 every time was the site's machine-readable one: precise to the second (the rule,
 * restated here rather than imported).
 */
function withPrecision<T extends { createdAt: string | null }>(row: T) {
  return { ...row, createdAtPrecision: row.createdAt === null ? null : ('second' as const) };
}

/**
 * A comment of schemas 1 and 2 as the current version must read it: each old display string kept as the
 * quote of a `legacy` cue, in order, the classifier of that time (version 3), and its time's precision (4).
 */
function upgraded(row: LegacyCommentRow): CommentRow {
  return withPrecision({
    ...row,
    cues: row.cues.map((quote) => ({ kind: 'legacy' as const, quote })),
    version: LEGACY_CLASSIFIER_VERSION,
  });
}

/** What version 3 added, checked on an upgraded database: typed cues on every comment, an empty corrections table. */
async function expectSchema3Additions(db: DesaffectDb, comments: LegacyCommentRow[]): Promise<void> {
  const rows = await db.comments.toArray();
  expect(rows).toHaveLength(comments.length);
  for (const row of rows) {
    expect(row.version).toBe(LEGACY_CLASSIFIER_VERSION);
    for (const cue of row.cues) expect(cue).toEqual({ kind: 'legacy', quote: expect.any(String) });
    // Valid rows of the current schema: a backup of them restores.
    expect(v.safeParse(commentRowSchema, row).success, row.key).toBe(true);
  }
  // Each comment quotes its old strings, in their order.
  expect(Object.fromEntries(rows.map((row) => [row.key, row.cues.map((cue) => cue.quote)]))).toEqual(
    Object.fromEntries(comments.map((row) => [row.key, row.cues])),
  );
  expect(db.tables.map((table) => table.name)).toContain('corrections');
  expect(await db.corrections.count()).toBe(0);
  // Its index is there too.
  expect(await db.corrections.orderBy('at').toArray()).toEqual([]);
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A database of the first released schema holding `history`, closed; returns its rows as stored. */
async function firstReleaseDatabase(name: string, history = realisticHistory()) {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.transaction('rw', V1_TABLES, async () => {
    await v1.table('comments').bulkAdd(history.comments);
    await v1.table('actions').bulkAdd(history.actions);
    await v1.table('activity').bulkAdd(history.activity);
    await v1.table('checkins').bulkAdd(history.checkins);
    await v1.table('evidence').bulkAdd(history.evidence);
    await v1.table('settings').bulkAdd(history.settings);
  });
  const stored = Object.fromEntries(
    await Promise.all(V1_TABLES.map(async (table) => [table, await v1.table(table).toArray()] as const)),
  ) as Record<(typeof V1_TABLES)[number], unknown[]>;
  expect(v1.verno).toBe(1);
  v1.close();
  return stored;
}

function current(name: string): DesaffectDb {
  const db = openDb(name);
  opened.push(db);
  return db;
}

describe('upgrade from the first released schema', () => {
  it('keeps every row of a realistic history, around both DST changes, readable by the aggregations', async () => {
    const name = `upgrade-${Math.random()}`;
    const history = realisticHistory();
    const before = await firstReleaseDatabase(name, history);
    expect(before.comments).toHaveLength(history.comments.length);

    const db = current(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);

    // Every row, in every table, as it was; the comments with their cues typed (version 3), comments and
    // evidence with the precision of their times (version 4), the evidence with its times (version 5).
    for (const table of UNCHANGED_TABLES) {
      expect(await db.table(table).toArray(), table).toEqual(before[table]);
    }
    expect(await db.evidence.toArray()).toEqual(
      (before.evidence as LegacyEvidenceRow[]).map((row) =>
        withPrecision(withRecordTimes(row, history.comments)),
      ),
    );
    expect(history.evidence.some((row) => row.screenshot === null)).toBe(true);
    expect(await db.comments.toArray()).toEqual((before.comments as LegacyCommentRow[]).map(upgraded));
    await expectSchema3Additions(db, history.comments);
    // The per-day totals were built from all of them.
    expect(await db.dayTotals.toArray()).toEqual(dayTotalsOf(history.comments));

    // The dashboard's figures are those of the rows, day by day, in Paris and in another zone.
    const [from, to] = [HISTORY_DAYS[0] as string, HISTORY_DAYS.at(-1) as string];
    for (const zone of [PARIS, 'America/New_York', 'Asia/Kathmandu']) {
      expectSameExposure(
        await exposureByDay(db, from, to, zone),
        referenceExposure(history.comments, history.activity, from, to, zone),
      );
    }
    const days = await exposureByDay(db, from, to, PARIS);
    const counted = days.reduce(
      (sum, day) =>
        sum +
        Object.values(day.byPlatform).reduce(
          (s, labels) => s + Object.values(labels).reduce((a, b) => a + b, 0),
          0,
        ),
      0,
    );
    expect(counted).toBe(history.comments.filter((row) => !row.isOwn).length);

    // The 25-hour day counts its repeated 02:00 hour twice; the 23-hour day has no 02:00 at all.
    const october25 = days.find((day) => day.day === '2026-10-25');
    const march29 = days.find((day) => day.day === '2026-03-29');
    expect(march29?.hostileByHour[2]).toBe(0);
    expect(october25?.hostileByHour.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    // Today's view, history and report read the upgraded rows (the new [day+label] index included).
    const now = Date.parse('2026-10-28T14:00:00Z');
    const today = localDay(now, PARIS);
    const threats = history.comments.filter(
      (row) => row.day === today && row.label === 'threat' && !row.isOwn,
    );
    expect((await threatsOfDay(db, today)).map((row) => row.key).sort()).toEqual(
      threats.map((row) => row.key).sort(),
    );
    const view = await todayView(db, now, PARIS);
    expect(view.threats.map((threat) => threat.key).sort()).toEqual(threats.map((row) => row.key).sort());
    expect(view.checkins).toHaveLength(1);
    const historyOf90 = await historyView(db, now, 90, PARIS);
    expect(historyOf90.heatMap.flat().reduce((a, b) => a + b, 0)).toBe(
      history.comments.filter(
        (row) =>
          !row.isOwn && row.day >= addDays(today, -89) && (row.label === 'troll' || row.label === 'threat'),
      ).length,
    );
    const report = await workloadReport(db, from, to, 22, PARIS);
    expect(report.threatsEscalated).toBe(history.actions.filter((a) => a.tactic === 'escalate').length);
    expect(report.threats).toBe(
      history.comments.filter((row) => !row.isOwn && row.label === 'threat').length,
    );

    // Settings and bookkeeping are still read.
    expect((await readSettings(db)).brandNames).toEqual(['Acme']);
    expect(await readMarker(db, 'lastPurgeDay')).toBe(to);
  });

  it('keeps the totals in step with writes made after the upgrade', async () => {
    const name = `upgrade-${Math.random()}`;
    const history = realisticHistory(11);
    await firstReleaseDatabase(name, history);
    const db = current(name);
    const seenAgain = history.comments[3] as (typeof history.comments)[number];
    await ingest(
      db,
      [
        {
          comment: {
            ...upgraded(seenAgain),
            text: `${seenAgain.text ?? ''} — and the rest of a longer text`,
          },
          classification: {
            ...upgraded(seenAgain),
            label: 'threat',
            intensity: 1,
            cues: [{ kind: 'threat', quote: 'the rest' }],
            version: '2+000000000000',
          },
          sessionId: 'after-upgrade',
          keepText: true,
        },
      ],
      { now: Date.parse('2026-10-29T10:00:00Z'), timeZone: PARIS },
    );
    await db.comments.update(seenAgain.key, { revealedAt: Date.parse('2026-10-29T10:01:00Z') });
    expect(await db.dayTotals.toArray()).toEqual(dayTotalsOf(await db.comments.toArray()));
    // The expanded comment carries its new classification; the others keep the legacy one.
    expect(await db.comments.get(seenAgain.key)).toMatchObject({
      label: 'threat',
      cues: [{ kind: 'threat', quote: 'the rest' }],
      version: '2+000000000000',
    });
    const others = (await db.comments.toArray()).filter((row) => row.key !== seenAgain.key);
    expect(others.every((row) => row.version === LEGACY_CLASSIFIER_VERSION)).toBe(true);
  });

  it('backs up the upgraded database and restores it whole', async () => {
    const name = `upgrade-${Math.random()}`;
    await firstReleaseDatabase(name);
    const db = current(name);
    const backup = await createBackup(db, '0.2.0', Date.now());
    const fresh = current(`fresh-${Math.random()}`);
    expect(await restoreBackup(fresh, JSON.stringify(backup), 'apply')).toMatchObject({ ok: true });
    expect((await createBackup(fresh, '0.2.0', Date.now())).tables).toEqual(backup.tables);
    expect(await fresh.dayTotals.toArray()).toEqual(await db.dayTotals.toArray());
  });
});

/**
 * A database of schema version 2 holding `history`, as that version kept it (its per-day totals
 * included), closed; returns its rows as stored.
 */
async function schema2Database(name: string, history = realisticHistory()) {
  const v2 = new Dexie(name);
  v2.version(2).stores(V2_STORES);
  await v2.open();
  await v2.transaction('rw', [...V1_TABLES, 'dayTotals'], async () => {
    await v2.table('comments').bulkAdd(history.comments);
    await v2.table('actions').bulkAdd(history.actions);
    await v2.table('activity').bulkAdd(history.activity);
    await v2.table('checkins').bulkAdd(history.checkins);
    await v2.table('evidence').bulkAdd(history.evidence);
    await v2.table('settings').bulkAdd(history.settings);
    await v2.table('dayTotals').bulkAdd(dayTotalsOf(history.comments));
  });
  const stored = Object.fromEntries(
    await Promise.all(V1_TABLES.map(async (table) => [table, await v2.table(table).toArray()] as const)),
  ) as Record<(typeof V1_TABLES)[number], unknown[]>;
  expect(v2.verno).toBe(2);
  expect(v2.tables.map((table) => table.name)).not.toContain('corrections');
  v2.close();
  return stored;
}

describe('upgrade from schema version 2 (cues as text, no classifier version)', () => {
  it('types every cue as legacy, credits the legacy classifier, adds an empty corrections table and loses no row', async () => {
    const name = `upgrade-v2-${Math.random()}`;
    const history = realisticHistory(5);
    const before = await schema2Database(name, history);
    expect(before.comments).toHaveLength(history.comments.length);
    // Data of the version-2 shape: text cues (some comments have several, some none), no version.
    expect(history.comments.some((row) => row.cues.length > 1)).toBe(true);
    expect(history.comments.some((row) => row.cues.length === 0)).toBe(true);
    for (const row of before.comments) {
      expect(row).not.toHaveProperty('version');
      for (const cue of (row as LegacyCommentRow).cues) expect(cue).toBeTypeOf('string');
    }

    const db = current(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);

    expect(await db.comments.toArray()).toEqual((before.comments as LegacyCommentRow[]).map(upgraded));
    await expectSchema3Additions(db, history.comments);
    for (const table of UNCHANGED_TABLES) {
      expect(await db.table(table).toArray(), table).toEqual(before[table]);
    }
    expect(await db.evidence.toArray()).toEqual(
      (before.evidence as LegacyEvidenceRow[]).map((row) =>
        withPrecision(withRecordTimes(row, history.comments)),
      ),
    );
    // Retyping the cues changed no label, day or intensity: the totals are those of version 2, not doubled.
    expect(await db.dayTotals.toArray()).toEqual(dayTotalsOf(history.comments));
    const [from, to] = [HISTORY_DAYS[0] as string, HISTORY_DAYS.at(-1) as string];
    expectSameExposure(
      await exposureByDay(db, from, to, PARIS),
      referenceExposure(history.comments, history.activity, from, to, PARIS),
    );
    expect((await readSettings(db)).brandNames).toEqual(['Acme']);
  });

  it('takes corrections after the upgrade, and backs up and restores the upgraded database whole', async () => {
    const name = `upgrade-v2-${Math.random()}`;
    const history = realisticHistory(13);
    await schema2Database(name, history);
    const db = current(name);
    const corrected = history.comments.find((row) => row.label === 'troll') as LegacyCommentRow;
    await db.corrections.put({
      commentKey: corrected.key,
      at: corrected.firstSeen + 60_000,
      day: corrected.day,
      platform: corrected.platform,
      lang: corrected.lang,
      from: 'troll',
      to: 'neutral',
      classifierVersion: '2+000000000000',
      gram: [1, 2, 3],
      structured: [4],
    });
    const backup = await createBackup(db, '0.3.0', Date.now());
    expect(backup.schemaVersion).toBe(SCHEMA_VERSION);
    expect(backup.tables.corrections).toHaveLength(1);
    const fresh = current(`fresh-${Math.random()}`);
    expect(await restoreBackup(fresh, JSON.stringify(backup), 'apply')).toMatchObject({ ok: true });
    expect((await createBackup(fresh, '0.3.0', Date.now())).tables).toEqual(backup.tables);
    expect(await fresh.dayTotals.toArray()).toEqual(await db.dayTotals.toArray());
  });
});

/**
 * A backup file as the first release wrote it (format version 1, `schemaVersion: 1`), frozen: every row
 * type with every field, ids included. Never regenerate it with the current code.
 */
const FIRST_RELEASE_BACKUP = {
  format: 'desaffect-backup',
  schemaVersion: 1,
  extensionVersion: '0.1.0',
  createdAt: '2026-11-25T08:00:00.000Z',
  tables: {
    comments: [
      {
        key: 'facebook:10160000000000001_2',
        platform: 'facebook',
        id: '10160000000000001_2',
        threadKey: '10160000000000001',
        authorHandle: 'jean.dupont',
        authorName: 'Jean Dupont',
        text: null,
        createdAt: null,
        permalink: null,
        isReply: false,
        isOwn: false,
        label: 'threat',
        scores: { troll: 0.1, unhappy_customer: 0.05, threat: 0.8, neutral: 0.05 },
        intensity: 0.95,
        lang: 'fr',
        uncertain: true,
        cues: ['threat: "je sais où"'],
        firstSeen: 1_795_514_400_000,
        lastSeen: 1_795_514_400_000,
        timesSeen: 1,
        lastSessionId: 'a7d2-session',
        day: '2026-11-24',
      },
      {
        key: 'x:1790000000000000001',
        platform: 'x',
        id: '1790000000000000001',
        threadKey: '1790000000000000000',
        authorHandle: 'troll_42',
        authorName: 'Troll 42',
        text: 'Encore un community manager incompétent',
        createdAt: '2026-11-24T07:59:00.000Z',
        permalink: 'https://x.com/troll_42/status/1790000000000000001',
        isReply: true,
        isOwn: false,
        label: 'troll',
        scores: { troll: 0.81, unhappy_customer: 0.09, threat: 0.04, neutral: 0.06 },
        intensity: 0.62,
        lang: 'fr',
        uncertain: false,
        cues: ["insult: 'incompétent'"],
        firstSeen: 1_795_507_200_000,
        lastSeen: 1_795_510_800_000,
        timesSeen: 2,
        lastSessionId: 'b3c1e1f0-session',
        day: '2026-11-24',
        revealedAt: 1_795_507_260_000,
      },
    ],
    actions: [
      {
        id: 1,
        commentKey: 'facebook:10160000000000001_2',
        tactic: 'escalate',
        at: 1_795_514_500_000,
        day: '2026-11-24',
        platform: 'facebook',
        label: 'threat',
      },
      {
        id: 2,
        commentKey: 'x:1790000000000000001',
        tactic: 'ignore',
        at: 1_795_514_600_000,
        day: '2026-11-24',
        platform: 'x',
        label: 'troll',
      },
    ],
    activity: [
      {
        day: '2026-11-24',
        platform: 'facebook',
        activeMs: 3_600_000,
        first: 1_795_508_000_000,
        last: 1_795_528_000_000,
      },
      {
        day: '2026-11-24',
        platform: 'x',
        activeMs: 21_600_000,
        first: 1_795_501_200_000,
        last: 1_795_554_000_000,
      },
    ],
    checkins: [
      {
        id: 1,
        at: 1_795_514_700_000,
        day: '2026-11-24',
        score: 4,
        tags: ['worried'],
        note: 'la menace m’a secouée',
        trigger: 'threat',
      },
    ],
    evidence: [
      {
        id: 1,
        commentKey: 'facebook:10160000000000001_2',
        at: 1_795_514_500_000,
        platform: 'facebook',
        permalink: null,
        authorHandle: 'jean.dupont',
        authorName: 'Jean Dupont',
        text: '',
        createdAt: null,
        screenshot: 'data:image/png;base64,iVBORw0KGgo=',
      },
    ],
    settings: [
      { key: 'marker:lastPurgeDay', value: '2026-11-24' },
      {
        key: 'settings',
        value: {
          ownHandles: { x: ['acme_support'], facebook: [] },
          brandNames: ['Acme'],
          language: 'fr',
          shield: { troll: 0.5, unhappy_customer: null, threat: 0, neutral: null },
          replyTemplates: { ignore: { fr: 'Merci, nous regardons.' } },
          keepText: true,
          retentionDays: 120,
          nudges: { hostileIn30Min: 10, hoursOnlinePerDay: 9, lateHour: 21, systemNotifications: true },
          checkIns: { afterThreat: true, endOfDay: false, minMinutesBetween: 60 },
        },
      },
    ],
  },
} as const;

/**
 * Settings rows of a file made before the brand's tone and the first-run setup: restored with their
 * defaults, and without the wordings per tactic (schema 6; the file's is for a tactic replies no longer
 * have, so it makes no saved reply).
 */
const withLaterSettings = (rows: readonly { key: string; value: unknown }[]) =>
  rows.map((row) => {
    if (row.key !== 'settings') return row;
    const { replyTemplates: _moved, ...value } = row.value as Record<string, unknown>;
    return { ...row, value: { ...value, tone: 'vous', setupDone: false } };
  });

describe('a backup file of the first format version', () => {
  it('restores identically into the current schema', async () => {
    const db = current(`v1-file-${Math.random()}`);
    const result = await restoreBackup(db, JSON.stringify(FIRST_RELEASE_BACKUP), 'apply');
    expect(result).toEqual({ ok: true, rows: 10 });
    const restored = await createBackup(db, '0.2.0', Date.now());
    expect(restored.schemaVersion).toBe(SCHEMA_VERSION);
    expect(restored.tables).toEqual({
      ...FIRST_RELEASE_BACKUP.tables,
      settings: withLaterSettings(FIRST_RELEASE_BACKUP.tables.settings),
      comments: FIRST_RELEASE_BACKUP.tables.comments.map((row) => upgraded({ ...row, cues: [...row.cues] })),
      evidence: FIRST_RELEASE_BACKUP.tables.evidence.map((row) =>
        withPrecision(withRecordTimes(row, FIRST_RELEASE_BACKUP.tables.comments)),
      ),
      corrections: [],
    });
    expect(restored.tables.evidence[0]).toMatchObject({
      firstSeen: 1_795_514_400_000,
      screenshotAt: 1_795_514_500_000,
    });
    expect(restored.tables.comments.map((row) => row.cues)).toEqual([
      [{ kind: 'legacy', quote: 'threat: "je sais où"' }],
      [{ kind: 'legacy', quote: "insult: 'incompétent'" }],
    ]);
    expect(await db.dayTotals.toArray()).toEqual(dayTotalsOf(FIRST_RELEASE_BACKUP.tables.comments));
    const settings = await readSettings(db);
    const { replyTemplates: _moved, ...stored } = FIRST_RELEASE_BACKUP.tables.settings[1].value;
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...stored });
    const [day] = await exposureByDay(db, '2026-11-24', addDays('2026-11-24', 0), 'Europe/Paris');
    expect(day?.byPlatform).toEqual({
      x: { troll: 1, unhappy_customer: 0, threat: 0, neutral: 0 },
      facebook: { troll: 0, unhappy_customer: 0, threat: 1, neutral: 0 },
    });
    expect(day?.load).toBeCloseTo(0.62 + 2 * 0.95, 6);
  });
});

/**
 * A backup file as schema version 2 wrote it (the last before typed cues): the tables of the first
 * release's file (version 2 changed none of a backup's tables), with comments holding several cues and
 * none. Frozen: never regenerate it with the current code.
 */
const SCHEMA_2_BACKUP = {
  ...FIRST_RELEASE_BACKUP,
  schemaVersion: 2,
  extensionVersion: '0.2.0',
  createdAt: '2026-12-02T09:00:00.000Z',
  tables: {
    ...FIRST_RELEASE_BACKUP.tables,
    comments: [
      ...FIRST_RELEASE_BACKUP.tables.comments,
      {
        key: 'x:1790000000000000002',
        platform: 'x',
        id: '1790000000000000002',
        threadKey: '1790000000000000000',
        authorHandle: 'angry_client',
        authorName: 'Angry Client',
        text: 'TOUJOURS PAS REÇU MON COLIS !!!!',
        createdAt: '2026-11-24T09:00:00.000Z',
        permalink: 'https://x.com/angry_client/status/1790000000000000002',
        isReply: true,
        isOwn: false,
        label: 'unhappy_customer',
        scores: { troll: 0.1, unhappy_customer: 0.75, threat: 0.05, neutral: 0.1 },
        intensity: 0.7,
        lang: 'fr',
        uncertain: false,
        cues: ["order problem: 'colis'", 'shouting: mostly capital letters', 'exclamation marks: 4'],
        firstSeen: 1_795_511_000_000,
        lastSeen: 1_795_511_000_000,
        timesSeen: 1,
        lastSessionId: 'c9e0-session',
        day: '2026-11-24',
      },
      {
        key: 'x:1790000000000000003',
        platform: 'x',
        id: '1790000000000000003',
        threadKey: '1790000000000000000',
        authorHandle: 'acme_support',
        authorName: 'Acme',
        text: 'Nous regardons, écrivez-nous en DM.',
        createdAt: '2026-11-24T09:10:00.000Z',
        permalink: 'https://x.com/acme_support/status/1790000000000000003',
        isReply: true,
        isOwn: true,
        label: 'neutral',
        scores: { troll: 0, unhappy_customer: 0, threat: 0, neutral: 1 },
        intensity: 0,
        lang: 'fr',
        uncertain: false,
        cues: [],
        firstSeen: 1_795_511_600_000,
        lastSeen: 1_795_511_600_000,
        timesSeen: 1,
        lastSessionId: 'c9e0-session',
        day: '2026-11-24',
      },
    ],
  },
} as const;

describe('a backup file of schema version 2', () => {
  const comments = SCHEMA_2_BACKUP.tables.comments.map((row) => ({ ...row, cues: [...row.cues] }));

  it('restores with its text cues kept as legacy cues, the legacy classifier and no corrections', async () => {
    const db = current(`v2-file-${Math.random()}`);
    const result = await restoreBackup(db, JSON.stringify(SCHEMA_2_BACKUP), 'apply');
    expect(result).toEqual({ ok: true, rows: 12 });
    const restored = await createBackup(db, '0.3.0', Date.now());
    expect(restored.schemaVersion).toBe(SCHEMA_VERSION);
    expect(restored.tables).toEqual({
      ...SCHEMA_2_BACKUP.tables,
      settings: withLaterSettings(SCHEMA_2_BACKUP.tables.settings),
      comments: comments.map(upgraded),
      evidence: SCHEMA_2_BACKUP.tables.evidence.map((row) => withPrecision(withRecordTimes(row, comments))),
      corrections: [],
    });
    expect(restored.tables.comments.map((row) => row.cues)).toEqual([
      [{ kind: 'legacy', quote: 'threat: "je sais où"' }],
      [{ kind: 'legacy', quote: "insult: 'incompétent'" }],
      [
        { kind: 'legacy', quote: "order problem: 'colis'" },
        { kind: 'legacy', quote: 'shouting: mostly capital letters' },
        { kind: 'legacy', quote: 'exclamation marks: 4' },
      ],
      [],
    ]);
    await expectSchema3Additions(db, comments);
    expect(await db.dayTotals.toArray()).toEqual(dayTotalsOf(comments));
  });

  it('merges into a database that already knows one of its comments, and restores again to the same', async () => {
    const db = current(`v2-file-${Math.random()}`);
    const [first] = comments;
    const known: CommentRow = {
      ...upgraded(first as LegacyCommentRow),
      text: 'la menace, en entier cette fois',
      cues: [{ kind: 'threat', quote: 'je sais où' }],
      version: '2+000000000000',
    };
    await db.comments.put(known);
    expect(await restoreBackup(db, JSON.stringify(SCHEMA_2_BACKUP), 'apply')).toMatchObject({ ok: true });
    // The longer text keeps its own (typed) classification.
    expect(await db.comments.get(known.key)).toMatchObject({ cues: known.cues, version: known.version });
    const once = (await createBackup(db, '0.3.0', 0)).tables;
    expect(await restoreBackup(db, JSON.stringify(SCHEMA_2_BACKUP), 'apply')).toMatchObject({ ok: true });
    expect((await createBackup(db, '0.3.0', 0)).tables).toEqual(once);
  });

  it('refuses, without writing, a version-2 file whose cues are neither text nor typed', async () => {
    const db = current(`v2-file-${Math.random()}`);
    const [first, ...rest] = comments;
    for (const cues of [[42], [null], [{ kind: 'LEAKYCUE', quote: 'x' }]]) {
      const file = {
        ...SCHEMA_2_BACKUP,
        tables: { ...SCHEMA_2_BACKUP.tables, comments: [{ ...first, cues }, ...rest] },
      };
      expect(await restoreBackup(db, JSON.stringify(file), 'apply')).toMatchObject({
        ok: false,
        reason: 'invalid',
        where: expect.stringMatching(/^comments\.0\.cues\.0/),
      });
    }
    expect(await db.comments.count()).toBe(0);
    expect(await db.corrections.count()).toBe(0);
  });
});

/** A comment as schema version 3 stored it: typed cues and a classifier, no precision of its time. */
function schema3Comment(row: LegacyCommentRow): Omit<CommentRow, 'createdAtPrecision'> {
  const { createdAtPrecision: _, ...typed } = upgraded(row);
  return typed;
}

/** A database of schema version 3 holding `history` (typed cues, one correction), closed; returns its rows. */
async function schema3Database(name: string, history = realisticHistory()) {
  const v3 = new Dexie(name);
  v3.version(3).stores(V3_STORES);
  await v3.open();
  const comments = history.comments.map(schema3Comment);
  const [corrected] = comments;
  await v3.transaction('rw', [...V1_TABLES, 'dayTotals', 'corrections'], async () => {
    await v3.table('comments').bulkAdd(comments);
    await v3.table('actions').bulkAdd(history.actions);
    await v3.table('activity').bulkAdd(history.activity);
    await v3.table('checkins').bulkAdd(history.checkins);
    await v3.table('evidence').bulkAdd(history.evidence);
    await v3.table('settings').bulkAdd(history.settings);
    await v3.table('dayTotals').bulkAdd(dayTotalsOf(comments));
    await v3.table('corrections').add({
      commentKey: corrected?.key,
      at: (corrected?.firstSeen ?? 0) + 60_000,
      day: corrected?.day,
      platform: corrected?.platform,
      lang: corrected?.lang,
      from: corrected?.label,
      to: 'neutral',
      classifierVersion: '2+000000000000',
      gram: [1, 2, 3],
      structured: [4],
    });
  });
  const tables = [...V1_TABLES, 'corrections'] as const;
  const stored = Object.fromEntries(
    await Promise.all(tables.map(async (table) => [table, await v3.table(table).toArray()] as const)),
  ) as Record<(typeof tables)[number], unknown[]>;
  expect(v3.verno).toBe(3);
  v3.close();
  return stored;
}

describe('upgrade from schema version 3 (times without their precision)', () => {
  it('marks every time kept so far as precise to the second, and changes nothing else', async () => {
    const name = `upgrade-v3-${Math.random()}`;
    const history = realisticHistory(17);
    const before = await schema3Database(name, history);
    // Data of the version-3 shape: comments and evidence with and without a time, none with a precision.
    expect(history.comments.some((row) => row.createdAt === null)).toBe(true);
    expect(history.comments.some((row) => row.createdAt !== null)).toBe(true);
    for (const row of [...before.comments, ...before.evidence])
      expect(row).not.toHaveProperty('createdAtPrecision');

    const db = current(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);

    expect(await db.comments.toArray()).toEqual(
      (before.comments as Omit<CommentRow, 'createdAtPrecision'>[]).map(withPrecision),
    );
    // ...and version 5 adds the times of each record (one per comment already: none to merge).
    const comments = before.comments as CommentRow[];
    expect(await db.evidence.toArray()).toEqual(
      (before.evidence as LegacyEvidenceRow[]).map((row) => withRecordTimes(withPrecision(row), comments)),
    );
    for (const table of [...UNCHANGED_TABLES, 'corrections'] as const) {
      expect(await db.table(table).toArray(), table).toEqual(before[table]);
    }
    for (const row of await db.comments.toArray()) {
      expect(v.safeParse(commentRowSchema, row).success, row.key).toBe(true);
    }
    // No label, day or intensity moved: the totals are those of version 3.
    expect(await db.dayTotals.toArray()).toEqual(dayTotalsOf(history.comments));
  });

  it('restores a version-3 backup file with its times marked precise to the second', async () => {
    const name = `upgrade-v3-${Math.random()}`;
    const before = await schema3Database(name, realisticHistory(19));
    const file = {
      format: 'desaffect-backup',
      schemaVersion: 3,
      extensionVersion: '0.3.0',
      createdAt: '2026-12-03T09:00:00.000Z',
      tables: before,
    };
    const db = current(`v3-file-${Math.random()}`);
    // Its retention differs from a fresh database's: restored as the CM confirmed it.
    expect(await restoreBackup(db, JSON.stringify(file), 'apply')).toMatchObject({ ok: true });
    const restored = await createBackup(db, '0.4.0', Date.now());
    expect(restored.tables.comments).toEqual(
      (before.comments as Omit<CommentRow, 'createdAtPrecision'>[]).map(withPrecision),
    );
    // Ids are local to a database: the evidence rows come back under new ones.
    expect(restored.tables.evidence.map(({ id: _, ...row }) => row)).toEqual(
      (before.evidence as (LegacyEvidenceRow & { id: number })[]).map(({ id: _, ...row }) =>
        withRecordTimes(withPrecision(row), before.comments as CommentRow[]),
      ),
    );
    expect(restored.tables.corrections).toEqual(before.corrections);
  });
});

const SHOT_1 = 'data:image/png;base64,AAAA';
const SHOT_2 = 'data:image/png;base64,BBBB';
const T0 = Date.parse('2026-11-24T09:00:00Z');

/** A threat as schema 4 logged it (typed cues, a classifier version, its time's precision: the shape it still has). */
const threatOfSchema4: CommentRow = {
  ...commentRow(T0 - 60_000, 'threat', { id: '1790000000000000009' }),
  createdAt: new Date(T0 - 3 * 3_600_000).toISOString(),
  createdAtPrecision: 'hour',
};

/** An evidence record as schema 4 stored it: recorded once, with no time of update or first sight. */
type Schema4EvidenceRow = Omit<EvidenceRow, 'updatedAt' | 'firstSeen' | 'screenshotAt'>;

/** An evidence record of the threat as schema 4 wrote it at one escalation. */
function escalationOfSchema4(
  id: number,
  at: number,
  overrides: Partial<Schema4EvidenceRow> = {},
): Schema4EvidenceRow {
  const { key, platform, permalink, authorHandle, authorName, text, createdAt, createdAtPrecision } =
    threatOfSchema4;
  return {
    id,
    commentKey: key,
    at,
    platform,
    permalink,
    authorHandle,
    authorName,
    text: text ?? '',
    createdAt,
    createdAtPrecision,
    screenshot: null,
    ...overrides,
  };
}

/**
 * Evidence as schema 4 recorded it: a new record at each escalation. The threat was escalated three times
 * (with a screenshot, without one, with a text the page had expanded since); another comment, no longer
 * logged, once.
 */
const EVIDENCE_OF_SCHEMA_4: Schema4EvidenceRow[] = [
  escalationOfSchema4(1, T0, { screenshot: SHOT_1 }),
  escalationOfSchema4(2, T0 + 1_000, {
    commentKey: 'facebook:purged_1',
    platform: 'facebook',
    permalink: null,
    text: 'Je vais venir',
    createdAt: null,
    createdAtPrecision: null,
  }),
  escalationOfSchema4(3, T0 + 60_000),
  escalationOfSchema4(4, T0 + 120_000, {
    authorName: 'Menace le retour',
    text: `${threatOfSchema4.text}, et la suite`,
    screenshot: SHOT_2,
  }),
];

/**
 * One record per comment, as schema 5 must hold them (the rule, restated): the first record's id and
 * escalation, the last record's details and update, its last screenshot; the comment's first sight.
 */
const EVIDENCE_OF_SCHEMA_5: EvidenceRow[] = [
  {
    ...(EVIDENCE_OF_SCHEMA_4[3] as Schema4EvidenceRow),
    id: 1,
    at: T0,
    updatedAt: T0 + 120_000,
    screenshotAt: T0 + 120_000,
    firstSeen: threatOfSchema4.firstSeen,
  },
  {
    ...(EVIDENCE_OF_SCHEMA_4[1] as Schema4EvidenceRow),
    updatedAt: T0 + 1_000,
    screenshotAt: null,
    firstSeen: null,
  },
];

describe('upgrade from schema version 4 (a new evidence record at each escalation)', () => {
  it('keeps one record per comment, merged as a new escalation would, and leaves the other tables as they were', async () => {
    const name = `upgrade-v4-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(V4_STORES);
    await v4.open();
    await v4.table('comments').add(threatOfSchema4);
    await v4.table('dayTotals').bulkAdd(dayTotalsOf([threatOfSchema4]));
    await v4.table('evidence').bulkAdd(EVIDENCE_OF_SCHEMA_4);
    await v4.table('actions').add({
      commentKey: threatOfSchema4.key,
      tactic: 'escalate',
      at: T0,
      day: '2026-11-24',
      platform: 'x',
      label: 'threat',
    });
    const before = await Promise.all(['comments', 'actions', 'dayTotals'].map((t) => v4.table(t).toArray()));
    v4.close();

    const db = current(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.evidence.toArray()).toEqual(EVIDENCE_OF_SCHEMA_5);
    expect(await db.evidence.where('commentKey').equals(threatOfSchema4.key).count()).toBe(1);
    expect(await Promise.all([db.comments.toArray(), db.actions.toArray(), db.dayTotals.toArray()])).toEqual(
      before,
    );
    // Valid rows of the current schema: a backup of them restores.
    for (const row of await db.evidence.toArray())
      expect(v.safeParse(evidenceRowSchema, row).success).toBe(true);
  });

  it('restores a backup file of schema 4 with one record per comment', async () => {
    // Frozen: a backup as schema 4 wrote it (only the tables that matter here hold rows).
    const file = {
      format: 'desaffect-backup',
      schemaVersion: 4,
      extensionVersion: '0.4.0',
      createdAt: '2026-12-03T09:00:00.000Z',
      tables: {
        comments: [threatOfSchema4],
        actions: [],
        activity: [],
        checkins: [],
        evidence: EVIDENCE_OF_SCHEMA_4,
        settings: [],
        corrections: [],
      },
    };
    const db = current(`v4-file-${Math.random()}`);
    expect(await restoreBackup(db, JSON.stringify(file))).toEqual({ ok: true, rows: 5 });
    expect(await db.evidence.toArray()).toEqual(EVIDENCE_OF_SCHEMA_5);
    // Again: nothing changes.
    await restoreBackup(db, JSON.stringify(file));
    expect(await db.evidence.toArray()).toEqual(EVIDENCE_OF_SCHEMA_5);
  });
});

/**
 * The settings as schema 5 kept them: the wordings edited per tactic and language before saved replies
 * existed (a blank one, and one for a tactic replies no longer have, among them), which schema 5 made into
 * saved replies at every read until the CM saved some.
 */
const SETTINGS_OF_SCHEMA_5 = {
  ...DEFAULT_SETTINGS,
  brandNames: ['Acme'],
  replyTemplates: {
    humour: { fr: ' Belle énergie {name} ! ', en: '   ' },
    restraint: { en: 'We hear you, {name}.', fr: 'On vous entend.' },
    ignore: { fr: 'Merci, nous regardons.' },
  },
};

/** The saved replies schema 5 read from SETTINGS_OF_SCHEMA_5 (the rule, restated): tactics in replies' order. */
const REPLIES_OF_SCHEMA_5: SavedReply[] = [
  {
    id: 'restraint-fr',
    tactic: 'restraint',
    topic: 'any',
    language: 'fr',
    tone: 'any',
    text: 'On vous entend.',
  },
  {
    id: 'restraint-en',
    tactic: 'restraint',
    topic: 'any',
    language: 'en',
    tone: 'any',
    text: 'We hear you, {name}.',
  },
  {
    id: 'humour-fr',
    tactic: 'humour',
    topic: 'any',
    language: 'fr',
    tone: 'any',
    text: 'Belle énergie {name} !',
  },
];

const MINE: SavedReply = {
  id: 'mine',
  tactic: 'restraint',
  topic: 'delivery',
  language: 'fr',
  tone: 'tu',
  text: 'On retrouve ta commande.',
};

/** A database of schema 5 holding these settings rows (and a marker), closed. */
async function schema5Database(name: string, rows: { key: string; value: unknown }[]) {
  const v5 = new Dexie(name);
  v5.version(5).stores(V5_STORES);
  await v5.open();
  await v5.table('settings').bulkAdd([{ key: 'marker:lastPurgeDay', value: '2026-12-03' }, ...rows]);
  v5.close();
}

describe('upgrade from schema version 5 (saved replies made from the settings at every read)', () => {
  it('makes the wordings of the settings saved replies once, and takes them out of the settings', async () => {
    const name = `upgrade-v5-${Math.random()}`;
    await schema5Database(name, [{ key: 'settings', value: SETTINGS_OF_SCHEMA_5 }]);
    const db = current(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const { replyTemplates: _moved, ...settings } = SETTINGS_OF_SCHEMA_5;
    expect(await db.settings.toArray()).toEqual([
      { key: 'marker:lastPurgeDay', value: '2026-12-03' },
      { key: 'savedReplies', value: REPLIES_OF_SCHEMA_5 },
      { key: 'settings', value: settings },
    ]);
    expect(await readSavedReplies(db)).toEqual(REPLIES_OF_SCHEMA_5);
    expect(await readSettings(db)).toEqual(settings);
    // Valid rows of the current schema: a backup of them restores.
    for (const row of await db.settings.toArray())
      expect(v.safeParse(settingRowSchema, row).success).toBe(true);
  });

  it('keeps the replies the CM saved, and makes none from the settings then', async () => {
    const name = `upgrade-v5-${Math.random()}`;
    await schema5Database(name, [
      { key: 'settings', value: SETTINGS_OF_SCHEMA_5 },
      { key: 'savedReplies', value: [MINE] },
    ]);
    const db = current(name);
    expect(await readSavedReplies(db)).toEqual([MINE]);
    expect(await db.settings.get('settings')).not.toHaveProperty('value.replyTemplates');
  });

  it('restores a backup file of schema 5 with its wordings made saved replies', async () => {
    // Frozen: a backup as schema 5 wrote it (only the settings hold rows).
    const file = {
      format: 'desaffect-backup',
      schemaVersion: 5,
      extensionVersion: '0.1.0',
      createdAt: '2026-12-03T20:00:00.000Z',
      tables: {
        comments: [],
        actions: [],
        activity: [],
        checkins: [],
        evidence: [],
        settings: [{ key: 'settings', value: SETTINGS_OF_SCHEMA_5 }] as { key: string; value: unknown }[],
        corrections: [],
      },
    };
    const db = current(`v5-file-${Math.random()}`);
    expect(await restoreBackup(db, JSON.stringify(file), 'apply')).toMatchObject({ ok: true });
    expect(await readSavedReplies(db)).toEqual(REPLIES_OF_SCHEMA_5);
    const { replyTemplates: _moved, ...settings } = SETTINGS_OF_SCHEMA_5;
    expect(await readSettings(db)).toEqual(settings);
    // With saved replies in the file, those are the CM's.
    file.tables.settings.push({ key: 'savedReplies', value: [MINE] });
    const other = current(`v5-file-${Math.random()}`);
    expect(await restoreBackup(other, JSON.stringify(file), 'apply')).toMatchObject({ ok: true });
    expect(await readSavedReplies(other)).toEqual([MINE]);
  });
});
