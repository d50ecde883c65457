/**
 * The Firefox package in a real Firefox (Debian's firefox-esr, headless, over WebDriver BiDi): the same
 * local X and Facebook pages as the Chromium tests, the same promises — badges, each comment stored once,
 * the popup, nothing on other sites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxDistDir } from '../../scripts/lib/firefox-build';
import type { TabView } from '../../src/content/messages';
import { type FeedServer, startFeedServer } from '../support/fake-site/feed-server';
import { SAMPLE_COMMENTS } from '../support/fake-site/sample-comments';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../support/firefox';

const BADGE = '[data-desaffect-badge]';
const LABELS = ['troll', 'unhappy_customer', 'threat', 'neutral'];

let server: FeedServer;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  server = await startFeedServer({ port: Number(process.env.FIREFOX_TEST_PORT) || 0, pool: SAMPLE_COMMENTS });
  firefox = await launchFirefoxWithExtension({ port: server.port });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function openFeed(url: string, replies: number): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'demoFeed' in window);
  await page.evaluate((n) => window.demoFeed.append(n), replies);
  return page;
}

const badgeCount = (page: Page) => page.$$eval(BADGE, (badges) => badges.length);

/** Firefox's own `browser` namespace, as an extension page sees it (the slice this test calls). */
interface ExtensionPageGlobals {
  browser: {
    tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
    runtime: { sendMessage(message: { type: 'ui→bg:tab-comments'; tabId: number }): Promise<TabView> };
  };
}

/**
 * The stored comments of the tab showing `pattern`, asked from an extension page with the extension's own
 * message: the Firefox background page cannot be evaluated from a test.
 */
function storedComments(extensionPage: Page, pattern: string): Promise<{ key: string; label: string }[]> {
  return extensionPage.evaluate(async (url) => {
    const { browser } = globalThis as unknown as ExtensionPageGlobals;
    const [tab] = await browser.tabs.query({ url });
    if (tab?.id === undefined) return [];
    const view = await browser.runtime.sendMessage({ type: 'ui→bg:tab-comments', tabId: tab.id });
    return view.comments.map((comment) => ({ key: comment.key, label: comment.classification.label }));
  }, pattern);
}

describe('the extension in Firefox', () => {
  it('ships the Firefox manifest: event page, add-on id, nothing collected, the same permissions', () => {
    const built = JSON.parse(readFileSync(join(firefoxDistDir(), 'manifest.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(built.version).toBe(pkg.version);
    expect(built.background.scripts).toHaveLength(1);
    expect(built.background.service_worker).toBeUndefined();
    expect(built.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(built.permissions).toEqual(['storage', 'activeTab']);
    expect(built.optional_permissions).toEqual(['notifications']);
    expect(built.web_accessible_resources ?? []).toEqual([]);
  });

  it('badges replies on the X conversation page', async () => {
    const page = await openFeed('https://x.com/acme_fr/status/1790000000000000001?live=0', 5);
    await expect.poll(() => badgeCount(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    // The verdicts stay inside the closed shadow roots: the site's scripts see a host with a key, no more.
    const attributes = await page.$$eval(BADGE, (hosts) => [
      ...new Set(hosts.flatMap((host) => host.getAttributeNames())),
    ]);
    expect(attributes).toEqual(['data-desaffect-badge']);
  });

  it('badges comments on the Facebook post page', async () => {
    const page = await openFeed('https://www.facebook.com/acmefrance/posts/pfbid0demo?live=0', 4);
    await expect.poll(() => badgeCount(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
  });

  it('does nothing on another site with the same markup', async () => {
    const page = await openFeed('https://example.org/acme_fr/status/1790000000000000001?live=0', 5);
    // The same replies on X, opened afterwards, get their badges: the other site's would have come first.
    const x = await openFeed('https://x.com/acme_fr/status/1790000000000000003?live=0', 5);
    await expect.poll(() => badgeCount(x), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    expect(await badgeCount(page)).toBe(0);
    await Promise.all([page.close(), x.close()]);
  });

  it('reads the 2025–2026 pages of both sites as Chromium does: replies only on X, every comment under its own id on Facebook', async () => {
    for (const [url, keys] of [
      [
        'https://x.com/acme_fr/status/1861000000000000001',
        ['001', '101', '102', '103', '104', '105', '106'].map((n) => `x:1861000000000000${n}`),
      ],
      [
        'https://www.facebook.com/acmefrance/posts/pfbid02AcmeDialogFr7',
        [
          ...['01', '02', '03', '04', '05', '06', '07', '08'].map((n) => `facebook:11223344556677${n}`),
          'facebook:3300000000000002',
          'facebook:3300000000000003',
        ],
      ],
    ] as const) {
      const page = await firefox.browser.newPage();
      await page.goto(url);
      const popup = await firefox.openExtensionPage('src/popup/index.html');
      await expect
        .poll(async () => (await storedComments(popup, url)).map((c) => c.key).sort(), { timeout: 15_000 })
        .toEqual([...keys].sort());
      await Promise.all([page.close(), popup.close()]);
    }
  });

  it('stores each comment once and shows them in the popup', async () => {
    const thread = 'https://x.com/acme_fr/status/1790000000000000777';
    const page = await openFeed(`${thread}?live=0&ui=en`, 23);
    await expect.poll(() => badgeCount(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(23);

    const popup = await firefox.openExtensionPage(
      `src/popup/index.html?url=${encodeURIComponent(`${thread}*`)}`,
    );
    // 23 replies plus the focal post.
    await expect
      .poll(() => popup.$eval('[data-testid="page-status"]', (status) => status.textContent), {
        timeout: 10_000,
      })
      .toMatch(/\b24\b/);
    expect(await popup.$$('[role="alert"]')).toHaveLength(0);
    const stored = await storedComments(popup, `${thread}*`);
    expect(new Set(stored.map((comment) => comment.key)).size).toBe(24);
    for (const { label } of stored) expect(LABELS).toContain(label);
  });
});
