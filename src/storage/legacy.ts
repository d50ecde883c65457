/**
 * Rows written before schema 3 carried their cues as display strings and no classifier version. They are
 * kept as they were said (a `legacy` cue quoting the old string) and credited to the classifier that
 * labelled them: the database upgrade and the restore of an old backup both go through here.
 */
import type { Cue } from '../shared/comment';
import { LEGACY_CLASSIFIER_VERSION } from './schema';

export function typedCues(row: Record<string, unknown>): { cues: Cue[]; version: string } {
  const cues = Array.isArray(row.cues) ? row.cues : [];
  return {
    cues: cues.map((cue): Cue => (typeof cue === 'string' ? { kind: 'legacy', quote: cue } : (cue as Cue))),
    version: typeof row.version === 'string' ? row.version : LEGACY_CLASSIFIER_VERSION,
  };
}
