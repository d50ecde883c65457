// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../src/content/platforms/facebook';
import { xAdapter } from '../../../src/content/platforms/x';
import { MAX_TEXT_LENGTH } from '../../../src/shared/comment';
import {
  escapeHtml,
  FACEBOOK_THREAD_CONTAINER,
  facebookComment,
  facebookPostPage,
  X_THREAD_CONTAINER,
  xConversationPage,
  xReplyCell,
} from '../../support/fake-site/site-markup';

const HOSTILE = `<img src=x onerror="alert(1)"><script>alert('x')</script> & </div></article>`;

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});

describe('X markup', () => {
  const url = new URL('https://x.com/acme_fr/status/1');

  it('hostile text and names stay text, and the adapter reads them back exactly', () => {
    const doc = parse(
      xConversationPage({
        uiLang: 'fr',
        focal: {
          id: '1',
          handle: 'acme_fr',
          name: 'Acme',
          text: 'Bonjour',
          time: '2026-11-25T08:00:00.000Z',
        },
        replies: [
          { id: '2', handle: 'evil_1', name: HOSTILE, text: HOSTILE, time: '2026-11-25T08:01:00.000Z' },
          {
            id: '3',
            handle: 'emoji_fan',
            name: 'Fan 🎉',
            text: 'Top 😂👍🏽',
            time: '2026-11-25T08:02:00.000Z',
          },
        ],
      }),
    );
    expect(doc.querySelector('img[src="x"], script')).toBeNull();
    const comments = xAdapter.extract(doc, { url, ownHandles: [] }).map((e) => e.comment);
    expect(comments.map((c) => [c.id, c.authorHandle, c.authorName, c.text, c.isReply])).toEqual([
      ['1', '@acme_fr', 'Acme', 'Bonjour', false],
      ['2', '@evil_1', HOSTILE, HOSTILE, true],
      ['3', '@emoji_fan', 'Fan 🎉', 'Top 😂👍🏽', true],
    ]);
    // Emoji are rendered as X renders them: images with the emoji as alt text.
    const alts = Array.from(doc.querySelectorAll('div[data-testid="tweetText"] img'), (img) =>
      img.getAttribute('alt'),
    );
    expect(alts).toEqual(['😂', '👍🏽']);
  });

  it('reads replies built the way the demo server builds them (shared author list, placeholders filled)', () => {
    const html = xReplyCell({
      id: '__DEMO_ID__',
      handle: 'nadia.k',
      name: 'Nadia K',
      text: 'Salut',
      time: '__DEMO_TIME__',
      lang: 'fr',
    })
      .replaceAll('__DEMO_ID__', '1790000000000000007')
      .replaceAll('__DEMO_TIME__', '2026-11-25T08:00:00.000Z');
    const [c] = xAdapter.extract(parse(html), { url, ownHandles: [] });
    expect(c?.comment).toMatchObject({
      id: '1790000000000000007',
      authorHandle: '@nadia.k',
      text: 'Salut',
      createdAt: '2026-11-25T08:00:00.000Z',
      permalink: 'https://x.com/nadia.k/status/1790000000000000007',
    });
  });

  it('a hostile handle cannot break out of its attribute', () => {
    const doc = parse(
      xReplyCell({ id: '9', handle: 'a" onmouseover="alert(1)', name: 'n', text: 't', time: 'x' }),
    );
    expect(doc.querySelector('[onmouseover]')).toBeNull();
  });

  it('a 120 kB reply is rendered whole and read up to MAX_TEXT_LENGTH', () => {
    const body = 'é'.repeat(120_000);
    const doc = parse(
      xReplyCell({ id: '4', handle: 'long', name: 'L', text: body, time: '2026-11-25T08:00:00.000Z' }),
    );
    expect(doc.querySelector('div[data-testid="tweetText"]')?.textContent).toHaveLength(120_000);
    const [comment] = xAdapter.extract(doc, { url, ownHandles: [] });
    expect(comment?.comment.text).toHaveLength(MAX_TEXT_LENGTH);
  });

  it('keeps id and time placeholders where the demo server replaces them', () => {
    const html = xReplyCell({ id: '__DEMO_ID__', handle: 'h', name: 'n', text: 't', time: '__DEMO_TIME__' });
    expect(html).toContain('href="/h/status/__DEMO_ID__"');
    expect(html).toContain('datetime="__DEMO_TIME__"');
  });

  it('X_THREAD_CONTAINER is the element holding the cells; liveScript goes at the end of body, raw', () => {
    const doc = parse(
      xConversationPage({
        uiLang: 'en',
        focal: { id: '1', handle: 'acme', name: 'Acme', text: 'Hi', time: '2026-11-25T08:00:00.000Z' },
        replies: [{ id: '2', handle: 'b', name: 'B', text: 'yo', time: '2026-11-25T08:01:00.000Z' }],
        liveScript: '<script id="live">window.live = 1;</script>',
      }),
    );
    const container = doc.querySelector(X_THREAD_CONTAINER);
    expect(container?.children).toHaveLength(2);
    expect(container?.firstElementChild?.getAttribute('data-testid')).toBe('cellInnerDiv');
    expect(doc.body.lastElementChild?.id).toBe('live');
    expect(doc.documentElement.lang).toBe('en');
  });
});

describe('Facebook markup', () => {
  const url = new URL('https://www.facebook.com/acmefrance/posts/pfbid0Demo');

  it('hostile text stays text and is read back exactly; the comment list is FACEBOOK_THREAD_CONTAINER', () => {
    const doc = parse(
      facebookPostPage({
        uiLang: 'fr',
        post: { id: 'pfbid0Demo', page: 'acmefrance', name: 'Acme', text: HOSTILE },
        comments: [
          { id: '11', postId: 'pfbid0Demo', name: HOSTILE, handle: 'evil.one', text: `${HOSTILE}\nligne 2` },
        ],
        liveScript: '<script id="live"></script>',
      }),
    );
    expect(doc.querySelector('img[src="x"]')).toBeNull();
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    const list = doc.querySelector(FACEBOOK_THREAD_CONTAINER);
    expect(list?.tagName).toBe('UL');
    expect(list?.children).toHaveLength(1);
    const comments = facebookAdapter.extract(doc, { url, ownHandles: [] }).map((e) => e.comment);
    expect(comments).toEqual([
      {
        platform: 'facebook',
        id: '11',
        threadKey: 'pfbid0Demo',
        authorHandle: 'evil.one',
        authorName: HOSTILE,
        text: `${HOSTILE}\nligne 2`,
        createdAt: null,
        createdAtPrecision: null,
        permalink: 'https://www.facebook.com/acmefrance/posts/pfbid0Demo?comment_id=11',
        isReply: false,
        isOwn: false,
      },
    ]);
  });

  it('a comment built without a Page name links to permalink.php and still keys to the post', () => {
    const doc = parse(
      `<div role="article" aria-posinset="1"><ul>${facebookComment({ id: '21', postId: '777', name: 'A', handle: '100012345', text: 'x' })}</ul></div>`,
    );
    const [c] = facebookAdapter.extract(doc, { url, ownHandles: ['100012345'] });
    expect(c?.comment).toMatchObject({
      id: '21',
      threadKey: '777',
      authorHandle: '100012345',
      isOwn: true,
      permalink: 'https://www.facebook.com/permalink.php?story_fbid=777&id=100064000000000&comment_id=21',
    });
  });
});
