import { totalByLabel } from '../../exposure/model';
import { exposureOfDay } from '../../exposure/queries';
import type { TabCommentView, UiHandlers } from '../../messages';
import { LABELS } from '../../shared/comment';
import { localDay } from '../../shared/day';
import type { HandlerContext } from '../../storage/context';
import { oldestKeptDay, purgeOlderThan } from '../../storage/retention';
import type { CommentRow } from '../../storage/schema';
import { isAnswered } from '../../tactics/priority';
import { tacticsFor } from '../assistant';
import { readTabState } from '../tab-state';

export function coreHandlers({
  db,
  now,
  health,
}: HandlerContext): UiHandlers<'ui→bg:tab-comments' | 'ui→bg:summary' | 'ui→bg:free-space'> {
  return {
    async 'ui→bg:tab-comments'(message) {
      const state = await readTabState(message.tabId);
      const rows = (await db.comments.bulkGet(state.keys)).filter(
        (row): row is CommentRow => row !== undefined,
      );
      const [advice, actions] = await Promise.all([
        tacticsFor(db, state.keys, now()),
        db.actions.where('commentKey').anyOf(state.keys).toArray(),
      ]);
      const comments: TabCommentView[] = [];
      for (const row of rows) {
        const { label, scores, intensity, lang, uncertain, cues, version } = row;
        const own = actions.filter((action) => action.commentKey === row.key);
        comments.push({
          key: row.key,
          classification: { label, scores, intensity, lang, uncertain, cues, version },
          tactics: advice.get(row.key)?.tactics ?? [],
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

    async 'ui→bg:summary'() {
      const day = localDay(now());
      // The dashboard's own aggregation of the day: incoming comments by label, active time.
      const exposure = await exposureOfDay(db, day);
      const byLabel = totalByLabel(exposure);
      return {
        day,
        byLabel,
        total: LABELS.reduce((sum, label) => sum + byLabel[label], 0),
        activeMs: exposure.activeMs,
        firstActivity: exposure.first,
        storageFull: health.fullSince !== null,
      };
    },

    async 'ui→bg:free-space'(message) {
      await purgeOlderThan(db, oldestKeptDay(localDay(now()), message.keepDays));
      // The next write will tell whether that was enough.
      health.fullSince = null;
      return { ok: true };
    },
  };
}
