/**
 * Rows of earlier schemas, brought to the current shape: the database upgrade and the restore of an old
 * backup both go through here.
 */
import type { Cue, TimePrecision } from '../shared/comment';
import { LEGACY_CLASSIFIER_VERSION } from './schema';

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
