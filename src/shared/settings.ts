/** The CM's settings: one validated object, stored in the `settings` table under one key. */
import * as v from 'valibot';

const handleList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(50));
const level = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

export const settingsSchema = v.object({
  /** The CM's own accounts per platform (without '@'): their comments are logged, never classified. */
  ownHandles: v.object({ x: handleList, facebook: handleList }),
  /** Brand and product names: help the classifier spot complaints, and fill the {brand} placeholder. */
  brandNames: handleList,
  /** Interface language: 'auto' follows the browser (French for a French browser). */
  language: v.picklist(['auto', 'fr', 'en']),
  /** Blur comments of a label from this intensity on; null = never blur that label. */
  shield: v.object({
    troll: v.nullable(level),
    unhappy_customer: v.nullable(level),
    threat: v.nullable(level),
    neutral: v.nullable(level),
  }),
  /** Reply templates the CM edited, by tactic then language; missing ones use the shipped wording. */
  replyTemplates: v.record(v.string(), v.record(v.string(), v.pipe(v.string(), v.maxLength(2_000)))),
  /** Keep comment text in the local log (needed for the popup and evidence; never exported raw). */
  keepText: v.boolean(),
  /** Purge logged rows older than this many days. */
  retentionDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)),
  /** Break nudges. */
  nudges: v.object({
    hostileIn30Min: v.pipe(v.number(), v.integer(), v.minValue(1)),
    hoursOnlinePerDay: v.pipe(v.number(), v.minValue(1), v.maxValue(24)),
    /** Local hour (0–23) after which activity earns a nudge. */
    lateHour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
    systemNotifications: v.boolean(),
  }),
  /** Experience sampling: ask after a threat and/or at the end of the day, at most this often. */
  checkIns: v.object({
    afterThreat: v.boolean(),
    endOfDay: v.boolean(),
    minMinutesBetween: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
});

export type Settings = v.InferOutput<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  ownHandles: { x: [], facebook: [] },
  brandNames: [],
  language: 'auto',
  shield: { troll: 0.5, unhappy_customer: null, threat: 0, neutral: null },
  replyTemplates: {},
  keepText: true,
  retentionDays: 90,
  nudges: { hostileIn30Min: 15, hoursOnlinePerDay: 10, lateHour: 22, systemNotifications: false },
  checkIns: { afterThreat: true, endOfDay: true, minMinutesBetween: 120 },
};

/** Stored settings merged over the defaults, so a setting added later gets its default; invalid → defaults. */
export function parseSettings(stored: unknown): Settings {
  const merged =
    stored && typeof stored === 'object'
      ? { ...DEFAULT_SETTINGS, ...(stored as Record<string, unknown>) }
      : {};
  const result = v.safeParse(settingsSchema, merged);
  return result.success ? result.output : DEFAULT_SETTINGS;
}
