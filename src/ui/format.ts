/** Formatting for the extension pages: durations, clock times, numbers, and which links are safe to follow. */
import { platformOfUrl } from '../shared/sites';
import { t } from './i18n';

/** "12 min" under an hour, "1 h 05" from one. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('dashDurationMinutes', String(minutes));
  return t('dashDuration', [String(Math.floor(minutes / 60)), String(minutes % 60).padStart(2, '0')]);
}

export function formatClock(epochMs: number): string {
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    hour: '2-digit',
    minute: '2-digit',
  }).format(epochMs);
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
