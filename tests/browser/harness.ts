/** One Chromium with the built extension, the local sites and a recording proxy, shared by a test file. */
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, launchWithExtension } from '../support/chromium';
import type { FeedText } from '../support/fake-site/feed-pool';
import { type FeedServer, startFeedServer } from '../support/fake-site/feed-server';
import { OTHER_HOST, SITE_HOSTS } from '../support/fake-site/hosts';
import { SAMPLE_COMMENTS } from '../support/fake-site/sample-comments';
import { showReply } from '../support/page-tools';

export { replyKey, showReply } from '../support/page-tools';

import { type RecordingProxy, startRecordingProxy } from '../support/recording-proxy';

export interface Harness {
  browser: ExtensionBrowser;
  proxy: RecordingProxy;
  /** Every request seen from the pages, the extension pages and the extension's service worker. */
  contextRequests: string[];
  server: FeedServer;
  extensionUrl(path: string): string;
  /** Requests for anything but the local test sites, seen by the proxy or the browser: must stay empty. */
  outsideRequests(): string[];
  /** Closes everything, and fails the test file if the browser made any request outside the test sites. */
  close(): Promise<void>;
}

const LOCAL_HOSTS: readonly string[] = [...SITE_HOSTS, OTHER_HOST];
// file: is what a test opens of the files the extension made (an evidence file).
const LOCAL_PROTOCOLS = ['chrome-extension:', 'data:', 'blob:', 'file:'];

/** `pool`: the texts the fake sites' replies draw from (default: the bundled sample). */
export async function startHarness(pool: readonly FeedText[] = SAMPLE_COMMENTS): Promise<Harness> {
  const server = await startFeedServer({ port: Number(process.env.TEST_PORT) || 0, pool });
  const { port } = server;
  const proxy = await startRecordingProxy({ localHosts: LOCAL_HOSTS, upstreamPort: port });
  // Lets Playwright report the extension service worker's own requests too.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const browser = await launchWithExtension({ port, headless: true, proxyPort: proxy.port });
  const contextRequests: string[] = [];
  browser.context.on('request', (request) => contextRequests.push(request.url()));
  const outsideRequests = () => [
    ...proxy.violations(),
    ...contextRequests.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !LOCAL_PROTOCOLS.includes(protocol) && !LOCAL_HOSTS.includes(hostname);
    }),
  ];
  return {
    browser,
    proxy,
    contextRequests,
    server,
    extensionUrl: (path) => `chrome-extension://${browser.extensionId}/${path}`,
    outsideRequests,
    async close() {
      const outside = outsideRequests();
      await browser.close();
      await proxy.close();
      await server.close();
      if (outside.length > 0) throw new Error(`Requests outside the local test sites: ${outside.join(', ')}`);
    },
  };
}

/** Adds `count` replies to the fake site's thread; returns how many it has shown in all. */
export function appendReplies(page: Page, count: number): Promise<number> {
  return page.evaluate((n) => window.demoFeed.append(n), count);
}

/**
 * Resolves once the page has drawn its next frame. The extension's observer reads what changed on the
 * next frame: by then it has seen every change made to the page before this call.
 */
export function nextFrame(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((drawn) => requestAnimationFrame(() => drawn())));
}

/** Opens a fake-site thread (with `?live=0`: the test drives it) and adds `replies` replies. */
export async function openFeed(harness: Harness, url: string, replies = 0): Promise<Page> {
  const page = await harness.browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'demoFeed' in window);
  if (replies > 0) await appendReplies(page, replies);
  return page;
}

/**
 * Opens a fake-site thread with `replies` replies, once the last one has its badge: the replies were
 * added at once, so all were read and judged together.
 */
export async function openBadgedFeed(harness: Harness, url: string, replies: number, timeout = 20_000) {
  const page = await openFeed(harness, url, replies);
  await showReply(page, replies - 1, timeout);
  return page;
}
