/**
 * Active time on the supported site: the tab visible and the CM's last input (key, pointer, scroll) less
 * than IDLE_AFTER_MS ago. Reading without touching anything counts until then; a hidden tab never counts.
 */

export const IDLE_AFTER_MS = 120_000;
/** Input events come by the hundred while scrolling: one timestamp a second is enough. */
const INPUT_THROTTLE_MS = 1_000;

/** The pure bookkeeping behind the reports: feed it events, take the active time since the last take. */
export function createActivityTracker(now: number, visible: boolean) {
  let lastInput = now; // Opening or reloading the page is an act of the CM.
  let countedUntil = now;
  let isVisible = visible;

  /** Active time in (countedUntil, until]: only while visible, and at most IDLE_AFTER_MS past an input. */
  const activeUntil = (until: number) =>
    isVisible ? Math.max(0, Math.min(until, lastInput + IDLE_AFTER_MS) - countedUntil) : 0;

  /** The active time since the previous take (ms). */
  const take = (at: number): number => {
    const active = activeUntil(at);
    countedUntil = Math.max(countedUntil, at);
    return active;
  };

  return {
    take,
    input(at: number) {
      if (at - lastInput < INPUT_THROTTLE_MS) return;
      // Idle time before this input is not active: restart counting from the input.
      if (at - lastInput > IDLE_AFTER_MS) countedUntil = Math.max(countedUntil, at);
      lastInput = at;
    },
    visibility(nowVisible: boolean, at: number): number {
      const pending = take(at);
      isVisible = nowVisible;
      if (nowVisible) lastInput = at; // Coming back to the tab is an act of the CM.
      return pending;
    },
  };
}
