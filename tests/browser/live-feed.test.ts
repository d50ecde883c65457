/**
 * 500 replies arriving over time, with the sites' awkward habits: re-rendered replies, X's recycled
 * rows, Facebook's "View more comments" loading older ones on top, and single-page navigation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedComments, tabIdOf } from '../support/chromium';
import { badgeLabels } from '../support/page-tools';
import { type Harness, nextFrame, startHarness } from './harness';

const REPLIES = 500;
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

/**
 * The keys of the comments whose author line is well inside the window (each must have a badge), and of
 * every comment in the page (no badge may belong to anything else).
 */
function commentsOnPage(page: Page): Promise<{ onScreen: string[]; all: string[] }> {
  return page.evaluate(() => {
    const platform = location.hostname === 'x.com' ? 'x' : 'facebook';
    const comments =
      platform === 'x'
        ? [...document.querySelectorAll<HTMLElement>('article[data-testid="tweet"]')].map((article) => ({
            element: article,
            id: /\/status\/(\d+)/.exec(
              article.querySelector('time')?.closest('a')?.getAttribute('href') ?? '',
            )?.[1],
          }))
        : [...document.querySelectorAll<HTMLElement>('div[role="article"]:not([aria-posinset])')].map(
            (article) => ({
              element: article,
              id: /comment_id=(\d+)(?:&reply_comment_id=(\d+))?/
                .exec(article.querySelector('a[href*="comment_id="]')?.getAttribute('href') ?? '')
                ?.slice(1)
                .filter(Boolean)
                .at(-1),
            }),
          );
    const height = document.documentElement.clientHeight;
    const keyed = comments.filter((c) => c.id !== undefined);
    return {
      onScreen: keyed
        .filter(({ element }) => {
          const { top } = element.getBoundingClientRect();
          return top >= 8 && top + 60 <= height;
        })
        .map((c) => `${platform}:${c.id}`),
      all: keyed.map((c) => `${platform}:${c.id}`),
    };
  });
}

/** Every comment on screen carries exactly one badge, and no badge belongs to a comment not on the page. */
async function expectBadgesOnScreen(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const { onScreen } = await commentsOnPage(page);
        const drawn = new Set((await badgeLabels(page)).keys());
        return onScreen.filter((key) => !drawn.has(key));
      },
      { timeout: 10_000 },
    )
    .toEqual([]);
  const { all, onScreen } = await commentsOnPage(page);
  const drawn = [...(await badgeLabels(page)).keys()];
  expect(onScreen.length).toBeGreaterThan(3);
  expect(drawn.filter((key) => !all.includes(key))).toEqual([]);
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
    await expectBadgesOnScreen(page);
    // Further down the thread, the replies scrolled into view get theirs.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await expectBadgesOnScreen(page);

    // A single-page navigation to another conversation: its replies are read and the popup follows.
    const otherThread = '1790000000000000999';
    await page.evaluate(() => window.demoFeed.navigate('/acme_fr/status/1790000000000000999?live=0'));
    await page.evaluate(() => window.demoFeed.append(10));
    await expect
      .poll(async () => (await storedComments(harness.browser.serviceWorker, otherThread)).length, {
        timeout: 15_000,
      })
      .toBe(10);
    const tabId = await tabIdOf(
      harness.browser.serviceWorker,
      `https://x.com/acme_fr/status/${otherThread}*`,
    );
    const popup = await harness.browser.context.newPage();
    await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    await expect
      .poll(() => popup.getByTestId('page-status').textContent(), { timeout: 10_000 })
      .toMatch(/\b10\b/);
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
    await expectBadgesOnScreen(page);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await expectBadgesOnScreen(page);
  });

  it('made no request outside the local test server', () => {
    expect(harness.proxy.violations()).toEqual([]);
  });
});
