/**
 * The shield in the extension's pages: the service worker says which comments are shielded (the CM's
 * levels, and whether the CM already revealed them anywhere); the comments revealed from this page show
 * at once, before its next answer.
 */
import { signal } from '@preact/signals';
import { ask } from './client';

const revealedHere = signal<ReadonlySet<string>>(new Set());

/** True while the comment stays behind the shield here. Reading it re-renders the caller on a reveal. */
export function isShielded(commentKey: string, shielded: boolean): boolean {
  return shielded && !revealedHere.value.has(commentKey);
}

/** The CM chose to read the comment: here now, and everywhere else through the service worker. */
export async function reveal(commentKey: string): Promise<void> {
  revealedHere.value = new Set([...revealedHere.value, commentKey]);
  await ask({ type: 'ui→bg:reveal', commentKey });
}
