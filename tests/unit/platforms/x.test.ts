// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyTable } from '../../../src/content/key-table';
import { siteAdapter } from '../../../src/content/platforms';
import type { AdapterContext } from '../../../src/content/platforms/types';
import { focalStatusId, xAdapter } from '../../../src/content/platforms/x';
import type { ObservedComment } from '../../../src/shared/comment';
import {
  type XPost,
  type XRepliedPost,
  xReplyDialog,
  xTweetArticle,
} from '../../support/fake-site/site-markup';

const OWN = ['acme_fr', 'acmeus'];
const NOW = Date.UTC(2026, 10, 25, 12);

function load(name: string): { doc: Document; url: URL } {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/x', name), 'utf8');
  const saved = /<!-- saved from url=(\S+) -->/.exec(html)?.[1];
  if (!saved) throw new Error(`${name}: no "saved from url" line`);
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(saved) };
}

function context(url: URL, ownHandles: readonly string[] = OWN): AdapterContext {
  return { url, ownHandles, now: NOW, memory: createKeyTable() };
}

/** A later read of the page, after it changed: a new context with what the earlier reads remembered. */
function nextPass(earlier: AdapterContext): AdapterContext {
  return { ...earlier };
}

function read(name: string, ownHandles: readonly string[] = OWN): ObservedComment[] {
  const { doc, url } = load(name);
  return xAdapter.extract(doc, context(url, ownHandles)).map((e) => e.comment);
}

/** An X comment with the defaults every fixture shares. */
function x(
  fields: Partial<ObservedComment> & Pick<ObservedComment, 'id' | 'authorHandle' | 'createdAt'>,
): ObservedComment {
  return {
    platform: 'x',
    threadKey: 'notifications',
    authorName: '',
    text: '',
    createdAtPrecision: 'second',
    permalink: `https://x.com/${fields.authorHandle.slice(1)}/status/${fields.id}`,
    isReply: true,
    isOwn: false,
    ...fields,
  };
}

const rows = (doc: Document) => Array.from(doc.querySelectorAll('div[data-testid="cellInnerDiv"]'));

describe('xAdapter.handles', () => {
  it.each([
    ['https://x.com/acme_fr/status/1861000000000000001', true],
    ['https://x.com/acme_fr/status/1861000000000000001/', true],
    ['https://twitter.com/AcmeUS/status/42', true],
    ['https://mobile.x.com/AcmeUS/status/42', true],
    ['https://x.com/i/web/status/42', true],
    ['https://x.com/notifications', true],
    ['https://x.com/notifications/mentions', true],
    // Pages about a post that are not its conversation.
    ['https://x.com/acme_fr/status/1861000000000000001/quotes', false],
    ['https://x.com/acme_fr/status/1861000000000000001/retweets', false],
    ['https://x.com/acme_fr/status/1861000000000000001/likes', false],
    ['https://x.com/acme_fr/status/1861000000000000001/history', false],
    ['https://x.com/acme_fr/status/1861000000000000001/photo/1', false],
    ['https://x.com/acme_fr/status/1861000000000000001/analytics', false],
    ['https://x.com/home', false],
    ['https://x.com/acme_fr', false],
    ['https://x.com/search?q=acme', false],
    ['https://x.com/messages', false],
    ['https://example.org/acme_fr/status/1', false],
    ['https://x.com.evil.example/acme_fr/status/1', false],
    ['http://x.com/acme_fr/status/1', false],
    ['https://www.facebook.com/acmefrance/posts/1', false],
  ])('%s → %s', (url, expected) => {
    expect(xAdapter.handles(new URL(url))).toBe(expected);
  });

  it.each([
    ['https://x.com/compose/post', true],
    ['https://twitter.com/compose/post/', true],
    ['https://x.com/compose/post/unsent/drafts', true],
    ['https://x.com/compose/post/media', true],
    ['https://x.com/i/foundmedia/search', true],
    ['https://x.com/compose/postal', false],
    ['https://x.com/acme_fr/status/1861000000000000001', false],
    ['https://x.com/home', false],
    ['https://example.org/compose/post', false],
  ])('%s is X’s composer over the page → %s', (url, expected) => {
    expect(xAdapter.showsOverPage(new URL(url))).toBe(expected);
  });

  it('siteAdapter picks the X adapter on both X hosts, whatever the page', () => {
    expect(siteAdapter('https://x.com/notifications')?.platform).toBe('x');
    expect(siteAdapter('https://twitter.com/home')?.platform).toBe('x');
    expect(siteAdapter('http://x.com/home')).toBeNull();
  });

  it('reads the focal status id of conversation pages only', () => {
    expect(focalStatusId(new URL('https://x.com/a/status/123'))).toBe('123');
    expect(focalStatusId(new URL('https://x.com/a/status/123/analytics'))).toBeNull();
    expect(focalStatusId(new URL('https://x.com/notifications'))).toBeNull();
  });
});

describe('xAdapter.extract on fixtures', () => {
  it('conversation-fr: the focal post and its replies only; not the thread above, the ad, the tombstone or the sections', () => {
    const thread = '1861000000000000001';
    expect(read('conversation-fr.html')).toEqual([
      // The brand's earlier post of its thread is above it: the focal post answers it.
      x({
        id: thread,
        threadKey: thread,
        authorHandle: '@acme_fr',
        authorName: 'Acme France',
        text: 'Nouvelle collection disponible dès aujourd’hui en magasin et en ligne ✨',
        createdAt: '2026-11-24T08:00:00.000Z',
        isOwn: true,
      }),
      x({
        id: '1861000000000000101',
        threadKey: thread,
        authorHandle: '@camille_r',
        authorName: 'Camille R.',
        text: 'Franchement déçue, ma commande n’est jamais arrivée 😡',
        createdAt: '2026-11-24T08:05:12.000Z',
      }),
      x({
        id: '1861000000000000102',
        threadKey: thread,
        authorHandle: '@jb_martin',
        authorName: 'Jean-Baptiste Martin',
        text: '😂😂🔥',
        createdAt: '2026-11-24T08:06:00.000Z',
      }),
      // The quoted post's text ("Livraison en 24 h…") is not part of the reply, and not a comment itself.
      x({
        id: '1861000000000000103',
        threadKey: thread,
        authorHandle: '@nadia_k',
        authorName: 'Nadia K',
        text: 'Regardez ce qu’ils osaient dire l’an dernier',
        createdAt: '2026-11-24T08:07:30.000Z',
      }),
      // Image only: counted, with empty text (the photo's "Image" alt is not text).
      x({
        id: '1861000000000000104',
        threadKey: thread,
        authorHandle: '@tom_lefevre',
        authorName: 'Tom Lefèvre 🇫🇷',
        createdAt: '2026-11-24T08:09:00.000Z',
      }),
      x({
        id: '1861000000000000105',
        threadKey: thread,
        authorHandle: '@acme_fr',
        authorName: 'Acme France',
        text: 'Bonjour Camille, nous regardons ça tout de suite en DM.',
        createdAt: '2026-11-24T08:10:00.000Z',
        isOwn: true,
      }),
      x({
        id: '1861000000000000106',
        threadKey: thread,
        authorHandle: '@h4x0r_',
        authorName: '<b>Pirate</b>',
        text: '<img src=x onerror=alert(1)> & <script>alert("xss")</script>',
        createdAt: '2026-11-24T08:11:00.000Z',
      }),
    ]);
  });

  it('conversation-fr: the markup-looking reply stays text (no element was created from it)', () => {
    const { doc } = load('conversation-fr.html');
    expect(doc.querySelector('img[src="x"]')).toBeNull();
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  it('conversation-fr: read row by row, what each row gives', () => {
    const { doc, url } = load('conversation-fr.html');
    const ctx = context(url);
    const perRow = rows(doc).map((row) => xAdapter.extract(row, ctx).map((e) => e.comment.id));
    expect(perRow).toEqual([
      [], // the brand's earlier post: context
      ['1861000000000000001'],
      ['1861000000000000101'],
      ['1861000000000000102'],
      [], // the ad
      ['1861000000000000103'],
      [], // "Ce post n’est pas disponible."
      ['1861000000000000104'],
      ['1861000000000000105'],
      ['1861000000000000106'],
      [], // "Voir plus de réponses"
      [], // "Afficher les spams probables"
      [], // "Plus de cet auteur"
      [],
      [],
      [], // "Voir plus", to the author's posts
      [], // "Découvrir plus"
      [],
      [],
    ]);
    expect(rows(doc)[4]?.textContent).toContain('Publicités');
    expect(rows(doc)[6]?.textContent).toContain('Ce post n’est pas disponible');
    expect(rows(doc)[16]?.textContent).toContain('Découvrir plus');
  });

  it('conversation-en: a reply opened from its link; the thread above and the sections stay unread', () => {
    const thread = '1862000000000000202';
    expect(read('conversation-en.html')).toEqual([
      x({
        id: thread,
        threadKey: thread,
        authorHandle: '@mike_j',
        authorName: 'Mike J',
        text: 'Three weeks and still no refund.\nNobody answers the chat either.',
        createdAt: '2026-11-23T15:03:00.000Z',
      }),
      x({
        id: '1862000000000000301',
        threadKey: thread,
        authorHandle: '@sam_o',
        authorName: 'Sam O.',
        text: 'Same here 👍🏽',
        createdAt: '2026-11-23T15:05:00.000Z',
      }),
      x({
        id: '1862000000000000302',
        threadKey: thread,
        authorHandle: '@acmeus_help',
        authorName: 'Acme Help',
        text: 'Hi Mike, sorry to hear that! Please DM us your order number.',
        createdAt: '2026-11-23T15:06:00.000Z',
      }),
      // X shows its translation, not Léa's words, under "Translated from French": read, and said so.
      x({
        id: '1862000000000000303',
        threadKey: thread,
        authorHandle: '@lea_dupont',
        authorName: 'Léa Dupont',
        text: 'Same for me, my parcel has been lost for two weeks.',
        createdAt: '2026-11-23T15:08:00.000Z',
        translated: true,
      }),
    ]);
  });

  it('conversation-en: the translation is the words below X’s "Show original"; shown, the original is its author’s', () => {
    const { doc, url } = load('conversation-en.html');
    const lea = () => xAdapter.extract(doc, context(url)).find((e) => e.comment.id === '1862000000000000303');
    expect(lea()?.comment.translated).toBe(true);
    // The CM clicked "Show original": X shows Léa's words, with a button to translate them again.
    const button = doc.querySelector('button[aria-label="Show original"]') as Element;
    button.textContent = 'Translate post';
    (lea()?.bodies[0] as Element).textContent = 'Pareil pour moi, mon colis est perdu depuis deux semaines.';
    expect(lea()?.comment.text).toBe('Pareil pour moi, mon colis est perdu depuis deux semaines.');
    expect(lea()?.comment.translated).toBeUndefined();
  });

  it('conversation-en: mention and link read as their text, on the page of the post that has them', () => {
    const { doc } = load('conversation-en.html');
    const first = rows(doc)[1] as Element;
    const ctx = context(new URL('https://x.com/mike_j/status/1862000000000000201'));
    expect(xAdapter.extract(first, ctx).map((e) => e.comment.text)).toEqual([
      '@AcmeUS worst support ever. https://example.com/complaints/1234',
    ]);
  });

  it('conversation-en: ownHandles given with "@" and other case still match', () => {
    const own = read('conversation-en.html', ['@ACMEUS_HELP']).map((c) => [c.id, c.isOwn]);
    expect(own).toEqual([
      ['1862000000000000202', false],
      ['1862000000000000301', false],
      ['1862000000000000302', true],
      ['1862000000000000303', false],
    ]);
  });

  it('conversation-long-rtl-en: a 4 kB post in full without its "Show more" label, right-to-left text', () => {
    const thread = '1863000000000000001';
    const long =
      'I have been a loyal customer for eleven years and this is the third time my order arrives broken. '
        .repeat(40)
        .trim();
    const comments = read('conversation-long-rtl-en.html');
    expect(comments).toEqual([
      x({
        id: thread,
        threadKey: thread,
        authorHandle: '@AcmeUS',
        authorName: 'Acme US',
        text: 'Holiday opening hours 🎄',
        createdAt: '2026-11-22T09:00:00.000Z',
        isReply: false,
        isOwn: true,
      }),
      x({
        id: '1863000000000000301',
        threadKey: thread,
        authorHandle: '@longwriter',
        authorName: 'Dana Long',
        text: long,
        createdAt: '2026-11-22T09:30:00.000Z',
      }),
      x({
        id: '1863000000000000302',
        threadKey: thread,
        authorHandle: '@yasmine_a',
        authorName: 'ياسمين',
        text: 'الخدمة سيئة جدا، لم يصل طلبي 😞',
        createdAt: '2026-11-22T09:31:00.000Z',
      }),
      x({
        id: '1863000000000000303',
        threadKey: thread,
        authorHandle: '@noam_l',
        authorName: 'Noam L',
        text: 'שירות גרוע! @AcmeUS',
        createdAt: '2026-11-22T09:32:00.000Z',
      }),
    ]);
    expect(comments[1]?.text.length).toBeGreaterThan(3_000);
    expect(comments[1]?.text).not.toContain('Show more');
  });

  it('notifications-mentions-fr: "En réponse à" marks replies; a plain mention is not a reply', () => {
    expect(read('notifications-mentions-fr.html')).toEqual([
      x({
        id: '1864000000000000401',
        authorHandle: '@lea_dupont',
        authorName: 'Léa Dupont',
        text: 'Toujours pas de remboursement, c’est une honte',
        createdAt: '2026-11-25T07:00:00.000Z',
      }),
      x({
        id: '1864000000000000402',
        authorHandle: '@ines_b',
        authorName: 'Inès B.',
        text: '@acme_fr vous êtes ouverts dimanche ?',
        createdAt: '2026-11-25T06:50:00.000Z',
        isReply: false,
      }),
      x({
        id: '1864000000000000403',
        authorHandle: '@troll_420',
        authorName: 'Anonyme',
        text: 'Boycott 🤡',
        createdAt: '2026-11-25T06:40:00.000Z',
      }),
    ]);
  });

  it('notifications-en: "Replying to" replies, tombstone skipped', () => {
    expect(read('notifications-en.html')).toEqual([
      x({
        id: '1865000000000000501',
        authorHandle: '@mike_j',
        authorName: 'Mike J',
        text: 'still waiting for an answer',
        createdAt: '2026-11-25T10:00:00.000Z',
      }),
      x({
        id: '1865000000000000502',
        authorHandle: '@AcmeUS_Help',
        authorName: 'Acme Help',
        text: 'We replied in DM!',
        createdAt: '2026-11-25T09:58:00.000Z',
      }),
    ]);
  });

  it('returns the post article as element and the User-Name block as anchor', () => {
    const { doc, url } = load('conversation-en.html');
    const [first] = xAdapter.extract(doc, context(url, []));
    expect(first?.element.matches('article[data-testid="tweet"]')).toBe(true);
    expect(first?.anchor.matches('div[data-testid="User-Name"]')).toBe(true);
  });

  describe('an ad without its placement tracker, showing a dated link', () => {
    const ad: XPost = {
      id: '1861000000000000998',
      handle: 'meubles_dupre',
      name: 'Meubles Dupré',
      text: 'Jusqu’à -50 % sur les canapés',
      time: '2026-11-24T08:06:30.000Z',
    };
    /** The ad as X draws it in French, its label replaced by `label`, with a dated link added. */
    function adPage(label: string): Document {
      const doc = document.implementation.createHTMLDocument();
      doc.body.innerHTML = xTweetArticle(ad, 'fr', { promoted: true });
      const shown = Array.from(doc.querySelectorAll('span')).find(
        (span) => span.textContent === 'Publicités',
      );
      if (!shown) throw new Error('the ad shows no label');
      shown.textContent = label;
      doc
        .querySelector('div[data-testid="User-Name"]')
        ?.insertAdjacentHTML(
          'beforeend',
          `<a href="/${ad.handle}/status/${ad.id}"><time datetime="${ad.time}">1 min</time></a>`,
        );
      return doc;
    }
    const idsIn = (doc: Document) =>
      xAdapter.extract(doc, context(new URL('https://x.com/notifications'))).map((e) => e.comment.id);

    it.each(['Ad', 'Promoted', 'Promoted Post', 'Publicités', 'Sponsorisé', 'Post sponsorisé'])(
      'labelled "%s" beside its "More" button: skipped',
      (label) => {
        expect(idsIn(adPage(label))).toEqual([]);
      },
    );

    it('labelled with another word: read, as any post with a dated link', () => {
      expect(idsIn(adPage('Adieu'))).toEqual([ad.id]);
    });
  });

  it('containerOf maps a text node inside a post to its article', () => {
    const { doc } = load('conversation-en.html');
    const text = doc.querySelector('div[data-testid="tweetText"] span')?.firstChild as Node;
    expect(xAdapter.containerOf?.(text)?.getAttribute('data-testid')).toBe('tweet');
    expect(xAdapter.containerOf?.(doc.body)).toBeNull();
  });
});

describe('xAdapter: where a row is, when X keeps only a window of the list', () => {
  it('rows read after the focal post and earlier replies scrolled away are still replies', () => {
    const { doc, url } = load('conversation-fr.html');
    const ctx = context(url);
    expect(xAdapter.extract(doc, ctx)).toHaveLength(7);
    // X drops the rows above, then adds a new reply at the end of the replies.
    const list = rows(doc);
    for (const row of list.slice(0, 9)) row.remove();
    const reply = list[9]?.cloneNode(true) as Element;
    const link = reply.querySelector('a[href$="/status/1861000000000000106"]') as Element;
    link.setAttribute('href', '/late_comer/status/1861000000000000107');
    list[9]?.after(reply);
    expect(xAdapter.extract(reply, nextPass(ctx)).map((e) => e.comment.id)).toEqual(['1861000000000000107']);
  });

  it('a post added after a section heading is never a reply, even read on its own', () => {
    const { doc, url } = load('conversation-fr.html');
    const ctx = context(url);
    xAdapter.extract(doc, ctx);
    const discover = rows(doc).at(-1) as Element;
    const another = discover.cloneNode(true) as Element;
    another
      .querySelector('a[href*="/status/"]')
      ?.setAttribute('href', '/somebody_else/status/1859700000000000001');
    discover.after(another);
    expect(xAdapter.extract(another, nextPass(ctx))).toEqual([]);
  });

  it('a window with no landmark, on a page not read from its top, gives nothing rather than guesses', () => {
    const { doc, url } = load('conversation-fr.html');
    const list = rows(doc);
    // Only the last replies and what follows them are on the page; nothing was read before.
    for (const row of list.slice(0, 8)) row.remove();
    for (const row of list.slice(12)) row.remove();
    expect(xAdapter.extract(doc, context(url))).toEqual([]);
  });

  it('a window that holds the thread above the focal post reads it as context, once the focal post is gone', () => {
    const { doc, url } = load('conversation-en.html');
    const ctx = context(url);
    xAdapter.extract(doc, ctx);
    const [context0, context1, focal] = rows(doc);
    focal?.remove();
    expect(xAdapter.extract(context1 as Element, nextPass(ctx))).toEqual([]);
    expect(xAdapter.extract(context0 as Element, nextPass(ctx))).toEqual([]);
  });
});

describe('xAdapter.replyBoxOf: the dialog X opened for that very post', () => {
  /** conversation-fr with X's reply dialog open over it, for Camille's reply as it is, or changed by `change`. */
  function withDialog(change: Partial<XRepliedPost> = {}) {
    const { doc, url } = load('conversation-fr.html');
    const replies = xAdapter.extract(doc, context(url)).filter((e) => e.comment.isReply && !e.comment.isOwn);
    const [camille, jb] = replies;
    if (!camille || !jb) throw new Error('two replies expected');
    const { id, authorHandle, authorName, text, createdAt } = camille.comment;
    const answered = { id, handle: authorHandle.slice(1), name: authorName, text, time: createdAt ?? '' };
    doc.body.insertAdjacentHTML('beforeend', xReplyDialog({ ...answered, ...change }, 'fr'));
    const composer = doc.querySelector('div[role="dialog"] [data-testid="tweetTextarea_0"]');
    return { doc, url, camille: camille.element, jb: jb.element, composer };
  }

  it('finds it by the copy of the post above its composer: same @handle, time and words, no link to it', () => {
    const { doc, camille, jb, composer } = withDialog();
    expect(doc.querySelector('div[role="dialog"] a[href*="/status/"]')).toBeNull();
    expect(composer).not.toBeNull();
    expect(xAdapter.replyBoxOf(camille)).toBe(composer);
    expect(xAdapter.replyBoxOf(jb)).toBeNull();
  });

  it.each([
    ['another time (the same author’s other post)', { time: '2026-11-24T08:05:13.000Z' }],
    ['another @handle', { handle: 'camille_r2' }],
    ['other words', { text: 'Franchement ravie, ma commande est arrivée 😍' }],
  ])('a copy with %s is another post’s: no box', (_, change) => {
    expect(xAdapter.replyBoxOf(withDialog(change).camille)).toBeNull();
  });

  it('a copy X cut short still names the post; the copy is never read as a comment', () => {
    const { doc, url, camille, composer } = withDialog({ text: 'Franchement déçue' });
    expect(xAdapter.replyBoxOf(camille)).toBe(composer);
    const inDialog = xAdapter.extract(doc, context(url)).filter((e) => e.element.closest('[role="dialog"]'));
    expect(inDialog).toEqual([]);
  });

  it('X’s composers outside a dialog (a new post, the focal post’s inline box) are nobody’s reply box', () => {
    const { doc, url } = load('conversation-fr.html');
    const [focal, reply] = xAdapter.extract(doc, context(url));
    doc.body.insertAdjacentHTML(
      'afterbegin',
      '<div data-testid="inline_reply_offscreen"><div aria-label="Texte du post" contenteditable="true" data-testid="tweetTextarea_0" role="textbox"></div></div>',
    );
    expect(xAdapter.replyBoxOf(focal?.element as HTMLElement)).toBeNull();
    expect(xAdapter.replyBoxOf(reply?.element as HTMLElement)).toBeNull();
  });
});

describe('xAdapter.withheld', () => {
  it.each([
    ['conversation-fr.html', 2],
    ['conversation-en.html', 2],
    ['conversation-long-rtl-en.html', 0],
    ['notifications-en.html', 0],
  ])('%s: %i places where X hides replies, never how many', (name, places) => {
    expect(xAdapter.withheld(load(name).doc)).toEqual({ places, replies: 0, mostRelevantOnly: false });
  });

  it('counts a button the CM has not opened yet, and stops once X replaced it by the replies', () => {
    const { doc } = load('conversation-fr.html');
    const spam = rows(doc).find((row) => row.textContent?.includes('Afficher les spams probables'));
    spam?.remove();
    expect(xAdapter.withheld(doc).places).toBe(1);
  });
});

describe('xAdapter.countPosts', () => {
  it.each([
    ['conversation-fr.html', 13],
    ['conversation-en.html', 8],
    ['conversation-long-rtl-en.html', 4],
    ['notifications-mentions-fr.html', 3],
    ['notifications-en.html', 2],
  ])('%s shows %i posts', (name, expected) => {
    expect(xAdapter.countPosts(load(name).doc)).toBe(expected);
  });

  it('a redesign that renames the status links leaves posts on the page and none read: the "cannot read" alarm', () => {
    const html = readFileSync(join(process.cwd(), 'tests/fixtures/x/conversation-fr.html'), 'utf8');
    const url = new URL('https://x.com/acme_fr/status/1861000000000000001');
    const redesigned = new DOMParser().parseFromString(html.replaceAll('/status/', '/post/'), 'text/html');
    expect(xAdapter.countPosts(redesigned)).toBeGreaterThan(0);
    expect(xAdapter.extract(redesigned, context(url))).toEqual([]);
  });
});
