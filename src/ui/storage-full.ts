/**
 * The browser's storage for Desaffect is full: the service worker answered a page that its change was not
 * saved for that reason (ui/client.ts raises StorageFull). The pages say so where the CM acted, and show
 * the storage-full notice, with its button to free space, until the CM frees some.
 */
import { signal } from '@preact/signals';

export class StorageFull extends Error {}

/** A page was told its change was not saved for want of space, since the CM last freed some. */
export const storageFullReported = signal(false);

/** The catalogue key that says why an action failed: storage full, or `otherwise` (no answer). */
export function failureKey(error: unknown, otherwise = 'popupUnavailable'): string {
  return error instanceof StorageFull ? 'storageFullNotSaved' : otherwise;
}
