/**
 * The CM's settings: one validated object, stored in the `settings` table under one key. The schema is
 * strict (a key it does not list is refused): it checks what the dashboard saves and what a backup restores.
 * The stored row is read leniently instead (`parseSettings`), so settings saved by an older version keep
 * working.
 */
import * as v from 'valibot';
import { LEVEL_FROM } from './levels';
import { snapThreshold } from './shield';

const handleList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(50));
/** A shield threshold: always one of the levels' (shield.ts), whatever was stored. */
const level = v.pipe(v.number(), v.minValue(0), v.maxValue(1), v.transform(snapThreshold));

export const settingsSchema = v.strictObject({
  /** The CM's own accounts per platform (without '@'): their comments are logged, never classified. */
  ownHandles: v.strictObject({ x: handleList, facebook: handleList }),
  /** Brand and product names: help the classifier spot complaints, and fill the {brand} placeholder. */
  brandNames: handleList,
  /** Interface language: 'auto' follows the browser (French for a French browser). */
  language: v.picklist(['auto', 'fr', 'en']),
  /** Blur comments of a label from this intensity on (a level's threshold); null = never blur that label. */
  shield: v.strictObject({
    troll: v.nullable(level),
    unhappy_customer: v.nullable(level),
    threat: v.nullable(level),
    neutral: v.nullable(level),
  }),
  // The two settings below came after backups were strict: a backup made before them lacks them, and takes
  // their defaults (a key it has is still checked, and a key no version had is still refused).
  /** How the brand addresses people in ready replies: "vous" or "tu" (French; English has one "you"). */
  tone: v.optional(v.picklist(['vous', 'tu']), 'vous'),
  /** The first-run setup (accounts, brand, tone, shield) was completed or skipped. */
  setupDone: v.optional(v.boolean(), false),
  /** Keep comment text in the local log (needed for the popup and evidence; never exported raw). */
  keepText: v.boolean(),
  /** Purge logged rows older than this many days. */
  retentionDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)),
  /** Break nudges. */
  nudges: v.strictObject({
    hostileIn30Min: v.pipe(v.number(), v.integer(), v.minValue(1)),
    hoursOnlinePerDay: v.pipe(v.number(), v.minValue(1), v.maxValue(24)),
    /** Local hour (0–23) after which activity earns a nudge. */
    lateHour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
    systemNotifications: v.boolean(),
  }),
  /** Experience sampling: ask after a threat and/or at the end of the day, at most this often. */
  checkIns: v.strictObject({
    afterThreat: v.boolean(),
    endOfDay: v.boolean(),
    minMinutesBetween: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
});

export type Settings = v.InferOutput<typeof settingsSchema>;

/**
 * The answer to a save: the settings stored now. `stale`: they changed since the page read the ones it
 * edited (in another tab, or by a restore), and nothing was written.
 */
export type SettingsSaved =
  | { ok: true; settings: Settings }
  | { ok: false; reason: 'stale'; settings: Settings };

export const DEFAULT_SETTINGS: Settings = {
  ownHandles: { x: [], facebook: [] },
  brandNames: [],
  language: 'auto',
  // Trolls from medium intensity: two thirds of the classifier's trolls on the authored corpus (README).
  shield: { troll: LEVEL_FROM.medium, unhappy_customer: null, threat: 0, neutral: null },
  tone: 'vous',
  setupDone: false,
  keepText: true,
  retentionDays: 90,
  nudges: { hostileIn30Min: 15, hoursOnlinePerDay: 10, lateHour: 22, systemNotifications: false },
  checkIns: { afterThreat: true, endOfDay: true, minMinutesBetween: 120 },
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `stored` checked against `schema`, field by field, down every nested object: a missing or invalid field
 * takes its default and every other keeps its stored value. Fields no longer in the schema are dropped.
 */
function withDefaults(schema: v.GenericSchema, fallback: unknown, stored: unknown): unknown {
  if (schema.type === 'strict_object' && isPlainObject(stored) && isPlainObject(fallback)) {
    const { entries } = schema as unknown as v.StrictObjectSchema<v.ObjectEntries, undefined>;
    return Object.fromEntries(
      Object.entries(entries).map(([key, entry]) => [key, withDefaults(entry, fallback[key], stored[key])]),
    );
  }
  const result = v.safeParse(schema, stored);
  return result.success ? result.output : structuredClone(fallback);
}

/**
 * Stored settings merged over the defaults, field by field (nested objects included), so a setting added
 * later gets its default and an invalid one falls back alone: the CM's other settings are never lost.
 */
export function parseSettings(stored: unknown): Settings {
  const result = v.safeParse(settingsSchema, withDefaults(settingsSchema, DEFAULT_SETTINGS, stored));
  return result.success ? result.output : structuredClone(DEFAULT_SETTINGS);
}
