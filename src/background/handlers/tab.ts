import type { TabCommentView } from '../../content/messages';
import type { UiHandlers } from '../../messages';
import type { HandlerContext } from '../../storage/context';
import type { CommentRow } from '../../storage/schema';
import { readSettings } from '../../storage/settings';
import { isAnswered } from '../../tactics/priority';
import { adviceFor } from '../assistant';
import { readTabState } from '../tab-state';

/** The popup's list: what a tab has shown, with the tactics and what the CM did about each comment. */
export function tabHandlers({ db, now }: HandlerContext): UiHandlers<'ui→bg:tab-comments'> {
  return {
    async 'ui→bg:tab-comments'(message) {
      const state = await readTabState(message.tabId);
      const [stored, settings] = await Promise.all([db.comments.bulkGet(state.keys), readSettings(db)]);
      const rows = stored.filter((row): row is CommentRow => row !== undefined);
      const [advice, actions] = await Promise.all([
        adviceFor(db, rows, now(), settings),
        db.actions.where('commentKey').anyOf(state.keys).toArray(),
      ]);
      const comments: TabCommentView[] = [];
      for (const row of rows) {
        const { label, scores, intensity, lang, uncertain, cues, version } = row;
        const own = actions.filter((action) => action.commentKey === row.key);
        comments.push({
          key: row.key,
          classification: { label, scores, intensity, lang, uncertain, cues, version },
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
