/**
 * The card as the CM uses it. With the keyboard only: Tab reaches a badge (one stop for all of them),
 * arrow keys move between badges, Enter opens the card, Tab goes through its buttons and out, Escape
 * closes it and returns to the badge. At 200 % zoom: it fits the window, opens above a comment near the
 * bottom, covers none of its words, and scrolls to its last button. And axe-core finds no serious
 * violation in the badges and an open card, run on a copy of the overlay's closed root in a page of its
 * own (axe cannot enter a closed root; DevTools can copy it out).
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setStrings } from '../../src/content/i18n';
import { badgeWords, everyLook } from '../../src/content/overlay/draw';
import { OVERLAY_STYLE } from '../../src/content/overlay/style';
import { CATALOGS, type UiLanguage } from '../../src/shared/locale';
import { changeSettings, readStore } from '../support/chromium';
import { inOverlay, overlayView, toggleCard, waitForBadges } from '../support/page-tools';
import { appendReplies, type Harness, openFeed, startHarness } from './harness';

const URL = 'https://x.com/acme_fr/status/1790000000000000432?live=0&ui=en';
const REPLIES = 8;

let harness: Harness;
let page: Page;

/** What has the keyboard focus inside the overlay: a badge's key, a card button's text, or null. */
const focused = () =>
  inOverlay(
    page,
    (root) => {
      const active = root.activeElement as HTMLElement | null;
      if (!active) return null;
      return active.matches('button.badge')
        ? `badge ${active.dataset.key}`
        : `card ${active.getAttribute('aria-label') ?? active.textContent}`;
    },
    null,
  );

beforeAll(async () => {
  harness = await startHarness();
  page = await openFeed(harness, URL, REPLIES);
  const keys = await page.evaluate(
    (n) => Array.from({ length: n }, (_, i) => `x:${window.demoFeed.idOf(i)}`),
    REPLIES - 2,
  );
  await waitForBadges(page, keys);
  // The service worker's verdicts (with the tactics the card lists) have come back once it stored them:
  // the card's buttons no longer change under the keyboard.
  await vi.waitFor(
    async () => {
      const stored = await readStore<{ key: string }>(harness.browser.serviceWorker, 'comments');
      expect(keys.filter((key) => !stored.some((row) => row.key === key))).toEqual([]);
    },
    { timeout: 15_000, interval: 100 },
  );
});

afterAll(async () => {
  await harness?.close();
});

describe('the overlay with the keyboard only', () => {
  it('Tab reaches one badge, arrow keys move between badges, Enter opens the card, Tab goes through it, Escape returns', async () => {
    const badges = (await overlayView(page)).badges;
    // One stop in the Tab order for all the badges.
    expect(badges.filter((badge) => badge.tabIndex === 0)).toHaveLength(1);
    await page.keyboard.press('Tab');
    const first = badges.find((badge) => badge.tabIndex === 0)?.key;
    expect(await focused()).toBe(`badge ${first}`);
    await page.keyboard.press('ArrowDown');
    const second = await focused();
    expect(second).toMatch(/^badge /);
    expect(second).not.toBe(`badge ${first}`);
    const key = (second as string).slice('badge '.length);

    // The card's buttons are not in the Tab order until it is open: Tab leaves the overlay.
    await page.keyboard.press('Tab');
    expect(await focused()).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(`badge ${key}`);

    await page.keyboard.press('Enter');
    await expect.poll(async () => (await overlayView(page)).card?.key).toBe(key);
    expect((await overlayView(page)).badges.find((b) => b.key === key)?.expanded).toBe(true);
    const buttons = await inOverlay(
      page,
      (root) =>
        [...root.querySelectorAll('.card button')].map(
          (button) => `card ${button.getAttribute('aria-label') ?? button.textContent}`,
        ),
      null,
    );
    const visited: (string | null)[] = [];
    for (let i = 0; i < buttons.length; i++) {
      await page.keyboard.press('Tab');
      visited.push(await focused());
    }
    expect(visited).toEqual(buttons);

    await page.keyboard.press('Escape');
    await expect.poll(async () => (await overlayView(page)).card).toBeNull();
    expect(await focused()).toBe(`badge ${key}`);
    // Enter again opens it again (it no longer opens on focus and closes on Enter).
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await overlayView(page)).card?.key).toBe(key);
    await page.keyboard.press('Escape');
  });

  it('names every badge by the words it shows first, and by whose comment it is', async () => {
    const names = await inOverlay(
      page,
      (root) =>
        [...root.querySelectorAll<HTMLElement>('button.badge[data-key]')].map((badge) => [
          badge.getAttribute('aria-label') ?? '',
          badge.dataset.words ?? '',
        ]),
      null,
    );
    expect(names.length).toBeGreaterThan(3);
    for (const [name = '', words = ''] of names) {
      expect(words).not.toBe('');
      expect(name.startsWith(words)).toBe(true);
      // And whose comment it is: in the overlay, badges are in no particular order.
      expect(name).toMatch(/\. (Comment by|Commentaire de) \S/);
      expect(name).not.toMatch(/\.\./);
    }
  });

  it('shows every badge whole, whatever its words, all of one width', async () => {
    setStrings(CATALOGS.en);
    const everyWords = everyLook().map((look) => badgeWords(...look));
    const boxes = await inOverlay(
      page,
      (root, words) => {
        const badges = [...root.querySelectorAll<HTMLElement>('button.badge[data-key]')];
        const model = badges[0] as HTMLElement;
        // Each look's icon and words on a copy of a drawn badge, as wide as they need, laid out beside it.
        const looks = words.map((text) => {
          const look = model.cloneNode() as HTMLElement;
          look.dataset.words = text;
          look.style.visibility = 'hidden';
          look.style.width = 'max-content';
          look.style.overflow = 'visible';
          model.after(look);
          return look;
        });
        const widths = {
          badges: badges.map((badge) => badge.getBoundingClientRect().width),
          looks: looks.map((look) => [look.dataset.words ?? '', look.getBoundingClientRect().width] as const),
        };
        for (const look of looks) look.remove();
        return widths;
      },
      everyWords,
    );
    const [width = 0, ...others] = boxes.badges;
    expect(others.length).toBeGreaterThan(3);
    for (const other of others) expect(other).toBe(width);
    expect(boxes.looks).toHaveLength(everyWords.length);
    for (const [words, needs] of boxes.looks) expect(needs, words).toBeLessThanOrEqual(width);
  });
});

describe('the card at 200 % zoom', () => {
  it('fits the window, opens above a comment near the bottom, covers none of its words, and scrolls', async () => {
    // A 1280 × 900 window at 200 %: 640 × 450 CSS pixels.
    const zoomed = await openFeed(harness, URL.replace('432', '433'), REPLIES);
    await zoomed.setViewportSize({ width: 640, height: 450 });
    const index = 3;
    const key = await zoomed.evaluate((i) => `x:${window.demoFeed.idOf(i)}`, index);
    // The reply's author line in the lower half of the window.
    await zoomed.evaluate((i) => {
      const cell = window.demoFeed.element(i) as HTMLElement;
      scrollBy(0, cell.getBoundingClientRect().top - 280);
    }, index);
    await waitForBadges(zoomed, [key]);
    await toggleCard(zoomed, key);
    const card = (await overlayView(zoomed)).card;
    const words = await zoomed.evaluate((i) => {
      const cell = window.demoFeed.element(i) as HTMLElement;
      const { top, bottom } = (
        cell.querySelector('[data-testid="User-Name"]') as Element
      ).getBoundingClientRect();
      const text = (cell.querySelector('[data-testid="tweetText"]') as Element).getBoundingClientRect();
      return { top, bottom: Math.max(bottom, text.bottom) };
    }, index);
    expect(card).not.toBeNull();
    const box = card as NonNullable<typeof card>;
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(640);
    expect(box.top).toBeGreaterThanOrEqual(0);
    // Above the comment, clear of its author line and words.
    expect(box.top + box.height).toBeLessThanOrEqual(words.top);
    const lastButtonShows = await inOverlay(
      zoomed,
      (root) => {
        const scroller = root.querySelector('.card') as HTMLElement;
        const buttons = scroller.querySelectorAll('button');
        const last = buttons[buttons.length - 1] as HTMLElement;
        last.scrollIntoView({ block: 'nearest' });
        const inside = last.getBoundingClientRect();
        const frame = scroller.getBoundingClientRect();
        return inside.top >= frame.top && inside.bottom <= frame.bottom;
      },
      null,
    );
    expect(lastButtonShows).toBe(true);
    await zoomed.close();
  });
});

describe('axe-core', () => {
  it('finds no serious violation in the badges and an open card', async () => {
    const { badges } = await overlayView(page);
    const threat = badges.find((badge) => badge.label === 'threat') ?? badges[0];
    await toggleCard(page, threat?.key ?? '');
    const copy = await inOverlay(page, (root) => root.innerHTML, null);
    await toggleCard(page, threat?.key ?? '');

    const audit = await harness.browser.context.newPage();
    await audit.setContent(
      '<!doctype html><html lang="en"><head><title>A thread</title></head><body><main><h1>A thread</h1><div id="host"></div></main></body></html>',
    );
    await audit.evaluate(
      ({ html, style }) => {
        const root = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
        root.innerHTML = `<style>${style}</style>${html}`;
      },
      { html: copy, style: OVERLAY_STYLE },
    );
    await audit.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const { violations, namedButtons } = await audit.evaluate(async () => {
      interface AxeResult {
        id: string;
        impact: string | null;
        nodes: unknown[];
      }
      const axe = (
        window as unknown as {
          axe: {
            run(context: Node, options: object): Promise<{ violations: AxeResult[]; passes: AxeResult[] }>;
          };
        }
      ).axe;
      // The experimental rule is the one that found the badge's name not containing its words.
      const results = await axe.run(document, {
        rules: { 'label-content-name-mismatch': { enabled: true } },
      });
      return {
        violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
        namedButtons: results.passes.find((p) => p.id === 'button-name')?.nodes.length ?? 0,
      };
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    // axe did look inside the copy: every badge and every button of the card has a name.
    expect(namedButtons).toBeGreaterThanOrEqual(badges.length + 5);
    // The copy held what was audited: the badges and the open card.
    expect(copy).toContain('class="card"');
    await audit.close();
  });
});

/** The words of every look a badge can have, in `language`. */
function everyBadgeWords(language: UiLanguage): Set<string> {
  setStrings(CATALOGS[language]);
  return new Set(everyLook().map((look) => badgeWords(...look)));
}

describe('the language the CM chose', () => {
  it('applies to the badges, and to their width, once the page is loaded again', async () => {
    const wordsAndWidth = () =>
      inOverlay(
        page,
        (root) => {
          const badges = [...root.querySelectorAll<HTMLElement>('button.badge[data-key]')];
          return {
            words: badges.map((badge) => badge.dataset.words ?? ''),
            caption: root.querySelector<HTMLElement>('.shield[data-key]')?.dataset.say ?? null,
            width: badges[0]?.getBoundingClientRect().width ?? 0,
          };
        },
        null,
      );
    const before = await wordsAndWidth();
    expect(before.words.length).toBeGreaterThan(3);
    const inEnglish = everyBadgeWords('en');
    const inFrench = everyBadgeWords('fr');
    expect(before.words.every((words) => inEnglish.has(words))).toBe(true);

    const dashboard = await harness.browser.context.newPage();
    await dashboard.goto(harness.extensionUrl('src/popup/index.html'));
    const settings = await changeSettings(dashboard, (current) => ({ ...current, language: 'fr' }));
    try {
      // Headless Chromium never hides a tab, and the content script heeds only the browser's own
      // visibilitychange (a page could fake one): the CM's return to the tab, which redraws the badges
      // already drawn, is tested in tests/unit/settings-refresh.test.ts. Here the thread is loaded again.
      await page.reload();
      await page.waitForFunction(() => 'demoFeed' in window);
      await appendReplies(page, REPLIES);
      await expect
        .poll(async () => (await wordsAndWidth()).words.every((words) => inFrench.has(words)))
        .toBe(true);
      const after = await wordsAndWidth();
      expect(after.words).toHaveLength(before.words.length);
      // Measured again in French: the widest French words are not as wide as the English ones here.
      expect(after.width).not.toBe(before.width);
      if (before.caption !== null) expect(after.caption).toBe(CATALOGS.fr.badgeShieldCaption?.message);
    } finally {
      await changeSettings(dashboard, () => settings);
      await dashboard.close();
    }
  });
});
