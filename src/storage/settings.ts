import { parseSettings, type Settings } from '../shared/settings';
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
