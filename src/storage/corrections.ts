/** The CM's corrections of labels, and the point from which the device learns from them. */
import type { Label } from '../shared/comment';
import { localDay } from '../shared/day';
import type { DesaffectDb } from './db';
import { readMarker, writeMarker } from './markers';
import type { CommentRow, CorrectionRow } from './schema';

export interface NewCorrection {
  comment: CommentRow;
  to: Label;
  classifierVersion: string;
  gram: number[];
  structured: number[];
}

/** Records the CM's label for a comment (replacing an earlier correction of it). */
export async function saveCorrection(db: DesaffectDb, c: NewCorrection, now: number): Promise<void> {
  const previous = await db.corrections.get(c.comment.key);
  const row: CorrectionRow = {
    commentKey: c.comment.key,
    at: now,
    day: localDay(now),
    platform: c.comment.platform,
    lang: c.comment.lang,
    // Correcting a correction keeps what the classifier first said.
    from: previous?.from ?? c.comment.label,
    to: c.to,
    classifierVersion: c.classifierVersion,
    gram: c.gram,
    structured: c.structured,
  };
  await db.corrections.put(row);
}

/** The corrections the device learns from: those since the CM last reset the learning, oldest first. */
export async function learnableCorrections(db: DesaffectDb): Promise<CorrectionRow[]> {
  const since = (await readMarker(db, 'learningResetAt')) ?? 0;
  return db.corrections.where('at').above(since).sortBy('at');
}

export async function resetLearning(db: DesaffectDb, now: number): Promise<void> {
  await writeMarker(db, 'learningResetAt', now);
}
