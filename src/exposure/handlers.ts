/** The service worker's side of the exposure log: active time from the tabs, and the pages' questions. */

import type { CsHandlers, UiHandlers } from '../messages';
import { addDays } from '../shared/calendar';
import { LABELS } from '../shared/comment';
import { localDay } from '../shared/day';
import type { HandlerContext } from '../storage/context';
import { writeMarker } from '../storage/markers';
import { createDailyPurge } from '../storage/retention';
import { readSettings } from '../storage/settings';
import { recordActivity } from './activity';
import { totalByLabel } from './model';
import { exposureByDay, exposureOfDay, historyView, todayView, workloadReport } from './queries';
import { checkInDue, nudgesDue } from './wellbeing';
import { checkInInputs, nudgeInputs } from './wellbeing-inputs';

/**
 * Activity reports from the tabs. Created once at start-up: the retention purge runs then, and again on
 * activity (at most once a day), since the worker has no `alarms` permission to schedule it.
 */
export function exposureCsHandlers({ db, now }: HandlerContext): CsHandlers<'cs→bg:activity'> {
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

type ExposureUiType =
  | 'ui→bg:summary'
  | 'ui→bg:exposure-today'
  | 'ui→bg:exposure-history'
  | 'ui→bg:workload-report'
  | 'ui→bg:checkin-due'
  | 'ui→bg:save-checkin'
  | 'ui→bg:dismiss-checkin'
  | 'ui→bg:list-checkins'
  | 'ui→bg:nudges'
  | 'ui→bg:snooze-nudges';

export function exposureUiHandlers({ db, now, health }: HandlerContext): UiHandlers<ExposureUiType> {
  return {
    async 'ui→bg:summary'() {
      const day = localDay(now());
      // The dashboard's own aggregation of the day: incoming comments by label, active time.
      const exposure = await exposureOfDay(db, day);
      const byLabel = totalByLabel(exposure);
      return {
        day,
        byLabel,
        total: LABELS.reduce((sum, label) => sum + byLabel[label], 0),
        activeMs: exposure.activeMs,
        firstActivity: exposure.first,
        storageFull: health.fullSince !== null,
      };
    },
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
  };
}
