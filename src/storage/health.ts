/**
 * Whether the database is refusing writes because the browser's storage quota is exhausted. Comments
 * keep waiting in their tabs (they are resent until stored), and the popup says so and offers to free
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

/** Runs a write and keeps `health` up to date with what the browser said. */
export async function watchWrite<T>(health: StorageHealth, now: number, write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    health.fullSince = null;
    return result;
  } catch (error) {
    if (isQuotaError(error)) health.fullSince ??= now;
    throw error;
  }
}
