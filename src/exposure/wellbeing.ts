/** Break nudges and check-in prompts: pure rules over the day's numbers and the CM's settings. */
import { type Catalog, formatMessage, pluralKey, type UiLanguage } from '../shared/locale';
import type { Settings } from '../shared/settings';

export type Nudge =
  | { kind: 'hostile_burst'; count: number; threshold: number }
  | { kind: 'long_day'; hours: number; threshold: number }
  | { kind: 'late'; lateHour: number };

export interface NudgeInputs {
  /** Incoming hostile comments first seen in the last 30 minutes. */
  hostileLast30Min: number;
  activeMsToday: number;
  /** Last activity today (epoch ms), null when none. */
  lastActivity: number | null;
  now: number;
  /** Local hour of `now`. */
  hourNow: number;
  /** The CM snoozed nudges for the rest of today. */
  snoozedToday: boolean;
}

/** Still "at work" late in the evening: active within this long. */
export const STILL_ACTIVE_MS = 10 * 60_000;

export function nudgesDue(inputs: NudgeInputs, settings: Settings['nudges']): Nudge[] {
  if (inputs.snoozedToday) return [];
  const nudges: Nudge[] = [];
  if (inputs.hostileLast30Min >= settings.hostileIn30Min) {
    nudges.push({
      kind: 'hostile_burst',
      count: inputs.hostileLast30Min,
      threshold: settings.hostileIn30Min,
    });
  }
  const hours = inputs.activeMsToday / 3_600_000;
  if (hours >= settings.hoursOnlinePerDay) {
    nudges.push({
      kind: 'long_day',
      hours: Math.round(hours * 10) / 10,
      threshold: settings.hoursOnlinePerDay,
    });
  }
  const activeNow = inputs.lastActivity !== null && inputs.now - inputs.lastActivity <= STILL_ACTIVE_MS;
  if (activeNow && inputs.hourNow >= settings.lateHour)
    nudges.push({ kind: 'late', lateHour: settings.lateHour });
  return nudges;
}

/** A nudge in the CM's language (plural forms included), for the pages and the system notification. */
export function describeNudge(nudge: Nudge, catalog: Catalog, language: UiLanguage): string {
  const counted = (key: string, count: number, written: string) =>
    formatMessage(catalog, pluralKey(catalog, key, count, language), [written]);
  switch (nudge.kind) {
    case 'hostile_burst':
      return counted('dashNudgeBurst', nudge.count, new Intl.NumberFormat(language).format(nudge.count));
    case 'long_day':
      return counted(
        'dashNudgeLongDay',
        nudge.hours,
        new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(nudge.hours),
      );
    case 'late':
      return formatMessage(catalog, 'dashNudgeLate', [
        new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(
          new Date(2000, 0, 1, nudge.lateHour),
        ),
      ]);
  }
}

export type CheckInTrigger = 'threat' | 'end_of_day';

/** The end-of-day check-in is offered from this local hour on. */
export const END_OF_DAY_HOUR = 18;

export interface CheckInInputs {
  now: number;
  hourNow: number;
  /** The last check-in saved or prompt dismissed (epoch ms), null if never. */
  lastPromptAt: number | null;
  /** The latest incoming threat seen today, null if none. */
  lastThreatAt: number | null;
  /** The CM was active on a supported site today. */
  activeToday: boolean;
  /** An end-of-day check-in was already saved or dismissed today. */
  endOfDayDone: boolean;
}

/** Which check-in to offer now, if any; never twice within settings.minMinutesBetween. */
export function checkInDue(inputs: CheckInInputs, settings: Settings['checkIns']): CheckInTrigger | null {
  const rested =
    inputs.lastPromptAt === null || inputs.now - inputs.lastPromptAt >= settings.minMinutesBetween * 60_000;
  if (!rested) return null;
  const threatSincePrompt =
    inputs.lastThreatAt !== null &&
    (inputs.lastPromptAt === null || inputs.lastThreatAt > inputs.lastPromptAt);
  if (settings.afterThreat && threatSincePrompt) return 'threat';
  if (settings.endOfDay && inputs.activeToday && !inputs.endOfDayDone && inputs.hourNow >= END_OF_DAY_HOUR) {
    return 'end_of_day';
  }
  return null;
}
