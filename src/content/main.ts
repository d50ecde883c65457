import browser from 'webextension-polyfill';
import { classify } from '../classifier';
import type { ObservedComment } from '../shared/comment';
import { MAX_FIELD_LENGTH, MAX_TEXT_LENGTH } from '../shared/comment';
import { shouldShield } from '../shared/shield';
import { type InsertOutcome, insertKey } from '../tactics/messages';
import { startActivityReports } from './activity';
import { captureResponder } from './capture';
import { setStrings } from './i18n';
import { createKeyTable } from './key-table';
import {
  type CommentVerdict,
  type ContentSettings,
  type CsReplies,
  type PageStatus,
  parseToCs,
  type ToCs,
} from './messages';
import { extensionAlive, sendToBackground } from './messaging';
import { observeComments, type SeenComment } from './observer';
import { type BadgeActions, type CardSettings, createOverlay } from './overlay';
import { pageAddress } from './page-address';
import { siteAdapter } from './platforms';
import { openBackgroundPort } from './port';
import { createReplyWriter, openReplyBox } from './reply-box';
import { createReportQueue } from './report-queue';
import { abortableInterval, abortableTimeout, onVisibilityChange, whileVisible } from './timers';

/** How often a visible tab forgets the rows that left the page and checks that the extension is still there. */
const TIDY_INTERVAL_MS = 3_000;

/** How long an action on a comment waits for its row to be stored before it is tried anyway. */
const ROW_WAIT_MS = 3_000;

/**
 * Cuts what a hostile page could make longer than the message schema allows: the service worker would
 * refuse the whole batch, and the comments with it.
 */
function capped(comment: ObservedComment): ObservedComment {
  const cut = (value: string) => value.slice(0, MAX_FIELD_LENGTH);
  return {
    ...comment,
    text: comment.text.slice(0, MAX_TEXT_LENGTH),
    threadKey: cut(comment.threadKey),
    authorHandle: cut(comment.authorHandle),
    authorName: cut(comment.authorName),
    createdAt: comment.createdAt === null ? null : cut(comment.createdAt),
    permalink:
      comment.permalink !== null && comment.permalink.length <= MAX_FIELD_LENGTH ? comment.permalink : null,
  };
}

/**
 * The verdict drawn the moment a comment is read, from the same bundled model the service worker runs: the
 * badge and the shield are there before the page paints the comment, instead of after a round trip that
 * waits behind the page's own frames. The service worker's verdict replaces it a few milliseconds later;
 * it adds the tactics and what the CM's corrections taught the device (which this one does not know, so
 * a comment they relabel changes label once). A comment the CM revealed stays revealed.
 */
function firstVerdict(key: string, text: string, before: CommentVerdict | undefined): CommentVerdict {
  return { key, classification: classify(text), tactics: [], revealed: before?.revealed ?? false };
}

const cardSettings = (settings: ContentSettings): CardSettings => ({
  brand: settings.brand,
  interfaceLanguage: settings.language,
  tone: settings.tone,
  ownReplies: settings.ownReplies,
});

/**
 * Reads the page's comments, has them classified and logged, and draws their badges and shields in the
 * extension's own layer, until `teardown` is aborted (by the script itself once the extension is reloaded
 * or removed). Every listener, observer and timer it sets up ends with that one signal, and the page is
 * left as if the script had never run. While the tab is hidden, nothing runs but the wait to be shown.
 */
export async function main(teardown = new AbortController()): Promise<void> {
  const adapter = siteAdapter(location.href);
  if (!adapter) return;
  let settings: ContentSettings;
  try {
    settings = await sendToBackground({ type: 'cs→bg:settings' });
  } catch {
    return; // The extension is being reloaded: the new content script takes over.
  }
  const { signal } = teardown;
  if (signal.aborted) return;
  setStrings(settings.strings);

  const sessionId = crypto.randomUUID();
  const verdicts = new Map<string, CommentVerdict>();
  // What currently shows each comment: X recycles nodes, so the id is the key, never the node.
  const shown = new Map<string, SeenComment>();
  // The text each comment was last classified on: a row whose words change is classified again.
  const classifiedText = new Map<string, string>();
  let commentsRead = createKeyTable();
  let pageSince = Date.now();

  /** The CM chose to read the comment: shown here at once, whatever the database says. */
  const revealHere = (key: string) => {
    const verdict = verdicts.get(key);
    if (!verdict || verdict.revealed) return;
    verdicts.set(key, { ...verdict, revealed: true });
    show(key);
  };

  const replies = createReplyWriter();
  /** Insert: into the reply box of the comment `key` (opened if need be), over what Insert put there before. */
  const insertInto = async (key: string, text: string): Promise<InsertOutcome> => {
    const seen = shown.get(key);
    // X may have reused the comment's row for another one since.
    if (!seen?.element.isConnected || overlay.keyAt(seen.element) !== key) return 'comment_gone';
    const box = await openReplyBox(adapter, seen.element, signal);
    return (box && replies.write(box, text)) ?? 'no_reply_box';
  };

  /**
   * Waits until the service worker has the comment's row (it may still be gathering, or on its way), at
   * most ROW_WAIT_MS: a service worker that does not answer leaves the action to fail with its message.
   */
  const rowOf = (key: string) =>
    new Promise<void>((resolve) => {
      const cancel = abortableTimeout(signal, resolve, ROW_WAIT_MS);
      void queue.settled(key).then(() => {
        cancel();
        resolve();
      });
    });

  const actions: BadgeActions = {
    async copy(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
    insert: async (key, text) => insertKey(await insertInto(key, text)),
    async log(key, choice) {
      try {
        await rowOf(key);
        await sendToBackground({ type: 'cs→bg:log-action', commentKey: key, tactic: choice });
        return true;
      } catch {
        return false;
      }
    },
    async escalate(key) {
      try {
        await rowOf(key);
        return await sendToBackground({ type: 'cs→bg:escalate', commentKey: key });
      } catch {
        return null;
      }
    },
    async correct(key, to) {
      const seen = shown.get(key);
      if (!seen) return false;
      try {
        await rowOf(key);
        const result = await sendToBackground({
          type: 'cs→bg:correct-label',
          commentKey: key,
          to,
          text: seen.comment.text,
        });
        if (!result.ok) return false;
        const verdict = verdicts.get(key);
        if (verdict) verdicts.set(key, { ...verdict, classification: result.classification });
        show(key);
        return true;
      } catch {
        return false;
      }
    },
    reveal(key) {
      revealHere(key);
      // The service worker remembers it and tells the other tabs.
      void sendToBackground({ type: 'cs→bg:reveal', commentKey: key }).catch(() => undefined);
    },
  };

  const overlay = createOverlay({ actions, settings: cardSettings(settings), signal });

  /** Verdicts held back while their element was changing: tried again after each read of the page. */
  let unsettled = new Set<string>();
  const show = (key: string) => {
    const seen = shown.get(key);
    const verdict = verdicts.get(key);
    // A reply still on its way when the script was torn down badges nothing; nor does one whose element
    // changed since it was read (it may show another comment now: the next read draws what it shows).
    if (signal.aborted || !seen?.anchor.isConnected || !verdict || seen.comment.isOwn) return;
    if (!reading.isSettled(seen.element)) {
      // Drawn after the next read, if the element still shows it then (unchanged rows are not reported).
      unsettled.add(key);
      return;
    }
    const { label, intensity } = verdict.classification;
    overlay.show({
      key,
      element: seen.element,
      anchor: seen.anchor,
      bodies: seen.bodies,
      rtl: document.dir === 'rtl',
      platform: seen.comment.platform,
      authorName: seen.comment.authorName,
      permalink: seen.comment.permalink,
      verdict,
      shielded: shouldShield(settings.shield[label], intensity, verdict.revealed),
    });
  };

  // The batches and the news of their writes go on one port rather than a message channel each.
  const port = openBackgroundPort({ onPush: (message) => void answer(message), signal });
  const queue = createReportQueue({
    send: async (comments: ObservedComment[]) =>
      (await port.request({ type: 'cs→bg:comments-observed', sessionId, comments })).verdicts,
    onVerdicts: (received) => {
      for (const verdict of received) {
        verdicts.set(verdict.key, verdict);
        show(verdict.key);
      }
    },
    isAlive: () => !signal.aborted && extensionAlive(),
    setTimer: (retry, ms) => abortableTimeout(signal, retry, ms),
  });

  const onComments = (batch: SeenComment[]) => {
    const fresh: ObservedComment[] = [];
    for (const seen of batch) {
      const { key } = seen;
      // The row now shows another comment: the old one's badge and shield go, whatever is still on its way.
      const before = overlay.elementShows(seen.element, key);
      if (before !== undefined && before !== key && shown.get(before)?.element === seen.element)
        shown.delete(before);
      commentsRead.set(key, 'read');
      shown.set(key, seen);
      const observed = capped(seen.comment);
      // Sent unless its verdict is known for these very words (a comment seen again after its row left
      // the page lost its verdict with it, and is asked for again).
      if (!verdicts.has(key) || classifiedText.get(key) !== observed.text) {
        classifiedText.set(key, observed.text);
        fresh.push(observed);
        if (!observed.isOwn) verdicts.set(key, firstVerdict(key, observed.text, verdicts.get(key)));
      }
      show(key);
    }
    queue.add(fresh);
  };

  // The page's address, parsed again only when it changed (the page is read after each of its changes).
  const pageUrl = pageAddress(adapter, () => location.href);

  // Counting the posts walks the whole page: done when the popup asks, when the tab navigates and when
  // the tab is shown or hidden, not on a timer while replies stream in.
  const currentStatus = (): PageStatus => {
    // A page the adapter does not read (the home feed) has no posts to miss and hides nothing from it.
    const readable = adapter.handles(pageUrl());
    return {
      platform: adapter.platform,
      url: pageUrl().href,
      postsVisible: readable ? adapter.countPosts(document) : 0,
      commentsRead: commentsRead.size,
      since: pageSince,
      withheld: readable ? adapter.withheld(document) : { places: 0, replies: 0, mostRelevantOnly: false },
    };
  };
  let lastStatus = '';
  const reportStatus = () => {
    if (!extensionAlive()) return;
    const status = currentStatus();
    const serialised = JSON.stringify(status);
    if (serialised === lastStatus) return;
    lastStatus = serialised;
    sendToBackground({ type: 'cs→bg:page-status', status }).catch(() => {
      lastStatus = ''; // The service worker was asleep or restarting: say it again next time.
    });
  };

  const reading = observeComments({
    adapter,
    getContext: () => ({
      url: pageUrl(),
      ownHandles: settings.ownHandles[adapter.platform],
      now: Date.now(),
    }),
    isOwnNode: overlay.isOwnNode,
    onComments,
    onNavigate: () => {
      commentsRead = createKeyTable();
      pageSince = Date.now();
      shown.clear();
      reportStatus();
    },
    // Read as soon as the page changed (in the microtask after its mutations), not at its next frame:
    // reading words and links needs no layout, and the verdicts come back a frame sooner. Whatever
    // changed may have moved the comments: the overlay reads their boxes in the page's next frame.
    schedule: (flush) => {
      let cancelled = false;
      queueMicrotask(() => {
        if (cancelled) return;
        flush();
        const held = unsettled;
        unsettled = new Set();
        for (const key of held) show(key);
        overlay.pageChanged();
      });
      return () => {
        cancelled = true;
      };
    },
    signal,
  });

  const answerCapture = captureResponder((key) => shown.get(key), overlay, signal);
  // The popup asks the page to bring a comment into view or to fill the reply box; the service worker
  // says what was stored and what the CM revealed elsewhere, and has a comment readied for its screenshot.
  const onExtensionMessage = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    const message = parseToCs(raw);
    return message ? Promise.resolve(answer(message)) : undefined;
  };
  const answer = async (message: ToCs): Promise<CsReplies[ToCs['type']]> => {
    switch (message.type) {
      case 'bg→cs:prepare-capture':
      case 'bg→cs:capture-done':
        return answerCapture(message);
      case 'ui→cs:insert-reply':
        return { outcome: await insertInto(message.commentKey, message.text) };
      case 'bg→cs:revealed':
        for (const key of message.commentKeys) revealHere(key);
        return { ok: true };
      case 'bg→cs:page-status':
        return currentStatus();
      case 'bg→cs:stored':
        if (message.sessionId === sessionId) queue.stored(message.keys, message.stored);
        return { ok: true };
      case 'ui→cs:show-comment': {
        const seen = shown.get(message.commentKey);
        if (!seen?.element.isConnected) return { found: false };
        seen.element.scrollIntoView({ block: 'center', behavior: 'smooth' });
        overlay.highlight(message.commentKey);
        return { found: true };
      }
    }
  };
  browser.runtime.onMessage.addListener(onExtensionMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onExtensionMessage));

  // Settings edited in the dashboard (shield levels, templates, own handles, language) apply when the CM
  // comes back to this tab, without a reload.
  const applyFreshSettings = async () => {
    try {
      const fresh = await sendToBackground({ type: 'cs→bg:settings' });
      if (JSON.stringify(fresh) === JSON.stringify(settings)) return;
      settings = fresh;
      setStrings(settings.strings);
      overlay.settingsChanged(cardSettings(settings));
      for (const key of shown.keys()) show(key);
    } catch {
      // The service worker was restarting: the next visit asks again.
    }
  };
  // One request at a time: coming back while one is on its way asks once more, after it.
  let askingSettings = false;
  let settingsWanted = false;
  const refreshSettings = async () => {
    settingsWanted = true;
    if (askingSettings) return;
    askingSettings = true;
    while (settingsWanted && extensionAlive()) {
      settingsWanted = false;
      await applyFreshSettings();
    }
    askingSettings = false;
  };
  onVisibilityChange(signal, (visible) => {
    if (visible) void refreshSettings();
  });

  // The comments still gathering go before the page does (a page cannot make them go sooner but by leaving).
  addEventListener('pagehide', (event) => event.isTrusted && queue.sendNow(), { signal });

  startActivityReports(adapter.platform, signal);
  // Rows scrolled out of a virtualised list are gone from the page: forget them, so a long session keeps
  // neither their detached elements nor their verdicts (a comment seen again is simply asked for again).
  const forgetDetached = () => {
    for (const [key, seen] of shown) {
      if (seen.element.isConnected) continue;
      shown.delete(key);
      verdicts.delete(key);
      overlay.forget(key);
      classifiedText.delete(key);
    }
  };

  reading.pause();
  whileVisible(signal, (visible) => {
    reading.resume();
    visible.addEventListener('abort', () => {
      reading.pause();
      queue.sendNow();
      // What was read before going quiet: the popup, which hides this tab, shows it.
      reportStatus();
    });
    reportStatus();
    abortableInterval(
      visible,
      () => {
        forgetDetached();
        // The extension was reloaded or removed: stand down.
        if (!extensionAlive()) teardown.abort();
      },
      TIDY_INTERVAL_MS,
    );
  });
}
