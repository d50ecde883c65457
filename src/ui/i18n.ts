import browser from 'webextension-polyfill';

/** A UI string from _locales; the key itself if missing, so a gap shows instead of a blank. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
