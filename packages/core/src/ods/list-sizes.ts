import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import { extractDates, readCsvTable } from './csv-table.js';
import { ODS_CODE } from './epraccur.js';
import { odsCodes } from './ods-codes.js';

/**
 * The largest list size believed: the biggest practice in England has about 90,000 patients.
 * A number far beyond is a shifted column (a postcode's digits, a total) rather than a practice.
 */
export const MAX_LIST_SIZE = 1_000_000;

export interface ListSizes {
  /** Registered patients by practice code. */
  byPractice: Map<string, number>;
  rows: number;
  /** Rows of a breakdown by sex or age, not read (the `ALL`/`ALL` row is the practice's total). */
  breakdown: number;
  blank: number;
  repeated: number;
  extract: { written: string[]; iso: string[] };
  diagnostics: Diagnostic[];
}

/** Read "Patients registered at a GP practice" (CODE, NUMBER_OF_PATIENTS; SEX and AGE when broken down). */
export function readListSizes(text: string, file: string): ListSizes {
  const { table, diagnostics } = readCsvTable(text, file, 'the list sizes', ['CODE', 'NUMBER_OF_PATIENTS']);
  const out: ListSizes = { byPractice: new Map(), rows: 0, breakdown: 0, blank: 0, repeated: 0, extract: { written: [], iso: [] }, diagnostics };
  if (!table) return out;
  out.blank = table.blank;
  const dates = extractDates(table, file);
  out.extract = { written: dates.written, iso: dates.iso };
  diagnostics.push(...dates.diagnostics);
  const hasSex = table.columns.includes('SEX');
  const hasAge = table.columns.includes('AGE');
  const lines = new Map<string, number>();
  for (const r of table.rows) {
    out.rows++;
    if ((hasSex && r.get('SEX').toUpperCase() !== 'ALL') || (hasAge && r.get('AGE').toUpperCase() !== 'ALL')) {
      out.breakdown++;
      continue;
    }
    const code = r.get('CODE');
    const value = r.get('NUMBER_OF_PATIENTS');
    if (!ODS_CODE.test(code) || !/^\d{1,9}$/.test(value) || Number(value) > MAX_LIST_SIZE) {
      diagnostics.push(
        makeDiagnostic(odsCodes.badValue, {
          file,
          line: r.line,
          message: !ODS_CODE.test(code)
            ? `The practice code \`${code.slice(0, 20)}\` is not an ODS code, so the row is not read.`
            : `The list size \`${value.slice(0, 20)}\` of \`${code}\` is not a whole number of patients up to ${MAX_LIST_SIZE.toLocaleString('en-GB')}, so the row is not read.`,
          hint: 'A shifted column or a hand edit: correct the row, or download the file again.',
        }),
      );
      continue;
    }
    const n = Number(value);
    const earlier = out.byPractice.get(code);
    if (earlier !== undefined) {
      if (earlier === n) {
        out.repeated++;
        diagnostics.push(makeDiagnostic(odsCodes.duplicate, { file, line: r.line, message: `\`${code}\` is listed again with the same list size as on line ${lines.get(code)}; it is read once.`, hint: 'Remove the repeated row.' }));
      } else
        diagnostics.push(
          makeDiagnostic(odsCodes.conflictingDuplicate, {
            file,
            line: r.line,
            message: `\`${code}\` is listed again with ${n} patients, ${earlier} on line ${lines.get(code)}: crr cannot know which is right.`,
            hint: 'Remove the wrong row, or download the file again (one publication, totals only).',
          }),
        );
      continue;
    }
    out.byPractice.set(code, n);
    lines.set(code, r.line);
  }
  return out;
}
