/** What the assistant works out from the log: tactics per comment, and whether a customer got an answer. */
import type { Label } from '../shared/comment';
import type { DesaffectDb } from '../storage/db';
import type { ActionRow, CommentRow } from '../storage/schema';
import { readSettings } from '../storage/settings';
import { suggestTactics, type Tactic } from '../tactics/rules';

const RECENT_MS = 30 * 60_000;
/** Logging one of these for a comment means the CM answered it. */
const ANSWERING: readonly string[] = ['humour', 'emoji', 'restraint', 'private_message'];

export interface Advice {
  tactics: Tactic[];
  revealed: boolean;
}

function runnerUp(row: CommentRow): Label {
  const ranked = (Object.entries(row.scores) as [Label, number][]).sort((a, b) => b[1] - a[1]);
  return ranked[1]?.[0] ?? 'neutral';
}

export async function hostileSince(db: DesaffectDb, since: number): Promise<number> {
  return db.comments
    .where('firstSeen')
    .aboveOrEqual(since)
    .filter((row) => !row.isOwn && (row.label === 'troll' || row.label === 'threat'))
    .count();
}

/** Tactics for each comment, from its thread (length, the author coming back) and the CM's recent load. */
export async function tacticsFor(
  db: DesaffectDb,
  keys: readonly string[],
  now: number,
): Promise<Map<string, Advice>> {
  const rows = (await db.comments.bulkGet([...keys])).filter((row): row is CommentRow => row !== undefined);
  const [settings, recentHostile] = await Promise.all([readSettings(db), hostileSince(db, now - RECENT_MS)]);
  const threads = new Map<string, CommentRow[]>();
  for (const threadKey of new Set(rows.map((row) => row.threadKey))) {
    threads.set(threadKey, await db.comments.where('threadKey').equals(threadKey).toArray());
  }
  const advice = new Map<string, Advice>();
  for (const row of rows) {
    const thread = threads.get(row.threadKey) ?? [];
    const tactics = row.isOwn
      ? []
      : suggestTactics({
          label: row.label,
          intensity: row.intensity,
          uncertain: row.uncertain,
          runnerUp: runnerUp(row),
          threadLength: thread.length,
          authorCommentsInThread: thread.filter((other) => other.authorHandle === row.authorHandle).length,
          recentHostile,
          breakAfter: settings.nudges.hostileIn30Min,
        });
    advice.set(row.key, { tactics, revealed: row.revealedAt !== undefined });
  }
  return advice;
}

/** A customer is answered once the CM logged a reply for them, or wrote in the thread after them. */
export function isAnswered(
  row: CommentRow,
  actions: readonly ActionRow[],
  thread: readonly CommentRow[],
): boolean {
  if (actions.some((action) => ANSWERING.includes(action.tactic))) return true;
  return thread.some((other) => other.isOwn && other.firstSeen >= row.firstSeen && other.key !== row.key);
}
