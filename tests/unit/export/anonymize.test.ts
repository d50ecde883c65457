import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_VERSION } from '../../../src/classifier';
import { buildExport, type ExportResult } from '../../../src/export/anonymize';
import { base64ToBytes, bytesToBase64 } from '../../../src/export/base64';
import { zipExport } from '../../../src/export/zip';
import type { Label, Platform } from '../../../src/shared/comment';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../../src/shared/messages-export';
import type { BackupTables } from '../../../src/storage/backup-format';
import { CANARIES, canaryHistory, commentRow, hostile, syntheticHistory } from './history';

const meta = { extensionVersion: '9.9.9', now: Date.UTC(2026, 10, 25) };
const options = (overrides: Partial<ExportOptions> = {}): ExportOptions => ({
  ...DEFAULT_EXPORT_OPTIONS,
  ...overrides,
});

function unzipToText(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const column = (result: ExportResult, file: string, name: string) =>
  jsonLines(result.files[file] as string).map((row) => row[name]);

describe('the canary: nothing identifying leaves, whatever the options', () => {
  const combinations = (['none', 'redacted'] as const).flatMap((text) =>
    (['hour', 'day'] as const).flatMap((granularity) =>
      [null, 'study-2026-canary'].flatMap((studyKey) =>
        [[], [1, 2]].map((checkInNoteIds) => ({ text, granularity, studyKey, checkInNoteIds })),
      ),
    ),
  );

  it.each(combinations)(
    'text $text, $granularity, study key $studyKey, notes $checkInNoteIds',
    async (chosen) => {
      const history = canaryHistory();
      const result = await buildExport(history, options({ ...chosen, accountCategory: 'retail' }), meta);
      const files = unzipToText(zipExport(result.files));
      expect(Object.keys(files).sort()).toEqual(
        [
          'actions.csv',
          'actions.jsonl',
          'active_time.csv',
          'active_time.jsonl',
          'checkins.csv',
          'checkins.jsonl',
          'codebook.md',
          'comments_seen.csv',
          'comments_seen.jsonl',
          'daily_summary.csv',
          'daily_summary.jsonl',
          'manifest.json',
        ].sort(),
      );
      for (const [name, content] of Object.entries(files)) {
        const lower = content.toLowerCase();
        for (const canary of CANARIES) {
          expect(lower.includes(canary.toLowerCase()), `${canary} in ${name}`).toBe(false);
        }
      }
      // The search is not vacuous: the rows, and the redacted text and notes when chosen, are there.
      expect(jsonLines(files['comments_seen.jsonl'] as string)).toHaveLength(history.comments.length);
      const comments = files['comments_seen.csv'] as string;
      if (chosen.text === 'redacted') {
        for (const placeholder of [
          '[HANDLE]',
          '[NAME]',
          '[EMAIL]',
          '[PHONE]',
          '[URL]',
          '[NUMBER]',
          '[ADDRESS]',
        ]) {
          expect(comments).toContain(placeholder);
        }
      } else {
        expect(comments).not.toContain('[NAME]');
      }
      const notes = jsonLines(files['checkins.jsonl'] as string).map((row) => row.note);
      expect(
        notes.every((note) => (chosen.checkInNoteIds.length ? typeof note === 'string' : note === null)),
      ).toBe(true);
    },
  );

  it('keeps only the kind of each cue', async () => {
    const result = await buildExport(canaryHistory(), options(), meta);
    expect(column(result, 'comments_seen.jsonl', 'cue_kinds')[0]).toBe('insult;threat;other;shouting');
  });
});

describe('pseudonyms', () => {
  const history = syntheticHistory(40, 4);
  // A commenter is a handle on a platform.
  const authorOf = (row: number) =>
    `${history.comments[row]?.platform}:${history.comments[row]?.authorHandle}`;

  it('are equal for the same commenter and different for others within one export', async () => {
    const commenters = column(
      await buildExport(history, options(), meta),
      'comments_seen.jsonl',
      'commenter',
    );
    const byAuthor = new Map<string, Set<unknown>>();
    commenters.forEach((pseudonym, row) => {
      byAuthor.set(authorOf(row), (byAuthor.get(authorOf(row)) ?? new Set()).add(pseudonym));
    });
    expect(byAuthor.size).toBe(8);
    for (const pseudonyms of byAuthor.values()) expect(pseudonyms.size).toBe(1);
    expect(new Set(commenters).size).toBe(8);
    expect(String(commenters[0])).toMatch(/^p_[a-z2-7]{16}$/);
  });

  it('cannot be linked across two exports', async () => {
    const first = column(await buildExport(history, options(), meta), 'comments_seen.jsonl', 'commenter');
    const second = column(await buildExport(history, options(), meta), 'comments_seen.jsonl', 'commenter');
    expect(first).toHaveLength(40);
    for (const pseudonym of first) expect(second).not.toContain(pseudonym);
  });

  it('are stable across exports of one study, and differ between studies', async () => {
    const run = async (studyKey: string) =>
      column(await buildExport(history, options({ studyKey }), meta), 'comments_seen.jsonl', 'commenter');
    const first = await run('study A');
    expect(await run('study A')).toEqual(first);
    const other = await run('study B');
    for (const pseudonym of first) expect(other).not.toContain(pseudonym);
  });
});

describe('files readable by pandas, R and DuckDB', () => {
  const awkward = (text: string, id: string) =>
    commentRow({
      platform: 'x',
      id,
      threadKey: '1',
      authorHandle: 'someone',
      authorName: 'Someone Else',
      text,
      permalink: null,
      firstSeen: Date.UTC(2026, 10, 3, 12),
    });
  const tables: BackupTables = {
    ...canaryHistory(),
    comments: [
      ...canaryHistory().comments,
      awkward('a "quoted", comma\nand a new line\r\nand é ü 日本', 'q1'),
      awkward(' leading space, ; semicolon', 'q2'),
      awkward('12', 'q3'),
    ],
  };

  it('parse back from CSV to the same rows as the JSON Lines', async () => {
    const result = await buildExport(tables, options({ text: 'redacted', checkInNoteIds: [1] }), meta);
    for (const name of ['comments_seen', 'actions', 'active_time', 'checkins', 'daily_summary']) {
      const csv = result.files[`${name}.csv`] as string;
      const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const expected = jsonLines(result.files[`${name}.jsonl`] as string).map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)]),
        ),
      );
      expect(parsed.data, name).toEqual(expected);
      expect(parsed.data.length, name).toBe(result.counts[`${name}.csv`]);
    }
    expect(result.counts['comments_seen.csv']).toBe(tables.comments.length);
  });

  it('write a header row, CRLF line ends, ISO times and no index column', async () => {
    const result = await buildExport(tables, options(), meta);
    const csv = result.files['comments_seen.csv'] as string;
    expect(csv.split('\r\n')[0]).toMatch(/^comment_no,day,seen_hour_utc,platform,commenter,thread,/);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(column(result, 'comments_seen.jsonl', 'seen_hour_utc')[0]).toBe('2026-11-03T12:00:00Z');
    const dayOnly = await buildExport(tables, options({ granularity: 'day' }), meta);
    const header = (dayOnly.files['comments_seen.csv'] as string).split('\r\n')[0] as string;
    expect(header).not.toMatch(/hour/);
    expect(dayOnly.files['actions.csv'] as string).not.toMatch(/T\d\d:/);
  });
});

describe('preview and exclusions', () => {
  it('leaves out excluded days and rows, and the manifest counts them without naming them', async () => {
    const history = canaryHistory();
    const first = await buildExport(history, options(), meta);
    const commentPreview = first.preview.tables.find((table) => table.name === 'comments_seen');
    const excludedRef = commentPreview?.rows.find((row) => row.cells.includes('2026-11-21'))?.ref as string;
    expect(first.preview.days.map((day) => day.day)).toEqual(['2026-11-20', '2026-11-21']);

    const chosen = options({ excludedDays: ['2026-11-20'], excludedRows: [excludedRef] });
    const result = await buildExport(history, chosen, meta);
    const days = (file: string) => column(result, file, 'day');
    for (const file of ['comments_seen.jsonl', 'actions.jsonl', 'active_time.jsonl', 'checkins.jsonl']) {
      expect(days(file), file).not.toContain('2026-11-20');
    }
    const commentsOn21 = history.comments.filter((row) => row.day === '2026-11-21').length;
    expect(days('comments_seen.jsonl')).toHaveLength(commentsOn21 - 1);

    const manifest = JSON.parse(result.files['manifest.json'] as string);
    const commentsOn20 = history.comments.length - commentsOn21;
    expect(manifest.excludedByCm.days).toBe(1);
    expect(manifest.excludedByCm.rows.comments_seen).toBe(commentsOn20 + 1);
    expect(manifest.rowCounts.comments_seen).toBe(commentsOn21 - 1);
    expect(result.preview.excludedRows).toBe(manifest.excludedByCm.totalRows);
    expect(result.files['manifest.json']).not.toContain('2026-11-20"');
    expect(result.files['manifest.json']).not.toContain(excludedRef);
  });

  it('keeps only the chosen date range', async () => {
    const result = await buildExport(
      canaryHistory(),
      options({ from: '2026-11-21', to: '2026-11-21' }),
      meta,
    );
    expect(new Set(column(result, 'comments_seen.jsonl', 'day'))).toEqual(new Set(['2026-11-21']));
    expect(result.preview.days.map((day) => day.day)).toEqual(['2026-11-21']);
  });

  it('shows notes redacted for the CM to choose, and the first rows exactly as written', async () => {
    const result = await buildExport(canaryHistory(), options({ text: 'redacted' }), meta);
    expect(result.preview.noteCandidates.map((note) => note.id)).toEqual([1, 2]);
    expect(result.preview.noteCandidates[0]?.redactedNote).toContain('[HANDLE] ([NAME]-[NAME] [NAME])');
    const table = result.preview.tables.find((candidate) => candidate.name === 'comments_seen');
    const written = Papa.parse<string[]>(result.files['comments_seen.csv'] as string, {
      skipEmptyLines: true,
    });
    expect(table?.columns).toEqual(written.data[0]);
    expect(table?.rows[0]?.cells.map((cell) => (cell === null ? '' : String(cell)))).toEqual(written.data[1]);
  });
});

describe('manifest, codebook and aggregates', () => {
  it('records versions, options and counts', async () => {
    const result = await buildExport(
      canaryHistory(),
      options({ accountCategory: 'sports_club', granularity: 'day', studyKey: 'k', checkInNoteIds: [2] }),
      meta,
    );
    const manifest = JSON.parse(result.files['manifest.json'] as string);
    expect(manifest).toMatchObject({
      format: 'desaffect-research-export',
      formatVersion: 1,
      extensionVersion: '9.9.9',
      classifierVersion: CLASSIFIER_VERSION,
      exportedOn: '2026-11-25',
      dateRange: { from: null, to: null, firstDayWithData: '2026-11-20', lastDayWithData: '2026-11-21' },
      options: {
        accountCategory: 'sports_club',
        timeGranularity: 'day',
        commentText: 'none',
        studyKeyUsed: true,
        checkInNotesIncluded: 1,
        minimumAggregateCellSize: 5,
      },
      rowCounts: { comments_seen: 7, actions: 7, active_time: 2, checkins: 2 },
    });
    expect(JSON.stringify(manifest)).not.toContain('"k"');
  });

  it('documents every column of every table in the codebook', async () => {
    const result = await buildExport(canaryHistory(), options({ text: 'redacted' }), meta);
    const codebook = result.files['codebook.md'] as string;
    for (const table of result.preview.tables) {
      for (const name of table.columns)
        expect(codebook, `${table.name}.${name}`).toContain(`| \`${name}\` |`);
    }
    expect(codebook).toContain('fewer than 5');
  });

  it('merges labels under 5 per day into other, and empties an other still under 5', async () => {
    const rows = (platform: Platform, label: Label, count: number, day: number) =>
      Array.from({ length: count }, (_, i) =>
        commentRow({
          platform,
          id: `${platform}-${label}-${day}-${i}`,
          threadKey: '1',
          authorHandle: `a${i}`,
          authorName: `A ${i}`,
          text: null,
          permalink: null,
          firstSeen: Date.UTC(2026, 10, day, 12),
          classification: { ...hostile, label },
        }),
      );
    const history: BackupTables = {
      ...canaryHistory(),
      comments: [
        ...rows('x', 'troll', 7, 3),
        ...rows('x', 'threat', 2, 3),
        ...rows('x', 'neutral', 1, 3),
        ...rows('facebook', 'troll', 3, 3),
        ...rows('facebook', 'unhappy_customer', 3, 3),
        ...rows('x', 'threat', 5, 4),
      ],
    };
    const result = await buildExport(history, options(), meta);
    expect(jsonLines(result.files['daily_summary.jsonl'] as string)).toEqual([
      { day: '2026-11-03', platform: 'facebook', label: 'other', comments: 6 },
      { day: '2026-11-03', platform: 'x', label: 'troll', comments: 7 },
      { day: '2026-11-03', platform: 'x', label: 'other', comments: null },
      { day: '2026-11-04', platform: 'x', label: 'threat', comments: 5 },
    ]);
    expect(result.files['daily_summary.csv']).toContain('2026-11-03,x,other,\r\n');
  });
});

describe('zip transport', () => {
  it('survives base64 both ways, byte for byte', () => {
    const bytes = zipExport({
      'a.csv': 'x,y\r\n1,2\r\n',
      'b.bin': new Uint8Array(100_000).map((_, i) => i * 7),
    });
    const back = base64ToBytes(bytesToBase64(bytes));
    expect(back).toEqual(bytes);
    expect(strFromU8(unzipSync(back)['a.csv'] as Uint8Array)).toBe('x,y\r\n1,2\r\n');
  });
});
