/**
 * What the overlay shows, as state apart from the components that draw it: the comments it knows, the ones
 * drawn this frame and where, the open card, the badge in the Tab order, the confirmation after a button,
 * the comment the popup asked to show, and the one being captured for the escalation kit.
 */
import { signal } from '@preact/signals';
import type { Platform } from '../../shared/comment';
import type { Settings } from '../../shared/settings';
import type { OwnReply } from '../../tactics/replies';
import type { CommentVerdict } from '../messages';
import { BADGE_HEIGHT, type CardSpot, type Point, type Rect } from './geometry';

/** One badged comment, as the page shows it. */
export interface OverlayComment {
  key: string;
  /** The comment's own container; the author line the badge follows; the elements holding its words. */
  element: HTMLElement;
  anchor: HTMLElement;
  bodies: readonly HTMLElement[];
  rtl: boolean;
  platform: Platform;
  authorName: string;
  permalink: string | null;
  verdict: CommentVerdict;
  /** Blurred until the CM chooses to read it. */
  shielded: boolean;
}

/** One comment drawn near the window, in page coordinates (the layer follows the window's scrolling). */
export interface Drawn {
  comment: OverlayComment;
  /** The badge's top-left corner. */
  badge: Point;
  shield: Rect | null;
}

/** Settings the card shows (they change when the CM edits them in the dashboard). */
/** The window, in page coordinates: how far it is scrolled, and its size. */
export interface View {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The drawn comments whose badge is inside the window (the others are drawn ahead, out of sight). */
export function inWindow(drawn: readonly Drawn[], view: View, badgeWidth: number): Drawn[] {
  return drawn.filter(
    ({ badge }) =>
      badge.x >= view.x &&
      badge.y >= view.y &&
      badge.x + badgeWidth <= view.x + view.width &&
      badge.y + BADGE_HEIGHT <= view.y + view.height,
  );
}

export interface CardSettings {
  brand: string;
  interfaceLanguage: string;
  tone: Settings['tone'];
  ownReplies: readonly OwnReply[];
}

export interface Confirmation {
  key: string;
  /** Which row of the card the pressed button sits in: the message shows there. */
  slot: string;
  text: string;
}

export function createOverlayModel(settings: CardSettings) {
  return {
    drawn: signal<readonly Drawn[]>([]),
    /** Every badge's width, in CSS px: the widest badge's words in the CM's language (0 until measured). */
    badgeWidth: signal(0),
    /** The window over the page: the layer of badges and shields moves by its scroll. */
    view: signal<View>({ x: 0, y: 0, width: 0, height: 0 }),
    /** The comment whose card is open, and where the card goes in the window (null until laid out). */
    openKey: signal<string | null>(null),
    cardSpot: signal<CardSpot | null>(null),
    /** The one badge in the Tab order (roving tabindex); arrow keys move it. */
    currentKey: signal<string | null>(null),
    confirmation: signal<Confirmation | null>(null),
    /** The comment the popup asked to show, and the ring drawn around it (page coordinates). */
    highlightKey: signal<string | null>(null),
    ring: signal<Rect | null>(null),
    /**
     * The comment whose screenshot the escalation kit is taking: its shield is lifted, and the badges, the
     * ring and the card are transparent, for the capture only.
     */
    capturing: signal<string | null>(null),
    settings: signal<CardSettings>(settings),
  };
}

export type OverlayModel = ReturnType<typeof createOverlayModel>;
