/**
 * The exported tables, column by column: each column carries its type, meaning and anonymisation, so the
 * codebook is written from the same definitions as the data and cannot drift from it.
 */
import { LABELS, type Label, type Platform } from '../shared/comment';
import type { Cell, ExportOptions, PreviewRow } from '../shared/messages-export';
import type { ActionRow, ActivityRow, CheckInRow, CommentRow } from '../storage/schema';
import { createCueKinds, type Redactor } from './anonymize-text';
import { csvHeader, csvRows, jsonLines } from './serialize';

export type ColumnType = 'integer' | 'number' | 'boolean' | 'string' | 'date' | 'datetime';

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  meaning: string;
  anonymisation: string;
}

interface Column<Row> extends ColumnInfo {
  value(row: Row): Cell;
}

/** A table written out: anonymised CSV and JSON Lines, and its first rows for the preview. */
export interface ExportTable {
  name: string;
  description: string;
  columns: ColumnInfo[];
  csv: string;
  jsonl: string;
  total: number;
  preview: PreviewRow[];
}

const PREVIEW_ROWS = 50;
/** Rows turned into cells at a time: big enough for few papaparse calls, small enough to die young. */
const CHUNK_ROWS = 2_000;

/** The smallest count an aggregate cell may show; smaller cells are merged or left empty. */
export const MIN_CELL_SIZE = 5;

export interface TableContext {
  options: ExportOptions;
  redact: Redactor;
  pseudonym(prefix: string, identity: string): string;
  /** Export sequence number of a comment, by database key. */
  commentNumbers: ReadonlyMap<string, number>;
}

export const rowRef = {
  comment: (row: CommentRow) => `comment:${row.key}`,
  action: (row: ActionRow) => `action:${row.id ?? `${row.commentKey}@${row.at}`}`,
  activity: (row: ActivityRow) => `activity:${row.day}:${row.platform}`,
  checkIn: (row: CheckInRow) => `checkin:${row.id ?? row.at}`,
};

const NOT_EXPORTED = 'none needed';
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
/** The start of the UTC hour, ISO 8601 (`2026-11-25T14:00:00Z`). */
const utcHour = (epochMs: number) => `${new Date(epochMs).toISOString().slice(0, 13)}:00:00Z`;
/** Ids of tactics are snake_case; anything else is not from the shipped list and becomes `other`. */
const tacticId = (tactic: string) => (/^[a-z0-9_]{1,60}$/.test(tactic) ? tactic : 'other');

function dayColumn<Row extends { day: string }>(meaning: string): Column<Row> {
  return {
    name: 'day',
    type: 'date',
    meaning,
    anonymisation: 'calendar day only (local time of the CM)',
    value: (row) => row.day,
  };
}

/** In hour granularity, an extra column with the UTC hour; in day granularity, nothing finer than the day. */
function hourColumns<Row>(
  options: ExportOptions,
  name: string,
  meaning: string,
  epochMs: (row: Row) => number,
): Column<Row>[] {
  if (options.granularity !== 'hour') return [];
  return [
    {
      name,
      type: 'datetime',
      meaning: `${meaning} (UTC, ISO 8601)`,
      anonymisation: 'truncated to the hour',
      value: (row) => utcHour(epochMs(row)),
    },
  ];
}

const platformColumn = <Row extends { platform: Platform }>(): Column<Row> => ({
  name: 'platform',
  type: 'string',
  meaning: '`x` or `facebook`',
  anonymisation: NOT_EXPORTED,
  value: (row) => row.platform,
});

const labelColumn = <Row extends { label: Label }>(meaning: string): Column<Row> => ({
  name: 'label',
  type: 'string',
  meaning: `${meaning}: ${LABELS.map((label) => `\`${label}\``).join(', ')}`,
  anonymisation: NOT_EXPORTED,
  value: (row) => row.label,
});

function materialise<Row>(
  name: string,
  description: string,
  columns: Column<Row>[],
  rows: Row[],
  ref: ((row: Row) => string) | null,
): ExportTable {
  const names = columns.map((column) => column.name);
  const csv = [csvHeader(names)];
  const jsonl: string[] = [];
  const preview: PreviewRow[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const cells = chunk.map((row) => columns.map((column) => column.value(row)));
    csv.push(csvRows(cells));
    jsonl.push(jsonLines(names, cells));
    for (let i = 0; start + i < PREVIEW_ROWS && i < chunk.length; i++) {
      preview.push({ ref: ref ? ref(chunk[i] as Row) : null, cells: cells[i] as Cell[] });
    }
  }
  return {
    name,
    description,
    columns: columns.map(({ value: _value, ...info }) => info),
    csv: csv.join(''),
    jsonl: jsonl.join(''),
    total: rows.length,
    preview,
  };
}

/** Commenter identity: the handle when there is one (case-insensitive), else the display name. */
const commenterIdentity = (row: CommentRow) =>
  row.authorHandle
    ? `${row.platform}:@${row.authorHandle.toLowerCase()}`
    : `${row.platform}:${row.authorName}`;

export function commentsTable(rows: CommentRow[], context: TableContext): ExportTable {
  const { options, redact, pseudonym, commentNumbers } = context;
  const cueKind = createCueKinds(redact);
  const columns: Column<CommentRow>[] = [
    {
      name: 'comment_no',
      type: 'integer',
      meaning:
        'number of the comment in this export, in order of first sight; `actions.comment_no` refers to it',
      anonymisation: 'renumbered for this export; platform comment ids are never exported',
      value: (row) => commentNumbers.get(row.key) ?? null,
    },
    dayColumn('local day the CM first saw the comment'),
    ...hourColumns<CommentRow>(
      options,
      'seen_hour_utc',
      'hour the CM first saw the comment',
      (row) => row.firstSeen,
    ),
    platformColumn(),
    {
      name: 'commenter',
      type: 'string',
      meaning:
        'who wrote the comment: same value = same commenter within this export; empty for own comments',
      anonymisation: options.studyKey
        ? 'keyed hash (HMAC-SHA-256) of the handle with a key derived from the study key: stable across this study’s exports only'
        : 'keyed hash (HMAC-SHA-256) of the handle with a random key made for this export and never written: not linkable to other exports',
      value: (row) => (row.isOwn ? null : pseudonym('p', commenterIdentity(row))),
    },
    {
      name: 'thread',
      type: 'string',
      meaning: 'conversation or post the comment belongs to: same value = same thread within this export',
      anonymisation:
        'keyed hash of the thread key, same key as `commenter`; thread keys and permalinks are never exported',
      value: (row) => pseudonym('t', `${row.platform}:${row.threadKey}`),
    },
    {
      name: 'by_own_account',
      type: 'boolean',
      meaning: "written by one of the CM's own accounts (logged, not classified)",
      anonymisation: "the CM's handles and page names are never exported",
      value: (row) => row.isOwn,
    },
    {
      name: 'is_reply',
      type: 'boolean',
      meaning: 'a reply to another comment',
      anonymisation: NOT_EXPORTED,
      value: (row) => row.isReply,
    },
    labelColumn('what the on-device classifier made of it'),
    {
      name: 'intensity',
      type: 'number',
      meaning: 'how hard the comment hits, 0–1',
      anonymisation: 'rounded to 2 decimals',
      value: (row) => round(row.intensity, 2),
    },
    ...LABELS.map(
      (label): Column<CommentRow> => ({
        name: `score_${label}`,
        type: 'number',
        meaning: `classifier probability of \`${label}\`, 0–1`,
        anonymisation: 'rounded to 3 decimals',
        value: (row) => round(row.scores[label], 3),
      }),
    ),
    {
      name: 'uncertain',
      type: 'boolean',
      meaning: 'the classifier was unsure between labels',
      anonymisation: NOT_EXPORTED,
      value: (row) => row.uncertain,
    },
    {
      name: 'lang',
      type: 'string',
      meaning: 'detected language (`fr`, `en`, `und` when unknown)',
      anonymisation: NOT_EXPORTED,
      value: (row) => row.lang,
    },
    {
      name: 'cue_kinds',
      type: 'string',
      meaning: 'kinds of cues behind the label (e.g. `insult`, `shouting`), separated by `;`',
      anonymisation: 'only the kind of each cue: the quoted words of the comment are dropped',
      value: (row) => [...new Set(row.cues.map(cueKind))].join(';'),
    },
    {
      name: 'times_seen',
      type: 'integer',
      meaning: 'page loads that showed the comment to the CM',
      anonymisation: NOT_EXPORTED,
      value: (row) => row.timesSeen,
    },
  ];
  if (options.text === 'redacted') {
    columns.push({
      name: 'text',
      type: 'string',
      meaning: 'comment text, empty when the CM did not keep text',
      anonymisation:
        'redacted: handles, names seen in the data, e-mails, phones, URLs, reference numbers and addresses replaced by [HANDLE], [NAME], [EMAIL], [PHONE], [URL], [NUMBER], [ADDRESS]',
      value: (row) => (row.text === null ? null : redact(row.text)),
    });
  }
  return materialise(
    'comments_seen',
    'One row per comment the CM was shown (exposure).',
    columns,
    rows,
    rowRef.comment,
  );
}

export function actionsTable(rows: ActionRow[], context: TableContext): ExportTable {
  const { options, commentNumbers } = context;
  const columns: Column<ActionRow>[] = [
    dayColumn('local day of the action'),
    ...hourColumns<ActionRow>(options, 'at_hour_utc', 'hour of the action', (row) => row.at),
    platformColumn(),
    {
      name: 'tactic',
      type: 'string',
      meaning: 'tactic the CM used (id from the extension’s tactic list), or `no_action`',
      anonymisation: 'ids outside the shipped list become `other`',
      value: (row) => tacticId(row.tactic),
    },
    labelColumn('label of the comment when the action was taken'),
    {
      name: 'comment_no',
      type: 'integer',
      meaning:
        '`comment_no` of the comment in `comments_seen`; empty when that comment is not in this export',
      anonymisation: 'renumbered for this export',
      value: (row) => commentNumbers.get(row.commentKey) ?? null,
    },
  ];
  return materialise(
    'actions',
    'One row per thing the CM did about a comment ("I did this").',
    columns,
    rows,
    rowRef.action,
  );
}

export function activityTable(rows: ActivityRow[], context: TableContext): ExportTable {
  const { options } = context;
  const columns: Column<ActivityRow>[] = [
    dayColumn('local day'),
    platformColumn(),
    {
      name: 'active_minutes',
      type: 'number',
      meaning: 'minutes with a supported tab visible and the CM active',
      anonymisation: 'rounded to the minute',
      value: (row) => Math.round(row.activeMs / 60_000),
    },
    ...hourColumns<ActivityRow>(
      options,
      'first_active_hour_utc',
      'first activity of the day',
      (row) => row.first,
    ),
    ...hourColumns<ActivityRow>(
      options,
      'last_active_hour_utc',
      'last activity of the day',
      (row) => row.last,
    ),
  ];
  return materialise(
    'active_time',
    'Active moderation time per day and platform.',
    columns,
    rows,
    rowRef.activity,
  );
}

export function checkInsTable(rows: CheckInRow[], context: TableContext): ExportTable {
  const { options, redact } = context;
  const notesIncluded = new Set(options.checkInNoteIds);
  const columns: Column<CheckInRow>[] = [
    dayColumn('local day of the check-in'),
    ...hourColumns<CheckInRow>(options, 'at_hour_utc', 'hour of the check-in', (row) => row.at),
    {
      name: 'score',
      type: 'integer',
      meaning: '"How affected are you?" from 1 (not at all) to 5 (very much)',
      anonymisation: NOT_EXPORTED,
      value: (row) => row.score,
    },
    {
      name: 'trigger',
      type: 'string',
      meaning: 'what asked: `threat`, `end_of_day` or `manual`',
      anonymisation: NOT_EXPORTED,
      value: (row) => row.trigger,
    },
    {
      name: 'tags',
      type: 'string',
      meaning: 'tags the CM chose, separated by `;`',
      anonymisation: 'redacted like comment text',
      value: (row) => row.tags.map((tag) => redact(tag).replaceAll(';', ',')).join(';'),
    },
    {
      name: 'note',
      type: 'string',
      meaning: "the CM's note; empty unless the CM included this note explicitly",
      anonymisation: 'left out by default; included notes are redacted like comment text',
      value: (row) =>
        row.id !== undefined && notesIncluded.has(row.id) && row.note ? redact(row.note) : null,
    },
  ];
  return materialise(
    'checkins',
    'Experience-sampling answers ("How affected are you?").',
    columns,
    rows,
    rowRef.checkIn,
  );
}

interface SummaryRow {
  day: string;
  platform: Platform;
  label: Label | 'other';
  comments: number | null;
}

/**
 * Comments per day × platform × label, own comments left out. Labels seen fewer than MIN_CELL_SIZE times
 * that day merge into `other`; an `other` still under MIN_CELL_SIZE is written empty.
 */
export function dailySummaryTable(rows: CommentRow[]): ExportTable {
  const counts = new Map<string, Map<Label, number>>();
  for (const row of rows) {
    if (row.isOwn) continue;
    const cellKey = `${row.day}\u0000${row.platform}`;
    const byLabel = counts.get(cellKey) ?? new Map<Label, number>();
    byLabel.set(row.label, (byLabel.get(row.label) ?? 0) + 1);
    counts.set(cellKey, byLabel);
  }
  const summary: SummaryRow[] = [];
  for (const [cellKey, byLabel] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const [day, platform] = cellKey.split('\u0000') as [string, Platform];
    let other = 0;
    for (const label of LABELS) {
      const count = byLabel.get(label) ?? 0;
      if (count >= MIN_CELL_SIZE) summary.push({ day, platform, label, comments: count });
      else other += count;
    }
    if (other > 0)
      summary.push({ day, platform, label: 'other', comments: other >= MIN_CELL_SIZE ? other : null });
  }
  const columns: Column<SummaryRow>[] = [
    dayColumn('local day'),
    platformColumn(),
    {
      name: 'label',
      type: 'string',
      meaning: `classifier label, or \`other\` for labels merged because they were rare that day`,
      anonymisation: `labels with fewer than ${MIN_CELL_SIZE} comments that day and platform are merged into \`other\``,
      value: (row) => row.label,
    },
    {
      name: 'comments',
      type: 'integer',
      meaning: 'comments seen (own comments not counted)',
      anonymisation: `empty (suppressed) when \`other\` still holds fewer than ${MIN_CELL_SIZE} comments`,
      value: (row) => row.comments,
    },
  ];
  return materialise(
    'daily_summary',
    `Comments seen per day, platform and label, with cells under ${MIN_CELL_SIZE} suppressed.`,
    columns,
    summary,
    null,
  );
}
