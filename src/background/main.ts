import browser, { type Runtime } from 'webextension-polyfill';
import { exposureCsHandlers, exposureUiHandlers } from '../exposure/handlers';
import { createNudgeNotifier } from '../exposure/notify';
import {
  type BgReplies,
  type CsHandlers,
  type CsToBg,
  PAGE_PORT,
  type PortFrame,
  parsePortRequest,
  routeMessage,
  type UiHandlers,
  type UiToBg,
} from '../messages';
import { type SenderTab, STORAGE_FULL_REPLY } from '../shared/envelope';
import { Transfers } from '../shared/transfer';
import type { HandlerContext } from '../storage/context';
import { openDb } from '../storage/db';
import { watchHandlers } from '../storage/health';
import { assistantCsHandlers, assistantUiHandlers } from './handlers/assistant';
import { commentHandlers } from './handlers/comments';
import { correctionCsHandlers, correctionHandlers } from './handlers/corrections';
import { dataHandlers } from './handlers/data';
import { exportHandlers } from './handlers/export';
import { settingsHandlers } from './handlers/settings';
import { tabHandlers } from './handlers/tab';
import { forgetTab } from './tab-state';
import { addPagePort } from './tell-tabs';

/** Answers on a port its page may have closed meanwhile (navigated, reloaded): nothing waits then. */
function answer(port: Runtime.Port, frame: PortFrame): void {
  try {
    port.postMessage(frame);
  } catch {
    // The page is gone.
  }
}

/**
 * Where earlier versions kept the secret that keyed study pseudonyms. Exports no longer hold any code that
 * links a commenter's rows, so the secret keys nothing: removed, so it cannot serve to recompute the codes
 * of exports already given.
 */
const RETIRED_INSTALL_SECRET_KEY = 'exportInstallSecret';

export function main(): void {
  void browser.storage.local.remove(RETIRED_INSTALL_SECRET_KEY).catch(() => undefined);
  const context: HandlerContext = { db: openDb(), now: Date.now, health: { fullSince: null } };
  // Files too large for one message (a backup, a research export), held for the pages to read in parts.
  const transfers = new Transfers();
  // A write the browser refuses for want of space is noted for the pages' storage-full notice; a page is
  // answered that its change was not saved for that reason, a content script that its action failed.
  const { health, now } = context;
  const csHandlers: CsHandlers = watchHandlers(
    {
      ...commentHandlers(context),
      ...assistantCsHandlers(context),
      ...exposureCsHandlers(context),
      ...correctionCsHandlers(context),
    } satisfies CsHandlers,
    health,
    now,
  );
  const uiHandlers = watchHandlers(
    {
      ...tabHandlers(context),
      ...settingsHandlers(context),
      ...dataHandlers({ ...context, transfers }),
      ...assistantUiHandlers(context),
      ...exposureUiHandlers(context),
      ...correctionHandlers(context),
      ...exportHandlers({ ...context, transfers }),
    } satisfies UiHandlers,
    health,
    now,
    () => STORAGE_FULL_REPLY,
  );
  const notifyNudges = createNudgeNotifier(context.db, context.now);
  // The handler maps are complete by type; TypeScript cannot correlate a union message with its handler.
  const onCsMessage = async (message: CsToBg, tab: SenderTab) => {
    const reply = await (
      csHandlers[message.type] as (m: CsToBg, t: SenderTab) => Promise<BgReplies[CsToBg['type']]>
    )(message, tab);
    // New comments and active time are what cross the break thresholds.
    if (message.type === 'cs→bg:comments-observed' || message.type === 'cs→bg:activity')
      void notifyNudges().catch(() => undefined);
    return reply;
  };
  const onUiMessage = (message: UiToBg) =>
    (
      uiHandlers[message.type] as (
        m: UiToBg,
      ) => Promise<BgReplies[UiToBg['type']] | typeof STORAGE_FULL_REPLY>
    )(message);

  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    const routed = routeMessage(raw, sender, self);
    if (routed === null) return undefined;
    return routed.from === 'ui' ? onUiMessage(routed.message) : onCsMessage(routed.message, routed.tab);
  });

  // The content scripts' ports: the same boundary (routeMessage), content-script messages only.
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== PAGE_PORT || !port.sender) return port.disconnect();
    const sender = port.sender;
    let registered = false;
    port.onMessage.addListener((raw: unknown) => {
      const request = parsePortRequest(raw);
      const routed = request && routeMessage(request.message, sender, self);
      if (!request || !routed || routed.from !== 'cs') return;
      if (!registered) {
        registered = true;
        addPagePort(routed.tab.id, port);
      }
      onCsMessage(routed.message, routed.tab).then(
        (reply) => answer(port, { id: request.id, reply }),
        () => answer(port, { id: request.id, failed: true }),
      );
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
  });
}
