/** Reports the CM's active time on the supported site to the service worker (see activity-tracker.ts). */
import type { Platform } from '../shared/comment';
import { createActivityTracker } from './activity-tracker';
import { extensionAlive, sendToBackground } from './messaging';

const REPORT_EVERY_MS = 30_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'scroll', 'wheel'] as const;

/**
 * Reports active time every REPORT_EVERY_MS, and when the tab is hidden. One interval, passive listeners.
 * Returns the function that removes them all.
 */
export function startActivityReports(platform: Platform): () => void {
  const tracker = createActivityTracker(Date.now(), document.visibilityState === 'visible');
  const report = (activeMs: number) => {
    if (activeMs <= 0 || !extensionAlive()) return;
    sendToBackground({ type: 'cs→bg:activity', platform, activeMs, at: Date.now() }).catch(() => {
      // The service worker was restarting: this slice of time is lost, the next one is not.
    });
  };
  const onInput = () => tracker.input(Date.now());
  const onVisibility = () => report(tracker.visibility(document.visibilityState === 'visible', Date.now()));
  for (const type of INPUT_EVENTS) addEventListener(type, onInput, { passive: true, capture: true });
  document.addEventListener('visibilitychange', onVisibility);
  const timer = setInterval(() => report(tracker.take(Date.now())), REPORT_EVERY_MS);
  return () => {
    clearInterval(timer);
    for (const type of INPUT_EVENTS) removeEventListener(type, onInput, { capture: true });
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
