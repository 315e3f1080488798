/**
 * CSV as spreadsheets read it (RFC 4180: comma-separated, CRLF line ends, fields with a comma,
 * quote or line break quoted and their quotes doubled), with text that a spreadsheet would run
 * as a formula made inert (OWASP "CSV Injection"): a text cell starting with = + - @, a tab or a
 * carriage return gets a leading apostrophe and is quoted. Numbers are written as numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: empty for null and undefined. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = String(value);
  const formula = FORMULA_START.test(text);
  if (formula) text = `'${text}`;
  return formula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, each line ended by CRLF. */
export function toCsv<K extends string>(columns: readonly K[], rows: readonly Partial<Record<K, unknown>>[]): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
