/**
 * The message envelope every part's `messages.ts` builds on: a message is `{ type: 'from→to:name', … }`
 * (cs: the content script, bg: the service worker, ui: the extension pages), checked where it arrives
 * against who sent it. The union of all messages is assembled outside shared/, in src/messages.ts.
 */
import * as v from 'valibot';

/** Who sent a message, as the browser tells the service worker (the slice the boundary checks). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

/** The tab a content-script message came from. */
export interface SenderTab {
  id: number;
  windowId: number | undefined;
}

/** A comment's database key (`platform:id`, see commentKey). */
export const commentKeySchema = v.pipe(v.string(), v.minLength(3), v.maxLength(300));

/** A local calendar day, `YYYY-MM-DD`. */
export const localDaySchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

/**
 * What the service worker answers a page whose message needed a write the browser refused because its
 * storage for the extension is full (the pages then say so and offer to free space).
 */
export const STORAGE_FULL_REPLY = { ok: false, reason: 'storage_full' } as const;

export function isStorageFullReply(reply: unknown): boolean {
  const { ok, reason } = (reply ?? {}) as { ok?: unknown; reason?: unknown };
  return ok === STORAGE_FULL_REPLY.ok && reason === STORAGE_FULL_REPLY.reason;
}
