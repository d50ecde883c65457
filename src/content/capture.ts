/**
 * The escalation kit's screenshot, the page's part. Asked by the service worker, which then captures the
 * visible tab and crops it: the comment is brought into view, and the overlay lifts its shield and makes
 * the badges, the ring and the card transparent (the card of a click on "Escalate" would cover the
 * comment), for the capture only; then the page is as it was, even if the service worker never says the
 * capture is done.
 */
import { MAX_TEXT_LENGTH } from '../shared/comment';
import {
  type BgToCs,
  CAPTURE_MARKER_PX,
  type CaptureFrame,
  type CsReplies,
  type MarkerColour,
} from './messages';
import type { SeenComment } from './observer';
import type { Overlay } from './overlay';
import { abortableTimeout } from './timers';

type CaptureMessage = Extract<BgToCs, { type: 'bg→cs:prepare-capture' | 'bg→cs:capture-done' }>;

/** Room around the comment in its screenshot, in CSS pixels: where it sits, not only its words. */
export const CAPTURE_CONTEXT_PX = 24;
/** The longest the page stays prepared if the service worker never says the capture is done. */
const LONGEST_CAPTURE_MS = 5_000;

/** The longest the page waits for its next frames (paused in a hidden tab) before answering anyway. */
const LONGEST_PAINT_MS = 3_000;

/**
 * The top-left corner of the capture's marker: a corner of the window that the capture's area leaves out,
 * so the marker is never in the evidence. A comment filling the whole window loses the marker's height at
 * the top of its surroundings instead.
 */
function placeMarker(frame: CaptureFrame): { frame: CaptureFrame; x: number; y: number } {
  const { area, viewport } = frame;
  const side = CAPTURE_MARKER_PX;
  const corners: [number, number][] = [
    [0, 0],
    [viewport.width - side, 0],
    [0, viewport.height - side],
    [viewport.width - side, viewport.height - side],
  ];
  const overlaps = ([x, y]: [number, number]) =>
    x < area.x + area.width && x + side > area.x && y < area.y + area.height && y + side > area.y;
  const free = corners.find((corner) => !overlaps(corner));
  if (free) return { frame, x: free[0], y: free[1] };
  const top = Math.max(area.y, side);
  const height = Math.max(0, area.y + area.height - top);
  return { frame: { viewport, area: { ...area, y: top, height } }, x: 0, y: 0 };
}

/**
 * Resolves once the page has drawn what it just changed (two animation frames), or after `ms` should
 * frames be paused. That the screen shows it too, the service worker checks on the screenshot itself: the
 * overlay's marker, in a colour new to this capture, must be in it. No sign of the capture reaches the page.
 */
function drawn(ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, ms);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });
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
async function prepare(
  seen: SeenComment,
  colour: MarkerColour,
  overlay: Pick<Overlay, 'capture'>,
  signal: AbortSignal,
) {
  const { element } = seen;
  // A comment taller than the window shows its beginning: its author, its time and its first words.
  const block = element.getBoundingClientRect().height > window.innerHeight ? 'start' : 'center';
  element.scrollIntoView({ block, inline: 'nearest', behavior: 'instant' });
  const { frame, x, y } = placeMarker(frameOf(element));
  const endCapture = overlay.capture(seen.key, { x, y, colour });
  let restored = false;
  let cancelTimer = () => {};
  const restore = () => {
    if (restored) return;
    restored = true;
    cancelTimer();
    endCapture();
  };
  await drawn(LONGEST_PAINT_MS);
  // Counted from the answer: the page stays prepared this long at most once it said it is ready.
  cancelTimer = abortableTimeout(signal, restore, LONGEST_CAPTURE_MS);
  return { frame, marker: { x, y }, restore };
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
    const prepared = await prepare(seen, message.marker, overlay, signal);
    restore = prepared.restore;
    return {
      found: true,
      ...prepared.frame,
      marker: prepared.marker,
      text: seen.comment.text.slice(0, MAX_TEXT_LENGTH),
    };
  };
}
