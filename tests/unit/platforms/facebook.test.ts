// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyTable } from '../../../src/content/key-table';
import { siteAdapter } from '../../../src/content/platforms';
import {
  facebookAdapter,
  normalizeCommentId,
  ownHandleOf,
  postIdFromUrl,
  profileHandle,
} from '../../../src/content/platforms/facebook';
import { contentHash } from '../../../src/content/platforms/text';
import type { AdapterContext } from '../../../src/content/platforms/types';
import { MAX_TEXT_LENGTH, type ObservedComment, type TimePrecision } from '../../../src/shared/comment';

/** The CM's own Pages: one by its name, one known only by its number, entered as its address. */
const OWN = ['acmefrance', 'https://www.facebook.com/profile.php?id=61550000000002'];
/** When the pages are read: the relative times on them ("3 h") count back from here. */
const NOW = new Date(2026, 10, 25, 12, 0).getTime();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function load(name: string): { doc: Document; url: URL } {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/facebook', name), 'utf8');
  const saved = /<!-- saved from url=(\S+) -->/.exec(html)?.[1];
  if (!saved) throw new Error(`${name}: no "saved from url" line`);
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(saved) };
}

function context(url: URL, ownHandles: readonly string[] = OWN): AdapterContext {
  return { url, ownHandles, now: NOW, memory: createKeyTable() };
}

function read(name: string, ownHandles: readonly string[] = OWN): ObservedComment[] {
  const { doc, url } = load(name);
  return facebookAdapter.extract(doc, context(url, ownHandles)).map((e) => e.comment);
}

/** What the page shows as "3 h", "1 j", "2 sem.": that long before NOW, that precise. */
function ago(ms: number, precision: TimePrecision) {
  return { createdAt: new Date(NOW - ms).toISOString(), createdAtPrecision: precision };
}

/** A date the page writes out, in the CM's time zone. */
function on(fields: [number, number, number, number, number], precision: TimePrecision = 'minute') {
  return { createdAt: new Date(...fields).toISOString(), createdAtPrecision: precision };
}

function fb(fields: Partial<ObservedComment> & Pick<ObservedComment, 'id'>): ObservedComment {
  return {
    platform: 'facebook',
    threadKey: '',
    authorHandle: '',
    authorName: '',
    text: '',
    createdAt: null,
    createdAtPrecision: null,
    permalink: null,
    isReply: false,
    isOwn: false,
    ...fields,
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
    ['https://www.facebook.com/profile.php?id=61550000000002', true],
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

  it.each([
    ['acmefrance', 'acmefrance'],
    ['61550000000002', '61550000000002'],
    ['https://www.facebook.com/profile.php?id=61550000000002', '61550000000002'],
    ['www.facebook.com/profile.php?id=61550000000002&sk=about', '61550000000002'],
    ['facebook.com/acmefrance/', 'acmefrance'],
    ['https://web.facebook.com/acmefrance', 'acmefrance'],
    // Not Facebook, or no account in it: kept as written, so it matches nothing by accident.
    [
      'https://example.org/profile.php?id=61550000000002',
      'https://example.org/profile.php?id=61550000000002',
    ],
    ['https://www.facebook.com/marketplace/', 'https://www.facebook.com/marketplace/'],
  ])('ownHandleOf(%s) = %s', (entry, expected) => {
    expect(ownHandleOf(entry)).toBe(expected);
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
  it('post-dialog-fr: the feed behind the dialog and the post in it, flat replies, French times', () => {
    const older = 'https://www.facebook.com/acmefrance/posts/pfbid02AcmeOlderFr5';
    const post = 'https://www.facebook.com/acmefrance/posts/pfbid02AcmeDialogFr7';
    expect(read('post-dialog-fr.html')).toEqual([
      fb({
        id: '3300000000000002',
        threadKey: 'pfbid02AcmeOlderFr5',
        authorHandle: 'karim.b.92',
        authorName: 'Karim B',
        text: 'Encore un concours truqué…',
        ...ago(21 * DAY, 'week'),
        permalink: `${older}?comment_id=3300000000000002`,
      }),
      fb({
        id: '3300000000000003',
        threadKey: 'pfbid02AcmeOlderFr5',
        authorHandle: 'acmefrance',
        authorName: 'Acme France',
        // A reply starts with a link to the person it answers, part of what it says.
        text: 'Karim B Bonjour Karim, le tirage est fait par huissier.',
        ...ago(14 * DAY, 'week'),
        permalink: `${older}?comment_id=3300000000000002&reply_comment_id=3300000000000003`,
        isReply: true,
        isOwn: true,
      }),
      fb({
        id: '1122334455667701',
        threadKey: 'pfbid02AcmeDialogFr7',
        authorHandle: 'marie.dupont.12',
        authorName: 'Marie Dupont',
        text: 'Enfin ! Merci 😍',
        ...ago(3 * HOUR, 'hour'),
        permalink: `${post}?comment_id=1122334455667701`,
      }),
      fb({
        id: '1122334455667702',
        threadKey: 'pfbid02AcmeDialogFr7',
        authorHandle: 'acmefrance',
        authorName: 'Acme France',
        text: 'Marie Dupont Avec plaisir, à dimanche !',
        ...ago(2 * HOUR, 'hour'),
        permalink: `${post}?comment_id=1122334455667701&reply_comment_id=1122334455667702`,
        isReply: true,
        isOwn: true,
      }),
      fb({
        id: '1122334455667703',
        threadKey: 'pfbid02AcmeDialogFr7',
        authorHandle: 'paul.martin.75',
        authorName: 'Paul Martin',
        text: 'Marie Dupont Et les salariés, ils en pensent quoi ? 🤔',
        ...ago(HOUR, 'hour'),
        permalink: `${post}?comment_id=1122334455667701&reply_comment_id=1122334455667703`,
        isReply: true,
      }),
      fb({
        id: '1122334455667704',
        threadKey: 'pfbid02AcmeDialogFr7',
        authorHandle: 'jean.moulin',
        authorName: 'Jean Moulin',
        text: '🤬🤬🤬',
        ...ago(DAY, 'day'),
        permalink: `${post}?comment_id=1122334455667704`,
      }),
      // A sticker and no words.
      fb({
        id: '1122334455667705',
        threadKey: 'pfbid02AcmeDialogFr7',
        authorHandle: 'sophie.l.88',
        authorName: 'Sophie L',
        ...ago(14 * DAY, 'week'),
        permalink: `${post}?comment_id=1122334455667705`,
      }),
      fb({
        id: '1122334455667706',
        threadKey: 'pfbid02AcmeDialogFr7',
        authorHandle: 'h4x0r.fb',
        authorName: '<script>alert(1)</script>',
        text: `<img src=x onerror=alert(1)> "quoted" & 'single'`,
        ...ago(0, 'minute'),
        permalink: `${post}?comment_id=1122334455667706`,
      }),
      // The pasted-link attack: under its own id, with its own author, whatever link its text holds.
      fb({
        id: '1122334455667707',
        threadKey: 'pfbid02AcmeDialogFr7',
        authorHandle: 'karim.b.92',
        authorName: 'Karim B',
        text: 'Voilà ce qu’elle a vraiment écrit : 3 h',
        ...on([2026, 2, 12, 15, 4]),
        permalink: `${post}?comment_id=1122334455667707`,
      }),
      // What the page shows before "Voir plus" is clicked; the button's label is not text.
      fb({
        id: '1122334455667708',
        threadKey: 'pfbid02AcmeDialogFr7',
        authorHandle: 'lucie.bernard.3',
        authorName: 'Lucie Bernard',
        text: 'Je suis cliente depuis dix ans et c’est la première fois que…',
        ...ago(12 * 60_000, 'minute'),
        permalink: `${post}?comment_id=1122334455667708`,
      }),
    ]);
  });

  it('page-feed-en: data-commentid wrappers, a Page known by its number, English times', () => {
    const first = 'https://www.facebook.com/permalink.php?story_fbid=pfbid02AcmeUSFirst1&id=61550000000002';
    const second = 'https://www.facebook.com/permalink.php?story_fbid=pfbid02AcmeUSSecond2&id=61550000000002';
    const dana = Array.from(
      { length: 12 },
      (_, i) =>
        `Paragraph ${i + 1}: the delivery was late again and nobody from customer service called me back, even though I was promised a refund within five working days.`,
    ).join('\n');
    const comments = read('page-feed-en.html');
    expect(comments).toEqual([
      fb({
        id: '7700000000000001',
        threadKey: 'pfbid02AcmeUSFirst1',
        authorHandle: 'rob.t.1',
        authorName: 'Rob T',
        text: 'Website is down again 🙄',
        ...ago(2 * HOUR, 'hour'),
        permalink: `${first}&comment_id=7700000000000001`,
      }),
      fb({
        id: '7700000000000002',
        threadKey: 'pfbid02AcmeUSFirst1',
        authorHandle: '61550000000002',
        authorName: 'Acme US',
        text: 'Rob T Hi Rob, it is back up now!',
        ...ago(HOUR, 'hour'),
        permalink: `${first}&comment_id=7700000000000001&reply_comment_id=7700000000000002`,
        isReply: true,
        isOwn: true,
      }),
      fb({
        id: '7700000000000003',
        threadKey: 'pfbid02AcmeUSFirst1',
        authorHandle: '100089012345678',
        authorName: 'Chris P',
        text: 'I ordered three times and each time the parcel was…',
        ...ago(39 * 60_000, 'minute'),
        permalink: `${first}&comment_id=7700000000000003`,
      }),
      fb({
        id: '7700000000000004',
        threadKey: 'pfbid02AcmeUSFirst1',
        authorHandle: 'dana.long.writes',
        authorName: 'Dana Long',
        text: dana,
        ...ago(DAY, 'day'),
        permalink: `${first}&comment_id=7700000000000004`,
      }),
      // Its timestamp had not rendered: the id from its wrapper, the post from the post's own link, the
      // time from its label.
      fb({
        id: '7700000000000005',
        threadKey: 'pfbid02AcmeUSFirst1',
        authorHandle: 'ghost.writer',
        authorName: 'Ghost Writer',
        text: 'Where is my refund?',
        ...ago(0, 'minute'),
      }),
      fb({
        id: '7700000000000010',
        threadKey: 'pfbid02AcmeUSSecond2',
        authorHandle: 'yasmine.ali.5',
        authorName: 'ياسمين علي',
        text: 'الخدمة سيئة جدا',
        ...ago(14 * DAY, 'week'),
        permalink: `${second}&comment_id=7700000000000010`,
      }),
    ]);
    expect(comments[3]?.text.length).toBeGreaterThan(1_500);
  });

  it('post-dialog-en: on web.facebook.com, a pasted permalink, a comment with no timestamp', () => {
    const post = 'https://www.facebook.com/permalink.php?story_fbid=pfbid02AcmeUSDialog3&id=61550000000002';
    expect(read('post-dialog-en.html')).toEqual([
      fb({
        id: '5566778899001101',
        threadKey: 'pfbid02AcmeUSDialog3',
        authorHandle: 'sam.o.77',
        authorName: 'Sam O',
        text: 'Do you hire students for the weekends?',
        ...ago(20 * HOUR, 'hour'),
        permalink: `${post}&comment_id=5566778899001101`,
      }),
      fb({
        id: '5566778899001102',
        threadKey: 'pfbid02AcmeUSDialog3',
        authorHandle: '61550000000002',
        authorName: 'Acme US',
        text: 'Sam O Yes, see the link in our bio.',
        ...ago(19 * HOUR, 'hour'),
        permalink: `${post}&comment_id=5566778899001101&reply_comment_id=5566778899001102`,
        isReply: true,
        isOwn: true,
      }),
      fb({
        id: '5566778899001103',
        threadKey: 'pfbid02AcmeUSDialog3',
        authorHandle: 'eve.k.2',
        authorName: 'Eve K',
        text: 'Their managers are the worst, do not apply.',
        ...ago(4 * HOUR, 'hour'),
        permalink: `${post}&comment_id=5566778899001101&reply_comment_id=5566778899001103`,
        isReply: true,
      }),
      fb({
        id: '5566778899001104',
        threadKey: 'pfbid02AcmeUSDialog3',
        authorHandle: 'max.r.9',
        authorName: 'Max R',
        text: `Look what Sam wrote: ${post}&comment_id=5566778899001101`,
        ...on([2026, 2, 12, 15, 4]),
        permalink: `${post}&comment_id=5566778899001104`,
      }),
      // No timestamp and no wrapper in the dialog: a last-resort id from author and text.
      fb({
        id: `h:${contentHash('ghost.writer\nWhere is my refund?')}`,
        threadKey: 'pfbid02AcmeUSDialog3',
        authorHandle: 'ghost.writer',
        authorName: 'Ghost Writer',
        text: 'Where is my refund?',
        ...ago(0, 'minute'),
      }),
    ]);
  });

  it('the pasted-link attack gives two rows, each with its own author, on both fixtures', () => {
    for (const [name, victim, attacker] of [
      ['post-dialog-fr.html', '1122334455667701', '1122334455667707'],
      ['post-dialog-en.html', '5566778899001101', '5566778899001104'],
    ] as const) {
      const comments = read(name);
      const byId = new Map(comments.map((c) => [c.id, c.authorName]));
      expect(comments.filter((c) => c.id === victim)).toHaveLength(1);
      expect(byId.get(victim)).not.toBe(byId.get(attacker));
      expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);
    }
  });

  it("a Page known only by its number is the CM's own when entered as a number or an address, not otherwise", () => {
    const own = (ownHandles: string[]) =>
      read('page-feed-en.html', ownHandles)
        .filter((c) => c.isOwn)
        .map((c) => c.id);
    expect(own(['61550000000002'])).toEqual(['7700000000000002']);
    expect(own(['https://www.facebook.com/profile.php?id=61550000000002'])).toEqual(['7700000000000002']);
    expect(own(['acmeus'])).toEqual([]);
  });

  it('finds comments by structure when the labels are in another language', () => {
    const { doc, url } = load('post-dialog-fr.html');
    for (const article of doc.querySelectorAll('div[role="article"][aria-label]')) {
      article.setAttribute('aria-label', 'Kommentar von Jemand vor 3 Stunden');
    }
    const comments = facebookAdapter.extract(doc, context(url)).map((c) => [c.comment.id, c.comment.isReply]);
    expect(comments).toEqual([
      ['3300000000000002', false],
      ['3300000000000003', true],
      ['1122334455667701', false],
      ['1122334455667702', true],
      ['1122334455667703', true],
      ['1122334455667704', false],
      ['1122334455667705', false],
      ['1122334455667706', false],
      ['1122334455667707', false],
      ['1122334455667708', false],
    ]);
  });

  it('a reply whose permalink does not say so is still one by its label, or when nested in its comment', () => {
    const { doc, url } = load('page-feed-en.html');
    for (const a of doc.querySelectorAll('a[href*="reply_comment_id="]')) {
      const href = new URL(a.getAttribute('href') as string);
      href.searchParams.set('comment_id', href.searchParams.get('reply_comment_id') as string);
      href.searchParams.delete('reply_comment_id');
      a.setAttribute('href', href.href);
    }
    const replies = () =>
      facebookAdapter
        .extract(doc, context(url))
        .filter((e) => e.comment.isReply)
        .map((e) => e.comment.id);
    expect(replies()).toEqual(['7700000000000002']);
    // Older layouts put a reply inside its comment's article, with no label at all.
    const reply = doc.querySelector('div[data-commentid="7700000000000002"]') as Element;
    reply.querySelector('div[role="article"]')?.removeAttribute('aria-label');
    doc.querySelector('div[data-commentid="7700000000000001"] div[role="article"]')?.append(reply);
    expect(replies()).toEqual(['7700000000000002']);
  });

  it('reads expanded "See more" text once the page shows it', () => {
    const { doc, url } = load('page-feed-en.html');
    const block = doc.querySelector('div[data-commentid="7700000000000003"] div[dir="auto"]');
    if (!block) throw new Error('fixture changed');
    block.textContent = 'I ordered three times and each time the parcel was lost.';
    const chris = facebookAdapter.extract(doc, context(url)).find((e) => e.comment.id === '7700000000000003');
    expect(chris?.comment.text).toBe('I ordered three times and each time the parcel was lost.');
  });

  it('cuts a comment of several long paragraphs to the text cap as a whole', () => {
    // Found by the damaged-pages property (seed 442189792): each paragraph was cut, not the comment.
    const { doc, url } = load('page-feed-en.html');
    const block = doc.querySelector('div[data-commentid="7700000000000003"] div[dir="auto"]');
    if (!block) throw new Error('fixture changed');
    block.textContent = 'a'.repeat(60_000);
    const second = block.cloneNode(true) as Element;
    second.textContent = 'b'.repeat(60_000);
    block.after(second);
    const chris = facebookAdapter.extract(doc, context(url)).find((e) => e.comment.id === '7700000000000003');
    expect(chris?.comment.text).toBe(`${'a'.repeat(60_000)}\n${'b'.repeat(MAX_TEXT_LENGTH - 60_001)}`);
  });

  it('containerOf maps a change inside a comment to the comment, outside to null', () => {
    const { doc } = load('post-dialog-fr.html');
    const comment = doc.querySelector('div[role="article"][aria-label^="Commentaire de Marie"]') as Element;
    const text = comment.querySelector('div[dir="auto"]')?.firstChild as Node;
    expect(facebookAdapter.containerOf?.(text)).toBe(comment);
    const postText = doc.querySelector('div[role="dialog"] div[aria-posinset] > div > div:nth-child(2)');
    expect(facebookAdapter.containerOf?.(postText as Node)).toBeNull();
  });
});

describe('facebookAdapter.withheld', () => {
  it('post-dialog-fr: "Plus pertinents" on, "Acme France a répondu · 3 réponses" and "Voir plus de réponses"', () => {
    expect(facebookAdapter.withheld(load('post-dialog-fr.html').doc)).toEqual({
      places: 2,
      replies: 3,
      mostRelevantOnly: true,
    });
  });

  it('page-feed-en: "Acme US replied · 2 replies" and "View more replies"; "View more comments" is paging', () => {
    expect(facebookAdapter.withheld(load('page-feed-en.html').doc)).toEqual({
      places: 2,
      replies: 2,
      mostRelevantOnly: false,
    });
  });

  it('post-dialog-en: "All comments" chosen, nothing folded', () => {
    expect(facebookAdapter.withheld(load('post-dialog-en.html').doc)).toEqual({
      places: 0,
      replies: 0,
      mostRelevantOnly: false,
    });
  });
});

describe('facebookAdapter.countPosts', () => {
  it.each([
    ['post-dialog-fr.html', 2],
    ['page-feed-en.html', 2],
    ['post-dialog-en.html', 1],
  ])('%s shows %i posts', (name, expected) => {
    expect(facebookAdapter.countPosts(load(name).doc)).toBe(expected);
  });

  it('a redesign that drops the comments\' wrappers, labels and permalinks leaves posts and no comment: the "cannot read" alarm', () => {
    const { doc, url } = load('page-feed-en.html');
    for (const wrapper of doc.querySelectorAll('[data-commentid]')) wrapper.removeAttribute('data-commentid');
    for (const article of doc.querySelectorAll('div[role="article"][aria-label]'))
      article.removeAttribute('aria-label');
    for (const a of doc.querySelectorAll('a[href*="comment_id="]'))
      a.setAttribute('href', 'https://www.facebook.com/');
    expect(facebookAdapter.countPosts(doc)).toBe(2);
    expect(facebookAdapter.extract(doc, context(url))).toEqual([]);
  });
});
