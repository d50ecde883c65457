/**
 * Messages of reading the page: the comments and the page's status a tab reports (cs→bg), the settings
 * it needs, what the popup asks of the service worker about a tab (ui→bg), what the popup asks the tab
 * itself to do (ui→cs), and how the service worker has a tab ready a comment for its screenshot (bg→cs).
 */
import * as v from 'valibot';
import {
  type Classification,
  MAX_FIELD_LENGTH,
  MAX_TEXT_LENGTH,
  PLATFORMS,
  type Platform,
  TIME_PRECISIONS,
} from '../shared/comment';
import { commentKeySchema } from '../shared/envelope';
import type { Catalog, UiLanguage } from '../shared/locale';
import type { Settings } from '../shared/settings';
import type { InsertOutcome } from '../tactics/messages';
import type { OwnReply } from '../tactics/replies';
import type { Tactic } from '../tactics/rules';

const shortString = v.pipe(v.string(), v.maxLength(MAX_FIELD_LENGTH));
const platform = v.picklist(PLATFORMS);

const observedCommentSchema = v.object({
  platform,
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
  threadKey: shortString,
  authorHandle: shortString,
  authorName: shortString,
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH)),
  createdAt: v.nullable(shortString),
  createdAtPrecision: v.nullable(v.picklist(TIME_PRECISIONS)),
  permalink: v.nullable(shortString),
  isReply: v.boolean(),
  isOwn: v.boolean(),
  translated: v.optional(v.boolean()),
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const pageStatusSchema = v.object({
  platform,
  url: shortString,
  /** Posts the adapter recognises on the page (used to tell "no comments" from "cannot read"). */
  postsVisible: count,
  commentsRead: count,
  /** When the tab started showing this page (epoch ms). */
  since: count,
  /** What the site keeps off the page until the CM opens it (WithheldComments): the popup says so. */
  withheld: v.object({ places: count, replies: count, mostRelevantOnly: v.boolean() }),
});

export const pageCsMessages = [
  v.object({
    type: v.literal('cs→bg:comments-observed'),
    /** One id per page load: a retried batch from the same load does not count as a new sighting. */
    sessionId: v.pipe(v.string(), v.minLength(8), v.maxLength(64)),
    comments: v.pipe(v.array(observedCommentSchema), v.maxLength(500)),
  }),
  v.object({ type: v.literal('cs→bg:page-status'), status: pageStatusSchema }),
  v.object({ type: v.literal('cs→bg:settings') }),
] as const;

/** The name of the content script's port to the service worker (src/content/port.ts). */
export const PAGE_PORT = 'desaffect:page';

export const pageMessages = [
  v.object({ type: v.literal('ui→bg:tab-comments'), tabId: v.pipe(v.number(), v.integer()) }),
] as const;

export type PageStatus = v.InferOutput<typeof pageStatusSchema>;

/** A tab's answer to `bg→cs:page-status`; null when it is not one. */
export function parsePageStatus(raw: unknown): PageStatus | null {
  const result = v.safeParse(pageStatusSchema, raw);
  return result.success ? result.output : null;
}

/** What a classified comment looks like to the tab and to the popup. */
export interface CommentVerdict {
  key: string;
  classification: Classification;
  /** Suggested tactics, best first (src/tactics/rules.ts). */
  tactics: Tactic[];
  /**
   * The CM already chose to read this comment through the shield. The answer to a tab's report says false
   * (the service worker answers before reading anything): it tells the tab afterwards (bg→cs:revealed).
   */
  revealed: boolean;
}

export interface TabCommentView extends CommentVerdict {
  /** An unhappy customer counts as answered once the CM logged a reply tactic or replied in the thread. */
  answered: boolean;
  /** Tactics the CM logged for this comment. */
  actions: string[];
  platform: Platform;
  authorHandle: string;
  authorName: string;
  text: string | null;
  permalink: string | null;
  createdAt: string | null;
  firstSeen: number;
  isOwn: boolean;
}

export interface TabView {
  status: (PageStatus & { updatedAt: number }) | null;
  comments: TabCommentView[];
}

/** What the content script needs of the settings, with its strings in the CM's language. */
export interface ContentSettings {
  ownHandles: Settings['ownHandles'];
  shield: Settings['shield'];
  brand: string;
  tone: Settings['tone'];
  /** The CM's saved replies, come first in the card as in the popup. */
  ownReplies: OwnReply[];
  language: UiLanguage;
  strings: Catalog;
}

export interface PageReplies {
  'cs→bg:comments-observed': { verdicts: CommentVerdict[] };
  'cs→bg:page-status': { ok: true };
  'cs→bg:settings': ContentSettings;
  'ui→bg:tab-comments': TabView;
}

const cssPixels = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100_000));

/**
 * Where the comment is, ready for its screenshot: its area (with some of its surroundings) in CSS pixels
 * of the viewport, the viewport's size, where the overlay drew the capture's marker (outside the area), and
 * the comment's text as the page shows it. Checked by the service worker, which crops with it.
 */
export const captureReadySchema = v.variant('found', [
  v.object({ found: v.literal(false) }),
  v.object({
    found: v.literal(true),
    area: v.object({ x: cssPixels, y: cssPixels, width: cssPixels, height: cssPixels }),
    viewport: v.object({ width: cssPixels, height: cssPixels }),
    marker: v.object({ x: cssPixels, y: cssPixels }),
    text: v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH)),
  }),
]);
export type CaptureReady = v.InferOutput<typeof captureReadySchema>;
export type CaptureFrame = Pick<Extract<CaptureReady, { found: true }>, 'area' | 'viewport'>;

/** The side of the capture's marker, a square of CSS pixels in a corner of the window. */
export const CAPTURE_MARKER_PX = 4;
const colourChannel = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255));
/** The colour of the capture's marker, new for each capture: the screenshot that shows it is up to date. */
export const markerColourSchema = v.tuple([colourChannel, colourChannel, colourChannel]);
export type MarkerColour = v.InferOutput<typeof markerColourSchema>;

/** From an extension page to the content script of a tab. */
const uiToCsMessages = [
  v.object({ type: v.literal('ui→cs:show-comment'), commentKey: commentKeySchema }),
  v.object({
    type: v.literal('ui→cs:insert-reply'),
    commentKey: commentKeySchema,
    text: v.pipe(v.string(), v.maxLength(5_000)),
  }),
] as const;
/** From the service worker to the content script of a tab. */
const bgToCsMessages = [
  /**
   * The CM revealed these shielded comments (in any tab, the popup or the dashboard): they are shown
   * everywhere. One message for a batch the tab reported (at most the 500 of its report), or for one reveal.
   */
  v.object({
    type: v.literal('bg→cs:revealed'),
    commentKeys: v.pipe(v.array(commentKeySchema), v.minLength(1), v.maxLength(500)),
  }),
  /** Whether the comments a tab reported were written: `stored` false when the database refused them. */
  v.object({
    type: v.literal('bg→cs:stored'),
    sessionId: v.pipe(v.string(), v.maxLength(64)),
    keys: v.pipe(v.array(commentKeySchema), v.maxLength(500)),
    stored: v.boolean(),
  }),
  /** The escalation kit: bring the comment into view, lift its shield and hide the badges, say where it is. */
  v.object({
    type: v.literal('bg→cs:prepare-capture'),
    commentKey: commentKeySchema,
    marker: markerColourSchema,
  }),
  /** The screenshot is taken: the page as it was. */
  v.object({ type: v.literal('bg→cs:capture-done') }),
  /** The popup is open on this tab: what the page shows now (counted only when asked, not while streaming). */
  v.object({ type: v.literal('bg→cs:page-status') }),
] as const;
const toCsSchema = v.variant('type', [...uiToCsMessages, ...bgToCsMessages]);
export type ToCs = v.InferOutput<typeof toCsSchema>;
export type UiToCs = Extract<ToCs, { type: `ui→cs:${string}` }>;
export type BgToCs = Extract<ToCs, { type: `bg→cs:${string}` }>;
export interface CsReplies {
  'ui→cs:show-comment': { found: boolean };
  'ui→cs:insert-reply': { outcome: InsertOutcome };
  'bg→cs:revealed': { ok: true };
  'bg→cs:stored': { ok: true };
  'bg→cs:prepare-capture': CaptureReady;
  'bg→cs:capture-done': { ok: true };
  'bg→cs:page-status': PageStatus;
}

/** A message from the extension's own pages or service worker; null for anything else. */
export function parseToCs(message: unknown): ToCs | null {
  const result = v.safeParse(toCsSchema, message);
  return result.success ? result.output : null;
}
