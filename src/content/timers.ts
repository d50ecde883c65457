/** Timers that end with the content script: aborting its signal clears them. */

/** Runs `run` once after `ms`, unless `signal` aborts first. Returns a function that cancels it sooner. */
export function abortableTimeout(signal: AbortSignal, run: () => void, ms: number): () => void {
  if (signal.aborted) return () => undefined;
  const cancel = () => {
    clearTimeout(timer);
    signal.removeEventListener('abort', cancel);
  };
  const timer = setTimeout(() => {
    // The abort listener goes with the timer: a badge's card sets one on every mouseleave.
    signal.removeEventListener('abort', cancel);
    run();
  }, ms);
  signal.addEventListener('abort', cancel);
  return cancel;
}

/** Runs `run` every `ms` until `signal` aborts. */
export function abortableInterval(signal: AbortSignal, run: () => void, ms: number): void {
  if (signal.aborted) return;
  const timer = setInterval(run, ms);
  signal.addEventListener('abort', () => clearInterval(timer));
}

/**
 * Runs `start` whenever the tab is visible, with a signal that aborts once the tab is hidden (or `signal`
 * aborts): the intervals and observers it sets up do no work while nobody can see the page.
 */
export function whileVisible(signal: AbortSignal, start: (visible: AbortSignal) => void): void {
  let running: AbortController | null = null;
  const update = () => {
    const visible = document.visibilityState === 'visible' && !signal.aborted;
    if (visible && !running) {
      running = new AbortController();
      start(running.signal);
    } else if (!visible && running) {
      running.abort();
      running = null;
    }
  };
  document.addEventListener('visibilitychange', update, { signal });
  signal.addEventListener('abort', update);
  update();
}
