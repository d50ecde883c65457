/**
 * Messages of the moderation assistant: logging what the CM did, the escalation kit, the shield's
 * "Show", and the popup asking the page to show a comment, insert a reply or lift a shield (ui→cs).
 */
import * as v from 'valibot';
import type { EvidenceRow } from '../storage/schema';
import { TACTICS } from './rules';

const key = v.pipe(v.string(), v.minLength(3), v.maxLength(300));
/** A tactic the CM applied, or their explicit choice to do nothing. */
export const ACTION_CHOICES = [...TACTICS, 'no_action'] as const;
export type ActionChoice = (typeof ACTION_CHOICES)[number];
const actionSchema = v.picklist(ACTION_CHOICES);

export const assistantCsMessages = [
  v.object({ type: v.literal('cs→bg:log-action'), commentKey: key, tactic: actionSchema }),
  v.object({ type: v.literal('cs→bg:escalate'), commentKey: key }),
  v.object({ type: v.literal('cs→bg:reveal'), commentKey: key }),
] as const;

export const assistantMessages = [
  v.object({ type: v.literal('ui→bg:log-action'), commentKey: key, tactic: actionSchema }),
  v.object({ type: v.literal('ui→bg:escalate'), commentKey: key, tabId: v.pipe(v.number(), v.integer()) }),
  v.object({ type: v.literal('ui→bg:evidence-list') }),
  v.object({ type: v.literal('ui→bg:reveal'), commentKey: key }),
] as const;

export interface EscalationResult {
  evidenceId: number;
  /** False when the browser refused the capture (the CM did not open Desaffect from that tab). */
  screenshot: boolean;
}

export type EvidenceView = Omit<EvidenceRow, 'id'> & { id: number };

export type AssistantReplies = {
  'cs→bg:log-action': { ok: true };
  'cs→bg:escalate': EscalationResult;
  'cs→bg:reveal': { ok: true };
  'ui→bg:log-action': { ok: true };
  'ui→bg:escalate': EscalationResult;
  'ui→bg:evidence-list': EvidenceView[];
  'ui→bg:reveal': { ok: true };
};

/** From an extension page to the content script of a tab. */
export const uiToCsSchema = v.variant('type', [
  v.object({ type: v.literal('ui→cs:show-comment'), commentKey: key }),
  v.object({ type: v.literal('ui→cs:insert-reply'), text: v.pipe(v.string(), v.maxLength(5_000)) }),
  v.object({ type: v.literal('ui→cs:reveal'), commentKey: key }),
]);
export type UiToCs = v.InferOutput<typeof uiToCsSchema>;
export interface CsReplies {
  'ui→cs:show-comment': { found: boolean };
  'ui→cs:insert-reply': { inserted: boolean };
  'ui→cs:reveal': { ok: true };
}

export function parseUiToCs(message: unknown): UiToCs | null {
  const result = v.safeParse(uiToCsSchema, message);
  return result.success ? result.output : null;
}
