import browser from 'webextension-polyfill';
import type { CsHandlers, UiHandlers } from '../../messages';
import { localDay } from '../../shared/day';
import { shouldShield } from '../../shared/shield';
import type { HandlerContext } from '../../storage/context';
import type { DesaffectDb } from '../../storage/db';
import { readSettings } from '../../storage/settings';
import type { ActionChoice, EscalationResult } from '../../tactics/messages';
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
 * The screenshot of what the CM sees. The browser allows it only while the CM has opened Desaffect from
 * that tab (activeTab), and only the tab in front: a capture of another tab would be false evidence.
 */
async function captureTab(tabId: number): Promise<string | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active) return null;
    return await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch {
    return null;
  }
}

/** The escalation kit: one evidence record (permalink, author, time, full text, screenshot), logged as an action. */
async function escalate(
  db: DesaffectDb,
  commentKey: string,
  tabId: number,
  at: number,
): Promise<EscalationResult> {
  const row = await commentOrThrow(db, commentKey);
  const screenshot = await captureTab(tabId);
  const evidenceId = await db.transaction('rw', db.evidence, db.actions, async () => {
    const id = await db.evidence.add({
      commentKey,
      at,
      platform: row.platform,
      permalink: row.permalink,
      authorHandle: row.authorHandle,
      authorName: row.authorName,
      text: row.text ?? '',
      createdAt: row.createdAt,
      screenshot,
    });
    await db.actions.add({
      commentKey,
      tactic: 'escalate',
      at,
      day: localDay(at),
      platform: row.platform,
      label: row.label,
    });
    return id;
  });
  return { evidenceId: evidenceId as number, screenshot: screenshot !== null };
}

/**
 * The CM chose to read a shielded comment: every tab shows it at once, and it is remembered, so it stays
 * readable in the pages, the popup and the dashboard. One reveal, everywhere.
 */
async function reveal(db: DesaffectDb, key: string, at: number): Promise<{ ok: true }> {
  await tellSiteTabs({ type: 'bg→cs:revealed', commentKey: key });
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
