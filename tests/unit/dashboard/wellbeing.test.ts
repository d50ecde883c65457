import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { type CheckInInputs, checkInDue, type NudgeInputs, nudgesDue } from '../../../src/exposure/wellbeing';
import { checkInInputs, nudgeInputs } from '../../../src/exposure/wellbeing-inputs';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { writeMarker } from '../../../src/storage/markers';
import { activityRow, commentRow, deleteOpenedDbs, freshDb, PARIS, paris } from './rows';

afterEach(deleteOpenedDbs);

const now = paris('2026-11-20T22:30:00', 1);
const calm: NudgeInputs = {
  hostileLast30Min: 0,
  activeMsToday: 0,
  lastActivity: null,
  now,
  hourNow: 14,
  snoozedToday: false,
};
const nudgeSettings = DEFAULT_SETTINGS.nudges; // 15 in 30 min, 10 h, after 22:00

describe('break nudges', () => {
  it('stays silent on a calm day and speaks at each threshold', () => {
    expect(nudgesDue(calm, nudgeSettings)).toEqual([]);
    expect(nudgesDue({ ...calm, hostileLast30Min: 14 }, nudgeSettings)).toEqual([]);
    expect(nudgesDue({ ...calm, hostileLast30Min: 15 }, nudgeSettings)).toEqual([
      { kind: 'hostile_burst', count: 15, threshold: 15 },
    ]);
    expect(nudgesDue({ ...calm, activeMsToday: 10.25 * 3_600_000 }, nudgeSettings)).toEqual([
      { kind: 'long_day', hours: 10.3, threshold: 10 },
    ]);
    expect(nudgesDue({ ...calm, hourNow: 22, lastActivity: now - 60_000 }, nudgeSettings)).toEqual([
      { kind: 'late', lateHour: 22 },
    ]);
    // Late, but the CM left an hour ago: nothing to say.
    expect(nudgesDue({ ...calm, hourNow: 23, lastActivity: now - 3_600_000 }, nudgeSettings)).toEqual([]);
  });

  it('says nothing more once snoozed for today', () => {
    expect(nudgesDue({ ...calm, hostileLast30Min: 40, snoozedToday: true }, nudgeSettings)).toEqual([]);
  });

  it('reads the last 30 minutes, the time online and the snooze from the database', async () => {
    const db = freshDb();
    await db.comments.bulkPut([
      commentRow(now - 10 * 60_000, 'troll'),
      commentRow(now - 20 * 60_000, 'threat'),
      commentRow(now - 20 * 60_000, 'neutral'),
      commentRow(now - 10 * 60_000, 'troll', { isOwn: true }),
      commentRow(now - 40 * 60_000, 'troll'),
    ]);
    await db.activity.put(activityRow('2026-11-20', 'x', now - 5 * 3_600_000, now - 60_000, 7_200_000));
    expect(await nudgeInputs(db, now, PARIS)).toEqual({
      hostileLast30Min: 2,
      activeMsToday: 7_200_000,
      lastActivity: now - 60_000,
      now,
      hourNow: 22,
      snoozedToday: false,
    });
    await writeMarker(db, 'nudgesSnoozedDay', '2026-11-20');
    expect((await nudgeInputs(db, now, PARIS)).snoozedToday).toBe(true);
  });
});

describe('check-in prompts', () => {
  const settings = DEFAULT_SETTINGS.checkIns; // after a threat, end of day, 120 min apart
  const quiet: CheckInInputs = {
    now,
    hourNow: 15,
    lastPromptAt: null,
    lastThreatAt: null,
    activeToday: true,
    endOfDayDone: false,
  };

  it('asks after a threat, then not again within the minimum interval', () => {
    expect(checkInDue(quiet, settings)).toBeNull();
    expect(checkInDue({ ...quiet, lastThreatAt: now - 60_000 }, settings)).toBe('threat');
    const recent = { ...quiet, lastPromptAt: now - 30 * 60_000, lastThreatAt: now - 60_000 };
    expect(checkInDue(recent, settings)).toBeNull();
    expect(checkInDue({ ...recent, lastPromptAt: now - 121 * 60_000 }, settings)).toBe('threat');
    // The threat came before the last answer: already asked about.
    expect(
      checkInDue({ ...quiet, lastPromptAt: now - 200 * 60_000, lastThreatAt: now - 300 * 60_000 }, settings),
    ).toBeNull();
    expect(checkInDue({ ...quiet, lastThreatAt: now }, { ...settings, afterThreat: false })).toBeNull();
  });

  it('asks at the end of an active day, once', () => {
    expect(checkInDue({ ...quiet, hourNow: 18 }, settings)).toBe('end_of_day');
    expect(checkInDue({ ...quiet, hourNow: 18, endOfDayDone: true }, settings)).toBeNull();
    expect(checkInDue({ ...quiet, hourNow: 18, activeToday: false }, settings)).toBeNull();
    expect(checkInDue({ ...quiet, hourNow: 18 }, { ...settings, endOfDay: false })).toBeNull();
  });

  it('reads the last answer or dismissal and the day’s threats from the database', async () => {
    const db = freshDb();
    await db.comments.put(commentRow(now - 3_600_000, 'threat'));
    await db.activity.put(activityRow('2026-11-20', 'x', now - 3_600_000, now, 60_000));
    await db.checkins.add({
      at: now - 7_200_000,
      day: '2026-11-20',
      score: 3,
      tags: [],
      note: '',
      trigger: 'threat',
    });
    await writeMarker(db, 'checkInDismissed', {
      at: now - 600_000,
      day: '2026-11-20',
      trigger: 'end_of_day',
    });
    expect(await checkInInputs(db, now, PARIS)).toEqual({
      now,
      hourNow: 22,
      lastPromptAt: now - 600_000,
      lastThreatAt: now - 3_600_000,
      activeToday: true,
      endOfDayDone: true,
    });
  });
});
