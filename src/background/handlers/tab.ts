import browser from 'webextension-polyfill';
import { type BgToCs, parsePageStatus, type TabCommentView } from '../../content/messages';
import type { UiHandlers } from '../../messages';
import type { HandlerContext } from '../../storage/context';
import { classificationOf } from '../../storage/corrections';
import type { CommentRow } from '../../storage/schema';
import { readSettings } from '../../storage/settings';
import { isAnswered } from '../../tactics/priority';
import { adviceFor } from '../assistant';
import { readTabState, recordStatus } from '../tab-state';

/** How long the popup waits for a busy page to count what it shows before using what it last said. */
const STATUS_WAIT_MS = 500;

/**
 * Asks the tab's page what it shows now. The page counts its posts only when asked (the popup is open),
 * not every few seconds while replies stream in; a tab without Desaffect, or too slow, keeps its last status.
 */
async function refreshStatus(tabId: number, now: () => number): Promise<void> {
  const asked = browser.tabs
    .sendMessage(tabId, { type: 'bg→cs:page-status' } satisfies BgToCs, { frameId: 0 })
    .catch(() => null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), STATUS_WAIT_MS);
  });
  const status = parsePageStatus(await Promise.race([asked, late]));
  clearTimeout(timer);
  if (status) await recordStatus(tabId, status, now());
}

/** The popup's list: what a tab has shown, with the tactics and what the CM did about each comment. */
export function tabHandlers({ db, now }: HandlerContext): UiHandlers<'ui→bg:tab-comments'> {
  return {
    async 'ui→bg:tab-comments'(message) {
      await refreshStatus(message.tabId, now);
      const state = await readTabState(message.tabId);
      const [stored, settings] = await Promise.all([db.comments.bulkGet(state.keys), readSettings(db)]);
      const rows = stored.filter((row): row is CommentRow => row !== undefined);
      const [advice, actions] = await Promise.all([
        adviceFor(db, rows, now(), settings),
        db.actions.where('commentKey').anyOf(state.keys).toArray(),
      ]);
      const comments: TabCommentView[] = [];
      for (const row of rows) {
        const own = actions.filter((action) => action.commentKey === row.key);
        comments.push({
          key: row.key,
          classification: classificationOf(row),
          tactics: advice.get(row.key) ?? [],
          revealed: row.revealedAt !== undefined,
          actions: own.map((action) => action.tactic),
          answered: isAnswered(
            row,
            own.map((action) => action.tactic),
            rows,
          ),
          platform: row.platform,
          authorHandle: row.authorHandle,
          authorName: row.authorName,
          text: row.text,
          permalink: row.permalink,
          createdAt: row.createdAt,
          firstSeen: row.firstSeen,
          isOwn: row.isOwn,
        });
      }
      return { status: state.status, comments };
    },
  };
}
