// @vitest-environment jsdom
/**
 * The content script's active-time reports: only the browser's own input counts (a page script cannot
 * make the CM look busy), and a hidden tab keeps no timer running.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { IDLE_AFTER_MS } from '../../src/content/activity-tracker';
import type { CsToBg } from '../../src/messages';

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

it('runs its report interval only while the tab is visible', async () => {
  const running = new AbortController();
  startActivityReports('facebook', running.signal);
  expect(vi.getTimerCount()).toBe(1);
  visibility = 'hidden';
  document.dispatchEvent(new Event('visibilitychange'));
  expect(vi.getTimerCount()).toBe(0);
  visibility = 'visible';
  document.dispatchEvent(new Event('visibilitychange'));
  expect(vi.getTimerCount()).toBe(1);
  running.abort();
  expect(vi.getTimerCount()).toBe(0);
});
