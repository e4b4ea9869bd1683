/**
 * RFC 4180 CSV, the one reader of the NHS organisation files (the importer and the national
 * test generator share it). Quoted fields may hold commas, doubled quotes and line breaks; every
 * row keeps the line it starts on, so a diagnostic can say `file:line`. Slices, not
 * character-by-character concatenation: the national files are 16,000 rows.
 *
 * Tolerant where the published files are untidy, and says so: a quote inside an unquoted field,
 * or text after a closing quote, is kept as written and reported as a `stray-quote`; a quote never
 * closed is reported as `unclosed-quote` (the rest of the file is then one value).
 */

export interface CsvRow {
  /** 1-based line the row starts on. */
  line: number;
  /** The fields, at most `CSV_LIMITS.fields` of them. */
  fields: string[];
  /** How many fields the row has, when more than were kept. */
  width?: number;
}

/**
 * Bounds on what is kept of a hostile file (64 MiB of `a\n` would otherwise be 32 million row
 * objects, of `,` one row of 64 million fields): the published files have 16,500 rows at most
 * (a list-size breakdown by sex and age some 300,000) and 27 fields.
 */
export const CSV_LIMITS = { rows: 1_000_000, fields: 1_000 } as const;

export interface CsvProblem {
  kind: 'unclosed-quote' | 'stray-quote' | 'too-many-rows';
  line: number;
  /** 1-based field number in its row. */
  field: number;
}

export interface CsvRead {
  /** The rows, blank lines left out (counted in `blank`), at most `CSV_LIMITS.rows`. */
  rows: CsvRow[];
  blank: number;
  problems: CsvProblem[];
}

/** Line breaks in a slice of text, for the line numbers of the rows after a multi-line field. */
function breaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Read CSV text into rows with their lines, and the quoting problems met. A BOM is skipped. */
export function readCsv(text: string): CsvRead {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let blank = 0;
  let row: string[] = [];
  let width = 0;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    let value: string;
    if (text[i] === '"') {
      const opened = line;
      let j = i + 1;
      value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          value += text.slice(j);
          line += breaks(text, j, n);
          problems.push({ kind: 'unclosed-quote', line: opened, field: row.length + 1 });
          i = n;
          break;
        }
        value += text.slice(j, q);
        line += breaks(text, j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Text after the closing quote (`"A"B,`): kept, as the field is plainly meant to hold it.
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        let k = i;
        while (k < n && text[k] !== ',' && text[k] !== '\n' && text[k] !== '\r') k++;
        problems.push({ kind: 'stray-quote', line, field: row.length + 1 });
        value += text.slice(i, k);
        i = k;
      }
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      value = text.slice(i, j);
      if (value.includes('"')) problems.push({ kind: 'stray-quote', line, field: row.length + 1 });
      i = j;
    }
    if (++width <= CSV_LIMITS.fields) row.push(value);
    const c = text[i];
    if (i >= n || c === '\n' || c === '\r') {
      // The row ends: at `\n`, `\r\n`, a lone `\r` (old Mac line ends) or the end of the text.
      if (width === 1 && row[0]!.trim() === '') blank++;
      else if (rows.length >= CSV_LIMITS.rows) {
        problems.push({ kind: 'too-many-rows', line: rowLine, field: 1 });
        return { rows, blank, problems };
      } else rows.push(width > row.length ? { line: rowLine, fields: row, width } : { line: rowLine, fields: row });
      row = [];
      width = 0;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else if (++i >= n) {
      // The comma; a comma last ends with an empty field.
      if (++width <= CSV_LIMITS.fields) row.push('');
    }
  }
  if (width === 1 && row[0]!.trim() === '') blank++;
  else if (width && rows.length >= CSV_LIMITS.rows) problems.push({ kind: 'too-many-rows', line: rowLine, field: 1 });
  else if (width) rows.push(width > row.length ? { line: rowLine, fields: row, width } : { line: rowLine, fields: row });
  return { rows, blank, problems };
}

/** The rows' fields alone. */
export function parseCsv(text: string): string[][] {
  return readCsv(text).rows.map((r) => r.fields);
}

