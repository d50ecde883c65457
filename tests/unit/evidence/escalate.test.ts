/**
 * The escalation kit in the service worker: one evidence record per comment. Escalating again brings it up
 * to date and says so; a capture that fails keeps the earlier screenshot; the first escalation is the one
 * logged as an action.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommentCapture } from '../../../src/background/capture';
import { openDb } from '../../../src/storage/db';
import { commentRow } from '../dashboard/rows';

const captureComment = vi.hoisted(() => vi.fn<(tabId: number, key: string) => Promise<CommentCapture>>());
vi.mock('../../../src/background/capture', () => ({ captureComment }));
const { assistantUiHandlers } = await import('../../../src/background/handlers/assistant');

const T0 = Date.UTC(2026, 10, 24, 9);
const SHOT = 'data:image/png;base64,AAAA';
const captured = (screenshot: string): CommentCapture => ({
  outcome: 'captured',
  screenshot,
  text: 'page text',
});
const refused: CommentCapture = { outcome: 'not_allowed', screenshot: null, text: null };

let db: ReturnType<typeof openDb>;
let clock: number;
let escalate: (commentKey: string) => ReturnType<ReturnType<typeof assistantUiHandlers>['ui→bg:escalate']>;

beforeEach(async () => {
  db = openDb(`escalate-${Math.random()}`);
  clock = T0;
  const handlers = assistantUiHandlers({ db, now: () => clock, health: { fullSince: null } });
  escalate = (commentKey) => handlers['ui→bg:escalate']({ type: 'ui→bg:escalate', commentKey, tabId: 7 });
  await db.comments.put(commentRow(T0 - 60_000, 'threat', { id: 'threat' }));
});
afterEach(async () => {
  captureComment.mockReset();
  await db.delete();
});

describe('escalating a comment', () => {
  it('keeps one record, with the screenshot, the times and the comment as logged, and logs the action', async () => {
    captureComment.mockResolvedValueOnce(captured(SHOT));
    expect(await escalate('x:threat')).toEqual({
      evidenceId: 1,
      updated: false,
      capture: 'captured',
      hasScreenshot: true,
    });
    expect(captureComment).toHaveBeenCalledWith(7, 'x:threat');
    expect(await db.evidence.toArray()).toEqual([
      expect.objectContaining({
        commentKey: 'x:threat',
        at: T0,
        updatedAt: T0,
        firstSeen: T0 - 60_000,
        screenshot: SHOT,
        screenshotAt: T0,
        text: (await db.comments.get('x:threat'))?.text,
      }),
    ]);
    expect(await db.actions.toArray()).toMatchObject([
      { commentKey: 'x:threat', tactic: 'escalate', at: T0 },
    ]);
  });

  it('brings the same record up to date when escalated again, keeping the earlier screenshot if none is taken', async () => {
    captureComment.mockResolvedValueOnce(captured(SHOT)).mockResolvedValueOnce(refused);
    await escalate('x:threat');
    clock = T0 + 60_000;
    await db.comments.update('x:threat', { text: 'the threat, and more the page showed since' });
    expect(await escalate('x:threat')).toEqual({
      evidenceId: 1,
      updated: true,
      capture: 'not_allowed',
      hasScreenshot: true,
    });
    expect(await db.evidence.toArray()).toEqual([
      expect.objectContaining({
        id: 1,
        at: T0,
        updatedAt: T0 + 60_000,
        text: 'the threat, and more the page showed since',
        screenshot: SHOT,
        screenshotAt: T0,
      }),
    ]);
    expect(await db.actions.count()).toBe(1);
  });

  it('replaces the screenshot with a newer one', async () => {
    captureComment.mockResolvedValueOnce(refused).mockResolvedValueOnce(captured(SHOT));
    expect(await escalate('x:threat')).toMatchObject({ updated: false, hasScreenshot: false });
    clock = T0 + 5_000;
    expect(await escalate('x:threat')).toMatchObject({
      updated: true,
      capture: 'captured',
      hasScreenshot: true,
    });
    expect(await db.evidence.toArray()).toEqual([
      expect.objectContaining({ at: T0, updatedAt: T0 + 5_000, screenshot: SHOT, screenshotAt: T0 + 5_000 }),
    ]);
  });

  it('keeps the text the page showed when the CM does not keep comment text', async () => {
    await db.comments.update('x:threat', { text: null });
    captureComment.mockResolvedValueOnce(captured(SHOT));
    await escalate('x:threat');
    expect((await db.evidence.toArray())[0]?.text).toBe('page text');
  });
});
