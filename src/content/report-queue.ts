import type { ObservedComment } from '../shared/comment';
import { commentKey } from '../shared/comment';
import type { CommentVerdict } from './messages';

const MAX_BATCH = 200;
const MAX_BACKOFF_MS = 5_000;

/**
 * Hands newly seen comments to the service worker and keeps each one until it is acknowledged: a
 * service worker that is stopped mid-batch, or not yet awake, gets the same batch again later.
 * The service worker's writes are idempotent, so a resend never doubles a row.
 */
export function createReportQueue(options: {
  send: (comments: ObservedComment[]) => Promise<CommentVerdict[]>;
  onVerdicts: (verdicts: CommentVerdict[]) => void;
  isAlive: () => boolean;
  setTimer?: (fn: () => void, ms: number) => unknown;
}) {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const pending = new Map<string, ObservedComment>();
  let inFlight = false;
  let failures = 0;

  async function flush(): Promise<void> {
    if (inFlight || pending.size === 0 || !options.isAlive()) return;
    inFlight = true;
    const batch = [...pending.values()].slice(0, MAX_BATCH);
    try {
      const verdicts = await options.send(batch);
      for (const comment of batch) {
        const key = commentKey(comment);
        // Keep a newer report of the same comment that arrived while this batch was in flight.
        if (pending.get(key) === comment) pending.delete(key);
      }
      failures = 0;
      options.onVerdicts(verdicts);
    } catch {
      failures += 1;
    } finally {
      inFlight = false;
    }
    if (pending.size > 0) {
      const delay = failures === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures);
      setTimer(() => void flush(), delay);
    }
  }

  return {
    add(comments: ObservedComment[]): void {
      // A later report of the same comment (expanded text) replaces the earlier one if not yet sent.
      for (const comment of comments) pending.set(commentKey(comment), comment);
      void flush();
    },
    get size(): number {
      return pending.size;
    },
  };
}
