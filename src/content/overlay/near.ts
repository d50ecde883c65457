/**
 * Which of the followed comments are near the window, without watching every one of them: an
 * IntersectionObserver on 2,000 comments computed 2,000 intersections at every frame of a busy page.
 * The comments are kept in the order of their boxes as last read (a thread is a vertical list); a
 * binary search finds where the window is, and the boxes are read again from there, outwards, until a
 * few comments in a row lie beyond it on each side. A box read since the page last changed is trusted;
 * when the walk finds a comment out of its place (comments loaded above, a list scrolled inside a
 * dialog), every box is read again, the order mended, and the walk done again.
 */
import type { Rect } from './geometry';

/** Comments in a row beyond the region before the walk stops on that side. */
const STOP_AFTER = 3;

interface Entry<T> {
  item: T;
  box: Rect | null;
  /** The page's state (`generation`) when the box was read; an older box is read again when needed. */
  readAt: number;
}

export interface NearFinder<T> {
  add(item: T): void;
  remove(item: T): void;
  /** The page may have changed: every box is read again when it is needed. */
  invalidate(): void;
  /** The items whose box meets the band `top`–`bottom` (page coordinates). */
  near(top: number, bottom: number): T[];
  /** An item's box now (read again if the page changed since it was last read). */
  boxOf(item: T): Rect | null;
}

/** `read` gives an item's box now, in page coordinates (null when it is not shown). */
export function createNearFinder<T>(read: (item: T) => Rect | null): NearFinder<T> {
  let generation = 0;
  /** Shown items, by the top of their box as last read. */
  let ordered: Entry<T>[] = [];
  /** Items not yet placed, or not shown when last read. */
  const unplaced = new Set<Entry<T>>();
  const entries = new Map<T, Entry<T>>();

  const boxOf = (entry: Entry<T>): Rect | null => {
    if (entry.readAt !== generation) {
      entry.box = read(entry.item);
      entry.readAt = generation;
    }
    return entry.box;
  };

  /** The first position whose box, as last read, starts at or below `top`. */
  const firstFrom = (top: number): number => {
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (((ordered[middle] as Entry<T>).box?.top ?? 0) < top) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  const place = () => {
    let moved = false;
    for (const entry of unplaced) {
      if (boxOf(entry) === null) continue;
      unplaced.delete(entry);
      ordered.splice(firstFrom(entry.box?.top ?? 0), 0, entry);
      moved = true;
    }
    return moved;
  };

  /**
   * From where the band starts in the order, reads boxes outwards until STOP_AFTER in a row lie beyond it
   * on each side; `disordered` when a box was not where the order kept it (or is gone).
   */
  const walk = (top: number, bottom: number) => {
    const found: T[] = [];
    let disordered = false;
    let last: number | null = null;
    const note = (box: Rect | null, upwards: boolean) => {
      if (box === null || (last !== null && (upwards ? box.top > last : box.top < last))) disordered = true;
      if (box !== null) last = box.top;
      return box;
    };
    const start = firstFrom(top);
    // Upwards: what lies above the band ends the walk; what lies below it has moved (read on).
    for (let i = start - 1, beyond = 0; i >= 0 && beyond < STOP_AFTER; i--) {
      const box = note(boxOf(ordered[i] as Entry<T>), true);
      if (box === null || box.bottom < top) {
        beyond += box === null ? 0 : 1;
        continue;
      }
      beyond = 0;
      if (box.top <= bottom) found.push((ordered[i] as Entry<T>).item);
      else disordered = true;
    }
    // Downwards, the same the other way.
    last = null;
    for (let i = start, beyond = 0; i < ordered.length && beyond < STOP_AFTER; i++) {
      const box = note(boxOf(ordered[i] as Entry<T>), false);
      if (box === null || box.top > bottom) {
        beyond += box === null ? 0 : 1;
        continue;
      }
      beyond = 0;
      if (box.bottom >= top) found.push((ordered[i] as Entry<T>).item);
      else disordered = true;
    }
    return { found, disordered };
  };

  return {
    add(item) {
      if (entries.has(item)) return;
      const entry = { item, box: null, readAt: -1 };
      entries.set(item, entry);
      unplaced.add(entry);
    },
    remove(item) {
      const entry = entries.get(item);
      if (!entry) return;
      entries.delete(item);
      unplaced.delete(entry);
      const at = ordered.indexOf(entry);
      if (at >= 0) ordered.splice(at, 1);
    },
    invalidate() {
      generation += 1;
    },
    boxOf(item) {
      const entry = entries.get(item);
      return entry ? boxOf(entry) : null;
    },
    near(top, bottom) {
      place();
      const first = walk(top, bottom);
      if (!first.disordered) return first.found;
      // Some boxes were not where their order said: every box is read again and the order mended, so this
      // walk and the next ones can trust it (a walk over a jumbled order may stop short of the window).
      for (const entry of ordered) if (boxOf(entry) === null) unplaced.add(entry);
      ordered = ordered
        .filter((entry) => entry.box !== null)
        .sort((a, b) => (a.box?.top ?? 0) - (b.box?.top ?? 0));
      return walk(top, bottom).found;
    },
  };
}
