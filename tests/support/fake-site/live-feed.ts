/**
 * The fake site's own page script (not the extension's): the feed server bundles it and inlines it into
 * every thread page. It adds the server's pre-rendered reply templates to the thread, by itself every
 * minMs–maxMs or when the caller drives `window.demoFeed`, and notes when each reply arrived (the badge's
 * time is Desaffect's business: the page cannot see it, tests read it through DevTools). Like the sites, it
 * opens a reply box when a comment's reply control is clicked.
 */
import { facebookReplyBox, facebookReplyLabel } from './facebook-markup';
import {
  CONFIG_ELEMENT_ID,
  type DemoFeed,
  ID_PLACEHOLDER,
  type LiveFeedConfig,
  THREAD_PLACEHOLDER,
  TIME_PLACEHOLDER,
} from './live-feed-api';
import type { UiLang } from './markup-text';
import { xReplyDialog } from './x-markup';

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`The page has no ${what}`);
  return value;
}

const config = JSON.parse(
  required(document.getElementById(CONFIG_ELEMENT_ID)?.textContent, `#${CONFIG_ELEMENT_ID}`),
) as LiveFeedConfig;
const container = required(document.querySelector(config.container), config.container);

/** The element showing each reply, by reply number (null once the page let go of it). */
const cells: (Element | null)[] = [];
const indexOf = new WeakMap<Element, number>();
const insertedAt = new Map<string, number>();
let idBase = BigInt(config.idBase);
let next = 0;

const idOf = (i: number) => String(idBase + BigInt(i));

function fragment(html: string): DocumentFragment {
  const holder = document.createElement('template');
  holder.innerHTML = html;
  return holder.content;
}

function node(i: number): Element {
  const template = config.templates[i % config.templates.length] ?? '';
  const element = fragment(
    template.replaceAll(ID_PLACEHOLDER, idOf(i)).replaceAll(TIME_PLACEHOLDER, new Date().toISOString()),
  ).firstElementChild;
  if (!element) throw new Error(`Reply template ${i} is empty`);
  return element;
}

/** Adds a reply row after the last reply, before the rows that follow the replies (X's sections). */
function insertReply(cell: Element): void {
  const end = container.children[container.children.length - config.trailingRows] ?? null;
  container.insertBefore(cell, end);
}

function cellOf(i: number): Element {
  const cell = cells[i];
  if (!cell) throw new Error(`Reply ${i} is not in the page`);
  return cell;
}

function add(count: number, where: 'top' | 'bottom'): number {
  for (let k = 0; k < count; k++) {
    const i = next++;
    const cell = node(i);
    cells[i] = cell;
    indexOf.set(cell, i);
    insertedAt.set(idOf(i), performance.now());
    if (where === 'top') container.prepend(cell);
    else insertReply(cell);
  }
  return next;
}

function rerender(i: number): void {
  const fresh = node(i);
  cellOf(i).replaceWith(fresh);
  cells[i] = fresh;
}

function recycle(i: number): number {
  const j = next++;
  const element = cellOf(i);
  element.replaceChildren(...node(j).childNodes);
  cells[j] = element;
  cells[i] = null;
  insertedAt.set(idOf(j), performance.now());
  return j;
}

function restore(i: number): void {
  const cell = node(i);
  cells[i] = cell;
  insertReply(cell);
}

// The rows dropped are let go of: the heap figures would otherwise count what the fake site retains.
function keep(n: number): void {
  let row = container.firstElementChild;
  while (row && container.children.length > n) {
    const i = indexOf.get(row);
    if (i !== undefined) cells[i] = null;
    row.remove();
    row = container.firstElementChild;
  }
}

function navigate(path: string): void {
  history.pushState({}, '', path);
  const thread = /\/(?:status|posts)\/(\w+)/.exec(path)?.[1] ?? '0';
  container.replaceChildren(fragment(config.threadRows.replaceAll(THREAD_PLACEHOLDER, thread)));
  idBase += 1_000_000n;
  next = 0;
  cells.length = 0;
}

function insertionTimes(): Record<string, number> {
  return Object.fromEntries([...insertedAt].map(([id, at]) => [`${config.platform}:${id}`, at]));
}

function element(i: number): Element | null {
  return cells[i] ?? null;
}

function scrollTo(i: number): void {
  // Its top a third of the way down the window: a reply taller than the window still shows its author.
  const cell = cellOf(i);
  const offset = cell.getBoundingClientRect().top - window.innerHeight / 3;
  // A post opened in Facebook's dialog scrolls inside the dialog; everything else, in the window.
  const dialog = cell.closest('div[role="dialog"]');
  if (dialog) dialog.scrollBy(0, offset);
  else window.scrollBy(0, offset);
}

const uiLang: UiLang = document.documentElement.lang === 'fr' ? 'fr' : 'en';

/** A post's words as X copies them into its reply dialog: text, emoji as their alt text, line breaks. */
function wordsOf(article: Element): string {
  const text = article.querySelector('[data-testid="tweetText"]');
  if (!text) return '';
  let words = '';
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) words += node.data;
    else if (node instanceof HTMLImageElement) words += node.alt;
    else if (node instanceof HTMLBRElement) words += '\n';
  }
  return words;
}

/**
 * X: a post's reply button opens the reply dialog for that post, in place of any other one, and X moves
 * the address to /compose/post while it is open (insin/control-panel-for-twitter `script.js`, 2026-08-17,
 * counts that address among the dialogs over the page); closing it goes back.
 */
function openXReply(target: Element): void {
  const article = target.closest('button[data-testid="reply"]')?.closest('article[data-testid="tweet"]');
  const time = article?.querySelector('time');
  const link = time?.closest('a[href*="/status/"]');
  const match = /^\/(\w+)\/status\/(\d+)/.exec(link?.getAttribute('href') ?? '');
  if (!article || !time || !match) return;
  const post = {
    handle: match[1] ?? '',
    id: match[2] ?? '',
    name: article.querySelector('[data-testid="User-Name"] a')?.textContent ?? '',
    time: time.getAttribute('datetime') ?? '',
    text: wordsOf(article),
  };
  const open = document.querySelector('div[role="dialog"]');
  if (open) open.remove();
  else history.pushState({}, '', '/compose/post');
  document.body.append(fragment(xReplyDialog(post, uiLang)));
  document.querySelector<HTMLElement>('div[role="dialog"] [role="textbox"]')?.focus();
}

function closeXReply(target: Element): void {
  if (!target.closest('[data-testid="app-bar-close"]')) return;
  document.querySelector('div[role="dialog"]')?.remove();
  history.back();
}

/** Facebook: a comment's "Reply" opens a box in the comment's own block, once. */
function openFacebookReply(target: Element): void {
  const button = target.closest('div[role="button"]');
  const article = button?.closest('div[role="article"]:not([aria-posinset])');
  const block = article?.parentElement;
  if (!block || button?.textContent !== facebookReplyLabel(uiLang)) return;
  if (!block.querySelector('[role="textbox"]')) {
    const name = article?.querySelector('a[tabindex="0"] span[dir="auto"]')?.textContent ?? '';
    block.append(fragment(facebookReplyBox(name, uiLang)));
  }
  block.querySelector<HTMLElement>('[role="textbox"]')?.focus();
}

document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element)) return;
  if (config.platform === 'x') {
    openXReply(event.target);
    closeXReply(event.target);
  } else openFacebookReply(event.target);
});

window.demoFeed = {
  append: (count = 1) => add(count, 'bottom'),
  loadMore: (count = 10) => add(count, 'top'),
  rerender,
  recycle,
  restore,
  keep,
  navigate,
  insertionTimes,
  element,
  scrollTo,
  total: () => next,
  idOf,
} satisfies DemoFeed;

if (config.live) {
  const tick = () => {
    add(1, 'bottom');
    setTimeout(tick, config.minMs + Math.random() * (config.maxMs - config.minMs));
  };
  setTimeout(tick, config.minMs);
}
