/**
 * The page's one long-lived line to the service worker: every `runtime.sendMessage` sets up a channel
 * through the browser process, a port is set up once. Requests carry a number that their answer repeats;
 * the service worker's news for the tab (what was stored, what the CM revealed elsewhere) comes on the same
 * port. A service worker stops when idle or restarts: the port then disconnects, and the requests it had
 * not answered are sent again on a new one (at most MAX_SENDS times each, then they fail and their caller
 * retries as after any failed send). A new port is opened only when there is something to send: an idle
 * page keeps no service worker awake.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { BgReplies, CsToBg, PortFrame, PortRequest } from '../messages';
import { type BgToCs, PAGE_PORT, parseToCs } from './messages';

/** Sends of one request, on as many ports, before it fails. */
export const MAX_SENDS = 3;

export interface BackgroundPort {
  request<M extends CsToBg>(message: M): Promise<BgReplies[M['type']]>;
}

interface Pending {
  frame: PortRequest;
  sends: number;
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

export function openBackgroundPort(options: {
  /** News from the service worker, checked against the bg→cs vocabulary. */
  onPush(message: BgToCs): void;
  signal: AbortSignal;
}): BackgroundPort {
  const { signal } = options;
  let port: Runtime.Port | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const failAll = (why: string) => {
    for (const request of pending.values()) request.reject(new Error(why));
    pending.clear();
  };

  const onFrame = (raw: unknown) => {
    const frame = raw as PortFrame | null;
    if (typeof frame !== 'object' || frame === null) return;
    if ('push' in frame) {
      const message = parseToCs(frame.push);
      if (message?.type.startsWith('bg→cs:')) options.onPush(message as BgToCs);
      return;
    }
    const request = pending.get(frame.id);
    if (!request) return;
    pending.delete(frame.id);
    if ('failed' in frame) request.reject(new Error('The service worker could not answer'));
    else request.resolve(frame.reply);
  };

  const onDisconnect = () => {
    port = null;
    if (signal.aborted) return;
    // The service worker stopped or restarted: what it had not answered goes again, on a new port.
    for (const [id, request] of pending)
      if (request.sends >= MAX_SENDS) {
        pending.delete(id);
        request.reject(new Error('The service worker went away'));
      }
    if (pending.size > 0) for (const request of [...pending.values()]) post(request);
  };

  const connected = (): Runtime.Port | null => {
    if (port) return port;
    try {
      port = browser.runtime.connect({ name: PAGE_PORT });
    } catch {
      return null; // The extension was reloaded or removed under the page.
    }
    port.onMessage.addListener(onFrame);
    port.onDisconnect.addListener(onDisconnect);
    return port;
  };

  const post = (request: Pending) => {
    const line = connected();
    request.sends += 1;
    try {
      if (!line) throw new Error('No extension');
      line.postMessage(request.frame);
    } catch (error) {
      pending.delete(request.frame.id);
      request.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  signal.addEventListener('abort', () => {
    failAll('The content script stopped');
    port?.disconnect();
    port = null;
  });

  return {
    request<M extends CsToBg>(message: M): Promise<BgReplies[M['type']]> {
      if (signal.aborted) return Promise.reject(new Error('The content script stopped'));
      return new Promise((resolve, reject) => {
        const request: Pending = {
          frame: { id: nextId++, message },
          sends: 0,
          resolve: resolve as (reply: unknown) => void,
          reject,
        };
        pending.set(request.frame.id, request);
        post(request);
      });
    },
  };
}
