import { defineCode } from '../diagnostics/code.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic, type DiagnosticDetails } from '../diagnostics/make-diagnostic.js';

/**
 * Codes raised by `crr import ods` while reading the published NHS organisation files (epraccur,
 * the practice → PCN map, the list sizes). CRR-I020 on (to 039) are this importer's; the files
 * they name are the CSV files given on the command line, and their lines are the CSV's.
 */
export const odsCodes = {
  unreadable: defineCode({
    code: 'CRR-I020',
    name: 'ods-file-unreadable',
    severity: 'error',
    title: 'An ODS input file cannot be read',
    explanation:
      'The file named on the command line does not exist, is a folder, or cannot be opened. Check the path; the files are published by NHS England (epraccur by the Organisation Data Service, the PCN map and list sizes with the GP registration data).',
  }),
  tooLarge: defineCode({
    code: 'CRR-I021',
    name: 'ods-file-too-large',
    severity: 'error',
    title: 'An ODS input file is larger than any published one could be',
    explanation:
      'The national epraccur file is about 4 MB and the other two smaller still; a file far larger is something else (a database dump, a zip, a log). crr does not read it, so that a wrong file cannot exhaust memory.',
  }),
  notText: defineCode({
    code: 'CRR-I022',
    name: 'ods-file-not-text',
    severity: 'error',
    title: 'An ODS input file is not UTF-8 text',
    explanation:
      'The file holds NUL bytes or byte sequences that are not UTF-8: a spreadsheet workbook, a zip or another binary file rather than the CSV the NHS publishes. Download the CSV again, or save the sheet as "CSV UTF-8".',
  }),
  quoting: defineCode({
    code: 'CRR-I023',
    name: 'ods-csv-quoting',
    severity: 'error',
    title: 'A quoted CSV field is never closed',
    explanation:
      'A field opens with `"` and no closing `"` follows, so the rest of the file would be read as one value. The file was cut short or edited by hand; download it again.',
  }),
  strayQuote: defineCode({
    code: 'CRR-I024',
    name: 'ods-csv-stray-quote',
    severity: 'warning',
    title: 'A CSV field has a quote where RFC 4180 does not allow one',
    explanation:
      'A `"` inside an unquoted field, or text after a closing quote, breaks RFC 4180. The field is read as written (quote included), which is usually right for a name such as `ST JOHN"S`; check the row.',
  }),
  epraccurLayout: defineCode({
    code: 'CRR-I025',
    name: 'epraccur-layout',
    severity: 'error',
    title: 'The practices file is not in the epraccur layout',
    explanation:
      'epraccur has no header row and 27 fields a row: code, name, region, ICB, five address lines, postcode, open and close dates, status, …, prescribing setting (field 26). A row with another number of fields, or a file whose first row is another file\'s header, is not epraccur: check that `--practices` names the epraccur CSV.',
  }),
  missingColumns: defineCode({
    code: 'CRR-I026',
    name: 'ods-missing-columns',
    severity: 'error',
    title: 'A CSV with a header lacks the columns crr reads',
    explanation:
      'The PCN map needs PRACTICE_CODE, PCN_CODE, PCN_NAME, CCG_CODE, CCG_NAME, STP_CODE, STP_NAME, COMM_REGION_CODE and COMM_REGION_NAME; the list sizes need CODE and NUMBER_OF_PATIENTS (and, when the file breaks patients down, SEX and AGE). Check that each option names the right file: two swapped files are the usual cause.',
  }),
  rowWidth: defineCode({
    code: 'CRR-I027',
    name: 'ods-row-width',
    severity: 'error',
    title: 'A CSV row has a different number of fields from its header',
    explanation:
      'Each row of the PCN map and the list sizes has as many fields as the header names. A row with more or fewer was cut, joined with the next, or has an unquoted comma: its values cannot be trusted to be in their columns.',
  }),
  badValue: defineCode({
    code: 'CRR-I028',
    name: 'ods-bad-value',
    severity: 'error',
    title: 'A value in an ODS file is not of the form its column holds',
    explanation:
      'An ODS code is 3 to 6 capital letters and digits, a list size a whole number, a name not empty. A value of another form means a shifted column or a hand edit; the row is not imported until it is corrected.',
  }),
  duplicate: defineCode({
    code: 'CRR-I029',
    name: 'ods-duplicate-row',
    severity: 'warning',
    title: 'A practice appears twice in an ODS file',
    explanation:
      'The published files hold one row per practice. A repeated row that says the same thing is read once; one that disagrees with the first is reported as an error (CRR-I030) because crr cannot know which is right.',
  }),
  conflictingDuplicate: defineCode({
    code: 'CRR-I030',
    name: 'ods-conflicting-duplicate',
    severity: 'error',
    title: 'A practice appears twice in an ODS file with different values',
    explanation:
      'Two rows for one practice code disagree (another PCN, another list size, another status). crr does not guess which is right: remove the wrong row, or download the file again.',
  }),
  unknownIcb: defineCode({
    code: 'CRR-I031',
    name: 'ods-unknown-icb',
    severity: 'error',
    title: 'The ICB asked for has no active GP practice in the practices file',
    explanation:
      'An ICB code (`QKS` for Kent and Medway) must be the code epraccur gives in its fourth field to at least one active GP practice in England. The message lists the nearest codes and every code the file has.',
  }),
  noPractices: defineCode({
    code: 'CRR-I032',
    name: 'ods-no-practices',
    severity: 'error',
    title: 'The practices file holds no active GP practice in England',
    explanation:
      'An importer that wrote nothing would look like success. No row has status `A`, prescribing setting `4` and a region other than `W00` (Wales): the file is not epraccur, or is a slice of closed or non-practice records.',
  }),
  extractDate: defineCode({
    code: 'CRR-I033',
    name: 'ods-extract-date',
    severity: 'warning',
    title: 'An ODS file mixes extract dates, or gives one crr cannot read',
    explanation:
      'The PCN map and the list sizes carry their extract date on every row (`01Jan2022`, `01JAN2021`). Rows from two extracts in one file mean two publications were joined: the older rows may be stale.',
  }),
} as const;

/** A diagnostic of one of these codes, for the edge that reads the files (the CLI). */
export function makeOdsDiagnostic(code: keyof typeof odsCodes, details: DiagnosticDetails): Diagnostic {
  return makeDiagnostic(odsCodes[code], details);
}
