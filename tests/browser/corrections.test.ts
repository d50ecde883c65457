/**
 * The CM corrects three comments from their badges; a fourth similar comment, arriving afterwards, comes out
 * as the CM said — learned on the device, from corrections stored in the extension's database.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { classify } from '../../src/classifier/index';
import { readStore } from '../support/chromium';
import { ZORBLEX_CAMPAIGN } from '../support/corrections-campaign';
import { badgeLabels, inOverlay, waitForBadges } from '../support/page-tools';
import { appendReplies, type Harness, openFeed, replyKey, startHarness } from './harness';

const URL = 'https://x.com/acme_fr/status/1790000000000000555?live=0';
const POOL = ZORBLEX_CAMPAIGN.map((text) => ({ text, lang: 'fr' }));

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness(POOL);
  page = await openFeed(harness, URL, 3);
});

afterAll(async () => {
  await harness?.close();
});

/** The labels of the given replies' badges, once each of them has one. */
async function labelsOf(keys: string[]): Promise<string[]> {
  await waitForBadges(page, keys);
  const labels = await badgeLabels(page);
  return keys.map((key) => labels.get(key) ?? '');
}

it('a fourth similar comment comes out as the CM corrected three', async () => {
  const shipped = POOL.map(({ text }) => classify(text).label);
  expect(shipped).not.toContain('troll');
  const corrected = [await replyKey(page, 0), await replyKey(page, 1), await replyKey(page, 2)];
  expect(await labelsOf(corrected)).toEqual(shipped.slice(0, 3));

  for (const key of corrected) {
    const said = await inOverlay(
      page,
      async (root, wanted) => {
        const badge = root.querySelector(`button.badge[data-key="${wanted}"]`) as HTMLButtonElement;
        badge.click();
        let button: HTMLButtonElement | null = null;
        for (let i = 0; i < 100 && !button; i++) {
          await new Promise((r) => setTimeout(r, 20));
          button = root.querySelector('.card [data-correct-to="troll"]');
        }
        button?.click();
        // The confirmation shows in the row of the button pressed.
        const status = () =>
          button?.parentElement?.querySelector<HTMLElement>('.status [data-say]')?.dataset.say ?? '';
        for (let i = 0; i < 100 && !status(); i++) await new Promise((r) => setTimeout(r, 50));
        const said = status();
        badge.click();
        return said;
      },
      key,
    );
    expect(said).toMatch(/Corrig|Corrected/);
  }
  const corrections = await readStore<{ commentKey: string; from: string; to: string }>(
    harness.browser.serviceWorker,
    'corrections',
  );
  expect(corrections.map((c) => [c.commentKey, c.from, c.to]).sort()).toEqual(
    corrected.map((key, i) => [key, shipped[i], 'troll']).sort(),
  );

  await appendReplies(page, 1);
  const fourth = await replyKey(page, 3);
  await waitForBadges(page, [fourth]);
  // Its first badge is the bundled model's; the service worker's verdict, which knows the corrections,
  // replaces it once the comment reaches it.
  await expect.poll(async () => (await badgeLabels(page)).get(fourth), { timeout: 10_000 }).toBe('troll');
  const stored = await readStore<{ key: string; label: string; cues: { kind: string }[] }>(
    harness.browser.serviceWorker,
    'comments',
  );
  expect(stored.find((row) => row.key === fourth)?.cues).toContainEqual({ kind: 'your_corrections' });
});

it('the dashboard lists the corrections and how often the classifier now agrees, and settings can forget', async () => {
  const dashboard = await harness.browser.context.newPage();
  await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#corrections'));
  await expect.poll(() => dashboard.locator('[data-correction]').count(), { timeout: 15_000 }).toBe(3);
  await expect
    .poll(() => dashboard.getByTestId('corrections-agreement').textContent())
    .toMatch(/out of 3|sur 3/);
  await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#settings'));
  dashboard.once('dialog', (dialog) => dialog.accept());
  await dashboard
    .getByRole('button', { name: /Forget what Desaffect learned|Oublier ce que Desaffect/ })
    .click();
  await expect
    .poll(() => dashboard.getByRole('status').last().textContent())
    .toMatch(/no longer applies|n’applique plus/);
  await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#corrections'));
  await expect.poll(() => dashboard.getByTestId('corrections-learning').textContent()).toMatch(/: 0$/);
  await dashboard.close();
});
