/**
 * DOM helpers shared by the platform adapters: reading visible text (emoji as their alt text), hashing
 * content for last-resort ids, and resolving links. Pure DOM, no extension APIs, no HTML parsing.
 */
import { MAX_TEXT_LENGTH } from '../../shared/comment';

/** Elements whose content is never part of what a reader sees as text. */
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg']);

export interface ReadTextOptions {
  /** Elements (and their subtrees) to leave out, e.g. quoted tweets or "See more" buttons. */
  exclude?: (element: Element) => boolean;
}

/**
 * Hidden by its own markup: the `hidden` attribute or an inline `display: none`. The CM never sees those
 * words, so they are not read (a hidden threat sentence made a visible thank-you a threat). Only what the
 * element says of itself: a computed style for every element of every comment would cost more than the
 * reading.
 */
function hiddenByMarkup(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    (element.hasAttribute('style') && (element as HTMLElement).style?.display === 'none')
  );
}

/**
 * The text a reader sees in `root`: text nodes as they are, `img[alt]` (emoji) as their alt text, `<br>`
 * as a newline, nothing of an element hidden by its markup. Only the ends are trimmed; the result is cut
 * to MAX_TEXT_LENGTH.
 */
export function readText(root: Node, options: ReadTextOptions = {}): string {
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [root];
  while (stack.length > 0 && length < MAX_TEXT_LENGTH) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const data = (node as Text).data;
      parts.push(data);
      length += data.length;
      continue;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) {
      if (node.nodeType === 11 /* DOCUMENT_FRAGMENT_NODE */ || node.nodeType === 9 /* DOCUMENT_NODE */) {
        pushChildren(stack, node);
      }
      continue;
    }
    const element = node as Element;
    if (NEVER_TEXT.has(element.tagName) || hiddenByMarkup(element)) continue;
    if (node !== root && options.exclude?.(element)) continue;
    if (element.tagName === 'IMG') {
      const alt = element.getAttribute('alt') ?? '';
      parts.push(alt);
      length += alt.length;
      continue;
    }
    if (element.tagName === 'BR') {
      parts.push('\n');
      length += 1;
      continue;
    }
    pushChildren(stack, element);
  }
  return clampText(parts.join('').trim());
}

function pushChildren(stack: Node[], node: Node): void {
  // Reverse order so the stack pops children in document order.
  for (let child = node.lastChild; child !== null; child = child.previousSibling) stack.push(child);
}

export function clampText(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
}

/** A 53-bit string hash (cyrb53): stable across sessions and browsers, and exact in a double. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `hash53` as 14 hex digits. */
export function contentHash(text: string): string {
  return hash53(text).toString(16).padStart(14, '0');
}

/** `href` resolved against `base`, or null when it is missing or not an http(s) URL. */
export function resolveUrl(href: string | null | undefined, base: URL | string): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** A path that URL parsing returns as written: no dot segment, escape, backslash, query or fragment. */
const PLAIN_PATH = /^\/(?!\/)[\w/-]*$/;

/**
 * The origin and path `resolveUrl` gives for `href`, without building a URL for a plain path on the
 * page's own site ("/user/status/1"), which most of a comment's links are: a URL costs more than
 * the rest of reading the link.
 */
export function linkPath(
  href: string | null | undefined,
  base: URL,
): Pick<URL, 'origin' | 'pathname'> | null {
  if (href && PLAIN_PATH.test(href) && (base.protocol === 'https:' || base.protocol === 'http:'))
    return { origin: base.origin, pathname: href };
  return resolveUrl(href, base);
}

/** Handles compare case-insensitively and without a leading '@'. */
export function normalizeHandle(handle: string): string {
  return handle.replace(/^@/, '').trim().toLowerCase();
}

export function isOwnHandle(handle: string, ownHandles: readonly string[]): boolean {
  const normalized = normalizeHandle(handle);
  if (normalized === '') return false;
  return ownHandles.some((own) => normalizeHandle(own) === normalized);
}

/**
 * True when `element` (a descendant of `root`) is neither a `fence` nor inside one below `root`: a quoted
 * tweet's links are not the tweet's, a nested reply's text is not its parent comment's. Native matching
 * only (`closest`), no script per element walked: this runs for every comment of a busy page.
 */
function isOwn(root: Element, element: Element, fence: string): boolean {
  if (element.matches(fence)) return false;
  const nearest = element.parentElement?.closest(fence) ?? null;
  return nearest === null || nearest === root || !root.contains(nearest);
}

/** The first descendant of `root` matching `selector` that does not sit inside a `fence` below `root`. */
export function queryOwn(root: Element, selector: string, fence: string): Element | null {
  for (const element of root.querySelectorAll(selector)) if (isOwn(root, element, fence)) return element;
  return null;
}

/**
 * A look-up of a post's parts: for each of `selectors`, the first descendant of `root` matching it that
 * does not sit inside a `fence` below `root`. One walk of `root` for all of them rather than one each.
 */
export function ownPartsQuery<K extends string>(
  selectors: Readonly<Record<K, string>>,
  fence: string,
): (root: Element) => Record<K, Element | null> {
  const keys = Object.keys(selectors) as K[];
  const union = keys.map((key) => selectors[key]).join(', ');
  return (root) => {
    const found = {} as Record<K, Element | null>;
    for (const key of keys) found[key] = null;
    let missing = keys.length;
    for (const element of root.querySelectorAll(union))
      for (const key of keys)
        if (found[key] === null && element.matches(selectors[key]) && isOwn(root, element, fence)) {
          found[key] = element;
          if (--missing === 0) return found;
        }
    return found;
  };
}

export function queryAllOwn(root: Element, selector: string, fence: string): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter((element) => isOwn(root, element, fence));
}

/** Every element matching `selector` in `root`, `root` itself first when it matches. */
export function selectAll(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  if (isElement(root) && root.matches(selector)) found.unshift(root);
  return found;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/**
 * A copy of `value` that shares no storage with a longer string. A part cut out of a string (a regular
 * expression's match, a slice) is, in V8, a view that keeps the whole string alive: kept for a session, a
 * 19-digit id read from a link would keep the link too.
 */
export function ownCopy(value: string): string {
  return value.length < 13 ? value : Array.from(value).join('');
}
