/**
 * Desaffect's layer over the page: badges, shields and the card are drawn in the extension's own element,
 * positioned over the comments from their boxes, the way writing assistants draw over text fields. The
 * site's own elements are never touched (no attribute, class, style, ARIA or child), so a page script
 * cannot tell a threat from a neutral comment, or a shielded one from a revealed one.
 */
import { effect } from '@preact/signals';
import { createElement, render } from 'preact';
import type { MarkerColour } from '../messages';
import { abortableTimeout } from '../timers';
import { type BadgeActions, OpenCard } from './Card';
import { drawLayer, measureBadgeWidth } from './draw';
import { createOverlayHost } from './host';
import { trackLayout } from './layout';
import { type CardSettings, createOverlayModel, inWindow, type OverlayComment } from './model';

export type { BadgeActions, CardSettings, OverlayComment };

/** How long the ring around a comment the popup asked to show stays. */
const HIGHLIGHT_MS = 2_000;
const ARROW_STEPS: Readonly<Record<string, number>> = {
  ArrowDown: 1,
  ArrowRight: 1,
  ArrowUp: -1,
  ArrowLeft: -1,
};

/** Where a key press moves the focus among `count` badges from `index`; null for any other key. */
function nextIndex(key: string, index: number, count: number): number | null {
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const step = ARROW_STEPS[key];
  return step === undefined ? null : Math.max(0, Math.min(count - 1, index + step));
}

export interface Overlay {
  /** Draws (or redraws) the badge and shield of one comment. */
  show(comment: OverlayComment): void;
  /**
   * The element now shows `key`: whatever was drawn for the comment it showed before goes. Returns the key
   * it showed before, if any.
   */
  elementShows(element: HTMLElement, key: string): string | undefined;
  /** The comment an element shows now, as last told (X reuses rows for other comments). */
  keyAt(element: Element): string | undefined;
  forget(key: string): void;
  /** Rings the comment for a moment (the popup's "Show in page"). */
  highlight(key: string): void;
  settingsChanged(settings: CardSettings): void;
  /** The page changed: positions are read again in its next frame. */
  pageChanged(): void;
  /**
   * Readies the page for the escalation kit's screenshot of `key`: its shield lifted, badges, ring and card
   * transparent (not hidden: an open card keeps its focus and its status), and the capture's marker drawn
   * at `marker` (window coordinates). Returns how to end it.
   */
  capture(key: string, marker: CaptureMarker): () => void;
  /** True for the overlay's own element: adding it is not a change of the page to read. */
  isOwnNode(node: Node): boolean;
}

/** Where and in which colour the overlay draws the capture's marker, by which a screenshot proves it is current. */
export interface CaptureMarker {
  x: number;
  y: number;
  colour: MarkerColour;
}

/** Whether `a` and `b` draw the same badge and shield: the same label, intensity and certainty, shielded alike. */
function drawnAlike(a: OverlayComment, b: OverlayComment): boolean {
  const was = a.verdict.classification;
  const now = b.verdict.classification;
  return (
    a.shielded === b.shielded &&
    was.label === now.label &&
    was.intensity === now.intensity &&
    was.uncertain === now.uncertain
  );
}

/** Builds the layer; aborting `signal` takes it off the page and stops all its work. */
export function createOverlay(options: {
  actions: BadgeActions;
  settings: CardSettings;
  signal: AbortSignal;
}): Overlay {
  const { signal } = options;
  const host = createOverlayHost();
  const model = createOverlayModel(options.settings);
  const comments = new Map<string, OverlayComment>();
  const keyOf = new WeakMap<Element, string>();
  const commentOf = (element: Element) => {
    const key = keyOf.get(element);
    return key === undefined ? undefined : comments.get(key);
  };
  const viewport = document.createElement('div');
  viewport.className = 'viewport';
  const layer = document.createElement('div');
  layer.className = 'layer';
  viewport.append(layer);
  const tracker = trackLayout({
    model,
    host,
    commentOf,
    commentByKey: (key) => comments.get(key),
    badgeWidth: () => measureBadgeWidth(layer),
    signal,
  });

  const forget = (key: string) => {
    const comment = comments.get(key);
    if (!comment) return;
    comments.delete(key);
    if (keyOf.get(comment.element) === key) {
      keyOf.delete(comment.element);
      tracker.unfollow(comment.element);
    }
  };

  const cardRoot = document.createElement('div');
  host.container.append(viewport, cardRoot);
  const { badgeOf } = drawLayer(model, layer, signal);
  const focusBadge = (key: string) => badgeOf(key)?.focus();

  const onKey = (event: KeyboardEvent) => {
    // The site's keyboard shortcuts (X: j, k, l…) must not act on keys meant for the overlay.
    event.stopPropagation();
    if (event.type !== 'keydown') return;
    const open = model.openKey.peek();
    if (event.key === 'Escape' && open !== null) {
      event.preventDefault();
      model.openKey.value = null;
      focusBadge(open);
      return;
    }
    const key = (event.target as HTMLElement).closest<HTMLElement>('button.badge')?.dataset.key;
    if (key === undefined) return;
    // Arrow keys, Home and End move between the badges in the window, top to bottom.
    const keys = inWindow(model.drawn.peek(), model.view.peek(), model.badgeWidth.peek()).map(
      (d) => d.comment.key,
    );
    const next = nextIndex(event.key, keys.indexOf(key), keys.length);
    if (next === null) return;
    event.preventDefault();
    focusBadge(keys[next] ?? key);
  };
  for (const type of ['keydown', 'keyup', 'keypress'] as const)
    host.container.addEventListener(type, onKey, { signal });

  // A click anywhere on the page closes the card (only the CM's own clicks: a page cannot close it).
  const onPagePointer = (event: PointerEvent) => {
    if (event.isTrusted && !host.isOwnNode(event.target as Node)) model.openKey.value = null;
  };
  const stopFollowingCard = effect(() => {
    const open = model.openKey.value;
    model.confirmation.value = null;
    if (open !== null) {
      addEventListener('pointerdown', onPagePointer, { capture: true, signal });
      tracker.schedule();
    } else removeEventListener('pointerdown', onPagePointer, { capture: true });
  });

  const stopCapturing = effect(() => {
    viewport.classList.toggle('capturing', model.capturing.value !== null);
    cardRoot.classList.toggle('capturing', model.capturing.value !== null);
  });

  render(createElement(OpenCard, { model, actions: options.actions }), cardRoot);
  signal.addEventListener('abort', () => {
    stopFollowingCard();
    stopCapturing();
    removeEventListener('pointerdown', onPagePointer, { capture: true });
    render(null, cardRoot);
    host.remove();
  });

  let cancelHighlight = () => {};
  return {
    show(comment) {
      if (signal.aborted) return;
      const previous = comments.get(comment.key);
      if (previous && previous.element !== comment.element) forget(comment.key);
      else if (previous && model.openKey.peek() !== comment.key && drawnAlike(previous, comment)) {
        // Most often the service worker confirming the verdict drawn when the comment was read, adding its
        // tactics: the badge and the shield stay as they are (new ones would cost a pass, and a focused
        // badge its focus); the card reads the tactics when it opens.
        Object.assign(previous, comment);
        return;
      }
      comments.set(comment.key, comment);
      keyOf.set(comment.element, comment.key);
      tracker.follow(comment.element);
    },
    elementShows(element, key) {
      const before = keyOf.get(element);
      if (before !== undefined && before !== key) forget(before);
      keyOf.set(element, key);
      return before;
    },
    keyAt: (element) => keyOf.get(element),
    forget(key) {
      forget(key);
      tracker.schedule();
    },
    highlight(key) {
      model.highlightKey.value = key;
      tracker.schedule();
      cancelHighlight();
      cancelHighlight = abortableTimeout(
        signal,
        () => {
          model.highlightKey.value = null;
          tracker.schedule();
        },
        HIGHLIGHT_MS,
      );
    },
    settingsChanged(settings) {
      model.settings.value = settings;
      // The badges' width is measured again, in the language that came with them.
      tracker.schedule();
    },
    capture(key, { x, y, colour }) {
      model.capturing.value = key;
      const marker = document.createElement('div');
      marker.className = 'marker';
      marker.style.cssText = `left:${x}px;top:${y}px;background:rgb(${colour.join(' ')})`;
      host.container.append(marker);
      tracker.schedule();
      return () => {
        marker.remove();
        if (model.capturing.peek() !== key) return;
        model.capturing.value = null;
        tracker.schedule();
      };
    },
    pageChanged: tracker.pageChanged,
    isOwnNode: host.isOwnNode,
  };
}
