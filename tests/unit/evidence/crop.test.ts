/** Which pixels of a capture of the viewport show the comment: at the capture's own resolution. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { cropRect, markerPixel, sameColour } = await import('../../../src/background/capture');

const frame = { area: { x: 76, y: 276, width: 648, height: 168 }, viewport: { width: 1280, height: 900 } };

describe('cropping the capture to the comment', () => {
  it('takes the area as it is when the capture has one pixel per CSS pixel', () => {
    expect(cropRect(frame, { width: 1280, height: 900 })).toEqual({ x: 76, y: 276, width: 648, height: 168 });
  });

  it('scales to a HiDPI or zoomed capture, so the screenshot keeps its full resolution', () => {
    expect(cropRect(frame, { width: 2560, height: 1800 })).toEqual({
      x: 152,
      y: 552,
      width: 1296,
      height: 336,
    });
    expect(cropRect(frame, { width: 1600, height: 1125 })).toEqual({
      x: 95,
      y: 345,
      width: 810,
      height: 210,
    });
  });

  it('stays within the image', () => {
    const edge = { area: { x: 1200, y: 850, width: 200, height: 200 }, viewport: frame.viewport };
    expect(cropRect(edge, { width: 1280, height: 900 })).toEqual({ x: 1200, y: 850, width: 80, height: 50 });
  });
});

describe('finding the marker in a screenshot', () => {
  it("reads the middle of the marker, at the capture's scale", () => {
    expect(markerPixel(frame, { x: 0, y: 0 }, { width: 1280, height: 900 })).toEqual({ x: 2, y: 2 });
    expect(markerPixel(frame, { x: 1276, y: 0 }, { width: 2560, height: 1800 })).toEqual({ x: 2556, y: 4 });
  });

  it('stays within the image', () => {
    expect(markerPixel(frame, { x: 1279, y: 899 }, { width: 1280, height: 900 })).toEqual({
      x: 1279,
      y: 899,
    });
  });

  it('accepts the colour within a small error and nothing else', () => {
    expect(sameColour([12, 200, 77, 255], [12, 200, 77])).toBe(true);
    expect(sameColour([18, 194, 80, 255], [12, 200, 77])).toBe(true);
    expect(sameColour([12, 200, 97, 255], [12, 200, 77])).toBe(false);
    expect(sameColour([255, 255, 255, 255], [12, 200, 77])).toBe(false);
  });
});
