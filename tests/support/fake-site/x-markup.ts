/**
 * X (x.com) as its web app renders it in 2025–2026: a conversation page (`/USER/status/ID`) and the
 * notifications timelines. Re-derived from public evidence (tests/fixtures/README.md names it): the
 * timeline is a virtual list of `div[data-testid="cellInnerDiv"]` rows; the focal post is the one
 * `article[data-testid="tweet"]` with `tabindex="-1"`, the thread's earlier posts sit above it joined by a
 * line; replies follow, with ads (`placementTracking`) and buttons behind which X hides replies; then the
 * "More from this author" section (a heading row, up to three posts, a "See more" link to `/i/user/ID`)
 * and the "Discover more" section (a heading row with a description, then posts from elsewhere).
 */
import { codepoints, escapeHtml, paragraphs, type RichText, type UiLang, withEmoji } from './markup-text';

export interface XQuote {
  handle: string;
  name: string;
  text: RichText;
  time: string;
}

export interface XPost {
  id: string;
  handle: string;
  name: string;
  text: RichText;
  /** ISO 8601 (written as is into `time[datetime]`). */
  time: string;
  lang?: string;
  verified?: boolean;
  /** Handles shown in a "Replying to @a @b" line (notifications timelines). */
  replyingTo?: readonly string[];
  quote?: XQuote;
  /** Attached photos, by alt text ('' for none: X then writes "Image"). */
  images?: readonly string[];
  /** A long post cut by X, followed by its "Show more" button. */
  showMore?: boolean;
  /** X shows `text` as its own translation from this language, as X names it in the page's language. */
  translatedFrom?: string;
}

/** The buttons behind which X keeps replies: "Show more replies", "Show probable spam", offensive ones. */
export type XHiddenReplies = 'more' | 'spam' | 'offensive';

/** One row of a timeline between the focal post and the sections after the replies. */
export type XRow = { post: XPost } | { ad: XPost } | { unavailable: true } | { hidden: XHiddenReplies };

export interface XConversation {
  uiLang: UiLang;
  /** The thread's earlier posts, shown above the focal post. */
  context?: readonly XPost[];
  focal: XPost;
  /** The replies as X lists them, with what it puts between them. */
  replies: readonly XRow[];
  /** "More from this author": up to three posts of the focal post's author, then a "See more" link. */
  moreFromAuthor?: readonly XPost[];
  /** "Discover more": posts from elsewhere on X. */
  discoverMore?: readonly XPost[];
}

export interface XTimeline {
  uiLang: UiLang;
  kind: 'notifications' | 'mentions';
  rows: readonly XRow[];
}

const X_LABELS = {
  fr: {
    replyingTo: 'En réponse à',
    reply: 'Répondre',
    repost: 'Republier',
    like: 'J’aime',
    analytics: 'Voir les statistiques du post',
    image: 'Image',
    showMore: 'Afficher plus',
    verified: 'Compte certifié',
    more: 'Plus',
    quote: 'Citation',
    conversation: 'Conversation',
    timeline: 'Fil d’actualités : Conversation',
    notifications: 'Notifications',
    notificationsTimeline: 'Fil d’actualités : Notifications',
    unavailable: 'Ce post n’est pas disponible.',
    learnMore: 'En savoir plus',
    // X's French strings (DzikStar/X-SCRAPER client-web/i18n/fr.js, 2025-07-01) call the "Ad" label so.
    promoted: 'Publicités',
    views: 'Vues',
    hidden: {
      more: 'Voir plus de réponses',
      spam: 'Afficher les spams probables',
      offensive:
        'Afficher des réponses supplémentaires, y compris celles pouvant contenir du contenu offensant',
    },
    show: 'Afficher',
    moreFromAuthor: 'Plus de cet auteur',
    seeMore: 'Voir plus',
    discoverMore: 'Découvrir plus',
    discoverMoreFrom: 'Provenant de l’ensemble de X',
    close: 'Fermer',
    postText: 'Texte du post',
    postYourReply: 'Postez votre réponse',
    translatedFrom: (language: string) => `À l'origine en ${language}, traduit par Grok`,
    showOriginal: "Afficher l'original",
  },
  en: {
    replyingTo: 'Replying to',
    reply: 'Reply',
    repost: 'Repost',
    like: 'Like',
    analytics: 'View post analytics',
    image: 'Image',
    showMore: 'Show more',
    verified: 'Verified account',
    more: 'More',
    quote: 'Quote',
    conversation: 'Conversation',
    timeline: 'Timeline: Conversation',
    notifications: 'Notifications',
    notificationsTimeline: 'Timeline: Notifications',
    unavailable: 'This post is unavailable.',
    learnMore: 'Learn more',
    promoted: 'Ad',
    views: 'Views',
    hidden: {
      more: 'Show more replies',
      spam: 'Show probable spam',
      offensive: 'Show additional replies, including those that may contain offensive content',
    },
    show: 'Show',
    moreFromAuthor: 'More from this author',
    seeMore: 'See more',
    discoverMore: 'Discover more',
    discoverMoreFrom: 'Sourced from across X',
    close: 'Close',
    postText: 'Post text',
    postYourReply: 'Post your reply',
    translatedFrom: (language: string) => `Translated from ${language}`,
    showOriginal: 'Show original',
  },
} as const;

/** The selector of the element the conversation's rows are in. */
export const X_THREAD_CONTAINER = 'section[role="region"] > div[aria-label] > div';

const SPAN = 'css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3';
const GREY = 'style="color: rgb(83, 100, 113);"';
const BLUE = 'style="color: rgb(29, 155, 240);"';

function xText(text: RichText): string {
  return paragraphs(text)
    .map((paragraph) =>
      paragraph
        .map((part) =>
          typeof part === 'string'
            ? withEmoji(
                part,
                (run) => `<span class="${SPAN}">${escapeHtml(run)}</span>`,
                (emoji) =>
                  `<img alt="${escapeHtml(emoji)}" draggable="false" src="https://abs-0.twimg.com/emoji/v2/svg/${codepoints(emoji)}.svg" title="${escapeHtml(emoji)}" class="r-4qtqp9 r-dflpy8 r-k4bwe5 r-1kpi4qh r-pp5qcn r-h9hxbl">`,
              )
            : xLink(part.href, part.text),
        )
        .join(''),
    )
    .join('<br>');
}

/** A mention (`/handle`) or an address in a post's text; X shows an address's `https://` only to screen readers. */
function xLink(href: string, text: string): string {
  const hidden = /^https?:\/\//.exec(text)?.[0];
  const shown = hidden
    ? `<span aria-hidden="true" class="css-1jxf684 r-qlhcfr r-qvutc0 r-poiln3">${hidden}</span>${escapeHtml(text.slice(hidden.length))}`
    : escapeHtml(text);
  return `<a dir="ltr" href="${escapeHtml(href)}" role="link" class="${SPAN} r-1loqt21" ${BLUE}>${shown}</a>`;
}

function xDisplayTime(iso: string, uiLang: UiLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return uiLang === 'fr' ? '1 min' : '1m';
  return date.toLocaleDateString(uiLang === 'fr' ? 'fr-FR' : 'en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** "9:00 AM · Nov 24, 2026": the focal post's time, with the clock. */
function xFocalTime(iso: string, uiLang: UiLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return xDisplayTime(iso, uiLang);
  const locale = uiLang === 'fr' ? 'fr-FR' : 'en-US';
  const clock = date.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const day = date.toLocaleDateString(locale, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `${clock} · ${day}`;
}

function xUserName(post: XPost, uiLang: UiLang, timeLink: string): string {
  const handle = escapeHtml(post.handle);
  const verified = post.verified
    ? `<div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-xoduu5 r-18u37iz r-1q142lx"><span class="${SPAN} r-1awozwy r-xoduu5"><svg viewBox="0 0 22 22" aria-label="${X_LABELS[uiLang].verified}" role="img" class="r-4qtqp9 r-yyyyoo r-1xvli5t r-bnwqim r-lrvibr r-m6rgpd r-1cvl2hr r-f727ji r-0xmk1m" data-testid="icon-verified"><g><path d="M20.396 11c-.018-.646-.215-1.275-.57-1.816"></path></g></svg></span></div>`
    : '';
  return `<div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1awozwy r-18u37iz" id="id__${escapeHtml(post.id)}n" data-testid="User-Name"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/${handle}" role="link" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-b88u0q r-1awozwy r-6koalj r-1udh08x r-3s2u2q" style="color: rgb(15, 20, 25);"><span class="css-1jxf684 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${xText(post.name)}</span></div>${verified}</div></a></div></div><div class="css-175oi2r r-18u37iz r-1wbh5a2 r-13hce6t"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/${handle}" role="link" tabindex="-1" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div dir="ltr" class="css-146c3p1 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-18u37iz r-1wvb978" ${GREY}><span class="${SPAN}">@${handle}</span></div></a></div>${timeLink}</div></div></div>`;
}

/** A reply's time: a link to the post, labelled for screen readers, around `time[datetime]`. */
function xTimeLink(post: XPost, uiLang: UiLang): string {
  const shown = escapeHtml(xDisplayTime(post.time, uiLang));
  return `<div dir="ltr" aria-hidden="true" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1q142lx r-n7gxbd" ${GREY}><span class="${SPAN}">·</span></div><div class="css-175oi2r r-18u37iz r-1q142lx"><a href="/${escapeHtml(post.handle)}/status/${escapeHtml(post.id)}" dir="ltr" aria-label="${shown}" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-xoduu5 r-1q142lx r-1w6e6rj r-9aw3ui r-3s2u2q r-1loqt21" ${GREY}><time datetime="${escapeHtml(post.time)}">${shown}</time></a></div>`;
}

/**
 * An ad's label, beside its "More" button at the end of the header row rather than next to the name; an ad
 * shows no dated link (carouselabs/carouselabs `browser-extension-comment/tests/fixtures/x/x-post.html`,
 * commit 36408777, x.com as saved about 2026-10-02).
 */
function xPromotedLabel(uiLang: UiLang): string {
  return `<div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" ${GREY}><span class="${SPAN}">${X_LABELS[uiLang].promoted}</span></div>`;
}

function xTweetText(post: { id: string; text: RichText; lang?: string }, uiLang: UiLang, clamp = ''): string {
  const lang = post.lang ?? uiLang;
  return `<div dir="auto" lang="${escapeHtml(lang)}" class="css-146c3p1 r-8akbws r-krxsd3 r-dnmrzs r-1udh08x r-1udbk01 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-bnwqim" id="id__${escapeHtml(post.id)}t" data-testid="tweetText" style="${clamp}color: rgb(15, 20, 25);">${xText(post.text)}</div>`;
}

/**
 * The line X puts just above a post's text when it shows its own translation there, with the button that
 * shows the author's words (carouselabs/carouselabs `x-reply-box.html`, commit 36408777, about
 * 2026-10-02; the French words from X's strings, DzikStar/X-SCRAPER `client-web/i18n/fr.js`, 2025-07-01).
 */
function xTranslationLine(language: string, uiLang: UiLang): string {
  const l = X_LABELS[uiLang];
  return `<div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" ${GREY}><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs"><g><path d="M12 2"></path></g></svg><span class="${SPAN}"><span class="${SPAN}">${escapeHtml(l.translatedFrom(language))}</span></span><button aria-label="${escapeHtml(l.showOriginal)}" role="button" type="button" class="css-175oi2r r-1loqt21"><span class="${SPAN}" ${BLUE}>${escapeHtml(l.showOriginal)}</span></button></div>`;
}

/** A quoted post: a visually hidden "Quote" label, then a clickable card whose date is not a link. */
function xQuote(post: XPost, quote: XQuote, uiLang: UiLang): string {
  const shown = escapeHtml(xDisplayTime(quote.time, uiLang));
  return `<div aria-labelledby="id__${escapeHtml(post.id)}q" class="css-175oi2r r-9aw3ui r-1s2bzr4" id="id__${escapeHtml(post.id)}qc"><div class="css-175oi2r"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-4iw3lz r-1xk2f4g r-109y4c4 r-1udh08x r-wwvuq4 r-u8s1d r-92ng3h"><span class="${SPAN}">${X_LABELS[uiLang].quote}</span></div><div tabindex="0" class="css-175oi2r r-adacv r-1udh08x r-1kqtdi0 r-1867qdf r-rs99b7 r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21" role="link"><div class="css-175oi2r"><div class="css-175oi2r r-eqz5dr r-jusfrs r-1s2bzr4"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1awozwy r-18u37iz" data-testid="User-Name"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-b88u0q"><span class="${SPAN}">${xText(quote.name)}</span></div></div><div class="css-175oi2r r-18u37iz r-1wbh5a2 r-13hce6t"><div dir="ltr" class="css-146c3p1 r-dnmrzs r-1udh08x" ${GREY}><span class="${SPAN}">@${escapeHtml(quote.handle)}</span></div><div dir="ltr" aria-hidden="true" class="css-146c3p1" ${GREY}><span class="${SPAN}">·</span></div><div dir="ltr" aria-label="${shown}" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0" ${GREY}><time datetime="${escapeHtml(quote.time)}">${shown}</time></div></div></div></div><div class="css-175oi2r r-6gpygo r-jusfrs">${xTweetText({ id: `${post.id}q`, text: quote.text, lang: 'und' }, uiLang, '-webkit-line-clamp: 5; ')}</div></div></div></div></div>`;
}

function xImages(post: XPost, alts: readonly string[], uiLang: UiLang): string {
  const photos = alts
    .map(
      (alt, i) =>
        `<div class="css-175oi2r r-1adg3ll r-1udh08x"><a href="/${escapeHtml(post.handle)}/status/${escapeHtml(post.id)}/photo/${i + 1}" role="link" class="css-175oi2r r-1pi2tsx r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-1adg3ll r-1udh08x" data-testid="tweetPhoto"><div class="css-175oi2r r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-ipm5af r-13qz1uu"><div class="css-175oi2r r-1mlwlqe r-1udh08x r-417010" style="background-image: url(&quot;https://pbs.twimg.com/media/GZ0demo${i}?format=jpg&amp;name=small&quot;);"></div><img alt="${escapeHtml(alt || X_LABELS[uiLang].image)}" draggable="true" src="https://pbs.twimg.com/media/GZ0demo${i}?format=jpg&amp;name=small" class="css-9pa8cd"></div></div></a></div>`,
    )
    .join('');
  return `<div class="css-175oi2r r-9aw3ui r-1s2bzr4"><div class="css-175oi2r r-1ssbvtb r-1s2bzr4">${photos}</div></div>`;
}

/** The action bar: reply, repost, like, and the link to the post's analytics. */
function xActions(post: XPost, uiLang: UiLang): string {
  const l = X_LABELS[uiLang];
  const button = (testid: string, label: string) =>
    `<div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><button aria-label="0 ${label}" role="button" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l" data-testid="${testid}" type="button"><div dir="ltr" class="css-146c3p1"><div class="css-175oi2r r-xoduu5"><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M1.751 10c0-4.42"></path></g></svg></div></div></button></div>`;
  const analytics = `<div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><a href="/${escapeHtml(post.handle)}/status/${escapeHtml(post.id)}/analytics" aria-label="${l.analytics}" role="link" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1ny4l3l r-1loqt21"></a></div>`;
  return `<div class="css-175oi2r"><div aria-label="" role="group" class="css-175oi2r r-1kbdv8c r-18u37iz r-1wtj0ep r-1ye8kvj r-1s2bzr4" id="id__${escapeHtml(post.id)}g">${button('reply', l.reply)}${button('retweet', l.repost)}${button('like', l.like)}${analytics}</div></div>`;
}

function xAvatar(post: XPost, threadBelow: boolean): string {
  const handle = escapeHtml(post.handle);
  // The line that joins a post of the thread to the next one hangs under its avatar.
  const line = threadBelow
    ? '<div class="css-175oi2r r-1bnu78o r-f8sm7e r-m5arl1 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af"></div>'
    : '';
  return `<div class="css-175oi2r r-18kxxzh r-1wron08 r-onrtq4 r-1awozwy${threadBelow ? ' r-15zivkp' : ''}"><div class="css-175oi2r" data-testid="Tweet-User-Avatar"><div class="css-175oi2r r-1adg3ll r-bztko3" data-testid="UserAvatar-Container-${handle}" style="height: 40px; width: 40px;"><a href="/${handle}" aria-hidden="true" role="link" tabindex="-1" class="css-175oi2r r-1pi2tsx r-13qz1uu r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-1adg3ll r-1pi2tsx r-13qz1uu r-45ll9u r-u8s1d r-1v2oles r-176fswd r-bztko3"><img alt="" draggable="true" src="https://pbs.twimg.com/profile_images/1700000000000000000/demo_normal.jpg" class="css-9pa8cd"></div></a></div></div>${line}</div>`;
}

interface ArticlePlace {
  focal?: boolean;
  promoted?: boolean;
  /** Joined to the post above (the thread goes on from there). */
  threadAbove?: boolean;
  /** Joined to the post below. */
  threadBelow?: boolean;
}

/** One post: `article[data-testid="tweet"]`; the focal post is the one X leaves out of the tab order. */
export function xTweetArticle(post: XPost, uiLang: UiLang, place: ArticlePlace = {}): string {
  const l = X_LABELS[uiLang];
  const id = escapeHtml(post.id);
  const hasText = paragraphs(post.text).length > 0;
  const text = hasText
    ? `<div class="css-175oi2r">${post.translatedFrom === undefined ? '' : xTranslationLine(post.translatedFrom, uiLang)}${xTweetText(post, uiLang, post.showMore ? '-webkit-line-clamp: 10; ' : '')}</div>`
    : '';
  const showMore = post.showMore
    ? `<button role="button" class="css-175oi2r r-1777fci r-1loqt21" data-testid="tweet-text-show-more-link" type="button"><span class="${SPAN}" ${BLUE}>${l.showMore}</span></button>`
    : '';
  const media = post.images?.length ? xImages(post, post.images, uiLang) : '';
  const quote = post.quote ? xQuote(post, post.quote, uiLang) : '';
  const replyingTo = post.replyingTo?.length
    ? `<div class="css-175oi2r r-4qtqp9 r-18u37iz r-zl2h9q"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" ${GREY}>${l.replyingTo} ${post.replyingTo
        .map(
          (h) =>
            `<div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-xoduu5"><a href="/${escapeHtml(h)}" dir="ltr" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1loqt21" ${BLUE}><span class="${SPAN}">@${escapeHtml(h)}</span></a></div>`,
        )
        .join(' ')}</div></div>`
    : '';
  const caret = `<div class="css-175oi2r r-1kkk96v"><div class="css-175oi2r r-1awozwy r-6koalj r-18u37iz">${place.promoted ? xPromotedLabel(uiLang) : ''}<button aria-haspopup="menu" aria-expanded="false" aria-label="${l.more}" role="button" class="css-175oi2r r-1777fci r-bt1l66" data-testid="caret" type="button"></button></div></div>`;
  const lineAbove = place.threadAbove
    ? '<div class="css-175oi2r r-1bnu78o r-f8sm7e r-m5arl1 r-16y2uox r-14gqq1x"></div>'
    : '';
  const top = `<div class="css-175oi2r"><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-1iusvr4 r-16y2uox r-ttdzmv">${lineAbove}</div></div></div>`;
  if (place.focal) {
    const shown = escapeHtml(xFocalTime(post.time, uiLang));
    return `<article aria-labelledby="id__${id}n id__${id}t" role="article" tabindex="-1" class="css-175oi2r r-18u37iz r-1udh08x r-1c4vpko r-1c7gwzm r-1ny4l3l" data-testid="tweet"><div class="css-175oi2r r-eqz5dr r-16y2uox r-1wbh5a2"><div class="css-175oi2r r-16y2uox r-1wbh5a2 r-1ny4l3l">${top}<div class="css-175oi2r r-18u37iz">${xAvatar(post, false)}<div class="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci"><div class="css-175oi2r r-zl2h9q"><div class="css-175oi2r r-k4xj1c r-18u37iz r-1wtj0ep"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l">${xUserName(post, uiLang, '')}</div></div>${caret}</div></div></div></div><div class="css-175oi2r r-1s2bzr4 r-ttdzmv">${text}${showMore}${media}${quote}<div class="css-175oi2r r-12kyg2d"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2 r-1471scf"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" ${GREY}><a href="/${escapeHtml(post.handle)}/status/${id}" aria-describedby="id__${id}v" aria-label="${shown}" role="link" class="${SPAN} r-xoduu5 r-1q142lx r-1w6e6rj r-9aw3ui r-3s2u2q r-1loqt21" ${GREY}><time datetime="${escapeHtml(post.time)}">${shown}</time></a></div><span class="${SPAN}" id="id__${id}v" ${GREY}> · <span>42</span> ${l.views}</span></div></div>${xActions(post, uiLang)}</div></div></div></article>`;
  }
  const header = xUserName(post, uiLang, place.promoted ? '' : xTimeLink(post, uiLang));
  return `<article aria-labelledby="id__${id}n id__${id}t" role="article" tabindex="0" class="css-175oi2r r-18u37iz r-1udh08x r-1c4vpko r-1c7gwzm r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21" data-testid="tweet"><div class="css-175oi2r r-eqz5dr r-16y2uox r-1wbh5a2"><div class="css-175oi2r r-16y2uox r-1wbh5a2 r-1ny4l3l">${top}<div class="css-175oi2r r-18u37iz">${xAvatar(post, place.threadBelow === true)}<div class="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci r-kzbkwu"><div class="css-175oi2r r-zl2h9q"><div class="css-175oi2r r-k4xj1c r-18u37iz r-1wtj0ep"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l">${header}</div></div>${caret}</div></div>${replyingTo}${text}${showMore}${media}${quote}${xActions(post, uiLang)}</div></div></div></div></article>`;
}

/** One row of X's virtual list, positioned by X with a transform (the fake site's style undoes it). */
function xCell(inner: string, offset = 0): string {
  return `<div class="css-175oi2r" style="transform: translateY(${offset}px); position: absolute; width: 100%;" data-testid="cellInnerDiv">${inner}</div>`;
}

function xPostCell(post: XPost, uiLang: UiLang, place: ArticlePlace = {}, offset = 0): string {
  return xCell(
    `<div class="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l"><div class="css-175oi2r">${xTweetArticle(post, uiLang, place)}</div></div>`,
    offset,
  );
}

/** One reply row, as the fake site's live feed adds them. */
export function xReplyCell(post: XPost, uiLang: UiLang): string {
  return xPostCell(post, uiLang);
}

function xAdCell(post: XPost, uiLang: UiLang, offset: number): string {
  return xCell(
    `<div class="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l"><div class="css-175oi2r"><div class="css-175oi2r" data-testid="placementTracking">${xTweetArticle(post, uiLang, { promoted: true })}</div></div></div>`,
    offset,
  );
}

function xUnavailableCell(uiLang: UiLang, offset: number): string {
  const l = X_LABELS[uiLang];
  return xCell(
    `<div class="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l"><div class="css-175oi2r"><article role="article" tabindex="0" class="css-175oi2r r-18u37iz r-1udh08x r-1c4vpko r-1c7gwzm r-1ny4l3l"><div class="css-175oi2r r-1awozwy r-g6ijar r-1867qdf r-1phboty r-rs99b7 r-18u37iz r-1wtj0ep r-1mmae3n r-3pj75a"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" ${GREY}><span class="${SPAN}">${l.unavailable} </span><a href="https://help.x.com/rules-and-policies/notices-on-x" dir="ltr" rel="noopener noreferrer nofollow" target="_blank" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-1loqt21" ${BLUE}><span class="${SPAN}">${l.learnMore}</span></a></div></div></article></div></div>`,
    offset,
  );
}

/**
 * A button behind which X keeps replies. "Show more replies" and "Show probable spam" are bare buttons;
 * replies X judges offensive sit behind a prompt with its own "Show" button, drawn like a post.
 */
function xHiddenRepliesCell(hidden: XHiddenReplies, uiLang: UiLang, offset: number): string {
  const l = X_LABELS[uiLang];
  const label = escapeHtml(l.hidden[hidden]);
  const inner =
    hidden === 'offensive'
      ? `<div class="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l"><div class="css-175oi2r"><article role="article" tabindex="0" class="css-175oi2r r-18u37iz r-1udh08x r-1c4vpko r-1c7gwzm r-1ny4l3l"><div class="css-175oi2r r-1awozwy r-g6ijar r-1867qdf r-18u37iz r-1wtj0ep r-1mmae3n r-3pj75a"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" ${GREY}><span class="${SPAN}">${label}</span></div><button role="button" class="css-175oi2r r-sdzlij r-1phboty r-rs99b7 r-lrvibr r-15ysp7h r-4wgw6l r-1loqt21" type="button"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-qvutc0 r-37j5jr r-q4m81j r-a023e6 r-rjixqe r-b88u0q"><span class="${SPAN}"><span class="${SPAN}">${l.show}</span></span></div></button></div></article></div></div>`
      : `<div class="css-175oi2r"><button role="button" class="css-175oi2r r-1777fci r-1ny4l3l r-o7ynqc r-6416eg r-1loqt21" type="button"><div class="css-175oi2r r-1awozwy r-18u37iz r-3pj75a"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" ${BLUE}><span class="${SPAN}">${label}</span></div></div></button></div>`;
  return xCell(inner, offset);
}

/** A section heading row; "Discover more" has a description under its title, "More from this author" none. */
function xHeadingCell(title: string, description: string | null, offset: number): string {
  const about =
    description === null
      ? ''
      : `<div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" ${GREY}><span class="${SPAN}">${escapeHtml(description)}</span></div>`;
  return xCell(
    `<div class="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l"><div class="css-175oi2r r-1wtj0ep r-3pj75a"><h2 dir="ltr" aria-level="2" role="heading" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-adyw6z r-135wba7 r-b88u0q"><span class="${SPAN}">${escapeHtml(title)}</span></h2>${about}</div></div>`,
    offset,
  );
}

/** "See more" after the "More from this author" posts: a link to the author's posts by user id. */
function xSeeMoreCell(uiLang: UiLang, offset: number): string {
  return xCell(
    `<div class="css-175oi2r"><div class="css-175oi2r"><a href="/i/user/1500000000000000001" role="link" class="css-175oi2r r-1awozwy r-3pj75a r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" ${BLUE}><span class="${SPAN}">${X_LABELS[uiLang].seeMore}</span></div></a></div></div>`,
    offset,
  );
}

function xRowCell(row: XRow, uiLang: UiLang, offset: number): string {
  if ('post' in row) return xPostCell(row.post, uiLang, {}, offset);
  if ('ad' in row) return xAdCell(row.ad, uiLang, offset);
  if ('hidden' in row) return xHiddenRepliesCell(row.hidden, uiLang, offset);
  return xUnavailableCell(uiLang, offset);
}

/** X's rows are about this tall, for the transforms that place them. */
const ROW_HEIGHT = 160;

/**
 * A conversation's rows, cut where the fake site's live replies go: the thread down to the focal post,
 * the replies, and what follows the last reply (the buttons that hide more, then the sections).
 */
export function xConversationRows(conversation: XConversation): {
  before: string[];
  replies: string[];
  after: string[];
} {
  const { uiLang } = conversation;
  const context = conversation.context ?? [];
  let offset = 0;
  const next = () => {
    const at = offset;
    offset += ROW_HEIGHT;
    return at;
  };
  const before = [
    ...context.map((post, i) => xPostCell(post, uiLang, { threadAbove: i > 0, threadBelow: true }, next())),
    xPostCell(conversation.focal, uiLang, { focal: true, threadAbove: context.length > 0 }, next()),
  ];
  let lastReply = conversation.replies.length;
  while (lastReply > 0 && 'hidden' in (conversation.replies[lastReply - 1] as XRow)) lastReply -= 1;
  const replies = conversation.replies.slice(0, lastReply).map((row) => xRowCell(row, uiLang, next()));
  const after = conversation.replies.slice(lastReply).map((row) => xRowCell(row, uiLang, next()));
  const l = X_LABELS[uiLang];
  if (conversation.moreFromAuthor?.length) {
    after.push(xHeadingCell(l.moreFromAuthor, null, next()));
    for (const post of conversation.moreFromAuthor) after.push(xPostCell(post, uiLang, {}, next()));
    after.push(xSeeMoreCell(uiLang, next()));
  }
  if (conversation.discoverMore?.length) {
    after.push(xHeadingCell(l.discoverMore, l.discoverMoreFrom, next()));
    for (const post of conversation.discoverMore) after.push(xPostCell(post, uiLang, {}, next()));
  }
  return { before, replies, after };
}

function xShell(uiLang: UiLang, title: string, body: string, liveScript: string): string {
  return `<!DOCTYPE html>
<html dir="ltr" lang="${uiLang}" style="overflow-y: scroll; overscroll-behavior-y: none; font-size: 15px;"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=0,viewport-fit=cover"><title>${escapeHtml(title)}</title></head><body style="background-color: #FFFFFF;"><div id="react-root" style="height:100%;display:flex;"><div class="css-175oi2r r-13awgt0 r-12vffkv"><div class="css-175oi2r r-13awgt0 r-12vffkv"><div class="css-175oi2r r-1f2l425 r-13qz1uu r-417010 r-18u37iz" aria-hidden="false"><header role="banner" class="css-175oi2r r-lrvibr r-1g40b8q r-obd0qt r-16y2uox"></header><main role="main" class="css-175oi2r r-16y2uox r-1wbh5a2 r-1habvwh"><div class="css-175oi2r r-150rngu r-16y2uox r-1wbh5a2 r-rthrr5"><div class="css-175oi2r r-aqfbo4 r-kemksi r-1d2f490 r-1xcajam r-zchlnj r-1pi2tsx r-1ua6aaf"><div class="css-175oi2r r-1ye8kvj r-1h0z5md" data-testid="primaryColumn">${body}</div></div></div></main></div></div></div></div>${liveScript}</body></html>
`;
}

/** The timeline region; rows start on their own line so that diffs of the fixtures stay readable. */
function xTimeline(label: string, heading: string, rows: readonly string[]): string {
  return `<section aria-labelledby="accessible-list-1" role="region" class="css-175oi2r"><h1 dir="auto" aria-level="1" role="heading" class="css-146c3p1 r-4iw3lz r-1xk2f4g r-109y4c4 r-1udh08x r-wwvuq4 r-u8s1d r-92ng3h" id="accessible-list-1">${escapeHtml(heading)}</h1><div aria-label="${escapeHtml(label)}" class="css-175oi2r"><div style="position: relative; min-height: ${rows.length * ROW_HEIGHT}px;">\n${rows.join('\n')}\n</div></div></section>`;
}

/** A conversation page; `liveScript` is raw HTML put at the end of `<body>` (the fake site's own scripts). */
export function xConversationPage(conversation: XConversation, liveScript = ''): string {
  const { before, replies, after } = xConversationRows(conversation);
  const l = X_LABELS[conversation.uiLang];
  const quoted = paragraphs(conversation.focal.text)
    .flat()
    .map((part) => (typeof part === 'string' ? part : part.text))
    .join(' ')
    .slice(0, 80);
  const title =
    conversation.uiLang === 'fr'
      ? `${conversation.focal.name} sur X : « ${quoted} » / X`
      : `${conversation.focal.name} on X: "${quoted}" / X`;
  return xShell(
    conversation.uiLang,
    title,
    xTimeline(l.timeline, l.conversation, [...before, ...replies, ...after]),
    liveScript,
  );
}

/** The notifications timeline, or its mentions tab. */
export function xTimelinePage(timeline: XTimeline): string {
  const l = X_LABELS[timeline.uiLang];
  const rows = timeline.rows.map((row, i) => xRowCell(row, timeline.uiLang, i * ROW_HEIGHT));
  return xShell(
    timeline.uiLang,
    `${l.notifications} / X`,
    xTimeline(l.notificationsTimeline, l.notifications, rows),
    '',
  );
}

/** What the reply dialog shows of the post it answers. */
export type XRepliedPost = Pick<XPost, 'id' | 'handle' | 'name' | 'text' | 'time'>;

/**
 * The dialog X opens over the page when a post's reply button (`button[data-testid="reply"]`) is clicked,
 * as in x.com saved about 2026-10-02 (carouselabs/carouselabs
 * `browser-extension-comment/tests/fixtures/x/x-reply-box.html`, commit 36408777): a layer
 * `div[role="dialog"]` holding the modal `div[role="dialog"][aria-modal="true"]` labelled by
 * "modal-header"; in it a copy of the post it answers, an `article[data-testid="tweet"]` whose name,
 * @handle and `time[datetime]` are in no link (only the avatar links to the profile) and with no link to
 * the post; the "Replying to @handle" button; the composer, the Draft.js editor
 * `div[data-testid="tweetTextarea_0"][role="textbox"][contenteditable="true"]`; the Reply button. Its
 * words are X's (DzikStar/X-SCRAPER `client-web/i18n`, 2025-07-01); the post is the caller's.
 */
export function xReplyDialog(post: XRepliedPost, uiLang: UiLang): string {
  const l = X_LABELS[uiLang];
  const handle = escapeHtml(post.handle);
  const shown = escapeHtml(xDisplayTime(post.time, uiLang));
  const copy = `<article role="article" tabindex="-1" class="css-175oi2r r-18u37iz r-1ny4l3l" data-testid="tweet"><div class="css-175oi2r" data-testid="Tweet-User-Avatar"><a href="/${handle}" role="link" tabindex="-1" class="css-175oi2r r-1pi2tsx"><img alt="" draggable="true" src="https://pbs.twimg.com/profile_images/1700000000000000000/demo_normal.jpg" class="css-9pa8cd"></a></div><div class="css-175oi2r r-1iusvr4 r-16y2uox"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1awozwy r-18u37iz" data-testid="User-Name"><div class="css-175oi2r r-1awozwy r-18u37iz"><div dir="ltr" class="css-146c3p1 r-b88u0q"><span class="${SPAN}"><span class="${SPAN}">${xText(post.name)}</span></span></div></div><div class="css-175oi2r r-18u37iz r-1wbh5a2"><div tabindex="-1" class="css-175oi2r"><div dir="ltr" class="css-146c3p1" ${GREY}><span class="${SPAN}">@${handle}</span></div></div><div dir="ltr" aria-hidden="true" class="css-146c3p1" ${GREY}><span class="${SPAN}">·</span></div><div class="css-175oi2r"><div dir="ltr" aria-label="${shown}" class="css-146c3p1" ${GREY}><time datetime="${escapeHtml(post.time)}">${shown}</time></div></div></div></div>${xTweetText({ id: `${post.id}r`, text: post.text }, uiLang)}</div></article>`;
  const replyingTo = `<div class="css-175oi2r r-18u37iz"><button dir="ltr" role="button" type="button" class="css-146c3p1 r-1loqt21" ${GREY}>${l.replyingTo} <span dir="ltr" class="${SPAN}"><span class="${SPAN}" ${BLUE}>@${handle}</span></span></button></div>`;
  const composer = `<div class="css-175oi2r" data-testid="tweetTextarea_0_label"><div data-testid="tweetTextarea_0RichTextInputContainer" class="css-175oi2r"><div class="DraftEditor-root"><div class="public-DraftEditorPlaceholder-root"><div class="public-DraftEditorPlaceholder-inner" id="placeholder-${escapeHtml(post.id)}">${l.postYourReply}</div></div><div class="DraftEditor-editorContainer"><div aria-label="${l.postText}" contenteditable="true" data-testid="tweetTextarea_0" role="textbox" spellcheck="true" tabindex="0" class="notranslate public-DraftEditor-content"><div data-contents="true"></div></div></div></div></div></div>`;
  return `<div role="dialog" class="css-175oi2r r-1pi2tsx r-1d2f490 r-1xcajam r-ipm5af r-13qz1uu"><div class="css-175oi2r"><div tabindex="0"></div><div role="group" tabindex="0" class="css-175oi2r"><div data-testid="mask" class="css-175oi2r"></div><div aria-labelledby="modal-header" aria-modal="true" role="dialog" class="css-175oi2r"><div class="css-175oi2r r-18u37iz"><button aria-label="${l.close}" role="button" data-testid="app-bar-close" type="button" class="css-175oi2r"></button></div><div class="css-175oi2r">${copy}${replyingTo}</div>${composer}<div class="css-175oi2r r-18u37iz"><button role="button" data-testid="tweetButton" type="button" class="css-175oi2r">${l.reply}</button></div></div></div><div tabindex="0"></div></div></div>`;
}
