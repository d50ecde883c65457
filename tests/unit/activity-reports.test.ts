// @vitest-environment jsdom
/**
 * The content script's active-time reports: only the browser's own input and visibility events count (a
 * page script cannot make the CM look busy), and a hidden tab keeps no timer running.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { IDLE_AFTER_MS } from '../../src/content/activity-tracker';
import type { CsToBg } from '../../src/messages';
import { fireAsBrowser } from './content-script-harness';

const reported: number[] = [];
const runtime = {
  id: 'desaffect',
  async sendMessage(message: CsToBg) {
    if (message.type === 'cs→bg:activity') reported.push(message.activeMs);
    return { ok: true };
  },
};
vi.mock('webextension-polyfill', () => ({ default: { runtime } }));
const { startActivityReports } = await import('../../src/content/activity');

let visibility: DocumentVisibilityState = 'visible';
const total = () => reported.reduce((sum, ms) => sum + ms, 0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  visibility = 'visible';
  reported.length = 0;
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it('ignores key presses a page script dispatches: only the opening of the page counts', async () => {
  const running = new AbortController();
  startActivityReports('x', running.signal);
  for (let second = 0; second < 600; second += 5) {
    dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await vi.advanceTimersByTimeAsync(5_000);
  }
  // Reports did go out (the first two minutes after opening the page count), and stopped there.
  expect(reported.length).toBeGreaterThan(0);
  expect(total()).toBe(IDLE_AFTER_MS);
  running.abort();
});

it('counts the CM coming back to the tab as the browser reports it, not a page’s fake visibilitychange', async () => {
  const running = new AbortController();
  startActivityReports('x', running.signal);
  await vi.advanceTimersByTimeAsync(5 * 60_000);
  // The CM is idle and the tab stays visible; the page says otherwise once a minute.
  for (let minute = 0; minute < 10; minute++) {
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(60_000);
  }
  expect(total()).toBe(IDLE_AFTER_MS);
  // The CM goes to another tab and comes back: an act of the CM, counted until it is idle again.
  visibility = 'hidden';
  fireAsBrowser(document, 'visibilitychange');
  await vi.advanceTimersByTimeAsync(60_000);
  visibility = 'visible';
  fireAsBrowser(document, 'visibilitychange');
  await vi.advanceTimersByTimeAsync(5 * 60_000);
  expect(total()).toBe(2 * IDLE_AFTER_MS);
  running.abort();
});

it('runs its report interval only while the tab is visible', async () => {
  const running = new AbortController();
  startActivityReports('facebook', running.signal);
  expect(vi.getTimerCount()).toBe(1);
  visibility = 'hidden';
  fireAsBrowser(document, 'visibilitychange');
  expect(vi.getTimerCount()).toBe(0);
  visibility = 'visible';
  fireAsBrowser(document, 'visibilitychange');
  expect(vi.getTimerCount()).toBe(1);
  running.abort();
  expect(vi.getTimerCount()).toBe(0);
});
