/** Times the research export (prepare + zip) on a synthetic history of `rows` comments. */
import { exportZip } from '../../src/export/anonymize';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../src/export/messages';
import type { Platform } from '../../src/shared/comment';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { BackupTables } from '../../src/storage/backup-format';
import type { ActionRow, CommentRow } from '../../src/storage/schema';

const LABELS = ['troll', 'unhappy_customer', 'threat', 'neutral'] as const;
const DAY_MS = 86_400_000;
/** A classifier version of the same shape as CLASSIFIER_VERSION (the export does not read the weights). */
const BENCH_CLASSIFIER_VERSION = '2+000000000000';

/** A history shaped like a busy account: 90 days, ~1 commenter per 20 comments, an action per 10. */
export function syntheticBackupTables(rows: number): BackupTables {
  const start = Date.UTC(2026, 0, 1, 7);
  const comments: CommentRow[] = [];
  const actions: ActionRow[] = [];
  for (let i = 0; i < rows; i++) {
    const platform: Platform = i % 3 === 0 ? 'facebook' : 'x';
    const label = LABELS[(i * 7) % 4] as (typeof LABELS)[number];
    const author = (i * 7919) % Math.max(1, Math.floor(rows / 20));
    const firstSeen = start + Math.floor((i / rows) * 90) * DAY_MS + ((i * 37) % 50_000) * 1_000;
    const key = `${platform}:${1_000_000_000 + i}`;
    comments.push({
      key,
      platform,
      id: `${1_000_000_000 + i}`,
      threadKey: `${i % 1_000}`,
      authorHandle: `user_${author}`,
      authorName: `User Number ${author}`,
      text: `Commande CMD-${i} toujours pas livrée, appelez le 06 12 34 56 ${String(i % 100).padStart(2, '0')} !`,
      createdAt: new Date(firstSeen - 60_000).toISOString(),
      createdAtPrecision: 'second',
      permalink: `https://x.com/user_${author}/status/${1_000_000_000 + i}`,
      isReply: i % 2 === 0,
      isOwn: i % 50 === 0,
      label,
      scores: { troll: 0.4, unhappy_customer: 0.3, threat: 0.1, neutral: 0.2 },
      intensity: (i % 100) / 100,
      lang: 'fr',
      uncertain: i % 9 === 0,
      cues: [{ kind: 'insult', quote: `mot${i % 300}` }, { kind: 'shouting' }],
      version: BENCH_CLASSIFIER_VERSION,
      firstSeen,
      lastSeen: firstSeen + 5_000,
      timesSeen: 1 + (i % 3),
      lastSessionId: 'bench-session',
      day: new Date(firstSeen).toISOString().slice(0, 10),
    });
    if (i % 10 === 0) {
      actions.push({
        id: actions.length + 1,
        commentKey: key,
        tactic: 'no_action',
        at: firstSeen + 30_000,
        day: new Date(firstSeen).toISOString().slice(0, 10),
        platform,
        label,
      });
    }
  }
  return {
    comments,
    actions,
    activity: [],
    checkins: [],
    evidence: [],
    settings: [{ key: 'settings', value: { ...DEFAULT_SETTINGS, brandNames: ['Bench Brand'] } }],
    corrections: [],
  };
}

/** The export the dashboard's Download runs (prepare, then write the zip), timed; the history is made first. */
export async function benchExport(
  rows = 100_000,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
): Promise<{ ms: number; bytes: number }> {
  const tables = syntheticBackupTables(rows);
  const started = performance.now();
  const zip = await exportZip(tables, options, { extensionVersion: 'bench', now: Date.now() });
  return { ms: Math.round(performance.now() - started), bytes: zip.length };
}

/** The same with comment text included, redacted (names, e-mails, phones, numbers… in every comment). */
export function benchExportRedacted(rows = 100_000): Promise<{ ms: number; bytes: number }> {
  return benchExport(rows, { ...DEFAULT_EXPORT_OPTIONS, text: 'redacted' });
}
