/**
 * The moderation assistant as the CM uses it: badges and shield on both sites, the card, the popup's
 * order, Copy / Insert / "I did this" (the escalation kit has its own file, evidence.test.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore, storedComments, tabIdOf } from '../support/chromium';
import { SAMPLE_COMMENTS } from '../support/fake-site/sample-comments';
import { badgeLabels, inShadow, openItem } from '../support/page-tools';
import { appendReplies, type Harness, openBadgedFeed, startHarness } from './harness';

const X_URL = 'https://x.com/acme_fr/status/1790000000000000321?live=0';
const FACEBOOK_URL = 'https://www.facebook.com/acmefrance/posts/pfbid0assistant?live=0';
const BADGE = '[data-desaffect-badge]';
const SHIELDED = '[data-desaffect-shielded]';
/** Indexes in SAMPLE_COMMENTS. */
const THREAT = SAMPLE_COMMENTS.findIndex((c) => c.text.startsWith('On sait où tu habites'));
const THANKS = SAMPLE_COMMENTS.findIndex((c) => c.text.startsWith('Merci pour votre réponse rapide'));

let harness: Harness;
let xPage: Page;
let facebookPage: Page;

const replyKey = (page: Page, platform: string, index: number) =>
  page.evaluate(({ i, p }) => `${p}:${window.demoFeed.idOf(i)}`, { i: index, p: platform });

async function openPopup(url: string): Promise<Page> {
  const tabId = await tabIdOf(harness.browser.serviceWorker, url.replace(/\?.*$/, '*'));
  const popup = await harness.browser.context.newPage();
  await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
  await popup.locator('li.queue-item').first().waitFor({ timeout: 15_000 });
  return popup;
}

beforeAll(async () => {
  harness = await startHarness();
  // Extension origins cannot be granted clipboard-read: the test reads the clipboard from the site's tab.
  await harness.browser.context.grantPermissions(['clipboard-read'], { origin: 'https://x.com' });
  xPage = await openBadgedFeed(harness, X_URL, SAMPLE_COMMENTS.length);
  facebookPage = await openBadgedFeed(harness, FACEBOOK_URL, SAMPLE_COMMENTS.length);
});

afterAll(async () => {
  await harness?.close();
});

describe('badges and shield', () => {
  it('labels a threat and blurs it until the CM chooses to read it, and remembers that choice', async () => {
    const key = await replyKey(xPage, 'x', THREAT);
    const host = `${BADGE}[data-desaffect-badge="${key}"]`;
    const labels = await badgeLabels(xPage);
    expect(labels.get(key)).toBe('threat');
    const article = xPage.locator('article[data-testid="tweet"]', { has: xPage.locator(host) });
    await expect.poll(() => article.locator(SHIELDED).count()).toBe(1);
    // A thank-you is neither flagged nor blurred.
    const thanksKey = await replyKey(xPage, 'x', THANKS);
    const thanks = `${BADGE}[data-desaffect-badge="${thanksKey}"]`;
    expect(labels.get(thanksKey)).toBe('neutral');
    expect(
      await xPage
        .locator('article', { has: xPage.locator(thanks) })
        .locator(SHIELDED)
        .count(),
    ).toBe(0);

    await inShadow(
      xPage,
      host,
      (root) => (root.querySelector('button.show') as HTMLButtonElement).click(),
      null,
    );
    await expect.poll(() => article.locator(SHIELDED).count()).toBe(0);
    await expect
      .poll(
        async () =>
          (await storedComments(harness.browser.serviceWorker)).find((r) => r.key === key)?.revealedAt,
      )
      .toBeGreaterThan(0);

    await xPage.reload();
    await xPage.waitForFunction(() => 'demoFeed' in window);
    await appendReplies(xPage, SAMPLE_COMMENTS.length);
    await expect.poll(() => xPage.locator(host).count(), { timeout: 15_000 }).toBe(1);
    expect(
      await xPage
        .locator('article', { has: xPage.locator(host) })
        .locator(SHIELDED)
        .count(),
    ).toBe(0);
  });

  it('shields threats on Facebook too', async () => {
    const key = await replyKey(facebookPage, 'facebook', THREAT);
    const comment = facebookPage.locator('div[role="article"]:not([aria-posinset])', {
      has: facebookPage.locator(`${BADGE}[data-desaffect-badge="${key}"]`),
    });
    await expect.poll(() => comment.locator(SHIELDED).count()).toBeGreaterThan(0);
    expect(await comment.locator(SHIELDED).first().textContent()).toContain('On sait où tu habites');
  });

  it('opens a card with the cues and the tactics, keyboard first', async () => {
    const key = await replyKey(facebookPage, 'facebook', THREAT);
    const card = await inShadow(
      facebookPage,
      `${BADGE}[data-desaffect-badge="${key}"]`,
      (root) => {
        const badge = root.querySelector('button.badge') as HTMLButtonElement;
        badge.focus(); // focus opens the card, as Tab would
        const opened = root.querySelector('.card') as HTMLElement | null;
        return {
          expanded: badge.getAttribute('aria-expanded'),
          text: opened?.textContent ?? '',
          buttons: [...(opened?.querySelectorAll('button') ?? [])].map((b) => b.textContent),
        };
      },
      null,
    );
    expect(card.expanded).toBe('true');
    // Cues are typed and shown in the CM's language, quoting the comment as written.
    expect(card.text).toMatch(/(threat|knows where to find someone): “On sait où tu habites”/i);
    expect(card.buttons).toContain('It’s an unhappy customer');
    expect(card.text).toContain('Report and escalate internally');
    expect(card.buttons).toContain('Escalate and keep evidence');
    expect(card.buttons).not.toContain('Answer with humour');
  });
});

describe('popup', () => {
  it('keeps a shielded threat blurred in the popup too, until the CM chooses to read it there', async () => {
    const key = await replyKey(facebookPage, 'facebook', THREAT);
    const popup = await openPopup(FACEBOOK_URL);
    const threat = popup.locator(`li.queue-item[data-key="${key}"]`);
    // Blurred in its one-line glimpse too, before the CM opens it.
    expect(await threat.locator('.glimpse.shielded').count()).toBe(1);
    await openItem(threat);
    expect(await threat.locator('.comment-text.shielded').count()).toBe(1);
    expect(await threat.locator('.comment-text').getAttribute('aria-hidden')).toBe('true');
    expect(await threat.locator('.cues.shielded').count()).toBe(1); // the cues quote the comment
    await threat.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => threat.locator('.comment-text.shielded').count()).toBe(0);
    expect(await threat.locator('.cues.shielded').count()).toBe(0);
    // The page follows: the comment is no longer blurred there either.
    const comment = facebookPage.locator('div[role="article"]:not([aria-posinset])', {
      has: facebookPage.locator(`${BADGE}[data-desaffect-badge="${key}"]`),
    });
    await expect.poll(() => comment.locator(SHIELDED).count()).toBe(0);
    await popup.close();
  });

  it('lists what needs the CM first, one line each, the first threat in view of a 600 px popup', async () => {
    const popup = await openPopup(X_URL);
    await popup.setViewportSize({ width: 400, height: 600 });
    const labels = await popup
      .locator('li.queue-item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-label')));
    const rank = { threat: 0, unhappy_customer: 1, troll: 2 } as Record<string, number>;
    expect(labels.length).toBeGreaterThanOrEqual(6);
    expect(labels).toContain('threat');
    expect(labels).toContain('unhappy_customer');
    expect(labels).toContain('troll');
    const ranks = labels.map((label) => rank[label ?? ''] ?? 9);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // The first threat's line is within the 600 px of a popup without scrolling; it opens on a click.
    const first = popup.locator('li.queue-item').first();
    expect(await first.getAttribute('data-label')).toBe('threat');
    const box = await first.locator('button.line').boundingBox();
    expect((box?.y ?? 600) + (box?.height ?? 0)).toBeLessThan(600);
    expect(await popup.evaluate(() => window.scrollY)).toBe(0);
    // Every flagged comment, once opened, comes with two or three tactics.
    const items = popup.locator('li.queue-item');
    for (let i = 0; i < (await items.count()); i += 1) {
      const item = items.nth(i);
      await openItem(item);
      const count = await item.locator('ol.tactics > li').count();
      expect(count === 2 || count === 3).toBe(true);
    }
    await popup.close();
  });

  it('copies a ready reply, logs "Done" as an action row, and keeps the comment in place, handled, with Next', async () => {
    const popup = await openPopup(X_URL);
    const customer = popup.locator('li.queue-item[data-label="unhappy_customer"]').first();
    const key = await customer.getAttribute('data-key');
    const order = () =>
      popup.locator('li.queue-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-key')));
    const before = await order();
    await openItem(customer);
    const firstTactic = customer.locator('ol.tactics > li').first();
    const reply = await firstTactic.locator('.reply').textContent();
    await firstTactic.getByRole('button', { name: 'Copy' }).click();
    await xPage.bringToFront();
    await expect.poll(() => xPage.evaluate(() => navigator.clipboard.readText())).toBe(reply);
    await popup.bringToFront();

    const tactic = await firstTactic.getAttribute('data-tactic');
    await firstTactic.getByRole('button', { name: 'Done', exact: true }).click();
    await expect
      .poll(
        async () =>
          (
            await readStore<{ commentKey: string; tactic: string }>(harness.browser.serviceWorker, 'actions')
          ).filter((row) => row.commentKey === key && row.tactic === tactic).length,
      )
      .toBe(1);
    // Handled, and still where it was: the popup keeps the CM's place.
    const handled = popup.locator(`li.queue-item[data-key="${key}"]`);
    await expect.poll(() => handled.getAttribute('data-handled')).toBe('true');
    expect(await handled.locator('.mark').textContent()).toBe('Handled');
    expect(await order()).toEqual(before);
    await handled.getByRole('button', { name: 'Next' }).click();
    const next = popup.locator('li.queue-item:has(button.line[aria-expanded="true"])');
    await expect.poll(() => next.getAttribute('data-key')).not.toBe(key);
    expect(await next.getAttribute('data-handled')).toBe('false');
    await popup.close();
  });
});

describe('Insert', () => {
  /** The site's id of a comment from its key (`x:ID`, `facebook:ID`). */
  const idOf = (key: string) => key.slice(key.indexOf(':') + 1);
  /** The reply box of the comment `key` as the site shows it: X's dialog for that post, Facebook's box under it. */
  const boxOf = (page: Page, site: 'x' | 'facebook', key: string) =>
    site === 'x'
      ? page
          .locator('div[role="dialog"]', { has: page.locator(`a[href$="/status/${idOf(key)}"]`) })
          .locator('[role="textbox"]')
      : page
          .locator('div[role="article"]:not([aria-posinset])', {
            has: page.locator(`a[href*="comment_id=${idOf(key)}&"]`),
          })
          .locator('xpath=..')
          .locator('[role="textbox"]');
  /** Editors may write a space as a no-break space: both compare as spaces. */
  const spaced = (text: string) => text.replace(/\u00a0/g, ' ');
  const shownText = async (box: Locator) => spaced((await box.textContent()) ?? '');

  /** The first tactic of a comment open in the popup whose reply can be inserted. */
  const insertable = (item: Locator) =>
    item.locator('ol.tactics > li', { has: item.page().getByRole('button', { name: 'Insert' }) }).first();

  /** Inserts the reply the comment's first insertable tactic shows; returns that reply. */
  async function insert(item: Locator): Promise<string> {
    await openItem(item);
    const reply = (await insertable(item).locator('.reply').textContent()) ?? '';
    await insertable(item).getByRole('button', { name: 'Insert' }).click();
    return spaced(reply);
  }

  /** Shows the tactic's next wording; returns it. */
  async function otherWording(item: Locator): Promise<string> {
    const shown = insertable(item).locator('.reply');
    const before = await shown.textContent();
    await insertable(item).getByRole('button', { name: 'Other wording' }).click();
    await expect.poll(() => shown.textContent()).not.toBe(before);
    return spaced((await shown.textContent()) ?? '');
  }

  for (const site of ['x', 'facebook'] as const) {
    it(`${site}: writes into that comment’s own reply box, opened for it, replaces its own earlier insert only, and says when the comment is gone`, async () => {
      const page = site === 'x' ? xPage : facebookPage;
      const popup = await openPopup(site === 'x' ? X_URL : FACEBOOK_URL);
      const customers = popup.locator('li.queue-item[data-label="unhappy_customer"]');
      const [first, second] = [customers.nth(0), customers.nth(1)];
      const [firstKey, secondKey] = [
        await first.getAttribute('data-key'),
        await second.getAttribute('data-key'),
      ];
      if (!firstKey || !secondKey) throw new Error('two customers expected in the queue');

      const firstReply = await insert(first);
      await expect.poll(() => shownText(boxOf(page, site, firstKey))).toBe(firstReply);

      // The second customer: its own box, opened by Desaffect clicking that comment's reply control.
      const reply = await insert(second);
      await expect.poll(() => shownText(boxOf(page, site, secondKey))).toBe(reply);
      await expect
        .poll(() => second.locator('.status').textContent())
        .toBe('Inserted in this comment’s reply box: read it, then send it yourself.');
      if (site === 'facebook') {
        // The first comment's box kept its own text; the post's own "Comment as" box got nothing.
        expect(await shownText(boxOf(page, site, firstKey))).toBe(firstReply);
        const postBox = page.locator('div[role="dialog"] [role="textbox"][aria-label^="Comment"]');
        expect(await postBox.textContent()).toBe('');
      } else {
        // One reply dialog at a time, X's, now for the second post.
        expect(await page.locator('div[role="dialog"] [role="textbox"]').count()).toBe(1);
      }

      // Another wording replaces Desaffect's text rather than adding a copy.
      const wording = await otherWording(second);
      await insert(second);
      await expect.poll(() => shownText(boxOf(page, site, secondKey))).toBe(wording);
      await expect
        .poll(() => second.locator('.status').textContent())
        .toBe(
          'Replaced the text inserted earlier in this comment’s reply box: read it, then send it yourself.',
        );

      // What the CM types themselves stays: only Desaffect's own text is replaced.
      const box = boxOf(page, site, secondKey);
      await box.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Bien à vous.');
      await expect.poll(() => shownText(box)).toBe(`${wording} Bien à vous.`);
      const third = await otherWording(second);
      await insert(second);
      await expect.poll(() => shownText(box)).toBe(`${third} Bien à vous.`);

      // The site drops the first comment from the page (scrolled out of X's list, folded by Facebook).
      await page.evaluate((id) => {
        const link = document.querySelector(`a[href$="/status/${id}"], a[href*="comment_id=${id}&"]`);
        link?.closest('[data-testid="cellInnerDiv"], [data-commentid], div[role="article"]')?.remove();
      }, idOf(firstKey));
      await insert(first);
      await expect
        .poll(() => first.locator('.status').textContent())
        .toBe('This comment is no longer on the page: bring it back into view, then insert.');
      await popup.close();
    });
  }
});
