/**
 * `npm run --silent anonymize -- BACKUP_FILE OUT.zip [--text none|redacted] [--granularity hour|day]
 *   [--corrections] [--finer-values] [--category retail] [--from YYYY-MM-DD] [--to YYYY-MM-DD]`
 * Turns a CM's full backup (given with consent) into the same anonymised research zip as the dashboard.
 * --finer-values adds each comment's scores, exact intensity, cues, language and reply to its label and
 * intensity band: rows become easier to match with the public thread, so more are coarsened or left out.
 * Bad input → one line on stderr and exit code 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import packageJson from '../package.json' with { type: 'json' };
import { type DataSource, prepareExport, writeExportZip } from '../src/export/anonymize';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions, exportOptionsSchema } from '../src/export/messages';
import { parseBackup, type RestoreRefusal } from '../src/storage/backup';
import { SCHEMA_VERSION } from '../src/storage/schema';

const USAGE =
  'usage: anonymize BACKUP_FILE OUT.zip [--text none|redacted] [--granularity hour|day] [--corrections] [--finer-values] [--category CATEGORY] [--from DAY] [--to DAY]';

const FLAG_OF_OPTION: Record<string, string> = { accountCategory: 'category' };

/** A problem with what the user gave: reported in one line, exit code 2. */
class InputError extends Error {}

interface Command {
  backupPath: string;
  outPath: string;
  options: ExportOptions;
}

function readOptions(args: string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new InputError(`${(error as Error).message} — ${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [backupPath, outPath] = positionals;
  if (!backupPath || !outPath || positionals.length > 2) throw new InputError(USAGE);
  const result = v.safeParse(exportOptionsSchema, {
    ...DEFAULT_EXPORT_OPTIONS,
    text: values.text ?? DEFAULT_EXPORT_OPTIONS.text,
    granularity: values.granularity ?? DEFAULT_EXPORT_OPTIONS.granularity,
    corrections: values.corrections ?? false,
    finerValues: values['finer-values'] ?? false,
    accountCategory: values.category ?? null,
    from: values.from ?? null,
    to: values.to ?? null,
  });
  if (!result.success) {
    const issue = result.issues[0];
    const field = v.getDotPath(issue) ?? 'option';
    throw new InputError(`invalid --${FLAG_OF_OPTION[field] ?? field}: ${issue.message}`);
  }
  return { backupPath, outPath, options: result.output };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      text: { type: 'string' },
      granularity: { type: 'string' },
      corrections: { type: 'boolean' },
      'finer-values': { type: 'boolean' },
      category: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
}

/** The envelope's versions, as far as the file records them (the export keeps only well-formed ones). */
function sourceOf(raw: string): DataSource {
  const envelope = JSON.parse(raw) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    kind: 'backup-file',
    extensionVersion: text(envelope.extensionVersion),
    // Not written by backups yet; read when a newer backup carries it.
    classifierVersion: text(envelope.classifierVersion),
    schemaVersion: Number.isInteger(envelope.schemaVersion) ? (envelope.schemaVersion as number) : null,
  };
}

function readBackup(path: string) {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  const parsed = parseBackup(raw, SCHEMA_VERSION);
  if (!parsed.ok) throw new InputError(`${path}: ${describeRefusal(parsed)}`);
  return { tables: parsed.tables, source: sourceOf(raw) };
}

function describeRefusal(refusal: RestoreRefusal): string {
  switch (refusal.reason) {
    case 'not_json':
      return 'not valid JSON (truncated, or not a backup)';
    case 'foreign':
      return 'not a Desaffect backup';
    case 'newer_version':
      return `made by a newer Desaffect (schema ${refusal.schemaVersion}): update this tool`;
    case 'unknown_version':
      return `schema version ${refusal.schemaVersion} is unknown`;
    case 'invalid':
      return `damaged Desaffect backup at ${refusal.where}`;
  }
}

async function main(): Promise<void> {
  const { backupPath, outPath, options } = readOptions(process.argv.slice(2));
  const backup = readBackup(backupPath);
  const prepared = await prepareExport(backup.tables, options, {
    extensionVersion: packageJson.version,
    now: Date.now(),
    source: backup.source,
  });
  const zip = await writeExportZip(prepared);
  try {
    writeFileSync(outPath, zip);
  } catch (error) {
    throw new InputError(
      `cannot write ${outPath}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`,
    );
  }
  const rows = prepared.files
    .filter(({ name }) => name.endsWith('.csv'))
    .map(({ name, rows: count }) => `${name.replace('.csv', '')} ${count}`);
  process.stdout.write(`anonymize: wrote ${outPath} (${rows.join(', ')})\n`);
  if (options.finerValues) {
    process.stdout.write(
      `anonymize: finer values included: comments are easier to recognise from the public thread (${prepared.suppressedRows} rows left out as too rare)\n`,
    );
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`anonymize: ${message.replaceAll('\n', ' ')}\n`);
  process.exitCode = error instanceof InputError ? 2 : 1;
});
