import { describe, expect, it } from 'vitest';
import type { CommentVerdict } from '../../src/content/messages';
import { createReportQueue } from '../../src/content/report-queue';
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

describe('createReportQueue', () => {
  it('resends a batch the service worker did not acknowledge, and delivers every comment', async () => {
    const timers: (() => void)[] = [];
    const sent: string[][] = [];
    let failuresLeft = 2;
    const delivered: string[] = [];
    const queue = createReportQueue({
      send: async (comments) => {
        sent.push(comments.map((c) => c.id));
        if (failuresLeft-- > 0)
          throw new Error('Could not establish connection. Receiving end does not exist.');
        return comments.map(verdictFor);
      },
      onVerdicts: (verdicts) => delivered.push(...verdicts.map((v) => v.key)),
      isAlive: () => true,
      setTimer: (fn) => timers.push(fn),
    });
    queue.add([comment('1'), comment('2')]);
    await settle();
    expect(delivered).toEqual([]);
    while (timers.length > 0) {
      timers.shift()?.();
      await settle();
    }
    expect(delivered).toEqual(['facebook:1', 'facebook:2']);
    expect(sent).toEqual([
      ['1', '2'],
      ['1', '2'],
      ['1', '2'],
    ]);
    expect(queue.size).toBe(0);
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
      setTimer: (fn) => setTimeout(fn, 0),
    });
    queue.add([comment('1', 'court')]);
    await settle();
    queue.add([comment('1', 'court, puis déplié')]);
    release?.();
    await settle();
    await settle();
    expect(sentTexts).toEqual(['court', 'court, puis déplié']);
    expect(queue.size).toBe(0);
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
    await settle();
    expect(calls).toBe(0);
  });
});
