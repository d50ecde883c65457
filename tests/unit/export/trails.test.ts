import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/classifier-train';
import { buildExport } from '../../../src/export/anonymize';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/export/messages';
import type { Label } from '../../../src/shared/comment';
import type { BackupTables } from '../../../src/storage/backup-format';
import type { CommentRow } from '../../../src/storage/schema';
import { commentRow, hostile } from './history';

/**
 * Ten days of comments on one account, by a few very active commenters and many occasional ones, in
 * twenty threads, between 7:00 and 22:00 UTC: the shape of the audit that found codes singling out.
 */
function history(count: number, commenters: number): BackupTables {
  const random = mulberry32(7);
  const labels: Label[] = ['neutral', 'neutral', 'neutral', 'unhappy_customer', 'troll', 'threat'];
  const comments = Array.from({ length: count }, (_, i) => {
    const label = labels[Math.floor(random() * labels.length)] as Label;
    return commentRow({
      platform: 'x',
      id: `${1_000_000_000 + i}`,
      threadKey: `${Math.floor(random() * 20)}`,
      authorHandle: `u${Math.floor(commenters * random() ** 2)}`,
      authorName: 'Someone',
      text: null,
      permalink: null,
      firstSeen:
        Date.UTC(2026, 10, 1) +
        Math.floor(random() * 10) * 86_400_000 +
        (7 + Math.floor(random() * 15)) * 3_600_000 +
        Math.floor(random() * 3_600_000),
      classification: { ...hostile, label, intensity: label === 'neutral' ? 0.1 : 0.8 },
    });
  });
  return { comments, actions: [], activity: [], checkins: [], evidence: [], settings: [], corrections: [] };
}

type Trail = Map<string, number>;

const add = (trails: Map<string, Trail>, owner: string, mark: string) => {
  const trail = trails.get(owner) ?? new Map<string, number>();
  trail.set(mark, (trail.get(mark) ?? 0) + 1);
  trails.set(owner, trail);
};

/** Whether every mark of `part` is in `whole`, as often. */
const within = (part: Trail, whole: Trail) =>
  [...part].every(([mark, count]) => (whole.get(mark) ?? 0) >= count);

/** Columns that cannot link rows: the row's own number, and its time (what a trail is made of). */
const NOT_LINKS = new Set(['comment_no', 'day', 'seen_hour_utc', 'period_start', 'time_precision']);

/**
 * The attack of the audit: any column whose value repeats across rows could follow one commenter (or one
 * thread). The rows sharing a value leave a trail of published times and labels; anyone can read every
 * commenter's and every thread's trail on the public pages (the label with the shipped classifier). A
 * value whose trail fits exactly one public trail points at that commenter or thread.
 */
async function singledOut(granularity: 'hour' | 'day'): Promise<string[]> {
  const tables = history(1_200, 150);
  const { files } = await buildExport(
    tables,
    { ...DEFAULT_EXPORT_OPTIONS, granularity },
    { extensionVersion: '9.9.9', now: Date.UTC(2026, 11, 1) },
  );
  const rows = (files['comments_seen.jsonl'] as string)
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const when = (row: Record<string, unknown>) => (granularity === 'hour' ? row.seen_hour_utc : row.day);
  const publicTime = (comment: CommentRow) =>
    granularity === 'hour' ? `${new Date(comment.firstSeen).toISOString().slice(0, 13)}:00:00Z` : comment.day;

  const publicTrails = new Map<string, Trail>();
  for (const comment of tables.comments) {
    const mark = `${publicTime(comment)} ${comment.label}`;
    add(publicTrails, `commenter ${comment.authorHandle}`, mark);
    add(publicTrails, `thread ${comment.threadKey}`, mark);
  }
  const published = new Map<string, Trail>();
  for (const row of rows) {
    if (!when(row)) continue;
    for (const [column, value] of Object.entries(row)) {
      if (NOT_LINKS.has(column) || value === null) continue;
      add(published, `${column}=${String(value)}`, `${when(row)} ${row.label}`);
    }
  }
  expect(published.size).toBeGreaterThan(5);
  const found: string[] = [];
  for (const [value, trail] of published) {
    const fits = [...publicTrails].filter(([, whole]) => within(trail, whole));
    if (fits.length === 1) found.push(`${value} → ${fits[0]?.[0]}`);
  }
  return found;
}

describe('no value of the export follows one commenter or one thread (the trail attack)', () => {
  it.each(['hour', 'day'] as const)('with times to the %s', async (granularity) => {
    expect(await singledOut(granularity)).toEqual([]);
  });
});
