import browser from 'webextension-polyfill';
import type { BgReplies, CsToBg } from '../messages';

export function sendToBackground<M extends CsToBg>(message: M): Promise<BgReplies[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<BgReplies[M['type']]>;
}

/** False once the extension was reloaded or removed under this page: the script must then stand down. */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime.id);
  } catch {
    return false;
  }
}
