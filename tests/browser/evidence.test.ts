/**
 * The escalation kit in a real Chromium: from the in-page card and from the popup, one record per comment,
 * a screenshot of the comment itself (brought into view, its shield lifted for the capture only), and the
 * record downloaded from the dashboard as a file that opens and prints one record a page.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURE_CONTEXT_PX } from '../../src/content/capture';
import { readStore, tabIdOf } from '../support/chromium';
import { SAMPLE_COMMENTS } from '../support/fake-site/sample-comments';
import {
  difference,
  greyRegion,
  imageSize,
  pdfPageCount,
  pngDataUrl,
  type Rect,
  sharpness,
} from '../support/images';
import { clickToolbarButton, inOverlay, openItem, toggleCard } from '../support/page-tools';
import { type Harness, openBadgedFeed, replyKey, showReply, startHarness } from './harness';

const X_URL = 'https://x.com/acme_fr/status/1790000000000000777?live=0';
const FACEBOOK_URL = 'https://www.facebook.com/acmefrance/posts/pfbid0evidence?live=0';
const THREAT = SAMPLE_COMMENTS.findIndex((c) => c.text.startsWith('On sait où tu habites'));
const THREAT_TEXT = SAMPLE_COMMENTS[THREAT]?.text as string;

interface StoredEvidence {
  id: number;
  commentKey: string;
  at: number;
  updatedAt: number;
  text: string;
  screenshot: string | null;
  screenshotAt: number | null;
}

let harness: Harness;
let xPage: Page;
let facebookPage: Page;
/** A blank page to decode pictures in. */
let scratch: Page;

const threatKey = (page: Page) => replyKey(page, THREAT);

const evidenceOf = async (key: string) =>
  (await readStore<StoredEvidence>(harness.browser.serviceWorker, 'evidence')).filter(
    (row) => row.commentKey === key,
  );

/** What the card of `key` says after clicking its "Escalate" (the card is opened first, as the CM does). */
async function escalateFromCard(page: Page, key: string): Promise<string> {
  await showReply(page, THREAT);
  await toggleCard(page, key);
  const before = await cardStatus(page);
  await inOverlay(
    page,
    (root) => root.querySelector<HTMLButtonElement>('.card button.escalate')?.click(),
    null,
  );
  await expect.poll(() => cardStatus(page), { timeout: 15_000 }).not.toBe(before);
  const said = await cardStatus(page);
  await toggleCard(page, key);
  return said;
}

const cardStatus = (page: Page) =>
  inOverlay(
    page,
    // The card's messages are drawn from `data-say` (see Card.tsx).
    (root) =>
      [...root.querySelectorAll<HTMLElement>('.card .status [data-say]')]
        .map((say) => say.dataset.say)
        .join(''),
    null,
  );

/**
 * Records, inside the overlay, each time the shield panel over `key` comes or goes (true: shielded): a
 * panel added or removed, or one kept out of sight given or relieved of the key. Kept on the closed root,
 * which only DevTools reaches.
 */
function recordShield(page: Page, key: string): Promise<void> {
  return inOverlay(
    page,
    (root, wanted) => {
      const shielded = () => root.querySelector(`.shield[data-key="${wanted}"]`) !== null;
      const log: boolean[] = [];
      let last = shielded();
      (root as unknown as { shieldLog: boolean[] }).shieldLog = log;
      new MutationObserver(() => {
        const now = shielded();
        if (now === last) return;
        last = now;
        log.push(now);
      }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-key'] });
    },
    key,
  );
}

const shieldLog = (page: Page) =>
  inOverlay(page, (root) => (root as unknown as { shieldLog: boolean[] }).shieldLog, null);

/**
 * Hides Desaffect's overlay (`hidden`) or shows it again, to see the page as the site draws it: a sheet
 * of the test's, after the overlay's own (whose `!important` rules on :host no page style overrides).
 */
const hideOverlay = (page: Page, hidden: boolean) =>
  inOverlay(
    page,
    (root, hide) => {
      const holder = root as unknown as { testSheet?: CSSStyleSheet };
      holder.testSheet ??= new CSSStyleSheet();
      holder.testSheet.replaceSync(':host { visibility: hidden !important; }');
      const others = root.adoptedStyleSheets.filter((sheet) => sheet !== holder.testSheet);
      root.adoptedStyleSheets = hide ? [...others, holder.testSheet] : others;
    },
    hidden,
  );

beforeAll(async () => {
  harness = await startHarness();
  xPage = await openBadgedFeed(harness, X_URL, SAMPLE_COMMENTS.length);
  facebookPage = await openBadgedFeed(harness, FACEBOOK_URL, SAMPLE_COMMENTS.length);
  scratch = await harness.browser.context.newPage();
});

afterAll(async () => {
  await harness?.close();
});

describe('escalating from the in-page card', () => {
  it('keeps the record and, as the browser allows no screenshot yet, says how to get one', async () => {
    await xPage.bringToFront();
    const key = await threatKey(xPage);
    const said = await escalateFromCard(xPage, key);
    expect(said).toContain('Evidence kept');
    expect(said).toContain('click Desaffect’s button in the toolbar');
    const records = await evidenceOf(key);
    expect(records).toHaveLength(1);
    expect(records[0]?.screenshot).toBeNull();
    expect(records[0]?.text).toBe(THREAT_TEXT);
  });

  it('once Desaffect was opened from the toolbar, updates the same record with a sharp screenshot of the comment, its shield lifted for the capture only', async () => {
    await xPage.bringToFront();
    const key = await threatKey(xPage);
    const article = xPage.locator('article[data-testid="tweet"]', {
      has: xPage.locator(`a[href$="/status/${key.slice('x:'.length)}"]`),
    });
    const body = article.locator('[data-testid="tweetText"]');
    await showReply(xPage, THREAT);
    await recordShield(xPage, key);
    await clickToolbarButton(harness.browser.context, harness.browser.extensionId, xPage);
    await xPage.bringToFront();

    // What a page script could notice of the capture: changes to its document, elements reported as shown.
    await xPage.evaluate(() => {
      const noticed: string[] = [];
      (window as unknown as { noticed: string[] }).noticed = noticed;
      new MutationObserver((records) => {
        for (const record of records) noticed.push(`${record.type} ${record.target.nodeName}`);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) noticed.push(`${entry.entryType} ${entry.name}`);
      }).observe({ type: 'element' });
    });

    const said = await escalateFromCard(xPage, key);
    expect(said).toContain('already had an evidence record');
    expect(said).toContain('With a screenshot of the comment.');
    // The screen was checked on the screenshot itself: the page saw nothing of it.
    expect(await xPage.evaluate(() => (window as unknown as { noticed: string[] }).noticed)).toEqual([]);
    const records = await evidenceOf(key);
    expect(records).toHaveLength(1);
    const record = records[0] as StoredEvidence;
    expect(record.updatedAt).toBeGreaterThan(record.at);
    expect(record.screenshotAt).toBe(record.updatedAt);
    const screenshot = record.screenshot as string;
    expect(screenshot).toMatch(/^data:image\/png;base64,/);

    // The shield went off for the capture and came back on, and stays on: the CM never chose to read it.
    expect(await shieldLog(xPage)).toEqual([false, true]);

    // The picture is the comment with some room around it, at the page's full resolution.
    const geometry = await article.evaluate((element, room) => {
      const box = element.getBoundingClientRect();
      const text = element.querySelector('[data-testid="tweetText"]')?.getBoundingClientRect() as DOMRect;
      const left = Math.max(0, box.left - room);
      const top = Math.max(0, box.top - room);
      return {
        area: {
          x: left,
          y: top,
          width: Math.min(window.innerWidth, box.right + room) - left,
          height: Math.min(window.innerHeight, box.bottom + room) - top,
        },
        text: { x: text.left, y: text.top, width: text.width, height: text.height },
        scale: window.devicePixelRatio,
      };
    }, CAPTURE_CONTEXT_PX);
    const size = await imageSize(scratch, screenshot);
    expect(size.width).toBeGreaterThanOrEqual(Math.floor(geometry.area.width * geometry.scale));
    expect(size.width).toBeLessThanOrEqual(Math.ceil(geometry.area.width * geometry.scale) + 1);
    expect(size.height).toBeGreaterThanOrEqual(Math.floor(geometry.area.height * geometry.scale));
    expect(size.height).toBeLessThanOrEqual(Math.ceil(geometry.area.height * geometry.scale) + 1);

    // Its words as the page shows them without Desaffect, as sharp, and not the shield's panel.
    const inShot: Rect = {
      x: Math.round((geometry.text.x - geometry.area.x) * geometry.scale),
      y: Math.round((geometry.text.y - geometry.area.y) * geometry.scale),
      width: Math.round(geometry.text.width * geometry.scale),
      height: Math.round(geometry.text.height * geometry.scale),
    };
    const greyOf = async (png: Buffer) => {
      const url = pngDataUrl(png);
      return greyRegion(scratch, url, { x: 0, y: 0, ...(await imageSize(scratch, url)) });
    };
    const shielded = await greyOf(await body.screenshot());
    await hideOverlay(xPage, true);
    const reference = await greyOf(await body.screenshot());
    await hideOverlay(xPage, false);
    const evidence = await greyRegion(scratch, screenshot, inShot);
    expect(sharpness(evidence)).toBeGreaterThan(0.7 * sharpness(reference));
    expect(3 * difference(evidence, reference)).toBeLessThan(difference(evidence, shielded));
  });
});

describe('escalating from the popup', () => {
  it('says the comment’s tab must be in front when the popup is a tab of the same window', async () => {
    const key = await threatKey(facebookPage);
    const tabId = await tabIdOf(harness.browser.serviceWorker, FACEBOOK_URL.replace(/\?.*$/, '*'));
    const popup = await harness.browser.context.newPage();
    await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    const threat = popup.locator(`li.queue-item[data-key="${key}"]`);
    await openItem(threat);
    await threat.getByRole('button', { name: 'Alert my managers and keep the evidence' }).click();
    await expect.poll(() => threat.getByRole('status').textContent()).toContain('must be the one in front');
    expect(await evidenceOf(key)).toMatchObject([{ screenshot: null }]);
    await popup.close();
  });

  it('updates the record with a screenshot once the CM opened Desaffect from the toolbar on that tab', async () => {
    const key = await threatKey(facebookPage);
    await facebookPage.bringToFront();
    await clickToolbarButton(harness.browser.context, harness.browser.extensionId, facebookPage);
    const tabId = await tabIdOf(harness.browser.serviceWorker, FACEBOOK_URL.replace(/\?.*$/, '*'));
    // The popup page goes to a window of its own, so the threat's tab stays the one in front.
    const opened = harness.browser.context.waitForEvent('page', (p) =>
      p.url().includes('popup/index.html?tab='),
    );
    await harness.browser.serviceWorker.evaluate(
      (url) =>
        (
          globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }
        ).chrome.windows.create({ url, focused: false }),
      harness.extensionUrl(`src/popup/index.html?tab=${tabId}`),
    );
    const popup = await opened;
    const threat = popup.locator(`li.queue-item[data-key="${key}"]`);
    await openItem(threat);
    await threat.getByRole('button', { name: 'Alert my managers and keep the evidence' }).click();
    await expect.poll(() => threat.getByRole('status').textContent()).toContain('With a screenshot');
    expect(await threat.getByRole('status').textContent()).toContain('already had an evidence record');
    const records = await evidenceOf(key);
    expect(records).toHaveLength(1);
    expect((records[0] as StoredEvidence).screenshot?.length).toBeGreaterThan(1_000);
    const actions = await readStore<{ commentKey: string; tactic: string }>(
      harness.browser.serviceWorker,
      'actions',
    );
    expect(actions.filter((row) => row.commentKey === key && row.tactic === 'escalate')).toHaveLength(1);
    await popup.close();
  });
});

describe('the evidence file', () => {
  let dashboard: Page;
  const downloads = mkdtempSync(join(tmpdir(), 'desaffect-evidence-'));

  beforeAll(async () => {
    dashboard = await harness.browser.context.newPage();
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#evidence'));
    await dashboard.locator('.evidence-record').nth(1).waitFor({ timeout: 10_000 });
  });

  /** Clicks `button` in the dashboard, saves the file it downloads and opens it in a new tab. */
  async function downloadAndOpen(button: Locator): Promise<{ page: Page; name: string; html: string }> {
    const [download] = await Promise.all([dashboard.waitForEvent('download'), button.click()]);
    const path = join(downloads, download.suggestedFilename());
    await download.saveAs(path);
    const page = await harness.browser.context.newPage();
    await page.goto(pathToFileURL(path).href);
    return { page, name: download.suggestedFilename(), html: readFileSync(path, 'utf8') };
  }

  it('downloads one record as a page that opens and prints on one sheet, its screenshot in it', async () => {
    const key = await threatKey(xPage);
    const [stored] = await evidenceOf(key);
    const record = dashboard.locator(`.evidence-record[data-evidence-id="${stored?.id}"]`);
    const { page, name, html } = await downloadAndOpen(
      record.getByRole('button', { name: 'Download this record' }),
    );
    expect(name).toMatch(/^desaffect-evidence-x-\d{4}-\d{2}-\d{2}-\d+\.html$/);
    expect(html).not.toMatch(/<script/i);
    expect(await page.locator('.record').count()).toBe(1);
    expect(await page.locator('.text').textContent()).toBe(THREAT_TEXT);
    expect(await page.locator('.hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    // The very screenshot the record keeps, decoded and shown at a readable size in print.
    const image = page.locator('figure img');
    expect(await image.getAttribute('src')).toBe(stored?.screenshot);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(
      (await imageSize(scratch, stored?.screenshot as string)).width,
    );
    await page.emulateMedia({ media: 'print' });
    expect((await image.boundingBox())?.width).toBeGreaterThan(300);
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(1);
    await page.close();
  });

  it('downloads every record as one file, one page each', async () => {
    const count = await dashboard.locator('.evidence-record').count();
    expect(count).toBeGreaterThanOrEqual(2);
    const { page } = await downloadAndOpen(
      dashboard.getByRole('button', { name: `Download all ${count} records (one page each)` }),
    );
    expect(await page.locator('.record').count()).toBe(count);
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(count);
    await page.close();
  });

  it('prints one record alone', async () => {
    // What the dashboard hands to the print dialog, caught before the dialog opens.
    await dashboard.evaluate(() => {
      const printed: string[] = [];
      (window as unknown as { printed: string[] }).printed = printed;
      const frameWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')
        ?.get as () => Window | null;
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        get(this: HTMLIFrameElement) {
          const view = frameWindow.call(this);
          if (view) view.print = () => printed.push(view.document.documentElement.outerHTML);
          return view;
        },
      });
    });
    const first = dashboard.locator('.evidence-record').first();
    const id = await first.getAttribute('data-evidence-id');
    await first.getByRole('button', { name: 'Print' }).click();
    await expect
      .poll(() => dashboard.evaluate(() => (window as unknown as { printed: string[] }).printed.length))
      .toBe(1);
    const printed = await dashboard.evaluate(
      () => (window as unknown as { printed: string[] }).printed[0] ?? '',
    );
    const ids = [...printed.matchAll(/<article class="record" data-evidence-id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([id]);
  });
});
