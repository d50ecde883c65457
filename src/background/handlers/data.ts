/** The CM's data as a whole: backup, restore, how much is stored, freeing space, deleting everything. */
import browser from 'webextension-polyfill';
import type { UiHandlers } from '../../messages';
import { localDay } from '../../shared/day';
import type { Transfers } from '../../shared/transfer';
import { createBackup, restoreBackup } from '../../storage/backup';
import type { HandlerContext } from '../../storage/context';
import { deleteEverything, oldestKeptDay, purgeOlderThan } from '../../storage/retention';
import { readSettings } from '../../storage/settings';

export function dataHandlers({
  db,
  now,
  health,
  transfers,
}: HandlerContext & { transfers: Transfers }): UiHandlers<
  | 'ui→bg:backup'
  | 'ui→bg:transfer-part'
  | 'ui→bg:restore-part'
  | 'ui→bg:restore'
  | 'ui→bg:data-usage'
  | 'ui→bg:free-space'
  | 'ui→bg:delete-everything'
> {
  return {
    async 'ui→bg:backup'() {
      const file = await createBackup(db, browser.runtime.getManifest().version, now());
      const transferId = crypto.randomUUID();
      return {
        transferId,
        parts: transfers.hold(transferId, JSON.stringify(file)),
        createdAt: file.createdAt,
      };
    },
    async 'ui→bg:transfer-part'(message) {
      const text = transfers.part(message.transferId, message.index);
      return text === null ? null : { text };
    },
    async 'ui→bg:restore-part'(message) {
      return { ok: transfers.receive(message.transferId, message.index, message.parts, message.text) };
    },
    async 'ui→bg:restore'(message) {
      const fileText = transfers.take(message.transferId);
      if (fileText === null) return { ok: false, reason: 'interrupted' };
      return restoreBackup(db, fileText, message.guarded);
    },
    async 'ui→bg:data-usage'() {
      const tables = [db.comments, db.actions, db.activity, db.checkins, db.evidence];
      const counts = await Promise.all(tables.map((table) => table.count()));
      const { retentionDays } = await readSettings(db);
      return {
        rows: Object.fromEntries(tables.map((table, i) => [table.name, counts[i] ?? 0])),
        retentionDays,
      };
    },
    async 'ui→bg:free-space'(message) {
      await purgeOlderThan(db, oldestKeptDay(localDay(now()), message.keepDays));
      // The next write will tell whether that was enough.
      health.fullSince = null;
      return { ok: true };
    },
    async 'ui→bg:delete-everything'() {
      await deleteEverything(db);
      return { ok: true };
    },
  };
}
