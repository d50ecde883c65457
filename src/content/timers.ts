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
 * Calls `changed` each time the tab is shown or hidden, until `signal` aborts. Only the browser's own
 * event counts, and only when the visibility did change: a page script can dispatch `visibilitychange` as
 * often as it likes (each one made an idle CM look active, and asked the service worker for the settings).
 */
export function onVisibilityChange(signal: AbortSignal, changed: (visible: boolean) => void): void {
  let visible = document.visibilityState === 'visible';
  document.addEventListener(
    'visibilitychange',
    (event) => {
      const now = document.visibilityState === 'visible';
      if (!event.isTrusted || now === visible) return;
      visible = now;
      changed(visible);
    },
    { signal },
  );
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
  onVisibilityChange(signal, update);
  signal.addEventListener('abort', update);
  update();
}
