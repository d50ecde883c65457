import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { openDb } from '../../../src/storage/db';
import { writeMarker } from '../../../src/storage/markers';
import { writeSettings } from '../../../src/storage/settings';
import { commentRow } from './rows';

const browser = vi.hoisted(() => ({
  notifications: { create: vi.fn(async () => 'id') },
  permissions: { contains: vi.fn(async () => true) },
  i18n: { getUILanguage: () => 'fr-FR' },
  runtime: { getURL: (path: string) => `chrome-extension://id/${path}` },
}));
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { createNudgeNotifier } = await import('../../../src/exposure/notify');

const NOW = Date.UTC(2026, 10, 25, 10, 0);
const MINUTE = 60_000;

async function dbWithHostileBurst(systemNotifications: boolean) {
  const db = openDb(`notify-${Math.random()}`);
  await writeSettings(db, {
    ...DEFAULT_SETTINGS,
    nudges: { ...DEFAULT_SETTINGS.nudges, hostileIn30Min: 3, systemNotifications },
  });
  await db.comments.bulkPut([1, 2, 3, 4].map((i) => commentRow(NOW - i * MINUTE, 'troll')));
  return db;
}

beforeEach(() => {
  browser.notifications.create.mockClear();
  browser.permissions.contains.mockClear();
  browser.permissions.contains.mockResolvedValue(true);
});

describe('break nudges as system notifications', () => {
  it('tells the CM once, in their language, when the hostile burst crosses their threshold', async () => {
    const db = await dbWithHostileBurst(true);
    let now = NOW;
    const notify = createNudgeNotifier(db, () => now);
    await notify();
    expect(browser.notifications.create).toHaveBeenCalledTimes(1);
    const [, options] = browser.notifications.create.mock.calls[0] as unknown as [
      string,
      { message: string },
    ];
    expect(options.message).toContain('4');
    expect(options.message).toMatch(/hostiles?/); // French: the browser is French
    // The same nudge is not repeated later that day, however many comments arrive.
    now += 10 * MINUTE;
    await db.comments.put(commentRow(now - MINUTE, 'threat'));
    await notify();
    expect(browser.notifications.create).toHaveBeenCalledTimes(1);
  });

  it('stays silent unless the CM turned it on and the browser granted the permission', async () => {
    await createNudgeNotifier(await dbWithHostileBurst(false), () => NOW)();
    browser.permissions.contains.mockResolvedValue(false);
    await createNudgeNotifier(await dbWithHostileBurst(true), () => NOW)();
    expect(browser.notifications.create).not.toHaveBeenCalled();
  });

  it('stays silent on a day the CM snoozed the nudges', async () => {
    const db = await dbWithHostileBurst(true);
    await writeMarker(db, 'nudgesSnoozedDay', new Intl.DateTimeFormat('en-CA').format(NOW));
    await createNudgeNotifier(db, () => NOW)();
    expect(browser.notifications.create).not.toHaveBeenCalled();
  });
});
