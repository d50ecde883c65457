/**
 * The overlay's one element in the page: a bare <div> before <head> (so Tab reaches the badges first),
 * with one closed shadow root holding everything Desaffect draws and one shared stylesheet. It never
 * changes with the verdicts: same element, no attribute, no child, a box the size of the window, so a
 * page script learns that Desaffect runs and nothing about what it found. It is recognised by identity,
 * never by anything a page could copy onto its own nodes.
 */
import { OVERLAY_STYLE } from './style';

export interface OverlayHost {
  /** Where the overlay renders (inside the closed shadow root), in window coordinates (`fitWindow`). */
  container: HTMLElement;
  /** True for the overlay's own element: its insertion is not a change of the page to read. */
  isOwnNode(node: Node): boolean;
  /** Puts the element back directly under <html> if the page took it out or moved it anywhere else. */
  ensureAttached(): void;
  /** Where the element is in the window: read with the page's boxes, before anything is drawn. */
  placement(): HostPlacement;
  /** Lays the container over the window (`width` × `height`) from where the element is. */
  fitWindow(placement: HostPlacement, width: number, height: number): void;
  remove(): void;
}

/**
 * Where the host's box lies in the window and how much it is scaled. The host is fixed to the window
 * until the page gives <html> a transform, a filter, `will-change: transform` or `contain`: it is then
 * laid out in <html>'s box instead, which scrolls, and scaled with it.
 */
export interface HostPlacement {
  left: number;
  top: number;
  scale: number;
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
  container.className = 'frame';
  shadow.append(container);
  const ensureAttached = () => {
    // Anywhere else (a hidden container, a transformed one), what is drawn would not be seen, or not
    // where the comments are. A page that keeps moving it has it put back once a frame at most (layout.ts).
    const root = document.documentElement;
    if (host.parentNode !== root) root.insertBefore(host, root.firstChild);
  };
  ensureAttached();
  /** The container's style as last written, to write it only when it changes. */
  let fitted = '';
  return {
    container,
    isOwnNode: (node) => own.has(node),
    ensureAttached,
    placement() {
      const { left, top, width } = host.getBoundingClientRect();
      // Its width in the window against its own, which is rounded to a whole pixel (0 without a box).
      const laidOut = host.offsetWidth;
      return {
        left,
        top,
        scale: width > 0 && laidOut > 0 && Math.abs(width - laidOut) >= 1 ? width / laidOut : 1,
      };
    },
    fitWindow({ left, top, scale }, width, height) {
      // Undoes the host's offset and scale: a point of the container lands on that point of the window.
      const transform =
        left === 0 && top === 0 && scale === 1 ? '' : `scale(${1 / scale}) translate(${-left}px, ${-top}px)`;
      const wanted = `${transform}|${width}|${height}`;
      if (wanted === fitted) return;
      fitted = wanted;
      container.style.transform = transform;
      container.style.width = `${width}px`;
      container.style.height = `${height}px`;
    },
    remove: () => host.remove(),
  };
}
