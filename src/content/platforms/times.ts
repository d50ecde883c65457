/**
 * The times a page writes for people, in French and English ("3 h", "a day ago", "il y a 2 heures",
 * "2 sem.", "À l’instant", "12 mars à 15:04", "March 12 at 3:04 PM"), turned into an estimated instant and
 * how precise it is. Facebook shows no machine-readable time on comments any more: this is all there is.
 * Relative times count back from `now`; dates and clock times are the CM's local ones, as the page shows them.
 */
import type { TimePrecision } from '../../shared/comment';

export interface EstimatedTime {
  /** ISO 8601. */
  createdAt: string;
  precision: TimePrecision;
}

/** Characters Facebook slips between the letters of its times to foil scrapers; they mean nothing. */
const INVISIBLE = /\u034F|[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Units by the words both languages use for them, full or abbreviated, with their length in ms. */
const UNITS: readonly { words: RegExp; precision: TimePrecision; ms: number }[] = [
  { words: /^(?:s|secs?|seconds?|secondes?)$/, precision: 'second', ms: 1_000 },
  { words: /^(?:m|mins?|minutes?)$/, precision: 'minute', ms: MINUTE },
  { words: /^(?:h|hrs?|hours?|heures?)$/, precision: 'hour', ms: HOUR },
  { words: /^(?:d|j|days?|jours?)$/, precision: 'day', ms: DAY },
  { words: /^(?:w|wks?|weeks?|sem\.?|semaines?)$/, precision: 'week', ms: 7 * DAY },
  { words: /^(?:mo|mos|months?|mois)$/, precision: 'month', ms: 30 * DAY },
  { words: /^(?:y|yrs?|years?|ans?|années?)$/, precision: 'year', ms: 365 * DAY },
];

// biome-ignore format: a table reads better one month a line
const MONTHS: Readonly<Record<string, number>> = {
  january: 0, jan: 0, janvier: 0, janv: 0,
  february: 1, feb: 1, février: 1, fevrier: 1, févr: 1, fevr: 1,
  march: 2, mar: 2, mars: 2,
  april: 3, apr: 3, avril: 3, avr: 3,
  may: 4, mai: 4,
  june: 5, jun: 5, juin: 5,
  july: 6, jul: 6, juillet: 6, juil: 6,
  august: 7, aug: 7, août: 7, aout: 7,
  september: 8, sep: 8, sept: 8, septembre: 8,
  october: 9, oct: 9, octobre: 9,
  november: 10, nov: 10, novembre: 10,
  december: 11, dec: 11, décembre: 11, decembre: 11, déc: 11,
};

// biome-ignore format: a table reads better one day a line
const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, dimanche: 0,
  monday: 1, lundi: 1,
  tuesday: 2, mardi: 2,
  wednesday: 3, mercredi: 3,
  thursday: 4, jeudi: 4,
  friday: 5, vendredi: 5,
  saturday: 6, samedi: 6,
};

const JUST_NOW = /^(?:just now|now|à l'instant|a l'instant|maintenant)$/;
const AMOUNT = /^(?:(?:il y a|about|environ)\s+)?(\d+|an?|one|une?)\s*([a-zéû.]+)(?:\s+ago)?$/;
/** "3:04 pm", "15:04", "15 h 04". */
const CLOCK = String.raw`(\d{1,2})(?::|\s?h\s?)(\d{2})(?:\s*([ap])\.?m\.?)?`;
const AT = String.raw`(?:,?\s+(?:at|à)\s+${CLOCK})?`;
const YESTERDAY = new RegExp(`^(yesterday|hier)${AT}$`);
const WEEKDAY = new RegExp(`^([a-z]+)${AT}$`);
/** "march 12", "march 12, 2025", "on march 12 at 3:04 pm". */
const MONTH_DAY = new RegExp(String.raw`^(?:on\s+)?([a-zéû]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?${AT}$`);
/** "12 mars", "le 1er septembre 2025 à 15:04", "1 september at 10:00". */
const DAY_MONTH = new RegExp(String.raw`^(?:le\s+)?(\d{1,2})(?:er)?\s+([a-zéû]+)\.?(?:\s+(\d{4}))?${AT}$`);

/** What `text` says of when a comment was written, read at `now`; null when it is not a time. */
export function estimateTime(text: string, now: number): EstimatedTime | null {
  const said = normalise(text);
  if (said === '') return null;
  if (JUST_NOW.test(said)) return estimate(now, 'minute');
  const amount = AMOUNT.exec(said);
  const unit = amount && UNITS.find((candidate) => candidate.words.test(amount[2] as string));
  if (amount && unit) {
    const count = /^\d+$/.test(amount[1] as string) ? Number(amount[1]) : 1;
    return estimate(now - count * unit.ms, unit.precision);
  }
  const yesterday = YESTERDAY.exec(said);
  if (yesterday) return onDay(new Date(now - DAY), yesterday.slice(2));
  const weekday = WEEKDAY.exec(said);
  if (weekday && (weekday[1] as string) in WEEKDAYS) {
    const back = (new Date(now).getDay() - (WEEKDAYS[weekday[1] as string] as number) + 7) % 7 || 7;
    return onDay(new Date(now - back * DAY), weekday.slice(2));
  }
  const monthDay = MONTH_DAY.exec(said);
  if (monthDay) return onDate(now, monthDay[1], monthDay[2], monthDay[3], monthDay.slice(4));
  const dayMonth = DAY_MONTH.exec(said);
  if (dayMonth) return onDate(now, dayMonth[2], dayMonth[1], dayMonth[3], dayMonth.slice(4));
  return null;
}

/**
 * A sentence such as Facebook's labels ("Comment by Sinta Dewi 3 minutes ago", "Réponse de Léa au
 * commentaire de Paul il y a 2 heures") cut before the time it ends with: the longest run of final words
 * that is a time. `before` keeps the sentence's own spelling; `time` is null when it ends with none.
 */
export function splitTimeAtEnd(
  sentence: string,
  now: number,
): { before: string; time: EstimatedTime | null } {
  const words = sentence.replace(INVISIBLE, '').trim().split(/\s+/);
  for (let count = Math.min(7, words.length); count >= 1; count--) {
    const time = estimateTime(words.slice(-count).join(' '), now);
    if (time) return { before: words.slice(0, -count).join(' '), time };
  }
  return { before: words.join(' '), time: null };
}

function normalise(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/[\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function estimate(at: number, precision: TimePrecision): EstimatedTime {
  return { createdAt: new Date(at).toISOString(), precision };
}

/** A local calendar day, at the clock time given if any: minute precision with a time, day without. */
function onDay(day: Date, clock: (string | undefined)[]): EstimatedTime | null {
  const [hours, minutes, meridiem] = clock;
  if (hours === undefined || minutes === undefined) {
    return estimate(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 12).getTime(), 'day');
  }
  let hour = Number(hours);
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  if (hour > 23 || Number(minutes) > 59) return null;
  const at = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, Number(minutes));
  return estimate(at.getTime(), 'minute');
}

/** A date without a year is the latest one not in the future. */
function onDate(
  now: number,
  monthName: string | undefined,
  dayOfMonth: string | undefined,
  year: string | undefined,
  clock: (string | undefined)[],
): EstimatedTime | null {
  const month = MONTHS[(monthName ?? '').replace(/\.$/, '')];
  const day = Number(dayOfMonth);
  if (month === undefined || day < 1 || day > 31) return null;
  const today = new Date(now);
  let date = new Date(year ? Number(year) : today.getFullYear(), month, day);
  if (!year && date.getTime() > now) date = new Date(today.getFullYear() - 1, month, day);
  if (date.getMonth() !== month) return null; // 31 April
  return onDay(date, clock);
}
