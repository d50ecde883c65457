import browser, { type Runtime } from 'webextension-polyfill';
import { classify } from '../classifier';
import type { Classification, ObservedComment } from '../shared/comment';
import { commentKey } from '../shared/comment';
import {
  type BgReplies,
  type CsToBg,
  parseCsToBg,
  parseUiToBg,
  type UiHandlers,
  type UiToBg,
} from '../shared/messages';
import { platformOfUrl } from '../shared/sites';
import { openDb } from '../storage/db';
import { ingest, type Observation } from '../storage/ingest';
import { readSettings } from '../storage/settings';
import type { HandlerContext } from './handlers/context';
import { coreHandlers } from './handlers/core';
import { settingsHandlers } from './handlers/settings';
import { forgetTab, updateTabState } from './tab-state';
import { createWriteQueue } from './write-queue';

/** The CM's own comments are logged but not classified as incoming. */
const OWN_COMMENT: Classification = {
  label: 'neutral',
  scores: { troll: 0, unhappy_customer: 0, threat: 0, neutral: 1 },
  intensity: 0,
  lang: 'und',
  uncertain: false,
  cues: ['own account'],
};

export function main(): void {
  const db = openDb();
  const enqueueWrite = createWriteQueue<Observation>((observations) =>
    ingest(db, observations, { now: Date.now() }),
  );

  async function onCommentsObserved(
    message: Extract<CsToBg, { type: 'cs→bg:comments-observed' }>,
    tabId: number,
  ): Promise<BgReplies['cs→bg:comments-observed']> {
    const settings = await readSettings(db);
    const context = { brandNames: settings.brandNames };
    const observations = message.comments.map((comment: ObservedComment) => ({
      comment,
      classification: comment.isOwn ? OWN_COMMENT : classify(comment.text, context),
      sessionId: message.sessionId,
      keepText: settings.keepText,
    }));
    // Acknowledge only once the rows are durable: a tab whose batch was not acknowledged sends it again.
    await enqueueWrite(observations);
    const keys = observations.map((o) => commentKey(o.comment));
    await updateTabState(tabId, (state) => ({ ...state, keys: [...new Set([...state.keys, ...keys])] }));
    return {
      verdicts: observations.map((o, i) => ({ key: keys[i] as string, classification: o.classification })),
    };
  }

  const context: HandlerContext = { db, now: Date.now };
  const uiHandlers: UiHandlers = {
    ...coreHandlers(context),
    ...settingsHandlers(context),
  };
  // The handler map is complete by type; TypeScript cannot correlate a union message with its handler.
  const onUiMessage = (message: UiToBg) =>
    (uiHandlers[message.type] as (m: UiToBg) => Promise<BgReplies[UiToBg['type']]>)(message);

  const extensionOrigin = browser.runtime.getURL('');

  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    // Extension pages (popup, dashboard) may also live in a tab: tell them apart by their origin.
    if (sender.url?.startsWith(extensionOrigin)) {
      const message = parseUiToBg(raw);
      return message ? onUiMessage(message) : undefined;
    }
    // Otherwise a content script: only on the supported sites, and only in the cs→bg vocabulary.
    const tabId = sender.tab?.id;
    const message = parseCsToBg(raw);
    if (tabId === undefined || !message || !platformOfUrl(sender.url)) return undefined;
    if (message.type === 'cs→bg:settings') return readSettings(db);
    if (message.type === 'cs→bg:page-status') {
      const status = { ...message.status, updatedAt: Date.now() };
      // A new page in the tab (single-page navigation included) starts a new list.
      return updateTabState(tabId, (state) => ({
        status,
        keys: !state.status || state.status.url === status.url ? state.keys : [],
      })).then(() => ({ ok: true as const }));
    }
    return onCommentsObserved(message, tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
  });
}
