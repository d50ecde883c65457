/**
 * Messages of the moderation assistant: logging what the CM did, the escalation kit and the shield's
 * "Show", from the in-page card (cs→bg) or the popup (ui→bg).
 */
import * as v from 'valibot';
import { commentKeySchema } from '../shared/envelope';
import type { EvidenceRow } from '../storage/schema';
import { TACTICS } from './rules';

/** A tactic the CM applied, or their explicit choice to do nothing. */
export const ACTION_CHOICES = [...TACTICS, 'no_action'] as const;
export type ActionChoice = (typeof ACTION_CHOICES)[number];
const actionSchema = v.picklist(ACTION_CHOICES);

export const assistantCsMessages = [
  v.object({ type: v.literal('cs→bg:log-action'), commentKey: commentKeySchema, tactic: actionSchema }),
  v.object({ type: v.literal('cs→bg:escalate'), commentKey: commentKeySchema }),
  v.object({ type: v.literal('cs→bg:reveal'), commentKey: commentKeySchema }),
] as const;

export const assistantMessages = [
  v.object({ type: v.literal('ui→bg:log-action'), commentKey: commentKeySchema, tactic: actionSchema }),
  v.object({
    type: v.literal('ui→bg:escalate'),
    commentKey: commentKeySchema,
    tabId: v.pipe(v.number(), v.integer()),
  }),
  v.object({ type: v.literal('ui→bg:evidence-list') }),
  v.object({ type: v.literal('ui→bg:reveal'), commentKey: commentKeySchema }),
] as const;

/**
 * How the escalation kit's screenshot went: taken; refused by the browser (it allows one only once the CM
 * has opened Desaffect from the toolbar on that tab); not taken because the comment's tab is not the one in
 * front (a capture of another tab would be false evidence), or because the page no longer shows the comment.
 */
export type CaptureOutcome = 'captured' | 'not_allowed' | 'tab_not_in_front' | 'not_on_page' | 'not_shown';

export interface EscalationResult {
  evidenceId: number;
  /** The comment already had a record: it was brought up to date, not doubled. */
  updated: boolean;
  capture: CaptureOutcome;
  /** The record has a screenshot: this one, or one an earlier escalation took. */
  hasScreenshot: boolean;
}

/**
 * How Insert went: the reply written into that comment's reply box, or written over what Insert put there
 * before; or nothing written, because the page no longer shows the comment, or because its reply box could
 * not be opened or written in.
 */
const INSERT_OUTCOMES = ['inserted', 'replaced', 'comment_gone', 'no_reply_box'] as const;
export type InsertOutcome = (typeof INSERT_OUTCOMES)[number];

const INSERT_KEYS: Record<InsertOutcome, string> = {
  inserted: 'cardInserted',
  replaced: 'cardReplaced',
  comment_gone: 'cardCommentGone',
  no_reply_box: 'cardNoReplyBox',
};

/** What the CM is told after Insert, in the card and in the popup: a catalogue key. */
export function insertKey(outcome: InsertOutcome): string {
  return INSERT_KEYS[outcome];
}

/** Why a record has no new screenshot, for the CM: what to do to get one. */
const MISSING_SCREENSHOT: Record<Exclude<CaptureOutcome, 'captured'>, string> = {
  not_allowed: 'cardShotNotAllowed',
  tab_not_in_front: 'cardShotNotInFront',
  not_on_page: 'cardShotNotOnPage',
  not_shown: 'cardShotNotShown',
};

/**
 * What the CM is told after escalating, in the card and in the popup, as catalogue keys, one sentence each:
 * the record kept or brought up to date, then its screenshot, or why there is none and how to get one.
 */
export function escalationKeys(result: EscalationResult): readonly [string, string] {
  const record = result.updated ? 'cardEvidenceUpdated' : 'cardEvidenceKept';
  const screenshot =
    result.capture === 'captured'
      ? 'cardShotTaken'
      : result.hasScreenshot
        ? 'cardShotKept'
        : MISSING_SCREENSHOT[result.capture];
  return [record, screenshot];
}

/** `escalationKeys` in words; `say` gives a string of the card's catalog. */
export function describeEscalation(result: EscalationResult, say: (key: string) => string): string {
  return escalationKeys(result).map(say).join(' ');
}

export type EvidenceView = Omit<EvidenceRow, 'id'> & {
  id: number;
  /** The threat is still shielded: its words and screenshot stay blurred until the CM reveals it. */
  shielded: boolean;
};

export type AssistantReplies = {
  'cs→bg:log-action': { ok: true };
  'cs→bg:escalate': EscalationResult;
  'cs→bg:reveal': { ok: true };
  'ui→bg:log-action': { ok: true };
  'ui→bg:escalate': EscalationResult;
  'ui→bg:evidence-list': EvidenceView[];
  'ui→bg:reveal': { ok: true };
};
