/**
 * The dashboard's settings, apart from its components: shared by the settings section and the first-run
 * setup, read when the page opens and again whenever the CM's data changed as a whole (a restore, "delete
 * everything"), saved through a port (the service worker in the dashboard, a fake in the tests). A save
 * names the settings it was edited from, and the service worker refuses it if they changed since (another
 * dashboard tab, a restore): no page overwrites what it never showed. Saving a new language switches
 * every string of the page at once (ui/i18n.ts reads a signal).
 */
import { signal } from '@preact/signals';
import * as v from 'valibot';
import { type Settings, type SettingsSaved, settingsSchema } from '../shared/settings';
import { failureKey } from '../ui/storage-full';

export interface SettingsPort {
  load(): Promise<Settings>;
  /** Saves `settings`, edited from `base`, unless the stored settings are no longer `base`. */
  save(settings: Settings, base: Settings): Promise<SettingsSaved>;
  applyLanguage(language: Settings['language']): void;
}

/**
 * `invalid`: a catalogue key per field the CM must change, each a sentence saying what the field accepts.
 * `stale`: the settings changed since the page read them; the model now holds the current ones.
 * `failed`: the catalogue key of why the save failed (the browser's storage full, no answer).
 */
export type SaveResult =
  | { ok: true }
  | { ok: false; invalid: string[] }
  | { ok: false; stale: true }
  | { ok: false; failed: string };

/** What the fields the CM types in accept, by their place in the settings, in the order the page shows them. */
const FIELD_RULES: Readonly<Record<string, string>> = {
  'ownHandles.x': 'settingsRuleOwnX',
  'ownHandles.facebook': 'settingsRuleOwnFacebook',
  brandNames: 'settingsRuleBrands',
  'nudges.hostileIn30Min': 'settingsRuleHostileIn30',
  'nudges.hoursOnlinePerDay': 'settingsRuleHoursOnline',
  'nudges.lateHour': 'settingsRuleLateHour',
  'checkIns.minMinutesBetween': 'settingsRuleCheckInGap',
  retentionDays: 'settingsRuleRetention',
};
/** The fields chosen from a list or ticked cannot be wrong from the page; a damaged value can. */
const OTHER_FIELD_RULE = 'settingsRuleOther';

function ruleOf(path: string): string {
  const field = Object.keys(FIELD_RULES).find((place) => path === place || path.startsWith(`${place}.`));
  return field === undefined ? OTHER_FIELD_RULE : (FIELD_RULES[field] as string);
}

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

  /** Saves `next`, edited from `base` (the settings the page showed when the CM began). */
  async function save(next: Settings, base: Settings): Promise<SaveResult> {
    const checked = v.safeParse(settingsSchema, next);
    if (!checked.success) {
      const rules = new Set(checked.issues.map((issue) => ruleOf(v.getDotPath(issue) ?? '')));
      return {
        ok: false,
        invalid: [...Object.values(FIELD_RULES), OTHER_FIELD_RULE].filter((rule) => rules.has(rule)),
      };
    }
    try {
      const reply = await port.save(checked.output, base);
      settings.value = reply.settings;
      port.applyLanguage(reply.settings.language);
      return reply.ok ? { ok: true } : { ok: false, stale: true };
    } catch (error) {
      return { ok: false, failed: failureKey(error) };
    }
  }

  return { settings, unavailable, load, save };
}

export type SettingsModel = ReturnType<typeof createSettingsModel>;
