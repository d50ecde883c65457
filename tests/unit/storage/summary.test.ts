/** The popup's summary reads the day through the dashboard's aggregation (exposureOfDay), not its own count. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

import { exposureUiHandlers } from '../../../src/exposure/handlers';
import { totalByLabel } from '../../../src/exposure/model';
import { exposureOfDay } from '../../../src/exposure/queries';
import { localDay } from '../../../src/shared/day';
import { openDb } from '../../../src/storage/db';
import { fullComment } from './full-rows';

let db: ReturnType<typeof openDb> | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('ui→bg:summary', () => {
  it("counts today's incoming comments by label and the time online, as the dashboard does", async () => {
    db = openDb(`summary-${Math.random()}`);
    const now = Date.now();
    const today = localDay(now);
    await db.comments.bulkPut([
      fullComment('1', now - 60_000, today, 'troll'),
      fullComment('2', now - 50_000, today, 'threat'),
      fullComment('3', now - 40_000, today, 'troll', { platform: 'facebook' }),
      fullComment('4', now - 30_000, today, 'troll', { isOwn: true }),
      fullComment('5', now - 86_400_000 * 2, localDay(now - 86_400_000 * 2), 'troll'),
    ]);
    await db.activity.bulkPut([
      { day: today, platform: 'x', activeMs: 600_000, first: now - 3_600_000, last: now },
      { day: today, platform: 'facebook', activeMs: 60_000, first: now - 1_800_000, last: now },
    ]);
    const summary = await exposureUiHandlers({ db, now: () => now, health: { fullSince: null } })[
      'ui→bg:summary'
    ]({
      type: 'ui→bg:summary',
    });
    expect(summary).toEqual({
      day: today,
      byLabel: { troll: 2, threat: 1, unhappy_customer: 0, neutral: 0 },
      total: 3,
      activeMs: 660_000,
      firstActivity: now - 3_600_000,
      storageFull: false,
    });
    expect(summary.byLabel).toEqual(totalByLabel(await exposureOfDay(db, today)));
  });
});
