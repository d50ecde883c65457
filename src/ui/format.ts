/** Formatting for the extension pages: durations, clock and posting times, numbers, and which links are safe to follow. */
import type { TimePrecision } from '../shared/comment';
import { platformOfUrl } from '../shared/sites';
import { t } from './i18n';

/** "12 min" under an hour, "1 h 05" from one. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('dashDurationMinutes', String(minutes));
  return t('dashDuration', [String(Math.floor(minutes / 60)), String(minutes % 60).padStart(2, '0')]);
}

export function formatClock(epochMs: number): string {
  // 'numeric': "7:05 AM" in English; French still writes "07:05".
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    hour: 'numeric',
    minute: '2-digit',
  }).format(epochMs);
}

/** What each precision of a comment's time lets us say of it, and whether that is only roughly so. */
const POSTED_AT: Record<TimePrecision, { format: Intl.DateTimeFormatOptions; approximate?: true }> = {
  second: { format: { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' } },
  minute: { format: { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' } },
  hour: { format: { day: 'numeric', month: 'short', hour: 'numeric' }, approximate: true },
  day: { format: { day: 'numeric', month: 'short' } },
  week: { format: { day: 'numeric', month: 'short' }, approximate: true },
  month: { format: { month: 'long', year: 'numeric' } },
  year: { format: { year: 'numeric' } },
};

/** The date format that says a time no more precisely than `precision`, and whether it is only roughly so. */
export function postedAtFormat(precision: TimePrecision): {
  format: Intl.DateTimeFormatOptions;
  approximate: boolean;
} {
  const { format, approximate } = POSTED_AT[precision];
  return { format, approximate: approximate === true };
}

/**
 * When a comment was written, no more precisely than known: "12 Mar, 14:05" from X's own time, "about
 * 12 Mar, 2 PM" from Facebook's "3 h", "12 Mar" from its "1 d".
 */
export function formatPostedAt(createdAt: string, precision: TimePrecision): string {
  const { format, approximate } = POSTED_AT[precision];
  const shown = new Intl.DateTimeFormat(document.documentElement.lang || undefined, format).format(
    Date.parse(createdAt),
  );
  return approximate ? t('timeApprox', shown) : shown;
}

export function formatDay(day: string, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    timeZone: 'UTC',
    weekday: style === 'long' ? 'long' : undefined,
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
  }).format(Date.parse(`${day}T00:00:00Z`));
}

export function formatNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(document.documentElement.lang || undefined, {
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** "a, b and c" in the page's language. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(document.documentElement.lang || undefined, { type: 'conjunction' }).format(
    items,
  );
}

/** A date and time, in the page's language. */
export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(epochMs);
}

/** A comment's permalink, only if it is an https link to a supported site: rows may come from a backup file. */
export function safePermalink(url: string | null): string | null {
  return url && platformOfUrl(url) ? url : null;
}

/** An evidence screenshot, only if it is a PNG or JPEG data URL. */
export function safeScreenshot(dataUrl: string | null): string | null {
  return dataUrl && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(dataUrl) ? dataUrl : null;
}
