import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../../src/background/write-queue';

describe('createWriteQueue', () => {
  it('coalesces items enqueued in the same tick into one write', async () => {
    const writes: number[][] = [];
    const enqueue = createWriteQueue<number>(async (items) => {
      writes.push(items);
    });
    await Promise.all([enqueue([1, 2]), enqueue([3]), enqueue([4])]);
    expect(writes).toEqual([[1, 2, 3, 4]]);
    await enqueue([5]);
    expect(writes).toEqual([[1, 2, 3, 4], [5]]);
  });

  it('gives every caller of a batch what its write returned', async () => {
    const enqueue = createWriteQueue<number, number[]>(async (items) =>
      items.filter((item) => item % 2 === 0),
    );
    expect(await Promise.all([enqueue([1, 2]), enqueue([4])])).toEqual([
      [2, 4],
      [2, 4],
    ]);
  });

  it('rejects every caller of a failed write, and the next write starts fresh', async () => {
    let fail = true;
    const enqueue = createWriteQueue<number>(async () => {
      if (fail) throw new Error('quota');
    });
    const results = await Promise.allSettled([enqueue([1]), enqueue([2])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(enqueue([3])).resolves.toBeUndefined();
  });
});
