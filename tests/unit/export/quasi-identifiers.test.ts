import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/classifier-train';
import { buildExport, type ExportMeta } from '../../../src/export/anonymize';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/export/messages';
import { CUE_KINDS, LABELS, type Label } from '../../../src/shared/comment';
import type { BackupTables } from '../../../src/storage/backup-format';
import { commentRow, hostile } from './history';

const meta: ExportMeta = { extensionVersion: '9.9.9', now: Date.UTC(2026, 10, 25) };

/** A month of comments with classifier values as varied as real ones: scores, intensity, cues, language. */
function variedHistory(count: number): BackupTables {
  const random = mulberry32(16);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
  const comments = Array.from({ length: count }, (_, i) => {
    const label = pick<Label>([
      'troll',
      'troll',
      'unhappy_customer',
      'unhappy_customer',
      'threat',
      'neutral',
    ]);
    const raw = Object.fromEntries(LABELS.map((other) => [other, random() + (other === label ? 2 : 0)]));
    const total = Object.values(raw).reduce((sum, value) => sum + value, 0);
    const scores = Object.fromEntries(LABELS.map((other) => [other, (raw[other] as number) / total]));
    return commentRow({
      platform: random() < 0.7 ? 'x' : 'facebook',
      id: `${1_000_000 + i}`,
      threadKey: `thread-${i % 40}`,
      authorHandle: `author_${Math.floor(random() * 600)}`,
      authorName: 'Someone',
      text: null,
      permalink: null,
      firstSeen: Date.UTC(2026, 9, 1) + Math.floor(random() * 30 * 86_400_000),
      isOwn: random() < 0.03,
      classification: {
        ...hostile,
        label,
        scores: scores as Record<Label, number>,
        intensity: random(),
        lang: pick(['fr', 'fr', 'fr', 'en', 'und']),
        uncertain: random() < 0.2,
        cues: Array.from({ length: Math.floor(random() * 4) }, () => ({ kind: pick(CUE_KINDS) })),
      },
    });
  });
  for (const row of comments) row.isReply = random() < 0.6;
  return { comments, actions: [], activity: [], checkins: [], evidence: [], settings: [], corrections: [] };
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** How many published rows share each combination of every column but the row number. */
function groupSizes(rows: Record<string, unknown>[]): number[] {
  const groups = new Map<string, number>();
  for (const { comment_no: _no, ...published } of rows) {
    const key = JSON.stringify(published);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups.values()];
}

describe('quasi-identifiers: rows cannot be matched back to comments by their values', () => {
  const history = variedHistory(3_000);

  it('the rows are as identifying as real ones on what the export published before format 3', () => {
    const before = history.comments.map((row) =>
      JSON.stringify([
        row.label,
        ...LABELS.map((label) => row.scores[label].toFixed(3)),
        row.intensity.toFixed(2),
        row.lang,
        row.isReply,
        row.cues.map((cue) => cue.kind),
      ]),
    );
    const counts = new Map<string, number>();
    for (const key of before) counts.set(key, (counts.get(key) ?? 0) + 1);
    const unique = before.filter((key) => counts.get(key) === 1).length;
    expect(unique / before.length).toBeGreaterThan(0.95);
  });

  it.each([
    ['by default (label and intensity band)', false],
    ['with finer values', true],
  ])('%s, no published combination is shared by fewer than 5 rows', async (_, finerValues) => {
    const result = await buildExport(
      history,
      { ...DEFAULT_EXPORT_OPTIONS, granularity: 'day', finerValues },
      meta,
    );
    const rows = jsonLines(result.files['comments_seen.jsonl'] as string);
    const sizes = groupSizes(rows);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
    const manifest = JSON.parse(result.files['manifest.json'] as string);
    expect(rows.length + manifest.suppressedAsRare.rows.comments_seen).toBe(history.comments.length);
    if (finerValues) {
      // The price of finer values: on a month of 3,000 comments, most rows are too rare to publish.
      expect(rows.length).toBeLessThan(0.5 * history.comments.length);
    } else {
      // What is published by default keeps nearly every row: a band and a label are common.
      expect(rows.length).toBeGreaterThan(0.9 * history.comments.length);
      for (const finer of ['score_troll', 'intensity', 'lang', 'cue_kinds', 'is_reply', 'times_seen']) {
        expect(Object.keys(rows[0] as object)).not.toContain(finer);
      }
    }
  });
});
