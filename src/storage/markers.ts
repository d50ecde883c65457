/** Small bookkeeping values of the dashboard, kept as rows of the `settings` table beside the settings. */
import type * as v from 'valibot';
import type { DesaffectDb } from './db';
import type { markerSchemas } from './schema';

/** The markers and their values, as `markerSchemas` (schema.ts) validates them in a backup. */
export type Markers = { [Name in keyof typeof markerSchemas]: v.InferOutput<(typeof markerSchemas)[Name]> };

/** Stored as `marker:<name>`, apart from the CM's settings row. */
const rowKey = (name: keyof Markers) => `marker:${name}`;

export async function readMarker<K extends keyof Markers>(
  db: DesaffectDb,
  name: K,
): Promise<Markers[K] | null> {
  return ((await db.settings.get(rowKey(name)))?.value as Markers[K] | undefined) ?? null;
}

export async function writeMarker<K extends keyof Markers>(
  db: DesaffectDb,
  name: K,
  value: Markers[K],
): Promise<void> {
  await db.settings.put({ key: rowKey(name), value });
}
