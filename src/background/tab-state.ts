import browser from 'webextension-polyfill';
import type { PageStatus } from '../content/messages';

/**
 * What each tab has shown, kept in storage.session so a service-worker restart forgets nothing while the
 * browser runs, and nothing of it outlives the browser session.
 */
export interface TabState {
  status: (PageStatus & { updatedAt: number }) | null;
  keys: string[];
}

const MAX_KEYS_PER_TAB = 5_000;
const storageKey = (tabId: number) => `tab:${tabId}`;

export async function readTabState(tabId: number): Promise<TabState> {
  const key = storageKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as TabState | undefined;
  return stored ?? { status: null, keys: [] };
}

// Serialised per tab: two batches from one tab must not read-modify-write over each other.
const tabLocks = new Map<number, Promise<unknown>>();

export function updateTabState(tabId: number, change: (state: TabState) => TabState): Promise<void> {
  const previous = tabLocks.get(tabId) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const state = change(await readTabState(tabId));
      state.keys = state.keys.slice(-MAX_KEYS_PER_TAB);
      await browser.storage.session.set({ [storageKey(tabId)]: state });
    });
  tabLocks.set(tabId, next);
  return next.finally(() => {
    if (tabLocks.get(tabId) === next) tabLocks.delete(tabId);
  });
}

/** What the tab's page shows now; a new page in the tab (single-page navigation included) starts a new list. */
export function recordStatus(tabId: number, status: PageStatus, at: number): Promise<void> {
  return updateTabState(tabId, (state) => ({
    status: { ...status, updatedAt: at },
    keys: !state.status || state.status.url === status.url ? state.keys : [],
  }));
}

export function forgetTab(tabId: number): Promise<void> {
  return browser.storage.session.remove(storageKey(tabId));
}
