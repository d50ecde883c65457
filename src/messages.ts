/**
 * Every message between the content script (cs), the service worker (bg) and the extension pages (ui),
 * named by direction: the one union, assembled from each part's own `messages.ts`. Each message is
 * validated where it arrives: a page script or a stale tab cannot make the service worker accept a
 * malformed payload.
 */
import * as v from 'valibot';
import { type CorrectionReplies, correctionCsMessages, correctionMessages } from './classifier/messages';
import type { BgToCs } from './content/messages';
import { PAGE_PORT, type PageReplies, pageCsMessages, pageMessages } from './content/messages';
import { type ExportReplies, exportMessages } from './export/messages';
import { type ExposureReplies, exposureCsMessages, exposureMessages } from './exposure/messages';
import type { MessageSender, SenderTab } from './shared/envelope';
import { platformOfUrl } from './shared/sites';
import { type DataReplies, dataMessages } from './storage/messages';
import { type AssistantReplies, assistantCsMessages, assistantMessages } from './tactics/messages';

export type { BgToCs, CsReplies, UiToCs } from './content/messages';
export { PAGE_PORT };

const csToBgSchema = v.variant('type', [
  ...pageCsMessages,
  ...assistantCsMessages,
  ...exposureCsMessages,
  ...correctionCsMessages,
]);

const uiToBgSchema = v.variant('type', [
  ...pageMessages,
  ...dataMessages,
  ...assistantMessages,
  ...exposureMessages,
  ...exportMessages,
  ...correctionMessages,
]);

export type CsToBg = v.InferOutput<typeof csToBgSchema>;
export type UiToBg = v.InferOutput<typeof uiToBgSchema>;

/** The reply the service worker sends for each message type. */
export interface BgReplies
  extends PageReplies,
    DataReplies,
    AssistantReplies,
    ExposureReplies,
    ExportReplies,
    CorrectionReplies {}

export function parseCsToBg(message: unknown): CsToBg | null {
  const result = v.safeParse(csToBgSchema, message);
  return result.success ? result.output : null;
}

export function parseUiToBg(message: unknown): UiToBg | null {
  const result = v.safeParse(uiToBgSchema, message);
  return result.success ? result.output : null;
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

/**
 * The content script's long-lived port to the service worker (runtime.connect): one channel for the whole
 * page instead of one per message. Each request carries a number the answer repeats; the service worker
 * also sends its news for the tab on it (`push`, a bg→cs message). The request's `message` goes through
 * routeMessage like any other.
 */
const portRequestSchema = v.object({
  id: v.pipe(v.number(), v.integer(), v.minValue(0)),
  message: v.unknown(),
});
export type PortRequest = { id: number; message: CsToBg };
export type PortFrame =
  | { id: number; reply: BgReplies[CsToBg['type']] }
  | { id: number; failed: true }
  | { push: BgToCs };

export function parsePortRequest(raw: unknown): { id: number; message: unknown } | null {
  const result = v.safeParse(portRequestSchema, raw);
  return result.success ? result.output : null;
}

/** One handler per cs→bg message type, each returning that type's reply. */
export type CsHandlers<T extends CsToBg['type'] = CsToBg['type']> = {
  [K in T]: (message: Extract<CsToBg, { type: K }>, tab: SenderTab) => Promise<BgReplies[K]>;
};

/** One handler per ui→bg message type, each returning that type's reply. */
export type UiHandlers<T extends UiToBg['type'] = UiToBg['type']> = {
  [K in T]: (message: Extract<UiToBg, { type: K }>) => Promise<BgReplies[K]>;
};
