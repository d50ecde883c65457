/** The backup file between the dashboard and the service worker, in parts (`shared/transfer.ts` says why). */
import { splitParts } from '../shared/transfer';
import { ask, type Reply } from '../ui/client';

/** Raised when the service worker restarted in the middle of a backup: its parts are gone. */
export class TransferInterrupted extends Error {}

/** A fresh backup's text, in the parts it came in (a `Blob` joins them without one huge string). */
export async function fetchBackup(): Promise<{ createdAt: string; parts: string[] }> {
  const { transferId, parts: count, createdAt } = await ask({ type: 'ui→bg:backup' });
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    const part = await ask({ type: 'ui→bg:backup-part', transferId, index });
    if (part === null) throw new TransferInterrupted();
    parts.push(part.text);
  }
  return { createdAt, parts };
}

/** Sends a backup file's text, then restores it (`guarded`: the CM's answer to a change of settings). */
export async function restoreFile(
  fileText: string,
  guarded?: 'apply' | 'keep',
): Promise<Reply<'ui→bg:restore'>> {
  const transferId = crypto.randomUUID();
  const parts = splitParts(fileText);
  for (const [index, text] of parts.entries()) {
    const { ok } = await ask({ type: 'ui→bg:restore-part', transferId, index, parts: parts.length, text });
    if (!ok) return { ok: false, reason: 'interrupted' };
  }
  return ask({ type: 'ui→bg:restore', transferId, ...(guarded ? { guarded } : {}) });
}
