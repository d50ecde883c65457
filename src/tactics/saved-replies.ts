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

/** A reply as the CM writes it, before it is saved with an id. */
export const replyDraftSchema = v.omit(savedReplySchema, ['id']);
export type ReplyDraft = v.InferOutput<typeof replyDraftSchema>;

/**
 * A change the CM makes to their list. The service worker applies it to the list as stored, in one
 * transaction, never a page's copy of it: two dashboard tabs do not undo each other's changes.
 */
export const repliesChangeSchema = v.variant('kind', [
  v.object({ kind: v.literal('add'), reply: replyDraftSchema }),
  v.object({ kind: v.literal('edit'), reply: savedReplySchema }),
  v.object({ kind: v.literal('delete'), id: savedReplySchema.entries.id }),
  v.object({ kind: v.literal('import'), replies: savedRepliesSchema }),
]);
export type RepliesChange = v.InferOutput<typeof repliesChangeSchema>;

/**
 * What the CM is told: how many replies were added, and how many an import left out at the limit; or
 * nothing changed, because the list already holds MAX_SAVED_REPLIES (`limit`) or the reply edited was
 * deleted meanwhile, in another tab (`gone`).
 */
export type RepliesOutcome =
  | { ok: true; added: number; leftOut: number }
  | { ok: false; reason: 'limit' | 'gone' };

/** `change` applied to `current`: the list to store, and the outcome. `newId` makes ids. */
export function changeReplies(
  current: readonly SavedReply[],
  change: RepliesChange,
  newId: () => string,
): { replies: SavedReply[]; outcome: RepliesOutcome } {
  const unchanged = (reason: 'limit' | 'gone') => ({
    replies: [...current],
    outcome: { ok: false, reason } as const,
  });
  const done = (replies: SavedReply[], added = 0) => ({
    replies,
    outcome: { ok: true, added, leftOut: 0 } as const,
  });
  switch (change.kind) {
    case 'add':
      if (current.length >= MAX_SAVED_REPLIES) return unchanged('limit');
      return done([...current, { ...change.reply, id: newId() }], 1);
    case 'edit':
      if (!current.some((reply) => reply.id === change.reply.id)) return unchanged('gone');
      return done(current.map((reply) => (reply.id === change.reply.id ? change.reply : reply)));
    case 'delete':
      return done(current.filter((reply) => reply.id !== change.id));
    case 'import':
      return mergeReplies(current, change.replies, newId);
  }
}

/**
 * `imported` added after `current`, with fresh ids, as many as the limit leaves room for; a reply already
 * there (same tactic, topic, language, tone and text) is not added twice.
 */
function mergeReplies(
  current: readonly SavedReply[],
  imported: readonly SavedReply[],
  newId: () => string,
): { replies: SavedReply[]; outcome: { ok: true; added: number; leftOut: number } } {
  const signature = (reply: SavedReply) =>
    JSON.stringify([reply.tactic, reply.topic, reply.language, reply.tone, reply.text]);
  const known = new Set(current.map(signature));
  const fresh = imported.filter((reply) => {
    const unknown = !known.has(signature(reply));
    known.add(signature(reply));
    return unknown;
  });
  const added = fresh.slice(0, Math.max(0, MAX_SAVED_REPLIES - current.length));
  return {
    replies: [...current, ...added.map((reply) => ({ ...reply, id: newId() }))],
    outcome: { ok: true, added: added.length, leftOut: fresh.length - added.length },
  };
}
