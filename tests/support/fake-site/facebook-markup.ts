/**
 * Facebook Pages as www.facebook.com renders them in 2026, re-derived from public evidence (named in
 * tests/fixtures/README.md): a Page's feed of posts (`div[role="article"][aria-posinset]`), and a post
 * opened from a link in a modal dialog above the feed. Comments are `div[role="article"]` labelled
 * "Comment by NAME TIME" / "Commentaire de NAME il y a …"; replies are their flat siblings labelled "Reply
 * by NAME to PARENT's comment TIME", not nested lists. In the feed each one is wrapped in
 * `div[data-commentid]`. No machine-readable time: only the label's and the timestamp link's words. The
 * timestamp link is the comment's permalink (`comment_id`, and `reply_comment_id` for a reply); the author
 * link carries the id too, base64-encoded. Facebook's obfuscated class names are left out, as in the
 * evidence, except one that the fake site's page script uses to find a post's comment list.
 */
import { codepoints, escapeHtml, paragraphs, type RichText, type UiLang, withEmoji } from './markup-text';

/** A Page or a person, by the name they show and what their address ends with (a name or a number). */
export interface FacebookProfile {
  name: string;
  /** `acmefrance` for facebook.com/acmefrance, `61550000000002` for profile.php?id=61550000000002. */
  profile: string;
}

/** When something was written, as the page says it: relative while recent, a date after that. */
export type Written =
  | 'now'
  | { ago: number; unit: 'minute' | 'hour' | 'day' | 'week' }
  /** A local date and time, `YYYY-MM-DDTHH:MM`. */
  | { on: string };

export interface FacebookComment {
  id: string;
  author: FacebookProfile;
  text: RichText;
  written: Written;
  /** Replies, rendered as flat siblings right after their comment. */
  replies?: readonly FacebookComment[];
  /** More replies folded behind "NAME replied · N replies". */
  foldedReplies?: { by: string; count: number };
  /** Cut text followed by "See more" (the text given is what shows). */
  seeMore?: boolean;
  /** A photo or sticker attached, by alt text. */
  image?: string;
  /** The post's author commenting: Facebook marks it "Author". */
  postAuthor?: boolean;
  /** The timestamp link had not rendered yet. */
  noTimestamp?: boolean;
}

export interface FacebookPost {
  /** The post id of its address (`pfbid0…` or a number). */
  id: string;
  /** Its numeric id, as Facebook encodes it in the comments' ids (`comment:POST_COMMENT`). */
  fbid: string;
  page: FacebookProfile;
  text: RichText;
  written: Written;
  comments: readonly FacebookComment[];
  /** "View more comments" above the comments. */
  moreComments?: boolean;
  /** "View more replies" after the comments. */
  moreReplies?: boolean;
  /** The comment filter above the comments (posts opened in the dialog). */
  filter?: 'most_relevant' | 'all';
  /** Wrap each comment in `div[data-commentid]`, as the feed does. */
  commentIds?: boolean;
}

export interface FacebookPage {
  uiLang: UiLang;
  /** The Page's feed, behind the dialog when there is one. */
  feed: readonly FacebookPost[];
  /** A post opened from a link: shown in a modal dialog above the feed. */
  dialog?: FacebookPost;
}

const FB_LABELS = {
  fr: {
    commentBy: (name: string) => `Commentaire de ${name}`,
    replyBy: (name: string, parent: string) => `Réponse de ${name} au commentaire de ${parent}`,
    like: 'J’aime',
    react: 'Réagir',
    reply: 'Répondre',
    sendMessage: 'Envoyer un message',
    hide: 'Masquer',
    menu: 'Supprimer, masquer ou signaler ceci',
    seeMore: 'Voir plus',
    moreComments: 'Voir plus de commentaires',
    moreReplies: 'Voir plus de réponses',
    folded: (by: string, count: number) => ({
      who: `${by} a répondu`,
      count: `${count} réponse${count > 1 ? 's' : ''}`,
    }),
    commentAs: (name: string) => `Commenter en tant que ${name}`,
    replyTo: (name: string) => `Répondre à ${name}`,
    mostRelevant: 'Plus pertinents',
    all: 'Tous les commentaires',
    author: 'Auteur',
    postOf: (name: string) => `Publication de ${name}`,
    close: 'Fermer',
    comment: 'Commenter',
    share: 'Partager',
    feed: 'Publications du fil',
  },
  en: {
    commentBy: (name: string) => `Comment by ${name}`,
    replyBy: (name: string, parent: string) => `Reply by ${name} to ${parent}'s comment`,
    like: 'Like',
    react: 'React',
    reply: 'Reply',
    sendMessage: 'Send message',
    hide: 'Hide',
    menu: 'Delete, hide or report this',
    seeMore: 'See more',
    moreComments: 'View more comments',
    moreReplies: 'View more replies',
    folded: (by: string, count: number) => ({
      who: `${by} replied`,
      count: `${count} repl${count > 1 ? 'ies' : 'y'}`,
    }),
    commentAs: (name: string) => `Comment as ${name}`,
    replyTo: (name: string) => `Reply to ${name}`,
    mostRelevant: 'Most relevant',
    all: 'All comments',
    author: 'Author',
    postOf: (name: string) => `${name}'s post`,
    close: 'Close',
    comment: 'Comment',
    share: 'Share',
    feed: 'Feed posts',
  },
} as const;

// biome-ignore format: one language a line
const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** The class of a post's comment list: the fake site's page script adds comments there. */
const COMMENT_LIST_CLASS = 'x1gslohp';

/** The comment list of the page's post: the dialog's when a post is open, else the feed's first. */
export function facebookCommentList(page: FacebookPage): string {
  return `${page.dialog ? 'div[role="dialog"] ' : ''}div.${COMMENT_LIST_CLASS}`;
}

/** "2 hours ago" / "il y a 2 heures" in labels; "2h" / "2 h" under the comment. */
function writtenWords(written: Written, uiLang: UiLang): { long: string; short: string } {
  if (written === 'now') {
    const now = uiLang === 'fr' ? 'À l’instant' : 'Just now';
    return { long: now, short: now };
  }
  if ('on' in written) {
    const [date = '', clock = '00:00'] = written.on.split('T');
    const [, month = 1, day = 1] = date.split('-').map(Number);
    const [hour = 0, minute = 0] = clock.split(':').map(Number);
    const monthName = MONTHS[uiLang][month - 1];
    const words =
      uiLang === 'fr'
        ? `${day} ${monthName} à ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
        : `${monthName} ${day} at ${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
    return { long: words, short: words };
  }
  const { ago, unit } = written;
  if (uiLang === 'fr') {
    const names = { minute: 'minute', hour: 'heure', day: 'jour', week: 'semaine' } as const;
    const one = { minute: 'une minute', hour: 'une heure', day: 'un jour', week: 'une semaine' } as const;
    const short = { minute: 'min', hour: 'h', day: 'j', week: 'sem.' } as const;
    return {
      long: `il y a ${ago === 1 ? one[unit] : `${ago} ${names[unit]}s`}`,
      short: `${ago} ${short[unit]}`,
    };
  }
  const one = { minute: 'a minute', hour: 'an hour', day: 'a day', week: 'a week' } as const;
  const short = { minute: 'm', hour: 'h', day: 'd', week: 'w' } as const;
  return { long: `${ago === 1 ? one[unit] : `${ago} ${unit}s`} ago`, short: `${ago}${short[unit]}` };
}

/** The Page's or person's address: `/name` or `/profile.php?id=N`, with the query Facebook adds. */
function profileUrl(who: FacebookProfile, query = ''): string {
  const numeric = /^\d+$/.test(who.profile);
  const base = numeric
    ? `https://www.facebook.com/profile.php?id=${escapeHtml(who.profile)}`
    : `https://www.facebook.com/${escapeHtml(who.profile)}`;
  if (query === '') return base;
  return `${base}${numeric ? '&amp;' : '?'}${query}`;
}

/** A post's address: `/PAGE/posts/ID`, or `permalink.php` for a Page known only by its number. */
function postUrl(post: FacebookPost, query = ''): string {
  const base = /^\d+$/.test(post.page.profile)
    ? `https://www.facebook.com/permalink.php?story_fbid=${escapeHtml(post.id)}&amp;id=${escapeHtml(post.page.profile)}`
    : `https://www.facebook.com/${escapeHtml(post.page.profile)}/posts/${escapeHtml(post.id)}`;
  if (query === '') return base;
  return `${base}${base.includes('?') ? '&amp;' : '?'}${query}`;
}

/** The parts of a comment's text: emoji as Facebook's images, links as links, paragraphs in their own block. */
function fbText(text: RichText): string {
  return paragraphs(text)
    .map(
      (paragraph) =>
        `<div dir="auto" style="text-align: start;">${paragraph
          .map((part) =>
            typeof part === 'string'
              ? withEmoji(
                  part,
                  (run) => escapeHtml(run),
                  (emoji) =>
                    `<span><img height="16" width="16" alt="${escapeHtml(emoji)}" referrerpolicy="origin-when-cross-origin" src="https://static.xx.fbcdn.net/images/emoji.php/v9/t51/1/16/${codepoints(emoji)}.png"></span>`,
                )
              : `<a role="link" tabindex="0" href="${escapeHtml(part.href)}"><span><span><span>${escapeHtml(part.text)}</span></span></span></a>`,
          )
          .join('')}</div>`,
    )
    .join('');
}

/** The base64 id Facebook puts on author links: `comment:POST_COMMENT`. */
function encodedCommentId(post: FacebookPost, id: string): string {
  return escapeHtml(encodeURIComponent(btoa(`comment:${post.fbid}_${id}`)));
}

/** One comment or reply: its article, wrapped in `div[data-commentid]` in the feed. */
function facebookCommentArticle(
  comment: FacebookComment,
  post: FacebookPost,
  uiLang: UiLang,
  parent: FacebookComment | null,
): string {
  const l = FB_LABELS[uiLang];
  const time = writtenWords(comment.written, uiLang);
  const label = `${parent ? l.replyBy(comment.author.name, parent.author.name) : l.commentBy(comment.author.name)} ${time.long}`;
  const authorLink = profileUrl(comment.author, `comment_id=${encodedCommentId(post, comment.id)}`);
  const ids = parent
    ? `comment_id=${escapeHtml(parent.id)}&amp;reply_comment_id=${escapeHtml(comment.id)}`
    : `comment_id=${escapeHtml(comment.id)}`;
  const seeMore = comment.seeMore ? `<div role="button" tabindex="0">${l.seeMore}</div>` : '';
  const text =
    paragraphs(comment.text).length > 0
      ? `<span dir="auto" lang="${uiLang === 'fr' ? 'fr-FR' : 'en-US'}"><div>${fbText(comment.text)}${seeMore}</div></span>`
      : '';
  const badge = comment.postAuthor
    ? `<div role="button" aria-label="${uiLang === 'fr' ? 'Voir les informations sur les badges d’identité' : 'View information about identity badges'}"><div><img alt=""><span>${l.author}</span></div></div>`
    : '';
  const image =
    comment.image !== undefined
      ? `<div><a role="link" tabindex="0" href="https://www.facebook.com/photo/?fbid=880000${escapeHtml(comment.id)}"><img alt="${escapeHtml(comment.image)}" src="https://scontent.xx.fbcdn.net/v/t39.30808-6/demo_${escapeHtml(comment.id)}_n.jpg" width="200" height="200"></a></div>`
      : '';
  const timestamp = comment.noTimestamp
    ? ''
    : `<span><a role="link" tabindex="0" href="${postUrl(post, `${ids}&amp;__cft__[0]=AZXdemoTrackingToken&amp;__tn__=R]-R`)}">${escapeHtml(time.short)}</a></span>`;
  const article = `<div role="article" aria-label="${escapeHtml(label)}" tabindex="-1"><span><span><a role="link" aria-hidden="true" tabindex="-1" href="${authorLink}"><svg aria-hidden="true" role="none" style="height: 32px; width: 32px;"><image x="0" y="0" height="100%" width="100%" href="https://scontent.xx.fbcdn.net/v/t39.30808-1/demo_avatar_${escapeHtml(comment.id)}.jpg"></image></svg></a></span></span><div><div><div>${badge}<span><span><a role="link" tabindex="0" href="${authorLink}"><span><span dir="auto">${escapeHtml(comment.author.name)}</span></span></a></span></span>${text}</div><span><div role="button" aria-label="${l.menu}" tabindex="0"></div></span></div>${image}<div>${timestamp}<span><span><div role="button" aria-label="${l.like}" tabindex="0"><div>${l.like}</div></div><div role="button" aria-label="${l.react}" tabindex="0"></div></span></span><div role="button" tabindex="0">${l.reply}</div>${parent ? '' : `<div role="button" tabindex="0">${l.sendMessage}</div>`}<div role="button" tabindex="0">${l.hide}</div></div></div></div>`;
  return post.commentIds
    ? `<div data-commentid="${escapeHtml(comment.id)}">${article}</div>`
    : `<div>${article}</div>`;
}

/** A comment, its replies right after it, then the button behind which more of them are folded. */
export function facebookComment(comment: FacebookComment, post: FacebookPost, uiLang: UiLang): string {
  const rows = [facebookCommentArticle(comment, post, uiLang, null)];
  for (const reply of comment.replies ?? []) rows.push(facebookCommentArticle(reply, post, uiLang, comment));
  if (comment.foldedReplies) {
    const { who, count } = FB_LABELS[uiLang].folded(comment.foldedReplies.by, comment.foldedReplies.count);
    rows.push(
      `<div role="button" tabindex="0"><span><span dir="auto"><div><span><span>${escapeHtml(who)}</span></span><span><span><span> </span><span> · </span></span></span><span><span>${escapeHtml(count)}</span></span></div></span></span></div>`,
    );
  }
  return rows.join('\n');
}

function fbButton(label: string): string {
  return `<div role="button" tabindex="0"><span><span dir="auto">${escapeHtml(label)}</span></span></div>`;
}

/** A post: its header, text and actions, then its comments and the composer. */
export function facebookPost(post: FacebookPost, uiLang: UiLang, position: number): string {
  const l = FB_LABELS[uiLang];
  const time = writtenWords(post.written, uiLang);
  const filter = post.filter
    ? `<div><div role="button" tabindex="0"><span dir="auto">${post.filter === 'most_relevant' ? l.mostRelevant : l.all}</span></div></div>`
    : '';
  const comments = [
    ...(post.moreComments ? [fbButton(l.moreComments)] : []),
    ...post.comments.map((comment) => facebookComment(comment, post, uiLang)),
    ...(post.moreReplies ? [fbButton(l.moreReplies)] : []),
  ];
  return `<div role="article" aria-posinset="${position}"><div><div><span><a role="link" aria-label="${escapeHtml(post.page.name)}" href="${profileUrl(post.page)}"><div role="none"></div></a></span><div><span dir="ltr"><a role="link" href="${profileUrl(post.page)}"><span>${escapeHtml(post.page.name)}</span></a></span><span dir="ltr"><a role="link" aria-label="${escapeHtml(time.long)}" href="${postUrl(post)}"><span>${escapeHtml(time.long)}</span></a></span></div></div><div><div dir="auto"><span dir="auto">${fbText(post.text)}</span></div></div><div><div role="button" aria-label="${escapeHtml(l.comment)}"><span dir="auto">${l.comment}</span></div><div role="button" aria-label="${escapeHtml(l.share)}"><span dir="auto">${l.share}</span></div></div>${filter}<div class="${COMMENT_LIST_CLASS}">\n${comments.join('\n')}\n</div><div><div role="textbox" contenteditable="true" aria-label="${escapeHtml(l.commentAs(post.page.name))}"><div dir="auto"></div></div></div></div></div>`;
}

function facebookShell(uiLang: UiLang, title: string, body: string, liveScript: string): string {
  return `<!DOCTYPE html>
<html id="facebook" lang="${uiLang}" dir="ltr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body tabindex="-1"><div id="mount_0_0_Xy"><div role="banner"></div>${body}</div>${liveScript}</body></html>
`;
}

/** A Page's feed, with a post open in the dialog above it when `page.dialog` is set. */
export function facebookPage(page: FacebookPage, liveScript = ''): string {
  const l = FB_LABELS[page.uiLang];
  const feed = page.feed
    .map(
      (post, i) =>
        `<div data-pagelet="TimelineFeedUnit_${i}">${facebookPost(post, page.uiLang, i + 1)}</div>`,
    )
    .join('\n');
  const main = `<div role="main"><div role="feed"><div dir="auto">${l.feed}</div>\n${feed}\n</div></div>`;
  const dialog = page.dialog
    ? `\n<div role="dialog" aria-modal="true"><div><div dir="auto"><span dir="auto">${escapeHtml(l.postOf(page.dialog.page.name))}</span></div><div role="button" aria-label="${l.close}"></div></div>${facebookPost(page.dialog, page.uiLang, 1)}</div>`
    : '';
  const pageName = (page.dialog ?? page.feed[0])?.page.name ?? 'Facebook';
  return facebookShell(page.uiLang, `${pageName} | Facebook`, `${main}${dialog}`, liveScript);
}

/** The words of a comment's own "Reply" button. */
export function facebookReplyLabel(uiLang: UiLang): string {
  return FB_LABELS[uiLang].reply;
}

/**
 * The box Facebook opens when a comment's "Reply" is clicked: a Lexical editor (`role="textbox"`,
 * `contenteditable`) labelled "Reply to NAME", in the comment's own block right after its article, where
 * the comment's replies go. (Sources: MrParkerZ7/app-browser-extension-utils-x-claude's
 * `src/content/index.ts`, 2026-02-01, which clicks a comment's "Reply" and finds the Lexical box that
 * appears within the comment's container; cecilburger/public-crm's `page-comment-live.html`, 2026-09-25,
 * for the "Reply" button without a label; eboody/commgmt's `textBox.js` for the "Reply to NAME" box.)
 */
export function facebookReplyBox(authorName: string, uiLang: UiLang): string {
  return `<div><div><div role="textbox" contenteditable="true" data-lexical-editor="true" spellcheck="true" aria-label="${escapeHtml(FB_LABELS[uiLang].replyTo(authorName))}"><p><br></p></div></div></div>`;
}
