/**
 * The escalation kit's screenshot, the page's part. Asked by the service worker, which then captures the
 * visible tab and crops it: the comment is brought into view, and the overlay lifts its shield and makes
 * the badges, the ring and the card transparent (the card of a click on "Escalate" would cover the
 * comment), for the capture only; then the page is as it was, even if the service worker never says the
 * capture is done.
 */
import { MAX_TEXT_LENGTH } from '../shared/comment';
import type { BgToCs, CaptureFrame, CsReplies } from './messages';
import type { SeenComment } from './observer';
import type { Overlay } from './overlay';
import { abortableTimeout } from './timers';

type CaptureMessage = Extract<BgToCs, { type: 'bg→cs:prepare-capture' | 'bg→cs:capture-done' }>;

/** Room around the comment in its screenshot, in CSS pixels: where it sits, not only its words. */
export const CAPTURE_CONTEXT_PX = 24;
/** The longest the page stays prepared if the service worker never says the capture is done. */
const LONGEST_CAPTURE_MS = 5_000;

/** The longest the page waits for the screen to show the comment before answering anyway (frames paused). */
const LONGEST_PAINT_MS = 3_000;

/** Whether the browser says when an element was first shown on screen (Element Timing: Chromium). */
const canSeePresentation = () =>
  typeof PerformanceObserver !== 'undefined' &&
  (PerformanceObserver.supportedEntryTypes ?? []).includes('element');

let marks = 0;

/** A pixel of the window the capture's area leaves out, so that the mark is not in the evidence. */
function cornerOutside({ area, viewport }: CaptureFrame): [number, number] {
  const corners: [number, number][] = [
    [0, 0],
    [viewport.width - 1, 0],
    [0, viewport.height - 1],
    [viewport.width - 1, viewport.height - 1],
  ];
  const inArea = ([x, y]: [number, number]) =>
    x >= area.x && x < area.x + area.width && y >= area.y && y < area.y + area.height;
  // A comment filling the whole window: one pixel at 1 % opacity, the least the browser reports.
  return corners.find((corner) => !inArea(corner)) ?? [0, 0];
}

/**
 * Resolves once the screen shows what the page just changed, or after `ms` should frames be paused. Two
 * animation frames only say the page has drawn the change, not that the screen shows it yet: on a loaded
 * machine a capture taken then showed the page as it was before (another comment, its badge on, in the
 * evidence). So where the browser reports when an element is first shown (Element Timing), a mark added
 * with the change, a near-invisible dot in a corner of the window outside `frame`, is waited for; it is
 * removed by the returned function. Where it cannot (Firefox has no Element Timing), two frames, as before.
 */
function presented(frame: CaptureFrame, ms: number): { shown: Promise<void>; removeMark: () => void } {
  if (!canSeePresentation()) {
    const shown = new Promise<void>((resolve) => {
      const fallback = setTimeout(resolve, ms);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          clearTimeout(fallback);
          resolve();
        }),
      );
    });
    return { shown, removeMark: () => undefined };
  }
  marks += 1;
  const identifier = `desaffect-capture-${Date.now()}-${marks}`;
  const mark = document.createElement('span');
  mark.setAttribute('elementtiming', identifier);
  mark.setAttribute('aria-hidden', 'true');
  const [left, top] = cornerOutside(frame);
  mark.style.cssText = [
    'all: initial',
    'position: fixed',
    `left: ${left}px`,
    `top: ${top}px`,
    'width: 1px',
    'height: 1px',
    'overflow: hidden',
    'z-index: 2147483647',
    'font: 1px/1px monospace',
    'color: #000',
    // Not 0: a fully transparent element is never reported as shown.
    'opacity: 0.01',
    'pointer-events: none',
  ].join(';');
  mark.textContent = '.';
  let observer: PerformanceObserver | null = null;
  const shown = new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, ms);
    observer = new PerformanceObserver((list) => {
      if (
        !list
          .getEntries()
          .some((entry) => (entry as PerformanceEntry & { identifier?: string }).identifier === identifier)
      )
        return;
      clearTimeout(fallback);
      resolve();
    });
    observer.observe({ type: 'element' });
  }).finally(() => observer?.disconnect());
  document.documentElement.append(mark);
  return { shown, removeMark: () => mark.remove() };
}

/** The comment's area with some room around it, within the viewport, in CSS pixels. */
function frameOf(element: HTMLElement): CaptureFrame {
  const rect = element.getBoundingClientRect();
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  const left = Math.max(0, rect.left - CAPTURE_CONTEXT_PX);
  const top = Math.max(0, rect.top - CAPTURE_CONTEXT_PX);
  const right = Math.min(viewport.width, rect.right + CAPTURE_CONTEXT_PX);
  const bottom = Math.min(viewport.height, rect.bottom + CAPTURE_CONTEXT_PX);
  return {
    area: { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) },
    viewport,
  };
}

/** Gets the page ready for the screenshot of `seen`; `restore` puts it back (once, whoever calls first). */
async function prepare(seen: SeenComment, overlay: Pick<Overlay, 'capture'>, signal: AbortSignal) {
  const { element } = seen;
  // A comment taller than the window shows its beginning: its author, its time and its first words.
  const block = element.getBoundingClientRect().height > window.innerHeight ? 'start' : 'center';
  element.scrollIntoView({ block, inline: 'nearest', behavior: 'instant' });
  const endCapture = overlay.capture(seen.key);
  const { shown, removeMark } = presented(frameOf(element), LONGEST_PAINT_MS);
  signal.addEventListener('abort', removeMark);
  let restored = false;
  let cancelTimer = () => {};
  const restore = () => {
    if (restored) return;
    restored = true;
    cancelTimer();
    signal.removeEventListener('abort', removeMark);
    removeMark();
    endCapture();
  };
  await shown;
  // Counted from the answer: the page stays prepared this long at most once it said it is ready.
  cancelTimer = abortableTimeout(signal, restore, LONGEST_CAPTURE_MS);
  return { frame: frameOf(element), restore };
}

/**
 * Answers the service worker's capture messages for the comments the page shows (`find`); one capture at a
 * time: a new one ends the one before.
 */
export function captureResponder(
  find: (key: string) => SeenComment | undefined,
  overlay: Pick<Overlay, 'capture'>,
  signal: AbortSignal,
) {
  let restore: (() => void) | null = null;
  return async (message: CaptureMessage): Promise<CsReplies[CaptureMessage['type']]> => {
    restore?.();
    restore = null;
    if (message.type === 'bg→cs:capture-done') return { ok: true };
    const seen = find(message.commentKey);
    if (!seen?.element.isConnected) return { found: false };
    const prepared = await prepare(seen, overlay, signal);
    restore = prepared.restore;
    return { found: true, ...prepared.frame, text: seen.comment.text.slice(0, MAX_TEXT_LENGTH) };
  };
}
