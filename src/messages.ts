/**
 * Every message between the content script (cs), the service worker (bg) and the extension pages (ui),
 * named by direction. Each one is validated where it arrives: a page script or a stale tab cannot make
 * the service worker accept a malformed payload.
 */
import * as v from 'valibot';
import { type CorrectionReplies, correctionCsMessages, correctionMessages } from './classifier/messages';
import { type ExportReplies, exportMessages } from './export/messages';
import { type DashboardReplies, dashboardCsMessages, dashboardMessages } from './exposure/messages';
import {
  type Classification,
  LABELS,
  type Label,
  MAX_FIELD_LENGTH,
  MAX_TEXT_LENGTH,
  PLATFORMS,
  type Platform,
} from './shared/comment';
import type { Catalog, UiLanguage } from './shared/locale';
import { type Settings, settingsSchema } from './shared/settings';
import { platformOfUrl } from './shared/sites';
import { type AssistantReplies, assistantCsMessages, assistantMessages } from './tactics/messages';
import type { Tactic } from './tactics/rules';

const shortString = v.pipe(v.string(), v.maxLength(MAX_FIELD_LENGTH));
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
  ...assistantCsMessages,
  ...dashboardCsMessages,
  ...correctionCsMessages,
]);

/** Messages from the extension pages. Each feature keeps its own variants in a `messages-*.ts` beside this. */
export const uiToBgSchema = v.variant('type', [
  v.object({ type: v.literal('ui→bg:tab-comments'), tabId: v.pipe(v.number(), v.integer()) }),
  v.object({ type: v.literal('ui→bg:summary') }),
  /** Frees space by deleting logged rows older than `keepDays` (evidence is kept). */
  v.object({ type: v.literal('ui→bg:free-space'), keepDays: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  v.object({ type: v.literal('ui→bg:get-settings') }),
  v.object({ type: v.literal('ui→bg:save-settings'), settings: settingsSchema }),
  ...assistantMessages,
  ...dashboardMessages,
  ...exportMessages,
  ...correctionMessages,
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

/** Who sent a message, as the browser tells the service worker (the slice the boundary checks). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

export type RoutedMessage =
  | { from: 'ui'; message: UiToBg }
  | { from: 'cs'; message: CsToBg; tab: SenderTab }
  | null;

/**
 * The service worker's boundary: a message is taken only from this extension's own contexts, in the
 * vocabulary of the context that sent it — ui→bg from its pages, cs→bg from its content script on a
 * supported site. Anything else (another extension, a page, a malformed message) gets null: no answer.
 */
export function routeMessage(
  raw: unknown,
  sender: MessageSender,
  self: { id: string; origin: string },
): RoutedMessage {
  if (sender.id !== self.id) return null;
  // Extension pages (popup, dashboard) may also live in a tab: tell them apart by their origin.
  if (sender.url?.startsWith(self.origin)) {
    const message = parseUiToBg(raw);
    return message ? { from: 'ui', message } : null;
  }
  const tabId = sender.tab?.id;
  const message = parseCsToBg(raw);
  if (tabId === undefined || !message || !platformOfUrl(sender.url)) return null;
  return { from: 'cs', message, tab: { id: tabId, windowId: sender.tab?.windowId } };
}

/** What a classified comment looks like to the tab and to the popup. */
export interface CommentVerdict {
  key: string;
  classification: Classification;
  /** Suggested tactics, best first (src/tactics/rules.ts). */
  tactics: Tactic[];
  /** The CM already chose to read this comment through the shield. */
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

export interface DaySummary {
  day: string;
  byLabel: Record<Label, number>;
  total: number;
  /** Time online today with a supported tab in front, and the first activity (epoch ms). */
  activeMs: number;
  firstActivity: number | null;
  /** The browser refuses new rows: its storage quota is exhausted. */
  storageFull: boolean;
}

/** What the content script needs of the settings, with its strings in the CM's language. */
export interface ContentSettings {
  ownHandles: Settings['ownHandles'];
  shield: Settings['shield'];
  brand: string;
  replyTemplates: Settings['replyTemplates'];
  language: UiLanguage;
  strings: Catalog;
}

/** The reply the service worker sends for each message type. */
export interface BgReplies extends AssistantReplies, DashboardReplies, ExportReplies, CorrectionReplies {
  'cs→bg:comments-observed': { verdicts: CommentVerdict[] };
  'cs→bg:page-status': { ok: true };
  'cs→bg:settings': ContentSettings;
  'ui→bg:get-settings': Settings;
  'ui→bg:save-settings': Settings;
  'ui→bg:tab-comments': TabView;
  'ui→bg:summary': DaySummary;
  'ui→bg:free-space': { ok: true };
}

/** The tab a content-script message came from. */
export interface SenderTab {
  id: number;
  windowId: number | undefined;
}

/** One handler per cs→bg message type, each returning that type's reply. */
export type CsHandlers<T extends CsToBg['type'] = CsToBg['type']> = {
  [K in T]: (message: Extract<CsToBg, { type: K }>, tab: SenderTab) => Promise<BgReplies[K]>;
};

/** One handler per ui→bg message type, each returning that type's reply. */
export type UiHandlers<T extends UiToBg['type'] = UiToBg['type']> = {
  [K in T]: (message: Extract<UiToBg, { type: K }>) => Promise<BgReplies[K]>;
};
