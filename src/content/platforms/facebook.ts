/**
 * Facebook (www / web.facebook.com): comments and replies under Page posts, on a post's permalink page
 * and in a Page's feed. Class names are obfuscated and labels are localised: comments are found by
 * structure (an article holding its own `comment_id` permalink), labels are only hints.
 */
import type { ObservedComment } from '../../shared/comment';
import { pickReplyBox } from './reply-box';
import { contentHash, isOwnHandle, queryAllOwn, queryOwn, readText, resolveUrl, selectAll } from './text';
import type { AdapterContext, ExtractedComment, PlatformAdapter } from './types';

export const SELECTORS = {
  article: 'div[role="article"]',
  /** A comment's permalink (its timestamp) and, on current layouts, its author links too. */
  commentLink: 'a[href*="comment_id="]',
  /** A paragraph of comment text. */
  textBlock: 'div[dir="auto"]',
  /** "See more" / "Voir plus" inside a truncated comment, "Like" / "Reply" actions. */
  button: '[role="button"]',
  /** Machine-readable time on the layouts that still have one. */
  utime: 'abbr[data-utime]',
  /** A feed unit (post) in a Page feed. */
  feedUnit: 'div[aria-posinset]',
  /** The reply composer (a rich-text editor). */
  replyBox: 'div[role="textbox"][contenteditable="true"]',
} as const;

/** Localised aria-label prefixes of comment articles: hints only. */
const LABELS = {
  comment: /^(Comment by|Commentaire de)\s/i,
  reply: /^(Reply by|Réponse de)\s/i,
} as const;

const HOSTS = new Set(['www.facebook.com', 'web.facebook.com', 'facebook.com']);

/** First path segments that are not Pages or profiles. */
const RESERVED = new Set([
  '',
  'home.php',
  'messages',
  'marketplace',
  'gaming',
  'settings',
  'notifications',
  'friends',
  'events',
  'login',
  'login.php',
  'help',
  'policies',
  'privacy',
  'ads',
  'business',
  'bookmarks',
  'saved',
  'search',
  'stories',
  'memories',
  'feeds',
  'pages',
  'groups',
  'watch',
  'reel',
  'photo',
  'photo.php',
  'permalink.php',
  'story.php',
  'profile.php',
  'people',
  'hashtag',
  'share',
  'sharer',
  'dialog',
  'l.php',
]);

/** The post id a URL points at (`/PAGE/posts/ID`, `story_fbid`, `/permalink/ID`, `fbid`, videos), or null. */
export function postIdFromUrl(url: URL): string | null {
  const params = url.searchParams;
  const storyFbid = params.get('story_fbid');
  if (storyFbid) return storyFbid;
  const path = /\/(?:posts|permalink|videos|reel)\/([A-Za-z0-9_.-]+)/.exec(url.pathname);
  if (path) return path[1] as string;
  const fbid = params.get('fbid');
  if (fbid) return fbid;
  if (/^\/watch\/?$/.test(url.pathname)) return params.get('v');
  return null;
}

function handles(url: URL): boolean {
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return false;
  if (postIdFromUrl(url) !== null) return true;
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const first = segments[0] ?? '';
  if (first === 'profile.php' || first === 'people')
    return url.searchParams.has('id') || segments.length >= 3;
  if (first === 'groups') return false; // group roots; group posts are caught by postIdFromUrl
  return !RESERVED.has(first.toLowerCase());
}

/** True when `article` is a comment (or reply) rather than a post. */
function isCommentArticle(article: Element): boolean {
  const label = article.getAttribute('aria-label') ?? '';
  if (LABELS.comment.test(label) || LABELS.reply.test(label)) return true;
  // Structure: an article holding its own comment permalink. A post holds none of its own: the comment
  // links under it belong to the nested comment articles.
  return queryOwn(article, SELECTORS.commentLink, SELECTORS.article) !== null;
}

function extract(root: ParentNode, context: AdapterContext): ExtractedComment[] {
  const out: ExtractedComment[] = [];
  for (const article of selectAll(root, SELECTORS.article)) {
    if (!isCommentArticle(article)) continue;
    const comment = readComment(article as HTMLElement, context);
    if (comment) out.push(comment);
  }
  return out;
}

interface CommentLinks {
  permalink: URL | null;
  author: HTMLAnchorElement | null;
}

const POST_PATH =
  /\/(?:posts|permalink|videos|reel|photo|watch)(?:\/|\.php|$)|\/(?:permalink|story|photo)\.php$/;

function findLinks(article: Element, base: URL): CommentLinks {
  const links = queryAllOwn(article, 'a[href]', SELECTORS.article) as HTMLAnchorElement[];
  let permalink: URL | null = null;
  let permalinkElement: Element | null = null;
  // The timestamp link points at the post (with comment_id); author links point at a profile.
  const candidates = links.filter((a) => (a.getAttribute('href') ?? '').includes('comment_id='));
  for (const a of candidates) {
    const url = resolveUrl(a.getAttribute('href'), base);
    if (url && (POST_PATH.test(url.pathname) || url.searchParams.has('story_fbid'))) {
      permalink = url;
      permalinkElement = a;
      break;
    }
  }
  if (!permalink && candidates.length > 0) {
    const last = candidates[candidates.length - 1] as HTMLAnchorElement;
    permalink = resolveUrl(last.getAttribute('href'), base);
    permalinkElement = last;
  }
  let author: HTMLAnchorElement | null = null;
  for (const a of links) {
    if (a === permalinkElement || a.getAttribute('aria-hidden') === 'true') continue;
    if (isInTextBlock(a, article)) continue;
    if (readText(a) === '') continue;
    const url = resolveUrl(a.getAttribute('href'), base);
    if (!url || !HOSTS.has(url.hostname) || profileHandle(url) === null) continue;
    author = a;
    break;
  }
  return { permalink, author };
}

/** True when `a` is a link inside the comment's text (a mention), not the author line. */
function isInTextBlock(a: Element, article: Element): boolean {
  for (let node = a.parentElement; node !== null && node !== article; node = node.parentElement) {
    if (node.matches(SELECTORS.textBlock) && node.tagName === 'DIV') return true;
  }
  return false;
}

/** `marie.dupont.12` from `/marie.dupont.12`, `100012345` from `/profile.php?id=100012345`. */
export function profileHandle(url: URL): string | null {
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const first = segments[0] ?? '';
  if (first === 'profile.php') return url.searchParams.get('id');
  if (first === 'people' && segments[2]) return segments[2];
  if (first === 'groups' && segments[2] === 'user' && segments[3]) return segments[3];
  if (segments.length === 1 && !RESERVED.has(first.toLowerCase())) return first;
  return null;
}

/**
 * Facebook writes comment ids either as numbers or as base64 of `comment:POSTID_COMMENTID`: both are
 * brought to the number so the same comment gets the same id whichever link it is read from.
 */
export function normalizeCommentId(raw: string): string {
  if (/^\d+$/.test(raw)) return raw;
  try {
    const decoded = atob(raw.replace(/-/g, '+').replace(/_/g, '/'));
    const match = /^comment:\d+_(\d+)$/.exec(decoded);
    if (match) return match[1] as string;
  } catch {
    // not base64: keep as is
  }
  return raw;
}

function readComment(article: HTMLElement, context: AdapterContext): ExtractedComment | null {
  const { permalink, author } = findLinks(article, context.url);
  const authorName = author ? readText(author) : nameFromLabel(article.getAttribute('aria-label') ?? '');
  const authorUrl = author ? resolveUrl(author.getAttribute('href'), context.url) : null;
  const authorHandle = (authorUrl && profileHandle(authorUrl)) ?? '';
  if (!authorName && !authorHandle) return null;

  const { text, blocks } = readCommentText(article, author);

  const replyId = permalink?.searchParams.get('reply_comment_id') ?? null;
  const commentId = permalink?.searchParams.get('comment_id') ?? null;
  const rawId = replyId ?? commentId;
  const id = rawId ? normalizeCommentId(rawId) : `h:${contentHash(`${authorHandle || authorName}\n${text}`)}`;

  const label = article.getAttribute('aria-label') ?? '';
  const isReply = replyId !== null || LABELS.reply.test(label) || nestedUnderComment(article);
  const createdAt = readTime(article);

  const comment: ObservedComment = {
    platform: 'facebook',
    id,
    threadKey: (permalink && postIdFromUrl(permalink)) ?? postIdFromUrl(context.url) ?? context.url.pathname,
    authorHandle,
    authorName,
    text,
    createdAt,
    createdAtPrecision: createdAt === null ? null : 'second',
    permalink: permalink ? cleanPermalink(permalink) : null,
    isReply,
    isOwn: isOwnHandle(authorHandle, context.ownHandles),
  };
  return {
    comment,
    element: article,
    anchor: (author?.parentElement as HTMLElement | null) ?? article,
    bodies: blocks as HTMLElement[],
  };
}

/** The comment's paragraphs, without its author line, buttons ("See more", "Like") or nested comments. */
function readCommentText(article: Element, author: Element | null): { text: string; blocks: Element[] } {
  const blocks = queryAllOwn(article, SELECTORS.textBlock, SELECTORS.article).filter(
    (block) =>
      block.tagName === 'DIV' &&
      !block.closest('a') &&
      !block.closest(SELECTORS.button) &&
      !(author && (author.contains(block) || block.contains(author))) &&
      // Innermost blocks only: an outer dir=auto wrapper would repeat its paragraphs.
      !block.querySelector(SELECTORS.textBlock),
  );
  const paragraphs = blocks
    .map((block) => readText(block, { exclude: (el) => el.matches(SELECTORS.button) }))
    .filter((p) => p !== '');
  return { text: paragraphs.join('\n'), blocks };
}

/** A reply sits in a list item nested in another comment's list item (`ul > li > … ul > li`). */
function nestedUnderComment(article: Element): boolean {
  let items = 0;
  for (let node = article.parentElement; node !== null; node = node.parentElement) {
    if (node.matches(SELECTORS.article)) {
      // Comments are not nested in one another's articles, except on layouts that put replies inside their
      // parent comment: a labelled comment around us means a reply. Any other article is the post: stop
      // there (deciding structurally would walk the whole thread for every comment).
      const label = node.getAttribute('aria-label') ?? '';
      return LABELS.comment.test(label) || LABELS.reply.test(label);
    }
    if (node.tagName !== 'LI') continue;
    // A comment's list item starts with that comment; action bars (Like · Reply) are inside articles.
    const head = node.querySelector(SELECTORS.article);
    if (head && isCommentArticle(head)) items++;
    if (items >= 2) return true;
  }
  return false;
}

function nameFromLabel(label: string): string {
  const match =
    /^(?:Comment by|Commentaire de|Reply by|Réponse de)\s+(.+?)(?:\s+(?:to|à|au|il y a|\d).*)?$/i.exec(label);
  return match?.[1]?.trim() ?? '';
}

function readTime(article: Element): string | null {
  const abbr = queryAllOwn(article, SELECTORS.utime, SELECTORS.article)[0];
  const seconds = Number(abbr?.getAttribute('data-utime'));
  if (!abbr || !Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(seconds * 1000).toISOString();
}

/** The permalink without Facebook's tracking parameters (`__cft__`, `__tn__`). */
function cleanPermalink(url: URL): string {
  const clean = new URL(url.origin + url.pathname);
  for (const key of ['story_fbid', 'id', 'fbid', 'v', 'comment_id', 'reply_comment_id']) {
    const value = url.searchParams.get(key);
    if (value !== null) clean.searchParams.set(key, value);
  }
  return clean.href;
}

function countPosts(root: ParentNode): number {
  const posts = new Set<Element>();
  for (const unit of selectAll(root, SELECTORS.feedUnit)) posts.add(unit);
  for (const article of selectAll(root, SELECTORS.article)) {
    if (isCommentArticle(article)) continue;
    // A post article inside a feed unit is the same post.
    const unit = article.closest(SELECTORS.feedUnit);
    if (unit && posts.has(unit)) continue;
    if (article.parentElement?.closest(SELECTORS.article)) continue;
    posts.add(article);
  }
  return posts.size;
}

/** The comment article around `node`, or null when the change is outside any comment. */
function containerOf(node: Node): Element | null {
  let element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element) {
    const article = element.closest(SELECTORS.article);
    if (!article) return null;
    const label = article.getAttribute('aria-label') ?? '';
    if (LABELS.comment.test(label) || LABELS.reply.test(label)) return article;
    // A feed unit is a post; otherwise decide by structure.
    if (!article.hasAttribute('aria-posinset') && isCommentArticle(article)) return article;
    element = article.parentElement;
  }
  return null;
}

export const facebookAdapter: PlatformAdapter = {
  platform: 'facebook',
  handles,
  extract,
  countPosts,
  containerOf,
  findReplyBox: (root: ParentNode) => pickReplyBox(root, SELECTORS.replyBox),
};
