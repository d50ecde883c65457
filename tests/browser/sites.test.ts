/**
 * X and Facebook as they are in 2025–2026, in real Chromium: the fixtures' own pages, which the fake
 * site serves at their addresses (the unit tests read the same pages in jsdom), and its live pages, built
 * from the same descriptions.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimePrecision } from '../../src/shared/comment';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { changeSettings, readStore, storedComments, tabIdOf } from '../support/chromium';
import { badgeLabels, overlayView } from '../support/page-tools';
import { type Harness, openFeed, replyKey, startHarness } from './harness';

interface Row {
  key: string;
  authorName: string;
  isReply: boolean;
  isOwn: boolean;
  createdAt: string | null;
  createdAtPrecision: TimePrecision | null;
}

let harness: Harness;
let extensionPage: Page;

const rowsOf = async (threadKey: string) =>
  (
    await readStore<Row>(harness.browser.serviceWorker, 'comments', { index: 'threadKey', value: threadKey })
  ).sort((a, b) => (a.key < b.key ? -1 : 1));
const keysOf = async (threadKey: string) => (await rowsOf(threadKey)).map((row) => row.key);

async function open(url: string): Promise<Page> {
  const page = await harness.browser.context.newPage();
  await page.goto(url);
  return page;
}

async function popupFor(url: string): Promise<Page> {
  const tabId = await tabIdOf(harness.browser.serviceWorker, `${url}*`);
  const popup = await harness.browser.context.newPage();
  await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
  return popup;
}

/** `createdAt` is about `ms` before `readAt`, as a relative time read then says. */
function about(row: Row | undefined, ms: number, readAt: number, precision: TimePrecision): void {
  expect(row?.createdAtPrecision).toBe(precision);
  expect(Math.abs(Date.parse(row?.createdAt ?? '') - (readAt - ms))).toBeLessThan(5 * 60_000);
}

beforeAll(async () => {
  harness = await startHarness();
  extensionPage = await harness.browser.context.newPage();
  await extensionPage.goto(harness.extensionUrl('src/dashboard/index.html'));
  // The CM's accounts as a CM enters them: a Page known only by its number, pasted as its address.
  await changeSettings(extensionPage, () => ({
    ...DEFAULT_SETTINGS,
    ownHandles: {
      x: ['acme_fr', 'AcmeUS'],
      facebook: ['acmefrance', 'https://www.facebook.com/profile.php?id=61550000000002'],
    },
  }));
});

afterAll(async () => {
  await harness?.close();
});

describe('X in 2025–2026', () => {
  it('logs the focal post and its replies only: never the thread above, an ad, "More from this author" or "Discover more"', async () => {
    const conversations = [
      {
        url: 'https://x.com/acme_fr/status/1861000000000000001',
        thread: '1861000000000000001',
        replies: ['101', '102', '103', '104', '105', '106'].map((n) => `x:1861000000000000${n}`),
      },
      {
        url: 'https://x.com/mike_j/status/1862000000000000202',
        thread: '1862000000000000202',
        replies: ['x:1862000000000000301', 'x:1862000000000000302', 'x:1862000000000000303'],
      },
    ];
    for (const { url, thread, replies } of conversations) {
      const page = await open(url);
      await expect
        .poll(() => keysOf(thread), { timeout: 20_000 })
        .toEqual([`x:${thread}`, ...replies].sort());
      await page.close();
    }
    const rows = await storedComments(harness.browser.serviceWorker);
    // Read in X's translation, not in the words its author wrote: its language is stored as unknown.
    expect(rows.find((row) => row.key === 'x:1862000000000000303')?.lang).toBe('und');
    expect(rows.find((row) => row.key === 'x:1862000000000000302')?.lang).toBe('en');
    // Read in the same pass as the replies above: had they been taken for replies, they would be stored.
    const stored = rows.map((row) => row.key);
    for (const notAReply of [
      '1861000000000000000', // the brand's earlier post of its thread
      '1861000000000000999', // the ad
      '1860500000000000001', // "Plus de cet auteur"
      '1859900000000000001', // "Découvrir plus"
      '1862000000000000001', // the brand's post above a customer's reply
      '1862000000000000201',
      '1861900000000000001', // "More from this author"
      '1861800000000000001', // "Discover more"
    ]) {
      expect(stored).not.toContain(`x:${notAReply}`);
    }
  });

  it('re-badges a row X reuses for another reply, beside its new words', async () => {
    const page = await openFeed(harness, 'https://x.com/acme_fr/status/1790000000000004242?live=0', 6);
    const keyOf = (i: number) => replyKey(page, i);
    /** The keys of the badges the overlay draws beside the row of reply `index`. */
    const badgesBeside = async (index: number) => {
      const row = await page.evaluate((i) => {
        const box = window.demoFeed.element(i)?.getBoundingClientRect();
        return box ? { top: box.top, bottom: box.bottom } : null;
      }, index);
      const { badges } = await overlayView(page);
      return badges.filter((b) => row && b.top >= row.top - 4 && b.top <= row.bottom).map((b) => b.key);
    };
    const first = await keyOf(1);
    await expect.poll(() => badgesBeside(1), { timeout: 15_000 }).toEqual([first]);
    const reused = await page.evaluate(() => window.demoFeed.recycle(1));
    const now = await keyOf(reused);
    // The row holds one badge, the new reply's, and its old reply's badge is nowhere.
    await expect.poll(() => badgesBeside(reused), { timeout: 15_000 }).toEqual([now]);
    expect((await badgeLabels(page)).has(first)).toBe(false);
    await page.close();
  });

  it('tells the CM how many places X hides replies in, and never opens them', async () => {
    const url = 'https://x.com/acme_fr/status/1861000000000000001';
    const page = await open(url);
    const popup = await popupFor(url);
    await expect
      .poll(() => popup.getByTestId('withheld-replies').textContent(), { timeout: 15_000 })
      .toMatch(/\bX\b.*\b2\b/);
    // The buttons are still there, unopened.
    expect(await page.getByText('Afficher les spams probables').count()).toBe(1);
    expect(await page.getByText('Voir plus de réponses').count()).toBe(1);
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('Facebook in 2026', () => {
  it('logs every comment and flat reply of the dialog and of the feed behind it under its own id, with estimated times', async () => {
    const readAt = Date.now();
    const page = await open('https://www.facebook.com/acmefrance/posts/pfbid02AcmeDialogFr7');
    const ids = ['01', '02', '03', '04', '05', '06', '07', '08'].map((n) => `facebook:11223344556677${n}`);
    await expect.poll(() => keysOf('pfbid02AcmeDialogFr7'), { timeout: 20_000 }).toEqual(ids);
    // The feed behind the dialog may be read, and stored, in a batch of its own.
    await expect
      .poll(() => keysOf('pfbid02AcmeOlderFr5'))
      .toEqual(['facebook:3300000000000002', 'facebook:3300000000000003']);
    const rows = new Map((await rowsOf('pfbid02AcmeDialogFr7')).map((row) => [row.key.split(':')[1], row]));
    // The pasted-link attack: two rows, each with its own author.
    expect(rows.get('1122334455667701')?.authorName).toBe('Marie Dupont');
    expect(rows.get('1122334455667707')?.authorName).toBe('Karim B');
    // The Page's own reply, flat beside the comment it answers.
    expect(rows.get('1122334455667702')).toMatchObject({ isReply: true, isOwn: true });
    // "il y a 3 heures", "1 j", "2 sem.", "12 mars à 15:04", "12 min".
    about(rows.get('1122334455667701'), 3 * 3_600_000, readAt, 'hour');
    about(rows.get('1122334455667704'), 24 * 3_600_000, readAt, 'day');
    about(rows.get('1122334455667705'), 14 * 24 * 3_600_000, readAt, 'week');
    about(rows.get('1122334455667708'), 12 * 60_000, readAt, 'minute');
    expect(rows.get('1122334455667707')).toMatchObject({
      createdAt: new Date(2026, 2, 12, 15, 4).toISOString(),
      createdAtPrecision: 'minute',
    });
    await page.close();
  });

  it("reads a Page known only by its number, in English, and knows its replies as the CM's own", async () => {
    const readAt = Date.now();
    const page = await open('https://www.facebook.com/profile.php?id=61550000000002');
    const first = ['01', '02', '03', '04', '05'].map((n) => `facebook:77000000000000${n}`);
    await expect.poll(() => keysOf('pfbid02AcmeUSFirst1'), { timeout: 20_000 }).toEqual(first);
    const rows = new Map((await rowsOf('pfbid02AcmeUSFirst1')).map((row) => [row.key.split(':')[1], row]));
    expect(rows.get('7700000000000002')).toMatchObject({ authorName: 'Acme US', isReply: true, isOwn: true });
    expect(rows.get('7700000000000001')?.isOwn).toBe(false);
    about(rows.get('7700000000000001'), 2 * 3_600_000, readAt, 'hour');
    about(rows.get('7700000000000004'), 24 * 3_600_000, readAt, 'day');
    about(rows.get('7700000000000005'), 0, readAt, 'minute');
    await page.close();

    const dialog = await open(
      'https://web.facebook.com/permalink.php?story_fbid=pfbid02AcmeUSDialog3&id=61550000000002',
    );
    await expect.poll(async () => (await keysOf('pfbid02AcmeUSDialog3')).length, { timeout: 20_000 }).toBe(5);
    const attack = new Map((await rowsOf('pfbid02AcmeUSDialog3')).map((row) => [row.key.split(':')[1], row]));
    expect(attack.get('5566778899001101')?.authorName).toBe('Sam O');
    expect(attack.get('5566778899001104')?.authorName).toBe('Max R');
    await dialog.close();
  });

  it('tells the CM how many replies Facebook folds away, and that it shows only "Most relevant"', async () => {
    const url = 'https://www.facebook.com/acmefrance/posts/pfbid02AcmeDialogFr7';
    const page = await open(url);
    const popup = await popupFor(url);
    await expect
      .poll(() => popup.getByTestId('withheld-replies').textContent(), { timeout: 15_000 })
      .toMatch(/\b3\b.*Facebook/);
    await expect.poll(() => popup.getByTestId('most-relevant-only').count()).toBe(1);
    await Promise.all([page.close(), popup.close()]);

    // "All comments" chosen, nothing folded: the same report, without either notice.
    const allUrl = 'https://web.facebook.com/permalink.php?story_fbid=pfbid02AcmeUSDialog3&id=61550000000002';
    const all = await open(allUrl);
    const allPopup = await popupFor(allUrl);
    await expect
      .poll(() => allPopup.getByTestId('page-status').textContent(), { timeout: 15_000 })
      .toMatch(/\b5\b/);
    expect(await allPopup.getByTestId('withheld-replies').count()).toBe(0);
    expect(await allPopup.getByTestId('most-relevant-only').count()).toBe(0);
    await Promise.all([all.close(), allPopup.close()]);
  });
});

it('made no request outside the local test server', () => {
  expect(harness.outsideRequests()).toEqual([]);
});
