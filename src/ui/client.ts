/** The one way the popup and the dashboard reach the data: messages to the service worker, its only writer. */
import browser from 'webextension-polyfill';
import type { BgReplies, CsReplies, UiToBg, UiToCs } from '../messages';
import { isStorageFullReply } from '../shared/envelope';
import { StorageFull, storageFullReported } from './storage-full';

/** What the service worker answers to a message of this type. */
export type Reply<T extends UiToBg['type']> = BgReplies[T];

/**
 * The service worker gave no answer: it refused the message at its boundary (routeMessage answers
 * nothing), and the browser resolved the request with nothing rather than failing it.
 */
export class NoAnswer extends Error {}

/**
 * Asks the service worker; fails when it fails or gives no answer, so no page takes silence for success,
 * and with StorageFull when the browser refused its write for want of space.
 */
export async function ask<M extends UiToBg>(message: M): Promise<BgReplies[M['type']]> {
  const reply = await browser.runtime.sendMessage(message);
  if (reply === undefined) throw new NoAnswer(message.type);
  if (isStorageFullReply(reply)) {
    storageFullReported.value = true;
    throw new StorageFull(message.type);
  }
  return reply as BgReplies[M['type']];
}

/** Deletes what is older than 30 days (evidence kept), when the browser's storage for Desaffect is full. */
export async function freeSpace(): Promise<void> {
  // The next refused write says so again.
  storageFullReported.value = false;
  await ask({ type: 'ui→bg:free-space', keepDays: 30 });
}

/** Asks the content script of a tab to show a comment or fill its reply box. */
export function tellTab<M extends UiToCs>(tabId: number, message: M): Promise<CsReplies[M['type']]> {
  return browser.tabs.sendMessage(tabId, message) as Promise<CsReplies[M['type']]>;
}
