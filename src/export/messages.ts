/** ui→bg messages of the anonymised research export (preview, then the zip), and the export's options. */
import * as v from 'valibot';
import { localDaySchema } from '../shared/envelope';

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

export const exportOptionsSchema = v.object({
  /** Inclusive local days (`YYYY-MM-DD`); null = open-ended. */
  from: v.nullable(localDaySchema),
  to: v.nullable(localDaySchema),
  /** Describes the account instead of its handles or page names; null = not stated. */
  accountCategory: v.nullable(v.picklist(ACCOUNT_CATEGORIES)),
  granularity: v.picklist(['hour', 'day']),
  /** Comment text: left out, or redacted into typed placeholders. */
  text: v.picklist(['none', 'redacted']),
  /** The CM's corrections of labels, as label pairs with the classifier version: only when the CM says so. */
  corrections: v.boolean(),
  /**
   * Scores, exact intensity, cue kinds, language, reply and "uncertain" of each comment, besides its label
   * and intensity band: they make comments easier to match with the public thread, so only on request.
   */
  finerValues: v.boolean(),
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
  corrections: false,
  finerValues: false,
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

export const EXPORT_TABLES = [
  'comments_seen',
  'actions',
  'active_time',
  'checkins',
  'daily_summary',
  'label_corrections',
] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export interface PreviewTable {
  /** File name without extension, e.g. `comments_seen`. */
  name: ExportTableName;
  columns: string[];
  total: number;
  /** Index of the first row shown. */
  offset: number;
  /** One page of rows exactly as they will be written. */
  rows: PreviewRow[];
}

export interface ExportPreview {
  /**
   * The snapshot: rows recorded after this time (epoch ms) are not in this export. The dashboard sends it
   * back with every page and with the download, so the zip holds exactly the rows previewed.
   */
  asOf: number;
  /** Changes when the data behind the export changes; the download is refused if it no longer matches. */
  fingerprint: string;
  /** Rows per page of `tables[].rows`. */
  pageSize: number;
  /** Every table with its first page. */
  tables: PreviewTable[];
  /** Every file of the zip with its data rows (0 for the codebook and the manifest). */
  files: Array<{ name: string; rows: number }>;
  /** Days in the chosen range holding data, so the CM can leave whole days out. */
  days: Array<{ day: string; rows: number; excluded: boolean }>;
  /** Check-ins with a note, shown redacted, for the CM to include one by one. */
  noteCandidates: Array<{ id: number; day: string; redactedNote: string }>;
  excludedRows: number;
  /** Rows left out because they were too rare to publish even dated to their month (k-anonymity). */
  suppressedRows: number;
}

const draftIdSchema = v.pipe(v.string(), v.minLength(8), v.maxLength(64));
/** 32 random bytes in base64, made by the dashboard for one draft and kept in its memory only. */
const exportKeySchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{43}=$/));
const draft = {
  draftId: draftIdSchema,
  /**
   * The export's secret key, which orders rows within their periods: preview pages and zip use the same,
   * even if the service worker restarts.
   */
  exportKey: exportKeySchema,
  /** The preview's snapshot time; null on the first preview of a draft (the service worker takes now). */
  asOf: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  options: exportOptionsSchema,
};

export const exportMessages = [
  v.object({ type: v.literal('ui→bg:export-preview'), ...draft }),
  /** Another page of one table of the previewed export. */
  v.object({
    type: v.literal('ui→bg:export-page'),
    ...draft,
    table: v.picklist(EXPORT_TABLES),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000)),
  }),
  /** The zip of exactly the previewed rows; refused if the data changed since (`fingerprint`). */
  v.object({
    type: v.literal('ui→bg:export-zip'),
    ...draft,
    asOf: v.pipe(v.number(), v.integer(), v.minValue(0)),
    fingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
  }),
] as const;

export type ExportReplies = {
  'ui→bg:export-preview': ExportPreview;
  'ui→bg:export-page': PreviewTable;
  /**
   * The zip, held as base64 for the dashboard to read in `parts` (`ui→bg:transfer-part`): messages are
   * JSON-serialised, base64 is a third larger where number[] is 3×, and a year of comments can exceed one
   * message. `changed`: rows of the preview were modified or deleted since; preview again.
   */
  'ui→bg:export-zip':
    | { ok: true; fileName: string; bytes: number; transferId: string; parts: number }
    | { ok: false; reason: 'changed' };
};
