import { render } from 'preact';
import browser from 'webextension-polyfill';
import '../ui/base.css';
import './popup.css';
import { Popup } from './Popup';

/** The tab the popup speaks about: the active tab, or `?tab=ID` when opened as a page (tests, demo). */
async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  const root = document.getElementById('app');
  if (root) render(<Popup tabId={await targetTabId()} />, root);
}
