import type { Table } from 'dexie';
import { version as extensionVersion } from '../../../package.json';
import {
  type PreparedExport,
  prepareExport,
  previewOf,
  previewPage,
  writeExportZip,
} from '../../export/anonymize';
import { base64ToBytes, bytesToBase64 } from '../../export/base64';
import type { ExportOptions } from '../../export/messages';
import type { UiHandlers } from '../../messages';
import { localDay } from '../../shared/day';
import type { Transfers } from '../../shared/transfer';
import type { BackupTables } from '../../storage/backup-format';
import type { HandlerContext } from '../../storage/context';
import type { DesaffectDb } from '../../storage/db';

/** Prepared exports kept between preview, pages and download (the newest drafts only: they hold rows). */
const MAX_CACHED = 2;

export interface ExportHandlerDeps extends Pick<HandlerContext, 'db' | 'now'> {
  /** Where the zip waits for the dashboard to read it in parts. */
  transfers: Transfers;
}

/** Rows of the tables filtered by date range through the `day` index, and recorded by the snapshot. */
async function dayRange<Row extends { day: string }, Key, Insert>(
  table: Table<Row, Key, Insert>,
  options: ExportOptions,
): Promise<Row[]> {
  return table
    .where('day')
    .between(options.from ?? '', options.to ?? '\uffff', true, true)
    .toArray();
}

async function readTables(db: DesaffectDb, options: ExportOptions, asOf: number): Promise<BackupTables> {
  const [comments, actions, activity, checkins, evidence, settings, corrections] = await Promise.all([
    // Every comment up to the snapshot, not just the range: redaction needs every name in the history.
    db.comments.where('firstSeen').belowOrEqual(asOf).toArray(),
    dayRange(db.actions, options),
    dayRange(db.activity, options),
    dayRange(db.checkins, options),
    // Evidence only lends its names to the redactor; text and screenshots are dropped at once.
    db.evidence.toArray((rows) => rows.map((row) => ({ ...row, text: '', screenshot: null }))),
    db.settings.toArray(),
    db.corrections.where('at').belowOrEqual(asOf).toArray(),
  ]);
  return { comments, actions, activity, checkins, evidence, settings, corrections };
}

/** Rows recorded by the snapshot (the pure export bounds them too; the counts below need the same rows). */
function upToSnapshot(tables: BackupTables, asOf: number): BackupTables {
  return {
    ...tables,
    actions: tables.actions.filter((row) => row.at <= asOf),
    activity: tables.activity.filter((row) => row.first <= asOf),
    checkins: tables.checkins.filter((row) => row.at <= asOf),
    evidence: tables.evidence.filter((row) => row.at <= asOf),
  };
}

interface Draft {
  draftId: string;
  exportKey: string;
  asOf: number | null;
  options: ExportOptions;
}

/** Rows of each table an export was made from: a deletion since (purge, "delete everything") changes them. */
type SourceCounts = [comments: number, actions: number, activity: number, checkins: number, evidence: number];

const countsOf = (tables: BackupTables): SourceCounts => [
  tables.comments.length,
  tables.actions.length,
  tables.activity.length,
  tables.checkins.length,
  tables.evidence.length,
];

/** The same counts, from the indexes where there is one: cheap enough to check before every download. */
async function countSource(db: DesaffectDb, options: ExportOptions, asOf: number): Promise<SourceCounts> {
  const inRange = (row: { day: string }) =>
    (options.from === null || row.day >= options.from) && (options.to === null || row.day <= options.to);
  const [comments, actions, activity, checkins, evidence] = await Promise.all([
    db.comments.where('firstSeen').belowOrEqual(asOf).count(),
    db.actions.where('at').belowOrEqual(asOf).filter(inRange).count(),
    db.activity.filter((row) => row.first <= asOf && inRange(row)).count(),
    db.checkins.where('at').belowOrEqual(asOf).filter(inRange).count(),
    db.evidence.where('at').belowOrEqual(asOf).count(),
  ]);
  return [comments, actions, activity, checkins, evidence];
}

interface Cached {
  prepared: PreparedExport;
  counts: SourceCounts;
  asOf: number;
}

/**
 * Takes only what it uses from the context, so tests need no more than a database, a clock and a store of
 * transfers.
 */
export function exportHandlers({
  db,
  now,
  transfers,
}: ExportHandlerDeps): UiHandlers<'ui→bg:export-preview' | 'ui→bg:export-page' | 'ui→bg:export-zip'> {
  // Keyed by everything the export depends on; a service-worker restart only costs a rebuild.
  const cache = new Map<string, Cached>();
  const keyOf = (draft: Draft, asOf: number) =>
    JSON.stringify([draft.draftId, draft.exportKey, asOf, draft.options]);

  async function prepare(draft: Draft): Promise<Cached> {
    const asOf = draft.asOf ?? now();
    const cacheKey = keyOf(draft, asOf);
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    const tables = upToSnapshot(await readTables(db, draft.options, asOf), asOf);
    const prepared = await prepareExport(tables, draft.options, {
      extensionVersion,
      now: now(),
      asOf,
      exportKey: base64ToBytes(draft.exportKey),
      source: {
        kind: 'extension-database',
        // Rows do not record the version that wrote or classified them.
        extensionVersion: null,
        classifierVersion: null,
        schemaVersion: db.verno,
      },
    });
    const entry = { prepared, counts: countsOf(tables), asOf };
    cache.set(cacheKey, entry);
    for (const old of cache.keys()) if (cache.size > MAX_CACHED) cache.delete(old);
    return entry;
  }

  return {
    async 'ui→bg:export-preview'(message) {
      return previewOf((await prepare(message)).prepared);
    },
    async 'ui→bg:export-page'(message) {
      return previewPage((await prepare(message)).prepared, message.table, message.offset);
    },
    async 'ui→bg:export-zip'(message) {
      let entry = await prepare(message);
      // The previewed rows, kept here, unless some were deleted since: then a rebuild, which will differ.
      const counts = await countSource(db, message.options, entry.asOf);
      if (counts.some((count, i) => count !== entry.counts[i])) {
        cache.delete(keyOf(message, entry.asOf));
        entry = await prepare(message);
      }
      if (entry.prepared.fingerprint() !== message.fingerprint) return { ok: false, reason: 'changed' };
      const zip = await writeExportZip(entry.prepared);
      const transferId = crypto.randomUUID();
      return {
        ok: true,
        fileName: `desaffect-research-export-${localDay(now())}.zip`,
        bytes: zip.length,
        transferId,
        parts: transfers.hold(transferId, bytesToBase64(zip)),
      };
    },
  };
}
