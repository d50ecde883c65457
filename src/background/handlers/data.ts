/** The CM's data as a whole: backup, restore, how much is stored, freeing space, deleting everything. */
import browser from 'webextension-polyfill';
import type { UiHandlers } from '../../messages';
import { localDay } from '../../shared/day';
import { createBackup, restoreBackup } from '../../storage/backup';
import type { HandlerContext } from '../../storage/context';
import { deleteEverything, oldestKeptDay, purgeOlderThan } from '../../storage/retention';
import { readSettings } from '../../storage/settings';

export function dataHandlers({
  db,
  now,
  health,
}: HandlerContext): UiHandlers<
  'ui→bg:backup' | 'ui→bg:restore' | 'ui→bg:data-usage' | 'ui→bg:free-space' | 'ui→bg:delete-everything'
> {
  return {
    'ui→bg:backup': () => createBackup(db, browser.runtime.getManifest().version, now()),
    'ui→bg:restore': (message) => restoreBackup(db, message.fileText, message.guarded),
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
