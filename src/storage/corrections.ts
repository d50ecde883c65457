/** The CM's corrections of labels, and the point from which the device learns from them. */
import type { Classification, Label } from '../shared/comment';
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

type Judged = Pick<Classification, 'label' | 'uncertain' | 'cues'>;

/** A classification as the CM corrected it: their label, no doubt left, and the cue that says who decided. */
export function asCorrected<C extends Judged>(classification: C, to: Label): C {
  return {
    ...classification,
    label: to,
    uncertain: false,
    cues: [
      { kind: 'your_corrections' },
      ...classification.cues.filter((cue) => cue.kind !== 'your_corrections'),
    ],
  };
}

/** The label the CM gave each of `keys` they corrected. */
export async function correctedLabels(db: DesaffectDb, keys: readonly string[]): Promise<Map<string, Label>> {
  const corrections = await db.corrections.bulkGet([...keys]);
  return new Map(corrections.flatMap((row) => (row ? [[row.commentKey, row.to]] : [])));
}

/** A stored comment's classification. */
export function classificationOf(row: CommentRow): Classification {
  const { label, scores, intensity, lang, uncertain, cues, version } = row;
  return { label, scores, intensity, lang, uncertain, cues, version };
}

/**
 * The classifications to answer for `keys` (the classifier's, `fresh`), with the CM's word on each comment
 * they corrected: the stored one (ingest keeps it through later sightings), or, for a comment no longer
 * logged, the classifier's, with the CM's label either way.
 */
export async function withCorrections(
  db: DesaffectDb,
  keys: readonly string[],
  fresh: readonly Classification[],
): Promise<Classification[]> {
  const corrected = await correctedLabels(db, keys);
  if (corrected.size === 0) return [...fresh];
  const rows = await db.comments.bulkGet([...corrected.keys()]);
  const stored = new Map(rows.flatMap((row) => (row ? [[row.key, classificationOf(row)]] : [])));
  return fresh.map((classification, i) => {
    const key = keys[i] as string;
    const to = corrected.get(key);
    return to === undefined ? classification : asCorrected(stored.get(key) ?? classification, to);
  });
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
