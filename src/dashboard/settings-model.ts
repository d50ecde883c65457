/**
 * The dashboard's settings, apart from its components: loaded once, shared by the settings section and
 * the first-run setup, saved through a port (the service worker in the dashboard, a fake in the tests).
 * Saving a new language switches every string of the page at once (ui/i18n.ts reads a signal).
 */
import { signal } from '@preact/signals';
import * as v from 'valibot';
import { type Settings, settingsSchema } from '../shared/settings';

export interface SettingsPort {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<Settings>;
  applyLanguage(language: Settings['language']): void;
}

export type SaveResult = { ok: true } | { ok: false; invalid: string[] } | { ok: false; unavailable: true };

export function createSettingsModel(port: SettingsPort) {
  const settings = signal<Settings | null>(null);
  const unavailable = signal(false);

  async function load(): Promise<void> {
    try {
      settings.value = await port.load();
      unavailable.value = false;
    } catch {
      unavailable.value = true;
    }
  }

  async function save(next: Settings): Promise<SaveResult> {
    const checked = v.safeParse(settingsSchema, next);
    if (!checked.success) {
      return { ok: false, invalid: checked.issues.map((issue) => v.getDotPath(issue) ?? '') };
    }
    try {
      const saved = await port.save(checked.output);
      settings.value = saved;
      port.applyLanguage(saved.language);
      return { ok: true };
    } catch {
      return { ok: false, unavailable: true };
    }
  }

  return { settings, unavailable, load, save };
}

export type SettingsModel = ReturnType<typeof createSettingsModel>;
