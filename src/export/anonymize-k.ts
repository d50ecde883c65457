/**
 * k-anonymity of row-level times. A row tells when something happened together with what it was
 * (platform, label…). A rare combination — one threat on Facebook that day — can be matched with the
 * public page and point at its author, so no published combination of time and kind may be shared by
 * the rows of fewer than k people:
 *
 * each row is published at the finest precision of the ladder (the UTC hour when the CM chose hours, the
 * day, the ISO week, the calendar month) at which rows of at least k commenters, of its kind, share its
 * period, counting only the rows published at that same precision (so the rows left for a coarser period
 * are never "the rest of a day" that could be subtracted). People, not rows: five comments of one
 * commenter in an hour would point at that commenter as surely as one. Rows still too few at the month
 * are suppressed (or, for the CM's own check-ins, published without any time).
 */

/**
 * The fewest people (commenters, each row about none counting as one) whose rows may share a published
 * time and kind, and the smallest aggregate count.
 */
export const MIN_CELL_SIZE = 5;

export const PRECISIONS = ['hour', 'day', 'week', 'month'] as const;
export type Precision = (typeof PRECISIONS)[number];
/** Index into PRECISIONS; NO_TIME: published without any time; SUPPRESSED: left out of the export. */
export type Level = number;
export const HOUR = 0;
export const DAY = 1;
export const WEEK = 2;
export const MONTH = 3;
export const NO_TIME = 4;
export const SUPPRESSED = -1;

/** A row's kind and time, as numbers: what generalise() groups on. */
export interface Placement {
  /** Rows of the same kind (e.g. x × threat × not own) share this number. */
  kind: number;
  /** Days since the epoch of its local day; of the Monday of that week; of the first of that month. */
  day: number;
  week: number;
  month: number;
  /** Hours since the epoch (UTC), for the hour precision. */
  hour: number;
  /** The finest level the row may take (its granularity, or its comment's level); above MONTH: never. */
  finest: Level;
  /**
   * The commenter the row is about: rows of one commenter share this number, and count once in a group.
   * NO_COMMENTER for rows about none (the CM's own comments and check-ins): each counts on its own.
   */
  commenter: number;
}

export const NO_COMMENTER = -1;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

interface DayInfo {
  day: number;
  week: number;
  month: number;
}
const dayInfos = new Map<string, DayInfo | null>();

/** Day numbers of a `YYYY-MM-DD` day, or null when it is no such day. */
function dayInfo(day: unknown): DayInfo | null {
  if (typeof day !== 'string') return null;
  let info = dayInfos.get(day);
  if (info === undefined) {
    const date = DAY_PATTERN.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
    if (Number.isNaN(date)) {
      info = null;
    } else {
      const dayNumber = Math.floor(date / DAY_MS);
      // 1970-01-01 was a Thursday: the Monday-based weekday is (days + 3) mod 7.
      const weekday = (((dayNumber + 3) % 7) + 7) % 7;
      const month = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, 1) / DAY_MS;
      info = { day: dayNumber, week: dayNumber - weekday, month };
    }
    // Days of an export are few; an edited backup cannot grow this without bound.
    if (dayInfos.size < 100_000) dayInfos.set(day, info);
  }
  return info;
}

/** A row's placement; an invalid day (edited backup) can never be published: it is suppressed. */
export function place(
  kind: number,
  day: unknown,
  epochMs: number,
  finest: Level,
  commenter = NO_COMMENTER,
): Placement {
  const info = dayInfo(day);
  if (info === null) return { kind, day: 0, week: 0, month: 0, hour: 0, finest: MONTH + 1, commenter };
  return {
    kind,
    commenter,
    day: info.day,
    week: info.week,
    month: info.month,
    // Without a valid time, no hour: the day at best.
    hour: Number.isFinite(epochMs) ? Math.floor(epochMs / 3_600_000) : -1,
    finest: Number.isFinite(epochMs) ? finest : Math.max(finest, DAY),
  };
}

const dayStrings = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
function dayString(dayNumber: number): string {
  let text = dayStrings.get(dayNumber);
  if (text === undefined) {
    text = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    dayStrings.set(dayNumber, text);
  }
  return text;
}

/** Day number of the first day of the period a row is published in; NaN when it has no time. */
export function periodStartDay(placement: Placement, level: Level): number {
  if (level === HOUR || level === DAY) return placement.day;
  if (level === WEEK) return placement.week;
  if (level === MONTH) return placement.month;
  return Number.NaN;
}

/** First day of the period `day` is published in, `YYYY-MM-DD`; null when it has no time. */
export function periodStart(day: unknown, level: Level): string | null {
  if (level < HOUR || level > MONTH) return null;
  const info = dayInfo(day);
  if (info === null) return null;
  return level <= DAY ? (day as string) : dayString(level === WEEK ? info.week : info.month);
}

/** A number per period; each level groups apart, so periods of different levels never meet. */
function bucket(placement: Placement, level: Level): number {
  // A UTC hour can straddle two local days (half-hour time zones): they are apart, like their `day`.
  if (level === HOUR) return placement.hour * 2 + (placement.day & 1);
  return level === DAY ? placement.day : level === WEEK ? placement.week : placement.month;
}

/** Period numbers stay under 2^24 (twice the hours until the year 2900); kinds are numbered above them. */
const PERIODS = 2 ** 24;

/** How many people a group of rows is about: each commenter once, each row about no commenter apart. */
function people(placements: readonly Placement[], group: readonly number[]): number {
  const commenters = new Set<number>();
  let others = 0;
  for (const i of group) {
    const { commenter } = placements[i] as Placement;
    if (commenter === NO_COMMENTER) others++;
    else commenters.add(commenter);
  }
  return commenters.size + others;
}

/**
 * The level of every row: the finest from `placement.finest` up to the month at which its kind and period
 * hold rows of at least k people at that level; `fallback` (SUPPRESSED or NO_TIME) for the rest.
 */
export function generalise(
  placements: readonly Placement[],
  fallback: typeof SUPPRESSED | typeof NO_TIME,
  k = MIN_CELL_SIZE,
): Int8Array {
  const levels = new Int8Array(placements.length).fill(fallback);
  let pending: number[] = [];
  for (let i = 0; i < placements.length; i++) {
    if ((placements[i] as Placement).finest <= MONTH) pending.push(i);
  }
  for (let level = HOUR; level <= MONTH && pending.length > 0; level++) {
    const groups = new Map<number, number[]>();
    const waiting: number[] = [];
    for (const i of pending) {
      const placement = placements[i] as Placement;
      if (placement.finest > level) {
        waiting.push(i);
        continue;
      }
      const key = placement.kind * PERIODS + bucket(placement, level);
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    }
    for (const group of groups.values()) {
      if (group.length >= k && people(placements, group) >= k) for (const i of group) levels[i] = level;
      else for (const i of group) waiting.push(i);
    }
    pending = waiting;
  }
  return levels;
}
