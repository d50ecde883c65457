/**
 * The escalation kit's screenshot, the page's part. Asked by the service worker, which then captures the
 * visible tab and crops it: the comment is brought into view, its shield lifted and Desaffect's badges
 * hidden (the card of a click on "Escalate" would cover the comment), for the capture only; then the page
 * is as it was, even if the service worker never says the capture is done.
 */
import { MAX_TEXT_LENGTH } from '../shared/comment';
import { hideBadges } from './badge';
import type { BgToCs, BgToCsReplies, CaptureFrame } from './messages';
import type { SeenComment } from './observer';
import { isShielded, setShielded } from './shield';
import { abortableTimeout } from './timers';

/** Room around the comment in its screenshot, in CSS pixels: where it sits, not only its words. */
export const CAPTURE_CONTEXT_PX = 24;
/** The longest the page stays prepared if the service worker never says the capture is done. */
const LONGEST_CAPTURE_MS = 5_000;

/** Resolves once the page has painted what changed (two frames), or after `ms` should frames be paused. */
function painted(ms: number): Promise<void> {
  return new Promise((resolve) => {
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
async function prepare(seen: SeenComment, signal: AbortSignal) {
  const { element } = seen;
  // A comment taller than the window shows its beginning: its author, its time and its first words.
  const block = element.getBoundingClientRect().height > window.innerHeight ? 'start' : 'center';
  element.scrollIntoView({ block, inline: 'nearest', behavior: 'instant' });
  const lifted = seen.bodies.filter(isShielded);
  setShielded(lifted, false);
  const showBadges = hideBadges(document);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    cancelTimer();
    setShielded(lifted, true);
    showBadges();
  };
  const cancelTimer = abortableTimeout(signal, restore, LONGEST_CAPTURE_MS);
  await painted(500);
  return { frame: frameOf(element), restore };
}

/**
 * Answers the service worker's capture messages for the comments the page shows (`find`); one capture at a
 * time: a new one ends the one before.
 */
export function captureResponder(find: (key: string) => SeenComment | undefined, signal: AbortSignal) {
  let restore: (() => void) | null = null;
  return async (message: BgToCs): Promise<BgToCsReplies[BgToCs['type']]> => {
    restore?.();
    restore = null;
    if (message.type === 'bg→cs:capture-done') return { ok: true };
    const seen = find(message.commentKey);
    if (!seen?.element.isConnected) return { found: false };
    const prepared = await prepare(seen, signal);
    restore = prepared.restore;
    return { found: true, ...prepared.frame, text: seen.comment.text.slice(0, MAX_TEXT_LENGTH) };
  };
}
