import type { Classification, ObservedComment } from '../shared/comment';
import { commentKey } from '../shared/comment';
import { renderBadge } from './badge';
import { extensionAlive, sendToBackground } from './messaging';
import { observeComments, type SeenComment } from './observer';
import { adapterFor } from './platforms';
import { createReportQueue } from './report-queue';

const STATUS_INTERVAL_MS = 3_000;

/** Reads the page's comments, has them classified and logged, and badges them. */
export function main(): void {
  const adapter = adapterFor(new URL(location.href));
  if (!adapter) return;

  const sessionId = crypto.randomUUID();
  const verdicts = new Map<string, Classification>();
  // The elements currently showing each comment: X recycles nodes, so the id is the key, never the node.
  const anchors = new Map<string, HTMLElement>();
  let commentsRead = new Set<string>();
  let pageSince = Date.now();

  const badge = (key: string) => {
    const anchor = anchors.get(key);
    const classification = verdicts.get(key);
    if (anchor?.isConnected && classification) renderBadge(anchor, key, classification);
  };

  const queue = createReportQueue({
    send: async (comments: ObservedComment[]) =>
      (await sendToBackground({ type: 'cs→bg:comments-observed', sessionId, comments })).verdicts,
    onVerdicts: (received) => {
      for (const { key, classification } of received) {
        verdicts.set(key, classification);
        badge(key);
      }
    },
    isAlive: extensionAlive,
  });

  const onComments = (batch: SeenComment[]) => {
    const fresh: ObservedComment[] = [];
    for (const seen of batch) {
      const key = commentKey(seen.comment);
      commentsRead.add(key);
      anchors.set(key, seen.anchor);
      if (seen.firstSeen || !verdicts.has(key)) fresh.push(seen.comment);
      else badge(key);
    }
    queue.add(fresh);
  };

  let lastStatus = '';
  const reportStatus = () => {
    if (!extensionAlive()) return;
    const status = {
      platform: adapter.platform,
      url: location.href,
      postsVisible: adapter.countPosts(document),
      commentsRead: commentsRead.size,
      since: pageSince,
    };
    const serialised = JSON.stringify(status);
    if (serialised === lastStatus) return;
    lastStatus = serialised;
    sendToBackground({ type: 'cs→bg:page-status', status }).catch(() => {
      lastStatus = ''; // The service worker was asleep or restarting: say it again next time.
    });
  };

  const observer = observeComments({
    adapter,
    getContext: () => ({ url: new URL(location.href), ownHandles: [] }),
    onComments,
    onNavigate: () => {
      commentsRead = new Set();
      pageSince = Date.now();
      anchors.clear();
      reportStatus();
    },
  });
  reportStatus();
  const statusTimer = setInterval(() => {
    if (!extensionAlive()) {
      observer.stop();
      clearInterval(statusTimer);
      return;
    }
    reportStatus();
  }, STATUS_INTERVAL_MS);
}
