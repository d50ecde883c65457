/**
 * Writes export tables as CSV (RFC 4180, header row, CRLF, by papaparse) and as JSON Lines with the same
 * rows. Rows come in chunks so a big history never holds every row's cells at once.
 */
import Papa from 'papaparse';
import type { Cell } from '../shared/messages-export';

const CSV_CONFIG = { newline: '\r\n', quotes: false } as const;

export function csvHeader(names: string[]): string {
  return `${Papa.unparse([names], CSV_CONFIG)}\r\n`;
}

export function csvRows(rows: Cell[][]): string {
  return rows.length ? `${Papa.unparse(rows, CSV_CONFIG)}\r\n` : '';
}

/** One JSON object per line, keys in column order; null where the CSV cell is empty. */
export function jsonLines(names: string[], rows: Cell[][]): string {
  // Keys are encoded once per column, not per row: this is the hot loop of a big export.
  const keys = names.map((name) => `${JSON.stringify(name)}:`);
  return rows
    .map((row) => `{${keys.map((key, i) => key + JSON.stringify(row[i] ?? null)).join(',')}}\n`)
    .join('');
}
