import { render } from 'preact';
import browser from 'webextension-polyfill';
import '../ui/base.css';
import './popup.css';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { ask } from '../ui/client';
import { applyLanguage } from '../ui/i18n';
import { Popup } from './Popup';

/**
 * The tab the popup speaks about: the active tab, or, when opened as a page (tests, demo), `?tab=ID` or
 * `?url=PATTERN` — the tab showing that match pattern, for Firefox tests that cannot ask the background.
 */
async function targetTabId(): Promise<number | null> {
  const query = new URLSearchParams(location.search);
  const fromQuery = Number(query.get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const url = query.get('url');
  const [tab] = await browser.tabs.query(url ? { url } : { active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const [settings, tabId] = await Promise.all([
    ask({ type: 'ui→bg:get-settings' }).catch(() => null),
    targetTabId(),
  ]);
  applyLanguage(settings?.language ?? 'auto');
  render(<Popup tabId={tabId} settings={settings ?? DEFAULT_SETTINGS} />, root);
}
