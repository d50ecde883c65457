/**
 * Evidence records, one per comment: escalating a comment again updates its record instead of adding a
 * second one. The escalation, the restore of a backup and the upgrade to schema 5 (which merged the
 * records earlier versions had doubled) all merge two records of a comment the same way.
 */
import type { EvidenceRow } from './schema';

/**
 * One record from two of the same comment; `a` is the one kept (its id stays). The later-updated one gives
 * the comment's details; its screenshot too, unless it has none and the other has. The first escalation
 * and the earliest sight are kept. Merging the result with either side again changes nothing.
 */
export function mergeEvidence(a: EvidenceRow, b: EvidenceRow): EvidenceRow {
  const later = b.updatedAt > a.updatedAt ? b : a;
  const other = later === a ? b : a;
  const pictured = later.screenshot !== null ? later : other;
  const sights = [a.firstSeen, b.firstSeen].filter((at): at is number => at !== null);
  const { id: _laterId, ...details } = later;
  // `a` first: its keys keep their order (and its id), so merging again writes back the very same row.
  return {
    ...a,
    ...details,
    at: Math.min(a.at, b.at),
    screenshot: pictured.screenshot,
    screenshotAt: pictured.screenshotAt,
    firstSeen: sights.length > 0 ? Math.min(...sights) : null,
  };
}

/**
 * A record as schemas 1 to 4 kept it, with the fields schema 5 added: it was recorded once (updated then),
 * its screenshot, if any, taken then; `firstSeen` from the comment's row, if it is still logged. Reads any
 * value (a backup's rows are validated after their upgrade).
 */
export function withRecordTimes(row: Record<string, unknown>, firstSeen: unknown): Record<string, unknown> {
  return {
    ...row,
    updatedAt: row.at,
    screenshotAt: row.screenshot === null ? null : row.at,
    firstSeen: firstSeen ?? null,
  };
}
