import { describe, expect, it } from 'vitest';
import { loadOrCreateInstallSecret } from '../../../src/export/install-secret';

function memoryStore(initial?: string) {
  let value = initial;
  const writes: string[] = [];
  return {
    writes,
    store: {
      read: async () => value,
      write: async (next: string) => {
        writes.push(next);
        value = next;
      },
    },
  };
}

describe('the per-install secret', () => {
  it('is made once, 32 random bytes, then read back as it is', async () => {
    const { store, writes } = memoryStore();
    const first = await loadOrCreateInstallSecret(store);
    expect(first).toHaveLength(32);
    expect(writes).toHaveLength(1);
    expect(await loadOrCreateInstallSecret(store)).toEqual(first);
    expect(writes).toHaveLength(1);
    const other = await loadOrCreateInstallSecret(memoryStore().store);
    expect(other).not.toEqual(first);
  });

  it('replaces a damaged value', async () => {
    const { store, writes } = memoryStore('not base64 at all');
    expect(await loadOrCreateInstallSecret(store)).toHaveLength(32);
    expect(writes).toHaveLength(1);
  });
});
