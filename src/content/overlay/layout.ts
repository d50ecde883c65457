/**
 * Follows the badged comments on the page and decides what to draw where, once per frame and only when
 * something moved: only the comments near the window (near.ts) have their boxes read. Badges, shields and
 * the ring are placed in page coordinates on a layer that follows the window's scrolling, so scrolling
 * the page costs one transform and a look at boxes already read; a scroll inside the page (a dialog), a
 * resize, a comment near the window or the document changing size, or the page's own changes
 * (`schedule`) read the boxes again. While a modal dialog is in front of the page, only the comments in it
 * are drawn. Nothing runs while the tab is hidden.
 */
import { batch } from '@preact/signals';
import { whileVisible } from '../timers';
import { BADGE_HEIGHT, badgeSpot, type CardSpot, cardSpot, type Rect, union } from './geometry';
import type { OverlayHost } from './host';
import type { Drawn, OverlayComment, OverlayModel, View } from './model';
import { createNearFinder } from './near';

/** Comments this far outside the window (a share of its height) are drawn ahead of scrolling in. */
const FOLLOW_FRACTION = 0.5;
const SHIELD_MARGIN = 2;
/** The ring around a comment the popup asked to show sits this far outside its box. */
const RING_OUTSET = 4;
/** No box is drawn further than this from the page's origin: a hostile page cannot stretch the layer. */
const FAR = 10_000_000;

export interface LayoutTracker {
  follow(element: HTMLElement): void;
  unfollow(element: HTMLElement): void;
  /** Something on the page may have moved: boxes are read again on the next frame. */
  schedule(): void;
  /** The page itself changed: it draws a frame of its own next, in which the boxes are read. */
  pageChanged(): void;
}

export function trackLayout(options: {
  model: OverlayModel;
  host: OverlayHost;
  /** The comment an element shows now (X reuses elements for other comments). */
  commentOf(element: Element): OverlayComment | undefined;
  commentByKey(key: string): OverlayComment | undefined;
  /** The width of every badge (laid out once per language: a read, like the boxes). */
  badgeWidth(): number;
  signal: AbortSignal;
}): LayoutTracker {
  const { model, host, commentOf } = options;
  /** The window at the current pass: boxes read during it are turned into page coordinates with it. */
  let view: View = model.view.peek();
  const finder = createNearFinder<HTMLElement>((element) => {
    if (!element.isConnected) return null;
    const rect = element.getBoundingClientRect();
    return rect.width === 0 && rect.height === 0 ? null : onPage(rect, view);
  });
  /** The comments near the window at the last pass, whose size changes are watched. */
  let near = new Set<HTMLElement>();
  let resizes: ResizeObserver | null = null;
  let frame = 0;
  /** Only the window scrolled since the last pass: no box changed, only which ones are near. */
  let scrollOnly = true;
  /** The open card's comment (its author line, words and badge), in page coordinates. */
  let cardZone: Rect | null = null;
  /** Each comment's box when it was last drawn: one that has not moved is not read further. */
  const drawnBoxes = new WeakMap<HTMLElement, Rect>();
  /** The modal dialog in front of the page (Facebook's post dialog): the comments behind it are not drawn. */
  let modal: Element | null = null;

  const requestFrame = () => {
    if (frame === 0 && resizes !== null) frame = requestAnimationFrame(pass);
  };
  const schedule = () => {
    scrollOnly = false;
    requestFrame();
  };
  let drawQueued = false;
  /**
   * A comment newly followed (its verdict came) is drawn in the page's frame when one is coming (the page
   * changed), else at once: nothing moved since the last pass, so only the new boxes are read, without
   * a layout, and the badge is painted in the next frame instead of a frame requested now. Once for all
   * the verdicts of an answer.
   */
  const drawSoon = () => {
    if (frame !== 0 || drawQueued || resizes === null) return;
    drawQueued = true;
    queueMicrotask(() => {
      drawQueued = false;
      if (frame === 0 && resizes !== null) pass();
    });
  };
  /** The page's size when boxes were last read: its resize observer is told of sizes already read. */
  let pageBox: Rect | null = null;
  /**
   * Sizes changed: read again, unless every one is what the last pass read (a comment just observed is
   * reported at once; the page grew by the replies whose boxes that pass read). No frame for nothing.
   * The sizes come with the entries: reading each box again cost more than the rest of the check. A size
   * that differs only by how it is measured (a transform, a vertical script) reads the boxes again.
   */
  const onResize = (entries: ResizeObserverEntry[]) => {
    for (const { target, borderBoxSize } of entries) {
      const was = target === document.documentElement ? pageBox : drawnBoxes.get(target as HTMLElement);
      const size = borderBoxSize?.[0];
      if (!was || !size || !sameSize(was, size.inlineSize, size.blockSize)) {
        schedule();
        return;
      }
    }
  };
  const onScroll = (event: Event) => {
    if (event.target !== document) scrollOnly = false;
    requestFrame();
  };

  const pass = () => {
    frame = 0;
    host.ensureAttached();
    view = {
      x: window.scrollX,
      y: window.scrollY,
      width: document.documentElement.clientWidth,
      height: document.documentElement.clientHeight,
    };
    const placement = host.placement();
    if (!scrollOnly) {
      finder.invalidate();
      modal = modalInFront();
      pageBox = onPage(document.documentElement.getBoundingClientRect(), view);
    }
    const badgeWidth = options.badgeWidth();
    const badgesResized = badgeWidth !== model.badgeWidth.peek();
    const drawn = readBoxes(badgeWidth, badgesResized);
    const ring = ringNow();
    scrollOnly = true;
    // Every box is read before anything is drawn: a box read after a change of the layer (its scroll
    // transform, a badge) would have the browser work out the page's styles again, once more a frame.
    batch(() => {
      host.fitWindow(placement, view.width, view.height);
      const before = model.view.peek();
      if (
        view.x !== before.x ||
        view.y !== before.y ||
        view.width !== before.width ||
        view.height !== before.height
      )
        model.view.value = view;
      if (badgesResized) model.badgeWidth.value = badgeWidth;
      const current = model.drawn.peek();
      if (drawn.length !== current.length || drawn.some((d, i) => d !== current[i]))
        model.drawn.value = drawn;
      if (!sameRect(ring, model.ring.peek())) model.ring.value = ring;
      placeCard();
    });
  };

  /**
   * Whether the page has a modal dialog at all: null when unknown (looked up at the next pass), known
   * otherwise until a change could make or unmake one (a subtree holding one added, any removal while one
   * is there, an `aria-modal` set or cleared). A hit test through a long thread, or a search of the whole
   * document, at every change of the page cost it more than everything else the overlay does.
   */
  let modalPresent: boolean | null = null;
  const watchModals = (records: MutationRecord[]) => {
    for (const record of records) {
      if (modalPresent === null) return;
      if (record.type === 'attributes' || (modalPresent && record.removedNodes.length > 0)) {
        modalPresent = null;
        return;
      }
      for (const added of record.addedNodes)
        if (added.nodeType === 1 && holdsModal(added as Element)) {
          modalPresent = null;
          return;
        }
    }
  };

  /**
   * The modal dialog over the middle of the window, if there is one (a scroll cannot open or close one):
   * one hit test, past the overlay's own element, only when the page has a modal dialog.
   */
  const modalInFront = (): Element | null => {
    modalPresent ??= document.querySelector(MODAL) !== null;
    if (!modalPresent) return null;
    const hits = document.elementsFromPoint(view.width / 2, view.height / 2);
    return hits.find((hit) => !host.isOwnNode(hit))?.closest(MODAL) ?? null;
  };

  /** What to draw for the comments near the window, from their boxes (read only: nothing is drawn here). */
  const readBoxes = (badgeWidth: number, badgesResized: boolean): Drawn[] => {
    const reach = view.height * FOLLOW_FRACTION;
    const nearNow = new Set(finder.near(view.y - reach, view.y + view.height + reach));
    for (const element of near) if (!nearNow.has(element)) resizes?.unobserve(element);
    for (const element of nearNow) if (!near.has(element)) resizes?.observe(element);
    near = nearNow;
    const previous = new Map(model.drawn.peek().map((d) => [d.comment.key, d]));
    const drawn: Drawn[] = [];
    for (const element of near) {
      const comment = commentOf(element);
      const box = finder.boxOf(element);
      if (!comment || !box || (modal !== null && !modal.contains(element))) continue;
      const before = previous.get(comment.key);
      const moved = !sameRect(box, drawnBoxes.get(element) ?? null);
      drawnBoxes.set(element, box);
      const isOpen = comment.key === model.openKey.peek();
      // The escalation kit's screenshot shows the comment's words.
      const shielded = comment.shielded && comment.key !== model.capturing.peek();
      if (
        before &&
        before.comment === comment &&
        !moved &&
        !badgesResized &&
        !isOpen &&
        (before.shield !== null) === shielded
      ) {
        // Neither changed nor moved: the same drawing, the same object, nothing drawn again.
        drawn.push(before);
        continue;
      }
      const anchor = onPage(comment.anchor.getBoundingClientRect(), view);
      const badge = badgeSpot(anchor, box, comment.rtl, badgeWidth);
      const words = shielded ? union(comment.bodies.map((body) => body.getBoundingClientRect())) : null;
      const shield = words && covering(onPage(words, view));
      drawn.push(
        before &&
          before.comment === comment &&
          samePoint(before.badge, badge) &&
          sameRect(before.shield, shield)
          ? before
          : { comment, badge, shield },
      );
      if (isOpen)
        cardZone = union([
          anchor,
          ...(shield ? [shield] : comment.bodies.map((body) => onPage(body.getBoundingClientRect(), view))),
          {
            left: badge.x,
            top: badge.y,
            right: badge.x + badgeWidth,
            bottom: badge.y + BADGE_HEIGHT,
          },
        ]);
    }
    return drawn.sort(inReadingOrder);
  };

  const placeCard = () => {
    const open = model.openKey.peek();
    if (open !== null && !model.drawn.peek().some((d) => d.comment.key === open)) {
      // Its comment left the window: the card goes with it.
      model.openKey.value = null;
    }
    const viewport: Rect = { left: 0, top: 0, right: view.width, bottom: view.height };
    const zone = model.openKey.peek() === null ? null : cardZone;
    const spot =
      zone &&
      cardSpot(
        {
          left: zone.left - view.x,
          top: zone.top - view.y,
          right: zone.right - view.x,
          bottom: zone.bottom - view.y,
        },
        viewport,
      );
    if (!sameSpot(spot, model.cardSpot.peek())) model.cardSpot.value = spot;
  };

  /** The ring around the comment the popup asked to show, if any. */
  const ringNow = (): Rect | null => {
    const key = model.highlightKey.peek();
    const comment = key === null ? undefined : options.commentByKey(key);
    const box = comment?.element.isConnected ? onPage(comment.element.getBoundingClientRect(), view) : null;
    return (
      box && {
        left: box.left - RING_OUTSET,
        top: box.top - RING_OUTSET,
        right: box.right + RING_OUTSET,
        bottom: box.bottom + RING_OUTSET,
      }
    );
  };

  whileVisible(options.signal, (visible) => {
    const modals = new MutationObserver(watchModals);
    modals.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-modal'],
    });
    // A style or class on <html> can move the overlay's element with it (host.ts), without a scroll.
    const rootStyle = new MutationObserver(schedule);
    rootStyle.observe(document.documentElement, { attributes: true });
    modalPresent = null;
    resizes = new ResizeObserver(onResize);
    pageBox = null;
    // Content added or removed above the comments moves them without resizing them.
    resizes.observe(document.documentElement);
    near = new Set();
    schedule();
    addEventListener('scroll', onScroll, { capture: true, passive: true, signal: visible });
    addEventListener('resize', schedule, { passive: true, signal: visible });
    visible.addEventListener('abort', () => {
      modals.disconnect();
      rootStyle.disconnect();
      resizes?.disconnect();
      resizes = null;
      cancelAnimationFrame(frame);
      frame = 0;
    });
  });

  return {
    follow(element) {
      finder.add(element);
      drawSoon();
    },
    unfollow(element) {
      finder.remove(element);
      resizes?.unobserve(element);
      if (near.delete(element)) schedule();
    },
    schedule,
    pageChanged: schedule,
  };
}

const MODAL = '[aria-modal="true"]';

function holdsModal(element: Element): boolean {
  return element.matches(MODAL) || element.querySelector(MODAL) !== null;
}

/** A box of the window (getBoundingClientRect) in page coordinates, no further than FAR from the origin. */
function onPage(rect: Rect, view: View): Rect {
  return {
    left: clampFar(rect.left + view.x),
    top: clampFar(rect.top + view.y),
    right: clampFar(rect.right + view.x),
    bottom: clampFar(rect.bottom + view.y),
  };
}

function clampFar(value: number): number {
  return Math.max(-FAR, Math.min(FAR, value));
}

/** The words' box in whole pixels, with a margin for the glyphs that reach past it (accents, emoji). */
function covering(rect: Rect): Rect {
  return {
    left: Math.floor(rect.left) - SHIELD_MARGIN,
    top: Math.floor(rect.top) - SHIELD_MARGIN,
    right: Math.ceil(rect.right) + SHIELD_MARGIN,
    bottom: Math.ceil(rect.bottom) + SHIELD_MARGIN,
  };
}

/** Top to bottom, then along the line: the order arrow keys follow. */
function inReadingOrder(a: Drawn, b: Drawn): number {
  return a.badge.y - b.badge.y || a.badge.x - b.badge.x;
}

function samePoint(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return a.x === b.x && a.y === b.y;
}

function sameRect(a: Rect | null, b: Rect | null): boolean {
  if (a === null || b === null) return a === b;
  return a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;
}

/** Box sizes as the two ways of reading them give them (their floating-point sums differ in the last bits). */
function sameSize(box: Rect, width: number, height: number): boolean {
  return Math.abs(box.right - box.left - width) < 0.01 && Math.abs(box.bottom - box.top - height) < 0.01;
}

function sameSpot(a: CardSpot | null, b: CardSpot | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.left === b.left &&
    a.width === b.width &&
    a.top === b.top &&
    a.bottom === b.bottom &&
    a.maxHeight === b.maxHeight
  );
}
