import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import { readCsv } from './csv.js';
import { guessFile, quotingDiagnostics, stopsRead, widthOf } from './csv-table.js';
import { odsCodes } from './ods-codes.js';

/**
 * epraccur, the ODS extract of GP-practice-style records: no header, 27 fields a row. The fields
 * read (1-based): 1 code, 2 name, 3 NHS England region, 4 ICB, 10 postcode, 11 open date,
 * 12 close date, 13 status (A active, C closed, D dormant, P proposed), 15 sub-ICB location,
 * 26 prescribing setting (4 = GP practice).
 */
export const EPRACCUR_FIELDS = 27;

export interface EpraccurRecord {
  line: number;
  code: string;
  name: string;
  region: string;
  icb: string;
  /** Address line 3 (field 7): usually the town. */
  town: string;
  postcode: string;
  openDate: string;
  closeDate: string;
  status: string;
  subIcb: string;
  setting: string;
}

export interface Epraccur {
  records: EpraccurRecord[];
  /** Blank lines skipped, and rows that repeat an earlier one exactly (read once). */
  blank: number;
  repeated: number;
  diagnostics: Diagnostic[];
}

export const ODS_CODE = /^[A-Z0-9]{3,6}$/;

/** Is this record an active GP practice in England: status A, prescribing setting 4, region not W00 (Wales)? */
export function isActiveEnglishPractice(r: EpraccurRecord): boolean {
  return r.status === 'A' && r.setting === '4' && r.region !== 'W00';
}

export function readEpraccur(text: string, file: string): Epraccur {
  const { rows, blank, problems } = readCsv(text);
  const diagnostics = quotingDiagnostics(problems, file);
  const out: Epraccur = { records: [], blank, repeated: 0, diagnostics };
  if (stopsRead(problems)) return out;
  const first = rows[0];
  if (!first) {
    diagnostics.push(makeDiagnostic(odsCodes.noPractices, { file, line: 1, message: 'The file is empty.', hint: 'Name the epraccur CSV, as published by the Organisation Data Service.' }));
    return out;
  }
  if (widthOf(first) !== EPRACCUR_FIELDS) {
    const columns = first.fields.map((c) => c.trim().toUpperCase());
    const guess = guessFile(columns, first.fields);
    diagnostics.push(
      makeDiagnostic(odsCodes.epraccurLayout, {
        file,
        line: first.line,
        message: `This is not epraccur: its first row has ${widthOf(first)} field${widthOf(first) === 1 ? '' : 's'}, epraccur ${EPRACCUR_FIELDS} (and no header row).${guess ? ` It looks like ${guess}.` : ''}`,
        hint: guess ? 'Check which file each option names: two files may be swapped.' : 'Name the epraccur CSV (`epraccur.csv`, from the ODS data downloads) with `--practices`.',
      }),
    );
    return out;
  }
  const byCode = new Map<string, EpraccurRecord & { raw: string }>();
  for (const r of rows) {
    if (widthOf(r) !== EPRACCUR_FIELDS) {
      diagnostics.push(
        makeDiagnostic(odsCodes.epraccurLayout, {
          file,
          line: r.line,
          message: `The row has ${widthOf(r)} field${widthOf(r) === 1 ? '' : 's'}, not epraccur's ${EPRACCUR_FIELDS}: its values cannot be trusted to be in their places, so it is not read.`,
          hint: 'Look for an unquoted comma or a row cut in two; download the file again if it was edited.',
        }),
      );
      continue;
    }
    const f = r.fields.map((v) => v.trim());
    const record: EpraccurRecord & { raw: string } = {
      line: r.line,
      code: f[0]!,
      name: f[1]!,
      region: f[2]!,
      icb: f[3]!,
      town: f[6]!,
      postcode: f[9]!,
      openDate: f[10]!,
      closeDate: f[11]!,
      status: f[12]!,
      subIcb: f[14]!,
      setting: f[25]!,
      raw: f.join('\u0000'),
    };
    if (!ODS_CODE.test(record.code)) {
      diagnostics.push(
        makeDiagnostic(odsCodes.badValue, {
          file,
          line: r.line,
          message: `The organisation code \`${record.code.slice(0, 40)}\` (field 1) is not an ODS code (3 to 6 capital letters and digits), so the row is not read.`,
          hint: 'A header row, a shifted column or a hand edit: correct or remove the row.',
        }),
      );
      continue;
    }
    const earlier = byCode.get(record.code);
    if (earlier) {
      if (earlier.raw === record.raw) {
        out.repeated++;
        diagnostics.push(makeDiagnostic(odsCodes.duplicate, { file, line: r.line, message: `\`${record.code}\` is listed again, as on line ${earlier.line}; it is read once.`, hint: 'Remove the repeated row.' }));
      } else
        diagnostics.push(
          makeDiagnostic(odsCodes.conflictingDuplicate, {
            file,
            line: r.line,
            message: `\`${record.code}\` is listed again with other values than on line ${earlier.line}: crr cannot know which is right.`,
            hint: 'Remove the wrong row, or download the file again.',
          }),
        );
      continue;
    }
    byCode.set(record.code, record);
    if (!isActiveEnglishPractice(record)) continue;
    // The practices imported must carry what a register record needs.
    const bad: string[] = [];
    if (!record.name) bad.push('the name (field 2) is empty');
    if (!/^[A-Z0-9]{3}$/.test(record.region)) bad.push(`the region \`${record.region.slice(0, 20)}\` (field 3) is not a 3-character code`);
    if (!ODS_CODE.test(record.icb)) bad.push(`the ICB \`${record.icb.slice(0, 20)}\` (field 4) is not an ODS code`);
    if (!ODS_CODE.test(record.subIcb)) bad.push(`the sub-ICB location \`${record.subIcb.slice(0, 20)}\` (field 15) is not an ODS code`);
    if (bad.length) {
      byCode.delete(record.code);
      diagnostics.push(
        makeDiagnostic(odsCodes.badValue, {
          file,
          line: r.line,
          message: `Active practice \`${record.code}\`: ${bad.join('; ')}. It is not imported.`,
          hint: 'A shifted column or a hand edit: correct the row, or download the file again.',
        }),
      );
    }
  }
  for (const { raw: _raw, ...record } of byCode.values()) out.records.push(record);
  return out;
}
