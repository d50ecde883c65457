/**
 * Where the overlay draws, from the boxes of the site's own elements (viewport coordinates, CSS px). Pure:
 * the layout pass reads the boxes, these functions place the badge, the shield and the card.
 */

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Every badge has the same box, whatever its label: nothing a page can probe differs by verdict. Its
 * height is fixed; its width is that of the widest badge in the CM's language and fonts (measured once by
 * the overlay, draw.ts), so no badge's words are cut off.
 */
export const BADGE_HEIGHT = 22;
/** A shield's panel is this size, cut to the words it covers: no comment's words reach further. */
export const SHIELD_REACH = 1_000_000;
const BADGE_GAP = 6;
const CARD_GAP = 6;
/** The card's width when the window allows it, and its margin to the window's edges. */
export const CARD_WIDTH = 416;
const EDGE = 8;
/** Below this much room on either side the card gives up on not covering the comment's words. */
const MIN_CARD_HEIGHT = 96;
/** Room below the comment that is enough for most cards: below is where the eye goes next. */
const ENOUGH_BELOW = 320;

export function union(rects: readonly Rect[]): Rect | null {
  let out: Rect | null = null;
  for (const r of rects) {
    if (r.right <= r.left || r.bottom <= r.top) continue;
    out = out
      ? {
          left: Math.min(out.left, r.left),
          top: Math.min(out.top, r.top),
          right: Math.max(out.right, r.right),
          bottom: Math.max(out.bottom, r.bottom),
        }
      : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }
  return out;
}

/**
 * The badge's top-left corner: after the author line (before it in right-to-left pages), inside the
 * comment, centred on the line's first row.
 */
export function badgeSpot(anchor: Rect, comment: Rect, rtl: boolean, width: number): Point {
  const height = BADGE_HEIGHT;
  const wanted = rtl ? anchor.left - BADGE_GAP - width : anchor.right + BADGE_GAP;
  const x = Math.max(comment.left, Math.min(wanted, comment.right - width));
  const row = Math.min(anchor.bottom - anchor.top, 2 * height);
  return { x: Math.round(x), y: Math.round(anchor.top + (row - height) / 2) };
}

export interface CardSpot {
  left: number;
  width: number;
  /** Distance from the window's top (the card opens downwards) or bottom (it opens upwards). */
  top: number | null;
  bottom: number | null;
  maxHeight: number;
}

/**
 * The card goes below the comment's author line and words (`zone`), or above them near the bottom of the
 * window, never over them while either side has room; it scrolls within the room it has.
 */
export function cardSpot(zone: Rect, viewport: Rect): CardSpot {
  const width = Math.min(CARD_WIDTH, viewport.right - viewport.left - 2 * EDGE);
  const left = Math.max(EDGE, Math.min(zone.left, viewport.right - EDGE - width));
  const below = viewport.bottom - zone.bottom - CARD_GAP - EDGE;
  const above = zone.top - viewport.top - CARD_GAP - EDGE;
  if (below >= ENOUGH_BELOW || below >= above) {
    const maxHeight = Math.max(below, MIN_CARD_HEIGHT);
    const top = Math.min(zone.bottom + CARD_GAP, viewport.bottom - EDGE - maxHeight);
    return { left, width, top: Math.round(top), bottom: null, maxHeight: Math.round(maxHeight) };
  }
  const maxHeight = Math.max(above, MIN_CARD_HEIGHT);
  const bottom = Math.min(viewport.bottom - zone.top + CARD_GAP, viewport.bottom - EDGE - maxHeight);
  return { left, width, top: null, bottom: Math.round(bottom), maxHeight: Math.round(maxHeight) };
}
