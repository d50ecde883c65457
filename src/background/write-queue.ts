/**
 * Coalesces writes from every tab into one transaction per tick: a busy page or three tabs at once
 * cost one IndexedDB transaction, not one per message. Each caller learns when its own items are durable.
 */
export function createWriteQueue<T>(write: (items: T[]) => Promise<void>) {
  let pending: { items: T[]; done: Promise<void> } | null = null;

  return function enqueue(items: T[]): Promise<void> {
    if (!pending) {
      const batch = { items: [] as T[], done: Promise.resolve() };
      batch.done = Promise.resolve().then(() => {
        pending = null;
        return write(batch.items);
      });
      pending = batch;
    }
    pending.items.push(...items);
    return pending.done;
  };
}
