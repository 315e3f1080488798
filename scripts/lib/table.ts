/**
 * A plain-text table for the commands' reports: columns padded to their widest cell and joined
 * by two spaces; the first column is left-aligned and the others right-aligned unless `align`
 * says otherwise; with `rule`, a line of dashes under the first row (the header).
 */
export interface TableOptions {
  /** One of 'left' / 'right' per column (default: the first left, the others right). */
  align?: ReadonlyArray<'left' | 'right'>;
  /** Put before every line (e.g. two spaces under a heading). */
  indent?: string;
  /** A line of dashes under the first row. */
  rule?: boolean;
}

export function formatTable(rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((row) => (row[c] ?? '').length)));
  const alignOf = (c: number) => options.align?.[c] ?? (c === 0 ? 'left' : 'right');
  const line = (cells: readonly string[]) =>
    (options.indent ?? '') +
    widths.map((width, c) => (alignOf(c) === 'left' ? (cells[c] ?? '').padEnd(width) : (cells[c] ?? '').padStart(width))).join('  ').trimEnd();
  const lines = rows.map(line);
  if (options.rule && lines.length > 0) lines.splice(1, 0, (options.indent ?? '') + widths.map((w) => '-'.repeat(w)).join('  '));
  return lines.join('\n');
}
