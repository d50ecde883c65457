import type { CsHandlers, UiHandlers } from '../../messages';
import { localDay } from '../../shared/day';
import { shouldShield } from '../../shared/shield';
import type { HandlerContext } from '../../storage/context';
import type { DesaffectDb } from '../../storage/db';
import { mergeEvidence } from '../../storage/evidence';
import type { EvidenceRow } from '../../storage/schema';
import { readSettings } from '../../storage/settings';
import type { ActionChoice, EscalationResult } from '../../tactics/messages';
import { captureComment } from '../capture';
import { tellSiteTabs } from '../tell-tabs';

async function commentOrThrow(db: DesaffectDb, key: string) {
  const row = await db.comments.get(key);
  if (!row) throw new Error(`No logged comment ${key}`);
  return row;
}

async function logAction(
  db: DesaffectDb,
  commentKey: string,
  tactic: ActionChoice,
  at: number,
): Promise<{ ok: true }> {
  const row = await commentOrThrow(db, commentKey);
  await db.actions.add({
    commentKey,
    tactic,
    at,
    day: localDay(at),
    platform: row.platform,
    label: row.label,
  });
  return { ok: true };
}

/**
 * The escalation kit: the comment's evidence record (permalink, author, times, full text, screenshot), one
 * per comment. Escalating it again brings the record up to date (a new screenshot replaces the earlier one,
 * whose absence never erases it); the first escalation is logged as an action.
 */
async function escalate(
  db: DesaffectDb,
  commentKey: string,
  tabId: number,
  at: number,
): Promise<EscalationResult> {
  const row = await commentOrThrow(db, commentKey);
  const capture = await captureComment(tabId, commentKey);
  const { screenshot } = capture;
  const fresh: EvidenceRow = {
    commentKey,
    at,
    updatedAt: at,
    platform: row.platform,
    permalink: row.permalink,
    authorHandle: row.authorHandle,
    authorName: row.authorName,
    // The page's text when the CM does not keep comment text: the record is the CM's explicit choice to.
    text: row.text ?? capture.text ?? '',
    createdAt: row.createdAt,
    createdAtPrecision: row.createdAtPrecision,
    firstSeen: row.firstSeen,
    screenshot,
    screenshotAt: screenshot === null ? null : at,
  };
  return db.transaction('rw', db.evidence, db.actions, async () => {
    const existing = await db.evidence.where('commentKey').equals(commentKey).first();
    const record = existing ? mergeEvidence(existing, fresh) : fresh;
    const evidenceId = await db.evidence.put(record);
    if (!existing)
      await db.actions.add({
        commentKey,
        tactic: 'escalate',
        at,
        day: localDay(at),
        platform: row.platform,
        label: row.label,
      });
    return {
      evidenceId: evidenceId as number,
      updated: existing !== undefined,
      capture: capture.outcome,
      hasScreenshot: record.screenshot !== null,
    };
  });
}

/**
 * The CM chose to read a shielded comment: every tab shows it at once, and it is remembered, so it stays
 * readable in the pages, the popup and the dashboard. One reveal, everywhere.
 */
async function reveal(db: DesaffectDb, key: string, at: number): Promise<{ ok: true }> {
  await tellSiteTabs({ type: 'bg→cs:revealed', commentKeys: [key] });
  await db.comments.update(key, { revealedAt: at });
  return { ok: true };
}

export function assistantCsHandlers({
  db,
  now,
}: HandlerContext): CsHandlers<'cs→bg:log-action' | 'cs→bg:escalate' | 'cs→bg:reveal'> {
  return {
    'cs→bg:log-action': (message) => logAction(db, message.commentKey, message.tactic, now()),
    'cs→bg:escalate': (message, tab) => escalate(db, message.commentKey, tab.id, now()),
    'cs→bg:reveal': (message) => reveal(db, message.commentKey, now()),
  };
}

export function assistantUiHandlers({
  db,
  now,
}: HandlerContext): UiHandlers<
  'ui→bg:log-action' | 'ui→bg:escalate' | 'ui→bg:evidence-list' | 'ui→bg:reveal'
> {
  return {
    'ui→bg:log-action': (message) => logAction(db, message.commentKey, message.tactic, now()),
    'ui→bg:escalate': (message) => escalate(db, message.commentKey, message.tabId, now()),
    async 'ui→bg:evidence-list'() {
      const rows = await db.evidence.orderBy('at').reverse().toArray();
      const [comments, settings] = await Promise.all([
        db.comments.bulkGet(rows.map((row) => row.commentKey)),
        readSettings(db),
      ]);
      return rows.map((row, i) => {
        const comment = comments[i];
        // A record whose comment was purged keeps the shield of a threat never revealed.
        const shielded = shouldShield(
          settings.shield[comment?.label ?? 'threat'],
          comment?.intensity ?? 1,
          comment?.revealedAt !== undefined,
        );
        return { ...row, id: row.id as number, shielded };
      });
    },
    'ui→bg:reveal': (message) => reveal(db, message.commentKey, now()),
  };
}
