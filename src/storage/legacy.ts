/**
 * Rows of earlier schemas, brought to the current shape: the database upgrade and the restore of an old
 * backup both go through here.
 */
import * as v from 'valibot';
import type { Cue, TimePrecision } from '../shared/comment';
import { REPLY_TACTICS } from '../tactics/replies';
import { type SavedReply, savedReplySchema } from '../tactics/saved-replies';
import { LEGACY_CLASSIFIER_VERSION, SAVED_REPLIES_KEY } from './schema';
import { SETTINGS_KEY } from './settings';

/**
 * Before schema 3, cues were display strings and rows named no classifier. They are kept as they were said
 * (a `legacy` cue quoting the old string) and credited to the classifier that labelled them.
 */
export function typedCues(row: Record<string, unknown>): { cues: Cue[]; version: string } {
  const cues = Array.isArray(row.cues) ? row.cues : [];
  return {
    cues: cues.map((cue): Cue => (typeof cue === 'string' ? { kind: 'legacy', quote: cue } : (cue as Cue))),
    version: typeof row.version === 'string' ? row.version : LEGACY_CLASSIFIER_VERSION,
  };
}

/**
 * Before schema 4, a comment's or evidence's time was only ever the site's machine-readable one (X's
 * `datetime`, Facebook's old `data-utime`): precise to the second when there was one.
 */
export function exactTimes(row: Record<string, unknown>): { createdAtPrecision: TimePrecision | null } {
  return { createdAtPrecision: typeof row.createdAt === 'string' ? 'second' : null };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Before schema 6, the settings held a wording per tactic and language (`replyTemplates`), and the saved
 * replies were made from them at every read until the CM saved some. The rows of the settings table with
 * those wordings taken out of the settings and, when there were no saved replies yet, made saved replies
 * (any topic, any tone) once. Anything else passes as it is: a backup's rows are validated afterwards.
 */
export function savedRepliesFromTemplates(rows: readonly unknown[]): unknown[] {
  const isSettings = (row: unknown): row is { key: string; value: Record<string, unknown> } =>
    isRecord(row) && row.key === SETTINGS_KEY && isRecord(row.value);
  // The last settings row is the one a restore writes last.
  const templates = rows.findLast(isSettings)?.value.replyTemplates;
  const saved = rows.some((row) => isRecord(row) && row.key === SAVED_REPLIES_KEY);
  const replies = saved ? [] : templateReplies(templates);
  return [
    ...rows.map((row) => {
      if (!isSettings(row)) return row;
      const { replyTemplates: _moved, ...value } = row.value;
      return { ...row, value };
    }),
    ...(replies.length > 0 ? [{ key: SAVED_REPLIES_KEY, value: replies }] : []),
  ];
}

/** The wordings a saved reply can hold (a blank one or another tactic's is left out), in a fixed order. */
function templateReplies(templates: unknown): SavedReply[] {
  const byTactic = isRecord(templates) ? templates : {};
  return REPLY_TACTICS.flatMap((tactic) => {
    const wordings = byTactic[tactic];
    return (['fr', 'en'] as const).flatMap((language) => {
      const reply = v.safeParse(savedReplySchema, {
        id: `${tactic}-${language}`,
        tactic,
        topic: 'any',
        language,
        tone: 'any',
        text: isRecord(wordings) ? wordings[language] : undefined,
      });
      return reply.success ? [reply.output] : [];
    });
  });
}
