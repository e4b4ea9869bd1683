import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import { extractDates, readCsvTable } from './csv-table.js';
import { ODS_CODE } from './epraccur.js';
import { odsCodes } from './ods-codes.js';

/** The columns of the practice → PCN map crr reads. */
export const PCN_MAP_COLUMNS = ['PRACTICE_CODE', 'PCN_CODE', 'PCN_NAME', 'CCG_CODE', 'CCG_NAME', 'STP_CODE', 'STP_NAME', 'COMM_REGION_CODE', 'COMM_REGION_NAME'] as const;

/** The code the map files practices in no PCN under ("Unallocated"): not a PCN. */
export const UNALLOCATED = 'U';

export interface PcnMapRow {
  line: number;
  practice: string;
  /** The practice's name in the map (of its vintage), when the map has the column. */
  practiceName: string;
  pcn: string;
  pcnName: string;
  /** The CCG (now sub-ICB location), STP (now ICB) and region the map gave, with names. */
  ccg: string;
  ccgName: string;
  stp: string;
  stpName: string;
  region: string;
  regionName: string;
}

export interface PcnMap {
  byPractice: Map<string, PcnMapRow>;
  rows: number;
  blank: number;
  repeated: number;
  /** Extract dates as the file writes them (`01Jan2022`) and as ISO dates. */
  extract: { written: string[]; iso: string[] };
  diagnostics: Diagnostic[];
}

/** Read the practice → PCN map (NHS Digital, "GP practice and PCN mappings"), with its header. */
export function readPcnMap(text: string, file: string): PcnMap {
  const { table, diagnostics } = readCsvTable(text, file, 'the practice → PCN map', PCN_MAP_COLUMNS);
  const out: PcnMap = { byPractice: new Map(), rows: 0, blank: 0, repeated: 0, extract: { written: [], iso: [] }, diagnostics };
  if (!table) return out;
  out.blank = table.blank;
  const dates = extractDates(table, file);
  out.extract = { written: dates.written, iso: dates.iso };
  diagnostics.push(...dates.diagnostics);
  for (const r of table.rows) {
    out.rows++;
    const row: PcnMapRow = {
      line: r.line,
      practice: r.get('PRACTICE_CODE'),
      practiceName: r.get('PRACTICE_NAME'),
      pcn: r.get('PCN_CODE'),
      pcnName: r.get('PCN_NAME'),
      ccg: r.get('CCG_CODE'),
      ccgName: r.get('CCG_NAME'),
      stp: r.get('STP_CODE'),
      stpName: r.get('STP_NAME'),
      region: r.get('COMM_REGION_CODE'),
      regionName: r.get('COMM_REGION_NAME'),
    };
    const bad: string[] = [];
    if (!ODS_CODE.test(row.practice)) bad.push(`the practice code \`${row.practice.slice(0, 20)}\` is not an ODS code`);
    if (row.pcn !== UNALLOCATED && !ODS_CODE.test(row.pcn)) bad.push(`the PCN code \`${row.pcn.slice(0, 20)}\` is neither an ODS code nor \`U\` (unallocated)`);
    if (row.pcn !== UNALLOCATED && !row.pcnName) bad.push('the PCN name is empty');
    if (bad.length) {
      diagnostics.push(makeDiagnostic(odsCodes.badValue, { file, line: r.line, message: `${capital(bad.join('; '))}, so the row is not read.`, hint: 'A shifted column or a hand edit: correct the row, or download the file again.' }));
      continue;
    }
    const earlier = out.byPractice.get(row.practice);
    if (earlier) {
      if (same(earlier, row)) {
        out.repeated++;
        diagnostics.push(makeDiagnostic(odsCodes.duplicate, { file, line: r.line, message: `Practice \`${row.practice}\` is mapped again, as on line ${earlier.line}; it is read once.`, hint: 'Remove the repeated row.' }));
      } else
        diagnostics.push(
          makeDiagnostic(odsCodes.conflictingDuplicate, {
            file,
            line: r.line,
            message: `Practice \`${row.practice}\` is mapped again, to ${row.pcn} rather than ${earlier.pcn} (line ${earlier.line}), or with other names: crr cannot know which is right.`,
            hint: 'Remove the wrong row, or download the file again.',
          }),
        );
      continue;
    }
    out.byPractice.set(row.practice, row);
  }
  return out;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function same(a: PcnMapRow, b: PcnMapRow): boolean {
  return (Object.keys(a) as (keyof PcnMapRow)[]).every((k) => k === 'line' || a[k] === b[k]);
}
