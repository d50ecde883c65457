/** Messages from the service worker to the content scripts: a tab that is gone or not ready just misses one. */
import browser, { type Runtime } from 'webextension-polyfill';
import type { BgToCs, PortFrame } from '../messages';
import { SUPPORTED_HOSTS } from '../shared/sites';

/** The content scripts' open ports (src/content/port.ts), by tab: news goes on them when there is one. */
const pagePorts = new Map<number, Set<Runtime.Port>>();

export function addPagePort(tabId: number, port: Runtime.Port): void {
  let ports = pagePorts.get(tabId);
  if (!ports) {
    ports = new Set();
    pagePorts.set(tabId, ports);
  }
  ports.add(port);
  port.onDisconnect.addListener(() => {
    ports.delete(port);
    if (ports.size === 0 && pagePorts.get(tabId) === ports) pagePorts.delete(tabId);
  });
}

export async function tellTab(tabId: number, message: BgToCs): Promise<void> {
  const ports = pagePorts.get(tabId);
  if (ports && ports.size > 0) {
    const frame: PortFrame = { push: message };
    for (const port of ports)
      try {
        port.postMessage(frame);
      } catch {
        // Disconnected meanwhile: its page reconnects, and resends what was not confirmed.
      }
    return;
  }
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

/** How long the news of stored comments is gathered for a tab before it is told. */
const STORED_NEWS_MS = 250;
/** The most keys one message carries (the content script's schema). */
const KEYS_PER_MESSAGE = 500;

/**
 * Tells tabs which of their comments were written (or refused), gathered per tab, page session and
 * outcome: one message every STORED_NEWS_MS rather than one per batch, which the page would pay for.
 */
export function createStoredNews() {
  const pending = new Map<string, { tabId: number; sessionId: string; stored: boolean; keys: string[] }>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    for (const { tabId, sessionId, stored, keys } of pending.values())
      for (let i = 0; i < keys.length; i += KEYS_PER_MESSAGE)
        void tellTab(tabId, {
          type: 'bg→cs:stored',
          sessionId,
          stored,
          keys: keys.slice(i, i + KEYS_PER_MESSAGE),
        });
    pending.clear();
  };
  return (tabId: number, sessionId: string, keys: readonly string[], stored: boolean) => {
    const id = `${tabId}\u0000${sessionId}\u0000${stored}`;
    const news = pending.get(id);
    if (news) news.keys.push(...keys);
    else pending.set(id, { tabId, sessionId, stored, keys: [...keys] });
    if (timer === null) timer = setTimeout(flush, STORED_NEWS_MS);
  };
}
