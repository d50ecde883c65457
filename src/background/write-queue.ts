/**
 * Coalesces writes from every tab into one transaction per tick: a busy page or three tabs at once
 * cost one IndexedDB transaction, not one per message. Each caller learns when its own items are durable,
 * and what the write returned for the whole batch (its items among others').
 */
export function createWriteQueue<T, R = void>(write: (items: T[]) => Promise<R>) {
  let pending: { items: T[]; done: Promise<R> } | null = null;

  return function enqueue(items: T[]): Promise<R> {
    if (!pending) {
      const batch: T[] = [];
      pending = {
        items: batch,
        done: Promise.resolve().then(() => {
          pending = null;
          return write(batch);
        }),
      };
    }
    pending.items.push(...items);
    return pending.done;
  };
}
