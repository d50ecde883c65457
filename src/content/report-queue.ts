import type { ObservedComment } from '../shared/comment';
import { commentKey } from '../shared/comment';
import type { CommentVerdict } from './messages';

const MAX_BATCH = 200;
/** Batches on their way at once: a second goes when the first has been out this long without an answer. */
const MAX_IN_FLIGHT = 2;
export const SLOW_MS = 16;
const MAX_BACKOFF_MS = 5_000;
/**
 * How long newly read comments gather before they go: the page draws their first verdicts itself, so the
 * service worker's can wait, and a live thread sends one message in this time instead of one per change
 * of the page (each message, its answer and the news of its write cost the page's thread).
 */
export const GATHER_MS = 200;
/** Sends of one comment that did not end with it stored: past this, it is given up (the CM was told why). */
export const MAX_ATTEMPTS = 10;
/** How long an answered batch waits for the news of its write before it is sent again. */
export const STORED_WITHIN_MS = 15_000;

/**
 * Hands newly seen comments to the service worker and keeps each one until it is stored. The service
 * worker answers with the verdicts first and writes afterwards, then says whether the write went through
 * (`stored`): the page is badged and shielded even when the database refuses writes. A comment whose
 * send fails, whose write fails, or whose write is never confirmed (a service worker stopped mid-way) is
 * sent again with a growing delay, at most MAX_ATTEMPTS times. New comments gather for GATHER_MS
 * (`sendNow` sends them at once: the tab is being hidden or left). The service worker's writes are
 * idempotent, so a resend never doubles a row. When a batch is slow to come back (SLOW_MS), the next one
 * goes without waiting for it; a comment whose earlier report is still on its way waits for that answer,
 * so its newer verdict always lands last.
 */
export function createReportQueue(options: {
  send: (comments: ObservedComment[]) => Promise<CommentVerdict[]>;
  onVerdicts: (verdicts: CommentVerdict[]) => void;
  isAlive: () => boolean;
  setTimer?: (fn: () => void, ms: number) => unknown;
  now?: () => number;
}) {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const now = options.now ?? Date.now;
  const pending = new Map<string, ObservedComment>();
  /** Sent, its write not yet confirmed: the comment, and when it was sent. */
  const unconfirmed = new Map<string, { comment: ObservedComment; sentAt: number }>();
  const attempts = new Map<string, number>();
  /** The keys of the batches on their way, and when each batch went. */
  const inFlight = new Set<string>();
  const batchesSentAt: number[] = [];
  let slowTimer = false;
  let retryScheduled = false;
  let gathering = false;
  /** Those waiting for a comment to be stored (`settled`), by key. */
  const waiting = new Map<string, (() => void)[]>();
  const release = (key: string) => {
    for (const done of waiting.get(key) ?? []) done();
    waiting.delete(key);
  };
  let watching = false;
  /** Consecutive failures (sends, writes, confirmations that never came): the retry delay grows with them. */
  let failures = 0;

  /** Sends `comment` again later, unless it has had all its attempts. */
  const retry = (key: string, comment: ObservedComment) => {
    if ((attempts.get(key) ?? 0) >= MAX_ATTEMPTS) {
      attempts.delete(key);
      release(key);
    } else if (!pending.has(key)) pending.set(key, comment);
  };

  const scheduleFlush = () => {
    if (retryScheduled || pending.size === 0) return;
    retryScheduled = true;
    const delay = failures === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures);
    setTimer(() => {
      retryScheduled = false;
      void flush();
    }, delay);
  };

  /**
   * One timer for every unconfirmed comment, set for the oldest one: what was sent STORED_WITHIN_MS ago
   * and never confirmed goes again (a service worker stopped before or during the write). A confirmed
   * comment is simply gone from the map: no timer keeps it, or its text, alive.
   */
  const watchConfirmations = () => {
    if (watching) return;
    const oldest = unconfirmed.values().next().value;
    if (!oldest) return;
    watching = true;
    setTimer(
      () => {
        watching = false;
        const due = now() - STORED_WITHIN_MS;
        let lost = false;
        for (const [key, { comment, sentAt }] of unconfirmed) {
          if (sentAt > due) break; // in the order they were sent
          unconfirmed.delete(key);
          retry(key, comment);
          lost = true;
        }
        if (lost) failures += 1;
        watchConfirmations();
        scheduleFlush();
      },
      Math.max(0, oldest.sentAt + STORED_WITHIN_MS - now()),
    );
  };

  /** Up to MAX_BATCH pending comments that are not already on their way (in an earlier batch). */
  const nextBatch = (): ObservedComment[] => {
    const batch: ObservedComment[] = [];
    for (const [key, comment] of pending) {
      if (inFlight.has(key)) continue;
      batch.push(comment);
      if (batch.length === MAX_BATCH) break;
    }
    return batch;
  };

  async function flush(): Promise<void> {
    if (pending.size === 0 || batchesSentAt.length >= MAX_IN_FLIGHT || !options.isAlive()) return;
    const oldest = batchesSentAt[0];
    if (oldest !== undefined && now() - oldest < SLOW_MS) {
      // One batch is out and not late yet: its answer usually comes first, and this one goes after it.
      if (!slowTimer) {
        slowTimer = true;
        setTimer(
          () => {
            slowTimer = false;
            void flush();
          },
          oldest + SLOW_MS - now(),
        );
      }
      return;
    }
    const batch = nextBatch();
    if (batch.length === 0) return;
    const keys = batch.map(commentKey);
    const sentAt = now();
    batchesSentAt.push(sentAt);
    for (const key of keys) inFlight.add(key);
    // Unconfirmed from now on: the news of the write may come before the answer does.
    batch.forEach((comment, i) => {
      const key = keys[i] as string;
      attempts.set(key, (attempts.get(key) ?? 0) + 1);
      pending.delete(key);
      unconfirmed.delete(key); // re-inserted last: the map stays in the order of sending
      unconfirmed.set(key, { comment, sentAt });
    });
    try {
      const verdicts = await options.send(batch);
      watchConfirmations();
      options.onVerdicts(verdicts);
    } catch {
      // No answer (the service worker was asleep or restarting): the whole batch goes again.
      failures += 1;
      batch.forEach((comment, i) => {
        const key = keys[i] as string;
        if (unconfirmed.get(key)?.comment !== comment) return;
        unconfirmed.delete(key);
        retry(key, comment);
      });
    } finally {
      for (const key of keys) inFlight.delete(key);
      batchesSentAt.splice(batchesSentAt.indexOf(sentAt), 1);
    }
    scheduleFlush();
  }

  return {
    add(comments: ObservedComment[]): void {
      // A later report of the same comment (expanded text) replaces the earlier one if not yet sent.
      for (const comment of comments) pending.set(commentKey(comment), comment);
      if (pending.size >= MAX_BATCH) void flush();
      else if (!gathering && pending.size > 0) {
        gathering = true;
        setTimer(() => {
          gathering = false;
          void flush();
        }, GATHER_MS);
      }
    },
    /** Sends what is gathered now, without waiting for the rest of the window. */
    sendNow(): void {
      void flush();
    },
    /**
     * Resolves once the service worker has said whether `key` was stored (at once if it is not waiting to
     * be): what the CM does to a comment (a correction, a tactic) needs its row. Sends it now if it was gathering.
     */
    settled(key: string): Promise<void> {
      if (!pending.has(key) && !unconfirmed.has(key)) return Promise.resolve();
      void flush();
      return new Promise((resolve) => {
        const list = waiting.get(key) ?? [];
        list.push(resolve);
        waiting.set(key, list);
      });
    },
    /** The service worker's news of a write: `ok` false when the database refused it (storage full). */
    stored(keys: readonly string[], ok: boolean): void {
      for (const key of keys) {
        const sent = unconfirmed.get(key);
        if (!sent) continue;
        unconfirmed.delete(key);
        if (ok) attempts.delete(key);
        else retry(key, sent.comment);
        // Refused too: what waits for the row then fails with the CM told why, instead of waiting on.
        release(key);
      }
      failures = ok ? 0 : failures + 1;
      scheduleFlush();
    },
    /** Comments not yet known to be stored. */
    get size(): number {
      return new Set([...pending.keys(), ...unconfirmed.keys()]).size;
    },
  };
}
