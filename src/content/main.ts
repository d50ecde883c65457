import browser from 'webextension-polyfill';
import type { ObservedComment } from '../shared/comment';
import { commentKey, MAX_FIELD_LENGTH, MAX_TEXT_LENGTH } from '../shared/comment';
import { shouldShield } from '../shared/shield';
import { type InsertOutcome, insertKey } from '../tactics/messages';
import { startActivityReports } from './activity';
import { type BadgeActions, isBadgeHost, removeBadges, renderBadge } from './badge';
import { captureResponder } from './capture';
import { setStrings } from './i18n';
import {
  type CommentVerdict,
  type ContentSettings,
  type CsReplies,
  parseBgToCs,
  parseUiToCs,
  type UiToCs,
} from './messages';
import { extensionAlive, sendToBackground } from './messaging';
import { observeComments, type SeenComment } from './observer';
import { siteAdapter } from './platforms';
import { createReplyWriter, openReplyBox } from './reply-box';
import { createReportQueue } from './report-queue';
import { setShielded, unshieldAll } from './shield';
import { abortableInterval, abortableTimeout } from './timers';

const STATUS_INTERVAL_MS = 3_000;

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
 * Reads the page's comments, has them classified and logged, and badges them, until `teardown` is aborted
 * (by the script itself once the extension is reloaded or removed). Every listener, observer and timer it
 * sets up ends with that one signal, and the page is left as if the script had never run.
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
  // Torn down: the page is left as if this script had never run.
  signal.addEventListener('abort', () => {
    removeBadges(document);
    unshieldAll(document);
  });
  setStrings(settings.strings);

  const sessionId = crypto.randomUUID();
  const verdicts = new Map<string, CommentVerdict>();
  // What currently shows each comment: X recycles nodes, so the id is the key, never the node.
  const shown = new Map<string, SeenComment>();
  // And the other way round, which comment each element shows now: when X reuses a row for another
  // comment, the old one's badge and blur must leave with it.
  const showing = new WeakMap<Element, string>();
  // The text each comment was last classified on: a row whose words change is classified again.
  const classifiedText = new Map<string, string>();
  let commentsRead = new Set<string>();
  let settingsRevision = 0;
  let pageSince = Date.now();

  const replies = createReplyWriter();
  /** Insert: into the reply box of the comment `key` (opened if need be), over what Insert put there before. */
  const insertInto = async (key: string, text: string): Promise<InsertOutcome> => {
    const seen = shown.get(key);
    // X may have reused the comment's row for another one since.
    if (!seen?.element.isConnected || showing.get(seen.element) !== key) return 'comment_gone';
    const box = await openReplyBox(adapter, seen.element, signal);
    return (box && replies.write(box, text)) ?? 'no_reply_box';
  };

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
        await sendToBackground({ type: 'cs→bg:log-action', commentKey: key, tactic: choice });
        return true;
      } catch {
        return false;
      }
    },
    async escalate(key) {
      try {
        return await sendToBackground({ type: 'cs→bg:escalate', commentKey: key });
      } catch {
        return null;
      }
    },
    async correct(key, to) {
      const seen = shown.get(key);
      if (!seen) return false;
      const verdict = verdicts.get(key);
      try {
        const result = await sendToBackground({
          type: 'cs→bg:correct-label',
          commentKey: key,
          to,
          text: seen.comment.text,
        });
        if (!result.ok) return false;
        if (verdict) verdicts.set(key, { ...verdict, classification: result.classification });
      } catch {
        return false;
      }
      // The badge shows the new label once the CM leaves the card (rebuilding it now would close it).
      abortableTimeout(signal, () => badge(key), 1_500);
      return true;
    },
    reveal(key) {
      const verdict = verdicts.get(key);
      if (!verdict) return;
      verdicts.set(key, { ...verdict, revealed: true });
      badge(key);
      void sendToBackground({ type: 'cs→bg:reveal', commentKey: key }).catch(() => undefined);
    },
  };

  const badge = (key: string) => {
    const seen = shown.get(key);
    const verdict = verdicts.get(key);
    // A reply still on its way when the script was torn down badges nothing; nor does one whose element
    // changed since it was read (it may show another comment now: the next read draws what it shows).
    if (signal.aborted || !seen?.anchor.isConnected || !verdict || seen.comment.isOwn) return;
    if (!reading.isSettled(seen.element)) return;
    const { label, intensity } = verdict.classification;
    const shielded = shouldShield(settings.shield[label], intensity, verdict.revealed);
    setShielded(seen.bodies, shielded);
    renderBadge(
      seen.anchor,
      key,
      verdict,
      {
        platform: seen.comment.platform,
        authorName: seen.comment.authorName,
        permalink: seen.comment.permalink,
        brand: settings.brand,
        interfaceLanguage: settings.language,
        replyTemplates: settings.replyTemplates,
        shielded,
        settingsRevision,
      },
      actions,
      signal,
    );
  };

  const queue = createReportQueue({
    send: async (comments: ObservedComment[]) =>
      (await sendToBackground({ type: 'cs→bg:comments-observed', sessionId, comments })).verdicts,
    onVerdicts: (received) => {
      for (const verdict of received) {
        verdicts.set(verdict.key, verdict);
        badge(verdict.key);
      }
    },
    isAlive: () => !signal.aborted && extensionAlive(),
    setTimer: (retry, ms) => abortableTimeout(signal, retry, ms),
  });

  const onComments = (batch: SeenComment[]) => {
    const fresh: ObservedComment[] = [];
    for (const seen of batch) {
      const key = commentKey(seen.comment);
      const before = showing.get(seen.element);
      if (before !== undefined && before !== key) {
        // The row now shows another comment: the old one's badge and blur go, whatever is still on its way.
        removeBadges(seen.element);
        unshieldAll(seen.element);
        if (shown.get(before)?.element === seen.element) shown.delete(before);
      }
      showing.set(seen.element, key);
      commentsRead.add(key);
      shown.set(key, seen);
      const observed = capped(seen.comment);
      if (seen.firstSeen || !verdicts.has(key) || classifiedText.get(key) !== observed.text) {
        classifiedText.set(key, observed.text);
        fresh.push(observed);
      }
      badge(key);
    }
    queue.add(fresh);
  };

  let lastStatus = '';
  const reportStatus = () => {
    if (!extensionAlive()) return;
    // A page the adapter does not read (the home feed) has no posts to miss and hides nothing from it.
    const readable = adapter.handles(new URL(location.href));
    const status = {
      platform: adapter.platform,
      url: location.href,
      postsVisible: readable ? adapter.countPosts(document) : 0,
      commentsRead: commentsRead.size,
      since: pageSince,
      withheld: readable ? adapter.withheld(document) : { places: 0, replies: 0, mostRelevantOnly: false },
    };
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
      url: new URL(location.href),
      ownHandles: settings.ownHandles[adapter.platform],
      now: Date.now(),
    }),
    isOwnNode: isBadgeHost,
    onComments,
    onNavigate: () => {
      commentsRead = new Set();
      pageSince = Date.now();
      shown.clear();
      reportStatus();
    },
    signal,
  });

  const answerCapture = captureResponder((key) => shown.get(key), signal);
  // The popup asks the page to bring a comment into view, or to put a reply in the reply box; the service
  // worker, to ready a comment for the escalation kit's screenshot.
  const onPopupMessage = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    const message = parseUiToCs(raw);
    if (message) return answerPopup(message);
    const capture = parseBgToCs(raw);
    return capture ? answerCapture(capture) : undefined;
  };
  const answerPopup = async (message: UiToCs): Promise<CsReplies[UiToCs['type']]> => {
    if (message.type === 'ui→cs:insert-reply') {
      return { outcome: await insertInto(message.commentKey, message.text) };
    }
    if (message.type === 'ui→cs:reveal') {
      actions.reveal(message.commentKey);
      return { ok: true };
    }
    const seen = shown.get(message.commentKey);
    if (!seen?.element.isConnected) return { found: false };
    seen.element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    seen.element.style.setProperty('outline', '3px solid #1a73e8');
    // Not ended by the teardown: taking the highlight off is part of leaving the page as it was.
    setTimeout(() => seen.element.style.removeProperty('outline'), 2_000);
    return { found: true };
  };
  browser.runtime.onMessage.addListener(onPopupMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onPopupMessage));

  // Settings edited in the dashboard (shield levels, templates, own handles, language) apply when the CM
  // comes back to this tab, without a reload.
  const refreshSettings = async () => {
    if (document.visibilityState !== 'visible' || !extensionAlive()) return;
    try {
      const fresh = await sendToBackground({ type: 'cs→bg:settings' });
      if (JSON.stringify(fresh) === JSON.stringify(settings)) return;
      settings = fresh;
      settingsRevision += 1;
      setStrings(settings.strings);
      for (const key of shown.keys()) badge(key);
    } catch {
      // The service worker was restarting: the next visit asks again.
    }
  };
  document.addEventListener('visibilitychange', refreshSettings, { signal });

  startActivityReports(adapter.platform, signal);
  reportStatus();
  // Rows scrolled out of a virtualised list are gone from the page: forget them, so a long session keeps
  // neither their detached elements nor their verdicts (a comment seen again is simply asked for again).
  const forgetDetached = () => {
    for (const [key, seen] of shown) {
      if (seen.element.isConnected) continue;
      shown.delete(key);
      verdicts.delete(key);
      classifiedText.delete(key);
    }
  };

  abortableInterval(
    signal,
    () => {
      forgetDetached();
      // The extension was reloaded or removed: stand down.
      if (extensionAlive()) reportStatus();
      else teardown.abort();
    },
    STATUS_INTERVAL_MS,
  );
}
