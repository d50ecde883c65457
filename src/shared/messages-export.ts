/** ui→bg messages of the anonymised research export (preview, then the zip), and the export's options. */
import * as v from 'valibot';

export const ACCOUNT_CATEGORIES = [
  'public_institution',
  'media',
  'sports_club',
  'retail',
  'ngo',
  'higher_education',
  'public_service_company',
  'personality',
] as const;
export type AccountCategory = (typeof ACCOUNT_CATEGORIES)[number];

const localDaySchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

export const exportOptionsSchema = v.object({
  /** Inclusive local days (`YYYY-MM-DD`); null = open-ended. */
  from: v.nullable(localDaySchema),
  to: v.nullable(localDaySchema),
  /** Describes the account instead of its handles or page names; null = not stated. */
  accountCategory: v.nullable(v.picklist(ACCOUNT_CATEGORIES)),
  granularity: v.picklist(['hour', 'day']),
  /** Comment text: left out, or redacted into typed placeholders. */
  text: v.picklist(['none', 'redacted']),
  /** Given by a researcher: makes pseudonyms stable across this study's exports (and only this study's). */
  studyKey: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(256))),
  /** Check-ins whose note the CM chose to include, one by one (redacted like comment text). */
  checkInNoteIds: v.pipe(v.array(v.pipe(v.number(), v.integer())), v.maxLength(10_000)),
  excludedDays: v.pipe(v.array(localDaySchema), v.maxLength(3_660)),
  /** Row references from the preview (`PreviewRow.ref`); only their number reaches the manifest. */
  excludedRows: v.pipe(v.array(v.pipe(v.string(), v.maxLength(600))), v.maxLength(100_000)),
});

export type ExportOptions = v.InferOutput<typeof exportOptionsSchema>;

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  from: null,
  to: null,
  accountCategory: null,
  granularity: 'hour',
  text: 'none',
  studyKey: null,
  checkInNoteIds: [],
  excludedDays: [],
  excludedRows: [],
};

/** One value of an exported table: what a CSV cell and a JSON Lines field hold. */
export type Cell = string | number | boolean | null;

export interface PreviewRow {
  /** Local reference to exclude the row; never written to the export. Null for aggregate rows. */
  ref: string | null;
  cells: Cell[];
}

export interface PreviewTable {
  /** File name without extension, e.g. `comments_seen`. */
  name: string;
  columns: string[];
  total: number;
  /** The first rows exactly as they will be written. */
  rows: PreviewRow[];
}

export interface ExportPreview {
  tables: PreviewTable[];
  /** Every file of the zip with its data rows (0 for the codebook and the manifest). */
  files: Array<{ name: string; rows: number }>;
  /** Days in the chosen range holding data, so the CM can leave whole days out. */
  days: Array<{ day: string; rows: number; excluded: boolean }>;
  /** Check-ins with a note, shown redacted, for the CM to include one by one. */
  noteCandidates: Array<{ id: number; day: string; redactedNote: string }>;
  excludedRows: number;
}

const draftIdSchema = v.pipe(v.string(), v.minLength(8), v.maxLength(64));

export const exportMessages = [
  /** The draftId keeps one pseudonym key from preview to download, so the preview shows the real values. */
  v.object({ type: v.literal('ui→bg:export-preview'), draftId: draftIdSchema, options: exportOptionsSchema }),
  v.object({ type: v.literal('ui→bg:export-zip'), draftId: draftIdSchema, options: exportOptionsSchema }),
] as const;

export type ExportReplies = {
  'ui→bg:export-preview': ExportPreview;
  /** The zip as base64: messages are JSON-serialised, and base64 is a third larger where number[] is 3×. */
  'ui→bg:export-zip': { fileName: string; zipBase64: string; bytes: number };
};
