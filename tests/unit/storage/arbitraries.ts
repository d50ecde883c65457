/** fast-check arbitraries for the storage tests: rows of every table, valid as the service worker writes them. */
import fc from 'fast-check';
import { CUE_KINDS, type Cue, LABELS, PLATFORMS, TIME_PRECISIONS } from '../../../src/shared/comment';
import { localDay } from '../../../src/shared/day';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import {
  type ActionRow,
  type ActivityRow,
  type CheckInRow,
  type CommentRow,
  type CorrectionRow,
  EARLIER_SESSIONS_KEPT,
  type EvidenceRow,
  type SettingRow,
} from '../../../src/storage/schema';
import { REPLY_TACTICS, TOPICS } from '../../../src/tactics/replies';
import type { SavedReply } from '../../../src/tactics/saved-replies';

import { PARIS } from '../dashboard/rows';

export { PARIS };

/** Two weeks around the October 2026 DST change: rows share days, so merges and totals meet. */
const START = Date.UTC(2026, 9, 18);
const SPAN = 14 * 86_400_000;

export const instant = fc.integer({ min: START, max: START + SPAN });
const unit = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (x === 0 ? 0 : x));
/** Any UTF-16, lone surrogates included (JSON escapes them; IndexedDB keeps them). */
const text = fc.string({ unit: 'binary', maxLength: 24 });
export const platform = fc.constantFrom(...PLATFORMS);
export const label = fc.constantFrom(...LABELS);
/** A small id space, so generated comments collide by key. */
export const commentId = fc.integer({ min: 1, max: 30 }).map(String);
/** A time and its precision, both present or both null. */
const time = fc
  .option(fc.record({ createdAt: text, createdAtPrecision: fc.constantFrom(...TIME_PRECISIONS) }), {
    nil: null,
  })
  .map((found) => found ?? { createdAt: null, createdAtPrecision: null });
/** A typed cue, its optional fields present or absent. */
export const cue: fc.Arbitrary<Cue> = fc.record(
  {
    kind: fc.constantFrom(...CUE_KINDS),
    quote: text,
    count: fc.nat({ max: 100_000 }),
  },
  { requiredKeys: ['kind'] },
);

export const commentRow: fc.Arbitrary<CommentRow> = fc
  .record({
    platform,
    id: commentId,
    threadKey: text,
    authorHandle: text,
    authorName: text,
    text: fc.option(text, { nil: null }),
    time,
    permalink: fc.option(text, { nil: null }),
    isReply: fc.boolean(),
    isOwn: fc.boolean(),
    label,
    scores: fc.record({ troll: unit, unhappy_customer: unit, threat: unit, neutral: unit }),
    intensity: unit,
    lang: fc.constantFrom('fr', 'en', 'und'),
    uncertain: fc.boolean(),
    cues: fc.array(cue, { maxLength: 3 }),
    version: fc.constantFrom('1.0.0+753c849b', '2+000000000000', '2+123456789abc'),
    firstSeen: instant,
    seenFor: fc.integer({ min: 0, max: 2 * 86_400_000 }),
    timesSeen: fc.integer({ min: 1, max: 5 }),
    lastSessionId: text,
    earlierSessionIds: fc.option(fc.array(text, { maxLength: EARLIER_SESSIONS_KEPT }), { nil: undefined }),
    revealedAfter: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }),
  })
  .map(({ seenFor, revealedAfter, time, earlierSessionIds, ...row }) => {
    const comment: CommentRow = {
      ...row,
      ...time,
      key: `${row.platform}:${row.id}`,
      lastSeen: row.firstSeen + seenFor,
      day: localDay(row.firstSeen, PARIS),
    };
    if (earlierSessionIds !== undefined) comment.earlierSessionIds = earlierSessionIds;
    if (revealedAfter !== undefined) comment.revealedAt = row.firstSeen + revealedAfter;
    return comment;
  });

export const actionRow: fc.Arbitrary<Omit<ActionRow, 'id'>> = fc
  .record({
    commentKey: commentId.map((id) => `x:${id}`),
    tactic: fc.constantFrom('escalate', 'ignore', 'hide', 'no_action'),
    at: instant,
    platform,
    label,
  })
  .map((row) => ({ ...row, day: localDay(row.at, PARIS) }));

export const activityRow: fc.Arbitrary<ActivityRow> = fc
  .record({ first: instant, length: fc.integer({ min: 0, max: 10 * 3_600_000 }), platform, share: unit })
  .map(({ first, length, platform, share }) => ({
    day: localDay(first, PARIS),
    platform,
    activeMs: Math.floor(length * share),
    first,
    last: first + length,
  }));

export const checkInRow: fc.Arbitrary<Omit<CheckInRow, 'id'>> = fc
  .record({
    at: instant,
    score: fc.integer({ min: 1, max: 5 }),
    tags: fc.array(fc.constantFrom('angry', 'tired', 'amused'), { maxLength: 3 }),
    note: text,
    trigger: fc.constantFrom('threat' as const, 'end_of_day' as const, 'manual' as const),
  })
  .map((row) => ({ ...row, day: localDay(row.at, PARIS) }));

export const evidenceRow: fc.Arbitrary<Omit<EvidenceRow, 'id'>> = fc
  .record({
    commentKey: commentId.map((id) => `x:${id}`),
    at: instant,
    updatedAfter: fc.option(fc.integer({ min: 0, max: 86_400_000 }), { nil: undefined }),
    platform,
    permalink: fc.option(text, { nil: null }),
    authorHandle: text,
    authorName: text,
    text,
    time,
    firstSeen: fc.option(instant, { nil: null }),
    screenshot: fc.option(fc.constant('data:image/png;base64,iVBORw0KGgo='), { nil: null }),
    screenshotAtUpdate: fc.boolean(),
  })
  .map(({ updatedAfter, screenshotAtUpdate, time, ...row }) => {
    const updatedAt = row.at + (updatedAfter ?? 0);
    return {
      ...row,
      ...time,
      updatedAt,
      screenshotAt: row.screenshot === null ? null : screenshotAtUpdate ? updatedAt : row.at,
    };
  });

export const correctionRow: fc.Arbitrary<CorrectionRow> = fc
  .record({
    commentKey: commentId.map((id) => `x:${id}`),
    at: instant,
    platform,
    lang: fc.constantFrom('fr', 'en', 'und'),
    from: label,
    to: label,
    classifierVersion: fc.constantFrom('1.0.0+753c849b', '2+000000000000'),
    gram: fc.array(fc.nat({ max: 1 << 20 }), { maxLength: 8 }),
    structured: fc.array(fc.nat({ max: 511 }), { maxLength: 4 }),
  })
  .map((row) => ({ ...row, day: localDay(row.at, PARIS) }));

const savedReply: fc.Arbitrary<SavedReply> = fc.record({
  id: fc.uuid(),
  tactic: fc.constantFrom(...REPLY_TACTICS),
  topic: fc.constantFrom('any' as const, ...TOPICS),
  language: fc.constantFrom('fr' as const, 'en' as const),
  tone: fc.constantFrom('any' as const, 'vous' as const, 'tu' as const),
  text: fc.string({ minLength: 1, maxLength: 40 }).map((words) => `Reply ${words}`.trim()),
});

export const settingRows: fc.Arbitrary<SettingRow[]> = fc
  .record({
    retentionDays: fc.integer({ min: 1, max: 3650 }),
    purged: fc.option(
      instant.map((at) => localDay(at, PARIS)),
      { nil: undefined },
    ),
    replies: fc.option(fc.array(savedReply, { maxLength: 3 }), { nil: undefined }),
  })
  .map(({ retentionDays, purged, replies }) => [
    ...(purged ? [{ key: 'marker:lastPurgeDay', value: purged }] : []),
    { key: 'settings', value: { ...DEFAULT_SETTINGS, retentionDays } },
    ...(replies ? [{ key: 'savedReplies', value: replies }] : []),
  ]);

/**
 * Rows for every table, as a database would hold them (one comment per key, one activity per day and
 * platform, one evidence record per comment).
 */
export const tableRows = fc.record({
  comments: fc.uniqueArray(commentRow, { selector: (row) => row.key, maxLength: 12 }),
  actions: fc.array(actionRow, { maxLength: 5 }),
  activity: fc.uniqueArray(activityRow, { selector: (row) => `${row.day}|${row.platform}`, maxLength: 4 }),
  checkins: fc.array(checkInRow, { maxLength: 4 }),
  evidence: fc.uniqueArray(evidenceRow, { selector: (row) => row.commentKey, maxLength: 3 }),
  settings: settingRows,
  corrections: fc.uniqueArray(correctionRow, { selector: (row) => row.commentKey, maxLength: 4 }),
});

export type TableRows = typeof tableRows extends fc.Arbitrary<infer T> ? T : never;
