/**
 * The moderation assistant as the CM uses it: badges and shield on both sites, the card, one reveal for
 * the page, the popup, today's threats and the evidence, the popup's order, Copy / Insert / "Done"
 * (the escalation kit has its own file, evidence.test.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore, storedComments, tabIdOf } from '../support/chromium';
import { SAMPLE_COMMENTS } from '../support/fake-site/sample-comments';
import { badgeLabels, inOverlay, openItem, overlayView, toggleCard } from '../support/page-tools';
import { appendReplies, type Harness, openBadgedFeed, replyKey, showReply, startHarness } from './harness';

const X_URL = 'https://x.com/acme_fr/status/1790000000000000321?live=0';
const FACEBOOK_URL = 'https://www.facebook.com/acmefrance/posts/pfbid0assistant?live=0';
/** Indexes in SAMPLE_COMMENTS. */
const THREAT = SAMPLE_COMMENTS.findIndex((c) => c.text.startsWith('On sait où tu habites'));
const QUESTION = SAMPLE_COMMENTS.findIndex((c) => c.text.startsWith('Est-ce que le magasin de Lyon'));

let harness: Harness;
let xPage: Page;
let facebookPage: Page;

/** The keys the overlay shields now. */
const shieldedKeys = async (page: Page) => (await overlayView(page)).shields.map((shield) => shield.key);

/** Clicks "Show" in the open card of `key`. */
const clickShow = (page: Page, key: string) =>
  inOverlay(
    page,
    (root, wanted) => root.querySelector<HTMLElement>(`.card[data-key="${wanted}"] button.show`)?.click(),
    key,
  );

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
    const key = await showReply(xPage, THREAT);
    expect((await badgeLabels(xPage)).get(key)).toBe('threat');
    await expect.poll(() => shieldedKeys(xPage)).toContain(key);
    // The panel covers the words, and the site's own element is as the site made it.
    const shield = (await overlayView(xPage)).shields.find((s) => s.key === key);
    const words = await xPage.evaluate((id) => {
      const text = document
        .querySelector(`a[href$="/status/${id}"]`)
        ?.closest('article')
        ?.querySelector('[data-testid="tweetText"]') as HTMLElement;
      const { left, top, width, height } = text.getBoundingClientRect();
      return {
        left,
        top,
        width,
        height,
        attributes: text.getAttributeNames(),
        style: text.getAttribute('style'),
      };
    }, key.slice(2));
    expect(shield?.left).toBeLessThanOrEqual(words.left);
    expect(shield?.top).toBeLessThanOrEqual(words.top);
    expect((shield?.left ?? 0) + (shield?.width ?? 0)).toBeGreaterThanOrEqual(words.left + words.width);
    expect((shield?.top ?? 0) + (shield?.height ?? 0)).toBeGreaterThanOrEqual(words.top + words.height);
    expect(words.attributes.filter((name) => name.includes('desaffect'))).toEqual([]);
    expect(words.style ?? '').not.toContain('blur');
    // A customer's plain question is neither flagged nor blurred.
    const questionKey = await showReply(xPage, QUESTION);
    expect((await badgeLabels(xPage)).get(questionKey)).toBe('neutral');
    expect(await shieldedKeys(xPage)).not.toContain(questionKey);

    await showReply(xPage, THREAT);
    expect(await toggleCard(xPage, key)).not.toContain('On sait où tu habites');
    await clickShow(xPage, key);
    await expect.poll(() => shieldedKeys(xPage)).not.toContain(key);
    await expect
      .poll(
        async () =>
          (await storedComments(harness.browser.serviceWorker)).find((r) => r.key === key)?.revealedAt,
      )
      .toBeGreaterThan(0);

    await xPage.reload();
    await xPage.waitForFunction(() => 'demoFeed' in window);
    await appendReplies(xPage, SAMPLE_COMMENTS.length);
    await showReply(xPage, THREAT);
    // Another reply's shield is drawn again, this one stays revealed.
    const other = await showReply(
      xPage,
      SAMPLE_COMMENTS.findIndex((c) => c.text.startsWith('Je vais venir')),
    );
    await expect.poll(() => shieldedKeys(xPage)).toContain(other);
    await showReply(xPage, THREAT);
    // The reloaded page draws its own first verdict, shielded, until the service worker's says revealed.
    await expect.poll(() => shieldedKeys(xPage)).not.toContain(key);
  });

  it('shields threats on Facebook too', async () => {
    const key = await showReply(facebookPage, THREAT);
    await expect.poll(() => shieldedKeys(facebookPage)).toContain(key);
  });

  it('opens a card with the cues and the tactics, and keeps the shielded words out of it', async () => {
    const key = await showReply(facebookPage, THREAT);
    const text = await toggleCard(facebookPage, key);
    const card = await inOverlay(
      facebookPage,
      (root) => ({
        expanded: root.querySelector('button.badge[aria-expanded="true"]')?.getAttribute('data-key'),
        buttons: [...root.querySelectorAll('.card button')].map(
          (b) => b.getAttribute('aria-label') ?? b.textContent,
        ),
      }),
      null,
    );
    expect(card.expanded).toBe(key);
    // Cues are typed and shown in the CM's language; while shielded, without the comment's words.
    expect(text).toMatch(/knows where to find someone|threat/i);
    expect(text).not.toContain('On sait où tu habites');
    expect(card.buttons).toContain('It’s an unhappy customer');
    expect(text).toContain('Escalate internally');
    expect(card.buttons).toContain('Alert my managers and keep the evidence');
    expect(card.buttons).toContain('Show');
    expect(card.buttons).not.toContain('Answer with humour');
    await toggleCard(facebookPage, key);
  });
});

describe('popup', () => {
  it('keeps a shielded threat blurred in the popup too; one reveal there shows it in the page', async () => {
    const key = await replyKey(facebookPage, THREAT);
    const popup = await openPopup(FACEBOOK_URL);
    const threat = popup.locator(`li.queue-item[data-key="${key}"]`);
    // Blurred in its one-line glimpse too, before the CM opens it.
    expect(await threat.locator('.glimpse.shielded').count()).toBe(1);
    await openItem(threat);
    expect(await threat.locator('.comment-text.shielded').count()).toBe(1);
    expect(await threat.locator('.comment-text').getAttribute('aria-hidden')).toBe('true');
    // The cues say why without quoting the comment.
    expect(await threat.locator('.cues').textContent()).not.toContain('On sait où');
    await threat.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => threat.locator('.comment-text.shielded').count()).toBe(0);
    await expect.poll(() => threat.locator('.cues').textContent()).toContain('On sait où');
    // The page follows: the comment is no longer blurred there either.
    await expect.poll(() => shieldedKeys(facebookPage)).not.toContain(key);
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
  /**
   * The reply box of the comment `key` as the site shows it: X's dialog for that post (known by the copy of
   * the post it shows, with the post's time and words: X links it nowhere), Facebook's box under it.
   */
  const boxOf = async (page: Page, site: 'x' | 'facebook', key: string) => {
    if (site === 'x') {
      const post = page.locator('article[data-testid="tweet"]', {
        has: page.locator(`a[href$="/status/${idOf(key)}"]`),
      });
      const time = await post.locator('time').getAttribute('datetime');
      const words = (await post.locator('[data-testid="tweetText"]').textContent()) ?? '';
      return page
        .locator('div[role="dialog"][aria-modal="true"]', { has: page.locator(`time[datetime="${time}"]`) })
        .filter({ has: page.locator('[data-testid="tweetText"]', { hasText: words }) })
        .locator('[role="textbox"]');
    }
    return page
      .locator('div[role="article"]:not([aria-posinset])', {
        has: page.locator(`a[href*="comment_id=${idOf(key)}&"]`),
      })
      .locator('xpath=..')
      .locator('[role="textbox"]');
  };
  /** Editors may write a space as a no-break space: both compare as spaces. */
  const spaced = (text: string) => text.replace(/\u00a0/g, ' ');
  const shownText = async (box: Locator) => spaced((await box.textContent()) ?? '');
  const textIn = async (page: Page, site: 'x' | 'facebook', key: string) =>
    shownText(await boxOf(page, site, key));

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
      await expect.poll(() => textIn(page, site, firstKey)).toBe(firstReply);

      // The second customer: its own box, opened by Desaffect clicking that comment's reply control.
      const reply = await insert(second);
      await expect.poll(() => textIn(page, site, secondKey)).toBe(reply);
      await expect
        .poll(() => second.locator('.status').textContent())
        .toBe('Inserted in this comment’s reply box: read it, then send it yourself.');
      if (site === 'facebook') {
        // The first comment's box kept its own text; the post's own "Comment as" box got nothing.
        expect(await textIn(page, site, firstKey)).toBe(firstReply);
        const postBox = page.locator('div[role="dialog"] [role="textbox"][aria-label^="Comment"]');
        expect(await postBox.textContent()).toBe('');
      } else {
        // One reply dialog at a time, X's, now for the second post, at X's address for it.
        expect(await page.locator('div[role="dialog"] [role="textbox"]').count()).toBe(1);
        expect(new URL(page.url()).pathname).toBe('/compose/post');
        // The dialog is over the thread, not another page: the popup still lists the thread's comments.
        const during = await openPopup('https://x.com/compose/post');
        expect(await during.locator('li.queue-item').count()).toBe(
          await popup.locator('li.queue-item').count(),
        );
        await during.close();
      }

      // Another wording replaces Desaffect's text rather than adding a copy.
      const wording = await otherWording(second);
      await insert(second);
      await expect.poll(() => textIn(page, site, secondKey)).toBe(wording);
      await expect
        .poll(() => second.locator('.status').textContent())
        .toBe(
          'Replaced the text inserted earlier in this comment’s reply box: read it, then send it yourself.',
        );

      // What the CM types themselves stays: only Desaffect's own text is replaced.
      const box = await boxOf(page, site, secondKey);
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
      if (site === 'x') {
        // Closed, the dialog gives the thread's address back: the same page, its list and badges kept.
        await page.locator('[data-testid="app-bar-close"]').dispatchEvent('click');
        await expect.poll(() => new URL(page.url()).pathname).toBe(new URL(X_URL).pathname);
        const after = await openPopup(X_URL);
        expect(await after.locator(`li.queue-item[data-key="${secondKey}"]`).count()).toBe(1);
        await after.close();
        await page.locator(`article:has(a[href$="/status/${idOf(secondKey)}"])`).scrollIntoViewIfNeeded();
        await expect.poll(async () => (await badgeLabels(page)).get(secondKey)).toBe('unhappy_customer');
      }
      await popup.close();
    });
  }
});

describe('one shield everywhere', () => {
  it('keeps a threat blurred in the page, its card, the popup, today’s threats and the evidence, until one reveal', async () => {
    const words = 'I know where you live';
    const key = await showReply(
      xPage,
      SAMPLE_COMMENTS.findIndex((c) => c.text.startsWith(words)),
    );
    await expect.poll(() => shieldedKeys(xPage)).toContain(key);
    expect(await toggleCard(xPage, key)).not.toContain(words);
    await toggleCard(xPage, key);

    const popup = await openPopup(X_URL);
    const item = popup.locator(`li.queue-item[data-key="${key}"]`);
    await openItem(item);
    expect(await item.locator('.comment-text.shielded').count()).toBe(1);
    expect(await item.locator('.cues').textContent()).not.toContain(words);
    await item.getByRole('button', { name: 'Alert my managers and keep the evidence' }).click();
    await expect.poll(() => item.getByRole('status').textContent()).toContain('Evidence kept');
    await popup.close();

    const dashboard = await harness.browser.context.newPage();
    const today = harness.extensionUrl('src/dashboard/index.html');
    await dashboard.goto(today);
    // The X one: the same words came on Facebook too.
    const listed = dashboard
      .getByTestId('dash-threats')
      .locator('li', { hasText: words, has: dashboard.locator('a[href^="https://x.com/"]') });
    await listed.waitFor({ timeout: 10_000 });
    expect(await listed.locator('.comment-text.shielded').count()).toBe(1);
    await dashboard.goto(`${today}#evidence`);
    const record = dashboard
      .locator('.evidence-record', { hasText: 'https://x.com/' })
      .filter({ hasText: words })
      .first();
    await record.waitFor({ timeout: 10_000 });
    expect(await record.locator('.comment-text.shielded').count()).toBe(1);

    // One reveal, from the evidence record: the comment shows everywhere.
    await record.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => record.locator('.comment-text.shielded').count()).toBe(0);
    await expect.poll(() => shieldedKeys(xPage)).not.toContain(key);
    expect(await toggleCard(xPage, key)).toContain(words);
    await toggleCard(xPage, key);
    await dashboard.goto(today);
    await listed.waitFor();
    expect(await listed.locator('.comment-text.shielded').count()).toBe(0);
    const popupAgain = await openPopup(X_URL);
    const itemAgain = popupAgain.locator(`li.queue-item[data-key="${key}"]`);
    await openItem(itemAgain);
    expect(await itemAgain.locator('.comment-text.shielded').count()).toBe(0);
    expect(await itemAgain.locator('.cues').textContent()).toContain(words);
    await Promise.all([dashboard.close(), popupAgain.close()]);
  });
});
