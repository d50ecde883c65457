/**
 * Writes export tables as CSV (RFC 4180, header row, CRLF, by papaparse) and as JSON Lines with the same
 * rows. Rows come in chunks so a big history never holds every row's cells at once.
 *
 * Spreadsheet formula guard (CSV only): a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return (or their full-width forms), possibly after apostrophes, is written with one more leading
 * apostrophe `'`, quoted, so Excel, LibreOffice and Google Sheets show it as text instead of running it.
 * Only free text (comment text, notes) can start so: every other string column is a closed vocabulary,
 * a date or a band, and numbers are never touched. JSON Lines keep the exact value; the codebook
 * says how to undo the guard (`unescapeFormula`).
 */
import Papa from 'papaparse';
import type { Cell } from './messages';

/** Cells that a spreadsheet would read as a formula, or whose leading apostrophe would otherwise be ambiguous. */
export const FORMULA_START = /^'*[=+\-@\t\r＝＋－＠]/;

const CSV_CONFIG = { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START } as const;

export function csvHeader(names: string[]): string {
  return `${Papa.unparse([names], CSV_CONFIG)}\r\n`;
}

export function csvRows(rows: Cell[][]): string {
  return rows.length ? `${Papa.unparse(rows, CSV_CONFIG)}\r\n` : '';
}

/** The value a guarded CSV text cell stood for (what the JSON Lines twin holds). */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Distinct values whose `"key":value` piece is kept per column (dates, labels, bands, rounded scores…). */
const MAX_PIECES = 20_000;

/**
 * JSON Lines of one table, chunk after chunk: one JSON object per line, keys in column order, null where
 * the CSV cell is empty. The `"key":value` piece of a value seen before is reused (most columns repeat a
 * few values); free-text columns are encoded every time.
 */
export function jsonLinesWriter(
  names: string[],
  freeText: readonly boolean[] = [],
): (rows: Cell[][]) => string {
  const keys = names.map((name) => `${JSON.stringify(name)}:`);
  const pieces = names.map(() => new Map<Cell, string>());
  const piece = (i: number, cell: Cell): string => {
    if (freeText[i]) return (keys[i] as string) + JSON.stringify(cell);
    const known = pieces[i] as Map<Cell, string>;
    let text = known.get(cell);
    if (text === undefined) {
      text = (keys[i] as string) + JSON.stringify(cell);
      if (known.size < MAX_PIECES) known.set(cell, text);
    }
    return text;
  };
  return (rows) =>
    rows.map((row) => `{${keys.map((_, i) => piece(i, row[i] ?? null)).join(',')}}\n`).join('');
}
