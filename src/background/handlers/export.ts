import type { Table } from 'dexie';
import { version as extensionVersion } from '../../../package.json';
import { buildExport } from '../../export/anonymize';
import { randomPseudonymKey } from '../../export/anonymize-hmac';
import { bytesToBase64 } from '../../export/base64';
import { zipExport } from '../../export/zip';
import { localDay } from '../../shared/day';
import type { UiHandlers } from '../../shared/messages';
import type { ExportOptions } from '../../shared/messages-export';
import type { BackupTables } from '../../storage/backup-format';
import type { DesaffectDb } from '../../storage/db';
import type { HandlerContext } from './context';

/** Pseudonym keys of open export drafts, in memory only; the oldest goes when a new one would exceed this. */
const MAX_DRAFTS = 8;

/** Rows of the tables filtered by date range through the `day` index. */
function dayRange<Row, Key, Insert>(table: Table<Row, Key, Insert>, options: ExportOptions): Promise<Row[]> {
  return table
    .where('day')
    .between(options.from ?? '', options.to ?? '\uffff', true, true)
    .toArray();
}

async function readTables(db: DesaffectDb, options: ExportOptions): Promise<BackupTables> {
  const [comments, actions, activity, checkins, evidence, settings] = await Promise.all([
    // Every comment, not just the range: redaction needs every name in the history (buildExport filters).
    db.comments.toArray(),
    dayRange(db.actions, options),
    dayRange(db.activity, options),
    dayRange(db.checkins, options),
    // Evidence only lends its names to the redactor; text and screenshots are dropped at once.
    db.evidence.toArray((rows) => rows.map((row) => ({ ...row, text: '', screenshot: null }))),
    db.settings.toArray(),
  ]);
  return { comments, actions, activity, checkins, evidence, settings };
}

/** Takes only what it uses from the context, so tests need no more than a database and a clock. */
export function exportHandlers({
  db,
  now,
}: Pick<HandlerContext, 'db' | 'now'>): UiHandlers<'ui→bg:export-preview' | 'ui→bg:export-zip'> {
  // One key per dashboard draft, so the preview shows the very pseudonyms the zip will hold.
  const draftKeys = new Map<string, Uint8Array>();
  function keyOf(draftId: string): Uint8Array {
    let key = draftKeys.get(draftId);
    if (!key) {
      key = randomPseudonymKey();
      draftKeys.set(draftId, key);
      const oldest = draftKeys.keys().next().value;
      if (draftKeys.size > MAX_DRAFTS && oldest !== undefined) draftKeys.delete(oldest);
    }
    return key;
  }

  async function build(draftId: string, options: ExportOptions) {
    return buildExport(await readTables(db, options), options, {
      extensionVersion,
      now: now(),
      pseudonymKey: keyOf(draftId),
    });
  }

  return {
    async 'ui→bg:export-preview'({ draftId, options }) {
      return (await build(draftId, options)).preview;
    },
    async 'ui→bg:export-zip'({ draftId, options }) {
      const zip = zipExport((await build(draftId, options)).files);
      return {
        fileName: `desaffect-research-export-${localDay(now())}.zip`,
        zipBase64: bytesToBase64(zip),
        bytes: zip.length,
      };
    },
  };
}
