import browser, { type Runtime } from 'webextension-polyfill';
import {
  type BgReplies,
  type CsHandlers,
  type CsToBg,
  parseCsToBg,
  parseUiToBg,
  type SenderTab,
  type UiHandlers,
  type UiToBg,
} from '../shared/messages';
import { platformOfUrl } from '../shared/sites';
import { openDb } from '../storage/db';
import { assistantCsHandlers, assistantUiHandlers } from './handlers/assistant';
import { commentHandlers } from './handlers/comments';
import type { HandlerContext } from './handlers/context';
import { coreHandlers } from './handlers/core';
import { dashboardCsHandlers, dashboardHandlers } from './handlers/dashboard';
import { exportHandlers } from './handlers/export';
import { settingsHandlers } from './handlers/settings';
import { forgetTab } from './tab-state';

export function main(): void {
  const context: HandlerContext = { db: openDb(), now: Date.now, health: { fullSince: null } };
  const csHandlers: CsHandlers = {
    ...commentHandlers(context),
    ...assistantCsHandlers(context),
    ...dashboardCsHandlers(context),
  };
  const uiHandlers: UiHandlers = {
    ...coreHandlers(context),
    ...settingsHandlers(context),
    ...assistantUiHandlers(context),
    ...dashboardHandlers(context),
    ...exportHandlers(context),
  };
  // The handler maps are complete by type; TypeScript cannot correlate a union message with its handler.
  const onCsMessage = (message: CsToBg, tab: SenderTab) =>
    (csHandlers[message.type] as (m: CsToBg, t: SenderTab) => Promise<BgReplies[CsToBg['type']]>)(
      message,
      tab,
    );
  const onUiMessage = (message: UiToBg) =>
    (uiHandlers[message.type] as (m: UiToBg) => Promise<BgReplies[UiToBg['type']]>)(message);

  const extensionOrigin = browser.runtime.getURL('');

  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    // Extension pages (popup, dashboard) may also live in a tab: tell them apart by their origin.
    if (sender.url?.startsWith(extensionOrigin)) {
      const message = parseUiToBg(raw);
      return message ? onUiMessage(message) : undefined;
    }
    // Otherwise a content script: only on the supported sites, and only in the cs→bg vocabulary.
    const tabId = sender.tab?.id;
    const message = parseCsToBg(raw);
    if (tabId === undefined || !message || !platformOfUrl(sender.url)) return undefined;
    return onCsMessage(message, { id: tabId, windowId: sender.tab?.windowId });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
  });
}
