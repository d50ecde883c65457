/**
 * The CM's saved replies, one row of the `settings` table beside the settings: backed up and restored
 * with them, kept by "Delete everything" like them (they are the CM's wording, not a log).
 */
import * as v from 'valibot';
import {
  changeReplies,
  type RepliesChange,
  type RepliesOutcome,
  type SavedReply,
  savedReplySchema,
} from '../tactics/saved-replies';
import type { DesaffectDb } from './db';
import { SAVED_REPLIES_KEY } from './schema';

/**
 * The saved replies, each checked (an invalid one, from an edited backup, is left out). The wordings
 * earlier versions kept in the settings became saved replies once, in the upgrade to schema 6.
 */
export async function readSavedReplies(db: DesaffectDb): Promise<SavedReply[]> {
  const stored = (await db.settings.get(SAVED_REPLIES_KEY))?.value;
  return (Array.isArray(stored) ? stored : []).flatMap((item) => {
    const result = v.safeParse(savedReplySchema, item);
    return result.success ? [result.output] : [];
  });
}

export async function writeSavedReplies(db: DesaffectDb, replies: SavedReply[]): Promise<SavedReply[]> {
  await db.settings.put({ key: SAVED_REPLIES_KEY, value: replies });
  return replies;
}

/** Applies the CM's change to the list as stored, read and written in one transaction (see RepliesChange). */
export function changeSavedReplies(db: DesaffectDb, change: RepliesChange): Promise<RepliesOutcome> {
  return db.transaction('rw', db.settings, async () => {
    const { replies, outcome } = changeReplies(await readSavedReplies(db), change, () => crypto.randomUUID());
    if (outcome.ok) await writeSavedReplies(db, replies);
    return outcome;
  });
}
