import browser from 'webextension-polyfill';
import { CATALOGS, type Catalog, formatMessage, resolveLanguage } from '../shared/locale';
import type { Settings } from '../shared/settings';

let catalog: Catalog | null = null;

/** Uses the language the CM chose in the settings (French for a French browser by default). */
export function applyLanguage(setting: Settings['language']): void {
  const language = resolveLanguage(setting, browser.i18n.getUILanguage());
  catalog = CATALOGS[language];
  document.documentElement.lang = language;
}

/** A UI string; the key itself if missing, so a gap shows instead of a blank. */
export function t(key: string, substitutions?: string | string[]): string {
  const list =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  if (catalog) return formatMessage(catalog, key, list);
  return browser.i18n.getMessage(key, substitutions) || key;
}
