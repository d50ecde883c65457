/**
 * The benchmarks' stream of replies on the fake X conversation, shared by `npm run bench` and the scripts
 * that trace or profile the content script, so that all three measure the same stream.
 */
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromePath } from '../../tests/support/chromium';
import { OTHER_HOST } from '../../tests/support/fake-site/hosts';
import { badgeLabels } from '../../tests/support/page-tools';

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
async function inNewWindow(context: BrowserContext): Promise<Page> {
  const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  const opened = context.waitForEvent('page');
  await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true });
  await cdp.detach();
  return opened;
}

/**
 * A fresh conversation `thread` in a window of its own, on x.com (the extension reads it) or on a host the
 * extension ignores: the same page in the same browser, so both streams share its processes, its flags and
 * the machine's load. With the extension, it waits up to `firstBadgeMs` for the first badge, so that a
 * stream is measured once the content script has started and loaded its model (a fixed cost per tab):
 * the stream's figures are what each reply costs. Says whether a badge came.
 */
export async function openThread(
  context: BrowserContext,
  withExtension: boolean,
  thread: bigint,
  firstBadgeMs: number,
): Promise<{ page: Page; badged: boolean }> {
  const page = await inNewWindow(context);
  await page.goto(`https://${withExtension ? 'x.com' : OTHER_HOST}/acme_fr/status/${thread}?live=0`);
  await page.waitForFunction(() => 'demoFeed' in window);
  if (!withExtension) return { page, badged: false };
  const until = performance.now() + firstBadgeMs;
  for (;;) {
    if (((await badgeLabels(page).catch(() => null))?.size ?? 0) > 0) return { page, badged: true };
    if (performance.now() > until) return { page, badged: false };
    await page.waitForTimeout(100);
  }
}

/** The value below which a share `q` of `values` lies (the median at 0.5). */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
