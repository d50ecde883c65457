/**
 * 500 replies arriving over time, with the sites' awkward habits: re-rendered replies, X's recycled
 * rows, Facebook's "View more comments" loading older ones on top, and single-page navigation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedComments, tabIdOf } from '../support/chromium';
import { badgeLabels, overlayView } from '../support/page-tools';
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
 * The thread's comments in the page — its focal post on X, and the replies the page shows — with their
 * boxes in the window, and whether each one's author line is well inside it (then it must have a badge).
 */
function threadOnPage(page: Page, focalId: string | null) {
  return page.evaluate((focal) => {
    const platform = location.hostname === 'x.com' ? 'x' : 'facebook';
    const comments: { key: string; element: Element }[] = [];
    const focalPost = focal && document.querySelector(`a[href$="/status/${focal}"]`)?.closest('article');
    if (focalPost) comments.push({ key: `x:${focal}`, element: focalPost });
    for (let i = 0; i < window.demoFeed.total(); i++) {
      const element = window.demoFeed.element(i);
      if (element?.isConnected) comments.push({ key: `${platform}:${window.demoFeed.idOf(i)}`, element });
    }
    const height = document.documentElement.clientHeight;
    return comments.map(({ key, element }) => {
      const { top, bottom } = element.getBoundingClientRect();
      return { key, top, bottom, onScreen: top >= 8 && top + 60 <= height };
    });
  }, focalId);
}

/**
 * Every comment of the thread on screen carries one badge, beside its own words; no badge belongs to
 * anything else (X's thread above the focal post and its sections after the replies, the posts behind
 * Facebook's dialog).
 */
async function expectBadgesOnScreen(page: Page, focalId: string | null = null): Promise<void> {
  await expect
    .poll(
      async () => {
        const drawn = new Set((await badgeLabels(page)).keys());
        return (await threadOnPage(page, focalId)).filter((c) => c.onScreen && !drawn.has(c.key));
      },
      { timeout: 10_000 },
    )
    .toEqual([]);
  const thread = new Map((await threadOnPage(page, focalId)).map((c) => [c.key, c]));
  const { badges, shields } = await overlayView(page);
  expect(badges.length).toBeGreaterThan(3);
  expect(badges.filter((b) => !thread.has(b.key)).map((b) => b.key)).toEqual([]);
  const astray = badges.filter(({ key, top }) => {
    const comment = thread.get(key);
    return !comment || top < comment.top - 4 || top > comment.bottom;
  });
  expect(astray.map((b) => b.key)).toEqual([]);
  // Every threat is shielded (none was revealed), each shield within its own comment: badges and shields
  // are shown again for other comments as the thread streams (spares.ts), so none may stay where it was.
  const threats = badges.filter((b) => b.label === 'threat').map((b) => b.key);
  expect(threats.filter((key) => !shields.some((s) => s.key === key))).toEqual([]);
  const strayShields = shields.filter(({ key, top, height }) => {
    const comment = thread.get(key);
    return !comment || top < comment.top - 4 || top + height > comment.bottom + 4 || height < 10;
  });
  expect(strayShields.map((s) => s.key)).toEqual([]);
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
    // The focal post and the replies on screen have their badges, beside their words; further down, the
    // replies scrolled into view get theirs, and X's sections after the replies get none.
    await expectBadgesOnScreen(page, threadId);
    await page.evaluate(() => window.demoFeed.scrollTo(Math.floor(window.demoFeed.total() / 2)));
    await expectBadgesOnScreen(page, threadId);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expectBadgesOnScreen(page, threadId);

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
    // The comments of the post in the dialog; none of the Page's posts behind it shows through.
    await expectBadgesOnScreen(page);
    await page.evaluate(() => window.demoFeed.scrollTo(Math.floor(window.demoFeed.total() / 2)));
    await expectBadgesOnScreen(page);
  });

  it('made no request outside the local test server', () => {
    expect(harness.proxy.violations()).toEqual([]);
  });
});
