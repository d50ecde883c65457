/**
 * X (x.com / twitter.com): conversation pages (the focal post and its replies) and the notifications /
 * mentions timelines. X virtualises its lists and recycles `cellInnerDiv` rows: everything here is read
 * from the element as it is now, keyed on the status id, never on the element.
 *
 * A conversation page lists more than replies: the thread's earlier posts above the focal post (context,
 * read where they are replies, on their own conversation's page), then the replies, then X's own
 * sections, "More from this author" and "Discover more", each opened by a heading row (posts from
 * elsewhere: never replies). Only the focal post and the replies are read. Which part of the list a row
 * is in comes from the rows around it; X keeps only a window of rows in the page, so what earlier reads
 * established is remembered (AdapterContext.memory) and used where the landmarks have scrolled away.
 */
import type { ObservedComment } from '../../shared/comment';
import type { KeyTable } from '../key-table';
import { isOwnHandle, linkPath, ownPartsQuery, queryAllOwn, queryOwn, readText, selectAll } from './text';
import type { AdapterContext, ExtractedComment, PlatformAdapter, WithheldComments } from './types';

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
  /** A post's "More" menu button, at the end of its header row (where X puts an ad's label too). */
  caret: '[data-testid="caret"]',
  /** The "Replying to @x" line above a reply's text. */
  replyingToLine: 'div[dir="ltr"], div[dir="auto"]',
  /** The heading row that opens one of X's sections after the replies ("Discover more"…). */
  sectionHeading: 'h2[role="heading"]',
  /** "See more" at the end of "More from this author": a link to the author by user id. */
  authorSeeMore: 'a[href^="/i/user/"]',
  button: 'button, [role="button"]',
  /** A post's reply button, in its action bar (labelled "N Replies. Reply"). */
  replyButton: 'button[data-testid="reply"]',
  /** X opens the reply composer of a post in a modal dialog, under a copy of the post it answers. */
  dialog: 'div[role="dialog"]',
  /** The reply composer (a Draft.js editor). */
  replyBox:
    'div[data-testid^="tweetTextarea_"][contenteditable="true"], div[role="textbox"][contenteditable="true"]',
} as const;

/**
 * The words X puts in an ad's header, in English and French: "Ad" is "Publicités" in X's French strings,
 * "Promoted" "Sponsorisé", "Promoted Post" "Post sponsorisé".
 */
const PROMOTED_WORDS = 'Promoted(?: Post)?|Ad|(?:Post )?Sponsorisé|Publicités?';

/** Labels: hints only, in the two interface languages the extension supports. */
const LABELS = {
  replyingTo: /^(Replying to|En réponse à)(?=\s|$)/i,
  promoted: new RegExp(`^(${PROMOTED_WORDS})$`, 'i'),
  /** One of those words anywhere: a post whose header says none of them is no ad, without a look at each span. */
  promotedSomewhere: new RegExp(PROMOTED_WORDS, 'i'),
  /**
   * The button X puts just above a post's text when that text is its own translation (the line reads
   * "Translated from Hindi", "À l'origine en anglais, traduit par Grok"…; X's strings, 2025-07-01).
   */
  showOriginal: /^(Show original|Afficher l['’]original)$/i,
  /** "Show more replies", "Show probable spam", "Show additional replies…", "Voir plus de réponses"… */
  hiddenReplies: /\b(?:replies|probable spam)\b|\bréponses\b|\bspams? probables?\b/i,
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
/** A conversation: `/USER/status/ID` and nothing after it (not /quotes, /likes, /photo/1, /analytics). */
const STATUS_PATH = new RegExp(`^/(?:${HANDLE}|i/web)/status/(\\d{1,25})/?$`);
const NOTIFICATIONS_PATH = /^\/notifications(?:\/mentions)?\/?$/;
/**
 * The addresses of X's composer, a dialog over the page: a new post or a reply, its drafts, its media, its
 * schedule, its GIF search (insin/control-panel-for-twitter `script.js`, 2026-08-17, ModalPaths).
 */
const COMPOSER_PATH =
  /^\/(?:compose\/post(?:\/unsent\/drafts|\/media|\/schedule)?|i\/foundmedia\/search)\/?$/;
const PROFILE_PATH = new RegExp(`^/(${HANDLE})/?$`);
const STATUS_HREF = new RegExp(`^/(${HANDLE}|i/web)/status/(\\d{1,25})/?$`);

/** Where a post sits in a conversation page's list. */
type Zone = 'context' | 'focal' | 'reply' | 'elsewhere';
const ZONES: readonly string[] = ['context', 'focal', 'reply', 'elsewhere'] satisfies Zone[];

/** The focal status id of a conversation page, or null. */
export function focalStatusId(url: URL): string | null {
  return STATUS_PATH.exec(url.pathname)?.[1] ?? null;
}

function handles(url: URL): boolean {
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return false;
  return STATUS_PATH.test(url.pathname) || NOTIFICATIONS_PATH.test(url.pathname);
}

function showsOverPage(url: URL): boolean {
  return HOSTS.has(url.hostname) && COMPOSER_PATH.test(url.pathname);
}

/**
 * The list rows already read in one pass over the page, with the id of the post each shows (null: none,
 * or an ad): the post above a new reply was usually read just before it, and is not read again.
 */
type RowPosts = Map<Element, string | null>;
const rowsReadIn = new WeakMap<AdapterContext, RowPosts>();

function extract(root: ParentNode, context: AdapterContext): ExtractedComment[] {
  const focal = focalStatusId(context.url);
  const out: ExtractedComment[] = [];
  let rows = rowsReadIn.get(context);
  if (!rows) {
    rows = new Map();
    rowsReadIn.set(context, rows);
  }
  for (const article of selectAll(root, SELECTORS.tweet)) {
    // A post nested in another (should not happen) is read with its outer post only.
    if (article.parentElement?.closest(SELECTORS.tweet)) continue;
    const comment = readTweet(article as HTMLElement, context, focal, rows);
    if (comment) out.push(comment);
  }
  return out;
}

/** A post's own parts, not those of a post it quotes. */
const postParts = ownPartsQuery(
  { userName: SELECTORS.userName, time: SELECTORS.time, text: SELECTORS.tweetText },
  SELECTORS.quote,
);

/** The status id and permalink of a post, from its own dated link (not a quoted post's). */
function permalinkOf(
  article: Element,
  base: URL,
  time: Element | null,
): { id: string; handle: string; url: Pick<URL, 'origin' | 'pathname'> } | null {
  const link = time?.closest(SELECTORS.statusLink);
  // Tombstones and promoted posts have no dated permalink: nothing to key on.
  if (!link || !article.contains(link)) return null;
  const url = linkPath(link.getAttribute('href'), base);
  const match = url ? STATUS_HREF.exec(url.pathname) : null;
  return url && match ? { id: match[2] as string, handle: match[1] as string, url } : null;
}

function readTweet(
  article: HTMLElement,
  context: AdapterContext,
  focal: string | null,
  rows: RowPosts,
): ExtractedComment | null {
  const { userName, time, text: textElement } = postParts(article);
  if (isPromoted(article, userName)) return null;
  const permalink = permalinkOf(article, context.url, time);
  if (!permalink) return null;
  const { id } = permalink;
  const zone = focal === null ? 'reply' : zoneOf(article, id, focal, context, rows);
  if (zone === 'context' || zone === 'elsewhere' || zone === null) return null;
  if (!userName) return null;
  const { handle, name } = readUser(userName, context.url);
  if (!handle) return null;

  const text = wordsOf(textElement);
  const createdAt = isoOrNull(time?.getAttribute('datetime'));
  // On a conversation page every post but the focal one answers it; the focal post does when the
  // thread's earlier posts are above it. Timelines say so in a "Replying to" line.
  const isReply =
    (focal !== null && (zone === 'reply' || hasContextAbove(article, context, rows))) ||
    showsReplyingTo(article, textElement);

  const comment: ObservedComment = {
    platform: 'x',
    id,
    threadKey: focal ?? 'notifications',
    authorHandle: `@${handle}`,
    authorName: name,
    text,
    createdAt,
    createdAtPrecision: createdAt === null ? null : 'second',
    permalink: `${permalink.url.origin}/${permalink.handle}/status/${id}`,
    isReply,
    isOwn: isOwnHandle(handle, context.ownHandles),
    ...(textElement && showsTranslation(textElement) ? { translated: true } : {}),
  };
  return {
    comment,
    element: article,
    anchor: userName as HTMLElement,
    bodies: textElement ? [textElement as HTMLElement] : [],
  };
}

/**
 * Which part of the conversation the post `id` in `article` belongs to, or null when the rows on the page
 * cannot tell (a window of rows far from every landmark, on a page not read from its top). The rows
 * above decide first: the nearest landmark up the list (the focal post, a section heading, a post whose
 * part is known). X keeps a contiguous window of rows, so when none is above, the nearest one below
 * decides, unless it is a heading (the post could then be a reply or in an earlier section).
 */
function zoneOf(
  article: Element,
  id: string,
  focal: string,
  context: AdapterContext,
  rows: RowPosts,
): Zone | null {
  if (id === focal) return 'focal';
  const { memory } = context;
  const remembered = zoneIn(memory, id);
  const cell = article.closest(SELECTORS.cell);
  // Outside X's list there is nothing to place it by: read it as a reply rather than miss one.
  if (!cell) return remembered ?? 'reply';
  rows.set(cell, id);
  let zone: Zone | null = null;
  for (let row = cell.previousElementSibling; row && zone === null; row = row.previousElementSibling) {
    zone = zoneAfter(row, focal, context, rows);
  }
  for (let row = cell.nextElementSibling; row && zone === null; row = row.nextElementSibling) {
    const below = zoneBefore(row, focal, context, rows);
    if (below === 'unknown') break;
    zone = below;
  }
  zone ??= remembered;
  if (zone !== null && zone !== remembered) memory.set(id, zone);
  return zone;
}

/** The part of the list the rows after `row` are in, judging by `row` alone (null: `row` says nothing). */
function zoneAfter(row: Element, focal: string, context: AdapterContext, rows: RowPosts): Zone | null {
  const post = postIdOf(row, context.url, rows);
  if (post === null) return isSectionBoundary(row) ? 'elsewhere' : null;
  if (post === focal) return 'reply';
  const zone = zoneIn(context.memory, post);
  return zone === 'focal' ? 'reply' : zone;
}

/** The part of the list the rows before `row` are in ('unknown' at a section heading). */
function zoneBefore(
  row: Element,
  focal: string,
  context: AdapterContext,
  rows: RowPosts,
): Zone | 'unknown' | null {
  const post = postIdOf(row, context.url, rows);
  if (post === null) return isSectionBoundary(row) ? 'unknown' : null;
  if (post === focal) return 'context';
  const zone = zoneIn(context.memory, post);
  return zone === 'focal' ? 'context' : zone;
}

function zoneIn(memory: KeyTable, id: string): Zone | null {
  const zone = memory.get(id);
  return zone !== undefined && ZONES.includes(zone) ? (zone as Zone) : null;
}

/** The status id of the post a row shows (not an ad's), or null for other rows. */
function postIdOf(row: Element, base: URL, rows: RowPosts): string | null {
  const known = rows.get(row);
  if (known !== undefined) return known;
  const article = row.querySelector(SELECTORS.tweet);
  let post: string | null = null;
  if (article) {
    const { userName, time } = postParts(article);
    if (!isPromoted(article, userName)) post = permalinkOf(article, base, time)?.id ?? null;
  }
  rows.set(row, post);
  return post;
}

/** A row that opens or closes one of X's sections: a heading, or the "See more" link to an author. */
function isSectionBoundary(row: Element): boolean {
  return row.querySelector(`${SELECTORS.sectionHeading}, ${SELECTORS.authorSeeMore}`) !== null;
}

/** True when the thread's earlier posts are listed above the focal post `article`. */
function hasContextAbove(article: Element, context: AdapterContext, rows: RowPosts): boolean {
  if (context.memory.holds('context')) return true;
  const cell = article.closest(SELECTORS.cell);
  for (let row = cell?.previousElementSibling; row; row = row.previousElementSibling) {
    if (postIdOf(row, context.url, rows) !== null) return true;
  }
  return false;
}

/** A post's words: its text without its "Show more" label or the post it quotes ('' when it has none). */
function wordsOf(textElement: Element | null): string {
  return textElement
    ? readText(textElement, { exclude: (el) => el.matches(`${SELECTORS.showMore}, ${SELECTORS.quote}`) })
    : '';
}

/**
 * True when the post's text is X's translation, not its author's words: the line just above it holds a
 * "Show original" button (x.com as saved about 2026-10-02). A commenter's own text cannot put it there.
 */
function showsTranslation(textElement: Element): boolean {
  const line = textElement.previousElementSibling;
  if (!line) return false;
  for (const button of line.querySelectorAll(SELECTORS.button)) {
    if (LABELS.showOriginal.test(readText(button))) return true;
  }
  return false;
}

function readUser(userName: Element, base: URL): { handle: string; name: string } {
  let handle = '';
  let name = '';
  for (const anchor of userName.querySelectorAll('a[href]')) {
    const url = linkPath(anchor.getAttribute('href'), base);
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

function isPromoted(article: Element, userName: Element | null): boolean {
  if (article.closest(SELECTORS.promoted)) return true;
  const header = userName ? headerRowOf(article, userName) : null;
  if (!header || !LABELS.promotedSomewhere.test(header.textContent ?? '')) return false;
  for (const span of header.querySelectorAll('span')) {
    if (span.children.length > 0 || span.closest('a')) continue;
    if (LABELS.promoted.test((span.textContent ?? '').trim())) return true;
  }
  return false;
}

/**
 * The post's header row: the nearest ancestor of its User-Name that also holds its "More" button. An ad's
 * label sits in that row, beside the button, not next to the name (x.com as saved about 2026-10-02).
 */
function headerRowOf(article: Element, userName: Element): Element | null {
  for (let row = userName.parentElement; row && row !== article; row = row.parentElement) {
    if (row.querySelector(SELECTORS.caret)) return row;
  }
  return null;
}

function isoOrNull(value: string | null | undefined): string | null {
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

/**
 * The rows behind which X keeps replies: a row that is not a post, holds a button and speaks of replies or
 * spam ("Show more replies", "Show probable spam", the prompt before replies it judges offensive). X never
 * says how many replies each holds.
 */
function withheld(root: ParentNode): WithheldComments {
  let places = 0;
  for (const row of selectAll(root, SELECTORS.cell)) {
    if (row.querySelector(SELECTORS.tweet) || !row.querySelector(SELECTORS.button)) continue;
    if (LABELS.hiddenReplies.test(readText(row))) places++;
  }
  return { places, replies: 0, mostRelevantOnly: false };
}

/** The element whose re-reading covers a change at `node`: the post around it, else its list row. */
function containerOf(node: Node): Element | null {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!element) return null;
  return element.closest(SELECTORS.tweet) ?? element.closest(SELECTORS.cell);
}

/** Where relative links of a post resolve: only their path counts. */
const X_BASE = new URL('https://x.com/');

/** What X's reply dialog shows of the post it answers: its author's handle, its time, its words. */
interface AnsweredPost {
  /** `@handle`, in lower case (X's handles are not case-sensitive). */
  handle: string;
  datetime: string;
  words: string;
}

/**
 * The composer of the reply dialog X opened for the post `article`. The dialog shows the post it answers
 * as a copy with no link to it (x.com as saved about 2026-10-02): the dialog is that post's when the copy
 * just above its composer shows the same @handle, the same time to the second and the same words (one may
 * be cut where the other is not). X's other composers (a new post, the focal post's inline box) are in no
 * dialog, and a dialog whose copy differs in any of the three is another post's: Insert then says it
 * could not open this one's box.
 */
function replyBoxOf(article: HTMLElement): HTMLElement | null {
  const { time, text } = postParts(article);
  const permalink = permalinkOf(article, X_BASE, time);
  const datetime = time?.getAttribute('datetime');
  if (!permalink || !datetime) return null;
  const post = { handle: `@${permalink.handle}`.toLowerCase(), datetime, words: wordsOf(text) };
  for (const dialog of article.ownerDocument.querySelectorAll(SELECTORS.dialog)) {
    const box = dialog.querySelector<HTMLElement>(SELECTORS.replyBox);
    const copy = box ? answeredIn(dialog, box) : null;
    if (box && copy && shows(copy, post)) return box;
  }
  return null;
}

/** The post a dialog's composer answers: the last post shown above it. */
function answeredIn(dialog: Element, box: Element): Element | null {
  let answered: Element | null = null;
  for (const copy of dialog.querySelectorAll(SELECTORS.tweet)) {
    if (copy.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) answered = copy;
  }
  return answered;
}

/** True when the dialog's `copy` shows `post`: its @handle, its time and its words. */
function shows(copy: Element, post: AnsweredPost): boolean {
  const { userName, time, text } = postParts(copy);
  if (!userName || time?.getAttribute('datetime') !== post.datetime) return false;
  const handleShown = Array.from(userName.querySelectorAll('span')).some(
    (span) => (span.textContent ?? '').trim().toLowerCase() === post.handle,
  );
  const words = wordsOf(text);
  return handleShown && (words.startsWith(post.words) || post.words.startsWith(words));
}

/** The post's own reply button, not a quoted post's. */
function replyControlOf(article: HTMLElement): HTMLElement | null {
  return queryOwn(article, SELECTORS.replyButton, SELECTORS.quote) as HTMLElement | null;
}

export const xAdapter: PlatformAdapter = {
  platform: 'x',
  handles,
  showsOverPage,
  extract,
  countPosts,
  withheld,
  containerOf,
  replyBoxOf,
  replyControlOf,
};
