import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStoredComments, pageStatus, storedComments, tabIdOf } from '../support/chromium';
import { SITE_HOSTS } from '../support/fake-site/hosts';
import { badgeLabels } from '../support/page-tools';
import { appendReplies, type Harness, nextFrame, openFeed, startHarness } from './harness';

const X_URL = 'https://x.com/acme_fr/status/1790000000000000001?live=0';
const FACEBOOK_URL = 'https://www.facebook.com/acmefrance/posts/pfbid0demo?live=0';

let harness: Harness;
/** An extension page, to ask the service worker what the popup asks it. */
let extensionPage: Page;

beforeAll(async () => {
  harness = await startHarness();
  extensionPage = await harness.browser.context.newPage();
  await extensionPage.goto(harness.extensionUrl('src/dashboard/index.html'));
});

afterAll(async () => {
  await harness?.close();
});

/** How many badges the overlay draws (one per comment on screen). */
const drawnBadges = async (page: Page) => (await badgeLabels(page)).size;
/** The elements of <html>: the page's own, and Desaffect's one overlay element where it runs. */
const rootElements = (page: Page) =>
  page.evaluate(() => [...document.documentElement.children].map((element) => element.localName));

describe('the extension in Chromium', () => {
  it('badges replies on the X conversation page', async () => {
    const page = await openFeed(harness, X_URL, 5);
    // The focal tweet is read too: it is the brand's own post and gets a badge like any comment.
    await expect.poll(() => drawnBadges(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    const labels = [...(await badgeLabels(page)).values()];
    for (const label of labels) expect(['troll', 'unhappy_customer', 'threat', 'neutral']).toContain(label);
    // The verdicts stay inside the overlay's closed shadow root: the site's scripts see one bare element.
    expect(await rootElements(page)).toEqual(['div', 'head', 'body']);
    expect(
      await page.evaluate(() => {
        const host = document.documentElement.firstElementChild as Element;
        return [host.getAttributeNames(), host.childNodes.length, host.shadowRoot];
      }),
    ).toEqual([[], 0, null]);
  });

  it('badges comments on the Facebook post page', async () => {
    const page = await openFeed(harness, FACEBOOK_URL, 4);
    await expect.poll(() => drawnBadges(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
  });

  it('does nothing on another site with the same markup', async () => {
    const page = await openFeed(harness, 'https://example.org/acme_fr/status/1790000000000000001?live=0', 5);
    // The same replies on X, opened afterwards, get their badges: the other site's would have come first.
    const x = await openFeed(harness, 'https://x.com/acme_fr/status/1790000000000000003?live=0', 5);
    await expect.poll(() => drawnBadges(x), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    expect(await rootElements(page)).toEqual(['head', 'body']);
    await Promise.all([page.close(), x.close()]);
  });

  it('reads on twitter.com and web.facebook.com too', async () => {
    for (const url of [
      'https://twitter.com/acme_fr/status/1790000000000000002?live=0',
      'https://web.facebook.com/acmefrance/posts/pfbid0web?live=0',
    ]) {
      const page = await openFeed(harness, url, 3);
      await expect.poll(() => drawnBadges(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
      await page.close();
    }
  });

  it('follows the CM from the home timeline into a conversation and back, reading only the conversation', async () => {
    const [thread, lastThread] = ['1790000000000000555', '1790000000000000556'];
    const stored = (threadKey?: string) => countStoredComments(harness.browser.serviceWorker, threadKey);
    const before = await stored();
    const page = await openFeed(harness, 'https://x.com/home?live=0');
    const tabId = await tabIdOf(harness.browser.serviceWorker, 'https://x.com/home*');
    // The content script runs on the home timeline (it reported the page) before its posts arrive.
    await expect.poll(async () => (await pageStatus(extensionPage, tabId))?.url).toBe(page.url());
    await appendReplies(page, 5);
    await nextFrame(page);

    // The conversation's focal post and its four replies.
    await page.evaluate((path) => window.demoFeed.navigate(path), `/acme_fr/status/${thread}`);
    await appendReplies(page, 4);
    await expect.poll(() => drawnBadges(page), { timeout: 15_000 }).toBe(4 + 1);
    await expect.poll(() => stored(thread)).toBe(4 + 1);

    await page.evaluate(() => window.demoFeed.navigate('/home'));
    await appendReplies(page, 5);
    await nextFrame(page);
    // One more conversation: once its reply is stored, anything read before it is stored too.
    await page.evaluate((path) => window.demoFeed.navigate(path), `/acme_fr/status/${lastThread}`);
    await appendReplies(page, 1);
    await expect.poll(() => stored(lastThread)).toBe(1 + 1);
    expect(await stored()).toBe(before + (4 + 1) + (1 + 1));
    await page.close();
  });

  it('stores each comment once in the service worker and shows it in the popup', async () => {
    const before = await countStoredComments(harness.browser.serviceWorker);
    const page = await openFeed(harness, 'https://x.com/acme_fr/status/1790000000000000777?live=0&ui=en', 0);
    await appendReplies(page, 23);
    const after = () => countStoredComments(harness.browser.serviceWorker);
    // 23 replies plus this page's focal tweet, each stored once however often the page re-rendered.
    await expect.poll(async () => (await after()) - before, { timeout: 15_000 }).toBe(23 + 1);

    const tabId = await tabIdOf(
      harness.browser.serviceWorker,
      'https://x.com/acme_fr/status/1790000000000000777*',
    );
    const popup = await harness.browser.context.newPage();
    await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    await expect
      .poll(() => popup.getByTestId('page-status').textContent(), { timeout: 10_000 })
      .toMatch(/\b24\b/);
    expect(await popup.getByRole('alert').count()).toBe(0);
  });

  it.each([
    ['X', 'https://x.com/acme_fr/status/1790000000000000888'],
    ['Facebook', 'https://www.facebook.com/acmefrance/posts/pfbid0redesign'],
  ])('says plainly that it cannot read a %s page whose layout changed', async (_site, url) => {
    const page = await openFeed(harness, `${url}?live=0&layout=changed`, 6);
    const tabId = await tabIdOf(harness.browser.serviceWorker, `${url}*`);
    const popup = await harness.browser.context.newPage();
    await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    await expect.poll(() => popup.getByRole('alert').count(), { timeout: 20_000, interval: 1_000 }).toBe(1);
    expect(await drawnBadges(page)).toBe(0);
    await Promise.all([page.close(), popup.close()]);
  });

  it('lets no page script speak for Desaffect or read its data', async () => {
    const page = await openFeed(harness, 'https://x.com/acme_fr/status/1790000000000000666?live=0', 2);
    const forged = {
      type: 'cs→bg:comments-observed',
      sessionId: 'forged-session',
      comments: [
        {
          platform: 'x',
          id: '1790000000000000667',
          threadKey: '1790000000000000666',
          authorHandle: '@forger',
          authorName: 'Forger',
          text: 'planted by the page',
          createdAt: null,
          permalink: null,
          isReply: true,
          isOwn: false,
        },
      ],
    };
    const attempts = await page.evaluate(
      async ({ message, extensionId }) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
        window.postMessage(message, '*');
        let direct = 'no runtime';
        if (typeof runtime?.sendMessage === 'function') {
          try {
            await (runtime.sendMessage as (id: string, m: object) => Promise<unknown>)(extensionId, message);
            direct = 'answered';
          } catch {
            direct = 'refused';
          }
        }
        return { direct, indexedDbNames: (await indexedDB.databases()).map((db) => db.name) };
      },
      { message: forged, extensionId: harness.browser.extensionId },
    );
    expect(attempts.direct).not.toBe('answered');
    // The log lives in the extension's origin, not in the site's IndexedDB.
    expect(attempts.indexedDbNames).toEqual([]);
    // A reply the page shows after the forgery is stored: the forgery, had it been taken, would be too.
    await appendReplies(page, 1);
    const shownAfter = await page.evaluate(() => `x:${window.demoFeed.idOf(2)}`);
    const storedKeys = async () =>
      (await storedComments(harness.browser.serviceWorker, '1790000000000000666')).map((row) => row.key);
    await expect.poll(storedKeys).toContain(shownAfter);
    expect(await storedKeys()).not.toContain('x:1790000000000000667');
    await page.close();
  });

  it('ships the permissions of manifest.json, the version of package.json and no web-accessible resource', () => {
    const built = JSON.parse(readFileSync(join(process.env.DIST_DIR ?? 'dist', 'manifest.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(built.version).toBe(pkg.version);
    expect(built.permissions).toEqual(['storage', 'activeTab']);
    expect(built.optional_permissions).toEqual(['notifications']);
    expect([...built.host_permissions].sort()).toEqual(SITE_HOSTS.map((host) => `https://${host}/*`).sort());
    expect(built.web_accessible_resources ?? []).toEqual([]);
    // One self-contained content script file: nothing for a site to fetch and recognise.
    expect(built.content_scripts).toHaveLength(1);
    expect(built.content_scripts[0].js).toHaveLength(1);
  });

  it('ships its scripts as ASCII only, held as one-byte strings in every page', () => {
    const dist = process.env.DIST_DIR ?? 'dist';
    const scripts = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(scripts).toContain(join('src', 'content', 'index.js'));
    for (const file of scripts)
      expect(readFileSync(join(dist, file), 'utf8'), file).not.toMatch(/[\u0080-\uffff]/);
  });

  it('made no request outside the local test server', () => {
    // Both recorders saw traffic (so they work), none of it outside (every suite's close() checks too).
    expect(harness.proxy.requests.length).toBeGreaterThan(0);
    expect(harness.contextRequests.length).toBeGreaterThan(0);
    expect(harness.outsideRequests()).toEqual([]);
  });
});
