import { LABELS, type Label } from '../../shared/comment';
import { localDay } from '../../shared/day';
import type { TabCommentView, UiHandlers } from '../../shared/messages';
import { readTabState } from '../tab-state';
import type { HandlerContext } from './context';

export function coreHandlers({
  db,
  now,
}: HandlerContext): UiHandlers<'ui→bg:tab-comments' | 'ui→bg:summary'> {
  return {
    async 'ui→bg:tab-comments'(message) {
      const state = await readTabState(message.tabId);
      const rows = await db.comments.bulkGet(state.keys);
      const comments: TabCommentView[] = [];
      for (const row of rows) {
        if (!row) continue;
        const { label, scores, intensity, lang, uncertain, cues } = row;
        comments.push({
          key: row.key,
          classification: { label, scores, intensity, lang, uncertain, cues },
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
      const byLabel = Object.fromEntries(LABELS.map((label) => [label, 0])) as Record<Label, number>;
      let total = 0;
      await db.comments
        .where('day')
        .equals(day)
        .each((row) => {
          if (row.isOwn) return;
          byLabel[row.label] += 1;
          total += 1;
        });
      return { day, byLabel, total };
    },
  };
}
