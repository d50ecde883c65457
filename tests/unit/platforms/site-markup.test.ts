// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyTable } from '../../../src/content/key-table';
import { facebookAdapter } from '../../../src/content/platforms/facebook';
import type { AdapterContext } from '../../../src/content/platforms/types';
import { xAdapter } from '../../../src/content/platforms/x';
import { MAX_TEXT_LENGTH } from '../../../src/shared/comment';
import { FIXTURES } from '../../support/fake-site/pages';
import {
  escapeHtml,
  type FacebookPost,
  facebookComment,
  facebookCommentList,
  facebookPage,
  X_THREAD_CONTAINER,
  xConversationPage,
  xConversationRows,
  xReplyCell,
} from '../../support/fake-site/site-markup';

const HOSTILE = `<img src=x onerror="alert(1)"><script>alert('x')</script> & </div></article>`;

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function context(url: string, ownHandles: readonly string[] = []): AdapterContext {
  return { url: new URL(url), ownHandles, now: Date.now(), memory: createKeyTable() };
}

describe('the fixtures', () => {
  const ROOT = join(process.cwd(), 'tests/fixtures');

  it.each(FIXTURES.map((fixture) => [fixture.file, fixture]))(
    '%s is what its description in pages.ts gives (`npm run fixtures` rewrites it)',
    (file, fixture) => {
      expect(readFileSync(join(ROOT, file), 'utf8')).toBe(fixture.html);
    },
  );

  it('are all described: no saved page is kept in sync by hand', () => {
    const files = ['x', 'facebook'].flatMap((site) =>
      readdirSync(join(ROOT, site))
        .filter((name) => name.endsWith('.html'))
        .map((name) => `${site}/${name}`),
    );
    expect(files.sort()).toEqual(FIXTURES.map((fixture) => fixture.file).sort());
  });

  it('each names where its structure comes from and when', () => {
    for (const fixture of FIXTURES) {
      expect(fixture.html.split('\n')[0]).toBe(`<!-- saved from url=${fixture.url} -->`);
      expect(fixture.html).toMatch(/Structure from .*\(.*20\d\d-\d\d-\d\d\)/);
    }
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});

describe('X markup', () => {
  const url = 'https://x.com/acme_fr/status/1';
  /** A row alone has no focal post to place it by: read where X lists rows without one. */
  const timeline = 'https://x.com/notifications';
  const focal = {
    id: '1',
    handle: 'acme_fr',
    name: 'Acme',
    text: 'Bonjour',
    time: '2026-11-25T08:00:00.000Z',
  };

  it('hostile text and names stay text, and the adapter reads them back exactly', () => {
    const doc = parse(
      xConversationPage({
        uiLang: 'fr',
        focal,
        replies: [
          {
            post: {
              id: '2',
              handle: 'evil_1',
              name: HOSTILE,
              text: HOSTILE,
              time: '2026-11-25T08:01:00.000Z',
            },
          },
          {
            post: {
              id: '3',
              handle: 'emoji_fan',
              name: 'Fan 🎉',
              text: 'Top 😂👍🏽',
              time: '2026-11-25T08:02:00.000Z',
            },
          },
        ],
      }),
    );
    expect(doc.querySelector('img[src="x"], script')).toBeNull();
    const comments = xAdapter.extract(doc, context(url)).map((e) => e.comment);
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

  it('reads a reply row built the way the fake site builds them (placeholders filled)', () => {
    const html = xReplyCell(
      {
        id: '__DEMO_ID__',
        handle: 'nadia.k',
        name: 'Nadia K',
        text: 'Salut',
        time: '__DEMO_TIME__',
        lang: 'fr',
      },
      'fr',
    )
      .replaceAll('__DEMO_ID__', '1790000000000000007')
      .replaceAll('__DEMO_TIME__', '2026-11-25T08:00:00.000Z');
    const [c] = xAdapter.extract(parse(html), context(timeline));
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
      xReplyCell({ id: '9', handle: 'a" onmouseover="alert(1)', name: 'n', text: 't', time: 'x' }, 'en'),
    );
    expect(doc.querySelector('[onmouseover]')).toBeNull();
  });

  it('a 120 kB reply is rendered whole and read up to MAX_TEXT_LENGTH', () => {
    const body = 'é'.repeat(120_000);
    const doc = parse(
      xReplyCell({ id: '4', handle: 'long', name: 'L', text: body, time: '2026-11-25T08:00:00.000Z' }, 'fr'),
    );
    expect(doc.querySelector('div[data-testid="tweetText"]')?.textContent).toHaveLength(120_000);
    const [comment] = xAdapter.extract(doc, context(timeline));
    expect(comment?.comment.text).toHaveLength(MAX_TEXT_LENGTH);
  });

  it('X_THREAD_CONTAINER holds every row; live replies go before the rows that follow the last reply', () => {
    const conversation = {
      uiLang: 'en' as const,
      context: [{ ...focal, id: '0', text: 'Thread' }],
      focal,
      replies: [
        { post: { id: '2', handle: 'b', name: 'B', text: 'yo', time: '2026-11-25T08:01:00.000Z' } },
        { hidden: 'more' as const },
        { post: { id: '3', handle: 'c', name: 'C', text: 'hey', time: '2026-11-25T08:02:00.000Z' } },
        { hidden: 'spam' as const },
        { hidden: 'offensive' as const },
      ],
      moreFromAuthor: [{ ...focal, id: '-1' }],
      discoverMore: [{ ...focal, id: '-2', handle: 'elsewhere' }],
    };
    const { before, replies, after } = xConversationRows(conversation);
    // The thread and the focal post; three replies and the button between them; two buttons, then
    // heading, post and "See more", heading and post.
    expect([before.length, replies.length, after.length]).toEqual([2, 3, 7]);
    const doc = parse(xConversationPage(conversation, '<script id="live">window.live = 1;</script>'));
    expect(doc.querySelector(X_THREAD_CONTAINER)?.children).toHaveLength(12);
    expect(doc.body.lastElementChild?.id).toBe('live');
    expect(doc.documentElement.lang).toBe('en');
  });
});

describe('Facebook markup', () => {
  const post: FacebookPost = {
    id: 'pfbid0Demo',
    fbid: '900000000000000001',
    page: { name: 'Acme', profile: 'acmefrance' },
    text: HOSTILE,
    written: { ago: 2, unit: 'hour' },
    comments: [
      {
        id: '11',
        author: { name: HOSTILE, profile: 'evil.one' },
        text: `${HOSTILE}\nligne 2`,
        written: 'now',
      },
    ],
  };

  it("hostile text stays text and is read back exactly; the dialog's comment list is the one to add to", () => {
    const page = { uiLang: 'fr' as const, feed: [], dialog: post };
    const doc = parse(facebookPage(page, '<script id="live"></script>'));
    expect(doc.querySelector('img[src="x"]')).toBeNull();
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelector(facebookCommentList(page))?.children).toHaveLength(1);
    const comments = facebookAdapter
      .extract(doc, context('https://www.facebook.com/acmefrance/posts/pfbid0Demo'))
      .map((e) => e.comment);
    expect(comments).toMatchObject([
      {
        id: '11',
        threadKey: 'pfbid0Demo',
        authorHandle: 'evil.one',
        authorName: HOSTILE,
        text: `${HOSTILE}\nligne 2`,
        createdAtPrecision: 'minute',
        permalink: 'https://www.facebook.com/acmefrance/posts/pfbid0Demo?comment_id=11',
        isReply: false,
      },
    ]);
  });

  it('a comment of a Page known by its number links to permalink.php and still keys to the post', () => {
    const numeric = { ...post, id: '777', page: { name: 'Acme', profile: '61550000000009' } };
    const html = `<div role="article" aria-posinset="1">${facebookComment(
      { id: '21', author: { name: 'A', profile: '100012345' }, text: 'x', written: { ago: 3, unit: 'day' } },
      numeric,
      'en',
    )}</div>`;
    const [c] = facebookAdapter.extract(
      parse(html),
      context('https://www.facebook.com/profile.php?id=61550000000009', ['100012345']),
    );
    expect(c?.comment).toMatchObject({
      id: '21',
      threadKey: '777',
      authorHandle: '100012345',
      isOwn: true,
      createdAtPrecision: 'day',
      permalink: 'https://www.facebook.com/permalink.php?story_fbid=777&id=61550000000009&comment_id=21',
    });
  });
});
