/**
 * HTML builders reproducing the markup of an X conversation page and a Facebook Page post, the same
 * structure as the fixtures in tests/fixtures/ (which the adapters are tested on). Used by the demo server
 * and the real-browser tests. Plain string functions: no Node or DOM APIs.
 *
 * Every text value goes through `escapeHtml`: comment text is hostile input.
 */

export type UiLang = 'fr' | 'en';

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const EMOJI = /\p{Extended_Pictographic}(?:\u{FE0F}|\u{200D}\p{Extended_Pictographic}|\p{Emoji_Modifier})*/gu;

function codepoints(emoji: string): string {
  return Array.from(emoji)
    .map((ch) => (ch.codePointAt(0) ?? 0).toString(16))
    .filter((cp) => cp !== 'fe0f')
    .join('-');
}

/** Splits text on emoji: text runs go through `text`, emoji through `emoji` (both get raw values). */
function withEmoji(value: string, text: (run: string) => string, emoji: (e: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of value.matchAll(EMOJI)) {
    const index = match.index ?? 0;
    if (index > last) out += text(value.slice(last, index));
    out += emoji(match[0]);
    last = index + match[0].length;
  }
  if (last < value.length) out += text(value.slice(last));
  return out;
}

// ---------------------------------------------------------------------------------------------------- X

export interface XQuote {
  handle: string;
  name: string;
  text: string;
  time: string;
}

export interface XTweetMarkup {
  id: string;
  handle: string;
  name: string;
  text: string;
  /** ISO 8601 (written as is into `time[datetime]`). */
  time: string;
  lang?: string;
  uiLang?: UiLang;
  verified?: boolean;
  /** Handles shown in a "Replying to @a @b" line (notifications timeline). */
  replyingTo?: string[];
  quote?: XQuote;
  /** Attached photos, by alt text ('' for none: X then writes "Image"). */
  images?: string[];
  /** A long post cut by X, followed by its "Show more" link. */
  showMore?: boolean;
}

const X_LABELS = {
  fr: {
    replyingTo: 'En réponse à',
    reply: 'Répondre',
    repost: 'Republier',
    like: 'J’aime',
    image: 'Image',
    showMore: 'Afficher plus',
    verified: 'Compte certifié',
    more: 'Plus',
    conversation: 'Conversation',
    timeline: 'Fil d’actualités : Conversation',
    notifications: 'Notifications',
    notificationsTimeline: 'Fil d’actualités : Notifications',
    unavailable: 'Ce post n’est pas disponible.',
    learnMore: 'En savoir plus',
    promoted: 'Sponsorisé',
    post: 'Post',
    views: 'Vues',
  },
  en: {
    replyingTo: 'Replying to',
    reply: 'Reply',
    repost: 'Repost',
    like: 'Like',
    image: 'Image',
    showMore: 'Show more',
    verified: 'Verified account',
    more: 'More',
    conversation: 'Conversation',
    timeline: 'Timeline: Conversation',
    notifications: 'Notifications',
    notificationsTimeline: 'Timeline: Notifications',
    unavailable: 'This post is unavailable.',
    learnMore: 'Learn more',
    promoted: 'Ad',
    post: 'Post',
    views: 'Views',
  },
} as const;

/** The selector of the element the conversation's reply cells are appended to. */
export const X_THREAD_CONTAINER = 'section[role="region"] > div[aria-label] > div';

function xText(text: string): string {
  return withEmoji(
    text,
    (run) => `<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${escapeHtml(run)}</span>`,
    (emoji) =>
      `<img alt="${escapeHtml(emoji)}" draggable="false" src="https://abs-0.twimg.com/emoji/v2/svg/${codepoints(emoji)}.svg" title="${escapeHtml(emoji)}" class="r-4qtqp9 r-dflpy8 r-k4bwe5 r-1kpi4qh r-pp5qcn r-h9hxbl">`,
  );
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

function xUserName(
  t: { handle: string; name: string; verified?: boolean },
  uiLang: UiLang,
  timeLink: string,
): string {
  const handle = escapeHtml(t.handle);
  const verified = t.verified
    ? `<div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-xoduu5 r-18u37iz r-1q142lx"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1awozwy r-xoduu5"><svg viewBox="0 0 22 22" aria-label="${X_LABELS[uiLang].verified}" role="img" class="r-4qtqp9 r-yyyyoo r-1xvli5t r-bnwqim r-lrvibr r-m6rgpd r-1cvl2hr r-f727ji r-0xmk1m" data-testid="icon-verified"><g><path d="M20.396 11c-.018-.646-.215-1.275-.57-1.816"></path></g></svg></span></div>`
    : '';
  return `<div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l" data-testid="User-Name"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/${handle}" role="link" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-b88u0q r-1awozwy r-6koalj r-1udh08x r-3s2u2q" style="color: rgb(15, 20, 25);"><span class="css-1jxf684 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${xText(t.name)}</span></div>${verified}</div></a></div></div><div class="css-175oi2r r-18u37iz r-1wbh5a2 r-13hce6t"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/${handle}" role="link" tabindex="-1" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div dir="ltr" class="css-146c3p1 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-18u37iz r-1wvb978" style="color: rgb(83, 100, 113);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">@${handle}</span></div></a></div>${timeLink}</div></div></div>`;
}

function xTimeLink(t: { handle: string; id: string; time: string }, uiLang: UiLang): string {
  const shown = escapeHtml(xDisplayTime(t.time, uiLang));
  return `<div dir="ltr" aria-hidden="true" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1q142lx r-n7gxbd" style="color: rgb(83, 100, 113);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">·</span></div><div class="css-175oi2r r-18u37iz r-1q142lx"><a href="/${escapeHtml(t.handle)}/status/${escapeHtml(t.id)}" dir="ltr" aria-label="${shown}" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-xoduu5 r-1q142lx r-1w6e6rj r-9aw3ui r-3s2u2q r-1loqt21" style="color: rgb(83, 100, 113);"><time datetime="${escapeHtml(t.time)}">${shown}</time></a></div>`;
}

function xPromotedLabel(uiLang: UiLang): string {
  return `<div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" style="color: rgb(83, 100, 113);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${X_LABELS[uiLang].promoted}</span></div></div>`;
}

function xTweetText(text: string, lang: string, extraStyle = ''): string {
  return `<div dir="auto" lang="${escapeHtml(lang)}" class="css-146c3p1 r-8akbws r-krxsd3 r-dnmrzs r-1udh08x r-1udbk01 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-bnwqim" data-testid="tweetText" style="${extraStyle}color: rgb(15, 20, 25);">${xText(text)}</div>`;
}

function xQuote(q: XQuote, uiLang: UiLang): string {
  // A quoted post: a clickable card; its date is not wrapped in a status link.
  const shown = escapeHtml(xDisplayTime(q.time, uiLang));
  return `<div class="css-175oi2r r-9aw3ui r-1s2bzr4"><div class="css-175oi2r r-adacv r-1udh08x r-1kqtdi0 r-1867qdf r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21" tabindex="0" role="link"><div class="css-175oi2r"><div class="css-175oi2r r-eqz5dr r-1fz3rvf r-1s2bzr4"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l" data-testid="User-Name"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-b88u0q"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${xText(q.name)}</span></div></div><div class="css-175oi2r r-18u37iz r-1wbh5a2 r-13hce6t"><div dir="ltr" class="css-146c3p1 r-dnmrzs r-1udh08x"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">@${escapeHtml(q.handle)}</span></div><div dir="ltr" aria-hidden="true" class="css-146c3p1"><span class="css-1jxf684">·</span></div><div dir="ltr" class="css-146c3p1"><time datetime="${escapeHtml(q.time)}">${shown}</time></div></div></div></div><div class="css-175oi2r r-6gpygo r-jusfrs r-1rnoaur">${xTweetText(q.text, 'und')}</div></div></div></div>`;
}

function xImages(alts: readonly string[], uiLang: UiLang): string {
  const photos = alts
    .map(
      (alt, i) =>
        `<div class="css-175oi2r r-1adg3ll r-1udh08x"><a href="#photo/${i + 1}" role="link" class="css-175oi2r r-1pi2tsx r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-1adg3ll r-1udh08x" data-testid="tweetPhoto"><div class="css-175oi2r r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-ipm5af r-13qz1uu"><div class="css-175oi2r r-1mlwlqe r-1udh08x r-417010" style="background-image: url(&quot;https://pbs.twimg.com/media/GZ0demo${i}?format=jpg&amp;name=small&quot;);"></div><img alt="${escapeHtml(alt || X_LABELS[uiLang].image)}" draggable="true" src="https://pbs.twimg.com/media/GZ0demo${i}?format=jpg&amp;name=small" class="css-9pa8cd"></div></div></a></div>`,
    )
    .join('');
  return `<div class="css-175oi2r r-9aw3ui r-1s2bzr4"><div class="css-175oi2r r-1ssbvtb r-1s2bzr4">${photos}</div></div>`;
}

function xActions(uiLang: UiLang): string {
  const l = X_LABELS[uiLang];
  return `<div class="css-175oi2r"><div aria-label="" role="group" class="css-175oi2r r-1kbdv8c r-18u37iz r-1wtj0ep r-1ye8kvj r-1s2bzr4" id="id__actions"><div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><button aria-label="0 ${l.reply}" role="button" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l" data-testid="reply" type="button"><div dir="ltr" class="css-146c3p1"><div class="css-175oi2r r-xoduu5"><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M1.751 10c0-4.42"></path></g></svg></div></div></button></div><div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><button aria-label="0 ${l.repost}" role="button" class="css-175oi2r r-1777fci r-bt1l66" data-testid="retweet" type="button"></button></div><div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><button aria-label="0 ${l.like}" role="button" class="css-175oi2r r-1777fci r-bt1l66" data-testid="like" type="button"></button></div></div></div>`;
}

/** One post: `article[data-testid="tweet"]`, as a reply (compact header) or as the focal post. */
export function xTweetArticle(
  t: XTweetMarkup,
  options: { focal?: boolean; promoted?: boolean } = {},
): string {
  const uiLang = t.uiLang ?? 'fr';
  const l = X_LABELS[uiLang];
  const lang = t.lang ?? (uiLang === 'fr' ? 'fr' : 'en');
  const handle = escapeHtml(t.handle);
  const focal = options.focal === true;
  const avatar = `<div class="css-175oi2r r-18kxxzh r-1wron08 r-onrtq4 r-1awozwy"><div class="css-175oi2r" data-testid="Tweet-User-Avatar"><div class="css-175oi2r r-1adg3ll r-bztko3" data-testid="UserAvatar-Container-${handle}" style="height: 40px; width: 40px;"><a href="/${handle}" aria-hidden="true" role="link" tabindex="-1" class="css-175oi2r r-1pi2tsx r-13qz1uu r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-1adg3ll r-1pi2tsx r-13qz1uu r-45ll9u r-u8s1d r-1v2oles r-176fswd r-bztko3"><img alt="" draggable="true" src="https://pbs.twimg.com/profile_images/1700000000000000000/demo_normal.jpg" class="css-9pa8cd"></div></a></div></div></div>`;
  const replyingTo = t.replyingTo?.length
    ? `<div class="css-175oi2r r-4qtqp9 r-18u37iz r-zl2h9q"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" style="color: rgb(83, 100, 113);">${l.replyingTo} ${t.replyingTo
        .map(
          (h) =>
            `<div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-xoduu5"><a href="/${escapeHtml(h)}" dir="ltr" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1loqt21" style="color: rgb(29, 155, 240);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">@${escapeHtml(h)}</span></a></div>`,
        )
        .join(' ')}</div></div>`
    : '';
  const text =
    t.text === ''
      ? ''
      : `<div class="css-175oi2r">${xTweetText(t.text, lang, t.showMore ? '-webkit-line-clamp: 10; ' : '')}</div>`;
  const showMore = t.showMore
    ? `<button role="button" class="css-175oi2r r-1777fci r-1loqt21" data-testid="tweet-text-show-more-link" type="button"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3" style="color: rgb(29, 155, 240);">${l.showMore}</span></button>`
    : '';
  const media = t.images?.length ? xImages(t.images, uiLang) : '';
  const quote = t.quote ? xQuote(t.quote, uiLang) : '';
  const caret = `<div class="css-175oi2r r-1kkk96v"><div class="css-175oi2r r-1awozwy r-6koalj r-18u37iz"><button aria-haspopup="menu" aria-expanded="false" aria-label="${l.more}" role="button" class="css-175oi2r r-1777fci r-bt1l66" data-testid="caret" type="button"></button></div></div>`;
  if (focal) {
    const shown = escapeHtml(xDisplayTime(t.time, uiLang));
    return `<article aria-labelledby="id__focal" role="article" tabindex="-1" class="css-175oi2r r-18u37iz r-1udh08x r-i023vh r-1qhn6m8 r-1ny4l3l" data-testid="tweet"><div class="css-175oi2r r-eqz5dr r-16y2uox r-1wbh5a2"><div class="css-175oi2r r-16y2uox r-1wbh5a2 r-1ny4l3l"><div class="css-175oi2r r-18u37iz r-136ojw6">${avatar}<div class="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci"><div class="css-175oi2r r-zl2h9q"><div class="css-175oi2r r-k4xj1c r-18u37iz r-1wtj0ep">${xUserName(t, uiLang, '')}${caret}</div></div></div></div><div class="css-175oi2r r-1s2bzr4 r-ttdzmv">${text}${showMore}${media}${quote}<div class="css-175oi2r r-12kyg2d"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2 r-1471scf"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><a href="/${handle}/status/${escapeHtml(t.id)}" aria-describedby="id__focal" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-xoduu5 r-1q142lx r-1w6e6rj r-9aw3ui r-3s2u2q r-1loqt21" style="color: rgb(83, 100, 113);"><time datetime="${escapeHtml(t.time)}">${shown}</time></a></div><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3" style="color: rgb(83, 100, 113);"> · <span>42</span> ${l.views}</span></div></div>${xActions(uiLang)}</div></div></div></article>`;
  }
  return `<article aria-labelledby="id__${escapeHtml(t.id)}" role="article" tabindex="0" class="css-175oi2r r-18u37iz r-1udh08x r-i023vh r-1qhn6m8 r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21" data-testid="tweet"><div class="css-175oi2r r-eqz5dr r-16y2uox r-1wbh5a2"><div class="css-175oi2r r-16y2uox r-1wbh5a2 r-1ny4l3l"><div class="css-175oi2r"><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-1iusvr4 r-16y2uox r-ttdzmv"></div></div></div><div class="css-175oi2r r-18u37iz">${avatar}<div class="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci r-kzbkwu"><div class="css-175oi2r r-zl2h9q"><div class="css-175oi2r r-k4xj1c r-18u37iz r-1wtj0ep"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l">${xUserName(t, uiLang, options.promoted ? xPromotedLabel(uiLang) : xTimeLink(t, uiLang))}</div></div>${caret}</div></div>${replyingTo}${text}${showMore}${media}${quote}${xActions(uiLang)}</div></div></div></div></article>`;
}

function xCell(inner: string, translateY = 0): string {
  return `<div class="css-175oi2r" data-testid="cellInnerDiv" style="transform: translateY(${translateY}px); position: absolute; width: 100%;"><div class="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l"><div class="css-175oi2r">${inner}</div></div></div>`;
}

/** One reply row: `div[data-testid="cellInnerDiv"]` around the reply's article. */
export function xReplyCell(r: XTweetMarkup): string {
  return xCell(xTweetArticle(r));
}

function xShell(uiLang: UiLang, title: string, body: string, liveScript = ''): string {
  return `<!DOCTYPE html>
<html dir="ltr" lang="${uiLang}" style="overflow-y: scroll; overscroll-behavior-y: none; font-size: 15px;"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=0,viewport-fit=cover"><title>${escapeHtml(title)}</title></head><body style="background-color: #FFFFFF;"><div id="react-root" style="height:100%;display:flex;"><div class="css-175oi2r r-13awgt0 r-12vffkv"><div class="css-175oi2r r-13awgt0 r-12vffkv"><div class="css-175oi2r r-1f2l425 r-13qz1uu r-417010 r-18u37iz" aria-hidden="false"><header role="banner" class="css-175oi2r r-lrvibr r-1g40b8q r-obd0qt r-16y2uox"></header><main role="main" class="css-175oi2r r-16y2uox r-1wbh5a2 r-1habvwh"><div class="css-175oi2r r-150rngu r-16y2uox r-1wbh5a2 r-rthrr5"><div class="css-175oi2r r-aqfbo4 r-kemksi r-1d2f490 r-1xcajam r-zchlnj r-1pi2tsx r-1ua6aaf"><div class="css-175oi2r r-1ye8kvj r-1h0z5md" data-testid="primaryColumn">${body}</div></div></div></main></div></div></div></div>${liveScript}</body></html>`;
}

function xTimeline(label: string, heading: string, cells: string): string {
  return `<section aria-labelledby="accessible-list-1" role="region" class="css-175oi2r"><h1 dir="auto" aria-level="1" role="heading" class="css-146c3p1 r-4iw3lz r-1xk2f4g r-109y4c4 r-1udh08x r-wwvuq4 r-u8s1d r-92ng3h" id="accessible-list-1">${escapeHtml(heading)}</h1><div aria-label="${escapeHtml(label)}"><div style="position: relative; min-height: 2400px;">${cells}</div></div></section>`;
}

/** A conversation page (`/USER/status/ID`): the focal post then its replies. */
export function xConversationPage(options: {
  focal: XTweetMarkup;
  replies: readonly XTweetMarkup[];
  uiLang: UiLang;
  /** Raw HTML appended at the end of `<body>` (the demo server's own scripts): not escaped. */
  liveScript?: string;
}): string {
  const { uiLang } = options;
  const l = X_LABELS[uiLang];
  const cells =
    xCell(xTweetArticle({ ...options.focal, uiLang }, { focal: true })) +
    options.replies.map((r) => xReplyCell({ ...r, uiLang: r.uiLang ?? uiLang })).join('');
  const title = `${options.focal.name} sur X : « ${options.focal.text.slice(0, 80)} » / X`;
  return xShell(uiLang, title, xTimeline(l.timeline, l.conversation, cells), options.liveScript);
}

// --------------------------------------------------------------------------------------------- Facebook

export interface FacebookCommentMarkup {
  /** The comment id (for a reply: its own id, written as `reply_comment_id`). */
  id: string;
  postId: string;
  /** The Page's path segment (`/PAGE/posts/POST`); without it the permalink is a `permalink.php` one. */
  page?: string;
  name: string;
  /** Profile path segment (`marie.dupont.12`) or, when numeric, a `profile.php?id=` profile. */
  handle: string;
  text: string;
  /** ISO 8601: current Facebook shows no machine-readable time, so this only fills `abbr[data-utime]` when `utime` is set. */
  time?: string;
  /** Epoch seconds for the older `abbr[data-utime]` time markup. */
  utime?: number;
  /** Visible relative time ("2 j", "3d"). */
  timeLabel?: string;
  /** Set for a reply: the id of the comment replied to. */
  replyTo?: string;
  uiLang?: UiLang;
  /** Truncated text followed by a "See more" / "Voir plus" button (the text given is what is visible). */
  seeMore?: boolean;
  /** Photo or sticker attached (alt text). */
  image?: string;
  replies?: readonly FacebookCommentMarkup[];
}

const FB_LABELS = {
  fr: {
    commentBy: 'Commentaire de',
    replyBy: 'Réponse de',
    like: 'J’aime',
    reply: 'Répondre',
    seeMore: 'Voir plus',
    moreComments: 'Afficher plus de commentaires',
    writeComment: 'Écrivez un commentaire…',
    mostRelevant: 'Plus pertinents',
    author: 'Auteur',
    justNow: 'À l’instant',
  },
  en: {
    commentBy: 'Comment by',
    replyBy: 'Reply by',
    like: 'Like',
    reply: 'Reply',
    seeMore: 'See more',
    moreComments: 'View more comments',
    writeComment: 'Write a comment…',
    mostRelevant: 'Most relevant',
    author: 'Author',
    justNow: 'Just now',
  },
} as const;

/** The selector of the list the post's top-level comments are appended to (`li` items). */
export const FACEBOOK_THREAD_CONTAINER = 'div[role="article"][aria-posinset] div.x1jx94hy > ul';

function fbText(text: string): string {
  return withEmoji(
    text,
    (run) => escapeHtml(run),
    (emoji) =>
      `<span class="html-span xexx8yu x4uap5 x18d9i69 xkhd6sd x11i5rnm x12nagc x1mh8g0r x1hl2dhg x16tdsg8 x1vvkbs x3nfvp2 x1j61x8r x1fcty0u xdj266r xat24cr xm2jcoa x1mpyi22 xxymvpz xlup9mm x1kky2od"><img height="16" width="16" alt="${escapeHtml(emoji)}" referrerpolicy="origin-when-cross-origin" src="https://static.xx.fbcdn.net/images/emoji.php/v9/t51/1/16/${codepoints(emoji)}.png"></span>`,
  );
}

function fbProfileUrl(handle: string, commentParam: string): string {
  const base = /^\d+$/.test(handle)
    ? `https://www.facebook.com/profile.php?id=${escapeHtml(handle)}&amp;`
    : `https://www.facebook.com/${escapeHtml(handle)}?`;
  return `${base}${commentParam}&amp;__cft__[0]=AZXdemoTrackingToken&amp;__tn__=R]-R`;
}

function fbPermalink(c: FacebookCommentMarkup): string {
  const params = c.replyTo
    ? `comment_id=${escapeHtml(c.replyTo)}&amp;reply_comment_id=${escapeHtml(c.id)}`
    : `comment_id=${escapeHtml(c.id)}`;
  const base = c.page
    ? `https://www.facebook.com/${escapeHtml(c.page)}/posts/${escapeHtml(c.postId)}?`
    : `https://www.facebook.com/permalink.php?story_fbid=${escapeHtml(c.postId)}&amp;id=100064000000000&amp;`;
  return `${base}${params}&amp;__cft__[0]=AZXdemoTrackingToken&amp;__tn__=R]-R`;
}

/** One comment (or reply) article with its replies, as the `li` Facebook renders. */
export function facebookComment(c: FacebookCommentMarkup): string {
  const uiLang = c.uiLang ?? 'fr';
  const l = FB_LABELS[uiLang];
  const isReply = c.replyTo !== undefined;
  const label = `${isReply ? l.replyBy : l.commentBy} ${c.name}`;
  const profileParam = c.replyTo
    ? `comment_id=${escapeHtml(c.replyTo)}&amp;reply_comment_id=${escapeHtml(c.id)}`
    : `comment_id=${escapeHtml(c.id)}`;
  const profile = fbProfileUrl(c.handle, profileParam);
  const paragraphs = c.text === '' ? [] : c.text.split('\n');
  const seeMore = c.seeMore
    ? `… <div class="x1i10hfl xjbqb8w x1ejq31n xd10rxx x1sy0etr x17r0tee x972fbf xcfux6l x1qhh985 xm0m39n x9f619 x1ypdohk xt0psk2 xe8uvvx xdj266r x11i5rnm xat24cr x1mh8g0r xexx8yu x4uap5 x18d9i69 xkhd6sd x16tdsg8 x1hl2dhg xggy1nq x1a2a7pz x1sur9pj xkrqix3 xzsf02u x1s688f" role="button" tabindex="0">${l.seeMore}</div>`
    : '';
  const textHtml = paragraphs.length
    ? `<div class="x1lliihq xjkvuk6 x1iorvi4"><span class="x193iq5w xeuugli x13faqbe x1vvkbs x1xmvt09 x1lliihq x1s928wv xhkezso x1gmr53x x1cpjm7i x1fgarty x1943h6x xudqn12 x3x7a5m x6prxxf xvq8zen xo1l8bm xzsf02u" dir="auto" lang="${uiLang === 'fr' ? 'fr-FR' : 'en-US'}">${paragraphs
        .map(
          (p, i) =>
            `<div class="xdj266r x11i5rnm xat24cr x1mh8g0r x1vvkbs"><div dir="auto" style="text-align: start;">${fbText(p)}${i === paragraphs.length - 1 ? seeMore : ''}</div></div>`,
        )
        .join('')}</span></div>`
    : '';
  const image =
    c.image !== undefined
      ? `<div class="x78zum5 xv55zj0 x1vvkbs"><div class="x1n2onr6"><a href="https://www.facebook.com/photo.php?fbid=8800000${escapeHtml(c.id)}&amp;set=p.8800000${escapeHtml(c.id)}&amp;type=3" role="link" tabindex="0"><img alt="${escapeHtml(c.image)}" class="xz74otr" src="https://scontent.xx.fbcdn.net/v/t39.30808-6/demo_${escapeHtml(c.id)}_n.jpg" width="200" height="200"></a></div></div>`
      : '';
  const timeLabel = escapeHtml(c.timeLabel ?? l.justNow);
  const time =
    c.utime !== undefined
      ? `<abbr data-utime="${c.utime}" title="${escapeHtml(c.time ?? '')}" class="x1rg5ohu">${timeLabel}</abbr>`
      : `<span class="x4k7w5x x1h91t0o x1h9r5lt x1jfb8zj xv2umb2 x1beo9mf xaigb6o x12ejxvf x3igimt xarpa2k xedcshv x1lytzrv x1t2pt76 x7ja8zs x1qrby5j">${timeLabel}</span>`;
  const replies = c.replies?.length
    ? `<div class="x1n2onr6 x1xb5h2r x1nn3v0j x1ye3gou xv54qhq xyamay9"><ul>${c.replies
        .map((r) =>
          facebookComment({
            ...r,
            uiLang: r.uiLang ?? uiLang,
            postId: r.postId || c.postId,
            page: r.page ?? c.page,
            replyTo: r.replyTo ?? c.id,
          }),
        )
        .join('')}</ul></div>`
    : '';
  return `<li><div class="x1n2onr6 x1iorvi4 x4uap5 x18d9i69 xurb0ha x78zum5 x1q0g3np x1a2a7pz"><div aria-label="${escapeHtml(label)}" class="x1r8uery x1iyjqo2 x6ikm8r x10wlt62 x1pi30zi" role="article" tabindex="-1"><div class="x6s0dn4 x3nfvp2"><div class="x1rg5ohu x1n2onr6 x3ajldb x1ja2u2z"><a aria-hidden="true" class="x1i10hfl x1qjc9v5 xjbqb8w" href="${profile}" role="link" tabindex="-1"><div class="x1rg5ohu x1n2onr6 x3ajldb x1ja2u2z"><svg aria-hidden="true" class="x3ajldb" data-visualcompletion="ignore-dynamic" role="none" style="height: 32px; width: 32px;"><mask id="mask-${escapeHtml(c.id)}"><circle cx="16" cy="16" fill="white" r="16"></circle></mask><g mask="url(#mask-${escapeHtml(c.id)})"><image x="0" y="0" height="100%" preserveAspectRatio="xMidYMid slice" width="100%" href="https://scontent.xx.fbcdn.net/v/t39.30808-1/demo_avatar_${escapeHtml(c.id)}.jpg" style="height: 32px; width: 32px;"></image></g></svg></div></a></div></div><div class="x1r8uery x1iyjqo2 x6ikm8r x10wlt62"><div class="xmjcpbm x1tlxs6b x1g8br2z x1gn5b1j x230xth x9f619 xzsf02u x1rg5ohu xdj266r x11i5rnm xat24cr x1mh8g0r x193iq5w x1mzt3pk x1n2onr6 xeaf4i8 x13faqbe"><div class="x1cy8zhl x9f619 x78zum5 xdt5ytf x193iq5w x1n2onr6 x1y1aw1k xwib8y2"><div class="x78zum5 xdt5ytf"><span class="xt0psk2"><span class="xjp7ctv"><a class="x1i10hfl xjbqb8w x1ejq31n xd10rxx" href="${profile}" role="link" tabindex="0"><span class="x3nfvp2"><span class="x193iq5w xeuugli x13faqbe x1vvkbs x1xmvt09 x1lliihq x1s928wv xhkezso x1gmr53x x1cpjm7i x1fgarty x1943h6x x4zkp8e x676frb x1nxh6w3 x1sibtaa x1s688f xzsf02u" dir="auto">${fbText(c.name)}</span></span></a></span></span></div>${textHtml}</div></div>${image}<div class="x6s0dn4 xi81zsa x78zum5 x6prxxf x13a6bvl xvq8zen xdj266r xktsk01 xat24cr x1d52u69 x889kno x4uap5 x1a8lsjc xkhd6sd xdppsyt"><ul class="html-ul x1lliihq xexx8yu x4uap5 x18d9i69 xkhd6sd"><li class="html-li x1rg5ohu"><span class="html-span"><a class="x1i10hfl xjbqb8w" href="${fbPermalink(c)}" role="link" tabindex="0">${time}</a></span></li><li class="html-li x1rg5ohu"><div class="x1i10hfl xjbqb8w" role="button" tabindex="0">${l.like}</div></li><li class="html-li x1rg5ohu"><div class="x1i10hfl xjbqb8w" role="button" tabindex="0">${l.reply}</div></li></ul></div></div></div></div>${replies}</li>`;
}

export interface FacebookPostMarkup {
  id: string;
  /** The Page's path segment. */
  page: string;
  name: string;
  text: string;
}

/** A Page post (feed unit) with its comments region and the "View more comments" button. */
export function facebookPost(options: {
  post: FacebookPostMarkup;
  comments: readonly FacebookCommentMarkup[];
  uiLang: UiLang;
  position?: number;
  moreComments?: boolean;
}): string {
  const { post, uiLang } = options;
  const l = FB_LABELS[uiLang];
  const page = escapeHtml(post.page);
  const comments = options.comments
    .map((c) =>
      facebookComment({
        ...c,
        uiLang: c.uiLang ?? uiLang,
        page: c.page ?? post.page,
        postId: c.postId || post.id,
      }),
    )
    .join('');
  const more = options.moreComments
    ? `<div class="x1i10hfl xjbqb8w x1ejq31n" role="button" tabindex="0"><span class="x193iq5w xeuugli x13faqbe" dir="auto"><span class="x1lliihq">${l.moreComments}</span></span></div>`
    : '';
  const position = options.position ?? 1;
  return `<div aria-posinset="${position}" aria-setsize="-1" aria-labelledby=":r${position}a:" aria-describedby=":r${position}b: :r${position}c:" class="x1a2a7pz" role="article"><div class="x1n2onr6 x1ja2u2z"><div class="html-div xdj266r x11i5rnm xat24cr x1mh8g0r"><div class="x78zum5 xdt5ytf"><div class="x1cy8zhl x78zum5"><span class="x193iq5w xeuugli" dir="auto" id=":r${position}a:"><a class="x1i10hfl xjbqb8w" href="https://www.facebook.com/${page}?__cft__[0]=AZXdemo&amp;__tn__=-UC%2CP-R" role="link" tabindex="0"><strong><span>${fbText(post.name)}</span></strong></a></span><span class="x4k7w5x"><a class="x1i10hfl xjbqb8w" href="https://www.facebook.com/${page}/posts/${escapeHtml(post.id)}?__cft__[0]=AZXdemo&amp;__tn__=%2CO%2CP-R" role="link" tabindex="0"><span>2 h</span></a></span></div><div dir="auto" class="x1iorvi4" id=":r${position}b:"><div data-ad-comet-preview="message" data-ad-preview="message" class="x78zum5 xdt5ytf"><div class="xdj266r x11i5rnm xat24cr x1mh8g0r x1vvkbs"><div dir="auto" style="text-align: start;">${fbText(post.text)}</div></div></div></div></div></div><div class="x1n2onr6"><div class="x168nmei x13lgxp2 x30kzoy"><div class="x1jx94hy x12nagc"><div class="html-div x78zum5"><div class="x6s0dn4 x78zum5" role="button" tabindex="0"><span>${l.mostRelevant}</span></div></div><ul>${comments}</ul>${more}<div class="x1r8uery"><div aria-label="${l.writeComment}" contenteditable="true" role="textbox" class="xzsf02u x1a2a7pz" spellcheck="true"></div></div></div></div></div></div></div>`;
}

/** A Page post's permalink page (`/PAGE/posts/ID`): the post, its comments, live replies optional. */
export function facebookPostPage(options: {
  post: FacebookPostMarkup;
  comments: readonly FacebookCommentMarkup[];
  uiLang: UiLang;
  moreComments?: boolean;
  /** Raw HTML appended at the end of `<body>` (the demo server's own scripts): not escaped. */
  liveScript?: string;
}): string {
  return facebookShell(
    options.uiLang,
    `${options.post.name} | Facebook`,
    facebookPost({ ...options, position: 1 }),
    options.liveScript,
  );
}

function facebookShell(uiLang: UiLang, title: string, body: string, liveScript = ''): string {
  return `<!DOCTYPE html>
<html id="facebook" class="_9dls __fb-light-mode" lang="${uiLang}" dir="ltr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body class="_6s5d _71pn system-fonts--body segoe" tabindex="-1"><div class="x9f619 x1n2onr6 x1ja2u2z" id="mount_0_0_Xy"><div class="x78zum5 xdt5ytf x1t2pt76"><div role="banner" class="x1n2onr6"></div><div class="x78zum5 xdt5ytf x1iyjqo2" role="main"><div class="x193iq5w xvue9z">${body}</div></div></div></div>${liveScript}</body></html>`;
}
