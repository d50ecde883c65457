/**
 * Break nudges as system notifications, for a CM who turned them on in the settings (the browser then
 * asked them for the optional `notifications` permission). Each kind of nudge at most once a day, and
 * never after the CM snoozed nudges for the day (nudgesDue already says so).
 */
import browser from 'webextension-polyfill';
import { localDay } from '../shared/day';
import { CATALOGS, formatMessage, resolveLanguage } from '../shared/locale';
import type { DesaffectDb } from '../storage/db';
import { readMarker, writeMarker } from '../storage/markers';
import { readSettings } from '../storage/settings';
import { describeNudge, nudgesDue } from './wellbeing';
import { nudgeInputs } from './wellbeing-inputs';

/** Comments arrive in bursts: the thresholds are looked at no more often than this. */
const CHECK_EVERY_MS = 60_000;

export function createNudgeNotifier(db: DesaffectDb, now: () => number): () => Promise<void> {
  let lastCheck = Number.NEGATIVE_INFINITY;
  return async () => {
    const at = now();
    if (at - lastCheck < CHECK_EVERY_MS) return;
    lastCheck = at;
    const settings = await readSettings(db);
    if (!settings.nudges.systemNotifications || !browser.notifications) return;
    if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
    const day = localDay(at);
    const notified = await readMarker(db, 'nudgesNotified');
    const sent = notified?.day === day ? notified.kinds : [];
    const fresh = nudgesDue(await nudgeInputs(db, at), settings.nudges).filter(
      (nudge) => !sent.includes(nudge.kind),
    );
    if (fresh.length === 0) return;
    await writeMarker(db, 'nudgesNotified', { day, kinds: [...sent, ...fresh.map((nudge) => nudge.kind)] });
    const language = resolveLanguage(settings.language, browser.i18n.getUILanguage());
    await browser.notifications.create(`desaffect-break-${day}-${sent.length}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: formatMessage(CATALOGS[language], 'dashNudgeTitle'),
      message: fresh.map((nudge) => describeNudge(nudge, CATALOGS[language], language)).join('\n'),
    });
  };
}
