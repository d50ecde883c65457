/**
 * Draws what the model says is near the window — a badge for every comment, a shield panel over the
 * words of each shielded one, the ring around the comment the popup asked to show — straight into the
 * overlay's layer, keyed by comment: while replies stream in, only what changed is touched (a component
 * diff of every badge at every step cost the page more than the reading itself).
 */
import { effect } from '@preact/signals';
import type { Label } from '../../shared/comment';
import { LABEL_STYLE } from '../../shared/labels';
import { intensityLevel } from '../../shared/levels';
import { intensityWords, perCatalog, tc } from '../i18n';
import { CARD_ID } from './Card';
import type { Rect } from './geometry';
import { type Drawn, inWindow, type OverlayComment, type OverlayModel } from './model';

/** The badge's short word for each label (the card and the accessible name say it in full). */
const BADGE_WORD: Readonly<Record<Label, string>> = {
  threat: 'labelThreat',
  troll: 'labelTroll',
  unhappy_customer: 'badgeCustomer',
  neutral: 'labelNeutral',
};

/** The shield's caption shows only where the panel has room for a line of text. */
const CAPTION_MIN_HEIGHT = 24;

function place(element: HTMLElement, rect: Rect): void {
  element.style.transform = `translate(${rect.left}px, ${rect.top}px)`;
  element.style.width = `${rect.right - rect.left}px`;
  element.style.height = `${rect.bottom - rect.top}px`;
}

/** What a badge shows: badges of the same look differ only by their key. */
function badgeLook(comment: OverlayComment): string {
  const { label, intensity, uncertain } = comment.verdict.classification;
  return `badge|${label}|${intensityLevel(intensity)}|${uncertain}`;
}

function newBadge(comment: OverlayComment): HTMLButtonElement {
  const { label, intensity, uncertain } = comment.verdict.classification;
  // Built once per look in the CM's language, then copied (a copy costs less than building it again).
  const model = perCatalog(badgeLook(comment), () => buildBadge(label, intensity, uncertain));
  const badge = model.cloneNode(true) as HTMLButtonElement;
  badge.dataset.key = comment.key;
  return badge;
}

function buildBadge(label: Label, intensity: number, uncertain: boolean): HTMLButtonElement {
  const { icon, colour, messageKey } = LABEL_STYLE[label];
  // The badge says the level's word; its accessible name says what it measures too.
  const words = tc(
    uncertain ? 'badgeWordsUncertain' : 'badgeWords',
    tc(BADGE_WORD[label]),
    tc(`level_${intensityLevel(intensity)}`),
  );
  const more = [
    intensityWords(intensity),
    BADGE_WORD[label] === messageKey ? null : tc(messageKey),
    uncertain ? tc('badgeUncertain') : null,
    tc('badgeAria'),
  ].filter((part) => part !== null);
  // One element: its icon and words are drawn by the stylesheet from its attributes, not as text (the
  // page's `window.find` would find a label's words: Card.tsx), and a badge without children costs less
  // to create, style, lay out and remove while replies stream in.
  const badge = document.createElement('button');
  badge.type = 'button';
  badge.className = 'badge';
  badge.dataset.label = label;
  // The accessible name starts with the words on the badge.
  badge.setAttribute('aria-label', `${words} — ${more.join('. ')}`);
  badge.style.background = colour;
  badge.dataset.icon = icon;
  badge.dataset.words = words;
  return badge;
}

function newShield(key: string): HTMLElement {
  const shield = document.createElement('div');
  shield.className = 'shield';
  shield.dataset.key = key;
  // Its caption, drawn by the stylesheet: not text the page's `window.find` could look for.
  shield.dataset.say = tc('badgeShieldCaption');
  return shield;
}

interface Shown {
  drawn: Drawn;
  badge: HTMLButtonElement;
  shield: HTMLElement | null;
}

/**
 * Keeps `layer` in step with the model until `signal` aborts. The layer moves with the window's scrolling
 * (model.scroll): the badges in it are placed in page coordinates and stay put.
 */
export function drawLayer(model: OverlayModel, layer: HTMLElement, signal: AbortSignal) {
  const shields = document.createElement('div');
  const ring = document.createElement('div');
  ring.className = 'ring';
  ring.hidden = true;
  const toolbar = document.createElement('div');
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Desaffect');
  toolbar.setAttribute('aria-orientation', 'vertical');
  layer.append(shields, ring, toolbar);
  const shown = new Map<string, Shown>();

  const sync = (drawn: readonly Drawn[]) => {
    const wanted = new Set(drawn.map((d) => d.comment.key));
    for (const [key, entry] of shown) {
      if (wanted.has(key)) continue;
      entry.badge.remove();
      entry.shield?.remove();
      shown.delete(key);
    }
    let previous: Element | null = null;
    for (const d of drawn) {
      let entry = shown.get(d.comment.key);
      if (entry?.drawn === d) {
        previous = entry.badge;
        continue;
      }
      // A verdict that changes the badge's look (a correction) is a new badge; one that does not (the
      // service worker's, with the tactics, while the card is open; a reveal) keeps it, and its focus.
      if (
        entry &&
        entry.drawn.comment !== d.comment &&
        badgeLook(entry.drawn.comment) !== badgeLook(d.comment)
      ) {
        entry.badge.remove();
        entry.shield?.remove();
        entry = undefined;
      }
      const badge = entry?.badge ?? newBadge(d.comment);
      badge.style.transform = `translate(${d.badge.x}px, ${d.badge.y}px)`;
      // Reading order in the page's structure too, for screen readers.
      if (badge.previousElementSibling !== previous || badge.parentNode !== toolbar)
        toolbar.insertBefore(badge, previous ? previous.nextSibling : toolbar.firstChild);
      let shield = entry?.shield ?? null;
      if (d.shield) {
        shield ??= shields.appendChild(newShield(d.comment.key));
        place(shield, d.shield);
        // Changed only when it changes (toggling to the same state writes nothing).
        shield.classList.toggle('bare', d.shield.bottom - d.shield.top < CAPTION_MIN_HEIGHT);
      } else {
        shield?.remove();
        shield = null;
      }
      shown.set(d.comment.key, { drawn: d, badge, shield });
      previous = badge;
    }
  };

  /** One badge in the Tab order: the last one focused, else the first in the window; the open one says so. */
  const markFocus = (drawn: readonly Drawn[], current: string | null, open: string | null) => {
    const tabbable =
      current !== null && shown.has(current)
        ? current
        : (inWindow(drawn, model.view.peek())[0]?.comment.key ?? null);
    // Written only where they change: writing an attribute, even to its value, has the browser check
    // the styles that depend on it, for every badge at every step of a streaming thread.
    for (const [key, { badge }] of shown) {
      const tabIndex = key === tabbable ? 0 : -1;
      if (badge.tabIndex !== tabIndex) badge.tabIndex = tabIndex;
      const expanded = String(key === open);
      if (badge.getAttribute('aria-expanded') !== expanded) badge.setAttribute('aria-expanded', expanded);
      if (key === open) badge.setAttribute('aria-controls', CARD_ID);
      else if (badge.hasAttribute('aria-controls')) badge.removeAttribute('aria-controls');
    }
  };

  const stops = [
    effect(() => {
      const drawn = model.drawn.value;
      sync(drawn);
      markFocus(drawn, model.currentKey.value, model.openKey.value);
    }),
    effect(() => {
      const box = model.ring.value;
      ring.hidden = box === null;
      if (box) place(ring, box);
    }),
    effect(() => {
      const { x, y } = model.view.value;
      layer.style.transform = `translate(${-x}px, ${-y}px)`;
    }),
  ];

  toolbar.addEventListener(
    'click',
    (event) => {
      const key = (event.target as Element).closest<HTMLElement>('button.badge')?.dataset.key;
      if (key !== undefined) model.openKey.value = model.openKey.peek() === key ? null : key;
    },
    { signal },
  );
  toolbar.addEventListener(
    'focusin',
    (event) => {
      const key = (event.target as HTMLElement).dataset.key;
      if (key !== undefined) model.currentKey.value = key;
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    for (const stop of stops) stop();
  });

  return { badgeOf: (key: string) => shown.get(key)?.badge };
}
