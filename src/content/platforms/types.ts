import type { ObservedComment, Platform } from '../../shared/comment';
import type { KeyTable } from '../key-table';

/**
 * One read of the page: the observer makes one for each pass, however many parts of the page it hands
 * the adapter in that pass. The page does not change during a pass, so what an adapter learns of it may be
 * kept against the context (in a WeakMap), never longer.
 */
export interface AdapterContext {
  url: URL;
  /** The CM's own handles on this platform (lower-case, without '@'). */
  ownHandles: readonly string[];
  /** When the page is read (epoch ms): the times it shows as "3 h" count back from it. */
  now: number;
  /**
   * What earlier reads of this page established, for the adapter's own use (X: which posts are replies,
   * for rows read after the list scrolled away from the focal post). The observer keeps one per page.
   */
  memory: KeyTable;
}

/** What the site keeps off the page until the CM opens it. Desaffect counts it and never clicks. */
export interface WithheldComments {
  /** Buttons behind which replies are folded or hidden ("Show probable spam", "View more replies"). */
  places: number;
  /** How many replies those buttons say they hold, where they say (X's never do). */
  replies: number;
  /** Facebook shows its "Most relevant" selection of the comments, not all of them. */
  mostRelevantOnly: boolean;
}

export interface ExtractedComment {
  comment: ObservedComment;
  /** The comment's own container (X: the tweet article; Facebook: the comment article). */
  element: HTMLElement;
  /** Where the badge is inserted, next to the author line. */
  anchor: HTMLElement;
  /** The elements holding the comment's words: what the shield blurs. */
  bodies: HTMLElement[];
}

/** One per site. Selectors live in the adapter module and nowhere else. */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** True when this adapter reads comments on the page at `url`. */
  handles(url: URL): boolean;
  /**
   * True when the site shows `url` over the page without leaving it: a dialog with an address of its own
   * (X's reply composer at /compose/post). The page under it is still the one read.
   */
  showsOverPage(url: URL): boolean;
  /** Every readable comment under `root` (root included), in document order. */
  extract(root: ParentNode, context: AdapterContext): ExtractedComment[];
  /** Posts the page shows: posts without comments read for a while means the layout may have changed. */
  countPosts(root: ParentNode): number;
  /** What the site keeps from the CM on the page under `root`. */
  withheld(root: ParentNode): WithheldComments;
  /**
   * The reply box open for the comment `element` (an ExtractedComment's element): the box under that
   * comment on Facebook, the reply composer of that post on X; null when none is open for it (never the
   * post's own composer, never another comment's box).
   */
  replyBoxOf(element: HTMLElement): HTMLElement | null;
  /** The site's own reply control of the comment `element` (Facebook's "Reply", X's reply button), or null. */
  replyControlOf(element: HTMLElement): HTMLElement | null;
  /**
   * Optional: the element whose re-extraction covers a DOM change at `node` (the comment container around
   * it), or null when the change is outside any comment. Lets the observer re-read only what changed.
   */
  containerOf?(node: Node): Element | null;
}
