/** Hand-made rows for the dashboard's tests: the shapes the service worker writes, nothing more. */
import type { Label, Platform } from '../../../src/shared/comment';
import { localDay } from '../../../src/shared/day';
import { openDb } from '../../../src/storage/db';
import type { ActivityRow, CommentRow } from '../../../src/storage/schema';

export const PARIS = 'Europe/Paris';

let counter = 0;

export function commentRow(
  firstSeen: number,
  label: Label,
  options: { intensity?: number; platform?: Platform; isOwn?: boolean; timeZone?: string; id?: string } = {},
): CommentRow {
  counter += 1;
  const platform = options.platform ?? 'x';
  const id = options.id ?? `c${counter}`;
  return {
    key: `${platform}:${id}`,
    platform,
    id,
    threadKey: 't1',
    authorHandle: `author${counter}`,
    authorName: `Author ${counter}`,
    text: `comment ${counter}`,
    createdAt: null,
    createdAtPrecision: null,
    permalink: `https://x.com/author/status/${id}`,
    isReply: true,
    isOwn: options.isOwn ?? false,
    label,
    scores: { troll: 0, unhappy_customer: 0, threat: 0, neutral: 0, [label]: 1 },
    intensity: options.intensity ?? 0.5,
    lang: 'fr',
    uncertain: false,
    cues: [],
    version: '2+000000000000',
    firstSeen,
    lastSeen: firstSeen,
    timesSeen: 1,
    lastSessionId: 'session-1',
    day: localDay(firstSeen, options.timeZone ?? PARIS),
  };
}

export function activityRow(
  day: string,
  platform: Platform,
  first: number,
  last: number,
  activeMs: number,
): ActivityRow {
  return { day, platform, first, last, activeMs };
}

/** Epoch ms of a Paris wall-clock time, given its UTC offset in hours (+1 winter, +2 summer). */
export function paris(isoLocal: string, offsetHours: number): number {
  return Date.parse(`${isoLocal}Z`) - offsetHours * 3_600_000;
}

const opened: ReturnType<typeof openDb>[] = [];

export function freshDb() {
  const db = openDb(`dashboard-${Math.random()}`);
  opened.push(db);
  return db;
}

export async function deleteOpenedDbs(): Promise<void> {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
}
