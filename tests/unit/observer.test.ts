// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type CommentObserver,
  defaultScheduler,
  observeComments,
  type SeenComment,
} from '../../src/content/observer';
import { pageAddress } from '../../src/content/page-address';
import { facebookAdapter } from '../../src/content/platforms/facebook';
import type { AdapterContext, PlatformAdapter } from '../../src/content/platforms/types';
import { xAdapter } from '../../src/content/platforms/x';
import {
  type FacebookPage,
  type FacebookPost,
  facebookComment,
  facebookCommentList,
  facebookPage,
  X_THREAD_CONTAINER,
  type XPost,
  xConversationPage,
  xReplyCell,
  xReplyDialog,
  xTweetArticle,
} from '../support/fake-site/site-markup';

const X_URL = new URL('https://x.com/acme_fr/status/100');
const FOCAL: XPost = {
  id: '100',
  handle: 'acme_fr',
  name: 'Acme France',
  text: 'Nouveautés',
  time: '2026-11-25T08:00:00.000Z',
};

function reply(n: number, text = `Réponse numéro ${n}`): XPost {
  return {
    id: String(1000 + n),
    handle: `user_${n}`,
    name: `User ${n}`,
    text,
    time: `2026-11-25T08:${String(n).padStart(2, '0')}:00.000Z`,
    lang: 'fr',
  };
}

function fragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

function element(html: string): HTMLElement {
  return fragment(html).firstElementChild as HTMLElement;
}

function showPage(html: string): void {
  document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
}

/** A scheduler the test runs by hand: flushes happen only when `flush()` is called. */
function manualScheduler() {
  let pending: (() => void) | null = null;
  let scheduled = 0;
  return {
    schedule: (fn: () => void) => {
      scheduled++;
      pending = fn;
      return () => {
        pending = null;
      };
    },
    get pending() {
      return pending !== null;
    },
    get scheduled() {
      return scheduled;
    },
    /** Lets MutationObserver callbacks (microtasks) run, then runs the pending flush if any. */
    async flush() {
      await Promise.resolve();
      await Promise.resolve();
      const run = pending;
      pending = null;
      run?.();
    },
  };
}

interface Harness {
  batches: SeenComment[][];
  navigations: URL[];
  scheduler: ReturnType<typeof manualScheduler>;
  observer: CommentObserver;
  /** Aborting it stops the observer. */
  teardown: AbortController;
  /** The id of every report so far. */
  reports(): string[];
  /** The ids of the reports since the last call. */
  next(): string[];
}

/** The running observer's teardown, aborted after each test. */
let active: AbortController | null = null;

type SiteContext = Omit<AdapterContext, 'memory'>;

function observe(adapter: PlatformAdapter, context: () => SiteContext, wrap?: PlatformAdapter): Harness {
  const batches: SeenComment[][] = [];
  const navigations: URL[] = [];
  const scheduler = manualScheduler();
  let read = 0;
  const teardown = new AbortController();
  const observer = observeComments({
    adapter: wrap ?? adapter,
    getContext: context,
    onComments: (batch) => batches.push(batch),
    onNavigate: (url) => navigations.push(url),
    schedule: scheduler.schedule,
    signal: teardown.signal,
  });
  active = teardown;
  const all = () => batches.flat().map((s) => s.comment.id);
  return {
    batches,
    navigations,
    scheduler,
    observer,
    teardown,
    reports: all,
    next() {
      const everything = all();
      const fresh = everything.slice(read);
      read = everything.length;
      return fresh;
    },
  };
}

const NOW = Date.UTC(2026, 10, 25, 12);
const xContext = (): SiteContext => ({ url: X_URL, ownHandles: ['acme_fr'], now: NOW });
/** The context the content script gives: the page's address follows the tab's, on x.com. */
function tabContext(): () => SiteContext {
  const page = pageAddress(xAdapter, () => `https://x.com${location.pathname}`);
  return () => ({ ...xContext(), url: page() });
}
const replyRow = (post: XPost) => xReplyCell(post, 'fr');

function xThread(): HTMLElement {
  return document.querySelector(X_THREAD_CONTAINER) as HTMLElement;
}

beforeEach(() => {
  history.replaceState(null, '', '/acme_fr/status/100');
  showPage(
    xConversationPage({
      uiLang: 'fr',
      focal: FOCAL,
      replies: [{ post: reply(1) }, { post: reply(2) }],
    }),
  );
});

afterEach(() => {
  active?.abort();
  active = null;
  vi.useRealTimers();
});

describe('observeComments on X', () => {
  it('reports what the page already shows, in document order', async () => {
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    expect(h.next()).toEqual(['100', '1001', '1002']);
    expect(h.batches[0]?.[0]?.comment.isReply).toBe(false);
    expect(h.batches[0]?.[0]?.comment.isOwn).toBe(true);
    expect(h.batches[0]?.[1]?.element.isConnected).toBe(true);
  });

  it('reports appended replies once, batched per flush, and never again while unchanged', async () => {
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    h.next();
    xThread().append(fragment(replyRow(reply(3)) + replyRow(reply(4))));
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1003', '1004']);
    expect(h.batches).toHaveLength(2);

    // Unrelated changes (a like counter) and explicit rescans: nothing new to report.
    const likes = xThread().querySelector('[data-testid="like"]') as HTMLElement;
    for (let i = 0; i < 3; i++) {
      likes.append(document.createTextNode(String(i)));
      await h.scheduler.flush();
      h.observer.rescan();
      await h.scheduler.flush();
    }
    expect(h.next()).toEqual([]);
    expect(h.batches).toHaveLength(2);
  });

  it('reports rows added in any order in document order', async () => {
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    h.next();
    const last = element(replyRow(reply(6)));
    xThread().append(last);
    xThread().insertBefore(element(replyRow(reply(5))), last);
    // Right under the focal post, above the replies already there.
    xThread().insertBefore(element(replyRow(reply(3))), xThread().children[1] ?? null);
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1003', '1005', '1006']);
  });

  it('re-rendered post (same id, new element) is reported again', async () => {
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    h.next();
    const cells = xThread().querySelectorAll('div[data-testid="cellInnerDiv"]');
    const old = cells[1] as HTMLElement;
    const oldArticle = old.querySelector('article');
    old.replaceWith(element(replyRow(reply(1))));
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1001']);
    const seen = h.batches.at(-1)?.[0];
    expect(seen?.element).not.toBe(oldArticle);
    expect(seen?.element.isConnected).toBe(true);
  });

  it('scrolled out and back in (removed, then re-added later): reported again', async () => {
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    h.next();
    const cell = xThread().querySelectorAll('div[data-testid="cellInnerDiv"]')[2] as HTMLElement;
    cell.remove();
    await h.scheduler.flush();
    expect(h.next()).toEqual([]);
    xThread().append(element(replyRow(reply(2))));
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1002']);
  });

  it('a recycled node (same element, another post) is re-read under the new id', async () => {
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    h.next();
    const article = xThread().querySelectorAll('article')[1] as HTMLElement;
    // X keeps the article and swaps its content.
    article.replaceChildren(...element(xTweetArticle(reply(7, 'Tout autre chose'), 'fr')).childNodes);
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1007']);
    const seen = h.batches.at(-1)?.[0];
    expect(seen?.element).toBe(article);
    expect(seen?.comment).toMatchObject({ authorHandle: '@user_7', text: 'Tout autre chose' });

    // And back to the first post: already seen in this session.
    article.replaceChildren(...element(xTweetArticle(reply(1), 'fr')).childNodes);
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1001']);
  });

  it('a recycled node whose only change is the status link (same text) is re-read', async () => {
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    h.next();
    const article = xThread().querySelectorAll('article')[2] as HTMLElement;
    const link = article.querySelector('a[href*="/status/"]') as HTMLElement;
    link.setAttribute('href', '/user_2/status/1099');
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1099']);
  });

  it('text that grows (expanded) is reported again with the new text', async () => {
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    h.next();
    const span = xThread().querySelectorAll('div[data-testid="tweetText"] span')[1] as HTMLElement;
    (span.firstChild as Text).data += ' et la suite du texte';
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1001']);
    expect(h.batches.at(-1)?.[0]?.comment.text).toBe('Réponse numéro 1 et la suite du texte');
  });

  it('only re-reads the changed subtree, not the whole document', async () => {
    const extract = vi.fn(xAdapter.extract);
    const h = observe(xAdapter, xContext, { ...xAdapter, extract });
    await h.scheduler.flush();
    expect(extract).toHaveBeenCalledTimes(1);
    expect(extract.mock.calls[0]?.[0]).toBe(document);
    const span = xThread().querySelectorAll('div[data-testid="tweetText"] span')[1] as HTMLElement;
    (span.firstChild as Text).data += '!';
    xThread().append(element(replyRow(reply(5))));
    await h.scheduler.flush();
    const roots = extract.mock.calls.slice(1).map((call) => call[0] as Element);
    expect(roots).toHaveLength(2);
    expect(roots.every((root) => root !== (document as unknown))).toBe(true);
    expect(roots.map((root) => root.getAttribute('data-testid')).sort()).toEqual(['cellInnerDiv', 'tweet']);
    expect(h.next()).toEqual(['100', '1001', '1002', '1001', '1005']);
  });

  it('SPA navigation (history.pushState) calls onNavigate and resets per-page state, not the seen ids', async () => {
    let url = X_URL;
    const h = observe(xAdapter, () => ({ url, ownHandles: [], now: NOW }));
    await h.scheduler.flush();
    h.next();

    history.pushState(null, '', '/acme_fr/status/200');
    url = new URL('https://x.com/acme_fr/status/200');
    showPage(
      xConversationPage({
        uiLang: 'en',
        focal: {
          id: '200',
          handle: 'acme_fr',
          name: 'Acme France',
          text: 'Autre post',
          time: '2026-11-25T09:00:00.000Z',
        },
        replies: [{ post: reply(1) }, { post: reply(9) }],
      }),
    );
    await h.scheduler.flush();
    expect(h.navigations.map((u) => u.pathname)).toEqual(['/acme_fr/status/200']);
    expect(h.next()).toEqual(['200', '1001', '1009']);
    expect(h.batches.at(-1)?.every((s) => s.comment.threadKey === '200')).toBe(true);

    // Same page, nothing changed: no second onNavigate.
    h.observer.rescan();
    await h.scheduler.flush();
    expect(h.navigations).toHaveLength(1);

    // What the adapter learned of a page is not carried to the next: there, a row that was a reply here,
    // alone in a window with no landmark, is not taken for a reply on the strength of the last page.
    history.pushState(null, '', '/acme_fr/status/300');
    url = new URL('https://x.com/acme_fr/status/300');
    xThread().replaceChildren(element(replyRow(reply(9))));
    await h.scheduler.flush();
    expect(h.navigations).toHaveLength(2);
    expect(h.next()).toEqual([]);
  });

  it('reads nothing on a page the adapter does not handle, and starts when the CM navigates to one', async () => {
    history.replaceState(null, '', '/home');
    let url = new URL('https://x.com/home');
    const extract = vi.fn(xAdapter.extract);
    const h = observe(xAdapter, () => ({ url, ownHandles: [], now: NOW }), { ...xAdapter, extract });
    await h.scheduler.flush();
    xThread().append(element(replyRow(reply(5))));
    await h.scheduler.flush();
    expect(extract).not.toHaveBeenCalled();
    expect(h.reports()).toEqual([]);

    history.pushState(null, '', '/acme_fr/status/100');
    url = X_URL;
    document.body.append(document.createElement('div')); // the site renders the thread
    await h.scheduler.flush();
    expect(h.navigations.map((u) => u.pathname)).toEqual(['/acme_fr/status/100']);
    expect(h.next()).toEqual(['100', '1001', '1002', '1005']);

    // Back to the home feed: its posts are not the CM's incoming replies.
    history.pushState(null, '', '/home');
    url = new URL('https://x.com/home');
    xThread().append(element(replyRow(reply(6))));
    await h.scheduler.flush();
    expect(h.next()).toEqual([]);
  });

  it("does not re-read anything when the extension's own node is added, known by identity only", async () => {
    const extract = vi.fn(xAdapter.extract);
    const own = new WeakSet<Node>();
    const batches: SeenComment[][] = [];
    const scheduler = manualScheduler();
    active = new AbortController();
    observeComments({
      adapter: { ...xAdapter, extract },
      getContext: xContext,
      onComments: (batch) => batches.push(batch),
      schedule: scheduler.schedule,
      isOwnNode: (node) => own.has(node),
      signal: active.signal,
    });
    await scheduler.flush();
    const overlay = document.createElement('div');
    own.add(overlay);
    document.documentElement.prepend(overlay);
    await scheduler.flush();
    overlay.remove();
    await scheduler.flush();
    expect(extract).toHaveBeenCalledTimes(1);
    // A page's own reply is read, whatever attributes the page puts on it (the old badge marker too).
    const hidden = element(replyRow(reply(5)));
    hidden.setAttribute('data-desaffect-badge', 'x:1005');
    xThread().append(hidden);
    await scheduler.flush();
    expect(extract).toHaveBeenCalledTimes(2);
    expect(batches.flat().map((seen) => seen.comment.id)).toEqual(['100', '1001', '1002', '1005']);
  });

  it('navigation elements kept across pages are reported again for the new page', async () => {
    const h = observe(xAdapter, tabContext());
    await h.scheduler.flush();
    h.next();
    history.pushState(null, '', '/notifications');
    document.body.append(document.createElement('div')); // any DOM change schedules a flush
    await h.scheduler.flush();
    expect(h.navigations).toHaveLength(1);
    expect(h.next()).toEqual(['100', '1001', '1002']);
  });

  it('popstate (back button) schedules a flush by itself', async () => {
    const h = observe(xAdapter, tabContext());
    await h.scheduler.flush();
    history.pushState(null, '', '/acme_fr/status/300');
    await Promise.resolve();
    expect(h.scheduler.pending).toBe(false);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(h.scheduler.pending).toBe(true);
    await h.scheduler.flush();
    expect(h.navigations.map((u) => u.pathname)).toEqual(['/acme_fr/status/300']);
  });

  it('X’s reply dialog at /compose/post is over the page: what was read stays, and reading goes on', async () => {
    const h = observe(xAdapter, tabContext());
    await h.scheduler.flush();
    expect(h.next()).toEqual(['100', '1001', '1002']);
    // X opens the dialog for a reply and moves the address to /compose/post.
    history.pushState(null, '', '/compose/post');
    const answered = reply(1);
    document.body.append(fragment(xReplyDialog(answered, 'fr')));
    await h.scheduler.flush();
    // A reply that arrives under the dialog is read, in the thread under it; nothing else is read again.
    xThread().append(element(replyRow(reply(5))));
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1005']);
    expect(h.batches.at(-1)?.[0]?.comment.threadKey).toBe('100');
    // Closed: back to the thread's address, still the same page.
    document.querySelector('div[role="dialog"]')?.remove();
    history.back();
    await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    await h.scheduler.flush();
    expect(location.pathname).toBe('/acme_fr/status/100');
    xThread().append(element(replyRow(reply(6))));
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1006']);
    expect(h.navigations).toEqual([]);
  });

  it('aborting its signal disconnects it, cancels the pending flush and ignores popstate', async () => {
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    h.next();
    xThread().append(element(replyRow(reply(6))));
    await Promise.resolve();
    expect(h.scheduler.pending).toBe(true);
    h.teardown.abort();
    expect(h.scheduler.pending).toBe(false);
    xThread().append(element(replyRow(reply(8))));
    window.dispatchEvent(new PopStateEvent('popstate'));
    h.observer.rescan();
    await h.scheduler.flush();
    expect(h.next()).toEqual([]);
    expect(h.scheduler.scheduled).toBe(2);
  });

  it('batches many mutations into one flush', async () => {
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    const before = h.scheduler.scheduled;
    for (let n = 10; n < 40; n++) xThread().append(element(replyRow(reply(n))));
    await h.scheduler.flush();
    expect(h.scheduler.scheduled).toBe(before + 1);
    expect(h.batches).toHaveLength(2);
    expect(h.batches[1]).toHaveLength(30);
  });
});

describe('observeComments on an X conversation with its sections', () => {
  const withSections = () =>
    showPage(
      xConversationPage({
        uiLang: 'fr',
        focal: FOCAL,
        replies: [{ post: reply(1) }, { post: reply(2) }, { hidden: 'spam' }],
        discoverMore: [reply(90, 'Ailleurs sur X')],
      }),
    );

  /** The conversation with its sections, read once: the focal post and its two replies. */
  async function readWithSections(): Promise<Harness> {
    withSections();
    const h = observe(xAdapter, xContext);
    await h.scheduler.flush();
    expect(h.next()).toEqual(['100', '1001', '1002']);
    return h;
  }

  it('reads new replies where X adds them, and never the posts it adds under "Découvrir plus"', async () => {
    const h = await readWithSections();
    const rows = xThread().querySelectorAll('div[data-testid="cellInnerDiv"]');
    rows[2]?.after(element(replyRow(reply(3))));
    xThread().append(element(replyRow(reply(91, 'Encore ailleurs'))));
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1003']);
  });

  it('keeps reading replies once X dropped the focal post and the first replies from the page', async () => {
    const h = await readWithSections();
    const rows = xThread().querySelectorAll('div[data-testid="cellInnerDiv"]');
    rows[0]?.remove();
    rows[1]?.remove();
    rows[2]?.after(element(replyRow(reply(4))));
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1004']);
  });

  it('re-reads a row whose emoji changed (an attribute, not a text node)', async () => {
    const h = await readWithSections();
    const article = xThread().querySelectorAll('article[data-testid="tweet"]')[1] as HTMLElement;
    article.querySelector('div[data-testid="tweetText"]')?.append(element(`<img alt="🙂">`));
    await h.scheduler.flush();
    h.next();
    article.querySelector('div[data-testid="tweetText"] img')?.setAttribute('alt', '😡');
    await h.scheduler.flush();
    expect(h.next()).toEqual(['1001']);
    expect(h.batches.at(-1)?.[0]?.comment.text).toBe('Réponse numéro 1😡');
  });
});

describe('observeComments on Facebook', () => {
  const url = new URL('https://www.facebook.com/acmefrance/posts/pfbid0Demo');
  const fbContext = (): SiteContext => ({ url, ownHandles: ['acmefrance'], now: NOW });
  const acme = { name: 'Acme France', profile: 'acmefrance' };
  const post: FacebookPost = {
    id: 'pfbid0Demo',
    fbid: '900000000000000001',
    page: acme,
    text: 'Ouvert dimanche',
    written: { ago: 2, unit: 'hour' },
    moreComments: true,
    comments: [{ id: '501', author: { name: 'Marie D', profile: 'marie.d' }, text: 'Super', written: 'now' }],
  };
  const page = (dialog: FacebookPost): FacebookPage => ({ uiLang: 'fr', feed: [], dialog });

  beforeEach(() => {
    showPage(facebookPage(page(post)));
  });

  it('reports loaded comments ("Voir plus de commentaires") and their flat replies once', async () => {
    const h = observe(facebookAdapter, fbContext);
    await h.scheduler.flush();
    expect(h.next()).toEqual(['501']);
    const list = document.querySelector(facebookCommentList(page(post))) as HTMLElement;
    list.append(
      fragment(
        facebookComment(
          {
            id: '502',
            author: { name: 'Paul', profile: 'paul.m' },
            text: 'Et les salariés ?',
            written: { ago: 3, unit: 'minute' },
            replies: [{ id: '503', author: acme, text: 'Ils sont volontaires.', written: 'now' }],
          },
          post,
          'fr',
        ),
      ),
    );
    await h.scheduler.flush();
    expect(h.next()).toEqual(['502', '503']);
    expect(h.batches.at(-1)?.map((s) => [s.comment.isReply, s.comment.isOwn])).toEqual([
      [false, false],
      [true, true],
    ]);
    h.observer.rescan();
    await h.scheduler.flush();
    expect(h.next()).toEqual([]);
  });

  it('"Voir plus" expansion reports the comment again with its full text', async () => {
    const long = {
      ...post,
      comments: [
        {
          id: '601',
          author: { name: 'Long', profile: 'long.l' },
          text: 'Début du texte…',
          seeMore: true,
          written: { ago: 1, unit: 'day' as const },
        },
      ],
    };
    showPage(facebookPage(page(long)));
    const h = observe(facebookAdapter, fbContext);
    await h.scheduler.flush();
    expect(h.batches[0]?.[0]?.comment.text).toBe('Début du texte…');
    const block = document.querySelector('div[role="article"][aria-label] div[dir="auto"]') as HTMLElement;
    block.replaceChildren(document.createTextNode('Début du texte, et toute la suite.'));
    await h.scheduler.flush();
    expect(h.next()).toEqual(['601', '601']);
    expect(h.batches.at(-1)?.[0]?.comment.text).toBe('Début du texte, et toute la suite.');
  });
});

describe('defaultScheduler', () => {
  it('falls back to a ~100 ms timer when the tab is hidden, and can be cancelled', () => {
    vi.useFakeTimers();
    const hidden = vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    try {
      const flush = vi.fn();
      defaultScheduler(flush);
      vi.advanceTimersByTime(99);
      expect(flush).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(flush).toHaveBeenCalledTimes(1);

      const cancelled = vi.fn();
      const cancel = defaultScheduler(cancelled);
      cancel();
      vi.advanceTimersByTime(1_000);
      expect(cancelled).not.toHaveBeenCalled();
    } finally {
      hidden.mockRestore();
    }
  });

  it('uses the next animation frame when visible, and runs the flush once', () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    const flush = vi.fn();
    defaultScheduler(flush);
    vi.advanceTimersToNextFrame();
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
