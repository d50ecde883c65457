/** Messages from the service worker to the content scripts: a tab that is gone or not ready just misses one. */
import browser from 'webextension-polyfill';
import type { BgToCs } from '../messages';
import { SUPPORTED_HOSTS } from '../shared/sites';

export async function tellTab(tabId: number, message: BgToCs): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // The tab was closed or navigated away: nothing there waits for this.
  }
}

/** Tells every tab open on a supported site (the host permissions let the service worker find them). */
export async function tellSiteTabs(message: BgToCs): Promise<void> {
  const tabs = await browser.tabs.query({
    url: Object.keys(SUPPORTED_HOSTS).map((host) => `https://${host}/*`),
  });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : tellTab(tab.id, message))));
}
