/**
 * The CM's saved replies, one row of the `settings` table beside the settings: backed up and restored
 * with them, kept by "Delete everything" like them (they are the CM's wording, not a log).
 */
import * as v from 'valibot';
import { REPLY_TACTICS } from '../tactics/replies';
import { type SavedReply, savedReplySchema } from '../tactics/saved-replies';
import type { DesaffectDb } from './db';
import { SAVED_REPLIES_KEY } from './schema';
import { readSettings } from './settings';

/**
 * The saved replies, each checked (an invalid one, from an edited backup, is left out). Before the CM
 * saved any, they start from the wordings edited per tactic in the settings of earlier versions.
 */
export async function readSavedReplies(db: DesaffectDb): Promise<SavedReply[]> {
  const row = await db.settings.get(SAVED_REPLIES_KEY);
  if (row) {
    const stored = Array.isArray(row.value) ? row.value : [];
    return stored.flatMap((item) => {
      const result = v.safeParse(savedReplySchema, item);
      return result.success ? [result.output] : [];
    });
  }
  const { replyTemplates } = await readSettings(db);
  return REPLY_TACTICS.flatMap((tactic) =>
    (['fr', 'en'] as const).flatMap((language) => {
      const text = replyTemplates[tactic]?.[language]?.trim();
      return text
        ? [{ id: `${tactic}-${language}`, tactic, topic: 'any', language, tone: 'any', text } as const]
        : [];
    }),
  );
}

export async function writeSavedReplies(db: DesaffectDb, replies: SavedReply[]): Promise<SavedReply[]> {
  await db.settings.put({ key: SAVED_REPLIES_KEY, value: replies });
  return replies;
}
