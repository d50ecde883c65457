/**
 * The service worker as the pages meet it through ui/client.ts, for page tests over a real database: its
 * boundary (a message it refuses gets no answer, which Chromium resolves as undefined), the handlers of the
 * settings and saved replies, the data, the exposure log, the assistant and the corrections, each watched
 * for a full storage as the service worker's are, and a structured clone each way.
 */
import { assistantUiHandlers } from '../../../src/background/handlers/assistant';
import { correctionHandlers } from '../../../src/background/handlers/corrections';
import { dataHandlers } from '../../../src/background/handlers/data';
import { settingsHandlers } from '../../../src/background/handlers/settings';
import { exposureUiHandlers } from '../../../src/exposure/handlers';
import { parseUiToBg, type UiToBg } from '../../../src/messages';
import { STORAGE_FULL_REPLY } from '../../../src/shared/envelope';
import { Transfers } from '../../../src/shared/transfer';
import type { HandlerContext } from '../../../src/storage/context';
import type { DesaffectDb } from '../../../src/storage/db';
import { watchHandlers } from '../../../src/storage/health';

export function fakeServiceWorker(db: DesaffectDb) {
  const context: HandlerContext = { db, now: Date.now, health: { fullSince: null } };
  const handlers: Partial<Record<UiToBg['type'], (message: UiToBg) => Promise<unknown>>> = watchHandlers(
    {
      ...settingsHandlers(context),
      ...dataHandlers({ ...context, transfers: new Transfers() }),
      ...exposureUiHandlers(context),
      ...assistantUiHandlers(context),
      ...correctionHandlers(context),
    },
    context.health,
    context.now,
    () => STORAGE_FULL_REPLY,
  ) as never;
  async function sendMessage(raw: unknown): Promise<unknown> {
    const message = parseUiToBg(structuredClone(raw));
    if (!message) return undefined;
    const handler = handlers[message.type];
    if (!handler) throw new Error(`This test's service worker has no handler for ${message.type}`);
    return structuredClone(await handler(message));
  }
  return { sendMessage, context };
}

/** A database whose writes the browser refuses, as when its storage quota is exhausted, while `full()`. */
export function fillable(db: DesaffectDb, full: () => boolean): DesaffectDb {
  db.use({
    stack: 'dbcore',
    name: 'quota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            full()
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  });
  return db;
}
