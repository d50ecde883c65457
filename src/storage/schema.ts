/**
 * Row shapes of the Desaffect database. The service worker is the only writer.
 *
 * Each row type is inferred from its valibot schema, the one a restore validates backup rows with. The
 * schemas are strict: a key they do not list refuses the row (and the backup file) rather than being
 * dropped, so a field added to a row must be added to its schema, or its backups would not restore. The
 * comment row is also checked at compile time against the shared comment model it is built from.
 */
import * as v from 'valibot';
import {
  type Classification,
  CUE_KINDS,
  LABELS,
  type Label,
  type ObservedComment,
  PLATFORMS,
  type Platform,
  TIME_PRECISIONS,
} from '../shared/comment';
import { settingsSchema } from '../shared/settings';
import { savedRepliesSchema } from '../tactics/saved-replies';

export const DB_NAME = 'desaffect';
/** The newest `version(n)` declared in db.ts (a test keeps them equal); backups carry it. */
export const SCHEMA_VERSION = 6;

/** How many sessions before the last a comment row remembers (`earlierSessionIds`). */
export const EARLIER_SESSIONS_KEPT = 4;

const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Auto-increment ids are local to one database: a restore gives restored rows new ones. */
const rowId = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)));
const text = v.string();
const platform = v.picklist(PLATFORMS);
const label = v.picklist(LABELS);
const unit = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** How precise `createdAt` is (see TIME_PRECISIONS); null exactly when `createdAt` is. */
const createdAtPrecision = v.nullable(v.picklist(TIME_PRECISIONS));

export const cueSchema = v.strictObject({
  kind: v.picklist(CUE_KINDS),
  quote: v.optional(text),
  count: v.optional(count),
});

/** The classifier before typed cues and per-row versions (schema 2), as its manifest named it. */
export const LEGACY_CLASSIFIER_VERSION = '1.0.0+753c849b';

export const commentRowSchema = v.strictObject({
  /** `platform:id`, see commentKey(). */
  key: v.pipe(v.string(), v.minLength(3)),
  platform,
  id: v.pipe(v.string(), v.minLength(1)),
  threadKey: text,
  authorHandle: text,
  authorName: text,
  /** Null when the CM chose not to keep comment text. */
  text: v.nullable(text),
  createdAt: v.nullable(text),
  createdAtPrecision,
  permalink: v.nullable(text),
  isReply: v.boolean(),
  isOwn: v.boolean(),
  label,
  scores: v.strictObject({ troll: unit, unhappy_customer: unit, threat: unit, neutral: unit }),
  intensity: unit,
  lang: text,
  uncertain: v.boolean(),
  cues: v.array(cueSchema),
  /** The classifier that labelled it (CLASSIFIER_VERSION). */
  version: text,
  /** Epoch ms when first and last seen in any tab. */
  firstSeen: epochMs,
  lastSeen: epochMs,
  /** Page sessions (tab loads) that showed this comment; a retried or re-rendered report counts once. */
  timesSeen: v.pipe(v.number(), v.integer(), v.minValue(1)),
  lastSessionId: text,
  /**
   * The few sessions that showed it before the last, latest first: a tab that resends its report after
   * another tab saw the comment is not counted twice. Absent until a second session shows it (not indexed:
   * no schema version needed).
   */
  earlierSessionIds: v.optional(v.pipe(v.array(text), v.maxLength(EARLIER_SESSIONS_KEPT))),
  /** Local calendar day of first sight, `YYYY-MM-DD`, for day aggregations. */
  day,
  /** When the CM chose to read it through the shield (not indexed: no schema version needed). */
  revealedAt: v.optional(epochMs),
});

/** What the CM did about a comment ("Done"), or that they chose to do nothing. */
export const actionRowSchema = v.strictObject({
  id: rowId,
  commentKey: text,
  /** A tactic id from src/tactics, or 'no_action'. */
  tactic: text,
  at: epochMs,
  day,
  platform,
  /** The comment's label when the action was taken, so aggregations need no join. */
  label,
});

/** Time with a supported tab visible and the CM active, per local day and platform. */
export const activityRowSchema = v.strictObject({
  day,
  platform,
  activeMs: v.pipe(v.number(), v.minValue(0)),
  /** Epoch ms of the first and last activity that day. */
  first: epochMs,
  last: epochMs,
});

/** An experience-sampling answer: "How affected are you?" */
export const checkInRowSchema = v.strictObject({
  id: rowId,
  at: epochMs,
  day,
  /** 1 (not at all) to 5 (very much). */
  score: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  tags: v.array(text),
  /** Private: never exported unless the CM includes it explicitly. */
  note: text,
  trigger: v.picklist(['threat', 'end_of_day', 'manual']),
});

/** A threat kept as evidence for the employer or the police: one record per comment (evidence.ts). */
export const evidenceRowSchema = v.strictObject({
  id: rowId,
  commentKey: text,
  /** When the CM first escalated the comment. */
  at: epochMs,
  /** When the record was last brought up to date by escalating the comment again (`at` if never). */
  updatedAt: epochMs,
  platform,
  permalink: v.nullable(text),
  authorHandle: text,
  authorName: text,
  text,
  /** The time the page gave for the comment (ISO 8601), as read, or null when it gave none. */
  createdAt: v.nullable(text),
  createdAtPrecision,
  /** When Desaffect first saw the comment (it was posted before), or null if it was no longer logged. */
  firstSeen: v.nullable(epochMs),
  /** PNG data URL of the comment and its surroundings as the page showed them, or null when none was taken. */
  screenshot: v.nullable(text),
  /** When that screenshot was taken (an update without a new one keeps the earlier one). */
  screenshotAt: v.nullable(epochMs),
});

/**
 * The CM's correction of a label, one per comment (correcting again replaces it). It keeps the comment's
 * hashed features, not its words, so the device can learn from it even when comment text is not kept.
 */
export const correctionRowSchema = v.strictObject({
  commentKey: v.pipe(v.string(), v.minLength(3)),
  at: epochMs,
  day,
  platform,
  lang: text,
  /** The classifier's label, and the CM's. */
  from: label,
  to: label,
  classifierVersion: text,
  /** Hash buckets of the comment's n-grams and of its structured features (engine.ts). */
  gram: v.pipe(v.array(count), v.maxLength(60_000)),
  structured: v.pipe(v.array(count), v.maxLength(512)),
});

/** Values of the dashboard's bookkeeping rows (`marker:<name>` in the settings table), see markers.ts. */
export const markerSchemas = {
  /** Local day of the last retention purge. */
  lastPurgeDay: day,
  /** Local day on which the CM snoozed break nudges. */
  nudgesSnoozedDay: day,
  /** The last check-in prompt the CM dismissed. */
  checkInDismissed: v.strictObject({ at: epochMs, day, trigger: v.picklist(['threat', 'end_of_day']) }),
  /** The break nudges already sent as system notifications today: each at most once a day. */
  nudgesNotified: v.strictObject({ day, kinds: v.array(v.pipe(text, v.maxLength(100))) }),
  /** When the CM reset what the device learned from their corrections (epoch ms). */
  learningResetAt: epochMs,
};

const markerRow = <Name extends keyof typeof markerSchemas>(name: Name) =>
  v.strictObject({ key: v.literal(`marker:${name}`), value: markerSchemas[name] });

/** The settings table's row of the CM's saved replies (storage/saved-replies.ts). */
export const SAVED_REPLIES_KEY = 'savedReplies';

/**
 * A row of the settings table as a backup may hold it: the CM's settings (key `settings`), complete and
 * valid, the CM's saved replies, or one of the dashboard's markers. Any other key, or any other value, is refused: a restore never
 * falls back to defaults for what it cannot read.
 */
export const settingRowSchema = v.variant('key', [
  v.strictObject({ key: v.literal('settings'), value: settingsSchema }),
  v.strictObject({ key: v.literal(SAVED_REPLIES_KEY), value: savedRepliesSchema }),
  markerRow('lastPurgeDay'),
  markerRow('nudgesSnoozedDay'),
  markerRow('checkInDismissed'),
  markerRow('nudgesNotified'),
  markerRow('learningResetAt'),
]);

export type CommentRow = v.InferOutput<typeof commentRowSchema>;
export type ActionRow = v.InferOutput<typeof actionRowSchema>;
export type ActivityRow = v.InferOutput<typeof activityRowSchema>;
export type CheckInRow = v.InferOutput<typeof checkInRowSchema>;
export type EvidenceRow = v.InferOutput<typeof evidenceRowSchema>;
export type CorrectionRow = v.InferOutput<typeof correctionRowSchema>;
/** A row of the settings table as stored; what a backup's rows may be is `settingRowSchema`. */
export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * Per-day totals of the incoming comments (the CM's own are left out), kept in step with the `comments`
 * table by the middleware in exposure/day-totals.ts: the dashboard reads 90 of these instead of 90,000
 * rows. Derived data, so never in a backup: a restore rebuilds it as it writes the comments.
 */
export interface DayTotalsRow {
  day: string;
  /** Comments by platform then label. */
  counts: Record<Platform, Record<Label, number>>;
  /** Sum of the comments' intensities by label, in millionths: integers, so adding and removing is exact. */
  intensityMicro: Record<Label, number>;
  /**
   * Comments by label and UTC quarter hour of first sight (epoch ms / 900,000). Every time zone's offset is
   * a whole number of quarter hours, so the local hour of each bucket comes out right in any zone.
   */
  quarters: Record<Label, Record<string, number>>;
}

// Compile-time checks: the comment row is the observed comment (its text nullable) with its classification.
// Whether the text was the site's translation is not kept: such a row's language is unknown (ingest.ts).
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type RowOnly =
  | 'key'
  | 'text'
  | 'firstSeen'
  | 'lastSeen'
  | 'timesSeen'
  | 'lastSessionId'
  | 'earlierSessionIds'
  | 'day'
  | 'revealedAt';
const commentRowIsObservedPlusClassification: Equal<
  Omit<CommentRow, RowOnly>,
  Omit<ObservedComment, 'text' | 'translated'> & Classification
> = true;
const commentRowKeysAreKnown: Equal<
  keyof CommentRow,
  RowOnly | Exclude<keyof ObservedComment, 'text' | 'translated'> | keyof Classification
> = true;
void commentRowIsObservedPlusClassification;
void commentRowKeysAreKnown;
