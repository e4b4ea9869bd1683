import { parse } from 'csv-parse/sync';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, type GridCell, type SheetGrid } from '@crr/core';

export type CsvRead = { rows: SheetGrid['rows']; tooLarge?: { rows: number; columns: number } } | { problem: string; line?: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A CSV file (RFC 4180, UTF-8, with or without a byte-order mark, `\n` or `\r\n` line ends) as
 * rows of text cells. Binary data (a NUL byte, bytes that are not UTF-8) is refused before
 * parsing: it is not a CSV file, whatever its name. Never throws.
 */
export function readCsv(bytes: Uint8Array): CsvRead {
  if (bytes.includes(0)) return { problem: 'it holds binary data (NUL bytes), so it is not a CSV file' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problem: 'it is not UTF-8 text; save it from the spreadsheet program as "CSV UTF-8"' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 1_000_000,
      to_line: MAX_SHEET_ROWS + 1,
    }) as string[][];
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { problem: `it is not a well-formed CSV file (${err.message.replace(/^Invalid Record Length: |^Quote Not Closed: /, '')})`, ...(err.lines ? { line: err.lines } : {}) };
  }
  const columns = records.reduce((m, r) => Math.max(m, r.length), 0);
  if (records.length > MAX_SHEET_ROWS || columns > MAX_SHEET_COLUMNS) return { rows: [], tooLarge: { rows: records.length, columns } };
  return {
    rows: records.map((r) => r.map((t): GridCell | undefined => (t === '' ? undefined : { text: t.replace(/\r\n?/g, '\n') }))),
  };
}
