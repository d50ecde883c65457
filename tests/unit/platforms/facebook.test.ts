// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteAdapter } from '../../../src/content/platforms';
import {
  facebookAdapter,
  normalizeCommentId,
  postIdFromUrl,
  profileHandle,
} from '../../../src/content/platforms/facebook';
import { contentHash } from '../../../src/content/platforms/text';
import type { ObservedComment } from '../../../src/shared/comment';

const OWN = ['acmefrance', 'AcmeUS'];

function load(name: string): { doc: Document; url: URL } {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/facebook', name), 'utf8');
  const saved = /<!-- saved from url=(\S+) -->/.exec(html)?.[1];
  if (!saved) throw new Error(`${name}: no "saved from url" line`);
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(saved) };
}

function read(name: string, ownHandles: readonly string[] = OWN): ObservedComment[] {
  const { doc, url } = load(name);
  return facebookAdapter.extract(doc, { url, ownHandles }).map((e) => e.comment);
}

function fb(fields: Partial<ObservedComment> & Pick<ObservedComment, 'id'>): ObservedComment {
  return {
    platform: 'facebook',
    threadKey: '',
    authorHandle: '',
    authorName: '',
    text: '',
    createdAt: null,
    permalink: null,
    isReply: false,
    isOwn: false,
    ...fields,
    // The old layouts' `abbr[data-utime]` is the only time these fixtures have.
    createdAtPrecision: fields.createdAt ? 'second' : null,
  };
}

describe('facebookAdapter.handles', () => {
  it.each([
    ['https://www.facebook.com/acmefrance/posts/pfbid02AbC', true],
    ['https://web.facebook.com/AcmeUS/posts/112233445566778', true],
    ['https://www.facebook.com/permalink.php?story_fbid=987&id=100064', true],
    ['https://www.facebook.com/story.php?story_fbid=987&id=100064', true],
    ['https://www.facebook.com/groups/acmefans/permalink/555/', true],
    ['https://www.facebook.com/photo/?fbid=123&set=a.1', true],
    ['https://www.facebook.com/acmefrance/videos/777', true],
    ['https://www.facebook.com/watch/?v=777', true],
    ['https://www.facebook.com/acmefrance', true],
    ['https://www.facebook.com/acmefrance/', true],
    ['https://www.facebook.com/profile.php?id=100064000000000', true],
    ['https://www.facebook.com/', false],
    ['https://www.facebook.com/messages/t/123', false],
    ['https://www.facebook.com/marketplace/', false],
    ['https://www.facebook.com/groups/feed/', false],
    ['https://www.facebook.com/watch/', false],
    ['https://m.facebook.com/acmefrance/posts/1', false],
    ['https://www.facebook.com.evil.example/acmefrance/posts/1', false],
    ['https://x.com/acme_fr/status/1', false],
    ['https://example.org/acmefrance/posts/1', false],
  ])('%s → %s', (url, expected) => {
    expect(facebookAdapter.handles(new URL(url))).toBe(expected);
  });

  it('siteAdapter picks the Facebook adapter on the Facebook hosts only', () => {
    expect(siteAdapter('https://web.facebook.com/AcmeUS/posts/1')?.platform).toBe('facebook');
    expect(siteAdapter('https://www.facebook.com/')?.platform).toBe('facebook');
    expect(siteAdapter('https://example.org/')).toBeNull();
  });
});

describe('URL helpers', () => {
  it.each([
    ['https://www.facebook.com/acmefrance/posts/pfbid02AbC?comment_id=1', 'pfbid02AbC'],
    ['https://www.facebook.com/permalink.php?story_fbid=987&id=100064', '987'],
    ['https://www.facebook.com/groups/g/permalink/555/', '555'],
    ['https://www.facebook.com/photo.php?fbid=123', '123'],
    ['https://www.facebook.com/watch/?v=777', '777'],
    ['https://www.facebook.com/acmefrance', null],
  ])('postIdFromUrl(%s) = %s', (url, expected) => {
    expect(postIdFromUrl(new URL(url))).toBe(expected);
  });

  it.each([
    ['https://www.facebook.com/marie.dupont.12?comment_id=1', 'marie.dupont.12'],
    ['https://www.facebook.com/profile.php?id=100089012345678&comment_id=1', '100089012345678'],
    ['https://www.facebook.com/people/Marie-Dupont/100089012345678/', '100089012345678'],
    ['https://www.facebook.com/acmefrance/posts/1', null],
  ])('profileHandle(%s) = %s', (url, expected) => {
    expect(profileHandle(new URL(url))).toBe(expected);
  });

  it('normalizes base64 comment ids to the number and keeps others', () => {
    expect(normalizeCommentId('Y29tbWVudDoxMTIyMzM0NDU1NjY3NzhfNzcwMDAwMDAwMDAwMDAwMQ')).toBe(
      '7700000000000001',
    );
    expect(normalizeCommentId('1122334455667701')).toBe('1122334455667701');
    expect(normalizeCommentId('not*base64')).toBe('not*base64');
  });
});

describe('facebookAdapter.extract on fixtures', () => {
  it('post-permalink-fr: comments, nested replies (own Page reply), emoji-only, sticker-only, markup text', () => {
    const thread = 'pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz1234567890';
    const post = `https://www.facebook.com/acmefrance/posts/${thread}`;
    expect(read('post-permalink-fr.html')).toEqual([
      fb({
        id: '1122334455667701',
        threadKey: thread,
        authorHandle: 'marie.dupont.12',
        authorName: 'Marie Dupont',
        text: 'Enfin ! Merci 😍',
        permalink: `${post}?comment_id=1122334455667701`,
      }),
      fb({
        id: '1122334455667702',
        threadKey: thread,
        authorHandle: 'acmefrance',
        authorName: 'Acme France',
        text: 'Avec plaisir Marie, à dimanche !',
        permalink: `${post}?comment_id=1122334455667701&reply_comment_id=1122334455667702`,
        isReply: true,
        isOwn: true,
      }),
      fb({
        id: '1122334455667703',
        threadKey: thread,
        authorHandle: 'paul.martin.75',
        authorName: 'Paul Martin',
        text: 'Et les salariés, ils en pensent quoi ? 🤔',
        permalink: `${post}?comment_id=1122334455667701&reply_comment_id=1122334455667703`,
        isReply: true,
      }),
      fb({
        id: '1122334455667704',
        threadKey: thread,
        authorHandle: 'jean.moulin',
        authorName: 'Jean Moulin',
        text: '🤬🤬🤬',
        permalink: `${post}?comment_id=1122334455667704`,
      }),
      fb({
        id: '1122334455667705',
        threadKey: thread,
        authorHandle: 'sophie.l.88',
        authorName: 'Sophie L',
        text: '',
        permalink: `${post}?comment_id=1122334455667705`,
      }),
      fb({
        id: '1122334455667706',
        threadKey: thread,
        authorHandle: 'h4x0r.fb',
        authorName: '<script>alert(1)</script>',
        text: `<img src=x onerror=alert(1)> "quoted" & 'single'`,
        permalink: `${post}?comment_id=1122334455667706`,
      }),
    ]);
  });

  it('post-permalink-fr: the post itself is not a comment, and "Afficher plus de commentaires" is not text', () => {
    const { doc, url } = load('post-permalink-fr.html');
    const extracted = facebookAdapter.extract(doc, { url, ownHandles: [] });
    expect(doc.querySelectorAll('div[role="article"]')).toHaveLength(7);
    expect(extracted.some((e) => e.element.hasAttribute('aria-posinset'))).toBe(false);
    expect(doc.body.textContent).toContain('Afficher plus de commentaires');
    expect(extracted.every((e) => !e.comment.text.includes('Afficher plus'))).toBe(true);
    expect(extracted.every((e) => !e.comment.text.includes('Répondre'))).toBe(true);
  });

  it('post-permalink-en: truncated "See more", long multi-paragraph text, RTL, numeric profile, utime, no permalink', () => {
    const thread = '987654321098765';
    const post = `https://www.facebook.com/permalink.php?story_fbid=${thread}&id=100064000000000`;
    const long = Array.from(
      { length: 12 },
      (_, i) =>
        `Paragraph ${i + 1}: the delivery was late again and nobody from customer service called me back, even though I was promised a refund within five working days.`,
    ).join('\n');
    const comments = read('post-permalink-en.html');
    expect(comments).toEqual([
      fb({
        id: '5566778899001101',
        threadKey: thread,
        authorHandle: '100089012345678',
        authorName: 'Chris P',
        // What the page shows before "See more" is clicked; the button label is not text.
        text: 'I ordered three times and each time the parcel was…',
        permalink: `${post}&comment_id=5566778899001101`,
      }),
      fb({
        id: '5566778899001102',
        threadKey: thread,
        authorHandle: 'dana.long.writes',
        authorName: 'Dana Long',
        text: long,
        createdAt: '2025-11-23T12:13:20.000Z',
        permalink: `${post}&comment_id=5566778899001102`,
      }),
      fb({
        id: '5566778899001103',
        threadKey: thread,
        authorHandle: 'yasmine.ali.5',
        authorName: 'ياسمين علي',
        text: 'الخدمة سيئة جدا',
        permalink: `${post}&comment_id=5566778899001103`,
      }),
      fb({
        // No permalink rendered: last-resort id from author + text.
        id: `h:${contentHash('ghost.writer\nWhere is my refund?')}`,
        threadKey: thread,
        authorHandle: 'ghost.writer',
        authorName: 'Ghost Writer',
        text: 'Where is my refund?',
      }),
    ]);
    expect(comments[1]?.text.length).toBeGreaterThan(1_500);
  });

  it('post-permalink-en: the last-resort id is a stable hash of author and text', () => {
    const first = read('post-permalink-en.html')[3]?.id;
    const again = read('post-permalink-en.html')[3]?.id;
    expect(first).toMatch(/^h:[0-9a-f]{14}$/);
    expect(again).toBe(first);
    const { doc, url } = load('post-permalink-en.html');
    const textBlock = doc.querySelectorAll('div[role="article"]')[4]?.querySelector('div[dir="auto"][style]');
    if (!textBlock) throw new Error('fixture changed');
    textBlock.textContent = 'Where is my refund??';
    expect(facebookAdapter.extract(doc, { url, ownHandles: [] })[3]?.comment.id).not.toBe(first);
  });

  it('page-feed-fr: comments of two posts, each keyed to its own post', () => {
    const one = 'https://www.facebook.com/acmefrance/posts/pfbid0FeedPostOne111';
    const two = 'https://www.facebook.com/acmefrance/posts/pfbid0FeedPostTwo222';
    expect(read('page-feed-fr.html')).toEqual([
      fb({
        id: '3300000000000001',
        threadKey: 'pfbid0FeedPostOne111',
        authorHandle: 'lucie.bernard.3',
        authorName: 'Lucie Bernard',
        text: 'Je participe ! 🍀',
        permalink: `${one}?comment_id=3300000000000001`,
      }),
      fb({
        id: '3300000000000002',
        threadKey: 'pfbid0FeedPostOne111',
        authorHandle: 'karim.b.92',
        authorName: 'Karim B',
        text: 'Encore un concours truqué…',
        permalink: `${one}?comment_id=3300000000000002`,
      }),
      fb({
        id: '3300000000000003',
        threadKey: 'pfbid0FeedPostOne111',
        authorHandle: 'acmefrance',
        authorName: 'Acme France',
        text: 'Bonjour Karim, le tirage est fait par huissier.',
        permalink: `${one}?comment_id=3300000000000002&reply_comment_id=3300000000000003`,
        isReply: true,
        isOwn: true,
      }),
      fb({
        id: '3300000000000010',
        threadKey: 'pfbid0FeedPostTwo222',
        authorHandle: 'eric.durand',
        authorName: 'Éric Durand',
        text: 'Et le 26 ?',
        permalink: `${two}?comment_id=3300000000000010`,
      }),
    ]);
  });

  it('post-web-base64-en: base64 comment ids read as the numeric id, on web.facebook.com', () => {
    const post = 'https://www.facebook.com/AcmeUS/posts/112233445566778';
    const c1 = 'Y29tbWVudDoxMTIyMzM0NDU1NjY3NzhfNzcwMDAwMDAwMDAwMDAwMQ';
    const c2 = 'Y29tbWVudDoxMTIyMzM0NDU1NjY3NzhfNzcwMDAwMDAwMDAwMDAwMg';
    expect(read('post-web-base64-en.html', ['acmeus'])).toEqual([
      fb({
        id: '7700000000000001',
        threadKey: '112233445566778',
        authorHandle: 'rob.t.1',
        authorName: 'Rob T',
        text: 'Website is down again 🙄',
        permalink: `${post}?comment_id=${c1}`,
      }),
      fb({
        id: '7700000000000002',
        threadKey: '112233445566778',
        authorHandle: 'AcmeUS',
        authorName: 'Acme US',
        text: 'Hi Rob, it is back up now!',
        permalink: `${post}?comment_id=${c1}&reply_comment_id=${c2}`,
        isReply: true,
        isOwn: true,
      }),
    ]);
  });

  it('finds comments by structure when the labels are in another language', () => {
    const { doc, url } = load('post-permalink-fr.html');
    for (const article of doc.querySelectorAll('div[role="article"][aria-label]')) {
      article.setAttribute('aria-label', 'Kommentar von Jemand');
    }
    const comments = facebookAdapter.extract(doc, { url, ownHandles: [] }).map((e) => e.comment);
    expect(comments.map((c) => c.id)).toEqual([
      '1122334455667701',
      '1122334455667702',
      '1122334455667703',
      '1122334455667704',
      '1122334455667705',
      '1122334455667706',
    ]);
    expect(comments.map((c) => c.isReply)).toEqual([false, true, true, false, false, false]);
  });

  it('a nested reply without reply_comment_id is still a reply (list nesting)', () => {
    const { doc, url } = load('post-permalink-fr.html');
    for (const a of doc.querySelectorAll('a[href*="reply_comment_id="]')) {
      const href = new URL(a.getAttribute('href') as string);
      href.searchParams.set('comment_id', href.searchParams.get('reply_comment_id') as string);
      href.searchParams.delete('reply_comment_id');
      a.setAttribute('href', href.href);
    }
    for (const article of doc.querySelectorAll('div[role="article"][aria-label]'))
      article.removeAttribute('aria-label');
    const comments = facebookAdapter
      .extract(doc, { url, ownHandles: [] })
      .map((e) => [e.comment.id, e.comment.isReply]);
    expect(comments.slice(0, 3)).toEqual([
      ['1122334455667701', false],
      ['1122334455667702', true],
      ['1122334455667703', true],
    ]);
  });

  it('reads expanded "See more" text once the page shows it', () => {
    const { doc, url } = load('post-permalink-en.html');
    const block = doc.querySelector(
      'div[role="article"][aria-label="Comment by Chris P"] div[dir="auto"][style]',
    );
    if (!block) throw new Error('fixture changed');
    block.textContent = 'I ordered three times and each time the parcel was lost.';
    const [first] = facebookAdapter.extract(doc, { url, ownHandles: [] });
    expect(first?.comment.text).toBe('I ordered three times and each time the parcel was lost.');
  });

  it('containerOf maps a change inside a comment to the comment, outside to null', () => {
    const { doc } = load('post-permalink-fr.html');
    const comment = doc.querySelector('div[role="article"][aria-label^="Commentaire de"]') as Element;
    const text = comment.querySelector('div[dir="auto"][style]')?.firstChild as Node;
    expect(facebookAdapter.containerOf?.(text)).toBe(comment);
    const postText = doc.querySelector('div[data-ad-preview="message"] div[dir="auto"]') as Element;
    expect(facebookAdapter.containerOf?.(postText)).toBeNull();
  });
});

describe('facebookAdapter.countPosts', () => {
  it.each([
    ['post-permalink-fr.html', 1],
    ['post-permalink-en.html', 1],
    ['page-feed-fr.html', 2],
    ['post-web-base64-en.html', 1],
  ])('%s shows %i posts', (name, expected) => {
    expect(facebookAdapter.countPosts(load(name).doc)).toBe(expected);
  });
});
