/**
 * `npm run demo`: builds the extension, serves a live X conversation and Facebook Page post as
 * https://x.com and https://www.facebook.com from this machine, and opens Chromium with Desaffect loaded.
 *
 * With a display it opens a window and runs until the browser is closed. Without one, or with
 * `--headless`, it runs for `--seconds N` (default 25) and writes screenshots to demo-output/.
 * Environment: CHROME_PATH (browser), DEMO_PORT (default 8443).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchWithExtension, tabIdOf } from './lib/chromium';
import { loadFeedPool } from './lib/feed-pool';
import { startFeedServer } from './lib/feed-server';

const X_URL = 'https://x.com/acme_fr/status/1790000000000000001';
const FACEBOOK_URL = 'https://www.facebook.com/acmefrance/posts/pfbid0demo';
const OUTPUT = 'demo-output';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { headless: { type: 'boolean', default: false }, seconds: { type: 'string', default: '25' } },
  });
  const headless = values.headless || !process.env.DISPLAY;
  const seconds = Number(values.seconds) || 25;

  execFileSync('bash', ['scripts/setup-browser.sh'], { stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

  const port = Number(process.env.DEMO_PORT) || 8443;
  const server = await startFeedServer({ port, pool: loadFeedPool() });
  const browser = await launchWithExtension({ port, headless });
  const { context, extensionId } = browser;
  const extensionPage = (path: string) => `chrome-extension://${extensionId}/${path}`;
  console.log(`Desaffect demo: ${X_URL} and ${FACEBOOK_URL} are served locally (port ${port}).`);

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

  console.log(`Headless: letting the feed run for ${seconds} s…`);
  await xPage.waitForTimeout(seconds * 1000);
  mkdirSync(OUTPUT, { recursive: true });
  const shoot = async (page: Page, name: string) => {
    await page.screenshot({ path: join(OUTPUT, name), fullPage: false });
    console.log(`  ${join(OUTPUT, name)}`);
  };
  await shoot(xPage, 'feed-x.png');
  await facebookPage.bringToFront();
  await shoot(facebookPage, 'feed-facebook.png');

  const xTabId = await tabIdOf(browser.serviceWorker, X_URL);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(extensionPage(`src/popup/index.html?tab=${xTabId}`));
  await popup.waitForTimeout(1000);
  await shoot(popup, 'popup.png');
  const dashboard = await context.newPage();
  await dashboard.goto(extensionPage('src/dashboard/index.html'));
  await dashboard.waitForTimeout(1000);
  await shoot(dashboard, 'dashboard.png');

  await browser.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
