/**
 * Every handler's writes go through one watch: a write the browser refuses for want of space marks the
 * storage full (the pages' notice) and answers the pages so; a content script's message fails as before.
 */
import { describe, expect, it } from 'vitest';
import { STORAGE_FULL_REPLY } from '../../../src/shared/envelope';
import { type StorageHealth, watchHandlers } from '../../../src/storage/health';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const handlers = {
  save: async (ok: boolean) => {
    if (!ok) throw quota();
    return { ok: true } as const;
  },
  broken: async () => {
    throw new TypeError('a bug');
  },
};

describe('watchHandlers', () => {
  it('answers a page that its change was not saved for want of space, and says the storage is full', async () => {
    const health: StorageHealth = { fullSince: null };
    const watched = watchHandlers(
      handlers,
      health,
      () => 42,
      () => STORAGE_FULL_REPLY,
    );
    expect(await watched.save(true)).toEqual({ ok: true });
    expect(health.fullSince).toBeNull();
    expect(await watched.save(false)).toEqual({ ok: false, reason: 'storage_full' });
    expect(health.fullSince).toBe(42);
    await expect(watched.broken()).rejects.toThrow('a bug');
  });

  it("fails a content script's message as before, saying the storage is full", async () => {
    const health: StorageHealth = { fullSince: null };
    const watched = watchHandlers(handlers, health, () => 7);
    await expect(watched.save(false)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(health.fullSince).toBe(7);
  });
});
