/**
 * The service worker as the dashboard meets it through ui/client.ts, for page tests over a real database:
 * its boundary (a message it refuses gets no answer, which Chromium resolves as undefined), the handlers of
 * the settings and saved replies, the data and the exposure log, and a structured clone each way.
 */
import { dataHandlers } from '../../../src/background/handlers/data';
import { settingsHandlers } from '../../../src/background/handlers/settings';
import { exposureUiHandlers } from '../../../src/exposure/handlers';
import { parseUiToBg, type UiToBg } from '../../../src/messages';
import { Transfers } from '../../../src/shared/transfer';
import type { HandlerContext } from '../../../src/storage/context';
import type { DesaffectDb } from '../../../src/storage/db';

export function fakeServiceWorker(db: DesaffectDb) {
  const context: HandlerContext = { db, now: Date.now, health: { fullSince: null } };
  const handlers: Partial<Record<UiToBg['type'], (message: UiToBg) => Promise<unknown>>> = {
    ...settingsHandlers(context),
    ...dataHandlers({ ...context, transfers: new Transfers() }),
    ...exposureUiHandlers(context),
  } as never;
  async function sendMessage(raw: unknown): Promise<unknown> {
    const message = parseUiToBg(structuredClone(raw));
    if (!message) return undefined;
    const handler = handlers[message.type];
    if (!handler) throw new Error(`This test's service worker has no handler for ${message.type}`);
    return structuredClone(await handler(message));
  }
  return { sendMessage, context };
}
