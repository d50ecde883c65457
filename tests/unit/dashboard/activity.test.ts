import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createActivityTracker, IDLE_AFTER_MS } from '../../../src/content/activity-tracker';
import { recordActivity } from '../../../src/exposure/activity';
import { deleteOpenedDbs, freshDb, PARIS, paris } from './rows';

afterEach(deleteOpenedDbs);

describe('recording active time', () => {
  it('adds reports to their local day and platform, keeping the first and last activity', async () => {
    const db = freshDb();
    const first = paris('2026-11-20T06:40:30', 1);
    await recordActivity(db, { platform: 'x', activeMs: 30_000, at: first }, first, PARIS);
    await recordActivity(db, { platform: 'x', activeMs: 30_000, at: first + 60_000 }, first + 60_000, PARIS);
    await recordActivity(db, { platform: 'facebook', activeMs: 10_000, at: first }, first, PARIS);
    const x = await db.activity.get(['2026-11-20', 'x']);
    expect(x).toEqual({
      day: '2026-11-20',
      platform: 'x',
      activeMs: 60_000,
      first: first - 30_000,
      last: first + 60_000,
    });
    expect((await db.activity.get(['2026-11-20', 'facebook']))?.activeMs).toBe(10_000);
  });

  it('dates a span across midnight on the day of its report, and a stale report now', async () => {
    const db = freshDb();
    const justAfterMidnight = paris('2026-11-21T00:00:10', 1);
    await recordActivity(
      db,
      { platform: 'x', activeMs: 30_000, at: justAfterMidnight },
      justAfterMidnight,
      PARIS,
    );
    expect(await db.activity.get(['2026-11-21', 'x'])).toMatchObject({ first: justAfterMidnight });
    expect(await db.activity.get(['2026-11-20', 'x'])).toBeUndefined();

    const now = paris('2026-11-21T10:00:00', 1);
    await recordActivity(db, { platform: 'x', activeMs: 30_000, at: now - 86_400_000 }, now, PARIS);
    expect(await db.activity.get(['2026-11-21', 'x'])).toMatchObject({ activeMs: 60_000, last: now });
  });
});

describe('the content script activity tracker', () => {
  const start = 1_000_000;

  it('counts visible time while the CM acted within the idle limit', () => {
    const tracker = createActivityTracker(start, true);
    expect(tracker.take(start + 30_000)).toBe(30_000);
    tracker.input(start + 40_000);
    expect(tracker.take(start + 60_000)).toBe(30_000);
  });

  it('stops counting once the CM has been idle for the limit, and resumes at the next input', () => {
    const tracker = createActivityTracker(start, true);
    expect(tracker.take(start + IDLE_AFTER_MS + 60_000)).toBe(IDLE_AFTER_MS);
    expect(tracker.take(start + 10 * 60_000)).toBe(0);
    tracker.input(start + 11 * 60_000);
    expect(tracker.take(start + 11 * 60_000 + 30_000)).toBe(30_000);
  });

  it('never counts a hidden tab, and flushes the visible part when hidden', () => {
    const tracker = createActivityTracker(start, true);
    expect(tracker.visibility(false, start + 20_000)).toBe(20_000);
    expect(tracker.take(start + 60_000)).toBe(0);
    expect(tracker.visibility(true, start + 90_000)).toBe(0);
    expect(tracker.take(start + 120_000)).toBe(30_000);
  });
});
