/**
 * Facebook (www / web.facebook.com): comments and replies under Page posts, in a Page's feed and in the
 * dialog a post opens in from a link. Class names are obfuscated and labels are localised: comments are
 * found by structure (an article holding its own permalink, in a `data-commentid` wrapper in feeds),
 * labels ("Comment by …", "Réponse de … au commentaire de …") are hints. Replies are flat siblings of
 * their comment, told apart by their permalink (`reply_comment_id`) or their label.
 *
 * A comment's id comes from its own timestamp link only: a link to another comment pasted into its text
 * must not give it that comment's id (the second would overwrite the first in the log). Facebook shows
 * no machine-readable time: the timestamp's words ("3 h", "1 d", "12 mars") are turned into an estimate
 * with its precision.
 */
import type { ObservedComment } from '../../shared/comment';
import { clampText, contentHash, isOwnHandle, queryAllOwn, readText, resolveUrl, selectAll } from './text';
import { estimateTime, splitTimeAtEnd } from './times';
import type { AdapterContext, ExtractedComment, PlatformAdapter, WithheldComments } from './types';

export const SELECTORS = {
  article: 'div[role="article"]',
  /** The wrapper of each comment in a feed, carrying its id. */
  commentWrapper: 'div[data-commentid]',
  /** A paragraph of comment text. */
  textBlock: 'div[dir="auto"]',
  /** "See more" / "Voir plus", "Like", "Reply", the buttons that fold replies, the comment filter. */
  button: '[role="button"]',
  /** A feed unit (post) in a Page feed, or the post in the dialog. */
  feedUnit: 'div[aria-posinset]',
  /** A reply composer (a Lexical editor): the post's own, or one Facebook opens under a comment. */
  replyBox: 'div[role="textbox"][contenteditable="true"]',
  /** What a comment's own block never reaches beyond: the post, the dialog, the feed. */
  beyondComment: 'div[role="article"], [role="dialog"], [role="feed"], [role="main"]',
} as const;

/** Localised labels: hints only, in the two interface languages the extension supports. */
const LABELS = {
  comment: /^(Comment by|Commentaire de)\s/i,
  reply: /^(Reply by|Réponse de)\s/i,
  /** What starts a comment's label before the author's name; a reply's goes on with its parent's. */
  author: /^(?:Comment by|Commentaire de|Reply by|Réponse de)\s+(.+?)(?:\s+(?:to|au commentaire de)\s+.*)?$/i,
  /** "View more replies", "View 3 replies", "Acme replied · 2 replies", "Voir plus de réponses"… */
  foldedReplies: /^(?:view|see|voir|afficher)\b.*\b(?:repl(?:y|ies)|réponses?)$|\b(?:replied|a répondu)\b/i,
  replyCount: /(\d+)\s+(?:repl(?:y|ies)|réponses?)\b/i,
  mostRelevant: /^(?:most relevant|(?:les )?plus pertinents)$/i,
  /** A comment's own reply control: a button whose words are the label. */
  replyControl: /^(?:reply|répondre)$/i,
} as const;

const HOSTS = new Set(['www.facebook.com', 'web.facebook.com', 'facebook.com']);
/** Where the site's relative links resolve when no page URL is at hand (posts counted, changes placed). */
const FACEBOOK_BASE = new URL('https://www.facebook.com/');

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
 * One of the CM's own accounts as the settings hold it, as comments show it: a name (`acmefrance`), a
 * number, or the address itself pasted from the browser (`https://www.facebook.com/profile.php?id=…`,
 * `facebook.com/acmefrance`): a Page known only by its number is recognised whichever way it was entered.
 */
export function ownHandleOf(entry: string): string {
  const trimmed = entry.trim();
  if (!/facebook\.com\//i.test(trimmed)) return trimmed;
  const url = resolveUrl(
    /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`,
    'https://www.facebook.com/',
  );
  return (url && HOSTS.has(url.hostname.toLowerCase()) && profileHandle(url)) || trimmed;
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

/**
 * True when `article` is a comment (or reply) rather than a post. `timestamp`: its own timestamp link,
 * when the caller has already looked for it.
 */
function isCommentArticle(article: Element, base: URL, timestamp?: Timestamp | null): boolean {
  const label = article.getAttribute('aria-label') ?? '';
  if (LABELS.comment.test(label) || LABELS.reply.test(label)) return true;
  if (ownWrapper(article)) return true;
  // Structure: an article holding its own timestamp permalink. A post holds none of its own: the comment
  // links under it belong to the comment articles.
  return (timestamp === undefined ? timestampOf(ownLinks(article), article, base) : timestamp) !== null;
}

function extract(root: ParentNode, context: AdapterContext): ExtractedComment[] {
  const out: ExtractedComment[] = [];
  // What is the same for every comment of the batch: the CM's own accounts as comments show them.
  const ownHandles = context.ownHandles.map(ownHandleOf);
  for (const article of selectAll(root, SELECTORS.article)) {
    // Each article's own links and timestamp are looked for once, for both questions.
    const links = ownLinks(article);
    const timestamp = timestampOf(links, article, context.url);
    if (!isCommentArticle(article, context.url, timestamp)) continue;
    const comment = readComment(article as HTMLElement, context, { links, timestamp, ownHandles });
    if (comment) out.push(comment);
  }
  return out;
}

const POST_PATH =
  /\/(?:posts|permalink|videos|reel|photo|watch)(?:\/|\.php|$)|\/(?:permalink|story|photo)\.php$/;

/** The links of `article` itself: not those of comments nested in it, not those inside its text. */
function ownLinks(article: Element): HTMLAnchorElement[] {
  return (queryAllOwn(article, 'a[href]', SELECTORS.article) as HTMLAnchorElement[]).filter(
    (a) => !isInTextBlock(a, article),
  );
}

/**
 * The comment's own timestamp: a link to its post naming a comment, outside its text, whose words are a
 * time ("3 h", "12 mars") or that sits with the comment's buttons (Like, Reply). Never a link in the text.
 */
type Timestamp = { link: HTMLAnchorElement; url: URL };

function timestampOf(links: readonly HTMLAnchorElement[], article: Element, base: URL): Timestamp | null {
  for (const link of links) {
    const url = resolveUrl(link.getAttribute('href'), base);
    if (!url?.searchParams.has('comment_id') || !HOSTS.has(url.hostname)) continue;
    if (!POST_PATH.test(url.pathname) && !url.searchParams.has('story_fbid')) continue;
    if (estimateTime(readText(link), 0) !== null || besideActions(link, article)) return { link, url };
  }
  return null;
}

/** True when `link` shares a row with the comment's buttons (a few levels up, within the comment). */
function besideActions(link: Element, article: Element): boolean {
  let node = link.parentElement;
  for (let level = 0; level < 4 && node && node !== article; level++, node = node.parentElement) {
    for (const button of node.querySelectorAll(SELECTORS.button))
      if (!isInTextBlock(button, article)) return true;
  }
  return false;
}

function authorLinkOf(
  links: readonly HTMLAnchorElement[],
  base: URL,
  timestamp: Element | null,
): HTMLAnchorElement | null {
  for (const a of links) {
    if (a === timestamp || a.getAttribute('aria-hidden') === 'true') continue;
    if (readText(a) === '') continue;
    const url = resolveUrl(a.getAttribute('href'), base);
    if (!url || !HOSTS.has(url.hostname) || profileHandle(url) === null) continue;
    return a;
  }
  return null;
}

/** True when `element` is inside the comment's text (a mention, a pasted link), not its author line. */
function isInTextBlock(element: Element, article: Element): boolean {
  for (let node = element.parentElement; node !== null && node !== article; node = node.parentElement) {
    if (node.matches(SELECTORS.textBlock) && node.tagName === 'DIV') return true;
  }
  return false;
}

/** The `data-commentid` wrapper whose first comment is `article` (feeds wrap each comment in one). */
function ownWrapper(article: Element): Element | null {
  const wrapper = article.closest(SELECTORS.commentWrapper);
  return wrapper && wrapper.querySelector(SELECTORS.article) === article ? wrapper : null;
}

function readComment(
  article: HTMLElement,
  context: AdapterContext,
  read: { links: HTMLAnchorElement[]; timestamp: Timestamp | null; ownHandles: readonly string[] },
): ExtractedComment | null {
  const { timestamp } = read;
  const author = authorLinkOf(read.links, context.url, timestamp?.link ?? null);
  const label = article.getAttribute('aria-label') ?? '';
  // The label is read for the author and the time only when the links do not give them (a few regexes each).
  let split: ReturnType<typeof splitTimeAtEnd> | undefined;
  const fromLabel = () => {
    split ??= splitTimeAtEnd(label, context.now);
    return split;
  };
  const authorName = author ? readText(author) : (LABELS.author.exec(fromLabel().before)?.[1] ?? '');
  const authorUrl = author ? resolveUrl(author.getAttribute('href'), context.url) : null;
  const authorHandle = (authorUrl && profileHandle(authorUrl)) ?? '';
  if (!authorName && !authorHandle) return null;

  const { text, blocks } = readCommentText(article, author);

  // A reply's permalink names the comment it answers (comment_id) and itself (reply_comment_id).
  const replyId = timestamp?.url.searchParams.get('reply_comment_id') ?? null;
  const rawId =
    replyId ??
    timestamp?.url.searchParams.get('comment_id') ??
    ownWrapper(article)?.getAttribute('data-commentid');
  const id = rawId ? normalizeCommentId(rawId) : `h:${contentHash(`${authorHandle || authorName}\n${text}`)}`;
  const isReply = replyId !== null || LABELS.reply.test(label) || nestedInComment(article, context.url);
  const written = (timestamp && estimateTime(readText(timestamp.link), context.now)) ?? fromLabel().time;

  const comment: ObservedComment = {
    platform: 'facebook',
    id,
    threadKey:
      (timestamp && postIdFromUrl(timestamp.url)) ??
      postOf(article, context.url) ??
      postIdFromUrl(context.url) ??
      context.url.pathname,
    authorHandle,
    authorName,
    text,
    createdAt: written?.createdAt ?? null,
    createdAtPrecision: written?.precision ?? null,
    permalink: timestamp ? cleanPermalink(timestamp.url) : null,
    isReply,
    isOwn: isOwnHandle(authorHandle, read.ownHandles),
  };
  return {
    comment,
    element: article,
    anchor: (author?.parentElement as HTMLElement | null) ?? article,
    bodies: blocks as HTMLElement[],
  };
}

/**
 * The comment's paragraphs, without its author line, buttons ("See more", "Like") or nested comments; cut to
 * MAX_TEXT_LENGTH as a whole, not only paragraph by paragraph.
 */
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
  return { text: clampText(paragraphs.join('\n')), blocks };
}

/** Older layouts put replies inside their parent comment's article. */
function nestedInComment(article: Element, base: URL): boolean {
  const outer = article.parentElement?.closest(SELECTORS.article);
  return outer !== null && outer !== undefined && isCommentArticle(outer, base);
}

/** The post a comment is under, from the post's own link, when the comment's permalink has not rendered. */
function postOf(article: Element, base: URL): string | null {
  const post = article.closest(SELECTORS.feedUnit);
  if (!post) return null;
  for (const a of queryAllOwn(post, 'a[href]', SELECTORS.article)) {
    const url = resolveUrl(a.getAttribute('href'), base);
    if (url && HOSTS.has(url.hostname) && !url.searchParams.has('comment_id')) {
      const id = postIdFromUrl(url);
      if (id) return id;
    }
  }
  return null;
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
    // Comments, and the empty articles Facebook shows while a post loads, are not posts.
    if (!article.querySelector('a[href]') || isCommentArticle(article, FACEBOOK_BASE)) continue;
    // A post article inside a feed unit is the same post.
    const unit = article.closest(SELECTORS.feedUnit);
    if (unit && posts.has(unit)) continue;
    if (article.parentElement?.closest(SELECTORS.article)) continue;
    posts.add(article);
  }
  return posts.size;
}

/**
 * What Facebook keeps off the page: replies folded behind "View more replies" / "Acme replied · 3
 * replies" (counted where the button says how many), and the "Most relevant" filter on the comments.
 */
function withheld(root: ParentNode): WithheldComments {
  const found: WithheldComments = { places: 0, replies: 0, mostRelevantOnly: false };
  for (const button of selectAll(root, SELECTORS.button)) {
    const label = readText(button).replace(/\s+/g, ' ').trim();
    if (LABELS.mostRelevant.test(label)) found.mostRelevantOnly = true;
    if (!LABELS.foldedReplies.test(label)) continue;
    found.places += 1;
    found.replies += Number(LABELS.replyCount.exec(label)?.[1] ?? 0);
  }
  return found;
}

/** The comment article around `node`, or null when the change is outside any comment. */
function containerOf(node: Node): Element | null {
  let element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element) {
    const article = element.closest(SELECTORS.article);
    if (!article) return null;
    // A feed unit is a post; otherwise decide by label and structure.
    if (!article.hasAttribute('aria-posinset') && isCommentArticle(article, FACEBOOK_BASE)) return article;
    element = article.parentElement;
  }
  return null;
}

/**
 * How far above a comment's article its own block reaches: Facebook opens the reply box under the
 * comment, a level or two above the article, before the next comment.
 */
const COMMENT_BLOCK_LEVELS = 3;

/**
 * The reply box open under the comment `article`: one in the comment's own block, never past another
 * comment (another comment's box) nor out to the post (the post's own "Comment as" box).
 */
function replyBoxOf(article: HTMLElement): HTMLElement | null {
  let block = article.parentElement;
  for (let level = 0; level < COMMENT_BLOCK_LEVELS && block; level++, block = block.parentElement) {
    if (block.matches(SELECTORS.beyondComment) || holdsAnotherComment(block, article)) return null;
    const box = block.querySelector<HTMLElement>(SELECTORS.replyBox);
    if (box) return box;
  }
  return null;
}

function holdsAnotherComment(block: Element, article: Element): boolean {
  for (const other of block.querySelectorAll(SELECTORS.article)) {
    if (other !== article && !article.contains(other)) return true;
  }
  return false;
}

/** The comment's own "Reply" button (not a nested comment's, not one in its text). */
function replyControlOf(article: HTMLElement): HTMLElement | null {
  for (const button of queryAllOwn(article, SELECTORS.button, SELECTORS.article)) {
    if (!isInTextBlock(button, article) && LABELS.replyControl.test(readText(button)))
      return button as HTMLElement;
  }
  return null;
}

export const facebookAdapter: PlatformAdapter = {
  platform: 'facebook',
  handles,
  // The post Facebook opens in a dialog has its own address, and is read as the page at that address.
  showsOverPage: () => false,
  extract,
  countPosts,
  withheld,
  containerOf,
  replyBoxOf,
  replyControlOf,
};
