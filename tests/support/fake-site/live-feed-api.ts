/**
 * What the fake site's page script (`live-feed.ts`) and the code that serves and drives it agree on: the
 * configuration the server writes into each thread page, and `window.demoFeed`, the controls that tests,
 * the demo and the benchmarks call in the page through `page.evaluate`.
 */
import type { Platform } from '../../../src/shared/comment';

/** Written by the server into every reply template; the page puts each reply's own values there. */
export const ID_PLACEHOLDER = '__DEMO_ID__';
export const TIME_PLACEHOLDER = '__DEMO_TIME__';
/** Written into the thread's own rows; the page puts the thread's id there when it navigates. */
export const THREAD_PLACEHOLDER = '__DEMO_THREAD__';

/** The id of the `<script type="application/json">` that holds the page's `LiveFeedConfig`. */
export const CONFIG_ELEMENT_ID = 'demo-feed-config';

export interface LiveFeedConfig {
  platform: Platform;
  /** The selector of the element the thread's replies are added to. */
  container: string;
  /** How many of the container's last rows come after the replies (X's buttons and sections): replies go before them. */
  trailingRows: number;
  /** The thread's own rows (the post and what follows its replies), with THREAD_PLACEHOLDER for its id. */
  threadRows: string;
  /** One reply's markup per feed text, with ID_PLACEHOLDER and TIME_PLACEHOLDER still in it. */
  templates: string[];
  /** True: a reply arrives by itself every minMs–maxMs. False: only the caller adds replies. */
  live: boolean;
  minMs: number;
  maxMs: number;
  /** The id of the thread's reply number 0, in decimal (reply ids are beyond a double's precision). */
  idBase: string;
}

/** The fake site's feed controls. Replies are numbered from 0 in the order they arrived in the thread. */
export interface DemoFeed {
  /** Adds `count` replies at the bottom; returns how many replies the thread has shown in all. */
  append(count?: number): number;
  /** Adds `count` older replies at the top, as "View more comments" does; returns the same total. */
  loadMore(count?: number): number;
  /** The site re-renders reply `i`: a new element for the same reply. */
  rerender(i: number): void;
  /** X's virtual list reuses the element of reply `i` (scrolled out) for a new reply; returns its number. */
  recycle(i: number): number;
  /** Reply `i` comes back into view in a new element. */
  restore(i: number): void;
  /** Keeps only the last `n` rows in the page, as a virtualised list does while the CM scrolls. */
  keep(n: number): void;
  /** Single-page navigation to another thread: new URL, the new thread's rows and no reply yet, no reload. */
  navigate(path: string): void;
  /** When each reply was added (`performance.now()`), by comment key (`platform:id`). */
  insertionTimes(): Record<string, number>;
  /** The element showing reply `i` (null once the page let go of it). */
  element(i: number): Element | null;
  /** Brings reply `i` into view (its top a third of the way down the window), as the CM scrolling to it. */
  scrollTo(i: number): void;
  /** How many replies the thread has shown in all. */
  total(): number;
  /** The site's id of reply `i`. */
  idOf(i: number): string;
}

declare global {
  interface Window {
    /** Set by the fake site's page script only: a real x.com or facebook.com page has no such thing. */
    demoFeed: DemoFeed;
  }
}
