import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { hostileCount, MAX_THREATS_LISTED, totalByLabel } from '../../../src/exposure/model';
import { exposureByDay, historyView, todayView, workloadReport } from '../../../src/exposure/queries';
import { activityRow, commentRow, deleteOpenedDbs, freshDb, PARIS, paris } from './rows';

afterEach(deleteOpenedDbs);

describe('exposure by local day', () => {
  it('buckets hostile comments by local hour on the 23-hour day (2026-03-29, Paris)', async () => {
    const db = freshDb();
    await db.comments.bulkPut([
      commentRow(paris('2026-03-29T01:30:00', 1), 'troll'),
      commentRow(paris('2026-03-29T03:30:00', 2), 'troll'),
      commentRow(paris('2026-03-29T10:00:00', 2), 'threat', { intensity: 0.8 }),
      commentRow(paris('2026-03-29T23:30:00', 2), 'troll'),
      commentRow(paris('2026-03-29T12:00:00', 2), 'neutral'),
      commentRow(paris('2026-03-29T12:00:00', 2), 'troll', { isOwn: true }),
      commentRow(paris('2026-03-29T12:00:00', 2), 'unhappy_customer', { platform: 'facebook' }),
    ]);
    const [day] = await exposureByDay(db, '2026-03-29', '2026-03-29', PARIS);
    expect(day?.hostileByHour).toHaveLength(24);
    expect(day?.hostileByHour[1]).toBe(1);
    expect(day?.hostileByHour[2]).toBe(0); // 02:00–03:00 did not exist that night
    expect(day?.hostileByHour[3]).toBe(1);
    expect(day?.hostileByHour[10]).toBe(1);
    expect(day?.hostileByHour[23]).toBe(1);
    expect(day?.byPlatform.x).toEqual({ troll: 3, threat: 1, neutral: 1, unhappy_customer: 0 });
    expect(day?.byPlatform.facebook.unhappy_customer).toBe(1);
    // 3 trolls × 0.5 + a threat 0.8 × 2; the CM's own comment and non-hostile ones weigh nothing.
    expect(day?.load).toBeCloseTo(3.1);
  });

  it('feeds the repeated hour twice on the 25-hour day and keeps late evening on its own day', async () => {
    const db = freshDb();
    await db.comments.bulkPut([
      commentRow(paris('2026-10-25T02:30:00', 2), 'troll'),
      commentRow(paris('2026-10-25T02:30:00', 1), 'troll'),
      commentRow(paris('2026-10-25T23:30:00', 1), 'threat'),
      commentRow(paris('2026-10-26T00:10:00', 1), 'troll'),
    ]);
    const [sunday, monday] = await exposureByDay(db, '2026-10-25', '2026-10-26', PARIS);
    expect(sunday?.hostileByHour[2]).toBe(2);
    expect(sunday?.hostileByHour[23]).toBe(1);
    expect(sunday?.byPlatform.x).toMatchObject({ troll: 2, threat: 1 });
    expect(monday?.hostileByHour[0]).toBe(1);
  });

  it('sums active time per day and platform with the first and last activity', async () => {
    const db = freshDb();
    const day = '2026-11-20';
    await db.activity.bulkPut([
      activityRow(day, 'x', paris('2026-11-20T06:40:00', 1), paris('2026-11-20T18:00:00', 1), 3_600_000),
      activityRow(
        day,
        'facebook',
        paris('2026-11-20T08:00:00', 1),
        paris('2026-11-20T23:05:00', 1),
        1_800_000,
      ),
    ]);
    const [exposure] = await exposureByDay(db, day, day, PARIS);
    expect(exposure?.activeMs).toBe(5_400_000);
    expect(exposure?.activeMsByPlatform).toEqual({ x: 3_600_000, facebook: 1_800_000 });
    expect(exposure?.first).toBe(paris('2026-11-20T06:40:00', 1));
    expect(exposure?.last).toBe(paris('2026-11-20T23:05:00', 1));
  });
});

describe('today and history views', () => {
  const now = paris('2026-11-20T15:00:00', 1);

  async function seedHistory() {
    const db = freshDb();
    const rows = [];
    // Previous active days: 2, 4 and 6 hostile comments, and a day online without any comment.
    for (const [day, count] of [
      ['2026-11-02', 2],
      ['2026-11-09', 4],
      ['2026-11-16', 6],
    ] as const) {
      for (let i = 0; i < count; i += 1) rows.push(commentRow(paris(`${day}T09:00:00`, 1), 'troll'));
    }
    // Older than the four weeks that make the usual day: ignored by it.
    for (let i = 0; i < 50; i += 1) rows.push(commentRow(paris('2026-10-01T09:00:00', 2), 'troll'));
    for (let i = 0; i < 9; i += 1) rows.push(commentRow(paris('2026-11-20T14:00:00', 1), 'troll'));
    rows.push(commentRow(paris('2026-11-20T14:30:00', 1), 'threat', { id: 'threat-1' }));
    await db.comments.bulkPut(rows);
    await db.activity.put(activityRow('2026-11-18', 'x', now - 2 * 86_400_000, now - 2 * 86_400_000, 60_000));
    await db.evidence.add({
      commentKey: 'x:threat-1',
      at: now,
      updatedAt: now,
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
    await db.actions.add({
      commentKey: 'x:threat-1',
      tactic: 'escalate',
      at: now,
      day: '2026-11-20',
      platform: 'x',
      label: 'threat',
    });
    return db;
  }

  it("compares today with the median of the previous active days and lists the day's threats", async () => {
    const db = await seedHistory();
    const view = await todayView(db, now, PARIS);
    expect(hostileCount(totalByLabel(view.today))).toBe(10);
    // Active days 2, 4, 6 and 0 (online, no comment): median 3.
    expect(view.usual?.hostile).toBe(3);
    expect(view.threats.map((t) => t.key)).toEqual(['x:threat-1']);
    expect(view.threats[0]?.evidenceAt).toEqual([now]);
    expect(view.tactics).toEqual({ escalate: 1 });
  });

  it('lists only the latest threats of a day with very many, newest first', async () => {
    const db = freshDb();
    const base = paris('2026-11-20T08:00:00', 1);
    await db.comments.bulkPut(
      Array.from({ length: MAX_THREATS_LISTED + 7 }, (_, i) =>
        commentRow(base + i * 60_000, 'threat', { id: `t${i}` }),
      ),
    );
    const view = await todayView(db, now, PARIS);
    expect(totalByLabel(view.today).threat).toBe(MAX_THREATS_LISTED + 7);
    expect(view.threats).toHaveLength(MAX_THREATS_LISTED);
    expect(view.threats[0]?.key).toBe(`x:t${MAX_THREATS_LISTED + 6}`);
  });

  it('builds the weekday × hour heat map and the days above the usual load', async () => {
    const db = await seedHistory();
    const view = await historyView(db, now, 30, PARIS);
    expect(view.days).toHaveLength(30);
    expect(view.days.at(-1)?.day).toBe('2026-11-20');
    // 2026-11-20 is a Friday (4): 9 trolls at 14:00, a threat at 14:30. The three Mondays (0) at 9:00.
    expect(view.heatMap[4]?.[14]).toBe(10);
    expect(view.heatMap[0]?.[9]).toBe(12);
    expect(view.heatMap.flat().reduce((a, b) => a + b, 0)).toBe(22);
    expect(view.aboveUsual).toContain('2026-11-20');
    expect(view.aboveUsual).not.toContain('2026-11-02');
  });

  it('reports a period in aggregates only, with early and late days', async () => {
    const db = await seedHistory();
    await db.activity.bulkPut([
      activityRow(
        '2026-11-16',
        'x',
        paris('2026-11-16T06:40:00', 1),
        paris('2026-11-16T12:00:00', 1),
        7_200_000,
      ),
      activityRow(
        '2026-11-17',
        'x',
        paris('2026-11-17T09:00:00', 1),
        paris('2026-11-17T22:30:00', 1),
        3_600_000,
      ),
    ]);
    const report = await workloadReport(db, '2026-11-16', '2026-11-22', 22, PARIS);
    expect(report).toMatchObject({
      hostile: 16,
      threats: 1,
      threatsEscalated: 1,
      earlyDays: 1,
      lateDays: 1,
      activeDays: 3,
      activeMs: 7_200_000 + 3_600_000 + 60_000,
      tactics: { escalate: 1 },
    });
    const serialised = JSON.stringify(report);
    for (const forbidden of ['author', 'Author', 'comment ', 'https://', 'threat-1']) {
      expect(serialised).not.toContain(forbidden);
    }
  });
});
