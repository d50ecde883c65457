/**
 * `npm run --silent anonymize -- BACKUP_FILE OUT.zip [--text none|redacted] [--granularity hour|day]
 *   [--corrections] [--finer-values] [--category retail] [--study-key KEY [--secret-file PATH]] [--from YYYY-MM-DD] [--to YYYY-MM-DD]`
 * Turns a CM's full backup (given with consent) into the same anonymised research zip as the dashboard.
 * --finer-values adds each comment's scores, exact intensity, cues, language and reply to its label and
 * intensity band: rows become easier to match with the public thread, so more are coarsened or left out.
 * With a study key, pseudonyms are also keyed by a secret: the one in --secret-file (made there on first
 * use, kept by whoever runs this tool, never written to the zip), else a new random one for this run only.
 * Bad input → one line on stderr and exit code 2.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import packageJson from '../package.json' with { type: 'json' };
import { type DataSource, prepareExport, writeExportZip } from '../src/export/anonymize';
import { INSTALL_SECRET_BYTES } from '../src/export/install-secret';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions, exportOptionsSchema } from '../src/export/messages';
import { parseBackup, type RestoreRefusal } from '../src/storage/backup';
import { SCHEMA_VERSION } from '../src/storage/schema';

const USAGE =
  'usage: anonymize BACKUP_FILE OUT.zip [--text none|redacted] [--granularity hour|day] [--corrections] [--finer-values] [--category CATEGORY] [--study-key KEY [--secret-file PATH]] [--from DAY] [--to DAY]';

const FLAG_OF_OPTION: Record<string, string> = { accountCategory: 'category', studyKey: 'study-key' };

/** A problem with what the user gave: reported in one line, exit code 2. */
class InputError extends Error {}

interface Command {
  backupPath: string;
  outPath: string;
  options: ExportOptions;
  secretPath: string | null;
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
    studyKey: values['study-key'] ?? null,
    from: values.from ?? null,
    to: values.to ?? null,
  });
  if (!result.success) {
    const issue = result.issues[0];
    const field = v.getDotPath(issue) ?? 'option';
    throw new InputError(`invalid --${FLAG_OF_OPTION[field] ?? field}: ${issue.message}`);
  }
  const secretPath = values['secret-file'] ?? null;
  if (secretPath !== null && result.output.studyKey === null) {
    throw new InputError('--secret-file only applies with --study-key');
  }
  return { backupPath, outPath, options: result.output, secretPath };
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
      'study-key': { type: 'string' },
      'secret-file': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
}

/** The envelope's versions, as far as the file records them. */
function sourceOf(raw: string): DataSource {
  const envelope = JSON.parse(raw) as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === 'string' && /^[\w.+-]{1,64}$/.test(value) ? value : null;
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

/** The secret in PATH (64 hex digits), made there on first use; without a path, a new one for this run. */
function readSecret(path: string | null): { secret: Uint8Array<ArrayBuffer>; note: string } {
  if (path === null) {
    return {
      secret: crypto.getRandomValues(new Uint8Array(INSTALL_SECRET_BYTES)),
      note: 'study pseudonyms keyed with a new random secret (stable within this run only; see --secret-file)',
    };
  }
  if (!existsSync(path)) {
    const secret = crypto.getRandomValues(new Uint8Array(INSTALL_SECRET_BYTES));
    try {
      writeFileSync(path, `${Buffer.from(secret).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      throw new InputError(
        `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`,
      );
    }
    return { secret, note: `new study secret written to ${path}: keep it private, reuse it for this study` };
  }
  const hex = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new InputError(`${path}: not a secret file (64 hex digits)`);
  return { secret: Uint8Array.from(Buffer.from(hex, 'hex')), note: `study secret read from ${path}` };
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
  const { backupPath, outPath, options, secretPath } = readOptions(process.argv.slice(2));
  const backup = readBackup(backupPath);
  const study = options.studyKey === null ? null : readSecret(secretPath);
  const prepared = await prepareExport(backup.tables, options, {
    extensionVersion: packageJson.version,
    now: Date.now(),
    installSecret: study?.secret,
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
  if (study) process.stdout.write(`anonymize: ${study.note}\n`);
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
