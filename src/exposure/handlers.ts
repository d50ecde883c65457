import browser from 'webextension-polyfill';
import type { CsHandlers, UiHandlers } from '../messages';
import { addDays } from '../shared/calendar';
import { localDay } from '../shared/day';
import { createBackup, restoreBackup } from '../storage/backup';
import type { HandlerContext } from '../storage/context';
import { writeMarker } from '../storage/markers';
import { createDailyPurge, deleteEverything } from '../storage/retention';
import { readSettings } from '../storage/settings';
import { recordActivity } from './activity';
import { exposureByDay, historyView, todayView, workloadReport } from './queries';
import { checkInDue, nudgesDue } from './wellbeing';
import { checkInInputs, nudgeInputs } from './wellbeing-inputs';

/**
 * Activity reports from the tabs. Created once at start-up: the retention purge runs then, and again on
 * activity (at most once a day), since the worker has no `alarms` permission to schedule it.
 */
export function dashboardCsHandlers({ db, now }: HandlerContext): CsHandlers<'cs→bg:activity'> {
  const purgeIfDue = createDailyPurge(db);
  void purgeIfDue(now());
  return {
    async 'cs→bg:activity'(message) {
      await recordActivity(db, message, now());
      void purgeIfDue(now());
      return { ok: true };
    },
  };
}

type DashboardUiType =
  | 'ui→bg:exposure-today'
  | 'ui→bg:exposure-history'
  | 'ui→bg:workload-report'
  | 'ui→bg:checkin-due'
  | 'ui→bg:save-checkin'
  | 'ui→bg:dismiss-checkin'
  | 'ui→bg:list-checkins'
  | 'ui→bg:nudges'
  | 'ui→bg:snooze-nudges'
  | 'ui→bg:backup'
  | 'ui→bg:restore'
  | 'ui→bg:data-usage'
  | 'ui→bg:delete-everything';

export function dashboardHandlers({ db, now }: HandlerContext): UiHandlers<DashboardUiType> {
  return {
    'ui→bg:exposure-today': () => todayView(db, now()),
    'ui→bg:exposure-history': (message) => historyView(db, now(), message.days),
    async 'ui→bg:workload-report'(message) {
      const { nudges } = await readSettings(db);
      return workloadReport(db, message.from, message.to, nudges.lateHour);
    },

    async 'ui→bg:checkin-due'() {
      const { checkIns } = await readSettings(db);
      return { due: checkInDue(await checkInInputs(db, now()), checkIns) };
    },
    async 'ui→bg:save-checkin'({ score, tags, note, trigger }) {
      const at = now();
      await db.checkins.add({ at, day: localDay(at), score, tags, note, trigger });
      return { ok: true };
    },
    async 'ui→bg:dismiss-checkin'({ trigger }) {
      const at = now();
      await writeMarker(db, 'checkInDismissed', { at, day: localDay(at), trigger });
      return { ok: true };
    },
    async 'ui→bg:list-checkins'(message) {
      const today = localDay(now());
      const from = addDays(today, 1 - message.days);
      const [checkins, days] = await Promise.all([
        db.checkins.where('day').between(from, today, true, true).reverse().sortBy('at'),
        exposureByDay(db, from, today),
      ]);
      return { checkins, days };
    },

    async 'ui→bg:nudges'() {
      const { nudges } = await readSettings(db);
      return { nudges: nudgesDue(await nudgeInputs(db, now()), nudges) };
    },
    async 'ui→bg:snooze-nudges'() {
      await writeMarker(db, 'nudgesSnoozedDay', localDay(now()));
      return { ok: true };
    },

    'ui→bg:backup': () => createBackup(db, browser.runtime.getManifest().version, now()),
    'ui→bg:restore': (message) => restoreBackup(db, message.fileText),
    async 'ui→bg:data-usage'() {
      const tables = [db.comments, db.actions, db.activity, db.checkins, db.evidence];
      const counts = await Promise.all(tables.map((table) => table.count()));
      const { retentionDays } = await readSettings(db);
      return {
        rows: Object.fromEntries(tables.map((table, i) => [table.name, counts[i] ?? 0])),
        retentionDays,
      };
    },
    async 'ui→bg:delete-everything'() {
      await deleteEverything(db);
      return { ok: true };
    },
  };
}
