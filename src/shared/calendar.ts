/**
 * Calendar arithmetic on local days (`YYYY-MM-DD`) and local hours, in an explicit IANA time zone.
 * Days are plain calendar dates, so adding days never meets a daylight-saving gap; hours come from the
 * instant itself, so a 23- or 25-hour day simply has one hour bucket empty or fed twice.
 */

const MS_PER_DAY = 86_400_000;
/** Every time zone in use changes offset on a quarter-hour boundary: one cached answer per quarter. */
const QUARTER_HOUR_MS = 900_000;
const MAX_CACHED_QUARTERS = 50_000;

function dayToUtcMs(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
}

function utcMsToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar day `count` days after (or before, if negative) `day`. */
export function addDays(day: string, count: number): string {
  return utcMsToDay(dayToUtcMs(day) + count * MS_PER_DAY);
}

/** Every day from `from` to `to`, both included, in order. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = dayToUtcMs(from); ms <= dayToUtcMs(to); ms += MS_PER_DAY) days.push(utcMsToDay(ms));
  return days;
}

/** 0 = Monday … 6 = Sunday (the week as the CM lives it, not as Date.getDay counts it). */
export function weekdayOf(day: string): number {
  return (new Date(dayToUtcMs(day)).getUTCDay() + 6) % 7;
}

/** The Monday-to-Sunday week and the calendar month that contain `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const from = addDays(day, -weekdayOf(day));
  return { from, to: addDays(from, 6) };
}

export function monthOf(day: string): { from: string; to: string } {
  const from = `${day.slice(0, 7)}-01`;
  const nextMonth = new Date(dayToUtcMs(from));
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  return { from, to: utcMsToDay(nextMonth.getTime() - MS_PER_DAY) };
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();
const hourByQuarter = new Map<string, number>();

/** Local hour (0–23) of an instant. Cached per quarter hour: aggregating 90,000 rows stays cheap. */
export function localHour(epochMs: number, timeZone?: string): number {
  const zone = timeZone ?? '';
  const cacheKey = `${zone}|${Math.floor(epochMs / QUARTER_HOUR_MS)}`;
  const cached = hourByQuarter.get(cacheKey);
  if (cached !== undefined) return cached;
  let formatter = hourFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormatters.set(zone, formatter);
  }
  const hour = Number(formatter.format(epochMs)) % 24;
  if (hourByQuarter.size > MAX_CACHED_QUARTERS) hourByQuarter.clear();
  hourByQuarter.set(cacheKey, hour);
  return hour;
}

/** The median of a list (mean of the middle two for an even length), null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
