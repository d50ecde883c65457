/**
 * The dashboard's side of a transfer in parts (src/shared/transfer.ts), for the tests and the bench: the same
 * messages whichever browser carries them (`ask` sends one from an extension page and returns the reply).
 */
import type { BgReplies, UiToBg } from '../../src/messages';
import { splitParts } from '../../src/shared/transfer';
import { BACKUP_FORMAT, type BackupTables } from '../../src/storage/backup-format';
import { SCHEMA_VERSION } from '../../src/storage/schema';

export type Ask = <M extends UiToBg>(message: M) => Promise<BgReplies[M['type']]>;

/** A backup file's text of the current schema holding `tables` (checked by the restore, not here). */
export function backupFileText(
  tables: BackupTables | Record<string, unknown[]>,
  extensionVersion = 'test',
): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    extensionVersion,
    createdAt: new Date().toISOString(),
    tables,
  });
}

/** A text the service worker holds (a backup, an export), read part by part. */
export async function readInParts(ask: Ask, transferId: string, parts: number): Promise<string> {
  let text = '';
  for (let index = 0; index < parts; index++) {
    const part = await ask({ type: 'ui→bg:transfer-part', transferId, index });
    if (part === null) throw new Error(`part ${index} of ${parts} is gone`);
    text += part.text;
  }
  return text;
}

/** Sends a backup file's text part by part, then restores it; a refused part fails the caller. */
export async function restoreInParts(ask: Ask, fileText: string): Promise<BgReplies['ui→bg:restore']> {
  const transferId = `test-${Date.now()}`;
  const parts = splitParts(fileText);
  for (const [index, text] of parts.entries()) {
    const { ok } = await ask({ type: 'ui→bg:restore-part', transferId, index, parts: parts.length, text });
    if (!ok) throw new Error(`restore part ${index} of ${parts.length} refused`);
  }
  return ask({ type: 'ui→bg:restore', transferId });
}
