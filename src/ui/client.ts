/** The one way the popup and the dashboard reach the data: messages to the service worker, its only writer. */
import browser from 'webextension-polyfill';
import type { BgReplies, CsReplies, UiToBg, UiToCs } from '../messages';

/** What the service worker answers to a message of this type. */
export type Reply<T extends UiToBg['type']> = BgReplies[T];

export function ask<M extends UiToBg>(message: M): Promise<BgReplies[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<BgReplies[M['type']]>;
}

/** Asks the content script of a tab to show a comment or fill its reply box. */
export function tellTab<M extends UiToCs>(tabId: number, message: M): Promise<CsReplies[M['type']]> {
  return browser.tabs.sendMessage(tabId, message) as Promise<CsReplies[M['type']]>;
}
