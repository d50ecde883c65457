/**
 * Messages about the CM's data as a whole (ui→bg): the settings and saved replies, a full backup and its restore, how much
 * is stored, freeing space when the browser's quota is full, and deleting everything.
 */
import * as v from 'valibot';
import { type Settings, settingsSchema } from '../shared/settings';
import { type SavedReply, savedRepliesSchema } from '../tactics/saved-replies';
import { GUARDED_SETTINGS_CHOICES, type RestoreResult } from './backup';
import type { BackupFile } from './backup-format';

export const dataMessages = [
  v.object({ type: v.literal('ui→bg:get-settings') }),
  v.object({ type: v.literal('ui→bg:save-settings'), settings: settingsSchema }),
  v.object({ type: v.literal('ui→bg:saved-replies') }),
  /** The whole list, as the CM left it after adding, editing, deleting or importing. */
  v.object({ type: v.literal('ui→bg:save-replies'), replies: savedRepliesSchema }),
  v.object({ type: v.literal('ui→bg:backup') }),
  /**
   * The backup file's text, validated in the service worker (64 MiB is Chrome's message limit), and what to
   * do if it would change retention or text keeping: ask first unless the CM has answered.
   */
  v.object({
    type: v.literal('ui→bg:restore'),
    fileText: v.pipe(v.string(), v.maxLength(60 * 1024 * 1024)),
    guarded: v.optional(v.picklist(GUARDED_SETTINGS_CHOICES)),
  }),
  v.object({ type: v.literal('ui→bg:data-usage') }),
  /** Frees space by deleting logged rows older than `keepDays` (evidence is kept). */
  v.object({ type: v.literal('ui→bg:free-space'), keepDays: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  v.object({ type: v.literal('ui→bg:delete-everything'), confirmed: v.literal(true) }),
] as const;

export interface DataReplies {
  'ui→bg:get-settings': Settings;
  'ui→bg:save-settings': Settings;
  'ui→bg:saved-replies': SavedReply[];
  'ui→bg:save-replies': SavedReply[];
  'ui→bg:backup': BackupFile;
  'ui→bg:restore': RestoreResult;
  'ui→bg:data-usage': { rows: Record<string, number>; retentionDays: number };
  'ui→bg:free-space': { ok: true };
  'ui→bg:delete-everything': { ok: true };
}
