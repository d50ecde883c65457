/**
 * Whether the database is refusing writes because the browser's storage quota is exhausted. Comments
 * keep waiting in their tabs (they are resent until stored), and the pages say so and offer to free
 * space, instead of logging failing silently.
 */
export interface StorageHealth {
  /** Epoch ms of the first refused write since the last successful one, or null when writes succeed. */
  fullSince: number | null;
}

export function isQuotaError(error: unknown): boolean {
  // Dexie keeps the DOMException's name (and wraps it as `inner` in some paths).
  const named = (value: unknown) => (value as { name?: unknown } | null)?.name === 'QuotaExceededError';
  return named(error) || named((error as { inner?: unknown } | null)?.inner);
}

/** Notes in `health` a write the browser refused for want of space; whether `error` was that. */
function notedFull(health: StorageHealth, now: number, error: unknown): boolean {
  if (!isQuotaError(error)) return false;
  health.fullSince ??= now;
  return true;
}

/** Runs a write and keeps `health` up to date with what the browser said. */
export async function watchWrite<T>(health: StorageHealth, now: number, write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    health.fullSince = null;
    return result;
  } catch (error) {
    notedFull(health, now, error);
    throw error;
  }
}

type Handler = (...args: never[]) => Promise<unknown>;
export type WatchedHandlers<H, R> = {
  [K in keyof H]: H[K] extends (...args: infer A) => Promise<infer T>
    ? (...args: A) => Promise<T | R>
    : never;
};

/**
 * Every handler's writes go through the same watch: when the browser refuses one for want of space,
 * `health` says so (the popup and the dashboard show the storage-full notice, with its button to free
 * space) and the handler answers `whenFull()`, or fails as before when there is none (the content scripts
 * say that an action failed).
 */
export function watchHandlers<H extends Record<string, Handler>, R = never>(
  handlers: H,
  health: StorageHealth,
  now: () => number,
  whenFull?: () => R,
): WatchedHandlers<H, R> {
  const watched = Object.entries(handlers).map(([type, handler]) => [
    type,
    async (...args: never[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        if (!notedFull(health, now(), error) || !whenFull) throw error;
        return whenFull();
      }
    },
  ]);
  return Object.fromEntries(watched) as WatchedHandlers<H, R>;
}
