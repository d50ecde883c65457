import { describe, expect, it } from 'vitest';
import { badgeSpot, CARD_WIDTH, cardSpot, type Rect, union } from '../../src/content/overlay/geometry';

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({
  left,
  top,
  right,
  bottom,
});
const WINDOW = rect(0, 0, 1280, 900);
/** A 1280 × 900 window at 200 % zoom: 640 × 450 CSS pixels. */
const ZOOMED = rect(0, 0, 640, 450);
const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function cardBox(spot: ReturnType<typeof cardSpot>, viewport: Rect): Rect {
  const top = spot.top ?? viewport.bottom - (spot.bottom ?? 0) - spot.maxHeight;
  return rect(spot.left, top, spot.left + spot.width, top + spot.maxHeight);
}

describe('badge placement', () => {
  /** The badges' width, as the overlay measures it in the CM's language. */
  const width = 160;
  const comment = rect(300, 100, 900, 220);
  const authorLine = rect(360, 110, 560, 130);

  it('follows the author line, inside the comment, centred on its first row', () => {
    expect(badgeSpot(authorLine, comment, false, width)).toEqual({ x: 566, y: 109 });
  });

  it('goes before the author line in a right-to-left page, and stays within the comment', () => {
    const rightToLeft = rect(640, 110, 880, 130);
    expect(badgeSpot(rightToLeft, comment, true, width).x).toBe(640 - 6 - width);
    const longName = rect(360, 110, 880, 130);
    expect(badgeSpot(longName, comment, false, width).x).toBe(900 - width);
  });
});

describe('card placement', () => {
  it('opens below the comment when there is room, without covering it', () => {
    const zone = rect(300, 100, 900, 180);
    const spot = cardSpot(zone, WINDOW);
    expect(spot.top).toBe(186);
    expect(overlaps(cardBox(spot, WINDOW), zone)).toBe(false);
    expect(spot.width).toBe(CARD_WIDTH);
  });

  it('flips above the comment near the bottom of the window', () => {
    const zone = rect(300, 760, 900, 840);
    const spot = cardSpot(zone, WINDOW);
    expect(spot.top).toBeNull();
    const box = cardBox(spot, WINDOW);
    expect(overlaps(box, zone)).toBe(false);
    expect(box.top).toBeGreaterThanOrEqual(0);
  });

  it('fits the window at 200 % zoom, in width and height, still clear of the comment', () => {
    for (const zone of [rect(16, 40, 620, 160), rect(16, 300, 620, 420), rect(300, 200, 620, 260)]) {
      const spot = cardSpot(zone, ZOOMED);
      const box = cardBox(spot, ZOOMED);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(640);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(450);
      expect(overlaps(box, zone)).toBe(false);
    }
  });
});

describe('union', () => {
  it('spans the boxes that have an area, and nothing when none has', () => {
    expect(union([rect(0, 0, 10, 10), rect(5, 20, 30, 25), rect(50, 50, 50, 60)])).toEqual(
      rect(0, 0, 30, 25),
    );
    expect(union([rect(5, 5, 5, 5)])).toBeNull();
  });
});
