/** Local calendar day `YYYY-MM-DD` of an instant, in the given IANA time zone (default: the system's). */
export function localDay(epochMs: number, timeZone?: string): string {
  // en-CA formats dates as YYYY-MM-DD; formatToParts would be longer for the same result.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(epochMs);
}
