/**
 * Files between the dashboard and the service worker, in parts (`shared/transfer.ts` says why): a backup
 * both ways, a research export from it.
 */
import { splitParts } from '../shared/transfer';
import { ask, type Reply } from '../ui/client';

/** Raised when the service worker restarted in the middle of a transfer: the parts it held are gone. */
export class TransferInterrupted extends Error {}

/** The `count` parts of a text the service worker holds under `transferId`. */
export async function readParts(transferId: string, count: number): Promise<string[]> {
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    const part = await ask({ type: 'ui→bg:transfer-part', transferId, index });
    if (part === null) throw new TransferInterrupted();
    parts.push(part.text);
  }
  return parts;
}

/** A fresh backup's text, in the parts it came in (a `Blob` joins them without one huge string). */
export async function fetchBackup(): Promise<{ createdAt: string; parts: string[] }> {
  const { transferId, parts, createdAt } = await ask({ type: 'ui→bg:backup' });
  return { createdAt, parts: await readParts(transferId, parts) };
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
