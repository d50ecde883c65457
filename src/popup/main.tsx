import { render } from 'preact';
import browser from 'webextension-polyfill';
import '../ui/base.css';
import './popup.css';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { ask, freeSpace, tellTab } from '../ui/client';
import { applyLanguage } from '../ui/i18n';
import { createPopupModel, type PopupPort } from './model';
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

/** The popup's model speaks to the service worker and to the tab's content script. */
function portFor(tabId: number | null): PopupPort {
  const withTab = <T,>(use: (id: number) => Promise<T>) =>
    tabId === null ? Promise.reject(new Error('no tab')) : use(tabId);
  return {
    summary: () => ask({ type: 'ui→bg:summary' }),
    checkInDue: async () => (await ask({ type: 'ui→bg:checkin-due' })).due,
    tabComments: () => (tabId === null ? Promise.resolve(null) : ask({ type: 'ui→bg:tab-comments', tabId })),
    logAction: async (key, choice) => {
      await ask({ type: 'ui→bg:log-action', commentKey: key, tactic: choice });
    },
    escalate: (key) => withTab((id) => ask({ type: 'ui→bg:escalate', commentKey: key, tabId: id })),
    correct: (key, to) => ask({ type: 'ui→bg:correct-label', commentKey: key, to }),
    showInPage: async (key) =>
      (await withTab((id) => tellTab(id, { type: 'ui→cs:show-comment', commentKey: key }))).found,
    insert: async (key, text) =>
      (await withTab((id) => tellTab(id, { type: 'ui→cs:insert-reply', commentKey: key, text }))).outcome,
    copy: (text) => navigator.clipboard.writeText(text),
    freeSpace,
  };
}

export async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const [stored, ownReplies, tabId] = await Promise.all([
    ask({ type: 'ui→bg:get-settings' }).catch(() => null),
    ask({ type: 'ui→bg:saved-replies' }).catch(() => []),
    targetTabId(),
  ]);
  const settings = stored ?? DEFAULT_SETTINGS;
  applyLanguage(settings.language);
  render(
    <Popup model={createPopupModel(portFor(tabId), settings)} settings={settings} ownReplies={ownReplies} />,
    root,
  );
}
