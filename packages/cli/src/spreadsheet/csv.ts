import { stringify } from 'csv-stringify/sync';
import type { Sheet } from '@crr/core';

/**
 * One sheet as CSV: RFC 4180 (every field that holds a comma, a quote or a line break quoted,
 * quotes doubled), CRLF between records, UTF-8 with a byte-order mark so that Excel reads it
 * as UTF-8. A list cell keeps its line breaks (LF) inside its quotes.
 */
export function csvBytes(sheet: Sheet): Buffer {
  const text = stringify([sheet.columns.map((c) => c.header), ...sheet.rows.map((row) => row.map((v) => (v === undefined ? '' : String(v))))], {
    record_delimiter: '\r\n',
    // A line break of either kind, and white space at either end (which some readers trim), is quoted too.
    quoted_match: [/[\r\n]/, /^\s|\s$/],
    eof: true,
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
