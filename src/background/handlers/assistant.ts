import browser from 'webextension-polyfill';
import type { CsHandlers, UiHandlers } from '../../messages';
import { localDay } from '../../shared/day';
import type { HandlerContext } from '../../storage/context';
import type { DesaffectDb } from '../../storage/db';
import type { ActionChoice, EscalationResult } from '../../tactics/messages';

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
      createdAtPrecision: row.createdAtPrecision,
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

/** The CM chose to read a shielded comment: remembered, so it stays readable in the page and the popup. */
async function reveal(db: DesaffectDb, key: string, at: number): Promise<{ ok: true }> {
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
      return rows.map((row) => ({ ...row, id: row.id as number }));
    },
    'ui→bg:reveal': (message) => reveal(db, message.commentKey, now()),
  };
}
