/** Packs export files into a zip (service worker and CLI only: fflate stays out of the pages). */
import { strToU8, zipSync } from 'fflate';

/** Files at the root of the zip; strings are written as UTF-8. */
export function zipExport(files: Record<string, Uint8Array | string>): Uint8Array {
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, content]) => [
      name,
      typeof content === 'string' ? strToU8(content) : content,
    ]),
  );
  // Level 2 deflates as fast as level 1 here and 8 % smaller; level 6 costs 40 % more time for 8 % less.
  return zipSync(entries, { level: 2 });
}
