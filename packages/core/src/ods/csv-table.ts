import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import { CSV_LIMITS, readCsv, type CsvProblem, type CsvRow } from './csv.js';
import { odsCodes } from './ods-codes.js';

/** A row of a CSV with a header: its line, and its values by (upper-cased, trimmed) column name. */
export interface TableRow {
  line: number;
  get(column: string): string;
}

export interface CsvTable {
  columns: string[];
  rows: TableRow[];
  /** Blank lines skipped. */
  blank: number;
}

/** The problems that stop a read: a quote never closed, too many rows. */
export function stopsRead(problems: readonly CsvProblem[]): boolean {
  return problems.some((p) => p.kind !== 'stray-quote');
}

/** How many fields a row has (all of them, when more were met than kept). */
export const widthOf = (row: CsvRow) => row.width ?? row.fields.length;

/** The quoting and size problems of a read, as diagnostics. */
export function quotingDiagnostics(problems: readonly CsvProblem[], file: string): Diagnostic[] {
  return problems.map((p) =>
    p.kind === 'too-many-rows'
      ? makeDiagnostic(odsCodes.tooLarge, {
          file,
          line: p.line,
          message: `The file has more than ${CSV_LIMITS.rows.toLocaleString('en-GB')} rows; no published ODS file has a tenth of that, so it is not read further.`,
          hint: 'Check that the option names the published CSV, not an export of something else.',
        })
      : p.kind === 'unclosed-quote'
      ? makeDiagnostic(odsCodes.quoting, {
          file,
          line: p.line,
          message: `Field ${p.field} opens a quote (\`"\`) that is never closed: everything after it would be one value.`,
          hint: 'The file was cut short or edited by hand: download it again.',
        })
      : makeDiagnostic(odsCodes.strayQuote, {
          file,
          line: p.line,
          message: `Field ${p.field} has a \`"\` where RFC 4180 does not allow one; it is read as written, quote included.`,
          hint: 'Check the row; a quote inside a value must be doubled (`""`) inside a quoted field.',
        }),
  );
}

/** What a file with this header looks like, when it is not the one expected: to name a swap. */
export function guessFile(columns: readonly string[], firstRow: readonly string[]): string | undefined {
  const has = (c: string) => columns.includes(c);
  if (has('PCN_CODE') && has('PRACTICE_CODE')) return 'the practice → PCN map (`--pcns`)';
  if (has('NUMBER_OF_PATIENTS')) return 'the list sizes (`--list-sizes`)';
  if (firstRow.length === 27 && /^[A-Z0-9]{3,6}$/.test(firstRow[0] ?? '')) return 'epraccur, the practices (`--practices`)';
  return undefined;
}

/**
 * A CSV whose first row names its columns, checked to have the `required` ones, each row as wide
 * as the header. Diagnostics say where; with a required column missing there is no table.
 */
export function readCsvTable(text: string, file: string, what: string, required: readonly string[]): { table?: CsvTable; diagnostics: Diagnostic[] } {
  const { rows, blank, problems } = readCsv(text);
  const diagnostics = quotingDiagnostics(problems, file);
  if (stopsRead(problems)) return { diagnostics };
  const [head, ...body] = rows;
  if (!head) {
    diagnostics.push(makeDiagnostic(odsCodes.missingColumns, { file, line: 1, message: `The file is empty: ${what} needs a header row naming ${required.join(', ')}, then a row per practice.`, hint: 'Check that the option names the right file; download it again if it was cut short.' }));
    return { diagnostics };
  }
  const columns = head.fields.map((c) => c.trim().toUpperCase());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length) {
    const guess = guessFile(columns, head.fields);
    const shown = columns.slice(0, 12).map((c) => (c.length > 40 ? `${c.slice(0, 40)}…` : c));
    diagnostics.push(
      makeDiagnostic(odsCodes.missingColumns, {
        file,
        line: head.line,
        message:
          `This is not ${what}: its first row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` +
          ` (it has ${shown.length ? shown.join(', ') : 'none'}${columns.length > shown.length ? ', …' : ''}).` +
          (guess ? ` It looks like ${guess}.` : ''),
        hint: guess ? 'Check which file each option names: two files may be swapped.' : `Name the published CSV of ${what}; its header has ${required.join(', ')}.`,
      }),
    );
    return { diagnostics };
  }
  const index = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i);
  });
  const table: TableRow[] = [];
  for (const r of body) {
    if (widthOf(r) !== columns.length) {
      diagnostics.push(
        makeDiagnostic(odsCodes.rowWidth, {
          file,
          line: r.line,
          message: `The row has ${widthOf(r)} field${widthOf(r) === 1 ? '' : 's'}, the header ${columns.length}: its values cannot be trusted to be in their columns, so it is not read.`,
          hint: 'Look for an unquoted comma or a row cut in two; download the file again if it was edited.',
        }),
      );
      continue;
    }
    const fields = r.fields;
    table.push({ line: r.line, get: (column) => (fields[index.get(column) ?? -1] ?? '').trim() });
  }
  return { table: { columns, rows: table, blank }, diagnostics };
}

/** `01Jan2022`, `01JAN2021`, `2022-01-01` or `20220101` as an ISO date, or undefined. */
export function extractDate(value: string): string | undefined {
  const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  let m = /^(\d{2})([A-Za-z]{3})(\d{4})$/.exec(value);
  if (m) {
    const month = months.indexOf(m[2]!.toUpperCase());
    return month < 0 ? undefined : `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]}`;
  }
  m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** The extract dates a file's rows give (column EXTRACT_DATE, when there is one): as written, and as ISO. */
export function extractDates(table: CsvTable, file: string): { written: string[]; iso: string[]; diagnostics: Diagnostic[] } {
  if (!table.columns.includes('EXTRACT_DATE')) return { written: [], iso: [], diagnostics: [] };
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const v = r.get('EXTRACT_DATE');
    if (!seen.has(v)) seen.set(v, r.line);
  }
  const written = [...seen.keys()].sort();
  const iso = [...new Set(written.map(extractDate).filter((d): d is string => d !== undefined))].sort();
  const diagnostics: Diagnostic[] = [];
  const unreadable = written.filter((w) => extractDate(w) === undefined);
  if (iso.length > 1 || unreadable.length)
    diagnostics.push(
      makeDiagnostic(odsCodes.extractDate, {
        file,
        line: seen.get(unreadable[0] ?? written[1] ?? written[0]!)!,
        message:
          iso.length > 1
            ? `The rows come from ${iso.length} extracts (${iso.join(', ')}): two publications were joined, and the older rows may be stale.`
            : `The extract date \`${unreadable[0]!.slice(0, 40)}\` is not a date crr can read (such as \`01Jan2022\`).`,
        hint: 'Use one publication as downloaded.',
      }),
    );
  return { written, iso, diagnostics };
}
