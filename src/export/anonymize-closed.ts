/**
 * Closed vocabularies of the exported columns. Rows may come from a backup file, which anyone can edit:
 * every field that is not free text must be one of the values the extension itself writes, or it is
 * dropped (null, `other`, or left out of a list). Free text (comment text, notes) is redacted elsewhere.
 */
import { CHECK_IN_TAGS } from '../exposure/messages';
import { CUE_KINDS, LABELS, type Label, PLATFORMS, type Platform } from '../shared/comment';
import { ACTION_CHOICES } from '../tactics/messages';

/** Languages the classifier detects (src/classifier/engine.ts). */
export const LANGS = ['fr', 'en', 'und'] as const;
export const CHECK_IN_TRIGGERS = ['threat', 'end_of_day', 'manual'] as const;

function member<T extends string>(values: readonly T[]): (value: unknown) => T | null {
  const set = new Set<unknown>(values);
  return (value) => (set.has(value) ? (value as T) : null);
}

export const closedLang = member(LANGS);
export const closedLabel: (value: unknown) => Label | null = member(LABELS);
export const closedPlatform: (value: unknown) => Platform | null = member(PLATFORMS);
export const closedTrigger = member(CHECK_IN_TRIGGERS);
const knownTag = member(CHECK_IN_TAGS);
const knownTactic = member(ACTION_CHOICES);

/** A tactic id from the shipped list or `no_action`; anything else is `other`. */
export const closedTactic = (value: unknown): string => knownTactic(value) ?? 'other';

/** Known check-in tags only, in the order given, without repeats; unknown tags are left out. */
export function closedTags(tags: unknown): string {
  if (!Array.isArray(tags)) return '';
  return [...new Set(tags.map(knownTag).filter((tag) => tag !== null))].join(';');
}

const knownCueKind = member(CUE_KINDS);

/** The kind of a typed cue; the quoted words never leave; unknown kinds (or a legacy text) → `other`. */
export function cueKind(cue: unknown): string {
  if (typeof cue !== 'object' || cue === null) return 'other';
  const kind = knownCueKind((cue as { kind?: unknown }).kind);
  return kind === null || kind === 'legacy' ? 'other' : kind;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const closedDay = (value: unknown): string | null =>
  typeof value === 'string' && DAY.test(value) ? value : null;

export const closedBoolean = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/** A finite number in [min, max] rounded to `decimals`, else null. */
export function closedNumber(value: unknown, min: number, max: number, decimals: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return null;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** A finite epoch time in ms (after 2000-01-01, before 2200), else null. */
export const closedTime = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 946_684_800_000 && value < 7_258_118_400_000
    ? value
    : null;
