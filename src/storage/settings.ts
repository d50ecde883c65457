import { parseSettings, type Settings, type SettingsSaved } from '../shared/settings';
import type { DesaffectDb } from './db';

/** The settings table's row of the CM's settings. */
export const SETTINGS_KEY = 'settings';

export async function readSettings(db: DesaffectDb): Promise<Settings> {
  return parseSettings((await db.settings.get(SETTINGS_KEY))?.value);
}

export async function writeSettings(db: DesaffectDb, settings: Settings): Promise<Settings> {
  await db.settings.put({ key: SETTINGS_KEY, value: settings });
  return settings;
}

/**
 * Saves the settings a page edited from `base`, unless the stored ones are no longer `base` (another
 * dashboard tab saved, a backup was restored): then nothing is written, and the answer carries them.
 */
export function saveSettings(db: DesaffectDb, settings: Settings, base: Settings): Promise<SettingsSaved> {
  return db.transaction('rw', db.settings, async () => {
    const current = await readSettings(db);
    // Both come out of the settings schema, which orders their keys the same way.
    if (JSON.stringify(current) !== JSON.stringify(base))
      return { ok: false, reason: 'stale', settings: current };
    return { ok: true, settings: await writeSettings(db, settings) };
  });
}
