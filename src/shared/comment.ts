/** The comment model shared by the content script, the service worker and the extension pages. */

export const PLATFORMS = ['x', 'facebook'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const LABELS = ['troll', 'unhappy_customer', 'threat', 'neutral'] as const;
export type Label = (typeof LABELS)[number];

/** Longest comment text carried between contexts; the rest is cut (the classifier caps lower still). */
export const MAX_TEXT_LENGTH = 100_000;
/** Longest name, handle, thread key, time or link carried between contexts. */
export const MAX_FIELD_LENGTH = 2_048;

/**
 * How precise a comment's `createdAt` is: `second` when the site gave a machine-readable time, else the
 * unit of what the page shows ("3 h" → hour, "2 sem." → week, "12 mars" → day, "12 mars à 15:04" → minute).
 */
export const TIME_PRECISIONS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

/** A comment as an adapter reads it from the page. */
export interface ObservedComment {
  platform: Platform;
  /** Stable platform id (X status id, Facebook comment id, or `h:` + content hash as a last resort). */
  id: string;
  /** The conversation or post the comment belongs to (X: focal status id; Facebook: post id or path). */
  threadKey: string;
  authorHandle: string;
  authorName: string;
  text: string;
  /** ISO 8601: the site's own time, or an estimate from what the page shows ("3 h"); null when it shows none. */
  createdAt: string | null;
  /** Null exactly when `createdAt` is. */
  createdAtPrecision: TimePrecision | null;
  permalink: string | null;
  isReply: boolean;
  /** Written by one of the CM's own accounts: logged, never classified as incoming. */
  isOwn: boolean;
  /**
   * The site showed its own translation in place of the commenter's words (X's "Show original" above
   * them): `text` is the site's, in a language the commenter did not write. Absent: the commenter's words.
   */
  translated?: boolean;
}

/**
 * What can explain a label. Phrase and frame kinds come from the classifier (phrases.ts, frames.ts); the
 * rest describe the comment's shape or how it was read. Shown in the CM's language, never parsed back.
 */
export const CUE_KINDS = [
  'threat',
  'incitement',
  'threat_location',
  'street_address',
  'veiled_threat',
  'weapon',
  'violence',
  'figure_of_speech',
  'insult',
  'profanity',
  'hate',
  'mockery',
  'sarcasm',
  'complaint_delivery',
  'complaint_billing',
  'complaint_outage',
  'complaint_refund',
  'complaint_account',
  'complaint_delay',
  'complaint_shop',
  'complaint_product',
  'complaint_service',
  'leaving',
  'legal_action',
  'dissatisfaction',
  'inquiry',
  'praise',
  /** No phrase or frame behind the label: the words whose weights pushed it most. */
  'words',
  'shouting',
  'exclamations',
  'your_corrections',
  'partly_read',
  'empty',
  'no_words',
  'own_account',
  /** A reason stored as text by a version before typed cues (schema 2). */
  'legacy',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export interface Cue {
  kind: CueKind;
  /** The comment's own words behind it, as written (shielded with the comment). */
  quote?: string;
  /** A number that goes with it: exclamation marks, characters of a partly read text. */
  count?: number;
}

export interface Classification {
  label: Label;
  scores: Record<Label, number>;
  /** 0–1, how hard the comment hits. */
  intensity: number;
  lang: string;
  uncertain: boolean;
  /** What decided the label, most decisive first. */
  cues: Cue[];
  /** The classifier that labelled it (CLASSIFIER_VERSION: weights, phrases, frames, normalisation). */
  version: string;
}

/** The database key of a comment: one row per platform comment, whatever the tab or the DOM node. */
export function commentKey(comment: Pick<ObservedComment, 'platform' | 'id'>): string {
  return `${comment.platform}:${comment.id}`;
}
