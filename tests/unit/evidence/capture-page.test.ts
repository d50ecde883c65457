// @vitest-environment jsdom
/**
 * The page's part of the escalation kit's screenshot: the comment brought into view, the overlay told to
 * lift its shield and hide the badges for the capture only, then the page as it was — when the service
 * worker says the capture is done, or on its own if it never does.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPTURE_CONTEXT_PX, captureResponder } from '../../../src/content/capture';
import { CAPTURE_MARKER_PX, type MarkerColour } from '../../../src/content/messages';
import type { SeenComment } from '../../../src/content/observer';
import type { CaptureMarker } from '../../../src/content/overlay';

const colour: MarkerColour = [12, 200, 77];
const prepare = { type: 'bg→cs:prepare-capture', commentKey: 'x:1', marker: colour } as const;

let comment: SeenComment;
const scrolled = vi.fn();
/** The comments the overlay is readied for, where it draws each marker, and whether each has ended. */
let captures: { key: string; marker: CaptureMarker; ended: boolean }[];
const overlay = {
  capture(key: string, marker: CaptureMarker) {
    const capture = { key, marker, ended: false };
    captures.push(capture);
    return () => {
      capture.ended = true;
    };
  },
};
const capturing = () => captures.filter((c) => !c.ended).map((c) => c.key);

beforeEach(() => {
  document.body.innerHTML = '<article><div class="body">On sait où tu habites</div></article>';
  const element = document.querySelector('article') as HTMLElement;
  const body = document.querySelector('.body') as HTMLElement;
  captures = [];
  Element.prototype.scrollIntoView = scrolled;
  element.getBoundingClientRect = () => new DOMRect(100, 300, 600, 120);
  comment = {
    comment: {
      platform: 'x',
      id: '1',
      threadKey: 't',
      authorHandle: 'menace',
      authorName: 'Menace',
      text: 'On sait où tu habites',
      createdAt: null,
      createdAtPrecision: null,
      permalink: null,
      isReply: true,
      isOwn: false,
    },
    element,
    anchor: element,
    bodies: [body],
    key: 'x:1',
  };
});
afterEach(() => {
  vi.useRealTimers();
  scrolled.mockReset();
});

describe('readying a comment for its screenshot', () => {
  it('brings it into view, lifts its shield, hides the badges and says where it is, with some room', async () => {
    const answer = captureResponder(
      (key) => (key === 'x:1' ? comment : undefined),
      overlay,
      new AbortController().signal,
    );
    const ready = await answer(prepare);
    expect(scrolled).toHaveBeenCalledWith({ block: 'center', inline: 'nearest', behavior: 'instant' });
    expect(capturing()).toEqual(['x:1']);
    const room = CAPTURE_CONTEXT_PX;
    expect(ready).toEqual({
      found: true,
      area: { x: 100 - room, y: 300 - room, width: 600 + 2 * room, height: 120 + 2 * room },
      viewport: { width: window.innerWidth, height: window.innerHeight },
      // The marker, in the service worker's colour, in a corner of the window the screenshot leaves out.
      marker: { x: 0, y: 0 },
      text: 'On sait où tu habites',
    });
    expect(captures[0]?.marker).toEqual({ x: 0, y: 0, colour });

    expect(await answer({ type: 'bg→cs:capture-done' })).toEqual({ ok: true });
    expect(capturing()).toEqual([]);
    expect(captures).toHaveLength(1);
  });

  it('puts the page back on its own if the service worker never says the capture is done', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const answer = captureResponder(() => comment, overlay, new AbortController().signal);
    const ready = answer(prepare);
    await vi.advanceTimersByTimeAsync(500);
    await ready;
    expect(capturing()).toEqual(['x:1']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(capturing()).toEqual([]);
  });

  it('shows the beginning of a comment taller than the window', async () => {
    comment.element.getBoundingClientRect = () => new DOMRect(0, 0, 600, window.innerHeight + 1);
    await captureResponder(() => comment, overlay, new AbortController().signal)(prepare);
    expect(scrolled).toHaveBeenCalledWith(expect.objectContaining({ block: 'start' }));
  });

  it('answers that the comment is not on the page any more, and touches nothing', async () => {
    comment.element.remove();
    const answer = captureResponder(() => comment, overlay, new AbortController().signal);
    expect(await answer(prepare)).toEqual({ found: false });
    expect(captures).toEqual([]);
    expect(scrolled).not.toHaveBeenCalled();
  });

  it('puts the marker in another corner when the comment covers the top left, and never inside the area', async () => {
    comment.element.getBoundingClientRect = () => new DOMRect(0, 0, 400, 200);
    const ready = await captureResponder(() => comment, overlay, new AbortController().signal)(prepare);
    expect(ready).toMatchObject({ found: true, marker: { x: window.innerWidth - CAPTURE_MARKER_PX, y: 0 } });
  });

  it('leaves the top of the surroundings to the marker when the comment fills the whole window', async () => {
    comment.element.getBoundingClientRect = () => new DOMRect(0, 0, window.innerWidth, window.innerHeight);
    const ready = await captureResponder(() => comment, overlay, new AbortController().signal)(prepare);
    expect(ready).toMatchObject({
      found: true,
      area: {
        x: 0,
        y: CAPTURE_MARKER_PX,
        width: window.innerWidth,
        height: window.innerHeight - CAPTURE_MARKER_PX,
      },
      marker: { x: 0, y: 0 },
    });
  });

  it("adds nothing to the page: the marker is the overlay's", async () => {
    const before = document.documentElement.outerHTML;
    const answer = captureResponder(() => comment, overlay, new AbortController().signal);
    await answer(prepare);
    expect(document.documentElement.outerHTML).toBe(before);
    await answer({ type: 'bg→cs:capture-done' });
  });
});
