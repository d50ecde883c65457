/**
 * Elements of the overlay kept out of sight when the comment they showed leaves the window's
 * surroundings, to show the next comment of the same kind: while replies stream in, one comes into view
 * as another leaves, and moving an element costs the page a fraction of what adding one and removing
 * another does (no style for a new element, no layout). In the overlay's structure, elements stay where
 * they were added.
 */

/** Far above the page, which no window ever shows. */
const OUT_OF_SIGHT = 'translate(0px, -1000000px)';

export interface Spares<Kind, Kept extends HTMLElement> {
  /** Keeps `element` of `kind` out of sight for later; past `max` of its kind, removes it. */
  put(kind: Kind, element: Kept): void;
  /** An element of `kind` kept for later, now the caller's, or undefined. */
  take(kind: Kind): Kept | undefined;
  /** Removes every element kept. */
  clear(): void;
}

export function createSpares<Kind, Kept extends HTMLElement>(max: number): Spares<Kind, Kept> {
  const kept = new Map<Kind, Kept[]>();
  return {
    put(kind, element) {
      const spare = kept.get(kind) ?? [];
      if (spare.length >= max) {
        element.remove();
        return;
      }
      // Out of the Tab order, and the focus does not stay on it (removing it did the same).
      if (element.tabIndex !== -1) element.tabIndex = -1;
      if (element.matches(':focus')) element.blur();
      delete element.dataset.key;
      element.setAttribute('aria-hidden', 'true');
      element.style.transform = OUT_OF_SIGHT;
      spare.push(element);
      kept.set(kind, spare);
    },
    take(kind) {
      const element = kept.get(kind)?.pop();
      element?.removeAttribute('aria-hidden');
      return element;
    },
    clear() {
      for (const spare of kept.values()) for (const element of spare) element.remove();
      kept.clear();
    },
  };
}
