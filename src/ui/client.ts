/** The one way the popup and the dashboard reach the data: messages to the service worker, its only writer. */
import browser from 'webextension-polyfill';
import type { BgReplies, UiToBg } from '../shared/messages';

export function ask<M extends UiToBg>(message: M): Promise<BgReplies[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<BgReplies[M['type']]>;
}
