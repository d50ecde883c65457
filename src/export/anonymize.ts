/**
 * The research export, built entirely on the device: tables of a backup in, anonymised files out
 * (CSV + JSON Lines per table, codebook.md, manifest.json). Pure: the service worker and the CLI feed it.
 *
 * Two steps: `prepareExport` selects, dates (k-anonymity) and orders the rows and describes the tables
 * without writing them — enough for the preview and its pages; `writeExportZip` (or
 * `writeExportFiles`) then writes exactly those rows.
 */
import { CLASSIFIER_VERSION } from '../classifier';
import { LABELS, type Label, PLATFORMS, type Platform } from '../shared/comment';
import { parseSettings } from '../shared/settings';
import type { BackupTables } from '../storage/backup-format';
import type { CommentRow } from '../storage/schema';
import { closedDay } from './anonymize-closed';
import { writeCodebook } from './anonymize-codebook';
import {
  DAY,
  generalise,
  type Level,
  MIN_CELL_SIZE,
  MONTH,
  NO_TIME,
  type Placement,
  periodStartDay,
  place,
  SUPPRESSED,
} from './anonymize-k';
import { keyedRanks, randomExportKey } from './anonymize-order';
import {
  actionsTable,
  activityTable,
  CLASSIFIER_VERSION_FORMAT,
  checkInsTable,
  commentDescription,
  commentsTable,
  correctionsTable,
  countComments,
  dailySummaryTable,
  type ExportTable,
  finestLevel,
  type Placed,
  rowRef,
  type TableContext,
  writeTable,
} from './anonymize-tables';
import { createRedactor, type Redactor } from './anonymize-text';
import type { ExportOptions, ExportPreview, ExportTableName, PreviewTable } from './messages';
import { ZipWriter } from './zip';

export const EXPORT_FORMAT = 'desaffect-research-export';
/**
 * 2: k-anonymous dating (period_start, time_precision), exporter and data versions apart.
 * 3: comments described by their label and intensity band, finer values on request, and every column
 * that describes a comment part of its kind for k-anonymity.
 * 4: `intensity_band` is the level the CM saw (shared/levels.ts): `high` from 0.5, where 3 began it at 0.6.
 * 5: no `commenter` or `thread` code (their trails of hours singled commenters and posts out), bands of
 * how many comments the commenter and the thread have instead, part of the kind; rows within a period in
 * a keyed random order, not in time order.
 */
export const EXPORT_FORMAT_VERSION = 5;
/** Rows per preview page. */
export const PREVIEW_PAGE_ROWS = 50;

/** Where the rows come from, and the versions that produced them when known (null = not recorded). */
export interface DataSource {
  kind: 'extension-database' | 'backup-file';
  extensionVersion: string | null;
  classifierVersion: string | null;
  schemaVersion: number | null;
}

export interface ExportMeta {
  /** The exporter's version (the running extension's or the CLI's package.json), given by the caller. */
  extensionVersion: string;
  /** Epoch ms of the export. */
  now: number;
  /**
   * The export's secret key, kept by the caller between preview and download: it orders the rows within
   * their periods. Random when not given.
   */
  exportKey?: Uint8Array<ArrayBuffer>;
  /** Defaults to the extension's own database, versions not recorded. */
  source?: DataSource;
  /**
   * The preview's snapshot: rows first recorded after this time (epoch ms) are left out, so the download
   * holds what the CM saw even if comments keep arriving. Undefined = every row (the CLI).
   */
  asOf?: number;
}

/** Rows selected, dated and ordered: what the preview pages through and the files are written from. */
export interface PreparedExport {
  options: ExportOptions;
  tables: ExportTable[];
  files: Array<{ name: string; rows: number }>;
  manifest: Record<string, unknown>;
  codebook: string;
  /** For the CM only (never written): days in range, notes to choose, exclusions. */
  days: ExportPreview['days'];
  noteCandidates: ExportPreview['noteCandidates'];
  excludedRows: number;
  suppressedRows: number;
  asOf: number | null;
  /** Changes when any row, name or setting the export is made from changes (computed on first use). */
  fingerprint(): string;
  now: number;
}

export interface ExportResult {
  files: Record<string, string>;
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
    if (typeof row.permalink === 'string') pathSources.add(row.permalink.replace(DIGIT_RUN, ''));
  }
  for (const row of tables.comments) {
    if (typeof row.threadKey === 'string') pathSources.add(row.threadKey.replace(DIGIT_RUN, ''));
  }
  return createRedactor(nameSources, pathSources);
}

/** An extension's version as browsers take it: one to four numbers (`0.1.0`). */
const EXTENSION_VERSION_FORMAT = /^\d{1,5}(?:\.\d{1,5}){0,3}$/;

/**
 * The data's versions as the manifest writes them: a backup file's envelope is free text (an edited file
 * could put a name there), so only values of the forms versions have, else null (not recorded).
 */
function checkedSource(source: DataSource): DataSource {
  const matching = (value: string | null, format: RegExp) =>
    typeof value === 'string' && format.test(value) ? value : null;
  return {
    kind: source.kind,
    extensionVersion: matching(source.extensionVersion, EXTENSION_VERSION_FORMAT),
    classifierVersion: matching(source.classifierVersion, CLASSIFIER_VERSION_FORMAT),
    schemaVersion: Number.isInteger(source.schemaVersion) ? source.schemaVersion : null,
  };
}

/** Rows recorded up to the snapshot; later ones are left for another export. */
function upTo(tables: BackupTables, asOf: number | undefined): BackupTables {
  if (asOf === undefined) return tables;
  return {
    comments: tables.comments.filter((row) => row.firstSeen <= asOf),
    actions: tables.actions.filter((row) => row.at <= asOf),
    activity: tables.activity.filter((row) => row.first <= asOf),
    checkins: tables.checkins.filter((row) => row.at <= asOf),
    evidence: tables.evidence.filter((row) => row.at <= asOf),
    settings: tables.settings,
    corrections: tables.corrections.filter((row) => row.at <= asOf),
  };
}

interface Selected<Row> {
  kept: Row[];
  inRange: Row[];
  excluded: number;
}

/** Keeps rows of the chosen range, then drops the CM's excluded days and rows, counting what was dropped. */
function selectRows<Row extends { day: string }>(
  rows: Row[],
  options: ExportOptions,
  excludedRefs: ReadonlySet<string>,
  ref: (row: Row) => string,
): Selected<Row> {
  const excludedDays = new Set(options.excludedDays);
  const inRange = rows.filter(
    (row) =>
      (options.from === null || row.day >= options.from) && (options.to === null || row.day <= options.to),
  );
  const kept =
    excludedDays.size === 0 && excludedRefs.size === 0
      ? inRange
      : inRange.filter((row) => !excludedDays.has(row.day) && !excludedRefs.has(ref(row)));
  return { kept, inRange, excluded: inRange.length - kept.length };
}

/**
 * Rows about a comment (actions, corrections) go where their comment goes: one whose comment is in the
 * history but not in the export (left out by the CM, on a day left out, outside the range) is left out
 * too and counted so. Else it would still say when and what the CM did about the comment the CM withheld.
 */
function commentsLeftOut(
  history: readonly CommentRow[],
  exported: readonly CommentRow[],
): <Row extends { commentKey: string }>(selected: Selected<Row>) => Selected<Row> {
  const leftOut = new Set(history.map((row) => row.key));
  for (const row of exported) leftOut.delete(row.key);
  return (selected) => {
    const kept = selected.kept.filter((row) => !leftOut.has(row.commentKey));
    return { ...selected, kept, excluded: selected.excluded + selected.kept.length - kept.length };
  };
}

/** Two 32-bit FNV-style lanes: a change detector, not a secret. */
class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x01000193;
  add(value: unknown): void {
    const text = String(value);
    let { a, b } = this;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
    }
    this.a = Math.imul(a ^ 0x1f, 0x01000193);
    this.b = b;
  }
  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

const PLATFORM_NUMBERS = new Map<unknown, number>(PLATFORMS.map((platform, i) => [platform, i + 1]));
const LABEL_NUMBERS = new Map<unknown, number>(LABELS.map((label, i) => [label, i + 1]));

/** A small number per platform × label: the kinds of actions and corrections; invalid values apart. */
const kindOf = (platform: unknown, label: unknown) =>
  (PLATFORM_NUMBERS.get(platform) ?? 0) * 8 + (LABEL_NUMBERS.get(label) ?? 0);

/** A number per combination of the values that describe a comment (commentDescription): its kind. */
function commentKinds(description: ReturnType<typeof commentDescription>): (row: CommentRow) => number {
  const kinds = new Map<string, number>();
  return (row) => {
    const key = JSON.stringify(description.map((column) => column.value(row)));
    let kind = kinds.get(key);
    if (kind === undefined) {
      kind = kinds.size;
      kinds.set(key, kind);
    }
    return kind;
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Dates rows as k-anonymity allows and orders them by published period, coarser rows first within a
 * period, then in the keyed pseudo-random order of anonymize-order.ts: a row's position says nothing
 * finer than its published period.
 */
async function publish<Row>(
  rows: readonly Row[],
  placements: readonly Placement[],
  fallback: typeof SUPPRESSED | typeof NO_TIME,
  /** The row's reference, distinct within its table: what its rank is drawn for. */
  ref: (row: Row) => string,
  ranks: (refs: string[]) => Promise<Uint32Array>,
  /** Rows k does not apply to: dated at their finest level (without time if their day is invalid). */
  exempt?: (row: Row) => boolean,
): Promise<{ levels: Int8Array; items: Placed<Row>[] }> {
  let levels: Int8Array;
  if (exempt) {
    const subject = rows.flatMap((row, i) => (exempt(row) ? [] : [i]));
    const subjectLevels = generalise(
      subject.map((i) => placements[i] as Placement),
      fallback,
    );
    levels = Int8Array.from(placements, ({ finest }) => (finest <= MONTH ? finest : fallback));
    subject.forEach((i, j) => {
      levels[i] = subjectLevels[j] as number;
    });
  } else {
    levels = generalise(placements, fallback);
  }
  const starts = new Float64Array(rows.length);
  const order: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const level = levels[i] as Level;
    if (level === SUPPRESSED) continue;
    // Rows without a time come first.
    starts[i] = level === NO_TIME ? -1 : periodStartDay(placements[i] as Placement, level);
    order.push(i);
  }
  const refs = order.map((i) => ref(rows[i] as Row));
  const drawn = await ranks(refs);
  const rankOf = new Float64Array(rows.length);
  const refOf: string[] = [];
  order.forEach((i, j) => {
    rankOf[i] = drawn[j] as number;
    refOf[i] = refs[j] as string;
  });
  order.sort(
    (a, b) =>
      (starts[a] as number) - (starts[b] as number) ||
      (levels[b] as number) - (levels[a] as number) ||
      (rankOf[a] as number) - (rankOf[b] as number) ||
      compareText(refOf[a] as string, refOf[b] as string),
  );
  return {
    levels,
    items: order.map((i, index) => ({ row: rows[i] as Row, level: levels[i] as Level, no: index + 1 })),
  };
}

export async function prepareExport(
  all: BackupTables,
  options: ExportOptions,
  meta: ExportMeta,
): Promise<PreparedExport> {
  const tables = upTo(all, meta.asOf);
  let redactor: Redactor | null = null;
  const redact: Redactor = (text) => {
    redactor ??= redactorFor(tables);
    return redactor(text);
  };
  const exportKey = meta.exportKey ?? randomExportKey();
  const ranksOf = (table: string) => (refs: string[]) => keyedRanks(exportKey, table, refs);
  const finest = finestLevel(options);

  const excludedRefs = new Set(options.excludedRows);
  const comments = selectRows(tables.comments, options, excludedRefs, rowRef.comment);
  const activity = selectRows(tables.activity, options, excludedRefs, rowRef.activity);
  const checkIns = selectRows(tables.checkins, options, excludedRefs, rowRef.checkIn);
  const leaveWithComment = commentsLeftOut(tables.comments, comments.kept);
  const actions = leaveWithComment(selectRows(tables.actions, options, excludedRefs, rowRef.action));
  const corrections = leaveWithComment(
    selectRows(options.corrections ? tables.corrections : [], options, excludedRefs, rowRef.correction),
  );

  // Comments: dated as precisely as k-anonymity allows for everything their row says about them.
  const counts = countComments(comments.kept);
  const description = commentDescription(options, counts);
  const kindOfComment = commentKinds(description);
  const commentPlacements = comments.kept.map((row) =>
    place(kindOfComment(row), row.day, row.firstSeen, finest, counts.commenter(row)),
  );
  const { levels: commentLevels, items: commentItems } = await publish(
    comments.kept,
    commentPlacements,
    SUPPRESSED,
    rowRef.comment,
    ranksOf('comments_seen'),
  );
  // Numbers and levels of the comments that actions point to, and only those.
  const pointedTo = new Set([...actions.kept, ...corrections.kept].map((row) => row.commentKey));
  const commentNumbers = new Map<string, number>();
  for (const { row, no } of commentItems)
    if (pointedTo.has(row.key)) commentNumbers.set(row.key, no as number);
  const levelOfComment = new Map<string, Level>();
  const commenterOfComment = new Map<string, number>();
  comments.kept.forEach((row, i) => {
    if (!pointedTo.has(row.key)) return;
    levelOfComment.set(row.key, commentLevels[i] as Level);
    commenterOfComment.set(row.key, counts.commenter(row));
  });

  // Actions and corrections: never more precise than their comment; those of a suppressed comment go with
  // it. One whose comment is no longer in the history (deleted at the end of the retention period) is
  // dated on its own.
  const placedAfterComment = (
    row: { commentKey: string; platform: Platform; day: string; at: number },
    label: Label,
  ) => {
    const commentLevel = levelOfComment.get(row.commentKey);
    const floor =
      commentLevel === undefined ? finest : commentLevel === SUPPRESSED ? MONTH + 1 : commentLevel;
    return place(
      kindOf(row.platform, label),
      row.day,
      row.at,
      Math.max(finest, floor),
      commenterOfComment.get(row.commentKey),
    );
  };
  const { items: actionItems } = await publish(
    actions.kept,
    actions.kept.map((row) => placedAfterComment(row, row.label)),
    SUPPRESSED,
    rowRef.action,
    ranksOf('actions'),
  );
  const { items: correctionItems } = await publish(
    corrections.kept,
    corrections.kept.map((row) => placedAfterComment(row, row.to)),
    SUPPRESSED,
    rowRef.correction,
    ranksOf('label_corrections'),
  );

  // Check-ins are the CM's own, but one asked after a threat dates that threat: dated like comments.
  const { items: checkInItems } = await publish(
    checkIns.kept,
    checkIns.kept.map((row) => place(0, row.day, row.at, finest)),
    NO_TIME,
    rowRef.checkIn,
    ranksOf('checkins'),
    (row) => row.trigger !== 'threat',
  );

  const activityRows = [...activity.kept].sort(
    (a, b) =>
      String(a.day).localeCompare(String(b.day)) || String(a.platform).localeCompare(String(b.platform)),
  );

  const context: TableContext = {
    options,
    redact,
    commentDescription: description,
    commentNumbers,
  };
  const exportTables: ExportTable[] = [
    commentsTable(commentItems, context),
    actionsTable(actionItems, context),
    activityTable(activityRows, context),
    checkInsTable(checkInItems, context),
    dailySummaryTable(commentItems),
    ...(options.corrections ? [correctionsTable(correctionItems, context)] : []),
  ];

  const excludedByTable = {
    comments_seen: comments.excluded,
    actions: actions.excluded,
    active_time: activity.excluded,
    checkins: checkIns.excluded,
    label_corrections: corrections.excluded,
  };
  const suppressedByTable = {
    comments_seen: comments.kept.length - commentItems.length,
    actions: actions.kept.length - actionItems.length,
    label_corrections: corrections.kept.length - correctionItems.length,
  };
  const excludedTotal = Object.values(excludedByTable).reduce((sum, n) => sum + n, 0);
  const suppressedTotal = Object.values(suppressedByTable).reduce((sum, n) => sum + n, 0);

  const rowsPerDay = new Map<string, number>();
  for (const rows of [
    comments.inRange,
    actions.inRange,
    activity.inRange,
    checkIns.inRange,
    corrections.inRange,
  ]) {
    for (const row of rows) rowsPerDay.set(row.day, (rowsPerDay.get(row.day) ?? 0) + 1);
  }
  // From the days actually written: the manifest must not reveal an excluded or coarsened day.
  const publishedDays = new Set<string>();
  for (const items of [commentItems, actionItems, checkInItems] as Placed<{ day: string }>[][]) {
    for (const { row, level } of items) if (level <= DAY && closedDay(row.day)) publishedDays.add(row.day);
  }
  for (const row of activityRows) if (closedDay(row.day)) publishedDays.add(row.day);
  const daysWritten = [...publishedDays].sort();

  const notesIncluded = new Set(options.checkInNoteIds);
  const source = checkedSource(
    meta.source ?? {
      kind: 'extension-database',
      extensionVersion: null,
      classifierVersion: null,
      schemaVersion: null,
    },
  );
  const manifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    // The program that wrote these files.
    exporter: { extensionVersion: meta.extensionVersion, classifierVersion: CLASSIFIER_VERSION },
    // The program that recorded and classified the rows, as far as the data says (null: not recorded).
    data: source,
    exportedOn: new Date(meta.now).toISOString().slice(0, 10),
    dateRange: {
      from: options.from,
      to: options.to,
      firstDayWithData: daysWritten[0] ?? null,
      lastDayWithData: daysWritten.at(-1) ?? null,
    },
    options: {
      accountCategory: options.accountCategory ?? 'not_stated',
      timeGranularity: options.granularity,
      commentText: options.text,
      labelCorrections: options.corrections,
      finerValues: options.finerValues,
      checkInNotesIncluded: checkIns.kept.filter(
        (row) => row.id !== undefined && notesIncluded.has(row.id) && row.note,
      ).length,
      minimumAggregateCellSize: MIN_CELL_SIZE,
    },
    rowCounts: Object.fromEntries(exportTables.map((exportTable) => [exportTable.name, exportTable.total])),
    // How many rows the CM left out, never which.
    excludedByCm: { days: options.excludedDays.length, rows: excludedByTable, totalRows: excludedTotal },
    // Rows too rare to publish even dated to their month (k-anonymity), never which.
    suppressedAsRare: { rows: suppressedByTable, totalRows: suppressedTotal },
    neverExported: [
      'comment ids, permalinks and thread keys',
      "commenters' handles and names",
      "the CM's own handles, page names and brand names",
      'evidence records and screenshots',
      'classifier cue quotes',
      ...(options.finerValues
        ? []
        : [
            'classifier scores, exact intensities, cue kinds, language, reply and views (the CM did not choose finer values)',
          ]),
      ...(options.corrections ? [] : ['label corrections (the CM did not include them)']),
    ],
  };

  let digest: string | null = null;
  const fingerprintOf = () => {
    if (digest !== null) return digest;
    const fingerprint = new Fingerprint();
    fingerprint.add(JSON.stringify(options));
    for (const row of comments.inRange) {
      fingerprint.add(row.key);
      fingerprint.add(row.lastSeen);
    }
    for (const row of actions.inRange) fingerprint.add(rowRef.action(row));
    for (const row of activity.inRange)
      fingerprint.add(`${rowRef.activity(row)}:${row.activeMs}:${row.last}`);
    for (const row of checkIns.inRange) fingerprint.add(`${rowRef.checkIn(row)}:${String(row.note).length}`);
    for (const row of corrections.inRange) fingerprint.add(`${rowRef.correction(row)}:${row.at}:${row.to}`);
    // Names the redactor knows.
    fingerprint.add(`${tables.comments.length}:${tables.evidence.length}`);
    fingerprint.add(JSON.stringify(tables.settings.find((row) => row.key === SETTINGS_KEY)?.value ?? null));
    digest = fingerprint.digest();
    return digest;
  };

  const files = exportTables.flatMap((exportTable) => [
    { name: `${exportTable.name}.csv`, rows: exportTable.total },
    { name: `${exportTable.name}.jsonl`, rows: exportTable.total },
  ]);
  files.push({ name: 'codebook.md', rows: 0 }, { name: 'manifest.json', rows: 0 });

  return {
    options,
    tables: exportTables,
    files,
    manifest,
    codebook: writeCodebook(
      exportTables,
      options,
      source,
      description.map((column) => column.name),
    ),
    days: [...rowsPerDay.keys()].sort().map((day) => ({
      day,
      rows: rowsPerDay.get(day) ?? 0,
      excluded: options.excludedDays.includes(day),
    })),
    noteCandidates: checkIns.kept.flatMap((row) =>
      row.id !== undefined && typeof row.note === 'string' && row.note
        ? [{ id: row.id, day: row.day, redactedNote: redact(row.note) }]
        : [],
    ),
    excludedRows: excludedTotal,
    suppressedRows: suppressedTotal,
    asOf: meta.asOf ?? null,
    fingerprint: fingerprintOf,
    now: meta.now,
  };
}

function findTable(prepared: PreparedExport, name: string): ExportTable {
  const found = prepared.tables.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

/** One page of a table, exactly as it will be written. */
export function previewPage(
  prepared: PreparedExport,
  name: ExportTableName,
  offset: number,
  limit = PREVIEW_PAGE_ROWS,
): PreviewTable {
  const exportTable = findTable(prepared, name);
  const start = Math.max(0, Math.min(Math.floor(offset), Math.max(0, exportTable.total - 1)));
  const pageStart = exportTable.total === 0 ? 0 : start - (start % limit);
  return {
    name: exportTable.name as ExportTableName,
    columns: exportTable.columns.map((column) => column.name),
    total: exportTable.total,
    offset: pageStart,
    rows: exportTable.rows(pageStart, pageStart + limit),
  };
}

export function previewOf(prepared: PreparedExport): ExportPreview {
  return {
    asOf: prepared.asOf ?? prepared.now,
    fingerprint: prepared.fingerprint(),
    pageSize: PREVIEW_PAGE_ROWS,
    tables: prepared.tables.map((exportTable) =>
      previewPage(prepared, exportTable.name as ExportTableName, 0),
    ),
    files: prepared.files,
    days: prepared.days,
    noteCandidates: prepared.noteCandidates,
    excludedRows: prepared.excludedRows,
    suppressedRows: prepared.suppressedRows,
  };
}

const manifestText = (prepared: PreparedExport) => `${JSON.stringify(prepared.manifest, null, 2)}\n`;

/** Every file as a string (tests, small exports). */
export async function writeExportFiles(prepared: PreparedExport): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const exportTable of prepared.tables) {
    const csv: string[] = [];
    const jsonl: string[] = [];
    await writeTable(
      exportTable,
      (chunk) => {
        csv.push(chunk);
      },
      (chunk) => {
        jsonl.push(chunk);
      },
    );
    files[`${exportTable.name}.csv`] = csv.join('');
    files[`${exportTable.name}.jsonl`] = jsonl.join('');
  }
  files['codebook.md'] = prepared.codebook;
  files['manifest.json'] = manifestText(prepared);
  return files;
}

/** The zip, written table by table into the compressor: the text of the export is never held whole. */
export async function writeExportZip(prepared: PreparedExport): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new ZipWriter(prepared.now);
  for (const exportTable of prepared.tables) {
    const csv = zip.file(`${exportTable.name}.csv`);
    const jsonl = zip.file(`${exportTable.name}.jsonl`);
    await writeTable(exportTable, csv.write, jsonl.write);
    await Promise.all([csv.close(), jsonl.close()]);
  }
  await zip.add('codebook.md', prepared.codebook);
  await zip.add('manifest.json', manifestText(prepared));
  return zip.finish();
}

/** Prepare and write in one go: the files as strings, the first preview page, the row counts. */
export async function buildExport(
  tables: BackupTables,
  options: ExportOptions,
  meta: ExportMeta,
): Promise<ExportResult> {
  const prepared = await prepareExport(tables, options, meta);
  const files = await writeExportFiles(prepared);
  const counts = Object.fromEntries(prepared.files.map(({ name, rows }) => [name, rows]));
  return { files, preview: previewOf(prepared), counts };
}

/** Prepare and zip in one go (the CLI, the benchmark). */
export async function exportZip(
  tables: BackupTables,
  options: ExportOptions,
  meta: ExportMeta,
): Promise<Uint8Array<ArrayBuffer>> {
  return writeExportZip(await prepareExport(tables, options, meta));
}
