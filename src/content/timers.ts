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
