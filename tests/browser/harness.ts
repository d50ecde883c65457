/** One Chromium with the built extension, the local sites and a recording proxy, shared by a test file. */
import {
  type ExtensionBrowser,
  launchWithExtension,
  OTHER_HOST,
  SITE_HOSTS,
} from '../../scripts/lib/chromium';
import { type FeedServer, startFeedServer } from '../../scripts/lib/feed-server';
import { type RecordingProxy, startRecordingProxy } from '../../scripts/lib/recording-proxy';
import { SAMPLE_COMMENTS } from '../../scripts/lib/sample-comments';

export interface Harness {
  browser: ExtensionBrowser;
  proxy: RecordingProxy;
  /** Every request seen from the pages, the extension pages and the extension's service worker. */
  contextRequests: string[];
  server: FeedServer;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const port = Number(process.env.TEST_PORT) || 8543;
  const server = await startFeedServer({ port, pool: SAMPLE_COMMENTS });
  const proxy = await startRecordingProxy({ localHosts: [...SITE_HOSTS, OTHER_HOST], upstreamPort: port });
  // Lets Playwright report the extension service worker's own requests too.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const browser = await launchWithExtension({ port, headless: true, proxyPort: proxy.port });
  const contextRequests: string[] = [];
  browser.context.on('request', (request) => contextRequests.push(request.url()));
  return {
    browser,
    proxy,
    contextRequests,
    server,
    extensionUrl: (path) => `chrome-extension://${browser.extensionId}/${path}`,
    async close() {
      await browser.close();
      await proxy.close();
      await server.close();
    },
  };
}
