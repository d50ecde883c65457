/**
 * Messages of the exposure log: the tabs' active time (cs→bg), and what the popup and the dashboard ask
 * of it (ui→bg): the day at a glance, today, history, the workload report, check-ins and break nudges.
 */
import * as v from 'valibot';
import { PLATFORMS } from '../shared/comment';
import { localDaySchema } from '../shared/envelope';
import type { CheckInRow } from '../storage/schema';
import type { DayExposure, DaySummary, HistoryView, TodayView, WorkloadReport } from './model';
import type { CheckInTrigger, Nudge } from './wellbeing';

/** A report covers at most a few interval ticks, even when the browser delayed the tab's timer. */
const MAX_REPORTED_ACTIVE_MS = 10 * 60_000;

export const HISTORY_SPANS = [7, 30, 90] as const;
export type HistorySpan = (typeof HISTORY_SPANS)[number];

export const CHECK_IN_TAGS = ['angry', 'tired', 'worried', 'sad', 'amused', 'calm', 'proud'] as const;

export const exposureCsMessages = [
  v.object({
    type: v.literal('cs→bg:activity'),
    platform: v.picklist(PLATFORMS),
    activeMs: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_REPORTED_ACTIVE_MS)),
    at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
] as const;

export const exposureMessages = [
  v.object({ type: v.literal('ui→bg:summary') }),
  v.object({ type: v.literal('ui→bg:exposure-today') }),
  v.object({ type: v.literal('ui→bg:exposure-history'), days: v.picklist(HISTORY_SPANS) }),
  v.object({ type: v.literal('ui→bg:workload-report'), from: localDaySchema, to: localDaySchema }),
  v.object({ type: v.literal('ui→bg:checkin-due') }),
  v.object({
    type: v.literal('ui→bg:save-checkin'),
    score: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
    tags: v.pipe(v.array(v.picklist(CHECK_IN_TAGS)), v.maxLength(CHECK_IN_TAGS.length)),
    note: v.pipe(v.string(), v.maxLength(2_000)),
    trigger: v.picklist(['threat', 'end_of_day', 'manual']),
  }),
  v.object({ type: v.literal('ui→bg:dismiss-checkin'), trigger: v.picklist(['threat', 'end_of_day']) }),
  v.object({ type: v.literal('ui→bg:list-checkins'), days: v.picklist(HISTORY_SPANS) }),
  v.object({ type: v.literal('ui→bg:nudges') }),
  v.object({ type: v.literal('ui→bg:snooze-nudges') }),
] as const;

export interface ExposureReplies {
  'cs→bg:activity': { ok: true };
  'ui→bg:summary': DaySummary;
  'ui→bg:exposure-today': TodayView;
  'ui→bg:exposure-history': HistoryView;
  'ui→bg:workload-report': WorkloadReport;
  'ui→bg:checkin-due': { due: CheckInTrigger | null };
  'ui→bg:save-checkin': { ok: true };
  'ui→bg:dismiss-checkin': { ok: true };
  'ui→bg:list-checkins': { checkins: CheckInRow[]; days: DayExposure[] };
  'ui→bg:nudges': { nudges: Nudge[] };
  'ui→bg:snooze-nudges': { ok: true };
}
