/**
 * Draws what the model says is near the window — a badge for every comment, a shield panel over the
 * words of each shielded one, the ring around the comment the popup asked to show — straight into the
 * overlay's layer, keyed by comment: while replies stream in, only what changed is touched (a component
 * diff of every badge at every step cost the page more than the reading itself).
 */
import { effect } from '@preact/signals';
import type { Label } from '../../shared/comment';
import { LABEL_STYLE } from '../../shared/labels';
import { intensityLevel, LEVEL_FROM, LEVELS, type Level } from '../../shared/levels';
import { intensityWords, perCatalog, stringsVersion, tc } from '../i18n';
import { CARD_ID } from './Card';
import { type Rect, SHIELD_REACH } from './geometry';
import { type Drawn, inWindow, type OverlayComment, type OverlayModel } from './model';
import { createSpares } from './spares';

/** The badge's short word for each label (the card and the accessible name say it in full). */
const BADGE_WORD: Readonly<Record<Label, string>> = {
  threat: 'labelThreat',
  troll: 'labelTroll',
  unhappy_customer: 'badgeCustomer',
  neutral: 'labelNeutral',
};

/** The shield's caption shows only where the panel has room for a line of text. */
const CAPTION_MIN_HEIGHT = 24;

/** The ring, by its offsets (it seldom shows). */
function place(element: HTMLElement, rect: Rect): void {
  element.style.left = `${rect.left}px`;
  element.style.top = `${rect.top}px`;
  element.style.width = `${rect.right - rect.left}px`;
  element.style.height = `${rect.bottom - rect.top}px`;
}

/** What a badge shows: badges of the same look differ only by their key. */
function badgeLook(label: Label, intensity: number, uncertain: boolean): string {
  return `badge|${label}|${intensityLevel(intensity)}|${uncertain}`;
}

/**
 * The badge of one look, built once in the CM's language (a copy costs less than building it again): a
 * badge copied from it shows what a badge of that look says now as long as it is the current one.
 */
function modelBadge(label: Label, intensity: number, uncertain: boolean): HTMLButtonElement {
  return perCatalog(badgeLook(label, intensity, uncertain), () => buildBadge(label, intensity, uncertain));
}

function modelOf(comment: OverlayComment): HTMLButtonElement {
  const { label, intensity, uncertain } = comment.verdict.classification;
  return modelBadge(label, intensity, uncertain);
}

/** Out-of-sight badges (and shields) kept per look: enough for those leaving the window as replies stream in. */
const MAX_SPARE = 12;

/** Badges and shields are moved by a transform: a kept one shown again for another comment needs no layout. */
function moveTo(element: HTMLElement, x: number, y: number): void {
  element.style.transform = `translate(${x}px, ${y}px)`;
}

/**
 * A shield over `rect` (page coordinates), without a layout: its panel, larger than any comment, is moved
 * to the rectangle's corner and cut to its size (style.ts).
 */
function placeShield(shield: HTMLElement, rect: Rect): void {
  moveTo(shield, rect.left, rect.top);
  shield.style.setProperty('--width', `${Math.min(rect.right - rect.left, SHIELD_REACH)}px`);
  shield.style.setProperty('--height', `${Math.min(rect.bottom - rect.top, SHIELD_REACH)}px`);
}

/** Until the badges could be laid out (the overlay's element out of the page). */
const UNMEASURED_BADGE_WIDTH = 160;

/** An intensity of each level. */
const LEVEL_INTENSITY: Readonly<Record<Level, number>> = { low: 0, ...LEVEL_FROM };

/**
 * The width every badge gets, in CSS px: that of the widest look in the CM's language, laid out once per
 * language in `layer` (out of sight) with the fonts the CM's browser has. Read once, it spares each badge a
 * clip of its own, which the browser would otherwise draw apart from the others at every change.
 */
export function measureBadgeWidth(layer: HTMLElement): number {
  return perCatalog('badgeWidth', () => widestBadge(layer)) ?? UNMEASURED_BADGE_WIDTH;
}

/** The widest look's width, or undefined when nothing could be laid out (measured again next time). */
function widestBadge(layer: HTMLElement): number | undefined {
  const sizer = document.createElement('div');
  sizer.className = 'sizer';
  for (const look of everyLook()) sizer.append(modelBadge(...look).cloneNode(true));
  layer.append(sizer);
  let widest = 0;
  for (const badge of sizer.children) widest = Math.max(widest, badge.getBoundingClientRect().width);
  sizer.remove();
  return widest > 0 ? Math.ceil(widest) : undefined;
}

/** The words on a badge, in the CM's language: the label and the level's word (the name says more). */
export function badgeWords(label: Label, intensity: number, uncertain: boolean): string {
  return tc(
    uncertain ? 'badgeWordsUncertain' : 'badgeWords',
    tc(BADGE_WORD[label]),
    tc(`level_${intensityLevel(intensity)}`),
  );
}

/** Every look a badge can have: a label, an intensity of each level, certain or not. */
export function everyLook(): [label: Label, intensity: number, uncertain: boolean][] {
  return (Object.keys(LABEL_STYLE) as Label[]).flatMap((label) =>
    LEVELS.flatMap((level) =>
      [false, true].map((uncertain): [Label, number, boolean] => [label, LEVEL_INTENSITY[level], uncertain]),
    ),
  );
}

/**
 * A badge's accessible name: the words on it first, then what they stand for, and whose comment it is (in
 * the overlay, badges are in no particular order: a screen reader reads them with nothing else). What
 * depends on the look alone is put together once per look and language.
 */
function badgeName(label: Label, intensity: number, uncertain: boolean, author: string): string {
  const [head, tail] = perCatalog(`name|${badgeLook(label, intensity, uncertain)}`, () => {
    const meaning = [
      intensityWords(intensity),
      BADGE_WORD[label] === LABEL_STYLE[label].messageKey ? null : tc(LABEL_STYLE[label].messageKey),
      uncertain ? tc('badgeUncertain') : null,
    ].filter((part) => part !== null);
    return [`${badgeWords(label, intensity, uncertain)} — ${meaning.join('. ')}`, tc('badgeAria')];
  });
  if (author === '') return `${head}. ${tail}`;
  const whose = tc('badgeAuthor', author);
  // A name that ends a sentence itself ("Camille R.") takes no second full stop.
  return `${head}. ${whose}${/[.!?…]$/.test(whose) ? '' : '.'} ${tail}`;
}

function buildBadge(label: Label, intensity: number, uncertain: boolean): HTMLButtonElement {
  const { icon, colour } = LABEL_STYLE[label];
  // One element: its icon and words are drawn by the stylesheet from its attributes, not as text (the
  // page's `window.find` would find a label's words: Card.tsx), and a badge without children costs less
  // to create, style, lay out and remove while replies stream in.
  const badge = document.createElement('button');
  badge.type = 'button';
  badge.className = 'badge';
  badge.dataset.label = label;
  badge.style.background = colour;
  badge.dataset.icon = icon;
  badge.dataset.words = badgeWords(label, intensity, uncertain);
  return badge;
}

function newShield(): HTMLElement {
  const shield = document.createElement('div');
  shield.className = 'shield';
  // Its caption, drawn by the stylesheet: not text the page's `window.find` could look for.
  shield.dataset.say = tc('badgeShieldCaption');
  return shield;
}

interface Shown {
  drawn: Drawn;
  /** The model the badge was copied from. */
  model: HTMLButtonElement;
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
  /** Badges kept by the model they were copied from; shields, all alike, by none. */
  const spareBadges = createSpares<HTMLButtonElement, HTMLButtonElement>(MAX_SPARE);
  const spareShields = createSpares<null, HTMLElement>(MAX_SPARE);
  const keep = ({ model, badge, shield }: Shown) => {
    spareBadges.put(model, badge);
    if (shield) spareShields.put(null, shield);
  };
  const discard = ({ badge, shield }: Shown) => {
    badge.remove();
    shield?.remove();
  };
  /** A badge of `model`'s look: one kept if there is one, else a new copy. */
  const badgeFor = (model: HTMLButtonElement) =>
    spareBadges.take(model) ?? toolbar.appendChild(model.cloneNode(true) as HTMLButtonElement);
  const shieldFor = () => spareShields.take(null) ?? shields.appendChild(newShield());

  /** The catalog the badges were last drawn with. */
  let drawnWith = -1;
  const sync = (drawn: readonly Drawn[]) => {
    // In another language (the CM changed it), every badge and shield is drawn again: nothing drawn is
    // kept as is, and none in the former language is kept for later.
    const restrung = drawnWith !== stringsVersion();
    drawnWith = stringsVersion();
    if (restrung) {
      spareBadges.clear();
      spareShields.clear();
    }
    const retire = restrung ? discard : keep;
    const wanted = new Set(drawn.map((d) => d.comment.key));
    for (const [key, entry] of shown) {
      if (wanted.has(key)) continue;
      retire(entry);
      shown.delete(key);
    }
    for (const d of drawn) {
      const { key } = d.comment;
      let entry = shown.get(key);
      if (entry?.drawn === d && !restrung) continue;
      // A verdict that changes the badge's look (a correction), or the CM's language changing, makes a new
      // badge; a verdict that does not (the service worker's, with the tactics, while the card is open; a
      // reveal) keeps it, and its focus.
      const model = modelOf(d.comment);
      if (entry && entry.model !== model) {
        retire(entry);
        entry = undefined;
      }
      let badge = entry?.badge;
      if (!badge) {
        badge = badgeFor(model);
        badge.dataset.key = key;
        const { label, intensity, uncertain } = d.comment.verdict.classification;
        badge.setAttribute('aria-label', badgeName(label, intensity, uncertain, d.comment.authorName));
      }
      moveTo(badge, d.badge.x, d.badge.y);
      let shield = entry?.shield ?? null;
      if (d.shield) {
        if (!shield) {
          shield = shieldFor();
          shield.dataset.key = key;
        }
        placeShield(shield, d.shield);
        // Changed only when it changes (toggling to the same state writes nothing).
        shield.classList.toggle('bare', d.shield.bottom - d.shield.top < CAPTION_MIN_HEIGHT);
      } else if (shield) {
        spareShields.put(null, shield);
        shield = null;
      }
      shown.set(key, { drawn: d, model, badge, shield });
    }
  };

  /** One badge in the Tab order: the last one focused, else the first in the window; the open one says so. */
  const markFocus = (drawn: readonly Drawn[], current: string | null, open: string | null) => {
    const tabbable =
      current !== null && shown.has(current)
        ? current
        : (inWindow(drawn, model.view.peek(), model.badgeWidth.peek())[0]?.comment.key ?? null);
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
      // The settings bring the CM's language: a change of them draws the badges again (in it, if it changed).
      void model.settings.value;
      sync(drawn);
      markFocus(drawn, model.currentKey.value, model.openKey.value);
    }),
    effect(() => {
      const box = model.ring.value;
      ring.hidden = box === null;
      if (box) place(ring, box);
    }),
    effect(() => {
      layer.style.setProperty('--badge-width', `${model.badgeWidth.value}px`);
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
