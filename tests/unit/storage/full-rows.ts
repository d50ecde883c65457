/**
 * Rows with every field set, optional ones included. Typed `Required<Row>`: a field added to a row type
 * (its schema, see src/storage/schema.ts) does not compile here until it is set, so the round-trip tests
 * that use these rows check the new field survives a backup and a restore.
 */
import type { Cue, Label, Platform } from '../../../src/shared/comment';
import type {
  ActionRow,
  ActivityRow,
  CheckInRow,
  CommentRow,
  CorrectionRow,
  EvidenceRow,
  SettingRow,
} from '../../../src/storage/schema';

export function fullComment(
  id: string,
  firstSeen: number,
  day: string,
  label: Label = 'troll',
  overrides: Partial<CommentRow> = {},
): Required<CommentRow> {
  const platform: Platform = overrides.platform ?? 'x';
  const row: Required<CommentRow> = {
    key: `${platform}:${id}`,
    platform,
    id,
    threadKey: 'thread-1',
    authorHandle: `author_${id}`,
    authorName: `Author ${id}`,
    text: `comment ${id}`,
    createdAt: new Date(firstSeen - 60_000).toISOString(),
    createdAtPrecision: 'hour',
    permalink: `https://x.com/author_${id}/status/${id}`,
    isReply: true,
    isOwn: false,
    label,
    scores: { troll: 0.1, unhappy_customer: 0.1, threat: 0.1, neutral: 0.1, [label]: 0.7 },
    intensity: 0.6,
    lang: 'fr',
    uncertain: true,
    // Every field of a cue, in one of them: a field the schema forgot would be dropped by a restore.
    cues: [
      { kind: 'insult', quote: 'clown' },
      { kind: 'exclamations', quote: '!!!!', count: 4 } satisfies Required<Cue>,
    ],
    version: '2+000000000000',
    firstSeen,
    lastSeen: firstSeen + 30_000,
    timesSeen: 2,
    lastSessionId: 'session-2',
    earlierSessionIds: ['session-1'],
    day,
    revealedAt: firstSeen + 10_000,
  };
  return { ...row, ...overrides } as Required<CommentRow>;
}

export function fullAction(id: number, commentKey: string, at: number, day: string): Required<ActionRow> {
  return { id, commentKey, tactic: 'escalate', at, day, platform: 'x', label: 'threat' };
}

export function fullActivity(
  day: string,
  platform: Platform,
  first: number,
  last: number,
): Required<ActivityRow> {
  return { day, platform, activeMs: Math.min(last - first, 3_600_000), first, last };
}

export function fullCheckIn(id: number, at: number, day: string): Required<CheckInRow> {
  return { id, at, day, score: 4, tags: ['tired', 'angry'], note: 'long day', trigger: 'threat' };
}

export function fullEvidence(id: number, commentKey: string, at: number): Required<EvidenceRow> {
  return {
    id,
    commentKey,
    at,
    updatedAt: at + 60_000,
    platform: 'x',
    permalink: `https://x.com/a/status/${commentKey}`,
    authorHandle: 'a',
    authorName: 'A',
    text: 'je sais où tu habites',
    createdAt: new Date(at - 60_000).toISOString(),
    createdAtPrecision: 'day',
    firstSeen: at - 30_000,
    screenshot: 'data:image/png;base64,iVBORw0KGgo=',
    screenshotAt: at + 60_000,
  };
}

export function fullCorrection(commentKey: string, at: number, day: string): Required<CorrectionRow> {
  return {
    commentKey,
    at,
    day,
    platform: 'x',
    lang: 'fr',
    from: 'troll',
    to: 'threat',
    classifierVersion: '2+000000000000',
    gram: [3, 1_024, 59_999],
    structured: [0, 2, 511],
  };
}

export function fullSetting(key: string, value: unknown): Required<SettingRow> {
  return { key, value };
}
