/**
 * Every message between the content script (cs), the service worker (bg) and the extension pages (ui),
 * named by direction. Each one is validated where it arrives: a page script or a stale tab cannot make
 * the service worker accept a malformed payload.
 */
import * as v from 'valibot';
import {
  type Classification,
  LABELS,
  type Label,
  MAX_TEXT_LENGTH,
  PLATFORMS,
  type Platform,
} from './comment';
import { type AssistantReplies, assistantMessages } from './messages-assistant';
import { type DashboardReplies, dashboardMessages } from './messages-dashboard';
import { type Settings, settingsSchema } from './settings';

const shortString = v.pipe(v.string(), v.maxLength(2_048));
const platform = v.picklist(PLATFORMS);

export const observedCommentSchema = v.object({
  platform,
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
  threadKey: shortString,
  authorHandle: shortString,
  authorName: shortString,
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH)),
  createdAt: v.nullable(shortString),
  permalink: v.nullable(shortString),
  isReply: v.boolean(),
  isOwn: v.boolean(),
});

const pageStatusSchema = v.object({
  platform,
  url: shortString,
  /** Posts the adapter recognises on the page (used to tell "no comments" from "cannot read"). */
  postsVisible: v.pipe(v.number(), v.integer(), v.minValue(0)),
  commentsRead: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** When the tab started showing this page (epoch ms). */
  since: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const csToBgSchema = v.variant('type', [
  v.object({
    type: v.literal('cs→bg:comments-observed'),
    /** One id per page load: a retried batch from the same load does not count as a new sighting. */
    sessionId: v.pipe(v.string(), v.minLength(8), v.maxLength(64)),
    comments: v.pipe(v.array(observedCommentSchema), v.maxLength(500)),
  }),
  v.object({ type: v.literal('cs→bg:page-status'), status: pageStatusSchema }),
  v.object({ type: v.literal('cs→bg:settings') }),
]);

/** Messages from the extension pages. Each feature keeps its own variants in a `messages-*.ts` beside this. */
export const uiToBgSchema = v.variant('type', [
  v.object({ type: v.literal('ui→bg:tab-comments'), tabId: v.pipe(v.number(), v.integer()) }),
  v.object({ type: v.literal('ui→bg:summary') }),
  v.object({ type: v.literal('ui→bg:get-settings') }),
  v.object({ type: v.literal('ui→bg:save-settings'), settings: settingsSchema }),
  ...assistantMessages,
  ...dashboardMessages,
]);

export type CsToBg = v.InferOutput<typeof csToBgSchema>;
export type UiToBg = v.InferOutput<typeof uiToBgSchema>;
export type PageStatus = v.InferOutput<typeof pageStatusSchema>;

export const labelSchema = v.picklist(LABELS);

export function parseCsToBg(message: unknown): CsToBg | null {
  const result = v.safeParse(csToBgSchema, message);
  return result.success ? result.output : null;
}

export function parseUiToBg(message: unknown): UiToBg | null {
  const result = v.safeParse(uiToBgSchema, message);
  return result.success ? result.output : null;
}

/** What a classified comment looks like to the tab and to the popup. */
export interface CommentVerdict {
  key: string;
  classification: Classification;
}

export interface TabCommentView extends CommentVerdict {
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

export interface DaySummary {
  day: string;
  byLabel: Record<Label, number>;
  total: number;
}

/** The reply the service worker sends for each message type. */
export interface BgReplies extends AssistantReplies, DashboardReplies {
  'cs→bg:comments-observed': { verdicts: CommentVerdict[] };
  'cs→bg:page-status': { ok: true };
  'cs→bg:settings': Settings;
  'ui→bg:get-settings': Settings;
  'ui→bg:save-settings': Settings;
  'ui→bg:tab-comments': TabView;
  'ui→bg:summary': DaySummary;
}

/** One handler per ui→bg message type, each returning that type's reply. */
export type UiHandlers<T extends UiToBg['type'] = UiToBg['type']> = {
  [K in T]: (message: Extract<UiToBg, { type: K }>) => Promise<BgReplies[K]>;
};
