import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, type Settings, settingsSchema } from '../../../src/shared/settings';
import { openDb } from '../../../src/storage/db';
import { readSettings } from '../../../src/storage/settings';

/** The CM's settings, far from the defaults everywhere. */
const mine: Settings = {
  ownHandles: { x: ['acme_support'], facebook: ['Acme France'] },
  brandNames: ['Acme', 'AcmePhone'],
  language: 'fr',
  shield: { troll: 0, unhappy_customer: 0.5, threat: null, neutral: null },
  tone: 'tu',
  setupDone: true,
  keepText: false,
  retentionDays: 365,
  nudges: { hostileIn30Min: 5, hoursOnlinePerDay: 8, lateHour: 20, systemNotifications: true },
  checkIns: { afterThreat: false, endOfDay: true, minMinutesBetween: 30 },
};

const without = (object: Record<string, unknown>, key: string) => {
  const { [key]: _dropped, ...rest } = object;
  return rest;
};

let db: ReturnType<typeof openDb> | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('settings read back over the defaults', () => {
  it('keeps every stored setting when a nested field added later is missing', () => {
    // As stored before `nudges.systemNotifications` and `checkIns.minMinutesBetween` existed.
    const stored = {
      ...mine,
      nudges: without(mine.nudges, 'systemNotifications'),
      checkIns: without(mine.checkIns, 'minMinutesBetween'),
    };
    expect(parseSettings(stored)).toEqual({
      ...mine,
      nudges: { ...mine.nudges, systemNotifications: DEFAULT_SETTINGS.nudges.systemNotifications },
      checkIns: { ...mine.checkIns, minMinutesBetween: DEFAULT_SETTINGS.checkIns.minMinutesBetween },
    });
  });

  it('gives a missing top-level or nested object its defaults and keeps the rest', () => {
    expect(parseSettings(without(mine, 'checkIns'))).toEqual({
      ...mine,
      checkIns: DEFAULT_SETTINGS.checkIns,
    });
    expect(parseSettings({ ...mine, ownHandles: { x: ['acme_support'] } })).toEqual({
      ...mine,
      ownHandles: { x: ['acme_support'], facebook: [] },
    });
  });

  it('reads a shield percentage stored before the levels as the nearest level', () => {
    expect(parseSettings({ ...mine, shield: { ...mine.shield, troll: 0.3, unhappy_customer: 0.9 } })).toEqual(
      {
        ...mine,
        shield: { ...mine.shield, troll: 0.35, unhappy_customer: 0.5 },
      },
    );
  });

  it('resets an invalid field alone', () => {
    expect(parseSettings({ ...mine, retentionDays: 0 })).toEqual({ ...mine, retentionDays: 90 });
    expect(parseSettings({ ...mine, nudges: { ...mine.nudges, lateHour: 25 } })).toEqual({
      ...mine,
      nudges: { ...mine.nudges, lateHour: DEFAULT_SETTINGS.nudges.lateHour },
    });
    expect(parseSettings({ ...mine, shield: { ...mine.shield, troll: 'high' } })).toEqual({
      ...mine,
      shield: { ...mine.shield, troll: DEFAULT_SETTINGS.shield.troll },
    });
  });

  it('drops a setting that no longer exists and falls back to the defaults for a non-object', () => {
    expect(parseSettings({ ...mine, removedLongAgo: true })).toEqual(mine);
    for (const stored of [undefined, null, 42, 'settings', []])
      expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('never hands out the defaults object itself', () => {
    const settings = parseSettings(undefined);
    settings.brandNames.push('mutated');
    settings.nudges.lateHour = 3;
    expect(DEFAULT_SETTINGS.brandNames).toEqual([]);
    expect(DEFAULT_SETTINGS.nudges.lateHour).toBe(22);
  });

  it('always returns valid settings, and valid stored settings unchanged', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        expect(() => parseSettings(stored)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(
        fc.record({
          ...Object.fromEntries(Object.keys(settingsSchema.entries).map((key) => [key, fc.anything()])),
        }),
        (stored) => {
          const settings = parseSettings(stored);
          expect(parseSettings(settings)).toEqual(settings);
        },
      ),
    );
  });

  it('reads stored settings of an older shape from the database', async () => {
    db = openDb(`settings-${Math.random()}`);
    await db.settings.put({
      key: 'settings',
      value: { ...mine, nudges: without(mine.nudges, 'systemNotifications') },
    });
    const read = await readSettings(db);
    expect(read.retentionDays).toBe(365);
    expect(read.nudges).toEqual({ ...mine.nudges, systemNotifications: false });
  });
});
