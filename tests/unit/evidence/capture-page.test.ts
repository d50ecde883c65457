// @vitest-environment jsdom
/**
 * The page's part of the escalation kit's screenshot: the comment brought into view, the overlay told to
 * lift its shield and hide the badges for the capture only, then the page as it was — when the service
 * worker says the capture is done, or on its own if it never does.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPTURE_CONTEXT_PX, captureResponder } from '../../../src/content/capture';
import type { SeenComment } from '../../../src/content/observer';

let comment: SeenComment;
const scrolled = vi.fn();
/** The comments the overlay is readied for, and whether each capture has ended, in order. */
let captures: { key: string; ended: boolean }[];
const overlay = {
  capture(key: string) {
    const capture = { key, ended: false };
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
    const ready = await answer({ type: 'bg→cs:prepare-capture', commentKey: 'x:1' });
    expect(scrolled).toHaveBeenCalledWith({ block: 'center', inline: 'nearest', behavior: 'instant' });
    expect(capturing()).toEqual(['x:1']);
    const room = CAPTURE_CONTEXT_PX;
    expect(ready).toEqual({
      found: true,
      area: { x: 100 - room, y: 300 - room, width: 600 + 2 * room, height: 120 + 2 * room },
      viewport: { width: window.innerWidth, height: window.innerHeight },
      text: 'On sait où tu habites',
    });

    expect(await answer({ type: 'bg→cs:capture-done' })).toEqual({ ok: true });
    expect(capturing()).toEqual([]);
    expect(captures).toHaveLength(1);
  });

  it('puts the page back on its own if the service worker never says the capture is done', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const answer = captureResponder(() => comment, overlay, new AbortController().signal);
    const ready = answer({ type: 'bg→cs:prepare-capture', commentKey: 'x:1' });
    await vi.advanceTimersByTimeAsync(500);
    await ready;
    expect(capturing()).toEqual(['x:1']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(capturing()).toEqual([]);
  });

  it('shows the beginning of a comment taller than the window', async () => {
    comment.element.getBoundingClientRect = () => new DOMRect(0, 0, 600, window.innerHeight + 1);
    await captureResponder(
      () => comment,
      overlay,
      new AbortController().signal,
    )({
      type: 'bg→cs:prepare-capture',
      commentKey: 'x:1',
    });
    expect(scrolled).toHaveBeenCalledWith(expect.objectContaining({ block: 'start' }));
  });

  it('answers that the comment is not on the page any more, and touches nothing', async () => {
    comment.element.remove();
    const answer = captureResponder(() => comment, overlay, new AbortController().signal);
    expect(await answer({ type: 'bg→cs:prepare-capture', commentKey: 'x:1' })).toEqual({ found: false });
    expect(captures).toEqual([]);
    expect(scrolled).not.toHaveBeenCalled();
  });

  it('where the browser says when an element is shown, answers only once the screen shows the change', async () => {
    // Element Timing, as Chromium reports it: only the entries of the elements shown so far.
    const observers: ((entries: { identifier: string }[]) => void)[] = [];
    class FakeObserver {
      static supportedEntryTypes = ['element'];
      constructor(private readonly callback: (list: { getEntries(): unknown[] }) => void) {}
      observe() {
        observers.push((entries) => this.callback({ getEntries: () => entries }));
      }
      disconnect() {}
    }
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    try {
      const answer = captureResponder(() => comment, overlay, new AbortController().signal);
      let answered = false;
      const ready = answer({ type: 'bg→cs:prepare-capture', commentKey: 'x:1' }).then((reply) => {
        answered = true;
        return reply;
      });
      const mark = document.querySelector('[elementtiming]') as HTMLElement;
      expect(capturing()).toEqual(['x:1']);
      // Two frames drawn, another element shown: not yet.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (const report of observers) report([{ identifier: 'something-else' }]);
      await Promise.resolve();
      expect(answered).toBe(false);
      // The mark sits in a corner of the window outside the captured area, so it is not in the evidence.
      expect([mark.style.left, mark.style.top]).toEqual(['0px', '0px']);
      for (const report of observers) report([{ identifier: mark.getAttribute('elementtiming') as string }]);
      expect(await ready).toMatchObject({ found: true });
      expect(mark.isConnected).toBe(true);
      await answer({ type: 'bg→cs:capture-done' });
      expect(mark.isConnected).toBe(false);
      expect(capturing()).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
