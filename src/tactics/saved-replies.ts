/**
 * The CM's own replies: the shape they are stored, imported and exported in (a JSON file the CM can keep
 * or share with colleagues), checked with valibot wherever they come from.
 */
import * as v from 'valibot';
import { REPLY_TACTICS, TOPICS } from './replies';

export const savedReplySchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  tactic: v.picklist(REPLY_TACTICS),
  topic: v.picklist(['any', ...TOPICS]),
  language: v.picklist(['fr', 'en']),
  tone: v.picklist(['any', 'vous', 'tu']),
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2_000)),
});
export type SavedReply = v.InferOutput<typeof savedReplySchema>;

export const MAX_SAVED_REPLIES = 500;
export const savedRepliesSchema = v.pipe(v.array(savedReplySchema), v.maxLength(MAX_SAVED_REPLIES));

/** The export file: what the dashboard downloads and imports. */
export const SAVED_REPLIES_FORMAT = 'desaffect-replies';
const fileSchema = v.object({
  format: v.literal(SAVED_REPLIES_FORMAT),
  version: v.literal(1),
  replies: savedRepliesSchema,
});

export function repliesFile(replies: readonly SavedReply[]): string {
  return JSON.stringify({ format: SAVED_REPLIES_FORMAT, version: 1, replies }, null, 2);
}

/** The replies of an export file, or null when it is not one (nothing is imported then). */
export function parseRepliesFile(text: string): SavedReply[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const result = v.safeParse(fileSchema, json);
  return result.success ? result.output.replies : null;
}

/**
 * `imported` added after `current`, with fresh ids; a reply already there (same tactic, topic, language,
 * tone and text) is not added twice. `newId` makes ids (crypto.randomUUID in the pages).
 */
export function mergeReplies(
  current: readonly SavedReply[],
  imported: readonly SavedReply[],
  newId: () => string,
): SavedReply[] {
  const signature = (reply: SavedReply) =>
    JSON.stringify([reply.tactic, reply.topic, reply.language, reply.tone, reply.text]);
  const known = new Set(current.map(signature));
  const added = imported.filter((reply) => {
    const fresh = !known.has(signature(reply));
    known.add(signature(reply));
    return fresh;
  });
  return [...current, ...added.map((reply) => ({ ...reply, id: newId() }))].slice(0, MAX_SAVED_REPLIES);
}
