import type { Classification, Label, ObservedComment } from '../shared/comment';
import { commentKey } from '../shared/comment';
import { localDay } from '../shared/day';
import { asCorrected, classificationOf, correctedLabels } from './corrections';
import type { DesaffectDb } from './db';
import { type CommentRow, EARLIER_SESSIONS_KEPT } from './schema';

export interface Observation {
  comment: ObservedComment;
  classification: Classification;
  sessionId: string;
  /** The CM's setting when the comment was seen. */
  keepText: boolean;
}

export interface IngestOptions {
  now: number;
  timeZone?: string;
}

/**
 * Writes a batch of observations in one transaction. Idempotent per (comment, page session): a batch
 * retried after a service-worker restart (even after another tab saw the comment meanwhile), or the same
 * comment in several batches, never adds a row twice nor counts a sighting twice.
 * A comment the CM corrected keeps their label whatever the classifier says of it when it comes back.
 * Returns the keys of the comments the CM had already revealed, which the rows read here say.
 */
export async function ingest(
  db: DesaffectDb,
  observations: Observation[],
  options: IngestOptions,
): Promise<string[]> {
  if (observations.length === 0) return [];
  // One instant for the whole batch, so one day: formatting a day costs more than the rest of a row.
  const day = localDay(options.now, options.timeZone);
  return db.transaction('rw', db.comments, db.corrections, async () => {
    const keys = observations.map((o) => commentKey(o.comment));
    const [existing, corrected] = await Promise.all([db.comments.bulkGet(keys), correctedLabels(db, keys)]);
    const byKey = new Map<string, CommentRow>();
    existing.forEach((row) => {
      if (row) byKey.set(row.key, row);
    });
    const stored = new Set(byKey.keys());
    observations.forEach((observation, index) => {
      const key = keys[index] as string;
      const previous = byKey.get(key);
      byKey.set(key, merge(previous, key, observation, options.now, day, corrected.get(key)));
    });
    // New comments are added, seen ones replaced: only the latter make the day totals read what they replace.
    const rows = [...byKey.values()];
    await db.comments.bulkPut(rows.filter((row) => stored.has(row.key)));
    await db.comments.bulkAdd(rows.filter((row) => !stored.has(row.key)));
    return rows.filter((row) => row.revealedAt !== undefined).map((row) => row.key);
  });
}

function merge(
  previous: CommentRow | undefined,
  key: string,
  o: Observation,
  now: number,
  day: string,
  correctedTo: Label | undefined,
): CommentRow {
  const text = o.keepText ? o.comment.text : null;
  const { translated, ...comment } = o.comment;
  // Classified on the site's translation: its language is not the one the commenter wrote in, and it
  // counts in no language figure.
  const classification = translated ? { ...o.classification, lang: 'und' } : o.classification;
  if (!previous) {
    return {
      ...comment,
      ...(correctedTo === undefined ? classification : asCorrected(classification, correctedTo)),
      key,
      text,
      firstSeen: now,
      lastSeen: now,
      timesSeen: 1,
      lastSessionId: o.sessionId,
      day,
    };
  }
  const sessions = [previous.lastSessionId, ...(previous.earlierSessionIds ?? [])];
  const newSighting = !sessions.includes(o.sessionId);
  // A longer text is the same comment expanded ("see more"): keep it and its classification, unless the
  // CM corrected the comment: their label and its cue stand, only the words change.
  const expanded = o.keepText && o.comment.text.length > (previous.text?.length ?? 0);
  return {
    ...previous,
    ...(expanded ? { text } : {}),
    ...(correctedTo !== undefined
      ? asCorrected(classificationOf(previous), correctedTo)
      : expanded
        ? classification
        : {}),
    lastSeen: now,
    timesSeen: previous.timesSeen + (newSighting ? 1 : 0),
    lastSessionId: o.sessionId,
    earlierSessionIds: sessions.filter((id) => id !== o.sessionId).slice(0, EARLIER_SESSIONS_KEPT),
  };
}
