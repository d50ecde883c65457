/**
 * The one observer loop shared by every platform: watches the DOM, re-reads what changed, and reports each
 * comment again only when what its element shows changed. Elements are never trusted as keys
 * (X recycles them): an element is only remembered with the signature of what it showed last time.
 * Both sites are single-page apps, so the loop runs on every page of the site and reads only while the
 * adapter handles the current one (a CM who lands on the home feed and clicks into a thread is followed).
 * Which page that is, `getContext` says: a new page is a new address there.
 */
import { commentKey } from '../shared/comment';
import { createKeyTable } from './key-table';
import { ownCopy } from './platforms/text';
import type { AdapterContext, ExtractedComment, PlatformAdapter } from './platforms/types';

export type SeenComment = ExtractedComment & {
  /** The comment's key (commentKey), one string shared by everyone who keeps it: 10,000 of them add up. */
  key: string;
};

/** Runs `flush` later; returns a function that cancels it. */
export type Scheduler = (flush: () => void) => () => void;

export interface ObserveOptions {
  adapter: PlatformAdapter;
  /** What to observe and read (default: `document`). */
  root?: Node;
  /**
   * The page's URL and the CM's handles now; the observer adds the page's memory. A change of URL is a new
   * page: everything read is read again for it.
   */
  getContext: () => Omit<AdapterContext, 'memory'>;
  onComments: (batch: SeenComment[]) => void;
  onNavigate?: (url: URL) => void;
  /** Aborting it stops the observer: it disconnects, drops its pending flush and reads nothing more. */
  signal: AbortSignal;
  /** How flushes are deferred (default: next animation frame, or ~100 ms when the tab is hidden). */
  schedule?: Scheduler;
  /**
   * The extension's own nodes (its overlay), known by identity: adding or removing one is not a change of
   * the page to re-read. Never an attribute test: a page could put the attribute on its own comments.
   */
  isOwnNode?: (node: Node) => boolean;
}

export interface CommentObserver {
  /** Re-reads the whole root on the next flush (signatures still skip unchanged elements). */
  rescan(): void;
  /** Stops watching until `resume` (the tab is hidden: nobody reads it). */
  pause(): void;
  /** Watches again, and re-reads the whole root on the next flush. */
  resume(): void;
  /**
   * False while `element` has changed since it was last read: it may show another comment by now (X
   * reuses rows), so nothing should be drawn beside it until the next flush has read it again.
   */
  isSettled(element: Element): boolean;
}

const HIDDEN_TAB_DELAY_MS = 100;

/**
 * Next animation frame, raced with a ~100 ms timer: rAF does not run in background tabs, and a tab can be
 * hidden after the frame was requested. Whichever fires first runs the flush and cancels the other.
 */
export const defaultScheduler: Scheduler = (flush) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    if (frame !== null) cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const visible = typeof document === 'undefined' || !document.hidden;
  const frame = visible && typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : null;
  const timer = setTimeout(run, visible ? HIDDEN_TAB_DELAY_MS * 5 : HIDDEN_TAB_DELAY_MS);
  return () => {
    done = true;
    if (frame !== null) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export function observeComments(options: ObserveOptions): CommentObserver {
  const { adapter, getContext, onComments, onNavigate, isOwnNode, signal } = options;
  const root: Node = options.root ?? document;
  const schedule = options.schedule ?? defaultScheduler;
  const view = (root.ownerDocument ?? (root as Document)).defaultView ?? globalThis;

  /** Per page: what each element showed when it was last reported. */
  let signatures = new WeakMap<Element, string>();
  /** Per page: what the adapter learned of it (AdapterContext.memory). */
  let memory = createKeyTable();
  let page = getContext().url;
  let readable = adapter.handles(page);

  let fullScan = true;
  /** Subtrees to re-read on the next flush (when the adapter can tell us which). */
  let dirty = new Set<Node>();
  let cancel: (() => void) | null = null;
  let paused = false;

  const requestFlush = () => {
    if (signal.aborted || paused || cancel !== null) return;
    cancel = schedule(() => {
      cancel = null;
      flush();
    });
  };

  /** Mutation targets already mapped to their container since the last flush (many records share one). */
  let marked = new Set<Node>();
  const markNode = (node: Node) => {
    if (fullScan || marked.has(node)) return;
    marked.add(node);
    if (!adapter.containerOf) {
      fullScan = true;
      return;
    }
    const container = adapter.containerOf(node);
    if (container) dirty.add(container);
  };

  const observer = new MutationObserver((records) => {
    record(records);
    requestFlush();
  });

  const record = (records: MutationRecord[]) => {
    for (const mutation of records) {
      if (fullScan || !readable) return;
      if (mutation.type === 'childList') {
        if (isOwnNode && onlyOwnNodes(mutation, isOwnNode)) continue;
        // New subtrees are read whole; the container around the target covers edits inside a comment.
        for (const added of mutation.addedNodes) {
          if (added.nodeType === 1) dirty.add(added);
        }
        markNode(mutation.target);
      } else {
        markNode(mutation.target);
      }
    }
  };

  const flush = () => {
    if (signal.aborted) return;
    record(observer.takeRecords());
    const site = getContext();
    if (site.url.href !== page.href) {
      page = site.url;
      signatures = new WeakMap();
      memory = createKeyTable();
      fullScan = true;
      readable = adapter.handles(page);
      onNavigate?.(page);
      if (signal.aborted) return;
    }
    if (!readable) {
      dirty = new Set();
      marked = new Set();
      return;
    }

    const context = { ...site, memory };
    const found = fullScan ? adapter.extract(root as ParentNode, context) : extractDirty(dirty, context);
    fullScan = false;
    dirty = new Set();
    marked = new Set();

    const batch: SeenComment[] = [];
    const inBatch = new Set<Element>();
    for (const extracted of found) {
      if (inBatch.has(extracted.element)) continue;
      inBatch.add(extracted.element);
      // Kept for the session: its own copy, not a string joined from parts of the page's links.
      const key = ownCopy(commentKey(extracted.comment));
      const signature = `${key}\u0000${extracted.comment.threadKey}\u0000${extracted.comment.text}`;
      if (signatures.get(extracted.element) === signature) continue;
      signatures.set(extracted.element, signature);
      batch.push({ ...extracted, key });
    }
    if (batch.length > 0) onComments(batch);
  };

  const extractDirty = (nodes: Set<Node>, context: AdapterContext): ExtractedComment[] => {
    const roots: Node[] = [];
    for (const node of nodes) {
      if (!node.isConnected || !root.contains(node)) continue;
      // Skip nodes inside another dirty node: that one's extraction covers them.
      let covered = false;
      for (let up = node.parentNode; up !== null; up = up.parentNode) {
        if (nodes.has(up)) {
          covered = true;
          break;
        }
      }
      if (!covered) roots.push(node);
    }
    const found: ExtractedComment[] = [];
    let inside = true;
    for (const subtree of roots)
      for (const extracted of adapter.extract(subtree as ParentNode, context)) {
        inside &&= subtree.contains(extracted.element);
        found.push(extracted);
      }
    // Report in document order, whatever order the mutations came in. Rows appended to a list come as
    // siblings in order, and then so are their comments: compareDocumentPosition counts a long list's
    // rows from its first one, at every comparison.
    if (roots.length > 1 && !(inside && siblingsInOrder(roots))) {
      found.sort((a, b) =>
        a.element.compareDocumentPosition(b.element) & 4 ? -1 : a.element === b.element ? 0 : 1,
      );
    }
    return found;
  };

  // Attributes that say which comment a row shows, or what it says: a recycled X row can get a new status
  // link while its text happens to stay the same, an emoji its new alt text, a Facebook wrapper its id.
  const connect = () =>
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href', 'datetime', 'alt', 'data-commentid'],
    });
  const disconnect = () => {
    observer.disconnect();
    cancel?.();
    cancel = null;
  };

  if (!signal.aborted) {
    connect();
    view.addEventListener('popstate', () => requestFlush(), { signal });
    signal.addEventListener('abort', disconnect);
    requestFlush();
  }

  return {
    rescan() {
      if (signal.aborted) return;
      fullScan = true;
      requestFlush();
    },
    pause() {
      if (signal.aborted || paused) return;
      paused = true;
      disconnect();
    },
    resume() {
      if (signal.aborted || !paused) return;
      paused = false;
      connect();
      fullScan = true;
      requestFlush();
    },
    isSettled(element) {
      // Changes not yet delivered to the observer's callback: taken here, so they are read on the next flush.
      const pending = observer.takeRecords();
      if (pending.length > 0) {
        record(pending);
        requestFlush();
      }
      if (fullScan) return false;
      for (const node of dirty) if (node.contains(element) || element.contains(node)) return false;
      return true;
    },
  };
}

/** How far apart (text and comment nodes between elements) two roots may be and still be taken in order. */
const SIBLING_REACH = 4;

/** True when each node follows the one before it as a near next sibling. */
function siblingsInOrder(nodes: readonly Node[]): boolean {
  for (let i = 1; i < nodes.length; i++) {
    let next = (nodes[i - 1] as Node).nextSibling;
    for (let step = 1; step < SIBLING_REACH && next !== null && next !== nodes[i]; step++)
      next = next.nextSibling;
    if (next !== nodes[i]) return false;
  }
  return true;
}

function onlyOwnNodes(mutation: MutationRecord, isOwnNode: (node: Node) => boolean): boolean {
  for (const node of mutation.addedNodes) if (!isOwnNode(node)) return false;
  for (const node of mutation.removedNodes) if (!isOwnNode(node)) return false;
  return true;
}
