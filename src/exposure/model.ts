/** What the exposure dashboard computes and shows: the shapes crossing from the service worker. */

import { LABELS, type Label, PLATFORMS, type Platform, type TimePrecision } from '../shared/comment';
import type { CheckInRow } from '../storage/schema';

/** Hostile = aimed at the CM or the brand with ill intent. Unhappy customers are work, not hostility. */
export const HOSTILE_LABELS: readonly Label[] = ['troll', 'threat'];

/**
 * Exposure load: the sum of the intensities (0–1) of the day's incoming hostile comments, a threat
 * weighing twice as much as a troll. 40 mild trolls (0.25) load 10, so do 5 strong threats (1.0).
 */
export const LOAD_WEIGHT: Readonly<Record<Label, number>> = {
  troll: 1,
  threat: 2,
  unhappy_customer: 0,
  neutral: 0,
};

/** A day above the CM's usual is one whose load reaches 1.5 × the median load of the active days. */
export const ABOVE_USUAL_FACTOR = 1.5;

/** Days looked back to know the CM's usual day: four weeks hold every weekday four times. */
export const USUAL_LOOKBACK_DAYS = 28;

/** An "early" day starts before this local hour (the report's early/late days). */
export const EARLY_HOUR = 8;

export type LabelCounts = Record<Label, number>;

export function emptyLabelCounts(): LabelCounts {
  return Object.fromEntries(LABELS.map((label) => [label, 0])) as LabelCounts;
}

export function emptyPlatformCounts(): Record<Platform, LabelCounts> {
  return Object.fromEntries(PLATFORMS.map((p) => [p, emptyLabelCounts()])) as Record<Platform, LabelCounts>;
}

export function hostileCount(counts: LabelCounts): number {
  return HOSTILE_LABELS.reduce((sum, label) => sum + counts[label], 0);
}

/** One local day of exposure, as the service worker aggregates it (incoming comments only). */
export interface DayExposure {
  day: string;
  byPlatform: Record<Platform, LabelCounts>;
  /** See LOAD_WEIGHT. */
  load: number;
  /** Hostile comments first seen in each local hour 0–23. */
  hostileByHour: number[];
  activeMs: number;
  activeMsByPlatform: Record<Platform, number>;
  /** Epoch ms of the first and last activity, null when no supported tab was used that day. */
  first: number | null;
  last: number | null;
}

export function totalByLabel(day: Pick<DayExposure, 'byPlatform'>): LabelCounts {
  const total = emptyLabelCounts();
  for (const platform of PLATFORMS) {
    for (const label of LABELS) total[label] += day.byPlatform[platform][label];
  }
  return total;
}

/** Today at a glance (the popup). */
export interface DaySummary {
  day: string;
  byLabel: LabelCounts;
  total: number;
  /** Time online today with a supported tab in front, and the first activity (epoch ms). */
  activeMs: number;
  firstActivity: number | null;
  /** The browser refuses new rows: its storage quota is exhausted. */
  storageFull: boolean;
}

/** A day the CM worked: some activity logged or some comment received. */
export function isActiveDay(day: DayExposure): boolean {
  return day.activeMs > 0 || LABELS.some((label) => totalByLabel(day)[label] > 0);
}

/** The dashboard lists the day's latest threats; a day with more says how many are left out. */
export const MAX_THREATS_LISTED = 50;

export interface ThreatView {
  key: string;
  platform: Platform;
  authorHandle: string;
  authorName: string;
  text: string | null;
  permalink: string | null;
  intensity: number;
  /** The classifier hesitated between two labels. */
  uncertain: boolean;
  firstSeen: number;
  /** When it was written, as the site said or as estimated from what it showed ("3 h"), and how precisely. */
  createdAt: string | null;
  createdAtPrecision: TimePrecision | null;
  /** Blurred until the CM reveals it, as in the page (the CM's shield level, and whether it was revealed). */
  shielded: boolean;
  /**
   * When evidence was kept for this threat (newest first). Screenshots stay in the Evidence section: a
   * day's list must not carry megabytes of images through the message channel.
   */
  evidenceAt: number[];
}

export interface TodayView {
  today: DayExposure;
  usual: { hostile: number; load: number } | null;
  /** The day's latest threats, at most MAX_THREATS_LISTED (the day's total is in `today`). */
  threats: ThreatView[];
  /** Tactic id → times used today. */
  tactics: Record<string, number>;
  checkins: CheckInRow[];
}

export interface HistoryView {
  days: DayExposure[];
  /** Hostile comments by weekday (0 = Monday) then local hour. */
  heatMap: number[][];
  usual: { hostile: number; load: number } | null;
  /** Days whose load reached ABOVE_USUAL_FACTOR × the usual load. */
  aboveUsual: string[];
}

export interface WorkloadReport {
  from: string;
  to: string;
  hostile: number;
  threats: number;
  /** Comments the CM escalated to the employer (actions with the 'escalate' tactic). */
  threatsEscalated: number;
  activeMs: number;
  activeDays: number;
  /** Days whose first activity came before EARLY_HOUR, or whose last came at or after the late hour. */
  earlyDays: number;
  lateDays: number;
  /** Tactic id → times used over the period. */
  tactics: Record<string, number>;
}
