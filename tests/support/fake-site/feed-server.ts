/**
 * The local "x.com" and "www.facebook.com": an HTTPS server (certificate made at run time) that serves an
 * X conversation and a Facebook Page post whose replies arrive live, in the sites' 2025–2026 markup: the
 * pages are the fixtures' own descriptions (pages.ts) with no reply yet. Used by `npm run demo`, the
 * browser tests and the benchmarks.
 *
 * The fixtures' own pages are served as they are at their own addresses (tests/fixtures/README.md lists
 * them), so the browser tests read in Chromium and Firefox exactly what the unit tests read in jsdom.
 *
 * Live pages take query parameters: `live=0` (no automatic replies: the caller drives `window.demoFeed`),
 * `every=MIN-MAX` (ms between replies, default 1000-3000), `ui=fr|en`, and `layout=changed` (the markup
 * the adapters rely on is renamed, as when the site ships a redesign).
 */

import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'vite';
import type { FeedText } from './feed-pool';
import { OTHER_HOST, SITE_HOSTS } from './hosts';
import {
  CONFIG_ELEMENT_ID,
  ID_PLACEHOLDER,
  type LiveFeedConfig,
  THREAD_PLACEHOLDER,
  TIME_PLACEHOLDER,
} from './live-feed-api';
import { FIXTURES, liveFacebookPage, liveXConversation } from './pages';
import {
  type FacebookPost,
  facebookComment,
  facebookCommentList,
  facebookPage,
  type UiLang,
  X_THREAD_CONTAINER,
  xConversationPage,
  xConversationRows,
  xReplyCell,
} from './site-markup';
import { makeCertificate } from './tls';

export interface FeedServer {
  port: number;
  close(): Promise<void>;
}

/** Generated reply ids count up from a base of their own for each thread, so threads never share ids. */
const ID_BASE = 1_790_000_000_000_000_000n;

function threadIdBase(pathname: string): bigint {
  let hash = 0;
  for (const char of pathname) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 1_000_000;
  return ID_BASE + BigInt(hash) * 1_000_000n;
}

const AUTHORS = [
  ['camille_r', 'Camille R.'],
  ['jb_martin', 'Jean-Baptiste Martin'],
  ['nadia_k', 'Nadia K'],
  ['tom_lefevre', 'Tom Lefèvre'],
  ['sam_o', 'Sam O.'],
  ['lea_dupont', 'Léa Dupont'],
  ['mike_j', 'Mike J'],
  ['ines_b', 'Inès B.'],
] as const;

function author(index: number, entry: FeedText): { handle: string; name: string } {
  const [handle, name] = AUTHORS[index % AUTHORS.length] as readonly [string, string];
  return { handle, name: entry.name ?? name };
}

/**
 * The real sites style their atomic class names from big stylesheets; these few rules stand in for
 * them so the demo reads like the real thing (layout only, the markup is untouched).
 */
const X_STYLE = `<style>
body { margin: 0; font: 15px/1.35 system-ui, sans-serif; color: #0f1419; background: #fff; }
h1, h2 { font-size: 20px; margin: 0; padding: 12px 16px; }
.css-175oi2r { display: flex; flex-direction: column; min-width: 0; box-sizing: border-box; }
.r-18u37iz { flex-direction: row; } .r-1wtj0ep { justify-content: space-between; } .r-16y2uox { flex-grow: 1; }
.r-1awozwy { align-items: center; }
section[role="region"] { max-width: 600px; margin: 0 auto; border-inline: 1px solid #eff3f4; }
[data-testid="cellInnerDiv"] { position: static !important; transform: none !important; border-bottom: 1px solid #eff3f4; }
article[data-testid="tweet"] { padding: 12px 16px; }
[data-testid="Tweet-User-Avatar"] { margin-inline-end: 10px; }
[data-testid="Tweet-User-Avatar"] img { width: 40px; height: 40px; border-radius: 50%; }
[data-testid="User-Name"] { flex-direction: row; gap: 4px; align-items: center; flex-wrap: wrap; }
[data-testid="User-Name"] a { color: inherit; text-decoration: none; }
[data-testid="User-Name"] a[href*="/status/"], time { color: #536471; }
[data-testid="tweetText"] { display: block; white-space: pre-wrap; overflow-wrap: anywhere; margin-top: 2px; }
img[src*="/emoji/"] { width: 1.2em; height: 1.2em; vertical-align: -0.2em; }
[role="group"] { flex-direction: row; gap: 48px; margin-top: 8px; }
[role="group"] button { width: 18px; height: 18px; border: 0; background: #cfd9de; border-radius: 50%; }
[data-testid="tweetPhoto"] img { width: 100%; max-height: 200px; object-fit: cover; border-radius: 12px; }
div[role="dialog"][aria-modal="true"] { position: fixed; inset: 10% 0 auto; max-width: 560px; margin: 0 auto; padding: 16px;
  background: #fff; border-radius: 16px; box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.4); }
[role="textbox"] { min-height: 48px; margin: 8px 0; font-size: 20px; }
</style>`;

const FACEBOOK_STYLE = `<style>
body { margin: 0; font: 15px/1.35 system-ui, sans-serif; color: #050505; background: #f0f2f5; }
div[role="article"][aria-posinset] { max-width: 680px; margin: 16px auto; background: #fff; border-radius: 8px;
  padding: 12px 16px; box-shadow: 0 1px 2px rgb(0 0 0 / 0.2); }
div[role="dialog"] { position: fixed; inset: 24px 0 0; overflow-y: auto; background: rgb(244 244 244 / 0.85); }
div[role="dialog"] > div:first-child { max-width: 680px; margin: 0 auto; font-weight: 700; text-align: center; }
div[role="article"]:not([aria-posinset]) { display: flex; gap: 8px; margin: 8px 0; }
div[role="article"]:not([aria-posinset]) svg { flex: none; border-radius: 50%; background: #b9c2ca; }
div[role="article"]:not([aria-posinset]) div[dir="auto"] { white-space: pre-wrap; overflow-wrap: anywhere; }
div[role="article"]:not([aria-posinset]) > div > div:last-child { display: flex; gap: 12px; font-size: 12px; color: #65676b; }
a { color: #050505; font-weight: 600; text-decoration: none; }
div[role="button"] { cursor: pointer; }
img[src*="/emoji"] { width: 1.1em; height: 1.1em; vertical-align: -0.2em; }
[role="textbox"] { background: #f0f2f5; border-radius: 18px; min-height: 34px; margin-top: 8px; }
</style>`;

/**
 * The page script (`live-feed.ts`), bundled for the page by vite's own bundler: once per process, with no
 * config file (the project's config builds the extension, not this).
 */
let liveFeedBundle: Promise<string> | undefined;

function bundleLiveFeed(): Promise<string> {
  liveFeedBundle ??= build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: join(import.meta.dirname, 'live-feed.ts'), formats: ['iife'], name: 'liveFeed' },
    },
  }).then((result) => {
    const chunk = [result]
      .flat()
      .flatMap((built) => ('output' in built ? built.output : []))
      .find((file) => file.type === 'chunk');
    if (!chunk) throw new Error('Bundling the live feed produced no script');
    return chunk.code;
  });
  return liveFeedBundle;
}

/** The page's configuration and its script; `liveFeed` is the bundled page script. */
function liveFeedScripts(
  url: URL,
  liveFeed: string,
  feed: Pick<LiveFeedConfig, 'platform' | 'container' | 'trailingRows' | 'threadRows' | 'templates'>,
): string {
  const [minMs, maxMs] = (url.searchParams.get('every') ?? '1000-3000').split('-').map(Number);
  const config: LiveFeedConfig = {
    ...feed,
    live: url.searchParams.get('live') !== '0',
    minMs: minMs || 1000,
    maxMs: maxMs || 3000,
    idBase: String(threadIdBase(url.pathname)),
  };
  // JSON inside <script> must not be able to close the tag.
  const json = JSON.stringify(config).replaceAll('<', '\\u003c');
  return `<script type="application/json" id="${CONFIG_ELEMENT_ID}">${json}</script><script>${liveFeed}</script>`;
}

const uiLangOf = (url: URL): UiLang => (url.searchParams.get('ui') === 'en' ? 'en' : 'fr');

function xPage(url: URL, pool: readonly FeedText[], liveFeed: string): string | null {
  // The home timeline shows posts in the same markup: the extension must leave them alone.
  const match =
    url.pathname.match(/^\/([A-Za-z0-9_]+)\/status\/(\d+)/) ??
    (url.pathname === '/home' ? ['/home', 'acme_fr', '1790000000000000000'] : null);
  if (!match) return null;
  const [, brand = 'brand', statusId = '1'] = match;
  const uiLang = uiLangOf(url);
  const templates = pool.map((entry, i) =>
    xReplyCell(
      { id: ID_PLACEHOLDER, ...author(i, entry), text: entry.text, time: TIME_PLACEHOLDER, lang: entry.lang },
      uiLang,
    ),
  );
  // What a single-page navigation to another conversation shows: its own focal post and sections.
  const next = xConversationRows(liveXConversation(uiLang, brand, THREAD_PLACEHOLDER));
  return xConversationPage(
    liveXConversation(uiLang, brand, statusId),
    X_STYLE +
      liveFeedScripts(url, liveFeed, {
        platform: 'x',
        container: X_THREAD_CONTAINER,
        trailingRows: next.after.length,
        threadRows: [...next.before, ...next.after].join(''),
        templates,
      }),
  );
}

function facebookPostPage(url: URL, pool: readonly FeedText[], liveFeed: string): string | null {
  const match = url.pathname.match(/^\/([A-Za-z0-9.]+)\/posts\/(\w+)/);
  if (!match) return null;
  const [, pageName = 'page', postId = '1'] = match;
  const uiLang = uiLangOf(url);
  const page = liveFacebookPage(uiLang, pageName, postId);
  const post = page.dialog as FacebookPost;
  const templates = pool.map((entry, i) => {
    const { handle, name } = author(i, entry);
    return facebookComment(
      { id: ID_PLACEHOLDER, author: { name, profile: handle }, text: entry.text, written: 'now' },
      post,
      uiLang,
    );
  });
  return facebookPage(
    page,
    FACEBOOK_STYLE +
      liveFeedScripts(url, liveFeed, {
        platform: 'facebook',
        container: facebookCommentList(page),
        trailingRows: 0,
        threadRows: '',
        templates,
      }),
  );
}

/**
 * What a redesign could do: posts still render, but X's under other links and test ids, and Facebook's
 * comments without their wrappers' ids, their labels and the ids in their links.
 */
function redesign(html: string, site: 'x' | 'facebook'): string {
  if (site === 'x') {
    return html
      .replaceAll('/status/', '/post/')
      .replaceAll('data-testid="tweetText"', 'data-testid="postBody"');
  }
  return html
    .replaceAll('comment_id=', 'cid=')
    .replaceAll('data-commentid', 'data-cid')
    .replace(/(Comment by|Commentaire de|Reply by|Réponse de) /g, '');
}

/** The sites' CDNs that the real markup points at, served from here so the pages never leave the machine. */
const CDN_URL =
  /https:\/\/(abs-0\.twimg\.com|pbs\.twimg\.com|scontent\.xx\.fbcdn\.net|static\.xx\.fbcdn\.net)\//g;

function localiseCdn(html: string): string {
  return html.replace(CDN_URL, '/__cdn/$1/');
}

/** Emoji images become the emoji itself (their file name is the code points); anything else a grey disc. */
function cdnImage(pathname: string): string {
  const codepoints = pathname.match(/\/emoji\/.*?([0-9a-f]{4,6}(?:-[0-9a-f]{4,6})*)\.(?:svg|png)$/);
  const glyph = codepoints?.[1]
    ?.split('-')
    .map((hex) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .join('');
  const content = glyph
    ? `<text x="50%" y="55%" font-size="56" text-anchor="middle" dominant-baseline="middle">${glyph}</text>`
    : '<circle cx="36" cy="36" r="36" fill="#b9c2ca"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72" width="72" height="72">${content}</svg>`;
}

/** `port` 0 (the default) takes a free one: the server says which, so parallel runs never collide. */
export async function startFeedServer(options: {
  port?: number;
  pool: readonly FeedText[];
}): Promise<FeedServer> {
  const { key, cert } = makeCertificate([...SITE_HOSTS, OTHER_HOST]);
  const liveFeed = await bundleLiveFeed();
  const server: Server = createServer({ key, cert }, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(request.url ?? '/', `https://${host}`);
    if (url.pathname.startsWith('/__cdn/')) {
      response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
      response.end(cdnImage(url.pathname));
      return;
    }
    const fixture = FIXTURES.find((saved) => saved.url === `https://${host}${url.pathname}${url.search}`);
    if (fixture) {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(localiseCdn(fixture.html));
      return;
    }
    const site = host === 'www.facebook.com' || host === 'web.facebook.com' ? 'facebook' : 'x';
    const body =
      site === 'facebook'
        ? facebookPostPage(url, options.pool, liveFeed)
        : xPage(url, options.pool, liveFeed);
    if (body === null) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(localiseCdn(url.searchParams.get('layout') === 'changed' ? redesign(body, site) : body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
