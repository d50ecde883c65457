/**
 * The benchmarks' stream of replies on the fake X conversation, shared by `npm run bench` and the scripts
 * that trace or profile the content script, so that all three measure the same stream.
 */
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromePath } from '../../tests/support/chromium';

/** Chromium without the extension, resolving x.com to the local fake site on `port`. */
export function plainChromium(port: number): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      `--host-resolver-rules=MAP x.com 127.0.0.1:${port}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
    ],
  });
}

/**
 * Appends `count` replies to each of `pages`, five at a time, page after page (pages streamed side by side
 * share the machine's load alike), the window following the newest, then waits for the last batches to
 * come back. `keepRows` keeps only the last 100 rows on the page (a virtualised list).
 */
export async function streamReplies(pages: readonly Page[], count: number, keepRows = false): Promise<void> {
  const [first] = pages;
  if (!first) return;
  for (let sent = 0; sent < count; ) {
    for (const page of pages)
      sent = await page.evaluate((keep) => {
        const shown = window.demoFeed.append(5);
        if (keep) window.demoFeed.keep(100);
        scrollTo(0, document.documentElement.scrollHeight);
        return shown;
      }, keepRows);
    await first.waitForTimeout(20);
  }
  await first.waitForTimeout(1_500);
}

/** A new page in a window of its own: a tab behind another in its window is not rendered. */
export async function inNewWindow(context: BrowserContext): Promise<Page> {
  const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  const opened = context.waitForEvent('page');
  await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true });
  await cdp.detach();
  return opened;
}
