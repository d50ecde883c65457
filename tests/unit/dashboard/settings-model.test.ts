/** The dashboard's settings model, through a fake port: no DOM, no browser. */
import { describe, expect, it } from 'vitest';
import { createSettingsModel } from '../../../src/dashboard/settings-model';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';

function fake(stored: Settings = DEFAULT_SETTINGS) {
  const languages: string[] = [];
  let saved: Settings | null = null;
  const model = createSettingsModel({
    load: async () => stored,
    save: async (settings) => {
      saved = settings;
      return settings;
    },
    applyLanguage: (language) => languages.push(language),
  });
  return { model, languages, saved: () => saved };
}

describe('the dashboard settings model', () => {
  it('loads, saves, and switches the page language once saved', async () => {
    const { model, languages, saved } = fake();
    await model.load();
    expect(model.settings.value).toEqual(DEFAULT_SETTINGS);
    const next = { ...DEFAULT_SETTINGS, language: 'fr' as const, tone: 'tu' as const, setupDone: true };
    expect(await model.save(next)).toEqual({ ok: true });
    expect(saved()).toEqual(next);
    expect(model.settings.value).toEqual(next);
    expect(languages).toEqual(['fr']);
  });

  it('refuses values out of range, saying where, and saves nothing', async () => {
    const { model, saved } = fake();
    await model.load();
    expect(await model.save({ ...DEFAULT_SETTINGS, retentionDays: 0 })).toEqual({
      ok: false,
      invalid: ['retentionDays'],
    });
    expect(saved()).toBeNull();
  });

  it('says when the service worker does not answer', async () => {
    const model = createSettingsModel({
      load: () => Promise.reject(new Error('gone')),
      save: () => Promise.reject(new Error('gone')),
      applyLanguage: () => undefined,
    });
    await model.load();
    expect(model.unavailable.value).toBe(true);
    expect(await model.save(DEFAULT_SETTINGS)).toEqual({ ok: false, unavailable: true });
  });
});
