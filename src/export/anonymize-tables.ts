/**
 * The exported tables, column by column: each column carries its type, meaning and anonymisation, so the
 * codebook is written from the same definitions as the data and cannot drift from it. Rows stay objects
 * until they are written or shown: a preview page turns 50 rows into cells, not 100,000.
 */
import { CUE_KINDS, LABELS, type Label, PLATFORMS, type Platform } from '../shared/comment';
import { intensityLevel, LEVEL_FROM } from '../shared/levels';
import type { ActionRow, ActivityRow, CheckInRow, CommentRow, CorrectionRow } from '../storage/schema';
import {
  closedBoolean,
  closedDay,
  closedLabel,
  closedLang,
  closedNumber,
  closedPlatform,
  closedTactic,
  closedTags,
  closedTime,
  closedTrigger,
  cueKind,
} from './anonymize-closed';
import { DAY, HOUR, type Level, MIN_CELL_SIZE, NO_COMMENTER, PRECISIONS, periodStart } from './anonymize-k';
import type { Redactor } from './anonymize-text';
import type { Cell, ExportOptions, PreviewRow } from './messages';
import { csvHeader, csvRows, jsonLinesWriter } from './serialize';

export type ColumnType = 'integer' | 'number' | 'boolean' | 'string' | 'date' | 'datetime';

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  meaning: string;
  anonymisation: string;
  /** Free text (comment text, notes): every value differs, and only these may need the formula guard. */
  freeText?: boolean;
}

interface Column<Item> extends ColumnInfo {
  value(item: Item): Cell;
}

/** A table ready to be written or paged through. */
export interface ExportTable {
  name: string;
  description: string;
  columns: ColumnInfo[];
  total: number;
  /** Rows [start, end) as they will be written, each with its reference for leaving it out. */
  rows(start: number, end: number): PreviewRow[];
  /** Cells of rows [start, end). */
  cells(start: number, end: number): Cell[][];
}

/** Rows turned into cells at a time: big enough for few papaparse calls, small enough to die young. */
const CHUNK_ROWS = 2_000;

export { MIN_CELL_SIZE };

export interface TableContext {
  options: ExportOptions;
  /** Built on first use: a preview without text never pays for the names index. */
  redact: Redactor;
  /** The columns that describe a comment (commentDescription), as its kind was computed. */
  commentDescription: Column<CommentRow>[];
  /** Export sequence number of a comment, by database key. */
  commentNumbers: ReadonlyMap<string, number>;
}

/** A row with the precision its time is published at (see anonymize-k.ts). */
export interface Placed<Row> {
  row: Row;
  level: Level;
  /** Position in its table, from 1 (`comment_no` for comments). */
  no?: number;
}

export const rowRef = {
  comment: (row: CommentRow) => `comment:${row.key}`,
  action: (row: ActionRow) => `action:${row.id ?? `${row.commentKey}@${row.at}`}`,
  activity: (row: ActivityRow) => `activity:${row.day}:${row.platform}`,
  checkIn: (row: CheckInRow) => `checkin:${row.id ?? row.at}`,
  correction: (row: CorrectionRow) => `correction:${row.commentKey}`,
};

/** Classifier versions as the extension writes them (`2+` and 12 hex digits, or the first release's). */
export const CLASSIFIER_VERSION_FORMAT = /^(2\+[0-9a-f]{12}|1\.0\.0\+[0-9a-f]{8})$/;
const classifierVersionColumn = <Item>(meaning: string, version: (item: Item) => unknown): Column<Item> => ({
  name: 'classifier_version',
  type: 'string',
  meaning: `${meaning} (a hash of its weights, phrases, frames and text normalisation)`,
  anonymisation: 'values not of the extension’s own format are left empty',
  value: (item) => {
    const value = version(item);
    return typeof value === 'string' && CLASSIFIER_VERSION_FORMAT.test(value) ? value : null;
  },
});

const NOT_EXPORTED = 'none needed';
const CLOSED = 'values outside this list (e.g. from an edited backup) are left empty';

const hourStrings = new Map<number, string>();
/** The start of the UTC hour, ISO 8601 (`2026-11-25T14:00:00Z`). */
function utcHour(epochMs: number): string {
  const hour = Math.floor(epochMs / 3_600_000);
  let text = hourStrings.get(hour);
  if (text === undefined) {
    text = `${new Date(hour * 3_600_000).toISOString().slice(0, 13)}:00:00Z`;
    hourStrings.set(hour, text);
  }
  return text;
}

const hourOrNull = (epochMs: unknown) => {
  const time = closedTime(epochMs);
  return time === null ? null : utcHour(time);
};

/** The finest level the CM's choice allows. */
export const finestLevel = (options: ExportOptions): Level => (options.granularity === 'hour' ? HOUR : DAY);

const PRECISION_LIST = [...PRECISIONS, 'none'].map((p) => `\`${p}\``).join(', ');

/** day, [hour], period_start, time_precision: what k-anonymity lets this row say about its time. */
function timeColumns<Row extends { day: string }>(
  options: ExportOptions,
  hourName: string,
  hourMeaning: string,
  epochMs: (row: Row) => number,
  what: string,
): Column<Placed<Row>>[] {
  const columns: Column<Placed<Row>>[] = [
    {
      name: 'day',
      type: 'date',
      meaning: `local day ${what}; empty when \`time_precision\` is coarser than a day`,
      anonymisation: `calendar day only (local time of the CM), and only when rows of at least ${MIN_CELL_SIZE} people, of the same kind, share it`,
      value: ({ row, level }) => (level <= DAY ? closedDay(row.day) : null),
    },
  ];
  if (options.granularity === 'hour') {
    columns.push({
      name: hourName,
      type: 'datetime',
      meaning: `${hourMeaning} (UTC, ISO 8601); empty unless \`time_precision\` is \`hour\``,
      anonymisation: `truncated to the hour, and only when rows of at least ${MIN_CELL_SIZE} people, of the same kind, share that hour`,
      value: ({ row, level }) => (level === HOUR ? hourOrNull(epochMs(row)) : null),
    });
  }
  columns.push(
    {
      name: 'period_start',
      type: 'date',
      meaning:
        'first day of the period the row is dated to: the day itself, the Monday of its ISO week, or the first of its month; empty when `time_precision` is `none`',
      anonymisation: `coarsened until rows of at least ${MIN_CELL_SIZE} people, of the same kind, share the period (see "Rare combinations")`,
      value: ({ row, level }) => {
        const day = closedDay(row.day);
        return day === null ? null : periodStart(day, level);
      },
    },
    {
      name: 'time_precision',
      type: 'string',
      meaning: `how precisely the row is dated: ${PRECISION_LIST}`,
      anonymisation: 'see "Rare combinations"',
      value: ({ level }) => PRECISIONS[level] ?? 'none',
    },
  );
  return columns;
}

const platformColumn = <Item>(platform: (item: Item) => unknown): Column<Item> => ({
  name: 'platform',
  type: 'string',
  meaning: '`x` or `facebook`',
  anonymisation: CLOSED,
  value: (item) => closedPlatform(platform(item)),
});

const labelColumn = <Item>(meaning: string, label: (item: Item) => unknown): Column<Item> => ({
  name: 'label',
  type: 'string',
  meaning: `${meaning}: ${LABELS.map((value) => `\`${value}\``).join(', ')}`,
  anonymisation: CLOSED,
  value: (item) => closedLabel(label(item)),
});

function table<Item>(
  name: string,
  description: string,
  columns: Column<Item>[],
  items: readonly Item[],
  ref: ((item: Item) => string) | null,
): ExportTable {
  const cells = (start: number, end: number) => {
    const out: Cell[][] = [];
    for (let i = start; i < Math.min(end, items.length); i++) {
      const item = items[i] as Item;
      const row: Cell[] = new Array(columns.length);
      for (let c = 0; c < columns.length; c++) row[c] = (columns[c] as Column<Item>).value(item);
      out.push(row);
    }
    return out;
  };
  return {
    name,
    description,
    columns: columns.map(({ value: _value, ...info }) => info),
    total: items.length,
    cells,
    rows: (start, end) =>
      cells(start, end).map((row, i) => ({
        ref: ref ? ref(items[start + i] as Item) : null,
        cells: row,
      })),
  };
}

/** Where a table's text goes: a string being built, or a file being compressed. */
export type Sink = (chunk: string) => void | Promise<void>;

/** Writes a table's CSV and JSON Lines, chunk by chunk. */
export async function writeTable(exportTable: ExportTable, csv: Sink, jsonl: Sink): Promise<void> {
  const names = exportTable.columns.map((column) => column.name);
  const jsonLines = jsonLinesWriter(
    names,
    exportTable.columns.map((column) => column.freeText === true),
  );
  await csv(csvHeader(names));
  for (let start = 0; start < exportTable.total; start += CHUNK_ROWS) {
    const cells = exportTable.cells(start, start + CHUNK_ROWS);
    await csv(csvRows(cells));
    await jsonl(jsonLines(cells));
  }
}

/** Commenter: the handle when there is one (case-insensitive), else the display name. */
const commenterOf = (row: CommentRow) =>
  row.authorHandle
    ? `${row.platform}:@${String(row.authorHandle).toLowerCase()}`
    : `${row.platform}:${row.authorName}`;
const threadOf = (row: CommentRow) => `${row.platform}:${row.threadKey}`;

/** The commenters (the CM's own comments aside) and threads of the export's comments, counted. */
export interface CommentCounts {
  /** A number per commenter, NO_COMMENTER for the CM's own comments: for k-anonymity, never written. */
  commenter(row: CommentRow): number;
  ofCommenter(row: CommentRow): number;
  ofThread(row: CommentRow): number;
}

export function countComments(rows: readonly CommentRow[]): CommentCounts {
  const commenters = new Map<string, { number: number; comments: number }>();
  const threads = new Map<string, number>();
  for (const row of rows) {
    if (row.isOwn !== true) {
      const commenter = commenterOf(row);
      const known = commenters.get(commenter);
      if (known) known.comments++;
      else commenters.set(commenter, { number: commenters.size, comments: 1 });
    }
    const thread = threadOf(row);
    threads.set(thread, (threads.get(thread) ?? 0) + 1);
  }
  const of = (row: CommentRow) => (row.isOwn === true ? undefined : commenters.get(commenterOf(row)));
  return {
    commenter: (row) => of(row)?.number ?? NO_COMMENTER,
    ofCommenter: (row) => of(row)?.comments ?? 0,
    ofThread: (row) => threads.get(threadOf(row)) ?? 0,
  };
}

/** Bands of a count, each from its lowest value: [1, 2, 6] → `1`, `2_to_5`, `6_or_more`. */
function countBands(starts: readonly number[]): { names: string[]; of(count: number): string } {
  const names = starts.map((start, i) => {
    const next = starts[i + 1];
    if (next === undefined) return `${start}_or_more`;
    return next === start + 1 ? String(start) : `${start}_to_${next - 1}`;
  });
  return {
    names,
    of: (count) => names[starts.findLastIndex((start) => count >= start)] ?? (names[0] as string),
  };
}

/** Enough to tell one-off commenters from regulars, coarse enough to leave most rows their day. */
const COMMENTER_BANDS = countBands([1, 2, 6]);
/** Short exchanges, ordinary threads and the long ones that turn sour. */
const THREAD_BANDS = countBands([1, 10, 50]);
const bandList = (bands: { names: string[] }) => bands.names.map((name) => `\`${name}\``).join(', ');

/** Cue kinds in the list's order; `other` for anything outside it. */
const CUE_KIND_ORDER = [...CUE_KINDS.filter((kind) => kind !== 'legacy'), 'other'];

/**
 * Kinds of a comment's cues, each once, in the list's order (`insult;shouting`): the classifier's own
 * order ranks them, one more thing a row would tell about its comment.
 */
function cueKindList(cues: unknown): string | null {
  if (!Array.isArray(cues)) return null;
  const kinds = new Set(cues.map(cueKind));
  return CUE_KIND_ORDER.filter((kind) => kinds.has(kind)).join(';');
}

const FINER = 'only when the CM chose finer values';

/** Every column that describes a comment is part of its kind: the codebook says so. */
const inKind = <Row>(column: Column<Row>): Column<Row> => ({
  ...column,
  anonymisation: `${column.anonymisation}; part of the kind (see "Rare combinations")`,
});

/**
 * The columns that describe a comment, everything but when: anyone holding the public pages and the
 * shipped classifier can compute them, so together they are the kind of the comment, which k-anonymity
 * groups rows by (anonymize-k.ts). By default the label, a band of intensity and bands of how many
 * comments its commenter and its thread have in the export (no code links rows: a code's trail of hours
 * singles out its commenter); scores, exact intensity, cues, language, reply, "uncertain" and views only
 * when the CM chooses finer values.
 */
export function commentDescription(options: ExportOptions, counts: CommentCounts): Column<CommentRow>[] {
  const finer = options.finerValues;
  const columns: Array<Column<CommentRow> | false> = [
    platformColumn((row: CommentRow) => row.platform),
    {
      name: 'by_own_account',
      type: 'boolean',
      meaning: "written by one of the CM's own accounts (logged, not classified)",
      anonymisation: "the CM's handles and page names are never exported",
      value: (row) => closedBoolean(row.isOwn),
    },
    {
      name: 'commenter_comments',
      type: 'string',
      meaning: `how many comments of this export its author wrote, as a band: ${bandList(COMMENTER_BANDS)}; empty for own comments`,
      anonymisation:
        'a band, never who: no code links the rows of one commenter, since the hours of a commenter’s rows, read together, point at one person on the public pages',
      value: (row) => (row.isOwn === true ? null : COMMENTER_BANDS.of(counts.ofCommenter(row))),
    },
    {
      name: 'thread_comments',
      type: 'string',
      meaning: `how many comments of this export its thread (conversation or post) holds, the CM’s own included, as a band: ${bandList(THREAD_BANDS)}`,
      anonymisation:
        'a band, never which thread: no code links the rows of one thread, since their hours and labels together point at one public post',
      value: (row) => THREAD_BANDS.of(counts.ofThread(row)),
    },
    finer && {
      name: 'is_reply',
      type: 'boolean',
      meaning: 'a reply to another comment',
      anonymisation: FINER,
      value: (row) => closedBoolean(row.isReply),
    },
    labelColumn('what the on-device classifier made of it', (row: CommentRow) => row.label),
    {
      name: 'intensity_band',
      type: 'string',
      meaning: `how aggressive the comment is, as the level Desaffect showed the CM and where its suggested tactics change: \`low\` (under ${LEVEL_FROM.medium}), \`medium\`, \`high\` (from ${LEVEL_FROM.high}); up to format version 3, \`high\` began at 0.6`,
      anonymisation: "the band only, not the classifier's value",
      value: (row) => {
        const intensity = closedNumber(row.intensity, 0, 1, 3);
        return intensity === null ? null : intensityLevel(intensity);
      },
    },
    finer && {
      name: 'intensity',
      type: 'number',
      meaning: 'how hard the comment hits, 0–1',
      anonymisation: `rounded to 1 decimal; ${FINER}`,
      value: (row) => closedNumber(row.intensity, 0, 1, 1),
    },
    ...LABELS.map(
      (label): Column<CommentRow> | false =>
        finer && {
          name: `score_${label}`,
          type: 'number',
          meaning: `classifier probability of \`${label}\`, 0–1`,
          anonymisation: `rounded to 1 decimal; ${FINER}`,
          value: (row) => closedNumber(row.scores?.[label], 0, 1, 1),
        },
    ),
    finer && {
      name: 'uncertain',
      type: 'boolean',
      meaning: 'the classifier was unsure between labels',
      anonymisation: FINER,
      value: (row) => closedBoolean(row.uncertain),
    },
    finer && {
      name: 'lang',
      type: 'string',
      meaning: 'detected language: `fr`, `en`, `und` (unknown)',
      anonymisation: `${CLOSED}; ${FINER}`,
      value: (row) => closedLang(row.lang),
    },
    finer && {
      name: 'cue_kinds',
      type: 'string',
      meaning:
        'kinds of cues behind the label (the classifier’s own list, e.g. `insult`, `shouting`), each once, in the order of that list, separated by `;`; `other` for any kind outside it',
      anonymisation: `only the kind of each cue: the quoted words of the comment are dropped; ${FINER}`,
      value: (row) => cueKindList(row.cues),
    },
    classifierVersionColumn('the classifier that labelled the comment', (row: CommentRow) => row.version),
    finer && {
      name: 'times_seen',
      type: 'integer',
      meaning: 'page loads that showed the comment to the CM',
      anonymisation: FINER,
      value: (row) => closedNumber(row.timesSeen, 0, 1e9, 0),
    },
  ];
  return columns.filter((column) => column !== false).map(inKind);
}

/** A column of the row, for the table of placed rows. */
const ofPlacedRow = <Row>(column: Column<Row>): Column<Placed<Row>> => ({
  ...column,
  value: ({ row }) => column.value(row),
});

export function commentsTable(items: readonly Placed<CommentRow>[], context: TableContext): ExportTable {
  const { options } = context;
  const columns: Column<Placed<CommentRow>>[] = [
    {
      name: 'comment_no',
      type: 'integer',
      meaning:
        'number of the comment in this export, in the order of the rows; `actions.comment_no` refers to it',
      anonymisation:
        'renumbered for this export; rows are ordered by their published period, coarser first, then at random (keyed by a secret of this export), so the number says nothing finer than the period; platform comment ids are never exported',
      value: ({ no }) => no ?? null,
    },
    ...timeColumns<CommentRow>(
      options,
      'seen_hour_utc',
      'hour the CM first saw the comment',
      (row) => row.firstSeen,
      'the CM first saw the comment',
    ),
    ...context.commentDescription.map(ofPlacedRow),
  ];
  if (options.text === 'redacted') {
    columns.push({
      name: 'text',
      type: 'string',
      freeText: true,
      meaning: 'comment text, empty when the CM did not keep text',
      anonymisation:
        'redacted: handles, names seen in the data, e-mails, phones, URLs, reference numbers and plates, addresses and postcodes replaced by [HANDLE], [NAME], [EMAIL], [PHONE], [URL], [NUMBER], [ADDRESS]; in the CSV, formula guard (see "Files")',
      value: ({ row }) => (typeof row.text === 'string' ? context.redact(row.text) : null),
    });
  }
  return table(
    'comments_seen',
    'One row per comment the CM was shown (exposure).',
    columns,
    items,
    ({ row }) => rowRef.comment(row),
  );
}

export function actionsTable(items: readonly Placed<ActionRow>[], context: TableContext): ExportTable {
  const { options, commentNumbers } = context;
  const columns: Column<Placed<ActionRow>>[] = [
    ...timeColumns<ActionRow>(options, 'at_hour_utc', 'hour of the action', (row) => row.at, 'of the action'),
    platformColumn(({ row }) => row.platform),
    {
      name: 'tactic',
      type: 'string',
      meaning: 'tactic the CM used (id from the extension’s tactic list), or `no_action`',
      anonymisation: 'ids outside the shipped list become `other`',
      value: ({ row }) => closedTactic(row.tactic),
    },
    labelColumn('label of the comment when the action was taken', ({ row }) => row.label),
    {
      name: 'comment_no',
      type: 'integer',
      meaning:
        '`comment_no` of the comment in `comments_seen`; empty when that comment is no longer in the CM’s history (deleted at the end of the retention period)',
      anonymisation:
        'renumbered for this export; an action is never dated more precisely than its comment, and leaves only with it (not when the CM left the comment out, nor when it was too rare)',
      value: ({ row }) => commentNumbers.get(row.commentKey) ?? null,
    },
  ];
  return table(
    'actions',
    'One row per thing the CM did about a comment ("Done").',
    columns,
    items,
    ({ row }) => rowRef.action(row),
  );
}

/** The CM's corrections of labels (only when the CM includes them): what the classifier said, what the CM said. */
export function correctionsTable(
  items: readonly Placed<CorrectionRow>[],
  context: TableContext,
): ExportTable {
  const { options, commentNumbers } = context;
  const columns: Column<Placed<CorrectionRow>>[] = [
    ...timeColumns<CorrectionRow>(
      options,
      'at_hour_utc',
      'hour of the correction',
      (row) => row.at,
      'of the correction',
    ),
    platformColumn(({ row }) => row.platform),
    {
      name: 'label_before',
      type: 'string',
      meaning: `the classifier’s label: ${LABELS.map((value) => `\`${value}\``).join(', ')}`,
      anonymisation: CLOSED,
      value: ({ row }) => closedLabel(row.from),
    },
    {
      name: 'label_after',
      type: 'string',
      meaning: 'the label the CM gave it (same values)',
      anonymisation: CLOSED,
      value: ({ row }) => closedLabel(row.to),
    },
    classifierVersionColumn('the classifier the CM corrected', ({ row }) => row.classifierVersion),
    {
      name: 'comment_no',
      type: 'integer',
      meaning:
        '`comment_no` of the comment in `comments_seen` (its redacted text is there when the CM included it); empty when that comment is no longer in the CM’s history',
      anonymisation:
        'renumbered for this export; a correction is never dated more precisely than its comment, and leaves only with it',
      value: ({ row }) => commentNumbers.get(row.commentKey) ?? null,
    },
  ];
  return table(
    'label_corrections',
    'One row per comment whose label the CM corrected (only when the CM chose to include them).',
    columns,
    items,
    ({ row }) => rowRef.correction(row),
  );
}

export function activityTable(rows: readonly ActivityRow[], context: TableContext): ExportTable {
  const { options } = context;
  const columns: Column<ActivityRow>[] = [
    {
      name: 'day',
      type: 'date',
      meaning: 'local day',
      anonymisation: 'calendar day only (local time of the CM)',
      value: (row) => closedDay(row.day),
    },
    platformColumn((row: ActivityRow) => row.platform),
    {
      name: 'active_minutes',
      type: 'number',
      meaning: 'minutes with a supported tab visible and the CM active',
      anonymisation: 'rounded to the minute',
      value: (row) => {
        const ms = closedNumber(row.activeMs, 0, 86_400_000 * 2, 0);
        return ms === null ? null : Math.round(ms / 60_000);
      },
    },
  ];
  if (options.granularity === 'hour') {
    columns.push(
      {
        name: 'first_active_hour_utc',
        type: 'datetime',
        meaning: 'first activity of the day (UTC, ISO 8601)',
        anonymisation: 'truncated to the hour',
        value: (row) => hourOrNull(row.first),
      },
      {
        name: 'last_active_hour_utc',
        type: 'datetime',
        meaning: 'last activity of the day (UTC, ISO 8601)',
        anonymisation: 'truncated to the hour',
        value: (row) => hourOrNull(row.last),
      },
    );
  }
  return table(
    'active_time',
    'Active moderation time per day and platform (the CM’s own time, not about commenters).',
    columns,
    rows,
    rowRef.activity,
  );
}

export function checkInsTable(items: readonly Placed<CheckInRow>[], context: TableContext): ExportTable {
  const { options } = context;
  const notesIncluded = new Set(options.checkInNoteIds);
  const columns: Column<Placed<CheckInRow>>[] = [
    ...timeColumns<CheckInRow>(
      options,
      'at_hour_utc',
      'hour of the check-in',
      (row) => row.at,
      'of the check-in',
    ),
    {
      name: 'score',
      type: 'integer',
      meaning: '"How affected are you?" from 1 (not at all) to 5 (very much)',
      anonymisation: NOT_EXPORTED,
      value: ({ row }) => closedNumber(row.score, 1, 5, 0),
    },
    {
      name: 'trigger',
      type: 'string',
      meaning: 'what asked: `threat`, `end_of_day` or `manual`',
      anonymisation: `${CLOSED}; check-ins asked after a threat are dated like rare comments (their time marks a threat)`,
      value: ({ row }) => closedTrigger(row.trigger),
    },
    {
      name: 'tags',
      type: 'string',
      meaning: 'tags the CM chose from the extension’s list (`angry`, `tired`…), separated by `;`',
      anonymisation: 'tags outside the extension’s list are left out',
      value: ({ row }) => closedTags(row.tags),
    },
    {
      name: 'note',
      type: 'string',
      freeText: true,
      meaning: "the CM's note; empty unless the CM included this note explicitly",
      anonymisation:
        'left out by default; included notes are redacted like comment text; in the CSV, formula guard (see "Files")',
      value: ({ row }) =>
        row.id !== undefined && notesIncluded.has(row.id) && typeof row.note === 'string' && row.note
          ? context.redact(row.note)
          : null,
    },
  ];
  return table(
    'checkins',
    'Experience-sampling answers ("How affected are you?").',
    columns,
    items,
    ({ row }) => rowRef.checkIn(row),
  );
}

interface SummaryRow {
  day: string | null;
  periodStart: string;
  precision: string;
  platform: Platform | null;
  label: Label | null;
  comments: number;
}

/**
 * Comments seen per period, platform and label, own comments left out: the published rows of
 * `comments_seen` counted, so every count is a sum of k-anonymous groups (at least MIN_CELL_SIZE) and
 * the table says nothing the rows do not.
 */
export function dailySummaryTable(items: readonly Placed<CommentRow>[]): ExportTable {
  // By day, then by a small number for precision × platform × label: no key string per row.
  const byDay = new Map<unknown, Map<number, SummaryRow>>();
  const platforms: readonly unknown[] = PLATFORMS;
  const labels: readonly unknown[] = LABELS;
  for (const { row, level } of items) {
    if (row.isOwn) continue;
    let cells = byDay.get(row.day);
    if (!cells) {
      cells = new Map();
      byDay.set(row.day, cells);
    }
    const byDayOrFiner = level <= DAY;
    const cell =
      ((byDayOrFiner ? DAY : level) * 4 + platforms.indexOf(row.platform) + 1) * 8 +
      labels.indexOf(row.label) +
      1;
    const summary = cells.get(cell);
    if (summary) {
      summary.comments += 1;
      continue;
    }
    const start = periodStart(row.day, level);
    if (start === null) continue;
    cells.set(cell, {
      day: byDayOrFiner ? start : null,
      periodStart: start,
      precision: byDayOrFiner ? 'day' : (PRECISIONS[level] as string),
      platform: closedPlatform(row.platform),
      label: closedLabel(row.label),
      comments: 1,
    });
  }
  // Rows of one week or month met under each of their days: added up.
  const counts = new Map<string, SummaryRow>();
  for (const cells of byDay.values()) {
    for (const summary of cells.values()) {
      const key = `${summary.periodStart}\u0000${summary.precision}\u0000${summary.platform}\u0000${summary.label}`;
      const known = counts.get(key);
      if (known) known.comments += summary.comments;
      else counts.set(key, { ...summary });
    }
  }
  const order = (row: SummaryRow) =>
    `${row.periodStart}\u0000${3 - PRECISIONS.indexOf(row.precision as never)}\u0000${row.platform}\u0000${LABELS.indexOf(row.label as Label)}`;
  const summary = [...counts.values()].sort((a, b) =>
    order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0,
  );
  const columns: Column<SummaryRow>[] = [
    {
      name: 'day',
      type: 'date',
      meaning: 'local day; empty for rows counting comments dated to a week or a month',
      anonymisation: 'calendar day only',
      value: (row) => row.day,
    },
    {
      name: 'period_start',
      type: 'date',
      meaning:
        'first day of the period counted (the day, the Monday of the ISO week, or the first of the month)',
      anonymisation: `comments whose day was too rare are counted in their week or month (see "Rare combinations")`,
      value: (row) => row.periodStart,
    },
    {
      name: 'time_precision',
      type: 'string',
      meaning:
        '`day`, `week` or `month`: a week or month row counts only the comments dated to that week or month',
      anonymisation: NOT_EXPORTED,
      value: (row) => row.precision,
    },
    platformColumn((row: SummaryRow) => row.platform),
    labelColumn('classifier label', (row: SummaryRow) => row.label),
    {
      name: 'comments',
      type: 'integer',
      meaning: 'comments seen (own comments not counted)',
      anonymisation: `never under ${MIN_CELL_SIZE}: sums of groups of at least ${MIN_CELL_SIZE} rows`,
      value: (row) => row.comments,
    },
  ];
  return table(
    'daily_summary',
    `Comments seen per day (or week, or month, for rare ones), platform and label; no count under ${MIN_CELL_SIZE}.`,
    columns,
    summary,
    null,
  );
}
