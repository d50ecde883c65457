/**
 * Follows the badged comments on the page and decides, once per frame and only when something moved,
 * what to draw where: an IntersectionObserver tells which comments are near the window, and only those
 * have their boxes read. Scrolling, resizing, a comment or the document changing size, or the page's own
 * changes (`schedule`) ask for a new pass. Nothing runs while the tab is hidden.
 */
import { whileVisible } from '../timers';
import { BADGE_SIZE, badgeSpot, type CardSpot, cardSpot, intersect, type Rect, union } from './geometry';
import type { OverlayHost } from './host';
import type { Drawn, OverlayComment, OverlayModel } from './model';

/** Comments this far outside the window are followed, so their badges are ready when they scroll in. */
const FOLLOW_MARGIN = '50% 0px';
/** The ring around a comment the popup asked to show sits this far outside its box. */
const RING_OUTSET = 4;

export interface LayoutTracker {
  follow(element: HTMLElement): void;
  unfollow(element: HTMLElement): void;
  /** Something on the page may have moved: boxes are read again on the next frame. */
  schedule(): void;
}

export function trackLayout(options: {
  model: OverlayModel;
  host: OverlayHost;
  /** The comment an element shows now (X reuses elements for other comments). */
  commentOf(element: Element): OverlayComment | undefined;
  commentByKey(key: string): OverlayComment | undefined;
  /** Every element followed, to observe again when the tab shows again. */
  followed(): Iterable<HTMLElement>;
  signal: AbortSignal;
}): LayoutTracker {
  const { model, host, commentOf } = options;
  const near = new Set<HTMLElement>();
  let intersections: IntersectionObserver | null = null;
  let resizes: ResizeObserver | null = null;
  let frame = 0;

  const schedule = () => {
    if (frame !== 0 || intersections === null) return;
    frame = requestAnimationFrame(pass);
  };

  const pass = () => {
    frame = 0;
    host.ensureAttached();
    const viewport: Rect = {
      left: 0,
      top: 0,
      right: document.documentElement.clientWidth,
      bottom: document.documentElement.clientHeight,
    };
    const drawn: Drawn[] = [];
    for (const element of near) {
      const comment = commentOf(element);
      if (!comment || !element.isConnected) continue;
      const box = element.getBoundingClientRect();
      if (!intersect(box, viewport)) continue;
      const badge = isCovered(comment, viewport)
        ? null
        : badgeSpot(comment.anchor.getBoundingClientRect(), box, comment.rtl, viewport);
      const words = comment.shielded
        ? union(comment.bodies.map((body) => body.getBoundingClientRect()))
        : null;
      const shield = words && intersect(rounded(words), viewport);
      if (badge || shield) drawn.push({ comment, badge, shield });
    }
    drawn.sort(inReadingOrder);
    if (!sameDrawing(drawn, model.drawn.peek())) model.drawn.value = drawn;
    placeCard(drawn, viewport);
    placeRing(viewport);
  };

  /** The author line is under something else of the page (a sticky header, a menu, a dialog). */
  const isCovered = (comment: OverlayComment, viewport: Rect) => {
    const line = comment.anchor.getBoundingClientRect();
    const x = comment.rtl ? line.right - 2 : line.left + 2;
    const y = line.top + Math.min(line.bottom - line.top, 16) / 2;
    if (!intersect({ left: x, top: y, right: x + 1, bottom: y + 1 }, viewport)) return true;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && !host.isOwnNode(hit) && !comment.element.contains(hit);
  };

  const placeCard = (drawn: readonly Drawn[], viewport: Rect) => {
    const open = model.openKey.peek();
    const shown = open === null ? undefined : drawn.find((d) => d.comment.key === open && d.badge);
    if (!shown?.badge) {
      // Its comment left the window: the card goes with it.
      if (open !== null) model.openKey.value = null;
      return;
    }
    const { comment, badge } = shown;
    const zone = union([
      comment.anchor.getBoundingClientRect(),
      ...comment.bodies.map((body) => body.getBoundingClientRect()),
      { left: badge.x, top: badge.y, right: badge.x + 1, bottom: badge.y + BADGE_SIZE.height },
    ]);
    const spot = zone && cardSpot(zone, viewport);
    if (!sameSpot(spot, model.cardSpot.peek())) model.cardSpot.value = spot;
  };

  const placeRing = (viewport: Rect) => {
    const key = model.highlightKey.peek();
    const comment = key === null ? undefined : options.commentByKey(key);
    const box = comment?.element.isConnected ? comment.element.getBoundingClientRect() : undefined;
    const ring = box
      ? intersect(
          rounded({
            left: box.left - RING_OUTSET,
            top: box.top - RING_OUTSET,
            right: box.right + RING_OUTSET,
            bottom: box.bottom + RING_OUTSET,
          }),
          viewport,
        )
      : null;
    if (!sameRect(ring, model.ring.peek())) model.ring.value = ring;
  };

  whileVisible(options.signal, (visible) => {
    const observing = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const element = entry.target as HTMLElement;
          if (entry.isIntersecting) {
            near.add(element);
            resizes?.observe(element);
          } else {
            near.delete(element);
            resizes?.unobserve(element);
          }
        }
        schedule();
      },
      { rootMargin: FOLLOW_MARGIN },
    );
    intersections = observing;
    resizes = new ResizeObserver(schedule);
    // Content added or removed above the comments moves them without resizing them.
    resizes.observe(document.documentElement);
    for (const element of options.followed()) observing.observe(element);
    addEventListener('scroll', schedule, { capture: true, passive: true, signal: visible });
    addEventListener('resize', schedule, { passive: true, signal: visible });
    visible.addEventListener('abort', () => {
      observing.disconnect();
      resizes?.disconnect();
      intersections = null;
      resizes = null;
      near.clear();
      cancelAnimationFrame(frame);
      frame = 0;
    });
  });

  return {
    follow(element) {
      intersections?.observe(element);
    },
    unfollow(element) {
      intersections?.unobserve(element);
      resizes?.unobserve(element);
      if (near.delete(element)) schedule();
    },
    schedule,
  };
}

function rounded(rect: Rect): Rect {
  return {
    left: Math.floor(rect.left),
    top: Math.floor(rect.top),
    right: Math.ceil(rect.right),
    bottom: Math.ceil(rect.bottom),
  };
}

/** Top to bottom, then along the line: the order arrow keys follow. */
function inReadingOrder(a: Drawn, b: Drawn): number {
  const ay = a.badge?.y ?? a.shield?.top ?? 0;
  const by = b.badge?.y ?? b.shield?.top ?? 0;
  return ay - by || (a.badge?.x ?? 0) - (b.badge?.x ?? 0);
}

function sameDrawing(next: readonly Drawn[], previous: readonly Drawn[]): boolean {
  if (next.length !== previous.length) return false;
  return next.every((d, i) => {
    const p = previous[i] as Drawn;
    return (
      d.comment === p.comment &&
      d.badge?.x === p.badge?.x &&
      d.badge?.y === p.badge?.y &&
      sameRect(d.shield, p.shield)
    );
  });
}

function sameRect(a: Rect | null, b: Rect | null): boolean {
  if (a === null || b === null) return a === b;
  return a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;
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
