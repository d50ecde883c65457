import { signal } from '@preact/signals';

/**
 * Bumped when the CM's data changed as a whole (deleted, restored, set up): every view that asked the
 * service worker asks again, the break banner and the storage size included.
 */
export const dataVersion = signal(0);

export function dataChanged(): void {
  dataVersion.value += 1;
}
