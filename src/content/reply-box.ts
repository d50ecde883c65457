/**
 * Puts a ready reply into the reply box of one comment. Desaffect never sends: the CM reads, edits and posts.
 * X (Draft.js) and Facebook (Lexical) keep their own state from input events, so the text goes through the
 * browser's editing command rather than being written into the DOM.
 */
import type { PlatformAdapter } from './platforms';

/** How long the site may take to open a reply box once its reply control is clicked. */
const OPEN_TIMEOUT_MS = 5_000;

/**
 * What `find` returns once it is not null, looked for again at every change under `root`; null after `ms`
 * or once `signal` aborts, whichever comes first.
 */
function waitFor<T>(find: () => T | null, root: Node, ms: number, signal: AbortSignal): Promise<T | null> {
  const now = find();
  if (now !== null || signal.aborted) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = new AbortController();
    const settle = (value: T | null) => {
      done.abort();
      observer.disconnect();
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const found = find();
      if (found !== null) settle(found);
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
    const timer = setTimeout(() => settle(null), ms);
    done.signal.addEventListener('abort', () => clearTimeout(timer));
    signal.addEventListener('abort', () => settle(null), { signal: done.signal });
  });
}

/**
 * The reply box of the comment `element`: the one already open for it, else the one the site opens when
 * its own reply control for that comment is clicked (the CM asked for it with Insert). Null when the
 * comment has no reply control or no box opens in time.
 */
export async function openReplyBox(
  adapter: Pick<PlatformAdapter, 'replyBoxOf' | 'replyControlOf'>,
  element: HTMLElement,
  signal: AbortSignal,
  ms = OPEN_TIMEOUT_MS,
): Promise<HTMLElement | null> {
  const open = adapter.replyBoxOf(element);
  if (open) return open;
  const control = adapter.replyControlOf(element);
  if (!control) return null;
  control.click();
  return waitFor(() => adapter.replyBoxOf(element), element.ownerDocument, ms, signal);
}

/** Editors write some spaces as no-break spaces (one for one): they compare as spaces. */
function asShown(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/**
 * The range of the first occurrence of `text` in `box`'s text, across its text nodes; null when the box no
 * longer holds it whole. Line breaks are left out of the comparison (the editors turn them into blocks).
 */
export function rangeOf(box: Element, text: string): Range | null {
  const wanted = asShown(text.replace(/\n/g, ''));
  if (wanted === '') return null;
  const document = box.ownerDocument;
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const whole = asShown(nodes.map((node) => node.data).join(''));
  const start = whole.indexOf(wanted);
  if (start < 0) return null;
  const end = start + wanted.length;
  const range = document.createRange();
  let offset = 0;
  for (const node of nodes) {
    const next = offset + node.data.length;
    if (start >= offset && start <= next) range.setStart(node, start - offset);
    if (end >= offset && end <= next) {
      range.setEnd(node, end - offset);
      break;
    }
    offset = next;
  }
  return range;
}

export type Written = 'inserted' | 'replaced';

/**
 * Writes replies into reply boxes, remembering per box (never on the site's node) what it wrote there: a
 * second reply replaces the first while the box still holds it, and otherwise goes where the CM's caret is
 * (at the end when the caret is elsewhere), so what the CM wrote themselves stays.
 */
export function createReplyWriter() {
  const written = new WeakMap<HTMLElement, string>();
  return {
    write(box: HTMLElement, text: string): Written | null {
      const document = box.ownerDocument;
      box.focus();
      const selection = document.getSelection();
      if (!selection) return null;
      const before = written.get(box);
      const earlier = before === undefined ? null : rangeOf(box, before);
      if (earlier) {
        selection.removeAllRanges();
        selection.addRange(earlier);
      } else if (
        selection.rangeCount === 0 ||
        !box.contains(selection.getRangeAt(0).commonAncestorContainer)
      ) {
        selection.selectAllChildren(box);
        selection.collapseToEnd();
      }
      if (!document.execCommand('insertText', false, text)) return null;
      written.set(box, text);
      return earlier ? 'replaced' : 'inserted';
    },
  };
}
