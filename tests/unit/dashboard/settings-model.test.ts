/** The dashboard's settings model, through a fake port: no DOM, no browser. */
import { describe, expect, it } from 'vitest';
import { createSettingsModel } from '../../../src/dashboard/settings-model';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';

/** A port over one stored value, which refuses a save from another base, as the service worker does. */
function fake(stored: Settings = DEFAULT_SETTINGS) {
  const languages: string[] = [];
  let current = stored;
  let saved: Settings | null = null;
  const model = createSettingsModel({
    load: async () => current,
    save: async (settings, base) => {
      if (base !== current) return { ok: false, reason: 'stale', settings: current };
      saved = current = settings;
      return { ok: true, settings };
    },
    applyLanguage: (language) => languages.push(language),
  });
  return { model, languages, saved: () => saved, elsewhere: (settings: Settings) => (current = settings) };
}

describe('the dashboard settings model', () => {
  it('loads, saves, and switches the page language once saved', async () => {
    const { model, languages, saved } = fake();
    await model.load();
    expect(model.settings.value).toEqual(DEFAULT_SETTINGS);
    const next = { ...DEFAULT_SETTINGS, language: 'fr' as const, tone: 'tu' as const, setupDone: true };
    expect(await model.save(next, DEFAULT_SETTINGS)).toEqual({ ok: true });
    expect(saved()).toEqual(next);
    expect(model.settings.value).toEqual(next);
    expect(languages).toEqual(['fr']);
  });

  it('refuses values out of range, naming what each field accepts in the order of the page, and saves nothing', async () => {
    const { model, saved } = fake();
    await model.load();
    const wrong = {
      ...DEFAULT_SETTINGS,
      retentionDays: 0,
      brandNames: ['x'.repeat(101)],
      nudges: { ...DEFAULT_SETTINGS.nudges, lateHour: 24.5 },
    };
    expect(await model.save(wrong, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      invalid: ['settingsRuleBrands', 'settingsRuleLateHour', 'settingsRuleRetention'],
    });
    expect(saved()).toBeNull();
  });

  it('says when the settings changed since they were edited, and holds the current ones', async () => {
    const { model, saved, elsewhere } = fake();
    await model.load();
    const restored = { ...DEFAULT_SETTINGS, brandNames: ['Acme'] };
    elsewhere(restored);
    expect(await model.save({ ...DEFAULT_SETTINGS, keepText: false }, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      stale: true,
    });
    expect(saved()).toBeNull();
    expect(model.settings.value).toEqual(restored);
  });

  it('says when the service worker does not answer', async () => {
    const model = createSettingsModel({
      load: () => Promise.reject(new Error('gone')),
      save: () => Promise.reject(new Error('gone')),
      applyLanguage: () => undefined,
    });
    await model.load();
    expect(model.unavailable.value).toBe(true);
    expect(await model.save(DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      failed: 'popupUnavailable',
    });
  });
});
