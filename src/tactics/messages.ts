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

export interface EscalationResult {
  evidenceId: number;
  /** False when the browser refused the capture (the CM did not open Desaffect from that tab). */
  screenshot: boolean;
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
