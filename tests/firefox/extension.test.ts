/**
 * The Firefox package in a real Firefox (Debian's firefox-esr, headless, over WebDriver BiDi): the same
 * local X and Facebook pages as the Chromium tests, the same promises — badges, each comment stored once,
 * the popup, nothing on other sites, nothing written on the site's own elements. WebDriver BiDi cannot
 * enter the overlay's closed root (nor the content script's world), so the badges are looked for where
 * the CM sees them: in a screenshot, in their colours, next to each author line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticBackupTables } from '../../scripts/lib/export-bench';
import { firefoxDistDir } from '../../scripts/lib/firefox-build';
import type { TabView } from '../../src/content/messages';
import { splitParts, TRANSFER_PART_CHARS } from '../../src/shared/transfer';
import { type FeedServer, startFeedServer } from '../support/fake-site/feed-server';
import { SAMPLE_COMMENTS } from '../support/fake-site/sample-comments';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../support/firefox';
import { type Ask, backupFileText, readInParts, restoreInParts } from '../support/transfers';

const LABELS = ['troll', 'unhappy_customer', 'threat', 'neutral'];
/** The badges' colours (src/shared/labels.ts), as red, green, blue. */
const BADGE_COLOURS = [
  [0xb3, 0x26, 0x1e],
  [0x7a, 0x4b, 0x00],
  [0x0b, 0x57, 0xd0],
  [0x3c, 0x6e, 0x47],
];

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
  // Tall enough to show the replies the tests count.
  await page.setViewport({ width: 1280, height: 1400 });
  await page.goto(url);
  await page.waitForFunction(() => 'demoFeed' in window);
  await page.evaluate((n) => window.demoFeed.append(n), replies);
  return page;
}

/**
 * How many of the page's author lines (`anchorSelector`) have a badge drawn after them: pixels of a badge
 * colour in the screenshot, in the 200 px to the right of the line.
 */
async function badgedAuthorLines(page: Page, anchorSelector: string): Promise<number> {
  const png = await page.screenshot({ encoding: 'base64' });
  return page.evaluate(
    async ({ image, selector, colours }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${image}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(bitmap, 0, 0);
      const isBadge = (x: number, y: number) => {
        const [r = 0, g = 0, b = 0] = context.getImageData(x, y, 1, 1).data;
        return colours.some(
          ([cr = 0, cg = 0, cb = 0]) => Math.abs(r - cr) + Math.abs(g - cg) + Math.abs(b - cb) < 24,
        );
      };
      let badged = 0;
      for (const line of document.querySelectorAll(selector)) {
        const box = line.getBoundingClientRect();
        if (box.top < 0 || box.bottom > innerHeight) continue;
        // A badge is a pill of its colour: many such pixels right of the line (the text in it breaks runs).
        let coloured = 0;
        for (let y = Math.round(box.top) - 4; y <= box.bottom + 4; y += 2)
          for (let x = Math.round(box.right); x < Math.min(bitmap.width, box.right + 200); x += 2)
            if (isBadge(x, y)) coloured++;
        if (coloured >= 100) badged++;
      }
      return badged;
    },
    { image: png, selector: anchorSelector, colours: BADGE_COLOURS },
  );
}

/** The elements of <html>: the page's own, and Desaffect's one overlay element where it runs. */
const rootElements = (page: Page) =>
  page.evaluate(() => [...document.documentElement.children].map((element) => element.localName));

const X_AUTHOR = 'div[data-testid="User-Name"]';
const FACEBOOK_AUTHOR =
  'div[role="article"]:not([aria-posinset]) a[role="link"][tabindex="0"] span[dir="auto"]';

/** Firefox's own `browser` namespace, as an extension page sees it (the slice this test calls). */
interface ExtensionPageGlobals {
  browser: {
    tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
    runtime: { sendMessage(message: { type: 'ui→bg:tab-comments'; tabId: number }): Promise<TabView> };
  };
}

/** One ui→bg message from an extension page, as the dashboard sends it. */
function askFrom(extensionPage: Page, message: object): Promise<unknown> {
  return extensionPage.evaluate(
    (sent) =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<unknown> } } }
      ).browser.runtime.sendMessage(sent),
    message,
  );
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
    await expect.poll(() => badgedAuthorLines(page, X_AUTHOR), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    // The verdicts stay inside the overlay's closed root: the site sees one bare element, and its own
    // elements as it made them.
    expect(await rootElements(page)).toEqual(['div', 'head', 'body']);
    const written = await page.evaluate(() => ({
      host: (document.documentElement.firstElementChild as Element).getAttributeNames(),
      marked: [...document.body.querySelectorAll('*')].filter((element) =>
        element.getAttributeNames().some((name) => name.includes('desaffect')),
      ).length,
      blurred: [...document.body.querySelectorAll('[style]')].filter((element) =>
        /blur|filter/.test(element.getAttribute('style') ?? ''),
      ).length,
    }));
    expect(written).toEqual({ host: [], marked: 0, blurred: 0 });
  });

  it('badges comments on the Facebook post page', async () => {
    const page = await openFeed('https://www.facebook.com/acmefrance/posts/pfbid0demo?live=0', 4);
    await expect
      .poll(() => badgedAuthorLines(page, FACEBOOK_AUTHOR), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(4);
  });

  it('does nothing on another site with the same markup', async () => {
    const page = await openFeed('https://example.org/acme_fr/status/1790000000000000001?live=0', 5);
    // The same replies on X, opened afterwards, get their badges: the other site's would have come first.
    const x = await openFeed('https://x.com/acme_fr/status/1790000000000000003?live=0', 5);
    await expect.poll(() => badgedAuthorLines(x, X_AUTHOR), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    expect(await rootElements(page)).toEqual(['head', 'body']);
    expect(await badgedAuthorLines(page, X_AUTHOR)).toBe(0);
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
      // The extension page first: a tab opened after the site's would hide it, and a hidden tab is not read.
      const popup = await firefox.openExtensionPage('src/popup/index.html');
      const page = await firefox.browser.newPage();
      await page.goto(url);
      await expect
        .poll(async () => (await storedComments(popup, url)).map((c) => c.key).sort(), { timeout: 15_000 })
        .toEqual([...keys].sort());
      await Promise.all([page.close(), popup.close()]);
    }
  });

  it('stores each comment once and shows them in the popup', async () => {
    const thread = 'https://x.com/acme_fr/status/1790000000000000777';
    const page = await openFeed(`${thread}?live=0&ui=en`, 23);
    // The last reply is badged, so every reply before it was read (the popup's tab hides this one, and
    // Desaffect does not read a hidden tab).
    await page.evaluate(() => window.demoFeed.scrollTo(22));
    await expect.poll(() => badgedAuthorLines(page, X_AUTHOR), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);

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

  it('restores and backs up a history larger than one message, in parts, as the dashboard does', async () => {
    const dashboard = await firefox.openExtensionPage('src/dashboard/index.html#data');
    const ask: Ask = (message) => askFrom(dashboard, message) as never;
    const tables = syntheticBackupTables(2_000);
    const fileText = backupFileText(tables);
    expect(splitParts(fileText).length).toBeGreaterThan(1);
    expect(await restoreInParts(ask, fileText)).toMatchObject({ ok: true });

    const backup = await ask({ type: 'ui→bg:backup' });
    expect(backup.parts).toBeGreaterThan(1);
    const text = await readInParts(ask, backup.transferId, backup.parts);
    expect(text.length).toBeGreaterThan(TRANSFER_PART_CHARS);
    const keys = new Set(
      (JSON.parse(text) as { tables: { comments: { key: string }[] } }).tables.comments.map((row) => row.key),
    );
    for (const row of tables.comments) expect(keys.has(row.key)).toBe(true);
  });
});
