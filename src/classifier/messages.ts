/**
 * Messages of the CM's corrections: a label corrected from the in-page card (which knows the comment's
 * words) or from the popup, the dashboard's list with how often the classifier now agrees, and the reset.
 */
import * as v from 'valibot';
import { type Classification, LABELS, type Label, MAX_TEXT_LENGTH, type Platform } from '../shared/comment';
import { commentKeySchema } from '../shared/envelope';

const label = v.picklist(LABELS);

export const correctionCsMessages = [
  v.object({
    type: v.literal('cs→bg:correct-label'),
    commentKey: commentKeySchema,
    to: label,
    /** The comment's words as the page shows them: the database may not keep them. */
    text: v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH)),
  }),
] as const;

export const correctionMessages = [
  v.object({ type: v.literal('ui→bg:correct-label'), commentKey: commentKeySchema, to: label }),
  v.object({ type: v.literal('ui→bg:corrections') }),
  v.object({ type: v.literal('ui→bg:reset-learning') }),
] as const;

/**
 * With the comment's classification as the CM left it. `no_text`: the popup asked, but the comment's words
 * were not kept; the in-page card can do it.
 */
export type CorrectionResult =
  | { ok: true; corrections: number; classification: Classification }
  | { ok: false; reason: 'unknown' | 'no_text' };

export interface CorrectionView {
  commentKey: string;
  at: number;
  platform: Platform;
  from: Label;
  to: Label;
  /** The comment's kept words, if any (shielded in the dashboard as everywhere). */
  text: string | null;
  revealed: boolean;
  label: Label;
}

export interface CorrectionsReport {
  corrections: CorrectionView[];
  /** Corrections learned from (those since the last reset). */
  learning: number;
  agreement: { measured: number; modelAgrees: number; adjustedAgrees: number };
}

export type CorrectionReplies = {
  'cs→bg:correct-label': CorrectionResult;
  'ui→bg:correct-label': CorrectionResult;
  'ui→bg:corrections': CorrectionsReport;
  'ui→bg:reset-learning': { ok: true };
};
