/**
 * Every string the popup and the dashboard render comes from the catalogue of the CM's language: in
 * French, no English word (and the other way round). The test collects the pages' text nodes and the
 * titles and labels people hear or hover, takes away what is the CM's data (comments, names, dates,
 * numbers, codes), then every literal piece of that language's messages; what is left must be nothing.
 * Ready replies are left out: they are the CM's words to post, in the language of the comment. Beyond the
 * sections as they open, it looks at what only shows after something happened: the notices of replies a
 * site keeps hidden, what escalating a threat did, the restore's question, cancellation and refusal, and
 * the export preview with the classifier's finer values.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CATALOGS, type UiLanguage } from '../../src/shared/locale';
import { askExtension, backupThrough, changeSettings, tabIdOf } from '../support/chromium';
import { SAMPLE_COMMENTS } from '../support/fake-site/sample-comments';
import { badgeLabels, inOverlay, openItem, toggleCard } from '../support/page-tools';
import { openSection, SECTION_LOADED } from './dashboard-sections';
import { type Harness, openFeed, showReply, startHarness } from './harness';

const X_URL = 'https://x.com/acme_fr/status/1790000000000000444?live=0';
/** Pages of the fake site where X and Facebook keep replies hidden (tests/support/fake-site/pages.ts). */
const WITHHELD_X_URL = 'https://x.com/acme_fr/status/1861000000000000001';
const WITHHELD_FACEBOOK_URL = 'https://www.facebook.com/acmefrance/posts/pfbid02AcmeDialogFr7';

let harness: Harness;
let tabId: number;
/** What the CM's data puts on the pages: comment texts, authors, the brand. */
let userData: string[];

const space = (text: string) => text.replace(/\s+/g, ' ').trim();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The literal pieces of a catalogue's messages (around their placeholders), longest first, each matching
 * whole words only: "on" must not take a bite out of "Mon". A piece that starts or ends with punctuation
 * may touch a word (": open them…" after "Facebook").
 */
function fragments(language: UiLanguage): RegExp[] {
  const pieces = Object.values(CATALOGS[language]).flatMap(({ message }) =>
    message.split(/\$[A-Za-z0-9_]+\$/).map(space),
  );
  const wordEdge = /^[\p{L}\d]/u;
  return [...new Set(pieces.filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map(
      (piece) =>
        new RegExp(
          `${wordEdge.test(piece) ? '(?<![\\p{L}\\d])' : ''}${escapeRegExp(piece)}${
            wordEdge.test(piece.at(-1) ?? '') ? '(?![\\p{L}\\d])' : ''
          }`,
          'gu',
        ),
    );
}

/** Words the browser writes in the page's language: month and weekday names, AM and PM, a list's "and". */
function calendarWords(language: UiLanguage): Set<string> {
  const words = new Set(['AM', 'PM']);
  for (const word of new Intl.ListFormat(language, { type: 'conjunction' })
    .format(['1', '2', '3'])
    .split(/[\s,]+/))
    if (!/\d/.test(word)) words.add(word);
  for (const month of ['long', 'short'] as const)
    for (let m = 0; m < 12; m += 1)
      for (const word of new Intl.DateTimeFormat(language, { month })
        .format(new Date(2026, m, 15))
        .split(/[\s.]+/))
        words.add(word);
  for (const weekday of ['long', 'short'] as const)
    for (let d = 0; d < 7; d += 1)
      for (const word of new Intl.DateTimeFormat(language, { weekday })
        .format(new Date(2026, 10, 2 + d))
        .split(/[\s.]+/))
        words.add(word);
  return words;
}

/** Names that are the same in every language: the product, the platforms, each language by its own name. */
const PROPER_NAMES = new Set(['Desaffect', 'X', 'Facebook', 'Français', 'English']);
/**
 * The CM's data as codes: hashes (with a digit: "efface" is a word), the export's file names,
 * links, dates and hours.
 */
const DATA_CODES =
  /\b(?=[0-9a-f+]*\d)[0-9a-f+]{6,}\b|[\w-]+\.(csv|jsonl|json|md)\b|https?:\/\/\S+|\d{4}-\d{2}-\d{2}(T[\d:]+Z)?|\b\d+h\b/gi;

/** What a rendered string holds that is neither the CM's data nor in the catalogue: should be nothing. */
function foreignWords(text: string, pieces: readonly RegExp[], calendar: Set<string>) {
  let rest = ` ${space(text)} `;
  // Cues quote the comment's own words (three letters or more: “tu” is the settings' own word).
  rest = rest.replace(/[«“] ?([^»”]{3,}?) ?[»”]/gu, (quoted, words: string) =>
    userData.some((data) => data.includes(words)) ? ' ' : quoted,
  );
  for (const data of userData) rest = rest.split(data).join(' ');
  rest = rest.replace(DATA_CODES, ' ');
  for (const piece of pieces) rest = rest.replace(piece, ' ');
  return rest
    .split(/[\s,.;:!?()[\]«»“”"'’/·—–…→⋯|×%+=<>{}@#*-]+/u)
    .filter((word) => /\p{L}/u.test(word))
    .filter((word) => !PROPER_NAMES.has(word) && !calendar.has(word));
}

/**
 * The rendered strings under `root` (a page's document, or the overlay's closed root), in the elements
 * `scope` selects: text nodes, and the titles, labels and alternatives people meet. Runs in the page.
 */
function renderedStrings(root: ParentNode, scope: string): string[] {
  const strings: string[] = [];
  for (const element of root.querySelectorAll(scope)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Ready replies are what the CM posts, in the comment's language: tests/unit/tactics checks them.
      if (parent?.closest('.reply')) continue;
      if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName) && node.textContent?.trim())
        strings.push(node.textContent);
    }
    for (const named of element.querySelectorAll('[title], [aria-label], [placeholder], [alt]'))
      for (const name of ['title', 'aria-label', 'placeholder', 'alt'])
        if (named.getAttribute(name)) strings.push(named.getAttribute(name) as string);
  }
  return strings;
}

function expectNothingForeign(
  strings: readonly string[],
  language: UiLanguage,
  where: string,
  least: number,
) {
  const pieces = fragments(language);
  const calendar = calendarWords(language);
  expect(strings.length).toBeGreaterThanOrEqual(least);
  const foreign = strings.flatMap((text) =>
    foreignWords(text, pieces, calendar).map((word) => `${word} (in “${space(text)}”)`),
  );
  expect({ where, foreign }).toEqual({ where, foreign: [] });
}

async function expectAllFrom(page: Page, language: UiLanguage, where: string, scope = 'body', least = 6) {
  const root = await page.evaluateHandle(() => document);
  expectNothingForeign(await root.evaluate(renderedStrings, scope), language, where, least);
}

beforeAll(async () => {
  harness = await startHarness();
  await openFeed(harness, X_URL, SAMPLE_COMMENTS.length);
  tabId = await tabIdOf(harness.browser.serviceWorker, X_URL.replace(/\?.*$/, '*'));
  const page = await harness.browser.context.newPage();
  await page.goto(harness.extensionUrl('src/popup/index.html'));
  // Every reply read and classified: the service worker holds a verdict for each.
  const tabComments = () => askExtension(page, { type: 'ui→bg:tab-comments', tabId });
  await vi.waitFor(
    async () => expect((await tabComments()).comments.length).toBeGreaterThanOrEqual(SAMPLE_COMMENTS.length),
    { timeout: 30_000, interval: 200 },
  );
  const { comments } = await tabComments();
  userData = [
    ...comments.flatMap((c) => [c.text ?? '', c.authorName, c.authorHandle]),
    ...SAMPLE_COMMENTS.map((c) => c.text),
    'Acme',
  ]
    .map(space)
    .filter(Boolean)
    // Cut texts show as their start, and cues quote their words: any long enough piece is the CM's data.
    .flatMap((text) => [text, ...text.split(/[,.!?;:]\s*/).filter((part) => part.length > 3)])
    .sort((a, b) => b.length - a.length);
  await askExtension(page, {
    type: 'ui→bg:change-replies',
    change: {
      kind: 'add',
      reply: { tactic: 'restraint', topic: 'delivery', language: 'fr', tone: 'any', text: 'Acme' },
    },
  });
  await page.close();
});

afterAll(async () => {
  await harness?.close();
});

describe.each(['fr', 'en'] as const)('in %s', (language) => {
  let page: Page;
  beforeAll(async () => {
    page = await harness.browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(harness.extensionUrl('src/popup/index.html'));
    await changeSettings(page, (settings) => ({
      ...settings,
      language,
      brandNames: ['Acme'],
      setupDone: false,
    }));
  });
  afterAll(async () => {
    await page.close();
  });

  it('the popup, with a threat, a customer and a troll opened, says nothing outside the catalogue', async () => {
    await page.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    await page.locator('li.queue-item').first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    for (const label of ['threat', 'unhappy_customer', 'troll']) {
      const item = page.locator(`li.queue-item[data-label=${label}]`).first();
      await openItem(item);
      await item.locator('details.corrections summary').click();
      await expectAllFrom(page, language, `popup, ${label} open`);
    }
  });

  it('the in-page badges and the card of a threat, a customer and a troll say nothing outside the catalogue', async () => {
    // A new tab: its content script starts with the strings of the language just chosen.
    const feed = await openFeed(harness, X_URL, SAMPLE_COMMENTS.length);
    try {
      const wanted = new Set(['threat', 'unhappy_customer', 'troll']);
      for (let index = 0; index < SAMPLE_COMMENTS.length && wanted.size > 0; index += 1) {
        const key = await showReply(feed, index);
        const label = (await badgeLabels(feed)).get(key) ?? '';
        if (!wanted.delete(label)) continue;
        await toggleCard(feed, key);
        const strings = await inOverlay(feed, renderedStrings, `.badge[data-key="${key}"], .card`);
        expectNothingForeign(strings, language, `card, ${label}`, 6);
        await toggleCard(feed, key);
      }
      expect(wanted).toEqual(new Set());
    } finally {
      await feed.close();
    }
  });

  it('the popup’s notices of hidden replies and what escalating did say nothing outside the catalogue', async () => {
    // X hides replies behind buttons; Facebook folds a counted number and shows only "Most relevant".
    for (const url of [WITHHELD_X_URL, WITHHELD_FACEBOOK_URL]) {
      const site = await harness.browser.context.newPage();
      await site.goto(url);
      const siteTab = await tabIdOf(harness.browser.serviceWorker, url.replace(/\?.*$/, '*'));
      await page.goto(harness.extensionUrl(`src/popup/index.html?tab=${siteTab}`));
      await page.getByTestId('withheld-replies').waitFor({ timeout: 15_000 });
      const notices = '[data-testid=withheld-replies], [data-testid=most-relevant-only]';
      await expectAllFrom(page, language, `popup, hidden replies on ${url}`, notices, 1);
      await site.close();
    }

    await page.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    const threat = page.locator('li.queue-item[data-label=threat]').first();
    await threat.waitFor({ timeout: 15_000 });
    await openItem(threat);
    await threat.locator('button.escalate').click();
    await expect.poll(() => threat.getByRole('status').textContent(), { timeout: 15_000 }).not.toBe('');
    await expectAllFrom(page, language, 'popup, threat escalated');
  });

  it('the restore’s question, its cancellation and a refused row say nothing outside the catalogue', async () => {
    await openSection(page, harness.extensionUrl('src/dashboard/index.html'), 'data');
    const backup = await backupThrough(page);
    const settingsRow = backup.tables.settings.findIndex((row) => row.key === 'settings');
    const withSettings = (value: unknown) => ({
      ...backup,
      tables: {
        ...backup.tables,
        settings: backup.tables.settings.map((row, i) => (i === settingsRow ? { ...row, value } : row)),
      },
    });
    const current = backup.tables.settings[settingsRow]?.value as Record<string, unknown>;
    const choose = (file: unknown) =>
      page.getByTestId('restore-input').setInputFiles({
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });

    // Shorter retention and no text: the restore asks first.
    await choose(withSettings({ ...current, retentionDays: 1, keepText: !current.keepText }));
    await page.getByTestId('restore-confirm').waitFor();
    await expectAllFrom(page, language, 'dashboard, restore asks', '[data-testid=restore-confirm]', 4);
    await page.getByTestId('restore-confirm').locator('button').last().click();
    await page.getByTestId('data-status').waitFor();
    await expectAllFrom(page, language, 'dashboard, restore cancelled', '[data-testid=data-status]', 1);

    await choose(withSettings('oops'));
    await page.getByRole('alert').waitFor();
    await expectAllFrom(page, language, 'dashboard, restore refused', '[role=alert]', 1);
  });

  it('the export preview with the classifier’s finer values says nothing outside the catalogue', async () => {
    await openSection(page, harness.extensionUrl('src/dashboard/index.html'), 'export');
    await page.getByTestId('export-choice-exportFinerValues').check();
    await page.locator('th[data-column=intensity]').first().waitFor({ timeout: 15_000 });
    await expectAllFrom(page, language, 'dashboard, export with finer values');
  });

  it('every section of the dashboard, first-run setup included, says nothing outside the catalogue', async () => {
    for (const id of Object.keys(SECTION_LOADED)) {
      await openSection(page, harness.extensionUrl('src/dashboard/index.html'), id);
      await page.getByTestId('setup').waitFor();
      await expectAllFrom(page, language, `dashboard #${id}`);
    }
  });
});
