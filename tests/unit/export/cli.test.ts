import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { CUE_KINDS } from '../../../src/shared/comment';
import { BACKUP_FORMAT, type BackupFile } from '../../../src/storage/backup-format';
import { CANARIES, canaryHistory } from './history';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'desaffect-anonymize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function anonymize(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(join('node_modules', '.bin', 'tsx'), [
      'scripts/anonymize.ts',
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * The canary history without the values a backup's own validation refuses (a lang is free text there; a
 * cue's kind is not).
 */
const canaryTables = canaryHistory();
const knownCueKinds = new Set<string>(CUE_KINDS);
const tables = {
  ...canaryTables,
  comments: canaryTables.comments
    .filter((row) => row.day !== 'LEAKYDAY')
    .map((row) => ({ ...row, cues: row.cues.filter((cue) => knownCueKinds.has(cue.kind)) })),
  actions: canaryTables.actions.filter((row) => row.label !== ('LEAKYLABEL' as never)),
  activity: canaryTables.activity.filter((row) => row.platform !== ('LEAKYPLATFORM' as never)),
  checkins: canaryTables.checkins.filter((row) => row.trigger !== ('LEAKYTRIGGER' as never)),
};

const backup: BackupFile = {
  format: BACKUP_FORMAT,
  schemaVersion: 1,
  extensionVersion: '0.0.7',
  createdAt: '2026-11-25T08:00:00.000Z',
  tables,
};

// Each case starts a tsx process: seconds on a busy machine.
describe('npm run anonymize', { timeout: 30_000 }, () => {
  it('turns a backup into the anonymised zip, with the chosen options', async () => {
    const backupPath = join(dir, 'backup.json');
    const outPath = join(dir, 'out.zip');
    writeFileSync(backupPath, JSON.stringify(backup));
    const result = await anonymize(
      backupPath,
      outPath,
      '--text',
      'redacted',
      '--granularity',
      'day',
      '--category',
      'retail',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = Object.fromEntries(
      Object.entries(unzipSync(readFileSync(outPath))).map(([name, bytes]) => [name, strFromU8(bytes)]),
    );
    const manifest = JSON.parse(files['manifest.json'] as string);
    expect(manifest.options).toMatchObject({
      accountCategory: 'retail',
      timeGranularity: 'day',
      commentText: 'redacted',
    });
    // The versions of the exporter, and those the backup file records for its data.
    expect(manifest.exporter.extensionVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.data).toMatchObject({
      kind: 'backup-file',
      extensionVersion: '0.0.7',
      classifierVersion: null,
    });
    expect(manifest.rowCounts.comments_seen + manifest.suppressedAsRare.rows.comments_seen).toBe(
      backup.tables.comments.length,
    );
    expect(files['comments_seen.csv']).toContain('[EMAIL]');
    for (const content of Object.values(files)) {
      for (const canary of CANARIES) expect(content.toLowerCase()).not.toContain(canary.toLowerCase());
    }
    expect(result.stdout).toMatch(/^anonymize: wrote .*out\.zip \(comments_seen \d+/);
  });

  it('publishes label and intensity band, and finer values only with --finer-values', async () => {
    const backupPath = write('finer.json', JSON.stringify(backup));
    const header = async (out: string, ...flags: string[]) => {
      const result = await anonymize(backupPath, join(dir, out), ...flags);
      expect(result.code, result.stderr).toBe(0);
      const files = unzipSync(readFileSync(join(dir, out)));
      const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
      const csv = strFromU8(files['comments_seen.csv'] as Uint8Array);
      return { columns: csv.split('\r\n')[0]?.split(',') ?? [], manifest, stdout: result.stdout };
    };
    const plain = await header('bands.zip');
    expect(plain.columns).toContain('intensity_band');
    expect(plain.columns).not.toContain('score_troll');
    expect(plain.manifest.options.finerValues).toBe(false);
    const finer = await header('finer.zip', '--finer-values');
    expect(finer.columns).toEqual(expect.arrayContaining(['score_troll', 'intensity', 'lang', 'cue_kinds']));
    expect(finer.manifest.options.finerValues).toBe(true);
    expect(finer.stdout).toMatch(/finer values included: comments are easier to recognise/);
  });

  it('writes into the manifest only versions of the expected form, never free text from the envelope', async () => {
    const backupPath = write(
      'envelope.json',
      JSON.stringify({
        ...backup,
        extensionVersion: 'Jean_Baptiste.Canarini+0618908199',
        classifierVersion: 'canary_troll99',
      }),
    );
    const outPath = join(dir, 'envelope.zip');
    const result = await anonymize(backupPath, outPath);
    expect(result.code, result.stderr).toBe(0);
    const files = unzipSync(readFileSync(outPath));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
    expect(manifest.data).toMatchObject({ extensionVersion: null, classifierVersion: null });
    for (const bytes of Object.values(files)) {
      const content = strFromU8(bytes).toLowerCase();
      for (const canary of CANARIES) expect(content).not.toContain(canary.toLowerCase());
    }
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.json'), /cannot read .*missing\.json: ENOENT/],
    ['invalid JSON', () => write('broken.json', '{"format": "desaffect-backup", '), /not valid JSON/],
    ['another JSON file', () => write('other.json', '{"name": "x"}'), /not a Desaffect backup/],
    [
      'a damaged backup',
      () =>
        write('damaged.json', JSON.stringify({ ...backup, tables: { ...backup.tables, comments: [{}] } })),
      /damaged Desaffect backup at comments\.0\./,
    ],
    [
      'a backup with a cue of an unknown kind',
      () =>
        write(
          'leaky-cue.json',
          JSON.stringify({
            ...backup,
            tables: {
              ...backup.tables,
              comments: canaryTables.comments.filter((row) => row.day !== 'LEAKYDAY'),
            },
          }),
        ),
      /damaged Desaffect backup at comments\.\d+\.cues\.0\.kind/,
    ],
  ])('refuses %s with one line and exit code 2', async (_, makePath, message) => {
    const result = await anonymize(makePath(), join(dir, 'never.zip'));
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown option value with exit code 2', async () => {
    const backupPath = write('ok.json', JSON.stringify(backup));
    const result = await anonymize(backupPath, join(dir, 'x.zip'), '--granularity', 'week');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid --granularity/);
  });
});

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
