/** Which pixels of a capture of the viewport show the comment: at the capture's own resolution. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { cropRect } = await import('../../../src/background/capture');

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
