/**
 * Comment text and author names are hostile input: the XSS corpus goes through the badges, the cards,
 * the popup and the evidence records, and nothing runs, nothing is parsed as markup, nothing breaks out.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore, tabIdOf } from '../support/chromium';
import { inOverlay, openItem, toggleCard } from '../support/page-tools';
import { type Harness, openBadgedFeed, showReply, startHarness } from './harness';
import { XSS_CORPUS } from './xss-corpus';

const PAGES = [
  'https://x.com/acme_fr/status/1790000000000000666?live=0',
  'https://www.facebook.com/acmefrance/posts/pfbid0xss?live=0',
];
let harness: Harness;
const feeds: Page[] = [];

beforeAll(async () => {
  harness = await startHarness(XSS_CORPUS);
  for (const url of PAGES) {
    feeds.push(await openBadgedFeed(harness, url, XSS_CORPUS.length, 30_000));
  }
});

afterAll(async () => {
  await harness?.close();
});

/** How many payloads ran in `page`. */
const ran = (page: Page) => page.evaluate(() => window.__xss ?? 0);

describe('the XSS corpus', () => {
  it('runs nothing in the badges and cards, which hold only their own markup', async () => {
    for (const page of feeds) {
      // The hostile words change no badge's box: every one has the width the overlay measured.
      const badgeWidths = new Set<number>();
      for (let i = 0; i < XSS_CORPUS.length; i++) {
        const key = await showReply(page, i);
        await toggleCard(page, key);
        const inside = await inOverlay(
          page,
          (root, wanted) => {
            const card = root.querySelector(`.card[data-key="${wanted}"]`) as HTMLElement;
            const badge = root.querySelector(`button.badge[data-key="${wanted}"]`) as HTMLElement;
            return {
              foreign: root.querySelectorAll('img, script, iframe, svg, a, object, embed, link').length,
              styles: root.querySelectorAll('style').length,
              cardWidth: card.getBoundingClientRect().width,
              badgeWidth: badge.getBoundingClientRect().width,
            };
          },
          key,
        );
        expect(inside.foreign).toBe(0);
        expect(inside.styles).toBeLessThanOrEqual(1); // the shared adopted sheet, or one <style>
        expect(inside.cardWidth).toBeLessThanOrEqual(420);
        badgeWidths.add(inside.badgeWidth);
        await toggleCard(page, key);
      }
      expect([...badgeWidths]).toHaveLength(1);
      expect([...badgeWidths][0]).toBeLessThan(240);
      expect(await ran(page)).toBe(0);
    }
  });

  it('shows hostile text as text in the popup and runs nothing there', async () => {
    for (const url of PAGES) {
      const tabId = await tabIdOf(harness.browser.serviceWorker, url.replace(/\?.*$/, '*'));
      const popup = await harness.browser.context.newPage();
      const dialogs: string[] = [];
      popup.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
      await popup.locator('li.queue-item').first().waitFor({ timeout: 15_000 });
      const list = popup.locator('ul.queue');
      expect(await list.locator('img, script, iframe, svg, a, style, object, embed').count()).toBe(0);
      const texts = await list.locator('.glimpse').allTextContents();
      expect(texts.some((text) => text.includes('<img src=x onerror='))).toBe(true);
      const authors = await list.locator('.author').allTextContents();
      expect(authors.some((name) => name.includes('<script>'))).toBe(true);
      expect(await ran(popup)).toBe(0);
      expect(dialogs).toEqual([]);
      // Long texts are clipped, not pushing the popup sideways.
      expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
        true,
      );
      await popup.close();
    }
  });

  it('keeps a hostile threat as inert evidence text', async () => {
    const tabId = await tabIdOf(
      harness.browser.serviceWorker,
      'https://x.com/acme_fr/status/1790000000000000666*',
    );
    const popup = await harness.browser.context.newPage();
    await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    const threat = popup.locator('li.queue-item[data-label="threat"]').first();
    await openItem(threat);
    await threat.getByRole('button', { name: 'Alert my managers and keep the evidence' }).click();
    await expect
      .poll(async () => (await readStore(harness.browser.serviceWorker, 'evidence')).length)
      .toBeGreaterThan(0);
    const [record] = await readStore<{ text: string; authorName: string }>(
      harness.browser.serviceWorker,
      'evidence',
    );
    expect(record?.text).toContain('<img src=x onerror=');
    expect(record?.authorName).toContain('<img');
    await popup.close();
    for (const page of feeds) expect(await ran(page)).toBe(0);
  });

  it('shows the hostile evidence as text in the dashboard, and runs nothing there', async () => {
    const dashboard = await harness.browser.context.newPage();
    const dialogs: string[] = [];
    dashboard.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Today's threats, then the evidence records, each shown once its data has arrived.
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html'));
    await dashboard.getByTestId('dash-threats').waitFor({ timeout: 10_000 });
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#evidence'));
    const records = dashboard.locator('.evidence-record');
    await records.first().waitFor({ timeout: 10_000 });
    expect(
      await records.locator('script, iframe, object, embed, style, img:not(.evidence-shot)').count(),
    ).toBe(0);
    expect((await records.locator('.comment-text').allTextContents()).join('\n')).toContain(
      '<img src=x onerror=',
    );
    expect(await ran(dashboard)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(
      await dashboard.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
    ).toBe(true);
    await dashboard.close();
  });

  it('downloads the hostile evidence as a file that shows it as text and runs nothing', async () => {
    const dashboard = await harness.browser.context.newPage();
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#evidence'));
    const record = dashboard.locator('.evidence-record').first();
    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      record.getByRole('button', { name: 'Download this record' }).click(),
    ]);
    const path = join(mkdtempSync(join(tmpdir(), 'desaffect-xss-')), download.suggestedFilename());
    await download.saveAs(path);
    const file = await harness.browser.context.newPage();
    const dialogs: string[] = [];
    file.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await file.goto(pathToFileURL(path).href);
    expect(await file.locator('.text').textContent()).toContain('<img src=x onerror=');
    expect(await file.locator('dl').textContent()).toContain('<img src=x onerror=');
    expect(await file.locator('script, iframe, object, embed, svg, img, [onerror], [onload]').count()).toBe(
      0,
    );
    expect(await ran(file)).toBe(0);
    expect(dialogs).toEqual([]);
    await file.close();
    await dashboard.close();
  });
});
