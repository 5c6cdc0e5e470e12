/*
 * CSV writing shared by every export (inventory, risk register, Statement of Applicability):
 * one quoting rule, one formula-injection rule, so no export can drift from the others.
 */

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, with quotes
 * doubled. A text starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so
 * spreadsheets do not evaluate user-controlled text as a formula.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (without its line break). */
export function csvRow(
  values: ReadonlyArray<string | number | null | undefined>,
): string {
  return values.map(csvField).join(',');
}

/** A whole CSV document: the header, then the records, each ended by CRLF (RFC 4180). */
export function csvDocument(
  header: readonly string[],
  records: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
): string {
  return `${[header, ...records].map(csvRow).join('\r\n')}\r\n`;
}
