/**
 * Restore under bad input (issues 9 and 16): generated backup files, valid ones mutated (truncated, wrong
 * types, extra keys, huge strings, wrong format version, settings rows and other rows replaced by anything),
 * random JSON and random bytes. The restore never throws, answers in bounded time, names the table and row
 * it refuses, and leaves every table exactly as it was when it refuses or waits for the CM to confirm a
 * change of retention or text keeping. Valid generated backups round-trip equal; restoring one twice
 * changes nothing; rows of both sides stay.
 */
import 'fake-indexeddb/auto';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayTotalsOf } from '../../../src/exposure/day-totals';
import { type Settings, settingsSchema } from '../../../src/shared/settings';
import {
  backupTablesSchema,
  createBackup,
  type GuardedSettingsChoice,
  type RestoreResult,
  restoreBackup,
} from '../../../src/storage/backup';
import { type DesaffectDb, openDb } from '../../../src/storage/db';
import { SCHEMA_VERSION, settingRowSchema } from '../../../src/storage/schema';
import { readSettings } from '../../../src/storage/settings';
import { type TableRows, tableRows } from './arbitraries';

const RUNS = Number(process.env.FC_RUNS ?? 30);
/** A guard against hangs, not a speed goal (that is `npm run bench`): generous for a loaded 2-core CI. */
const MAX_RESTORE_MS = 20_000;
const REASONS = ['not_json', 'foreign', 'newer_version', 'unknown_version', 'invalid', 'needs_confirmation'];
const TABLES = [
  'comments',
  'actions',
  'activity',
  'checkins',
  'evidence',
  'settings',
  'corrections',
  'dayTotals',
] as const;

const opened: DesaffectDb[] = [];
function freshDb(): DesaffectDb {
  const db = openDb(`restore-${Math.random()}`);
  opened.push(db);
  return db;
}
afterAll(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function fill(db: DesaffectDb, rows: TableRows): Promise<void> {
  await db.comments.bulkPut(rows.comments);
  await db.actions.bulkAdd(rows.actions);
  await db.activity.bulkPut(rows.activity);
  await db.checkins.bulkAdd(rows.checkins);
  await db.evidence.bulkAdd(rows.evidence);
  await db.settings.bulkPut(rows.settings);
  await db.corrections.bulkPut(rows.corrections);
}

/** Every table, derived totals included, as read back (a structured clone of each row). */
function snapshot(db: DesaffectDb): Promise<unknown[][]> {
  return Promise.all(TABLES.map((table) => db.table(table).toArray()));
}

/**
 * The same rows, in the same order, with the same keys in the same order and the same values: types,
 * -0, NaN and an absent key apart from an undefined one all count. Not the bytes of `v8.serialize`, which
 * also record how V8 happened to hold a number (a small integer or a double, e.g. 7 as `I` or as `N`),
 * something a read can change without anything being written.
 */
function sameSnapshot(a: unknown[][], b: unknown[][]): boolean {
  return isDeepStrictEqual(a, b) && JSON.stringify(a) === JSON.stringify(b);
}

async function backupText(rows: TableRows): Promise<string> {
  const db = freshDb();
  await fill(db, rows);
  const text = JSON.stringify(await createBackup(db, '0.1.0', Date.UTC(2026, 10, 1)));
  await db.delete();
  return text;
}

/**
 * The property every input must keep: a result, soon, and no change at all unless it is restored (refused,
 * or waiting for the CM to confirm a change of retention or text keeping).
 */
async function restoreSafely(
  db: DesaffectDb,
  fileText: string,
  guarded: GuardedSettingsChoice = 'ask',
): Promise<RestoreResult> {
  const before = await snapshot(db);
  const started = performance.now();
  let result: RestoreResult | undefined;
  let thrown: unknown;
  try {
    result = await restoreBackup(db, fileText, guarded);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeUndefined();
  expect(performance.now() - started).toBeLessThan(MAX_RESTORE_MS);
  if (!result?.ok) {
    expect(REASONS).toContain(result?.reason);
    expect(sameSnapshot(await snapshot(db), before)).toBe(true);
  }
  return result as RestoreResult;
}

/**
 * A target database with rows of its own, shared by the refusal properties (a refusal changes nothing), and
 * a valid file of other rows with the same settings (so that a valid file restores without asking).
 */
let target: DesaffectDb;
let validFile: string;
beforeAll(async () => {
  const [own, other] = fc.sample(tableRows, { numRuns: 2, seed: 42 }) as [TableRows, TableRows];
  target = freshDb();
  await fill(target, own);
  validFile = await backupText({ ...other, settings: own.settings });
});

/** The table and row (from 1) a place inside the file's tables belongs to, as a refusal names them. */
function tableAndRow(path: (string | number)[]) {
  const [, table, row] = path;
  return {
    table: typeof table === 'string' && table in backupTablesSchema.entries ? table : null,
    row: typeof row === 'number' ? row + 1 : null,
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON value: the path to it and a setter. */
function places(root: Json): { path: (string | number)[]; set(value: Json): void; value: Json }[] {
  const found: { path: (string | number)[]; set(value: Json): void; value: Json }[] = [];
  const walk = (value: Json, path: (string | number)[], set: (v: Json) => void) => {
    found.push({ path, set, value });
    if (Array.isArray(value)) {
      value.forEach((child, i) => {
        walk(child, [...path, i], (v) => {
          value[i] = v;
        });
      });
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        walk(value[key] as Json, [...path, key], (v) => {
          value[key] = v;
        });
      }
    }
  };
  walk(root, [], () => undefined);
  return found;
}

const otherJson: fc.Arbitrary<Json> = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

describe('restore of bad input', () => {
  it('refuses a truncated file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (cut) => {
        const result = await restoreSafely(target, validFile.slice(0, cut % validFile.length));
        expect(result.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('answers a file with one value of the wrong type, naming its table and row when it refuses it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), otherJson, async (at, replacement) => {
        const file = JSON.parse(validFile) as Json;
        const all = places(file).filter((place) => place.path.length > 0);
        const place = all[at % all.length] as (typeof all)[number];
        if (
          typeof place.value === typeof replacement &&
          Array.isArray(place.value) === Array.isArray(replacement)
        )
          return;
        place.set(replacement);
        const result = await restoreSafely(target, JSON.stringify(file));
        if (!result.ok && result.reason === 'invalid' && place.path[0] === 'tables')
          expect(result).toMatchObject(tableAndRow(place.path));
      }),
      { numRuns: RUNS * 3 },
    );
  }, 120_000);

  it('names no table when the tables as a whole are not an object', async () => {
    for (const tables of [[], [[]], 'x', null]) {
      const file = { ...(JSON.parse(validFile) as Record<string, Json>), tables };
      const result = await restoreSafely(target, JSON.stringify(file));
      expect(result).toMatchObject({ ok: false, table: null, row: null });
    }
  });

  it('refuses a file with a key its rows do not have, anywhere in the tables, settings included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), otherJson, async (at, extra) => {
        const file = JSON.parse(validFile) as Json;
        const objects = places(file).filter(
          (place) =>
            place.path[0] === 'tables' &&
            place.value !== null &&
            typeof place.value === 'object' &&
            !Array.isArray(place.value),
        );
        const place = objects[at % objects.length] as (typeof objects)[number];
        (place.value as Record<string, Json>).zzExtraKey = extra;
        const result = await restoreSafely(target, JSON.stringify(file));
        expect(result).toMatchObject({ ok: false, reason: 'invalid', ...tableAndRow(place.path) });
      }),
      { numRuns: RUNS * 2 },
    );
  }, 120_000);

  it('answers a file with a huge string anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 100_000, max: 2_000_000 }), async (at, length) => {
        const file = JSON.parse(validFile) as Json;
        const strings = places(file).filter((place) => typeof place.value === 'string');
        (strings[at % strings.length] as (typeof strings)[number]).set('é'.repeat(length));
        await restoreSafely(target, JSON.stringify(file));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, 120_000);

  it('refuses a file of another format version unless it knows it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: -5, max: 50 }), otherJson), async (generated) => {
        // As the file holds it: JSON writes -0 as 0.
        const version = JSON.parse(JSON.stringify(generated)) as Json;
        const file = JSON.parse(validFile) as { schemaVersion: Json };
        file.schemaVersion = version;
        const result = await restoreSafely(target, JSON.stringify(file));
        const integer = typeof version === 'number' && Number.isInteger(version);
        if (!integer) expect(result).toEqual({ ok: false, reason: 'foreign' });
        else if (version > SCHEMA_VERSION)
          expect(result).toEqual({ ok: false, reason: 'newer_version', schemaVersion: version });
        else if (version < 1)
          expect(result).toEqual({ ok: false, reason: 'unknown_version', schemaVersion: version });
        else expect(result.ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('refuses random JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), async (json) => {
        expect((await restoreSafely(target, json)).ok).toBe(false);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 120_000);

  it('refuses random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4_096 }), async (bytes) => {
        const text = new TextDecoder('utf-8').decode(bytes);
        expect((await restoreSafely(target, text)).ok).toBe(false);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 120_000);
});

/** Anything a file could hold as the CM's settings but valid settings: "oops", null, a near miss. */
function badSettingsValue(valid: Settings): fc.Arbitrary<Json> {
  const nearMiss = fc.tuple(fc.nat(), otherJson, fc.boolean()).map(([at, replacement, addKey]) => {
    const value = structuredClone(valid) as unknown as Json;
    const objects = places(value).filter(
      (place) => place.value !== null && typeof place.value === 'object' && !Array.isArray(place.value),
    );
    const all = places(value).filter((place) => place.path.length > 0);
    if (addKey)
      ((objects[at % objects.length] as (typeof objects)[number]).value as Record<string, Json>).zz =
        replacement;
    else (all[at % all.length] as (typeof all)[number]).set(replacement);
    return value;
  });
  return fc
    .oneof(fc.constantFrom<Json>('oops', null, {}, []), fc.jsonValue() as fc.Arbitrary<Json>, nearMiss)
    .filter((value) => !v.is(settingsSchema, value));
}

/** A settings-table row a file could hold but no valid one: bad settings, an unknown key, a malformed marker. */
function badSettingRow(valid: Settings): fc.Arbitrary<Json> {
  const markerKey = fc.constantFrom(
    'marker:lastPurgeDay',
    'marker:nudgesSnoozedDay',
    'marker:checkInDismissed',
    'marker:nudgesNotified',
    'marker:learningResetAt',
  );
  return fc.oneof(
    badSettingsValue(valid).map((value) => ({ key: 'settings', value })),
    fc
      .record({
        key: fc.oneof(markerKey, fc.string({ maxLength: 12 })),
        value: fc.jsonValue() as fc.Arbitrary<Json>,
      })
      .filter((row) => !v.is(settingRowSchema, row)),
  );
}

/** The file's tables as JSON, and the rows of one table, to replace one of them. */
const ROW_TABLES = ['comments', 'actions', 'activity', 'checkins', 'evidence', 'corrections'] as const;

describe('restore of fuzzed settings rows and other rows', () => {
  it('refuses a settings row that is not valid settings or a known marker, names it, and changes no table', async () => {
    const own = await readSettings(target);
    await fc.assert(
      fc.asyncProperty(tableRows, badSettingRow(own), fc.nat(), async (rows, bad, at) => {
        const file = JSON.parse(await backupText({ ...rows, settings: [] })) as {
          tables: { settings: Json[] };
        };
        const settings = [{ key: 'settings', value: own } as unknown as Json];
        const index = at % (settings.length + 1);
        settings.splice(index, 0, bad);
        file.tables.settings = settings;
        const result = await restoreSafely(target, JSON.stringify(file), 'apply');
        expect(result).toMatchObject({ ok: false, reason: 'invalid', table: 'settings', row: index + 1 });
        expect(await readSettings(target)).toEqual(own);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 120_000);

  it('refuses a row of any other table replaced by anything it cannot be, names it, and changes no table', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROW_TABLES),
        fc.nat(),
        fc.jsonValue() as fc.Arbitrary<Json>,
        async (table, at, replacement) => {
          const file = JSON.parse(validFile) as { tables: Record<string, Json[]> };
          const rows = file.tables[table] as Json[];
          const index = at % (rows.length + 1);
          // Refused whatever the row schema says of the replacement, unless it happens to be a valid row.
          if (v.is(backupTablesSchema.entries[table].item, replacement)) return;
          rows.splice(index, 0, replacement);
          const result = await restoreSafely(target, JSON.stringify(file), 'apply');
          expect(result).toMatchObject({ ok: false, reason: 'invalid', table, row: index + 1 });
        },
      ),
      { numRuns: RUNS * 2 },
    );
  }, 120_000);

  it('changes retention and text keeping only as the CM answered, and nothing before the answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        tableRows,
        fc.integer({ min: 1, max: 3650 }),
        fc.boolean(),
        fc.constantFrom<GuardedSettingsChoice>('apply', 'keep'),
        async (rows, retentionDays, keepText, answer) => {
          const db = freshDb();
          await fill(db, rows);
          const mine = await readSettings(db);
          const theirs: Settings = { ...mine, brandNames: ['Theirs'], retentionDays, keepText };
          const file = await backupText({ ...rows, settings: [{ key: 'settings', value: theirs }] });
          const changed = retentionDays !== mine.retentionDays || keepText !== mine.keepText;

          const asked = await restoreSafely(db, file);
          if (changed) {
            expect(asked).toMatchObject({ ok: false, reason: 'needs_confirmation' });
            const changes = (asked as { changes: { setting: string; from: unknown; to: unknown }[] }).changes;
            expect(
              Object.fromEntries(changes.map((change) => [change.setting, [change.from, change.to]])),
            ).toEqual({
              ...(retentionDays !== mine.retentionDays && {
                retentionDays: [mine.retentionDays, retentionDays],
              }),
              ...(keepText !== mine.keepText && { keepText: [mine.keepText, keepText] }),
            });
            expect(await restoreSafely(db, file, answer)).toMatchObject({ ok: true });
          } else expect(asked).toMatchObject({ ok: true });

          const kept = changed && answer === 'keep' ? mine : theirs;
          expect(await readSettings(db)).toEqual({
            ...theirs,
            retentionDays: kept.retentionDays,
            keepText: kept.keepText,
          });
          await db.delete();
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});

/** What an action and a check-in are (the restore's rule, restated). */
const IDENTITY = {
  actions: (row: { commentKey: string; tactic: string; at: number }) =>
    JSON.stringify([row.commentKey, row.tactic, row.at]),
  checkins: (row: { at: number; trigger: string }) => JSON.stringify([row.at, row.trigger]),
};

describe('restore of valid backups', () => {
  const withoutIds = (tables: Awaited<ReturnType<typeof createBackup>>['tables']) => ({
    ...tables,
    actions: tables.actions.map(({ id: _id, ...row }) => row),
    checkins: tables.checkins.map(({ id: _id, ...row }) => row),
    evidence: tables.evidence.map(({ id: _id, ...row }) => row),
  });

  it('round-trips a generated backup into a fresh database equal, totals included', async () => {
    await fc.assert(
      fc.asyncProperty(tableRows, async (rows) => {
        const file = await backupText(rows);
        const db = freshDb();
        expect(await restoreSafely(db, file, 'apply')).toMatchObject({ ok: true });
        const restored = (await createBackup(db, '0.1.0', 0)).tables;
        expect(restored).toEqual(JSON.parse(file).tables);
        expect(await db.dayTotals.toArray()).toEqual(dayTotalsOf(restored.comments));
        await db.delete();
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('keeps the rows of both sides, and restoring the same file again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(tableRows, tableRows, async (own, other) => {
        const db = freshDb();
        await fill(db, own);
        const mineWithIds = (await createBackup(db, '0.1.0', 0)).tables;
        const mine = withoutIds(mineWithIds);
        const file = await backupText(other);
        const theirs = withoutIds(JSON.parse(file).tables);

        expect(await restoreSafely(db, file, 'apply')).toMatchObject({ ok: true });
        const once = await snapshot(db);
        const mergedWithIds = (await createBackup(db, '0.1.0', 0)).tables;
        const merged = withoutIds(mergedWithIds);
        // Every comment and every day's activity of either side, each once.
        const keys = (rows: { key: string }[]) => new Set(rows.map((row) => row.key));
        expect(keys(merged.comments)).toEqual(new Set([...keys(mine.comments), ...keys(theirs.comments)]));
        expect(merged.comments).toHaveLength(keys(merged.comments).size);
        expect(merged.activity.length).toBe(
          new Set([...mine.activity, ...theirs.activity].map((row) => `${row.day}|${row.platform}`)).size,
        );
        // This database's own events untouched, in place; of the file's, those not already here (by what
        // they record: as many of each as the side with more of it).
        for (const table of ['actions', 'checkins'] as const) {
          expect(merged[table].slice(0, mine[table].length)).toEqual(mine[table]);
          const identityOf = IDENTITY[table] as (row: unknown) => string;
          const count = (rows: unknown[]) => {
            const counts = new Map<string, number>();
            for (const row of rows) counts.set(identityOf(row), (counts.get(identityOf(row)) ?? 0) + 1);
            return counts;
          };
          const [here, there, after] = [count(mine[table]), count(theirs[table]), count(merged[table])];
          for (const id of new Set([...here.keys(), ...there.keys()])) {
            expect(after.get(id)).toBe(Math.max(here.get(id) ?? 0, there.get(id) ?? 0));
          }
        }
        // One evidence record per comment of either side, merged as a new escalation would: the first
        // escalation, the last update, a screenshot if either side had one; this database's keep their ids.
        const evidenceKeys = (rows: { commentKey: string }[]) => new Set(rows.map((row) => row.commentKey));
        expect(evidenceKeys(merged.evidence)).toEqual(
          new Set([...evidenceKeys(mine.evidence), ...evidenceKeys(theirs.evidence)]),
        );
        expect(merged.evidence).toHaveLength(evidenceKeys(merged.evidence).size);
        for (const row of merged.evidence) {
          const sides = [...mine.evidence, ...theirs.evidence].filter((e) => e.commentKey === row.commentKey);
          expect(row.at).toBe(Math.min(...sides.map((e) => e.at)));
          expect(row.updatedAt).toBe(Math.max(...sides.map((e) => e.updatedAt)));
          expect(row.screenshot !== null).toBe(sides.some((e) => e.screenshot !== null));
        }
        for (const row of mineWithIds.evidence)
          expect(mergedWithIds.evidence.find((e) => e.commentKey === row.commentKey)?.id).toBe(row.id);
        // One correction per comment of either side: the later one, the CM's last word.
        const correctionKeys = (rows: { commentKey: string }[]) => new Set(rows.map((row) => row.commentKey));
        expect(correctionKeys(merged.corrections)).toEqual(
          new Set([...correctionKeys(mine.corrections), ...correctionKeys(theirs.corrections)]),
        );
        expect(merged.corrections).toHaveLength(correctionKeys(merged.corrections).size);
        for (const row of merged.corrections) {
          const sides = [...mine.corrections, ...theirs.corrections].filter(
            (c) => c.commentKey === row.commentKey,
          );
          expect(row.at).toBe(Math.max(...sides.map((c) => c.at)));
          expect(sides).toContainEqual(row);
        }
        // A comment's count is never the sum of the two sides'.
        for (const row of merged.comments) {
          const sides = [...mine.comments, ...theirs.comments].filter((c) => c.key === row.key);
          expect(row.timesSeen).toBe(Math.max(...sides.map((c) => c.timesSeen)));
          expect(row.firstSeen).toBe(Math.min(...sides.map((c) => c.firstSeen)));
        }
        expect(await db.dayTotals.toArray()).toEqual(dayTotalsOf(await db.comments.toArray()));

        expect(await restoreSafely(db, file, 'apply')).toMatchObject({ ok: true });
        expect(sameSnapshot(await snapshot(db), once)).toBe(true);
        await db.delete();
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
