/**
 * Messages about the CM's data as a whole (ui→bg): the settings and saved replies, a full backup and its restore, how much
 * is stored, freeing space when the browser's quota is full, and deleting everything.
 */
import * as v from 'valibot';
import { type Settings, type SettingsSaved, settingsSchema } from '../shared/settings';
import { TRANSFER_PART_CHARS } from '../shared/transfer';
import { type RepliesOutcome, repliesChangeSchema, type SavedReply } from '../tactics/saved-replies';
import { GUARDED_SETTINGS_CHOICES, type RestoreResult } from './backup';

const transferId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
/** A backup of up to 1 GiB of text. */
const partIndex = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_024));

export const dataMessages = [
  v.object({ type: v.literal('ui→bg:get-settings') }),
  /** `base`: the stored settings the page edited; the save is refused if they changed since. */
  v.object({ type: v.literal('ui→bg:save-settings'), settings: settingsSchema, base: settingsSchema }),
  v.object({ type: v.literal('ui→bg:saved-replies') }),
  /** One change of the CM's: a reply added, edited or deleted, or a file imported. */
  v.object({ type: v.literal('ui→bg:change-replies'), change: repliesChangeSchema }),
  /** Makes a backup and holds its text for the dashboard to read in parts (`shared/transfer.ts` says why). */
  v.object({ type: v.literal('ui→bg:backup') }),
  /** Part `index` of a text the service worker holds: a backup, a research export. */
  v.object({ type: v.literal('ui→bg:transfer-part'), transferId, index: partIndex }),
  /** One part of a backup file's text, sent before the restore that reads them all. */
  v.object({
    type: v.literal('ui→bg:restore-part'),
    transferId,
    index: partIndex,
    parts: v.pipe(partIndex, v.minValue(1)),
    text: v.pipe(v.string(), v.maxLength(TRANSFER_PART_CHARS)),
  }),
  /**
   * Restores the file whose parts were sent, validated in the service worker, and what to do if it would
   * change retention or text keeping: ask first unless the CM has answered.
   */
  v.object({
    type: v.literal('ui→bg:restore'),
    transferId,
    guarded: v.optional(v.picklist(GUARDED_SETTINGS_CHOICES)),
  }),
  v.object({ type: v.literal('ui→bg:data-usage') }),
  /** Frees space by deleting logged rows older than `keepDays` (evidence is kept). */
  v.object({ type: v.literal('ui→bg:free-space'), keepDays: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  v.object({ type: v.literal('ui→bg:delete-everything'), confirmed: v.literal(true) }),
] as const;

export interface DataReplies {
  'ui→bg:get-settings': Settings;
  'ui→bg:save-settings': SettingsSaved;
  'ui→bg:saved-replies': SavedReply[];
  'ui→bg:change-replies': RepliesOutcome;
  /** `parts`: how many `ui→bg:transfer-part` to read. */
  'ui→bg:backup': { transferId: string; parts: number; createdAt: string };
  /** null: the service worker restarted since, and the text is gone. */
  'ui→bg:transfer-part': { text: string } | null;
  /** false: this part contradicts the parts already sent under its id. */
  'ui→bg:restore-part': { ok: boolean };
  /** `interrupted`: parts are missing (the service worker restarted while they came). */
  'ui→bg:restore': RestoreResult | { ok: false; reason: 'interrupted' };
  'ui→bg:data-usage': { rows: Record<string, number>; retentionDays: number };
  'ui→bg:free-space': { ok: true };
  'ui→bg:delete-everything': { ok: true };
}
