/**
 * 500 replies arriving over time, with the sites' awkward habits: re-rendered replies, X's recycled
 * rows, Facebook's "View more comments" loading older ones on top, and single-page navigation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedComments, tabIdOf } from '../support/chromium';
import { type Harness, nextFrame, startHarness } from './harness';

const REPLIES = 500;
const BADGE = '[data-desaffect-badge]';
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/**
 * Streams REPLIES replies in small steps, one a frame; `churn` runs between steps with the step number,
 * so the page re-renders, recycles or loads more while the extension is reading.
 */
async function stream(page: Page, churn: (step: number, count: number) => Promise<void>): Promise<void> {
  for (let step = 0; ; step++) {
    const count = await page.evaluate(() => window.demoFeed.total());
    if (count >= REPLIES) return;
    await page.evaluate((n) => window.demoFeed.append(n), Math.min(4, REPLIES - count));
    await churn(step, count);
    await nextFrame(page);
  }
}

/** The keys of the badges on the page, sorted. */
function badgeKeys(page: Page): Promise<string[]> {
  return page
    .locator(BADGE)
    .evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-desaffect-badge') ?? '').sort());
}

/** True when every badge sits in the post whose status link names its key. */
function badgesMatchTheirRows(page: Page): Promise<boolean> {
  return page.locator(BADGE).evaluateAll((hosts) =>
    hosts.every((host) => {
      const link = host.closest('article')?.querySelector('a[href*="/status/"] time')?.parentElement;
      return (
        host.getAttribute('data-desaffect-badge') === `x:${link?.getAttribute('href')?.split('/').pop()}`
      );
    }),
  );
}

function summarise(delays: number[]) {
  const sorted = [...delays].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    worst: sorted.at(-1) ?? NaN,
  };
}

describe('500 live replies', () => {
  it('X: re-rendered and recycled rows end with exactly 500 replies stored once, and navigation is followed', async () => {
    const threadId = '1790000000000000500';
    const page = await harness.browser.context.newPage();
    await page.goto(`https://x.com/acme_fr/status/${threadId}?live=0`);
    await page.waitForFunction(() => 'demoFeed' in window);

    const recycled: number[] = [];
    await stream(page, async (step, count) => {
      if (step % 5 === 4 && count > 10) await page.evaluate((i) => window.demoFeed.rerender(i), count - 7);
      if (step % 9 === 8 && count > 20 && count < REPLIES) {
        const from = count - 15;
        await page.evaluate((i) => window.demoFeed.recycle(i), from);
        recycled.push(from);
      }
      if (step % 9 === 3 && recycled.length > 0)
        await page.evaluate((i) => window.demoFeed.restore(i), recycled.shift() ?? 0);
    });
    expect(await page.evaluate(() => window.demoFeed.total())).toBe(REPLIES);

    // Every reply plus the focal post, each stored once.
    await expect
      .poll(async () => (await storedComments(harness.browser.serviceWorker, threadId)).length, {
        timeout: 30_000,
      })
      .toBe(REPLIES + 1);
    const rows = await storedComments(harness.browser.serviceWorker, threadId);
    expect(new Set(rows.map((r) => r.key)).size).toBe(REPLIES + 1);
    expect(rows.filter((r) => r.timesSeen !== 1)).toEqual([]);
    // The focal post and every reply on screen carry exactly one badge each, beside the words they judge;
    // the thread above the focal post and X's sections after the replies carry none.
    const expected = [threadId, ...(await page.evaluate(() => window.demoFeed.shown()))].map(
      (id) => `x:${id}`,
    );
    await expect.poll(() => badgeKeys(page), { timeout: 10_000 }).toEqual(expected.sort());
    expect(await badgesMatchTheirRows(page)).toBe(true);

    const delays = summarise(await page.evaluate(() => window.demoFeed.badgeDelays()));
    console.log(
      `X insertion → badge over ${delays.n} replies: median ${delays.median.toFixed(1)} ms, worst ${delays.worst.toFixed(1)} ms`,
    );
    expect(delays.n).toBeGreaterThanOrEqual(REPLIES - recycled.length);

    // A single-page navigation to another conversation: its replies are read and the popup follows.
    const otherThread = '1790000000000000999';
    await page.evaluate(() => window.demoFeed.navigate('/acme_fr/status/1790000000000000999?live=0'));
    await page.evaluate(() => window.demoFeed.append(10));
    // Its focal post and its ten replies.
    await expect
      .poll(async () => (await storedComments(harness.browser.serviceWorker, otherThread)).length, {
        timeout: 15_000,
      })
      .toBe(10 + 1);
    const tabId = await tabIdOf(
      harness.browser.serviceWorker,
      `https://x.com/acme_fr/status/${otherThread}*`,
    );
    const popup = await harness.browser.context.newPage();
    await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    await expect
      .poll(() => popup.getByTestId('page-status').textContent(), { timeout: 10_000 })
      .toMatch(/\b11\b/);
  });

  it('Facebook: replies, re-renders and "View more comments" end with exactly 500 comments stored once', async () => {
    const postId = 'pfbid0fivehundred';
    const page = await harness.browser.context.newPage();
    await page.goto(`https://www.facebook.com/acmefrance/posts/${postId}?live=0`);
    await page.waitForFunction(() => 'demoFeed' in window);

    await stream(page, async (step, count) => {
      if (step % 6 === 5 && count + 8 < REPLIES) await page.evaluate(() => window.demoFeed.loadMore(8));
      if (step % 4 === 3 && count > 10) await page.evaluate((i) => window.demoFeed.rerender(i), count - 5);
    });

    await expect
      .poll(async () => (await storedComments(harness.browser.serviceWorker, postId)).length, {
        timeout: 30_000,
      })
      .toBe(REPLIES);
    const rows = await storedComments(harness.browser.serviceWorker, postId);
    expect(rows.filter((r) => r.timesSeen !== 1)).toEqual([]);
    // The comments of the post in the dialog; the Page's other posts behind it have their own.
    await expect
      .poll(() => page.locator(`div[role="dialog"] ${BADGE}`).count(), { timeout: 10_000 })
      .toBe(REPLIES);

    const delays = summarise(await page.evaluate(() => window.demoFeed.badgeDelays()));
    console.log(
      `Facebook insertion → badge over ${delays.n} comments: median ${delays.median.toFixed(1)} ms, worst ${delays.worst.toFixed(1)} ms`,
    );
    expect(delays.n).toBe(REPLIES);
  });

  it('made no request outside the local test server', () => {
    expect(harness.proxy.violations()).toEqual([]);
  });
});
