/**
 * Nothing is lost: the service worker stopped again and again mid-stream, three tabs writing at once,
 * a reload in the middle of a batch, a full disk (the verdicts still reach the page meanwhile). Rows are
 * read from an extension page, which stays up while the service worker is down.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askExtension, storedComments, tabIdOf } from '../support/chromium';
import { SAMPLE_COMMENTS } from '../support/fake-site/sample-comments';
import { badgeLabels, overlayView } from '../support/page-tools';
import { appendReplies, type Harness, openFeed, showReply, startHarness } from './harness';

/** A threat of the sample the fake sites' replies draw from. */
const THREAT = SAMPLE_COMMENTS.findIndex((c) => c.text.startsWith('On sait où tu habites'));

let harness: Harness;
let extensionPage: Page;

beforeAll(async () => {
  harness = await startHarness();
  extensionPage = await harness.browser.context.newPage();
  await extensionPage.goto(harness.extensionUrl('src/dashboard/index.html'));
});

afterAll(async () => {
  await harness?.close();
});

function openThread(threadId: string): Promise<Page> {
  return openFeed(harness, `https://x.com/acme_fr/status/${threadId}?live=0`);
}

/** The running service worker (woken if it was stopped): the one launched with the browser may be gone. */
async function liveServiceWorker() {
  await askExtension(extensionPage, { type: 'ui→bg:summary' });
  const worker = harness.browser.context.serviceWorkers().at(-1);
  if (!worker) throw new Error('No service worker');
  return worker;
}

/** Stops every service worker of the profile, as Chrome does to an idle extension. */
async function stopServiceWorker(): Promise<void> {
  const cdp = await harness.browser.context.newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

async function expectStoredOnce(threadId: string, expected: number): Promise<void> {
  await expect
    .poll(async () => (await storedComments(extensionPage, threadId)).length, {
      timeout: 60_000,
      interval: 500,
    })
    .toBe(expected);
  const rows = await storedComments(extensionPage, threadId);
  expect(new Set(rows.map((row) => row.key)).size).toBe(expected);
}

describe('faults and load', () => {
  it('stores every reply exactly once while the service worker is stopped ten times mid-stream', async () => {
    const thread = '1790000000000001000';
    const page = await openThread(thread);
    for (let sent = 0, stops = 0; sent < 1_000; ) {
      sent = await appendReplies(page, 10);
      if (sent % 100 === 50 && stops < 10) {
        // Land each stop at another moment of the batch's trip: before, during, after its write.
        await page.waitForTimeout(stops * 6);
        await stopServiceWorker();
        stops += 1;
      }
      await page.waitForTimeout(10);
    }
    await expectStoredOnce(thread, 1_000 + 1); // the replies and the focal post
    const rows = await storedComments(extensionPage, thread);
    expect(rows.filter((row) => row.timesSeen !== 1)).toEqual([]);
    await page.close();
  });

  it('keeps exact counts when three tabs stream into the database at once', async () => {
    const threads = ['1790000000000002001', '1790000000000002002', '1790000000000002003'];
    const pages = await Promise.all(threads.map(openThread));
    await Promise.all(
      pages.map(async (page) => {
        for (let sent = 0; sent < 300; sent = await appendReplies(page, 6)) await page.waitForTimeout(5);
      }),
    );
    for (const thread of threads) await expectStoredOnce(thread, 300 + 1);
    await Promise.all(pages.map((page) => page.close()));
  });

  it('says plainly when the storage quota is exhausted, offers to free space, and loses nothing', async () => {
    // Chrome cannot lower an extension origin's quota from DevTools, so the service worker's IndexedDB
    // refuses writes the way a full disk makes it: QuotaExceededError on every put.
    const worker = await liveServiceWorker();
    await worker.evaluate(() => {
      const store = IDBObjectStore.prototype as unknown as Record<string, unknown>;
      store.realPut = store.put;
      store.put = () => {
        throw new DOMException('Quota exceeded (simulated)', 'QuotaExceededError');
      };
    });
    const thread = '1790000000000004000';
    const page = await openThread(thread);
    await appendReplies(page, 50);
    // The verdicts come first: the page is badged, and a threat shielded, although nothing can be written.
    await expect.poll(async () => (await badgeLabels(page)).size, { timeout: 20_000 }).toBeGreaterThan(3);
    const threat = await showReply(page, THREAT);
    expect((await badgeLabels(page)).get(threat)).toBe('threat');
    expect((await overlayView(page)).shields.map((shield) => shield.key)).toContain(threat);

    const tabId = await tabIdOf(extensionPage, `https://x.com/acme_fr/status/${thread}*`);
    const popup = await harness.browser.context.newPage();
    await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    const alert = popup.getByTestId('storage-full');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('storage for Desaffect is full');
    // The dashboard says it too.
    const dashboard = await harness.browser.context.newPage();
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html'));
    await dashboard.getByTestId('storage-full').waitFor({ timeout: 10_000 });
    await dashboard.close();
    await alert.getByRole('button').click(); // the purge is offered and runs (nothing is old enough here)
    expect((await storedComments(extensionPage, thread)).length).toBe(0);

    // Space comes back: the comments that waited in the tab are all stored, once.
    await worker.evaluate(() => {
      const store = IDBObjectStore.prototype as unknown as Record<string, unknown>;
      store.put = store.realPut;
    });
    await expectStoredOnce(thread, 50 + 1);
    await expect.poll(() => popup.getByTestId('storage-full').count(), { timeout: 10_000 }).toBe(0);
    await Promise.all([page.close(), popup.close()]);
  });

  it('neither loses nor doubles a batch cut short by a reload', async () => {
    const thread = '1790000000000003000';
    const page = await openThread(thread);
    await appendReplies(page, 200);
    await page.reload(); // no waiting for the acknowledgements
    await page.waitForFunction(() => 'demoFeed' in window);
    await appendReplies(page, 200); // the site shows the same 200 replies again
    await expectStoredOnce(thread, 200 + 1);
    // Seen by two page loads at most: a retried batch never counts as another sighting.
    const rows = await storedComments(extensionPage, thread);
    expect(rows.every((row) => row.timesSeen >= 1 && row.timesSeen <= 2)).toBe(true);
    await page.close();
  });
});
