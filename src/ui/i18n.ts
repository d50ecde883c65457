/**
 * The pages' strings, in the language the CM chose. The language is a signal: components that read a
 * string re-render when the CM switches language in the settings, with no reload.
 */
import { computed, signal } from '@preact/signals';
import browser from 'webextension-polyfill';
import { CATALOGS, formatMessage, pluralKey, resolveLanguage, type UiLanguage } from '../shared/locale';
import type { Settings } from '../shared/settings';

export const uiLanguage = signal<UiLanguage>('en');
const catalog = computed(() => CATALOGS[uiLanguage.value]);

/** Uses the language the CM chose in the settings (French for a French browser by default). */
export function applyLanguage(setting: Settings['language']): void {
  const language = resolveLanguage(setting, browser.i18n.getUILanguage());
  document.documentElement.lang = language;
  uiLanguage.value = language;
}

/** A UI string; the key itself if missing, so a gap shows instead of a blank. */
export function t(key: string, substitutions?: string | readonly string[]): string {
  const list =
    substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
  return formatMessage(catalog.value, key, list);
}

/**
 * A counted string (`key_one`, `key_other`… in the catalogues), in the plural form the language gives
 * `count`. Its first placeholder is the count as written in that language unless `substitutions` says.
 */
export function tn(key: string, count: number, substitutions?: readonly string[]): string {
  const language = uiLanguage.value;
  const written = new Intl.NumberFormat(language).format(count);
  return formatMessage(
    catalog.value,
    pluralKey(catalog.value, key, count, language),
    substitutions ?? [written],
  );
}
