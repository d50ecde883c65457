import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_VERSION } from '../../../src/classifier';
import {
  buildExport,
  type ExportMeta,
  type ExportResult,
  prepareExport,
  previewPage,
  writeExportFiles,
  writeExportZip,
} from '../../../src/export/anonymize';
import { base64ToBytes, bytesToBase64 } from '../../../src/export/base64';
import { ACCOUNT_CATEGORIES, DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../../src/export/messages';
import { unescapeFormula } from '../../../src/export/serialize';
import { ZipWriter } from '../../../src/export/zip';
import type { Label, Platform } from '../../../src/shared/comment';
import { intensityLevel, LEVEL_FROM } from '../../../src/shared/levels';
import type { BackupTables } from '../../../src/storage/backup-format';
import type { CommentRow } from '../../../src/storage/schema';
import { CANARIES, canaryHistory, commentRow, hostile, syntheticHistory } from './history';

const meta: ExportMeta = { extensionVersion: '9.9.9', now: Date.UTC(2026, 10, 25) };
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

/** Compatibility letters, accents and stacked marks folded away: a canary spelt otherwise is still found. */
/** One escalation of each comment, a minute after it was first seen. */
const escalatedAMinuteLater = (comments: readonly CommentRow[]) =>
  comments.map((row, i) => ({
    id: i + 1,
    commentKey: row.key,
    tactic: 'escalate',
    at: row.firstSeen + 60_000,
    day: row.day,
    platform: row.platform,
    label: row.label,
  }));

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function expectNoCanary(files: Record<string, string>, context: string): void {
  for (const [name, content] of Object.entries(files)) {
    const lower = content.toLowerCase();
    const folded = fold(content);
    for (const canary of CANARIES) {
      expect(lower.includes(canary.toLowerCase()), `${canary} in ${name} (${context})`).toBe(false);
      expect(folded.includes(fold(canary)), `${canary}, folded, in ${name} (${context})`).toBe(false);
      expect(fold(name).includes(fold(canary)), `${canary} in the name ${name}`).toBe(false);
    }
  }
}

const FILES = [
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
];

describe('the canary: nothing identifying leaves, whatever the options', () => {
  const history = canaryHistory();
  const firstComment = history.comments[0] as CommentRow;
  const exclusions: Record<string, Partial<ExportOptions>> = {
    none: {},
    'a day': { excludedDays: ['2026-11-20'] },
    rows: { excludedRows: [`comment:${firstComment.key}`, 'action:2', 'checkin:2', 'activity:2026-11-20:x'] },
    'a date range': { from: '2026-11-21', to: '2026-11-21' },
    'range, day and rows': {
      from: '2026-11-20',
      to: '2026-11-22',
      excludedDays: ['2026-11-21'],
      excludedRows: [`comment:${firstComment.key}`, 'action:3', 'checkin:1'],
    },
  };
  // Every option the export offers: 2 × 2 × 9 × 2 × 5 = 360 exports. What the CM adds beyond the
  // defaults goes together (notes, label corrections and finer values in, or none), so both sides of each
  // are covered.
  const combinations = (['none', 'redacted'] as const).flatMap((text) =>
    (['hour', 'day'] as const).flatMap((granularity) =>
      [null, ...ACCOUNT_CATEGORIES].flatMap((accountCategory) =>
        [[], [1, 2, 3]].flatMap((checkInNoteIds) =>
          Object.keys(exclusions).map((exclusion) => ({
            text,
            granularity,
            accountCategory,
            checkInNoteIds,
            corrections: checkInNoteIds.length > 0,
            finerValues: checkInNoteIds.length > 0,
            exclusion,
          })),
        ),
      ),
    ),
  );

  it('covers every combination', () => {
    expect(combinations).toHaveLength(360);
  });

  it.each(combinations)(
    'text $text, $granularity, category $accountCategory, notes $checkInNoteIds, corrections and finer values $corrections, excluded: $exclusion',
    async ({ exclusion, ...chosen }) => {
      const prepared = await prepareExport(history, options({ ...chosen, ...exclusions[exclusion] }), meta);
      const files = unzipToText(await writeExportZip(prepared));
      const corrections = chosen.corrections ? ['label_corrections.csv', 'label_corrections.jsonl'] : [];
      expect(Object.keys(files).sort()).toEqual([...FILES, ...corrections].sort());
      expectNoCanary(files, `${JSON.stringify(chosen)} ${exclusion}`);

      // The search is not vacuous: rows, redacted text and chosen notes are there.
      const comments = jsonLines(files['comments_seen.jsonl'] as string);
      expect(comments.length).toBeGreaterThan(5);
      const manifest = JSON.parse(files['manifest.json'] as string);
      expect(manifest.options.accountCategory).toBe(chosen.accountCategory ?? 'not_stated');
      if (chosen.text === 'redacted' && exclusion === 'none') {
        const csv = files['comments_seen.csv'] as string;
        for (const placeholder of [
          '[HANDLE]',
          '[NAME]',
          '[EMAIL]',
          '[PHONE]',
          '[URL]',
          '[NUMBER]',
          '[ADDRESS]',
        ]) {
          expect(csv).toContain(placeholder);
        }
      }
      if (chosen.text === 'none') expect(files['comments_seen.csv']).not.toContain('[NAME]');
      const notes = jsonLines(files['checkins.jsonl'] as string).map((row) => row.note);
      if (chosen.checkInNoteIds.length === 0) expect(notes.every((note) => note === null)).toBe(true);
      if (chosen.checkInNoteIds.length > 0 && exclusion === 'none') {
        expect(notes.filter((note) => typeof note === 'string')).toHaveLength(2);
      }
    },
  );

  /**
   * The comment with values outside the closed lists, five times by five commenters: alike enough to be
   * published.
   */
  function withFiveLeakyComments(): BackupTables {
    const tables = canaryHistory();
    const leaky = tables.comments.find((row) => row.lang === 'LEAKYLANG') as CommentRow;
    for (const copy of [1, 2, 3, 4]) {
      tables.comments.push({
        ...leaky,
        id: `${leaky.id}${copy}`,
        key: `${leaky.key}${copy}`,
        authorName: `${leaky.authorName} ${copy}`,
      });
    }
    return tables;
  }

  it('keeps only the kind of each cue, from the classifier’s own list, in its order', async () => {
    const result = await buildExport(withFiveLeakyComments(), options({ finerValues: true }), meta);
    expect(column(result, 'comments_seen.jsonl', 'cue_kinds')).toContain('threat;insult;shouting;other');
    expect(column(result, 'comments_seen.jsonl', 'cue_kinds')).toContain('insult;other');
  });

  it('drops values outside the closed vocabularies', async () => {
    const result = await buildExport(
      withFiveLeakyComments(),
      options({ granularity: 'day', finerValues: true }),
      meta,
    );
    expect(column(result, 'comments_seen.jsonl', 'lang')).toContain(null);
    expect(new Set(column(result, 'comments_seen.jsonl', 'lang'))).toEqual(new Set(['fr', null]));
    expect(new Set(column(result, 'actions.jsonl', 'tactic'))).toEqual(new Set(['other', 'hide']));
    expect(column(result, 'active_time.jsonl', 'platform')).toEqual(['x', 'facebook', null]);
    expect(column(result, 'checkins.jsonl', 'trigger')).toContain(null);
    expect(column(result, 'checkins.jsonl', 'tags')).toContain('angry;tired');
  });
});

describe('redacted text in the export', () => {
  it('redacts short names within their full name, and names in compatibility letters', async () => {
    const result = await buildExport(canaryHistory(), options({ text: 'redacted' }), meta);
    const texts = column(result, 'comments_seen.jsonl', 'text').map(String);
    expect(texts).toContain(
      '[NAME] [NAME] ici, et je connais [NAME] [NAME] : [NAME]-[NAME] et [NAME] [NAME] sont fâchés. Le jour où tu es venu, jo !',
    );
    expect(texts).toContain('[NAME] et [NAME] et [NAME], appelez le [PHONE] ou [HANDLE]');
    expect(texts).toContain('[NAME] [NAME], [NAME] [NAME].');
  });
});

describe('commenters and threads', () => {
  /** `count` comments in `thread`, by `authors` commenters writing `each` comments each. */
  const comments = (thread: string, authors: number, each: number) =>
    Array.from({ length: authors * each }, (_, i) =>
      commentRow({
        platform: 'x',
        id: `${thread}-${i}`,
        threadKey: thread,
        authorHandle: `${thread}_author_${i % authors}`,
        authorName: 'Someone',
        text: null,
        permalink: null,
        firstSeen: Date.UTC(2026, 10, 3, 9 + (i % 10)),
      }),
    );

  it('have no code that links their rows, only a band of how many comments they have in the export', async () => {
    const history: BackupTables = {
      ...canaryHistory(),
      actions: [],
      checkins: [],
      corrections: [],
      comments: [
        // A long thread: one-off commenters, commenters of a few comments, regulars.
        ...comments('long', 30, 1),
        ...comments('few', 5, 3),
        ...comments('regular', 5, 6),
        // A short thread of one-off commenters.
        ...comments('short', 5, 1),
      ].map((row) => (row.threadKey === 'short' ? row : { ...row, threadKey: 'long' })),
    };
    const prepared = await prepareExport(history, options({ granularity: 'day' }), meta);
    const table = prepared.tables[0];
    const refs = (table?.rows(0, table.total) ?? []).map((row) => row.ref as string);
    const files = unzipToText(await writeExportZip(prepared));
    const rows = jsonLines(files['comments_seen.jsonl'] as string);
    expect(rows).toHaveLength(80);
    expect(Object.keys(rows[0] as object)).not.toContain('commenter');
    expect(Object.keys(rows[0] as object)).not.toContain('thread');
    const bands = new Map<string, number>();
    rows.forEach((row, i) => {
      const group = (refs[i] as string).replace(/^comment:x:/, '').replace(/-\d+$/, '');
      const key = `${group} ${row.commenter_comments} ${row.thread_comments}`;
      bands.set(key, (bands.get(key) ?? 0) + 1);
    });
    expect(Object.fromEntries(bands)).toEqual({
      'long 1 50_or_more': 30,
      'few 2_to_5 50_or_more': 15,
      'regular 6_or_more 50_or_more': 30,
      'short 1 1_to_9': 5,
    });
    expect(files['codebook.md']).toContain('| `commenter_comments` | string |');
    expect(files['codebook.md']).toContain('`1`, `2_to_5`, `6_or_more`');
  });
});

describe('files readable by pandas, R and DuckDB', () => {
  const awkward = (text: string, id: string) =>
    commentRow({
      platform: 'x',
      id,
      threadKey: '1',
      // Each by another commenter: rows of one commenter alone are never published.
      authorHandle: `someone_${id}`,
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
      awkward('=HYPERLINK("http://evil.example","clic")', 'f1'),
      awkward('+33 quelque chose', 'f2'),
      awkward('-2+3 ça fait combien', 'f3'),
      awkward('@SUM(1+1)', 'f4'),
      awkward('\t=1+1', 'f5'),
      awkward("'=déjà une apostrophe", 'f6'),
      awkward('＝１＋１', 'f7'),
      awkward('=1+1\nsur deux lignes', 'f8'),
    ],
  };
  const textColumns = new Set(['text', 'note']);

  it('parse back from CSV to the same rows as the JSON Lines, once the formula guard is undone', async () => {
    const result = await buildExport(
      tables,
      options({ text: 'redacted', checkInNoteIds: [1], granularity: 'day' }),
      meta,
    );
    for (const name of ['comments_seen', 'actions', 'active_time', 'checkins', 'daily_summary']) {
      const csv = result.files[`${name}.csv`] as string;
      const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const unguarded = parsed.data.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [
            key,
            textColumns.has(key) ? unescapeFormula(value) : value,
          ]),
        ),
      );
      const expected = jsonLines(result.files[`${name}.jsonl`] as string).map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)]),
        ),
      );
      expect(unguarded, name).toEqual(expected);
      expect(parsed.data.length, name).toBe(result.counts[`${name}.csv`]);
    }
  });

  it('never lets a text cell start a spreadsheet formula', async () => {
    const result = await buildExport(tables, options({ text: 'redacted', granularity: 'day' }), meta);
    const csv = result.files['comments_seen.csv'] as string;
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    const texts = parsed.data.map((row) => row.text as string);
    for (const text of texts) expect(text, text).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    expect(texts).toContain('\'=HYPERLINK("[URL]","clic")');
    expect(texts).toContain("'\t=1+1");
    expect(texts).toContain("''=déjà une apostrophe");
    expect(texts).toContain("'＝１＋１");
    expect(texts).toContain("'=1+1\nsur deux lignes");
    // The JSON Lines keep the exact (redacted) text.
    expect(column(result, 'comments_seen.jsonl', 'text')).toContain('=HYPERLINK("[URL]","clic")');
    // Numbers are never touched, negative or not.
    expect(
      Papa.parse<string[]>(csv)
        .data.slice(1)
        .flat()
        .some((cell) => cell.startsWith("'-0")),
    ).toBe(false);
  });

  it('write a header row, CRLF line ends, ISO times and no index column', async () => {
    const result = await buildExport(tables, options(), meta);
    const csv = result.files['comments_seen.csv'] as string;
    expect(csv.split('\r\n')[0]).toMatch(
      /^comment_no,day,seen_hour_utc,period_start,time_precision,platform,by_own_account,commenter_comments,thread_comments,label,intensity_band,classifier_version$/,
    );
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(column(result, 'comments_seen.jsonl', 'seen_hour_utc').filter(Boolean)[0]).toMatch(
      /^2026-11-\d\dT\d\d:00:00Z$/,
    );
    const dayOnly = await buildExport(tables, options({ granularity: 'day' }), meta);
    const header = (dayOnly.files['comments_seen.csv'] as string).split('\r\n')[0] as string;
    expect(header).not.toMatch(/hour/);
    expect(dayOnly.files['actions.csv'] as string).not.toMatch(/T\d\d:/);
  });

  it('zips deterministically, readable by a standard unzip', async () => {
    const prepared = await prepareExport(tables, options({ text: 'redacted' }), {
      ...meta,
      exportKey: new Uint8Array(32),
    });
    const first = await writeExportZip(prepared);
    expect(await writeExportZip(prepared)).toEqual(first);
    const files = unzipToText(first);
    const strings = await buildExport(tables, options({ text: 'redacted' }), {
      ...meta,
      exportKey: new Uint8Array(32),
    });
    expect(files).toEqual(strings.files);
  });
});

describe('preview, pages and exclusions', () => {
  it('leaves out excluded days and rows, and the manifest counts them without naming them', async () => {
    const history = canaryHistory();
    const first = await buildExport(history, options({ granularity: 'day' }), meta);
    const commentPreview = first.preview.tables.find((table) => table.name === 'comments_seen');
    const excludedRef = commentPreview?.rows.find((row) => row.cells.includes('2026-11-21'))?.ref as string;
    expect(first.preview.days.map((day) => day.day)).toEqual(['2026-11-20', '2026-11-21', 'LEAKYDAY']);

    const chosen = options({ granularity: 'day', excludedDays: ['2026-11-20'], excludedRows: [excludedRef] });
    const result = await buildExport(history, chosen, meta);
    const days = (file: string) => column(result, file, 'day');
    for (const file of ['comments_seen.jsonl', 'actions.jsonl', 'active_time.jsonl', 'checkins.jsonl']) {
      expect(days(file), file).not.toContain('2026-11-20');
    }
    const manifest = JSON.parse(result.files['manifest.json'] as string);
    // Every comment of the 21st but the one left out, published (dated to its day or coarser) or too rare,
    // and the one whose day is no day, never published.
    const commentsOn21 = history.comments.filter((row) => row.day === '2026-11-21').length;
    const published = jsonLines(result.files['comments_seen.jsonl'] as string).length;
    expect(published + manifest.suppressedAsRare.rows.comments_seen).toBe(commentsOn21 - 1 + 1);
    expect(published).toBeGreaterThan(10);

    const commentsOn20 = history.comments.filter((row) => row.day === '2026-11-20').length;
    expect(manifest.excludedByCm.days).toBe(1);
    expect(manifest.excludedByCm.rows.comments_seen).toBe(commentsOn20 + 1);
    expect(manifest.rowCounts.comments_seen).toBe(published);
    expect(result.preview.excludedRows).toBe(manifest.excludedByCm.totalRows);
    expect(result.files['manifest.json']).not.toContain('2026-11-20"');
    expect(result.files['manifest.json']).not.toContain(excludedRef);
  });

  it('leaves out the actions and corrections of a comment the CM left out, and counts them as left out', async () => {
    // Six threats in one hour, each acted on: enough alike for every action to be dated to the hour.
    const threats = Array.from({ length: 6 }, (_, i) =>
      commentRow({
        platform: 'x',
        id: `left-out-${i}`,
        threadKey: '1',
        authorHandle: `a${i}`,
        authorName: `A ${i}`,
        text: null,
        permalink: null,
        firstSeen: Date.UTC(2026, 10, 23, 14, i * 5),
        classification: { ...hostile, label: 'threat', intensity: 0.8 },
      }),
    );
    const leftOut = threats[0] as CommentRow;
    const history: BackupTables = {
      ...canaryHistory(),
      comments: threats,
      checkins: [],
      actions: threats.map((row, i) => ({
        id: i + 1,
        commentKey: row.key,
        tactic: i === 0 ? 'escalate' : 'hide',
        at: row.firstSeen + 60_000,
        day: row.day,
        platform: row.platform,
        label: row.label,
      })),
      corrections: [
        {
          commentKey: leftOut.key,
          at: leftOut.firstSeen + 90_000,
          day: leftOut.day,
          platform: 'x',
          lang: 'fr',
          from: 'threat',
          to: 'troll',
          classifierVersion: '2+000000000000',
          gram: [1],
          structured: [0],
        },
      ],
    };
    const result = await buildExport(
      history,
      options({ corrections: true, excludedRows: [`comment:${leftOut.key}`] }),
      meta,
    );
    const actions = jsonLines(result.files['actions.jsonl'] as string);
    expect(actions).toHaveLength(5);
    expect(actions.map((row) => row.tactic)).not.toContain('escalate');
    expect(actions.every((row) => row.comment_no !== null)).toBe(true);
    expect(jsonLines(result.files['label_corrections.jsonl'] as string)).toEqual([]);
    const manifest = JSON.parse(result.files['manifest.json'] as string);
    expect(manifest.excludedByCm.rows).toMatchObject({ comments_seen: 1, actions: 1, label_corrections: 1 });
    expect(manifest.suppressedAsRare.totalRows).toBe(0);
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

  it('pages through every row of a big table, each page exactly as written, each row excludable', async () => {
    const history = syntheticHistory(1_234, 50, 10);
    const prepared = await prepareExport(history, options({ text: 'redacted' }), meta);
    const preview = (
      await buildExport(history, options({ text: 'redacted' }), { ...meta, exportKey: new Uint8Array(32) })
    ).preview;
    expect(preview.pageSize).toBe(50);
    expect(preview.tables[0]?.rows).toHaveLength(50);
    const files = unzipToText(await writeExportZip(prepared));
    const written = jsonLines(files['comments_seen.jsonl'] as string);
    const seen: unknown[] = [];
    const refs = new Set<string>();
    for (let offset = 0; offset < written.length; offset += 50) {
      const page = previewPage(prepared, 'comments_seen', offset);
      expect(page.offset).toBe(offset);
      for (const row of page.rows) {
        seen.push(Object.fromEntries(page.columns.map((name, i) => [name, row.cells[i]])));
        refs.add(row.ref as string);
      }
    }
    expect(seen).toEqual(written);
    expect(refs.size).toBe(written.length);
    // A page past the end is the last page; an offset inside a page starts at its page.
    expect(previewPage(prepared, 'comments_seen', 10_000).offset).toBe(
      Math.floor((written.length - 1) / 50) * 50,
    );
    expect(previewPage(prepared, 'comments_seen', 73).offset).toBe(50);
    // A row from the last page, left out (the others may be dated otherwise: the counts behind their
    // bands changed).
    const lastRef = [...refs].at(-1) as string;
    const without = await prepareExport(
      history,
      options({ text: 'redacted', excludedRows: [lastRef] }),
      meta,
    );
    const left = without.tables[0]?.rows(0, without.tables[0].total).map((row) => row.ref) ?? [];
    expect(left.length).toBeGreaterThan(written.length - 10);
    expect(left).not.toContain(lastRef);
  });

  it('leaves out rows recorded after the snapshot, and the fingerprint follows changes', async () => {
    const history = canaryHistory();
    const asOf = Date.UTC(2026, 10, 21, 12);
    const prepared = await prepareExport(history, options({ granularity: 'day' }), { ...meta, asOf });
    const firstSeen = new Map(history.comments.map((row) => [`comment:${row.key}`, row.firstSeen]));
    const refs = prepared.tables[0]?.rows(0, prepared.tables[0].total).map((row) => row.ref as string) ?? [];
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(firstSeen.get(ref) as number).toBeLessThanOrEqual(asOf);
    const everything = await prepareExport(history, options({ granularity: 'day' }), meta);
    expect(everything.tables[0]?.total).toBeGreaterThan(refs.length);

    const again = await prepareExport(history, options({ granularity: 'day' }), {
      ...meta,
      asOf,
      now: meta.now + 60_000,
    });
    expect(again.fingerprint()).toBe(prepared.fingerprint());
    // A later comment does not change it; a previewed one seen again does.
    const later = {
      ...history,
      comments: [
        ...history.comments,
        { ...(history.comments[0] as CommentRow), key: 'x:new', firstSeen: asOf + 1 },
      ],
    };
    expect(
      (await prepareExport(later, options({ granularity: 'day' }), { ...meta, asOf })).fingerprint(),
    ).toBe(prepared.fingerprint());
    const seenAgain = {
      ...history,
      comments: history.comments.map((row, i) =>
        i === 0 ? { ...row, lastSeen: asOf + 5, timesSeen: 3 } : row,
      ),
    };
    expect(
      (await prepareExport(seenAgain, options({ granularity: 'day' }), { ...meta, asOf })).fingerprint(),
    ).not.toBe(prepared.fingerprint());
  });
});

describe('rare combinations (k = 5)', () => {
  const at = (day: number, hour: number) => Date.UTC(2026, 10, day, hour, 7);
  const rows = (platform: Platform, label: Label, count: number, day: number, hour = 12, prefix = '') =>
    Array.from({ length: count }, (_, i) =>
      commentRow({
        platform,
        id: `${prefix}${platform}-${label}-${day}-${hour}-${i}`,
        threadKey: `thread-${day}`,
        // Each its own commenter: one band of commenter for every row.
        authorHandle: `${prefix}${platform}-${label}-${day}-${hour}-${i}`,
        authorName: `A ${i}`,
        text: null,
        permalink: null,
        firstSeen: at(day, hour),
        classification: { ...hostile, label },
      }),
    );

  it('dates rare rows to their week or month, suppresses the rarest, and says so', async () => {
    const history: BackupTables = {
      ...canaryHistory(),
      actions: [],
      checkins: [],
      comments: [
        // 2026-11-02 is a Monday. Trolls: 7 on the 3rd (a day), 3 + 2 on the 4th and 5th (their week).
        ...rows('x', 'troll', 7, 3),
        ...rows('x', 'troll', 3, 4),
        ...rows('x', 'troll', 2, 5),
        // Threats: 2 in one week, 3 in another: only their month holds 5.
        ...rows('x', 'threat', 2, 3),
        ...rows('x', 'threat', 3, 17),
        // Facebook complaints: 3 in the whole export: suppressed.
        ...rows('facebook', 'unhappy_customer', 3, 3),
      ],
    };
    const result = await buildExport(history, options({ granularity: 'day' }), meta);
    const comments = jsonLines(result.files['comments_seen.jsonl'] as string);
    const shape = (row: Record<string, unknown>) =>
      [row.label, row.day, row.period_start, row.time_precision].join(' ');
    const counts = new Map<string, number>();
    for (const row of comments) counts.set(shape(row), (counts.get(shape(row)) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      'troll 2026-11-03 2026-11-03 day': 7,
      'troll  2026-11-02 week': 5,
      'threat  2026-11-01 month': 5,
    });
    // Ordered by period, coarser first: the month, the week, then the day.
    expect(comments.map((row) => row.time_precision)).toEqual([
      ...Array(5).fill('month'),
      ...Array(5).fill('week'),
      ...Array(7).fill('day'),
    ]);
    expect(comments.map((row) => row.comment_no)).toEqual(comments.map((_, i) => i + 1));

    const manifest = JSON.parse(result.files['manifest.json'] as string);
    expect(manifest.suppressedAsRare.rows.comments_seen).toBe(3);
    expect(result.preview.suppressedRows).toBe(3);
    expect(manifest.dateRange).toMatchObject({
      firstDayWithData: '2026-11-03',
      lastDayWithData: '2026-11-21',
    });

    expect(jsonLines(result.files['daily_summary.jsonl'] as string)).toEqual([
      {
        day: null,
        period_start: '2026-11-01',
        time_precision: 'month',
        platform: 'x',
        label: 'threat',
        comments: 5,
      },
      {
        day: null,
        period_start: '2026-11-02',
        time_precision: 'week',
        platform: 'x',
        label: 'troll',
        comments: 5,
      },
      {
        day: '2026-11-03',
        period_start: '2026-11-03',
        time_precision: 'day',
        platform: 'x',
        label: 'troll',
        comments: 7,
      },
    ]);
    expect(result.files['codebook.md']).toContain('fewer than 5');
  });

  it('needs 5 rows in the same hour to give the hour', async () => {
    const history: BackupTables = {
      ...canaryHistory(),
      actions: [],
      checkins: [],
      comments: [
        ...rows('x', 'troll', 5, 3, 9),
        ...rows('x', 'troll', 4, 3, 10),
        ...rows('x', 'troll', 1, 3, 11),
      ],
    };
    const comments = jsonLines(
      (await buildExport(history, options({ granularity: 'hour' }), meta)).files[
        'comments_seen.jsonl'
      ] as string,
    );
    expect(comments.map((row) => [row.time_precision, row.seen_hour_utc, row.day])).toEqual([
      ...Array(5).fill(['day', null, '2026-11-03']),
      ...Array(5).fill(['hour', '2026-11-03T09:00:00Z', '2026-11-03']),
    ]);
  });

  it('counts people, not rows: five comments of one commenter in an hour are no group of five', async () => {
    const threat = (id: string, author: string, day: number, hour: number) =>
      commentRow({
        platform: 'x',
        id,
        threadKey: 'thread',
        authorHandle: author,
        authorName: author,
        text: null,
        permalink: null,
        firstSeen: Date.UTC(2026, 10, day, hour, 10),
        classification: { ...hostile, label: 'threat', intensity: 0.8 },
      });
    const comments = [
      // One commenter's burst at 14:00 on the 3rd, alone of its kind in that hour.
      ...Array.from({ length: 5 }, (_, i) => threat(`burst-${i}`, 'troll', 3, 14)),
      // Four others of the same kind (two comments each, like the troll: 2 to 5) that day, another hour,
      // and their second comment another day.
      ...Array.from({ length: 4 }, (_, i) => threat(`other-${i}`, `other${i}`, 3, 9)),
      ...Array.from({ length: 4 }, (_, i) => threat(`again-${i}`, `other${i}`, 10, 9)),
    ];
    const history: BackupTables = {
      ...canaryHistory(),
      comments,
      checkins: [],
      corrections: [],
      actions: escalatedAMinuteLater(comments),
    };
    const prepared = await prepareExport(history, options({ granularity: 'hour' }), meta);
    const files = unzipToText(await writeExportZip(prepared));
    const table = prepared.tables[0];
    const refs = table?.rows(0, table.total).map((row) => row.ref) ?? [];
    const rows = jsonLines(files['comments_seen.jsonl'] as string);
    const burst = rows.filter((_, i) => String(refs[i]).includes('burst'));
    expect(burst).toHaveLength(5);
    // Dated to their day, with the other four commenters' threats: five people.
    for (const row of burst) expect(row).toMatchObject({ time_precision: 'day', seen_hour_utc: null });
    for (const row of jsonLines(files['actions.jsonl'] as string)) expect(row.at_hour_utc).toBeNull();
  });

  it('holds for any history: no published time and kind is shared by the rows of fewer than 5 people', async () => {
    const fc = await import('fast-check');
    const labels = ['troll', 'unhappy_customer', 'threat', 'neutral'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            platform: fc.constantFrom<Platform>('x', 'facebook'),
            label: fc.constantFrom<Label>(...labels),
            // Over two months, or crowded into a few hours: rows of one commenter then share periods.
            day: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 3, max: 4 })),
            hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 9, max: 10 })),
            own: fc.boolean(),
            acted: fc.boolean(),
            author: fc.integer({ min: 0, max: 5 }),
          }),
          // Up to 120 rows indeed (fast-check's default size keeps arrays to about ten).
          { maxLength: 120, size: 'max' },
        ),
        fc.constantFrom('hour' as const, 'day' as const),
        async (seeds, granularity) => {
          const comments = seeds.map((seed, i) => ({
            ...commentRow({
              platform: seed.platform,
              id: `c${i}`,
              threadKey: `t${i % 7}`,
              authorHandle: `h${seed.author}`,
              authorName: `H ${seed.author}`,
              text: null,
              permalink: null,
              firstSeen: Date.UTC(2026, 9, seed.day, seed.hour, 30),
              isOwn: seed.own,
              classification: { ...hostile, label: seed.label },
            }),
          }));
          const actions = comments.flatMap((row, i) =>
            seeds[i]?.acted
              ? [
                  {
                    id: i + 1,
                    commentKey: row.key,
                    tactic: 'hide',
                    at: row.firstSeen + 1_000,
                    day: row.day,
                    platform: row.platform,
                    label: row.label,
                  },
                ]
              : [],
          );
          const history: BackupTables = { ...canaryHistory(), comments, actions, checkins: [] };
          const prepared = await prepareExport(history, options({ granularity }), meta);
          const result = { files: await writeExportFiles(prepared) };
          const published = jsonLines(result.files['comments_seen.jsonl'] as string);
          // Who each written row is about: its commenter, or itself for the CM's own comments.
          const refsOf = (name: string) => {
            const table = prepared.tables.find((candidate) => candidate.name === name);
            return table?.rows(0, table.total).map((row) => String(row.ref)) ?? [];
          };
          const commentByRef = new Map(comments.map((row) => [`comment:${row.key}`, row]));
          const commentOfAction = new Map(actions.map((row) => [`action:${row.id}`, row.commentKey]));
          const personOf = (comment: CommentRow | undefined) =>
            comment?.isOwn ? `own ${comment.key}` : String(comment?.authorHandle);
          // Rows alike in every published column but their number: a group anyone can tell apart.
          const groups = new Map<string, Set<string>>();
          const add = (
            table: string,
            { comment_no: _no, ...row }: Record<string, unknown>,
            person: string,
          ) => {
            const group = `${table} ${JSON.stringify(row)}`;
            groups.set(group, (groups.get(group) ?? new Set()).add(person));
          };
          const commentRefs = refsOf('comments_seen');
          published.forEach((row, i) => {
            add('comments_seen', row, personOf(commentByRef.get(commentRefs[i] as string)));
          });
          const actionRefs = refsOf('actions');
          jsonLines(result.files['actions.jsonl'] as string).forEach((row, i) => {
            const comment = commentByRef.get(`comment:${commentOfAction.get(actionRefs[i] as string)}`);
            add('actions', row, personOf(comment));
          });
          for (const [group, people] of groups) expect(people.size, group).toBeGreaterThanOrEqual(5);
          for (const row of jsonLines(result.files['daily_summary.jsonl'] as string)) {
            expect(row.comments as number).toBeGreaterThanOrEqual(5);
          }
          // An action is never dated more precisely than its comment.
          const rank = (precision: unknown) =>
            ['hour', 'day', 'week', 'month', 'none'].indexOf(String(precision));
          const commentPrecision = new Map(published.map((row) => [row.comment_no, row.time_precision]));
          for (const row of jsonLines(result.files['actions.jsonl'] as string)) {
            if (row.comment_no !== null) {
              expect(rank(row.time_precision)).toBeGreaterThanOrEqual(
                rank(commentPrecision.get(row.comment_no)),
              );
            }
          }
          const manifest = JSON.parse(result.files['manifest.json'] as string);
          expect(published.length + manifest.suppressedAsRare.rows.comments_seen).toBe(comments.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('dates a check-in asked after a threat like a rare comment, and keeps it without time if need be', async () => {
    const result = await buildExport(canaryHistory(), options(), meta);
    const checkins = jsonLines(result.files['checkins.jsonl'] as string);
    const threat = checkins.find((row) => row.score === 4);
    expect(threat).toMatchObject({
      day: null,
      at_hour_utc: null,
      period_start: null,
      time_precision: 'none',
    });
    expect(checkins.find((row) => row.score === 2)).toMatchObject({
      day: '2026-11-21',
      time_precision: 'hour',
    });
  });
});

describe('row order', () => {
  /**
   * Forty threats of one day, each acted on and followed by a check-in, recorded in a scrambled order:
   * with days only, the order of the rows is all that could tell their times apart.
   */
  function oneDay(): { history: BackupTables; timeOf: Map<string, number> } {
    const minutes = Array.from({ length: 40 }, (_, i) => (i * 17) % 40);
    const comments = minutes.map((minute) =>
      commentRow({
        platform: 'x',
        id: `order-${minute}`,
        threadKey: '1',
        authorHandle: `a${minute}`,
        authorName: 'Someone',
        text: null,
        permalink: null,
        firstSeen: Date.UTC(2026, 10, 23, 8) + minute * 20 * 60_000,
        classification: { ...hostile, label: 'threat', intensity: 0.8 },
      }),
    );
    const actions = escalatedAMinuteLater(comments);
    const checkins = comments.map((row, i) => ({
      id: i + 1,
      at: row.firstSeen + 120_000,
      day: row.day,
      score: 3,
      tags: [],
      note: '',
      trigger: 'threat' as const,
    }));
    const timeOf = new Map<string, number>([
      ...comments.map((row) => [`comment:${row.key}`, row.firstSeen] as const),
      ...actions.map((row) => [`action:${row.id}`, row.at] as const),
      ...checkins.map((row) => [`checkin:${row.id}`, row.at] as const),
    ]);
    return {
      history: { ...canaryHistory(), comments, actions, checkins, corrections: [] },
      timeOf,
    };
  }

  /** Pairs of rows written in the order of their times, out of all pairs: near 1/2 for an unrelated order. */
  const concordance = (times: number[]) => {
    let concordant = 0;
    let pairs = 0;
    for (let i = 0; i < times.length; i++) {
      for (let j = i + 1; j < times.length; j++) {
        pairs++;
        if ((times[i] as number) < (times[j] as number)) concordant++;
      }
    }
    return concordant / pairs;
  };

  const order = async (exportKey: Uint8Array<ArrayBuffer>) => {
    const { history, timeOf } = oneDay();
    const prepared = await prepareExport(history, options({ granularity: 'day' }), {
      ...meta,
      exportKey: exportKey,
    });
    return Object.fromEntries(
      ['comments_seen', 'actions', 'checkins'].map((name) => {
        const table = prepared.tables.find((candidate) => candidate.name === name);
        const rows = table?.rows(0, table.total) ?? [];
        return [name, rows.map((row) => timeOf.get(row.ref as string) as number)];
      }),
    );
  };

  it('within a period is keyed and pseudo-random: neither the time order nor the order of recording', async () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i);
    const first = await order(key);
    for (const [name, times] of Object.entries(first)) {
      expect(times, name).toHaveLength(40);
      expect(concordance(times), name).toBeGreaterThan(0.3);
      expect(concordance(times), name).toBeLessThan(0.7);
    }
    // One export's key, one order (preview and zip agree); another export's key, another order.
    expect(await order(key)).toEqual(first);
    const other = await order(Uint8Array.from({ length: 32 }, (_, i) => 255 - i));
    for (const name of Object.keys(first)) expect(other[name], name).not.toEqual(first[name]);
    // Each table draws its own order.
    const rank = (times: number[]) => times.map((time) => [...times].sort((a, b) => a - b).indexOf(time));
    expect(rank(first.actions as number[])).not.toEqual(rank(first.comments_seen as number[]));
  });
});

describe('manifest, codebook and versions', () => {
  it('records the exporter’s versions apart from the data’s, options and counts', async () => {
    const result = await buildExport(
      canaryHistory(),
      options({ accountCategory: 'sports_club', granularity: 'day', checkInNoteIds: [2] }),
      {
        ...meta,
        source: { kind: 'backup-file', extensionVersion: '0.0.7', classifierVersion: null, schemaVersion: 1 },
      },
    );
    const manifest = JSON.parse(result.files['manifest.json'] as string);
    expect(manifest).toMatchObject({
      format: 'desaffect-research-export',
      formatVersion: 5,
      exporter: { extensionVersion: '9.9.9', classifierVersion: CLASSIFIER_VERSION },
      data: { kind: 'backup-file', extensionVersion: '0.0.7', classifierVersion: null, schemaVersion: 1 },
      exportedOn: '2026-11-25',
      dateRange: { from: null, to: null, firstDayWithData: '2026-11-20', lastDayWithData: '2026-11-21' },
      options: {
        accountCategory: 'sports_club',
        timeGranularity: 'day',
        commentText: 'none',
        finerValues: false,
        checkInNotesIncluded: 1,
        minimumAggregateCellSize: 5,
      },
    });
    expect(manifest.extensionVersion).toBeUndefined();
    expect(manifest.rowCounts.comments_seen).toBe(result.counts['comments_seen.csv']);
    expect(manifest.options.studyKeyUsed).toBeUndefined();
    expect(result.files['codebook.md']).toContain('read from the backup file');
  });

  it('writes the data’s versions only when they have the form versions have', async () => {
    const versions = async (extensionVersion: string, classifierVersion: string) => {
      const result = await buildExport(canaryHistory(), options(), {
        ...meta,
        source: { kind: 'backup-file', extensionVersion, classifierVersion, schemaVersion: 6 },
      });
      return JSON.parse(result.files['manifest.json'] as string).data;
    };
    expect(await versions('0.1.0', '2+0123456789ab')).toMatchObject({
      extensionVersion: '0.1.0',
      classifierVersion: '2+0123456789ab',
    });
    expect(await versions('Jean_Baptiste.Canarini+0618908199', 'canary_troll99')).toEqual({
      kind: 'backup-file',
      extensionVersion: null,
      classifierVersion: null,
      schemaVersion: 6,
    });
  });

  it('bands each comment by the level the CM saw, and says where the bands begin', async () => {
    const intensities = [0.2, LEVEL_FROM.medium, 0.49, LEVEL_FROM.high, 0.55, 0.9];
    const history: BackupTables = {
      ...canaryHistory(),
      actions: [],
      checkins: [],
      // Five alike per intensity, so k-anonymity publishes every row as it is.
      comments: intensities.flatMap((intensity) =>
        Array.from({ length: 5 }, (_, i) =>
          commentRow({
            platform: 'x',
            id: `${intensity}-${i}`,
            threadKey: 'thread',
            authorHandle: `a${i}`,
            authorName: `A ${i}`,
            text: null,
            permalink: null,
            firstSeen: Date.UTC(2026, 10, 3, 12),
            classification: { ...hostile, intensity },
          }),
        ),
      ),
    };
    const result = await buildExport(history, options({ granularity: 'day' }), meta);
    // Rows of one day come in a random order: compared as sorted lists.
    expect(column(result, 'comments_seen.jsonl', 'intensity_band').sort()).toEqual(
      intensities.flatMap((intensity) => Array<string>(5).fill(intensityLevel(intensity))).sort(),
    );
    expect(result.files['codebook.md']).toContain(`\`high\` (from ${LEVEL_FROM.high})`);
  });

  it('documents every column of every table, the formula guard and what k covers', async () => {
    const result = await buildExport(canaryHistory(), options({ text: 'redacted' }), meta);
    const codebook = result.files['codebook.md'] as string;
    for (const table of result.preview.tables) {
      for (const name of table.columns)
        expect(codebook, `${table.name}.${name}`).toContain(`| \`${name}\` |`);
    }
    expect(codebook).toContain('fewer than 5');
    expect(codebook).toContain('Spreadsheet formula guard');
    expect(codebook).toContain('Not covered');
    expect(codebook).toContain('No code links the rows of one commenter or of one thread');
  });
});

describe('zip transport', () => {
  it('survives base64 both ways, byte for byte', async () => {
    const zip = new ZipWriter(Date.UTC(2026, 0, 1));
    await zip.add('a.csv', 'x,y\r\n1,2\r\n');
    await zip.add(
      'b.bin',
      new Uint8Array(100_000).map((_, i) => i * 7),
    );
    await zip.add('empty.jsonl', '');
    const bytes = zip.finish();
    const back = base64ToBytes(bytesToBase64(bytes));
    expect(back).toEqual(bytes);
    const files = unzipSync(back);
    expect(strFromU8(files['a.csv'] as Uint8Array)).toBe('x,y\r\n1,2\r\n');
    expect(files['b.bin']).toEqual(new Uint8Array(100_000).map((_, i) => i * 7));
    expect(files['empty.jsonl']).toEqual(new Uint8Array(0));
  });
});

describe('label corrections and classifier versions', () => {
  it('leave only when the CM includes them, as label pairs with the classifier version, never finer than their comment', async () => {
    const history = syntheticHistory(300);
    history.corrections = history.comments.slice(0, 60).map((row) => ({
      commentKey: row.key,
      at: row.firstSeen + 60_000,
      day: row.day,
      platform: row.platform,
      lang: 'fr',
      from: row.label,
      to: 'unhappy_customer' as const,
      classifierVersion: '2+00000000abcd',
      gram: [1, 2, 3],
      structured: [4],
    }));
    const without = await buildExport(history, options(), meta);
    expect(Object.keys(without.files).some((name) => name.startsWith('label_corrections'))).toBe(false);
    expect(JSON.parse(without.files['manifest.json'] as string).options.labelCorrections).toBe(false);

    const withThem = await buildExport(history, options({ corrections: true }), meta);
    const rows = jsonLines(withThem.files['label_corrections.jsonl'] as string);
    expect(rows.length).toBeGreaterThan(0);
    const comments = new Map(
      jsonLines(withThem.files['comments_seen.jsonl'] as string).map((row) => [row.comment_no, row]),
    );
    for (const row of rows) {
      expect(row).toMatchObject({ label_after: 'unhappy_customer', classifier_version: '2+00000000abcd' });
      expect(Object.keys(row)).not.toContain('text');
      // Each pair points at its comment and is dated no finer than it.
      const comment = comments.get(row.comment_no);
      expect(comment).toBeDefined();
      expect(String(row.time_precision)).toBe(String(comment?.time_precision));
    }
    expect(JSON.parse(withThem.files['manifest.json'] as string).options.labelCorrections).toBe(true);
  });

  it('each comment names the classifier that labelled it; a forged version is left empty', async () => {
    const history = canaryHistory();
    // Five alike, so that the forged version is not too rare to publish (it is part of the kind).
    history.comments = history.comments.map((row) => ({
      ...row,
      version: row.id.startsWith('filler-x-20-regulars') ? 'x; DROP' : row.version,
    }));
    const versions = column(
      await buildExport(history, options(), meta),
      'comments_seen.jsonl',
      'classifier_version',
    );
    expect(versions).toContain(null);
    expect(
      versions
        .filter((v) => v !== null)
        .every((v) => /^(2\+[0-9a-f]{12}|1\.0\.0\+[0-9a-f]{8})$/.test(String(v))),
    ).toBe(true);
    expect(versions.some((v) => v !== null)).toBe(true);
  });
});
