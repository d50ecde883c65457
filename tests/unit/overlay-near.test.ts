import { describe, expect, it } from 'vitest';
import type { Rect } from '../../src/content/overlay/geometry';
import { createNearFinder } from '../../src/content/overlay/near';

/** A thread of `count` comments, 100 px apart, whose boxes the test moves; counts the boxes read. */
function thread(count: number) {
  const boxes: (Rect | null)[] = Array.from({ length: count }, (_, i) => ({
    left: 0,
    right: 600,
    top: i * 100,
    bottom: i * 100 + 90,
  }));
  let reads = 0;
  const finder = createNearFinder<number>((i) => {
    reads++;
    return boxes[i] ?? null;
  });
  for (let i = 0; i < count; i++) finder.add(i);
  return {
    boxes,
    finder,
    reads: () => {
      const n = reads;
      reads = 0;
      return n;
    },
  };
}

const sorted = (items: number[]) => [...items].sort((a, b) => a - b);

describe('the comments near the window', () => {
  it('are found reading only the boxes around the window, once they are placed', () => {
    const t = thread(2_000);
    expect(sorted(t.finder.near(50_000, 51_000))).toEqual(Array.from({ length: 11 }, (_, i) => 500 + i));
    t.reads(); // placing them read every box once
    t.finder.invalidate();
    expect(sorted(t.finder.near(120_000, 121_000))).toEqual(Array.from({ length: 11 }, (_, i) => 1_200 + i));
    expect(t.reads()).toBeLessThan(30);
    // Nothing changed since: the boxes read are trusted, nothing is read.
    expect(t.finder.near(120_000, 121_000)).toHaveLength(11);
    expect(t.reads()).toBe(0);
  });

  it('follows content inserted above them, which moved every box', () => {
    const t = thread(1_000);
    t.finder.near(0, 1_000);
    t.boxes.forEach((box) => {
      if (box) Object.assign(box, { top: box.top + 5_000, bottom: box.bottom + 5_000 });
    });
    t.finder.invalidate();
    expect(sorted(t.finder.near(50_000, 51_000))).toEqual(Array.from({ length: 11 }, (_, i) => 450 + i));
  });

  it('finds a comment that moved out of order, and one shown again after being hidden', () => {
    const t = thread(500);
    t.finder.near(0, 1_000);
    // Reply 3 is now drawn far below (a reused row).
    t.boxes[3] = { left: 0, right: 600, top: 30_050, bottom: 30_140 };
    t.finder.invalidate();
    expect(sorted(t.finder.near(0, 1_000))).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9, 10]);
    t.finder.invalidate();
    expect(sorted(t.finder.near(30_000, 30_200))).toEqual([3, 300, 301, 302]);
    // Reply 7 is hidden, then shown again there too.
    t.boxes[7] = null;
    t.finder.invalidate();
    expect(sorted(t.finder.near(0, 1_000))).toEqual([0, 1, 2, 4, 5, 6, 8, 9, 10]);
    t.boxes[7] = { left: 0, right: 600, top: 30_020, bottom: 30_060 };
    t.finder.invalidate();
    expect(sorted(t.finder.near(30_000, 30_200))).toEqual([3, 7, 300, 301, 302]);
  });

  it('forgets what is removed', () => {
    const t = thread(20);
    t.finder.remove(5);
    expect(sorted(t.finder.near(400, 700))).toEqual([4, 6, 7]);
  });
});
