/**
 * `npm run demo`: builds the extension, serves a live X conversation and Facebook Page post as
 * https://x.com and https://www.facebook.com from this machine, and opens Chromium with Desaffect loaded.
 *
 * With a display it opens a window and runs until the browser is closed. Without one, or with
 * `--headless`, it fast-forwards the feed, runs for `--seconds N` (default 25) and writes screenshots
 * (feeds, a shielded threat, a badge card, the popup, the dashboard) to `--out DIR` (default demo-output/).
 * Environment: CHROME_PATH (browser), DEMO_PORT (default 8443).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, type Settings } from '../src/shared/settings';
import { changeSettings, launchWithExtension, tabIdOf } from '../tests/support/chromium';
import { loadFeedPool } from '../tests/support/fake-site/feed-pool';
import { startFeedServer } from '../tests/support/fake-site/feed-server';
import { badgeLabels, overlayView, showReply, toggleCard } from '../tests/support/page-tools';

const X_URL = 'https://x.com/acme_fr/status/1790000000000000001';
const FACEBOOK_URL = 'https://www.facebook.com/acmefrance/posts/pfbid0demo';
/** Replies added at once in headless mode, so the screenshots show a busy thread. */
const FAST_FORWARD = 30;

type Shoot = (
  page: Page,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
) => Promise<void>;

/** A shielded threat as the CM first sees it, then its badge card open. */
async function shootThreat(page: Page, shoot: Shoot): Promise<void> {
  // Badges are drawn only near the window: bring each reply into view until a threat's badge shows.
  let key: string | undefined;
  const total = await page.evaluate(() => window.demoFeed.total());
  for (let i = 0; i < total && key === undefined; i++) {
    const shown = await showReply(page, i).catch(() => undefined);
    if (shown !== undefined && (await badgeLabels(page)).get(shown) === 'threat') key = shown;
  }
  if (key === undefined) {
    console.log('  (no threat in the feed yet: no shield or card screenshot)');
    return;
  }
  const article = page.locator('article[data-testid="tweet"]', {
    has: page.locator(`a[href$="/status/${key.slice('x:'.length)}"]`),
  });
  const box = await article.first().boundingBox();
  if (!box) return;
  await shoot(page, 'shielded-comment.png', box);
  await toggleCard(page, key);
  const card = (await overlayView(page)).card;
  if (!card) return;
  const top = Math.max(0, Math.min(box.y, card.top));
  const bottom = Math.max(box.y + box.height, card.top + card.height);
  await shoot(page, 'badge-card.png', { x: box.x, y: top, width: box.width, height: bottom - top });
}

/** The demo's CM: the Acme France accounts, so the brand's own posts are not read as incoming. */
async function configureDemoAccount(context: BrowserContext, dashboardUrl: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(dashboardUrl);
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    brandNames: ['Acme'],
    ownHandles: { x: ['acme_fr'], facebook: ['acmefrance'] },
  };
  await changeSettings(page, () => settings);
  await page.close();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      headless: { type: 'boolean', default: false },
      seconds: { type: 'string', default: '25' },
      out: { type: 'string', default: 'demo-output' },
    },
  });
  const output = values.out;
  const headless = values.headless || !process.env.DISPLAY;
  const seconds = Number(values.seconds) || 25;

  execFileSync('bash', ['scripts/setup-browser.sh', 'chromium'], { stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

  const port = Number(process.env.DEMO_PORT) || 8443;
  const server = await startFeedServer({ port, pool: loadFeedPool() });
  const browser = await launchWithExtension({ port, headless });
  const { context, extensionId } = browser;
  const extensionPage = (path: string) => `chrome-extension://${extensionId}/${path}`;
  console.log(`Desaffect demo: ${X_URL} and ${FACEBOOK_URL} are served locally (port ${port}).`);

  await configureDemoAccount(context, extensionPage('src/dashboard/index.html'));
  const xPage = context.pages()[0] ?? (await context.newPage());
  await xPage.goto(X_URL);
  const facebookPage = await context.newPage();
  await facebookPage.goto(FACEBOOK_URL);

  if (!headless) {
    console.log(
      'A Chromium window is open: watch the replies arrive and open the Desaffect popup. Close it to stop.',
    );
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await server.close();
    return;
  }

  console.log(`Headless: ${FAST_FORWARD} replies at once, then the live feed for ${seconds} s…`);
  for (const page of [xPage, facebookPage]) {
    await page.waitForFunction(() => 'demoFeed' in window);
    await page.evaluate((n) => window.demoFeed.append(n), FAST_FORWARD);
  }
  await xPage.waitForTimeout(seconds * 1000);
  mkdirSync(output, { recursive: true });
  const shoot = async (
    page: Page,
    name: string,
    clip?: { x: number; y: number; width: number; height: number },
  ) => {
    await page.screenshot({ path: join(output, name), ...(clip ? { clip } : {}) });
    console.log(`  ${join(output, name)}`);
  };
  await xPage.bringToFront();
  await shoot(xPage, 'feed-x.png');
  await shootThreat(xPage, shoot);
  await facebookPage.bringToFront();
  await shoot(facebookPage, 'feed-facebook.png');

  const xTabId = await tabIdOf(browser.serviceWorker, X_URL);
  const popup = await context.newPage();
  // A popup's usual height: the first threat shows without scrolling.
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(extensionPage(`src/popup/index.html?tab=${xTabId}`));
  await popup.getByTestId('page-status').waitFor();
  await popup.locator('li.queue-item').first().waitFor();
  // Open the first customer: the shot shows the queue's lines and replies that fit a complaint.
  await popup.locator('li.queue-item[data-label=unhappy_customer] button.line').first().click();
  await popup.locator('li.queue-item .detail').waitFor();
  await shoot(popup, 'popup.png');
  const dashboard = await context.newPage();
  await dashboard.goto(extensionPage('src/dashboard/index.html'));
  await dashboard.getByTestId('dash-summary').waitFor();
  await shoot(dashboard, 'dashboard-today.png');

  await browser.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
