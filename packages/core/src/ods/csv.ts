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
  fields: string[];
}

export interface CsvProblem {
  kind: 'unclosed-quote' | 'stray-quote';
  line: number;
  /** 1-based field number in its row. */
  field: number;
}

export interface CsvRead {
  rows: CsvRow[];
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
  let row: string[] = [];
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
    row.push(value);
    const c = text[i];
    if (i >= n || c === '\n' || c === '\r') {
      // The row ends: at `\n`, `\r\n`, a lone `\r` (old Mac line ends) or the end of the text.
      rows.push({ line: rowLine, fields: row });
      row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else if (++i >= n) row.push(''); // the comma; a comma last ends with an empty field
  }
  if (row.length) rows.push({ line: rowLine, fields: row });
  return { rows, problems };
}

/** The rows' fields alone. */
export function parseCsv(text: string): string[][] {
  return readCsv(text).rows.map((r) => r.fields);
}

/** Rows with nothing in them (a blank line, a last line of white space) carry no record. */
export function isBlankRow(row: CsvRow): boolean {
  return row.fields.length === 1 && row.fields[0]!.trim() === '';
}
