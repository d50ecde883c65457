/**
 * The per-day totals stay equal to the totals computed from scratch from the comments, whatever writes
 * reach the `comments` table: ingest, puts, adds that partly fail, deletes, updates, ranges, the purge,
 * "delete everything", a restore, parallel writes in one transaction, and transactions rolled back.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dayTotalsOf } from '../../../src/exposure/day-totals';
import { exposureByDay } from '../../../src/exposure/queries';
import { localDay } from '../../../src/shared/day';
import { createBackup, restoreBackup } from '../../../src/storage/backup';
import { type DesaffectDb, openDb } from '../../../src/storage/db';
import { ingest } from '../../../src/storage/ingest';
import { deleteEverything, purgeOlderThan } from '../../../src/storage/retention';
import type { CommentRow } from '../../../src/storage/schema';
import { commentId, commentRow, instant, label, PARIS, platform } from './arbitraries';

const opened: DesaffectDb[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});
function freshDb(): DesaffectDb {
  const db = openDb(`totals-${Math.random()}`);
  opened.push(db);
  return db;
}

async function expectTotalsInStep(db: DesaffectDb): Promise<void> {
  expect(await db.dayTotals.toArray()).toEqual(dayTotalsOf(await db.comments.toArray()));
}

const keyOf = fc.tuple(platform, commentId).map(([p, id]) => `${p}:${id}`);

const operation = fc.oneof(
  fc.record({ op: fc.constant('put' as const), rows: fc.array(commentRow, { maxLength: 6 }) }),
  fc.record({ op: fc.constant('add' as const), rows: fc.array(commentRow, { maxLength: 4 }) }),
  fc.record({ op: fc.constant('delete' as const), keys: fc.array(keyOf, { maxLength: 4 }) }),
  fc.record({
    op: fc.constant('update' as const),
    key: keyOf,
    changes: fc.record(
      {
        label,
        intensity: fc.double({ min: 0, max: 1, noNaN: true }),
        isOwn: fc.boolean(),
        firstSeen: instant,
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ op: fc.constant('reveal' as const), key: keyOf, at: instant }),
  fc.record({
    op: fc.constant('ingest' as const),
    rows: fc.array(commentRow, { maxLength: 4 }),
    now: instant,
  }),
  fc.record({ op: fc.constant('purge' as const), before: instant }),
  fc.record({ op: fc.constant('deleteRange' as const), prefix: platform }),
  fc.record({ op: fc.constant('clear' as const) }),
  fc.record({ op: fc.constant('restore' as const), rows: fc.array(commentRow, { maxLength: 5 }) }),
  fc.record({
    op: fc.constant('parallel' as const),
    a: fc.array(commentRow, { maxLength: 4 }),
    b: fc.array(commentRow, { maxLength: 4 }),
    keys: fc.array(keyOf, { maxLength: 2 }),
  }),
  fc.record({
    op: fc.constant('rolledBack' as const),
    rows: fc.array(commentRow, { minLength: 1, maxLength: 4 }),
  }),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function apply(db: DesaffectDb, step: Operation): Promise<void> {
  switch (step.op) {
    case 'put':
      await db.comments.bulkPut(step.rows);
      return;
    case 'add':
      // Rows whose key is taken fail; the others are written.
      await db.comments.bulkAdd(step.rows).catch(() => undefined);
      return;
    case 'delete':
      await db.comments.bulkDelete(step.keys);
      return;
    case 'update': {
      const changes: Partial<CommentRow> = { ...step.changes };
      if (step.changes.firstSeen !== undefined) changes.day = localDay(step.changes.firstSeen, PARIS);
      await db.comments.update(step.key, changes);
      return;
    }
    case 'reveal':
      await db.comments.update(step.key, { revealedAt: step.at });
      return;
    case 'ingest':
      await ingest(
        db,
        step.rows.map((row) => ({
          comment: { ...row, text: row.text ?? '' },
          classification: row,
          sessionId: row.lastSessionId,
          keepText: row.text !== null,
        })),
        { now: step.now, timeZone: PARIS },
      );
      return;
    case 'purge':
      await purgeOlderThan(db, localDay(step.before, PARIS));
      return;
    case 'deleteRange':
      await db.comments.where('key').startsWith(`${step.prefix}:`).delete();
      return;
    case 'clear':
      await deleteEverything(db);
      return;
    case 'restore': {
      const source = freshDb();
      await source.comments.bulkPut(step.rows);
      await restoreBackup(db, JSON.stringify(await createBackup(source, 'test', 0)));
      return;
    }
    case 'parallel':
      await db.transaction('rw', db.comments, () =>
        Promise.all([
          db.comments.bulkPut(step.a),
          db.comments.bulkPut(step.b),
          db.comments.bulkDelete(step.keys),
        ]),
      );
      return;
    case 'rolledBack':
      await db
        .transaction('rw', db.comments, async () => {
          await db.comments.bulkPut(step.rows);
          throw new Error('changed my mind');
        })
        .catch(() => undefined);
      return;
  }
}

describe('per-day totals', () => {
  it('stay equal to the totals of the comments through any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (steps) => {
        const db = freshDb();
        for (const step of steps) {
          await apply(db, step);
          await expectTotalsInStep(db);
        }
        await db.delete();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  }, 120_000);

  it('leave out the CM own comments and count a comment once, on the day it was first seen', async () => {
    const db = freshDb();
    const base = fc.sample(commentRow, { numRuns: 1, seed: 1 })[0] as CommentRow;
    const day = localDay(base.firstSeen, PARIS);
    await db.comments.bulkPut([
      { ...base, key: 'x:1', id: '1', platform: 'x', label: 'troll', isOwn: false, intensity: 0.5, day },
      { ...base, key: 'x:2', id: '2', platform: 'x', label: 'troll', isOwn: true, intensity: 0.5, day },
    ]);
    await db.comments.bulkPut([
      { ...base, key: 'x:1', id: '1', platform: 'x', label: 'troll', isOwn: false, intensity: 0.5, day },
    ]);
    const [exposure] = await exposureByDay(db, day, day, PARIS);
    expect(exposure?.byPlatform.x.troll).toBe(1);
    expect(exposure?.load).toBe(0.5);
    await db.comments.bulkDelete(['x:1', 'x:2']);
    expect(await db.dayTotals.count()).toBe(0);
  });
});
