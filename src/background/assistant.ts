/** What the assistant works out from the log: tactics per comment, and whether a customer got an answer. */

import { hostileSince } from '../exposure/wellbeing-inputs';
import type { Label } from '../shared/comment';
import type { Settings } from '../shared/settings';
import type { DesaffectDb } from '../storage/db';
import type { CommentRow } from '../storage/schema';
import { suggestTactics, type Tactic } from '../tactics/rules';

const RECENT_MS = 30 * 60_000;

/** What the advice reads of a comment: its classification, thread and author. */
export type AdviceInput = Pick<
  CommentRow,
  'key' | 'threadKey' | 'authorHandle' | 'label' | 'scores' | 'intensity' | 'uncertain' | 'isOwn'
>;

function runnerUp(row: AdviceInput): Label {
  const ranked = (Object.entries(row.scores) as [Label, number][]).sort((a, b) => b[1] - a[1]);
  return ranked[1]?.[0] ?? 'neutral';
}

interface ThreadStats {
  keys: Set<string>;
  byAuthor: Map<string, number>;
}

/**
 * Per database and thread: how many comments, and how many by each author. Read once from the database
 * per service-worker life, then kept up to date as comments arrive, so a batch in a thread of thousands
 * of replies does not re-read them all. (A purge or restore may leave the counts high until the next
 * restart: they only tune tactics.)
 */
const threadStats = new WeakMap<DesaffectDb, Map<string, ThreadStats>>();

function count(stats: ThreadStats, row: Pick<CommentRow, 'key' | 'authorHandle'>): void {
  if (stats.keys.has(row.key)) return;
  stats.keys.add(row.key);
  stats.byAuthor.set(row.authorHandle, (stats.byAuthor.get(row.authorHandle) ?? 0) + 1);
}

async function statsOf(db: DesaffectDb, threadKey: string): Promise<ThreadStats> {
  let threads = threadStats.get(db);
  if (!threads) {
    threads = new Map();
    threadStats.set(db, threads);
  }
  let stats = threads.get(threadKey);
  if (!stats) {
    const fresh: ThreadStats = { keys: new Set(), byAuthor: new Map() };
    await db.comments
      .where('threadKey')
      .equals(threadKey)
      .each((row) => count(fresh, row));
    stats = threads.get(threadKey) ?? fresh; // another batch may have built it meanwhile
    threads.set(threadKey, stats);
  }
  return stats;
}

/**
 * Hostile comments in the last 30 minutes, recounted at most every few seconds: it only decides breaks.
 * A stale count is used while the recount runs, so advice never waits behind the database's writes.
 */
const recentHostileCache = new WeakMap<DesaffectDb, { at: number; value: number; counting: boolean }>();
const RECOUNT_MS = 5_000;

async function recentHostile(db: DesaffectDb, now: number): Promise<number> {
  const cached = recentHostileCache.get(db);
  if (!cached) {
    const value = await hostileSince(db, now - RECENT_MS);
    recentHostileCache.set(db, { at: now, value, counting: false });
    return value;
  }
  if (now - cached.at >= RECOUNT_MS && !cached.counting) {
    cached.counting = true;
    hostileSince(db, now - RECENT_MS).then(
      (value) => recentHostileCache.set(db, { at: now, value, counting: false }),
      () => {
        cached.counting = false;
      },
    );
  }
  return cached.value;
}

/**
 * Tactics for each comment, from its thread (length, the author coming back) and the CM's recent load. The
 * comments need not be stored yet: a batch is advised before it is written.
 */
export async function adviceFor(
  db: DesaffectDb,
  rows: readonly AdviceInput[],
  now: number,
  settings: Settings,
): Promise<Map<string, Tactic[]>> {
  const hostile = await recentHostile(db, now);
  const threads = new Map<string, ThreadStats>();
  for (const threadKey of new Set(rows.map((row) => row.threadKey))) {
    threads.set(threadKey, await statsOf(db, threadKey));
  }
  for (const row of rows) count(threads.get(row.threadKey) as ThreadStats, row);
  const advice = new Map<string, Tactic[]>();
  for (const row of rows) {
    const thread = threads.get(row.threadKey) as ThreadStats;
    const tactics = row.isOwn
      ? []
      : suggestTactics({
          label: row.label,
          intensity: row.intensity,
          uncertain: row.uncertain,
          runnerUp: runnerUp(row),
          threadLength: thread.keys.size,
          authorCommentsInThread: thread.byAuthor.get(row.authorHandle) ?? 0,
          recentHostile: hostile,
          breakAfter: settings.nudges.hostileIn30Min,
        });
    advice.set(row.key, tactics);
  }
  return advice;
}
