/**
 * The research export, built entirely on the device: tables of a backup in, anonymised files out
 * (CSV + JSON Lines per table, codebook.md, manifest.json). Pure: the service worker and the CLI feed it.
 */
import { CLASSIFIER_VERSION } from '../classifier';
import type { ExportOptions, ExportPreview } from '../shared/messages-export';
import { parseSettings } from '../shared/settings';
import type { BackupTables } from '../storage/backup-format';
import { writeCodebook } from './anonymize-codebook';
import { createPseudonymiser, randomPseudonymKey, studyPseudonymKey } from './anonymize-hmac';
import {
  actionsTable,
  activityTable,
  checkInsTable,
  commentsTable,
  dailySummaryTable,
  type ExportTable,
  MIN_CELL_SIZE,
  rowRef,
  type TableContext,
} from './anonymize-tables';
import { createRedactor, nameTokens, pathNameTokens, type Redactor } from './anonymize-text';

export const EXPORT_FORMAT = 'desaffect-research-export';
export const EXPORT_FORMAT_VERSION = 1;

export interface ExportMeta {
  /** The extension's version (package.json), given by the caller. */
  extensionVersion: string;
  /** Epoch ms of the export. */
  now: number;
  /** Per-export key; kept by the caller between preview and download. Ignored when a study key is set. */
  pseudonymKey?: Uint8Array;
}

export interface ExportResult {
  files: Record<string, Uint8Array | string>;
  preview: ExportPreview;
  /** Data rows per file (CSV and JSON Lines hold the same rows). */
  counts: Record<string, number>;
}

const SETTINGS_KEY = 'settings';
/** Status and post ids: numbers that the [NUMBER] rule redacts anyway. */
const DIGIT_RUN = /\d{4,}/g;

/** Every name a comment could mention: authors, the CM's accounts and brands, page names in paths. */
function redactorFor(tables: BackupTables): Redactor {
  const settings = parseSettings(tables.settings.find((row) => row.key === SETTINGS_KEY)?.value);
  // Sources repeat (one author, many comments): tokenise each distinct one once.
  const nameSources = new Set([
    ...settings.ownHandles.x,
    ...settings.ownHandles.facebook,
    ...settings.brandNames,
  ]);
  const pathSources = new Set<string>();
  for (const row of [...tables.comments, ...tables.evidence]) {
    nameSources.add(row.authorName);
    nameSources.add(row.authorHandle);
    // Without their numeric ids, permalinks collapse to one per author or page.
    if (row.permalink) pathSources.add(row.permalink.replace(DIGIT_RUN, ''));
  }
  for (const row of tables.comments) pathSources.add(row.threadKey.replace(DIGIT_RUN, ''));
  return createRedactor([
    ...[...nameSources].flatMap(nameTokens),
    ...[...pathSources].flatMap(pathNameTokens),
  ]);
}

/** Keeps rows of the chosen range, then drops the CM's excluded days and rows, counting what was dropped. */
function selectRows<Row extends { day: string }>(
  rows: Row[],
  options: ExportOptions,
  ref: (row: Row) => string,
): { kept: Row[]; inRange: Row[]; excluded: number } {
  const excludedDays = new Set(options.excludedDays);
  const excludedRefs = new Set(options.excludedRows);
  const inRange = rows.filter(
    (row) =>
      (options.from === null || row.day >= options.from) && (options.to === null || row.day <= options.to),
  );
  const kept = inRange.filter((row) => !excludedDays.has(row.day) && !excludedRefs.has(ref(row)));
  return { kept, inRange, excluded: inRange.length - kept.length };
}

export async function buildExport(
  tables: BackupTables,
  options: ExportOptions,
  meta: ExportMeta,
): Promise<ExportResult> {
  const redact = redactorFor(tables);
  const key = options.studyKey
    ? studyPseudonymKey(options.studyKey)
    : (meta.pseudonymKey ?? randomPseudonymKey());

  const comments = selectRows(tables.comments, options, rowRef.comment);
  const actions = selectRows(tables.actions, options, rowRef.action);
  const activity = selectRows(tables.activity, options, rowRef.activity);
  const checkIns = selectRows(tables.checkins, options, rowRef.checkIn);

  const orderedComments = [...comments.kept].sort((a, b) => a.firstSeen - b.firstSeen);
  const context: TableContext = {
    options,
    redact,
    pseudonym: createPseudonymiser(key),
    commentNumbers: new Map(orderedComments.map((row, index) => [row.key, index + 1])),
  };
  const byTime = <Row extends { at: number }>(rows: Row[]) => [...rows].sort((a, b) => a.at - b.at);
  const exportTables: ExportTable[] = [
    commentsTable(orderedComments, context),
    actionsTable(byTime(actions.kept), context),
    activityTable(
      [...activity.kept].sort((a, b) => a.day.localeCompare(b.day) || a.platform.localeCompare(b.platform)),
      context,
    ),
    checkInsTable(byTime(checkIns.kept), context),
    dailySummaryTable(orderedComments),
  ];

  const files: Record<string, string> = {};
  const counts: Record<string, number> = {};
  for (const table of exportTables) {
    files[`${table.name}.csv`] = table.csv;
    files[`${table.name}.jsonl`] = table.jsonl;
    counts[`${table.name}.csv`] = table.total;
    counts[`${table.name}.jsonl`] = table.total;
  }

  const excludedRows = {
    comments_seen: comments.excluded,
    actions: actions.excluded,
    active_time: activity.excluded,
    checkins: checkIns.excluded,
  };
  const excludedTotal = Object.values(excludedRows).reduce((sum, n) => sum + n, 0);
  const inRangeRows = [...comments.inRange, ...actions.inRange, ...activity.inRange, ...checkIns.inRange];
  const rowsPerDay = new Map<string, number>();
  for (const row of inRangeRows) rowsPerDay.set(row.day, (rowsPerDay.get(row.day) ?? 0) + 1);
  const daysInRange = [...rowsPerDay.keys()].sort();
  // From the rows written: the manifest must not reveal an excluded first or last day.
  const daysExported = [
    ...new Set([...comments.kept, ...actions.kept, ...activity.kept, ...checkIns.kept].map((row) => row.day)),
  ].sort();
  const notesIncluded = new Set(options.checkInNoteIds);

  const manifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    extensionVersion: meta.extensionVersion,
    classifierVersion: CLASSIFIER_VERSION,
    exportedOn: new Date(meta.now).toISOString().slice(0, 10),
    dateRange: {
      from: options.from,
      to: options.to,
      firstDayWithData: daysExported[0] ?? null,
      lastDayWithData: daysExported.at(-1) ?? null,
    },
    options: {
      accountCategory: options.accountCategory ?? 'not_stated',
      timeGranularity: options.granularity,
      commentText: options.text,
      studyKeyUsed: options.studyKey !== null,
      checkInNotesIncluded: checkIns.kept.filter(
        (row) => row.id !== undefined && notesIncluded.has(row.id) && row.note,
      ).length,
      minimumAggregateCellSize: MIN_CELL_SIZE,
    },
    rowCounts: Object.fromEntries(exportTables.map((table) => [table.name, table.total])),
    // How many rows the CM left out, never which.
    excludedByCm: { days: options.excludedDays.length, rows: excludedRows, totalRows: excludedTotal },
    neverExported: [
      'comment ids, permalinks and thread keys',
      "commenters' handles and names",
      "the CM's own handles, page names and brand names",
      'evidence records and screenshots',
      'classifier cue quotes',
    ],
  };
  files['codebook.md'] = writeCodebook(exportTables, options);
  files['manifest.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
  counts['codebook.md'] = 0;
  counts['manifest.json'] = 0;

  const preview: ExportPreview = {
    tables: exportTables.map((table) => ({
      name: table.name,
      columns: table.columns.map((column) => column.name),
      total: table.total,
      rows: table.preview,
    })),
    files: Object.keys(files).map((name) => ({ name, rows: counts[name] ?? 0 })),
    days: daysInRange.map((day) => ({
      day,
      rows: rowsPerDay.get(day) ?? 0,
      excluded: options.excludedDays.includes(day),
    })),
    noteCandidates: checkIns.kept.flatMap((row) =>
      row.id !== undefined && row.note ? [{ id: row.id, day: row.day, redactedNote: redact(row.note) }] : [],
    ),
    excludedRows: excludedTotal,
  };
  return { files, preview, counts };
}
