/** Reports the CM's active time on the supported site to the service worker (see activity-tracker.ts). */
import type { Platform } from '../shared/comment';
import { createActivityTracker } from './activity-tracker';
import { extensionAlive, sendToBackground } from './messaging';
import { abortableInterval, onVisibilityChange, whileVisible } from './timers';

const REPORT_EVERY_MS = 30_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'scroll', 'wheel'] as const;

/**
 * Reports active time every REPORT_EVERY_MS while the tab is visible, and when it is hidden, until
 * `signal` aborts. One interval, passive listeners; only the browser's own input and visibility events
 * count: a page script dispatching fake key presses, or fake returns to the tab, is not the CM at work.
 */
export function startActivityReports(platform: Platform, signal: AbortSignal): void {
  const tracker = createActivityTracker(Date.now(), document.visibilityState === 'visible');
  const report = (activeMs: number) => {
    if (activeMs <= 0 || !extensionAlive()) return;
    sendToBackground({ type: 'cs→bg:activity', platform, activeMs, at: Date.now() }).catch(() => {
      // The service worker was restarting: this slice of time is lost, the next one is not.
    });
  };
  const onInput = (event: Event) => {
    if (event.isTrusted) tracker.input(Date.now());
  };
  for (const type of INPUT_EVENTS) addEventListener(type, onInput, { passive: true, capture: true, signal });
  onVisibilityChange(signal, (visible) => report(tracker.visibility(visible, Date.now())));
  whileVisible(signal, (visible) =>
    abortableInterval(visible, () => report(tracker.take(Date.now())), REPORT_EVERY_MS),
  );
}
