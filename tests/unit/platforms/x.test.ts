// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteAdapter } from '../../../src/content/platforms';
import { focalStatusId, xAdapter } from '../../../src/content/platforms/x';
import type { ObservedComment } from '../../../src/shared/comment';

const OWN = ['acme_fr', 'acmeus'];

function load(name: string): { doc: Document; url: URL } {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/x', name), 'utf8');
  const saved = /<!-- saved from url=(\S+) -->/.exec(html)?.[1];
  if (!saved) throw new Error(`${name}: no "saved from url" line`);
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(saved) };
}

function read(name: string, ownHandles: readonly string[] = OWN): ObservedComment[] {
  const { doc, url } = load(name);
  return xAdapter.extract(doc, { url, ownHandles }).map((e) => e.comment);
}

/** An X comment with the defaults every fixture shares. */
function x(fields: Partial<ObservedComment> & Pick<ObservedComment, 'id' | 'authorHandle'>): ObservedComment {
  return {
    platform: 'x',
    threadKey: 'notifications',
    authorName: '',
    text: '',
    createdAt: null,
    permalink: `https://x.com/${fields.authorHandle.slice(1)}/status/${fields.id}`,
    isReply: true,
    isOwn: false,
    ...fields,
    // X gives every post a machine-readable time.
    createdAtPrecision: fields.createdAt ? 'second' : null,
  };
}

describe('xAdapter.handles', () => {
  it.each([
    ['https://x.com/acme_fr/status/1861000000000000001', true],
    ['https://x.com/acme_fr/status/1861000000000000001/photo/1', true],
    ['https://twitter.com/AcmeUS/status/42', true],
    ['https://mobile.x.com/AcmeUS/status/42', true],
    ['https://x.com/i/web/status/42', true],
    ['https://x.com/notifications', true],
    ['https://x.com/notifications/mentions', true],
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

  it('siteAdapter picks the X adapter on both X hosts, whatever the page', () => {
    expect(siteAdapter('https://x.com/notifications')?.platform).toBe('x');
    expect(siteAdapter('https://twitter.com/home')?.platform).toBe('x');
    expect(siteAdapter('http://x.com/home')).toBeNull();
  });

  it('reads the focal status id from the URL', () => {
    expect(focalStatusId(new URL('https://x.com/a/status/123/analytics'))).toBe('123');
    expect(focalStatusId(new URL('https://x.com/notifications'))).toBeNull();
  });
});

describe('xAdapter.extract on fixtures', () => {
  it('conversation-fr: focal post, replies, emoji-only, quote, image-only, own reply, markup text; no tombstone, no ad', () => {
    const thread = '1861000000000000001';
    expect(read('conversation-fr.html')).toEqual([
      x({
        id: '1861000000000000001',
        threadKey: thread,
        authorHandle: '@acme_fr',
        authorName: 'Acme France',
        text: 'Nouvelle collection disponible dès aujourd’hui en magasin et en ligne ✨',
        createdAt: '2026-11-24T08:00:00.000Z',
        isReply: false,
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
        text: '',
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

  it('conversation-en: mention and link as their text, multi-line, case-insensitive own handle', () => {
    const thread = '1862000000000000001';
    expect(read('conversation-en.html')).toEqual([
      x({
        id: '1862000000000000001',
        threadKey: thread,
        authorHandle: '@AcmeUS',
        authorName: 'Acme US',
        text: 'Our winter collection is here. What do you think?',
        createdAt: '2026-11-23T15:00:00.000Z',
        isReply: false,
        isOwn: true,
      }),
      x({
        id: '1862000000000000201',
        threadKey: thread,
        authorHandle: '@mike_j',
        authorName: 'Mike J',
        text: '@AcmeUS worst support ever. https://example.com/complaints/1234',
        createdAt: '2026-11-23T15:02:00.000Z',
      }),
      x({
        id: '1862000000000000202',
        threadKey: thread,
        authorHandle: '@sam_o',
        authorName: 'Sam O.',
        text: 'Line one\nLine two 👍🏽',
        createdAt: '2026-11-23T15:03:00.000Z',
      }),
      x({
        id: '1862000000000000203',
        threadKey: thread,
        authorHandle: '@acmeus_help',
        authorName: 'Acme Help',
        text: 'Hi Mike, sorry to hear that! Please DM us your order number.',
        createdAt: '2026-11-23T15:04:00.000Z',
      }),
    ]);
  });

  it('conversation-en: ownHandles given with "@" and other case still match', () => {
    const own = read('conversation-en.html', ['@ACMEUS_HELP']).map((c) => [c.id, c.isOwn]);
    expect(own).toEqual([
      ['1862000000000000001', false],
      ['1862000000000000201', false],
      ['1862000000000000202', false],
      ['1862000000000000203', true],
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
        id: '1863000000000000001',
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
        isReply: true,
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
        isReply: true,
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
    const [first] = xAdapter.extract(doc, { url, ownHandles: [] });
    expect(first?.element.matches('article[data-testid="tweet"]')).toBe(true);
    expect(first?.anchor.matches('div[data-testid="User-Name"]')).toBe(true);
  });

  it('extracts from a sub-root (a single cell) and from the article itself', () => {
    const { doc, url } = load('conversation-fr.html');
    const cells = doc.querySelectorAll('div[data-testid="cellInnerDiv"]');
    const second = cells[1] as Element;
    expect(xAdapter.extract(second, { url, ownHandles: [] }).map((e) => e.comment.id)).toEqual([
      '1861000000000000101',
    ]);
    const article = second.querySelector('article') as HTMLElement;
    expect(xAdapter.extract(article, { url, ownHandles: [] }).map((e) => e.comment.id)).toEqual([
      '1861000000000000101',
    ]);
  });

  it('the promoted and tombstone cells are present in the fixture but not extracted', () => {
    const { doc, url } = load('conversation-fr.html');
    expect(doc.querySelectorAll('div[data-testid="cellInnerDiv"]')).toHaveLength(9);
    expect(doc.body.textContent).toContain('Ce post n’est pas disponible');
    expect(doc.body.textContent).toContain('Sponsorisé');
    const cells = Array.from(doc.querySelectorAll('div[data-testid="cellInnerDiv"]'));
    // Read cell by cell: the tombstone (4th) and the promoted post (last) give nothing.
    expect(cells.map((cell) => xAdapter.extract(cell, { url, ownHandles: [] }).length)).toEqual([
      1, 1, 1, 0, 1, 1, 1, 1, 0,
    ]);
    expect(cells[3]?.textContent).toContain('Ce post n’est pas disponible');
    const ids = xAdapter.extract(doc, { url, ownHandles: [] }).map((e) => e.comment.id);
    expect(ids).not.toContain('1861000000000000999');
    expect(ids).toHaveLength(7);
  });

  it('skips a post labelled "Ad" / "Sponsorisé" even when it shows a dated link', () => {
    const { doc, url } = load('conversation-en.html');
    const article = doc.querySelectorAll('article[data-testid="tweet"]')[1] as Element;
    const userName = article.querySelector('div[data-testid="User-Name"]') as Element;
    const label = doc.createElement('span');
    label.textContent = 'Ad';
    userName.append(label);
    const ids = xAdapter.extract(doc, { url, ownHandles: [] }).map((e) => e.comment.id);
    expect(ids).toEqual(['1862000000000000001', '1862000000000000202', '1862000000000000203']);
  });

  it('containerOf maps a text node inside a post to its article', () => {
    const { doc } = load('conversation-en.html');
    const text = doc.querySelector('div[data-testid="tweetText"] span')?.firstChild as Node;
    expect(xAdapter.containerOf?.(text)?.getAttribute('data-testid')).toBe('tweet');
    expect(xAdapter.containerOf?.(doc.body)).toBeNull();
  });
});

describe('xAdapter.countPosts', () => {
  it.each([
    ['conversation-fr.html', 8],
    ['conversation-en.html', 4],
    ['conversation-long-rtl-en.html', 4],
    ['notifications-mentions-fr.html', 3],
    ['notifications-en.html', 2],
  ])('%s shows %i posts', (name, expected) => {
    expect(xAdapter.countPosts(load(name).doc)).toBe(expected);
  });
});
