/**
 * X (x.com / twitter.com): conversation pages (the focal post and its replies) and the notifications /
 * mentions timelines. X virtualises its lists and recycles `cellInnerDiv` nodes: everything here is read
 * from the element as it is now, keyed on the status id, never on the element.
 */
import type { ObservedComment } from '../../shared/comment';
import { pickReplyBox } from './reply-box';
import { isOwnHandle, queryAllOwn, queryOwn, readText, resolveUrl, selectAll } from './text';
import type { AdapterContext, ExtractedComment, PlatformAdapter } from './types';

export const SELECTORS = {
  /** One virtualised list row; reused by X for other content as the list scrolls. */
  cell: 'div[data-testid="cellInnerDiv"]',
  tweet: 'article[data-testid="tweet"]',
  userName: 'div[data-testid="User-Name"]',
  tweetText: 'div[data-testid="tweetText"]',
  time: 'time[datetime]',
  statusLink: 'a[href*="/status/"]',
  /** A quoted post inside a post: a clickable card with its own User-Name and tweetText. */
  quote: 'div[role="link"]',
  /** "Show more" after a long post's text: it navigates, its label is not text. */
  showMore: '[data-testid="tweet-text-show-more-link"]',
  /** Promoted posts are wrapped in a placement tracker. */
  promoted: '[data-testid="placementTracking"]',
  /** The "Replying to @x" line above a reply's text. */
  replyingToLine: 'div[dir="ltr"], div[dir="auto"]',
  /** The reply composer (a rich-text editor). */
  replyBox:
    'div[data-testid^="tweetTextarea_"][contenteditable="true"], div[role="textbox"][contenteditable="true"]',
} as const;

/** Labels: hints only, in the two interface languages the extension supports. */
const LABELS = {
  replyingTo: /^(Replying to|En réponse à)(?=\s|$)/i,
  promoted: /^(Promoted|Ad|Sponsorisé|Publicité)$/i,
} as const;

const HOSTS = new Set([
  'x.com',
  'www.x.com',
  'mobile.x.com',
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
]);
/**
 * Handles are [A-Za-z0-9_]{1,15} today; a few legacy ones are longer, and '.' is tolerated so that
 * handle-like names from other sources (the demo server shares its authors with Facebook) still read.
 */
const HANDLE = '[A-Za-z0-9_.]{1,20}';
const STATUS_PATH = new RegExp(`^/(?:${HANDLE}|i/web)/status/(\\d{1,25})(?:/|$)`);
const NOTIFICATIONS_PATH = /^\/notifications(?:\/mentions)?\/?$/;
const PROFILE_PATH = new RegExp(`^/(${HANDLE})/?$`);
const STATUS_HREF = new RegExp(`^/(${HANDLE}|i/web)/status/(\\d{1,25})/?$`);

/** The focal status id of a conversation page, or null. */
export function focalStatusId(url: URL): string | null {
  return STATUS_PATH.exec(url.pathname)?.[1] ?? null;
}

function handles(url: URL): boolean {
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return false;
  return STATUS_PATH.test(url.pathname) || NOTIFICATIONS_PATH.test(url.pathname);
}

function threadKeyFor(url: URL): string {
  return focalStatusId(url) ?? 'notifications';
}

function extract(root: ParentNode, context: AdapterContext): ExtractedComment[] {
  const focal = focalStatusId(context.url);
  const threadKey = threadKeyFor(context.url);
  const out: ExtractedComment[] = [];
  for (const article of selectAll(root, SELECTORS.tweet)) {
    // A post nested in another (should not happen) is read with its outer post only.
    if (article.parentElement?.closest(SELECTORS.tweet)) continue;
    const comment = readTweet(article as HTMLElement, context, focal, threadKey);
    if (comment) out.push(comment);
  }
  return out;
}

function readTweet(
  article: HTMLElement,
  context: AdapterContext,
  focal: string | null,
  threadKey: string,
): ExtractedComment | null {
  if (isPromoted(article)) return null;
  const time = queryOwn(article, SELECTORS.time, SELECTORS.quote);
  const link = time?.closest(SELECTORS.statusLink);
  // Tombstones and promoted posts have no dated permalink: nothing to key on.
  if (!time || !link || !article.contains(link)) return null;
  const href = link.getAttribute('href') ?? '';
  const permalinkUrl = resolveUrl(href, context.url);
  const match = permalinkUrl ? STATUS_HREF.exec(permalinkUrl.pathname) : null;
  if (!permalinkUrl || !match) return null;
  const id = match[2] as string;

  const userName = queryOwn(article, SELECTORS.userName, SELECTORS.quote) as HTMLElement | null;
  if (!userName) return null;
  const { handle, name } = readUser(userName, context.url);
  if (!handle) return null;

  const textElement = queryOwn(article, SELECTORS.tweetText, SELECTORS.quote);
  const text = textElement
    ? readText(textElement, { exclude: (el) => el.matches(`${SELECTORS.showMore}, ${SELECTORS.quote}`) })
    : '';

  const replyingTo = showsReplyingTo(article, textElement);
  const isReply = focal !== null ? id !== focal || replyingTo : replyingTo;

  const comment: ObservedComment = {
    platform: 'x',
    id,
    threadKey,
    authorHandle: `@${handle}`,
    authorName: name,
    text,
    createdAt: isoOrNull(time.getAttribute('datetime')),
    createdAtPrecision: isoOrNull(time.getAttribute('datetime')) === null ? null : 'second',
    permalink: `${permalinkUrl.origin}/${match[1]}/status/${id}`,
    isReply,
    isOwn: isOwnHandle(handle, context.ownHandles),
  };
  return {
    comment,
    element: article,
    anchor: userName,
    bodies: textElement ? [textElement as HTMLElement] : [],
  };
}

function readUser(userName: Element, base: URL): { handle: string; name: string } {
  let handle = '';
  let name = '';
  for (const anchor of userName.querySelectorAll('a[href]')) {
    const url = resolveUrl(anchor.getAttribute('href'), base);
    const profile = url ? PROFILE_PATH.exec(url.pathname) : null;
    if (!profile) continue;
    const text = readText(anchor);
    if (!handle) handle = profile[1] as string;
    if (!name && text !== '' && !text.startsWith('@')) name = text;
  }
  if (!name) {
    // Some layouts render the display name outside a link: the first text that is not the handle.
    const first = readText(userName).split('\n')[0] ?? '';
    name = first.split('@')[0]?.trim() ?? '';
  }
  return { handle, name };
}

function showsReplyingTo(article: Element, textElement: Element | null): boolean {
  for (const line of queryAllOwn(article, SELECTORS.replyingToLine, SELECTORS.quote)) {
    if (textElement && (textElement.contains(line) || line.contains(textElement))) continue;
    if (line.closest(SELECTORS.userName)) continue;
    if (LABELS.replyingTo.test((line.textContent ?? '').trim())) return true;
  }
  return false;
}

function isPromoted(article: Element): boolean {
  if (article.closest(SELECTORS.promoted)) return true;
  const userName = queryOwn(article, SELECTORS.userName, SELECTORS.quote);
  const header = userName?.parentElement?.parentElement ?? null;
  if (!header) return false;
  for (const span of header.querySelectorAll('span')) {
    if (span.children.length > 0 || span.closest('a')) continue;
    if (LABELS.promoted.test((span.textContent ?? '').trim())) return true;
  }
  return false;
}

function isoOrNull(value: string | null): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function countPosts(root: ParentNode): number {
  let count = 0;
  for (const article of selectAll(root, SELECTORS.tweet)) {
    if (!article.parentElement?.closest(SELECTORS.tweet)) count++;
  }
  return count;
}

/** The element whose re-reading covers a change at `node`: the post around it, else its list row. */
function containerOf(node: Node): Element | null {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!element) return null;
  return element.closest(SELECTORS.tweet) ?? element.closest(SELECTORS.cell);
}

export const xAdapter: PlatformAdapter = {
  platform: 'x',
  handles,
  extract,
  countPosts,
  containerOf,
  findReplyBox: (root: ParentNode) => pickReplyBox(root, SELECTORS.replyBox),
};
