/**
 * The overlay's one element in the page: a bare <div> before <head> (so Tab reaches the badges first),
 * with one closed shadow root holding everything Desaffect draws and one shared stylesheet. It never
 * changes with the verdicts: same element, no attribute, no child, a box the size of the window, so a
 * page script learns that Desaffect runs and nothing about what it found. It is recognised by identity,
 * never by anything a page could copy onto its own nodes.
 */
import { OVERLAY_STYLE } from './style';

export interface OverlayHost {
  /** Where the overlay renders (inside the closed shadow root). */
  container: HTMLElement;
  /** True for the overlay's own element: its insertion is not a change of the page to read. */
  isOwnNode(node: Node): boolean;
  /** Puts the element back if the page took it out. */
  ensureAttached(): void;
  remove(): void;
}

let sharedSheet: CSSStyleSheet | null | undefined;

function adoptStyle(shadow: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(OVERLAY_STYLE);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      // Firefox refuses sheets built in a content script's world: fall back to a <style>.
    }
  }
  const style = document.createElement('style');
  style.textContent = OVERLAY_STYLE;
  shadow.append(style);
}

export function createOverlayHost(): OverlayHost {
  const host = document.createElement('div');
  const own = new WeakSet<Node>([host]);
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptStyle(shadow);
  const container = document.createElement('div');
  shadow.append(container);
  const ensureAttached = () => {
    if (host.isConnected) return;
    document.documentElement.insertBefore(host, document.documentElement.firstChild);
  };
  ensureAttached();
  return {
    container,
    isOwnNode: (node) => own.has(node),
    ensureAttached,
    remove: () => host.remove(),
  };
}
