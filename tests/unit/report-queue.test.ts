import { describe, expect, it } from 'vitest';
import type { CommentVerdict } from '../../src/content/messages';
import {
  createReportQueue,
  GATHER_MS,
  MAX_ATTEMPTS,
  SLOW_MS,
  STORED_WITHIN_MS,
} from '../../src/content/report-queue';
import type { ObservedComment } from '../../src/shared/comment';

const comment = (id: string, text = 'bonjour'): ObservedComment => ({
  platform: 'facebook',
  id,
  threadKey: 'post',
  authorHandle: 'a',
  authorName: 'A',
  text,
  createdAt: null,
  createdAtPrecision: null,
  permalink: null,
  isReply: false,
  isOwn: false,
});

const verdictFor = (c: ObservedComment): CommentVerdict => ({
  key: `${c.platform}:${c.id}`,
  classification: {
    label: 'neutral',
    scores: { troll: 0, unhappy_customer: 0, threat: 0, neutral: 1 },
    intensity: 0,
    lang: 'fr',
    uncertain: false,
    cues: [],
    version: '2+000000000000',
  },
  tactics: [],
  revealed: false,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A queue whose clock and timers the test runs by hand; `answer` decides each send's fate. */
function harness(answer: (comments: ObservedComment[], sendIndex: number) => Promise<CommentVerdict[]>) {
  let clock = 0;
  const timers: { fn: () => void; ms: number; at: number }[] = [];
  const sent: string[][] = [];
  const delivered: string[] = [];
  const queue = createReportQueue({
    send: (comments) => {
      sent.push(comments.map((c) => c.id));
      return answer(comments, sent.length - 1);
    },
    onVerdicts: (verdicts) => delivered.push(...verdicts.map((v) => v.key)),
    isAlive: () => true,
    setTimer: (fn, ms) => timers.push({ fn, ms, at: clock + ms }),
    now: () => clock,
  });
  /** Runs the timer due first, moving the clock to its time, as time would. */
  const runNextTimer = async () => {
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift();
    if (next) clock = next.at;
    next?.fn();
    await settle();
    return next?.ms;
  };
  /** Newly read comments, and the end of their gathering window. */
  const report = async (comments: ObservedComment[]) => {
    queue.add(comments);
    const gather = timers.findIndex((t) => t.ms === GATHER_MS);
    if (gather >= 0) timers.splice(gather, 1)[0]?.fn();
    await settle();
  };
  return { queue, sent, delivered, timers, runNextTimer, report };
}

describe('createReportQueue', () => {
  it('resends a batch the service worker did not answer, and delivers every comment', async () => {
    let failuresLeft = 2;
    const h = harness(async (comments) => {
      if (failuresLeft-- > 0)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      return comments.map(verdictFor);
    });
    await h.report([comment('1'), comment('2')]);
    expect(h.delivered).toEqual([]);
    while (h.delivered.length === 0) await h.runNextTimer();
    expect(h.delivered).toEqual(['facebook:1', 'facebook:2']);
    expect(h.sent).toEqual([
      ['1', '2'],
      ['1', '2'],
      ['1', '2'],
    ]);
    h.queue.stored(['facebook:1', 'facebook:2'], true);
    expect(h.queue.size).toBe(0);
  });

  it('delivers the verdicts although the write failed, and sends again with growing delays, a bounded number of times', async () => {
    const h = harness(async (comments) => comments.map(verdictFor));
    await h.report([comment('1')]);
    expect(h.delivered).toEqual(['facebook:1']);
    const delays: number[] = [];
    while (h.sent.length < MAX_ATTEMPTS + 2) {
      // The database refuses each write of the comment.
      h.queue.stored(['facebook:1'], false);
      const pendingBefore = h.sent.length;
      // Run timers until the next send, or until nothing is left to run.
      while (h.sent.length === pendingBefore && h.timers.length > 0) {
        const ms = await h.runNextTimer();
        if (ms !== STORED_WITHIN_MS && ms !== undefined) delays.push(ms);
      }
      if (h.sent.length === pendingBefore) break;
    }
    expect(h.sent).toHaveLength(MAX_ATTEMPTS);
    expect(h.queue.size).toBe(0);
    expect(delays.length).toBeGreaterThan(3);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays.at(-1)).toBeGreaterThan(delays[0] as number);
  });

  it('sends again a batch whose write was never confirmed (a service worker stopped after answering)', async () => {
    const h = harness(async (comments) => comments.map(verdictFor));
    await h.report([comment('1')]);
    expect(h.timers.map((t) => t.ms)).toEqual([STORED_WITHIN_MS]);
    await h.runNextTimer();
    while (h.sent.length < 2 && h.timers.length > 0) await h.runNextTimer();
    expect(h.sent).toEqual([['1'], ['1']]);
    h.queue.stored(['facebook:1'], true);
    expect(h.queue.size).toBe(0);
  });

  it('takes the news of the write even when it comes before the answer', async () => {
    let answer: (() => void) | undefined;
    const h = harness(async (comments) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return comments.map(verdictFor);
    });
    await h.report([comment('1')]);
    h.queue.stored(['facebook:1'], true);
    answer?.();
    await settle();
    expect(h.delivered).toEqual(['facebook:1']);
    expect(h.queue.size).toBe(0);
    // The confirmation timer finds nothing left to send.
    while (h.timers.length > 0) await h.runNextTimer();
    expect(h.sent).toEqual([['1']]);
  });

  it('keeps a newer report of a comment that arrived while its first report was in flight', async () => {
    let release: (() => void) | undefined;
    const sentTexts: string[] = [];
    const queue = createReportQueue({
      send: async (comments) => {
        sentTexts.push(...comments.map((c) => c.text));
        if (!release) await new Promise<void>((resolve) => (release = resolve));
        return comments.map(verdictFor);
      },
      onVerdicts: () => {},
      isAlive: () => true,
      setTimer: (fn, ms) => (ms === 0 || ms === GATHER_MS) && setTimeout(fn, 0),
    });
    queue.add([comment('1', 'court')]);
    await settle();
    queue.add([comment('1', 'court, puis déplié')]);
    release?.();
    await settle();
    await settle();
    expect(sentTexts).toEqual(['court', 'court, puis déplié']);
    queue.stored(['facebook:1'], true);
    expect(queue.size).toBe(0);
  });

  it('sends a second batch when the first is slow, holding back a comment still on its way in the first', async () => {
    const answers: (() => void)[] = [];
    const order: string[] = [];
    const h = harness(
      (comments) =>
        new Promise((resolve) =>
          answers.push(() => {
            order.push(...comments.map((c) => `${c.id}:${c.text}`));
            resolve(comments.map(verdictFor));
          }),
        ),
    );
    await h.report([comment('1', 'court')]);
    // Not slow yet: the next report waits for a timer set at SLOW_MS after the first send.
    await h.report([comment('1', 'court, puis déplié'), comment('2')]);
    expect(h.sent).toEqual([['1']]);
    expect(h.timers.map((t) => t.ms)).toEqual([SLOW_MS]);
    await h.runNextTimer();
    // The second batch goes without comment 1, whose first report has no answer yet.
    expect(h.sent).toEqual([['1'], ['2']]);
    answers[1]?.();
    await settle();
    answers[0]?.();
    await settle();
    while (h.sent.length < 3 && h.timers.some((t) => t.ms === 0)) await h.runNextTimer();
    expect(h.sent).toEqual([['1'], ['2'], ['1']]);
    answers[2]?.();
    await settle();
    // The newer report of comment 1 was answered last.
    expect(order).toEqual(['2:bonjour', '1:court', '1:court, puis déplié']);
    expect(h.delivered).toEqual(['facebook:2', 'facebook:1', 'facebook:1']);
  });

  it('gathers the comments read within its window into one message, sent sooner when asked', async () => {
    const h = harness(async (comments) => comments.map(verdictFor));
    h.queue.add([comment('1')]);
    h.queue.add([comment('2'), comment('3')]);
    await settle();
    expect(h.sent).toEqual([]);
    expect(h.timers.map((t) => t.ms)).toEqual([GATHER_MS]);
    await h.runNextTimer();
    expect(h.sent).toEqual([['1', '2', '3']]);
    h.queue.add([comment('4')]);
    h.queue.sendNow();
    await settle();
    expect(h.sent).toEqual([['1', '2', '3'], ['4']]);
    // The window's end finds nothing left to send.
    h.timers.splice(
      h.timers.findIndex((t) => t.ms === STORED_WITHIN_MS),
      1,
    );
    while (h.timers.length > 0) await h.runNextTimer();
    expect(h.sent).toHaveLength(2);
  });

  it('tells when a comment is stored or refused, sending it at once if it was gathering', async () => {
    const h = harness(async (comments) => comments.map(verdictFor));
    const order: string[] = [];
    await h.queue.settled('facebook:9');
    order.push('unknown comment: at once');
    h.queue.add([comment('1'), comment('2')]);
    const first = h.queue.settled('facebook:1').then(() => order.push('1 settled'));
    const second = h.queue.settled('facebook:2').then(() => order.push('2 settled'));
    await settle();
    expect(h.sent).toEqual([['1', '2']]);
    h.queue.stored(['facebook:1'], true);
    await first;
    order.push('2 still waiting');
    h.queue.stored(['facebook:2'], false);
    await second;
    expect(order).toEqual(['unknown comment: at once', '1 settled', '2 still waiting', '2 settled']);
  });

  it('sends nothing once the extension is gone', async () => {
    let calls = 0;
    const queue = createReportQueue({
      send: async () => {
        calls++;
        return [];
      },
      onVerdicts: () => {},
      isAlive: () => false,
    });
    queue.add([comment('1')]);
    queue.sendNow();
    await settle();
    expect(calls).toBe(0);
  });
});
