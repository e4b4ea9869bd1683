import { defineCode } from '../diagnostics/code.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic, type DiagnosticDetails } from '../diagnostics/make-diagnostic.js';

/**
 * Codes raised while importing a hazard log from a spreadsheet (`crr import hazard-log`):
 * CRR-I001 to CRR-I019. Each names the sheet and cell it is about (`Hazards!F12`). The I series
 * says nothing of severity by its letter: each code's severity is in its definition.
 * The next twenty codes belong to the ODS importer.
 */
export const importCodes = {
  notASpreadsheet: defineCode({
    code: 'CRR-I001',
    name: 'not-a-spreadsheet',
    severity: 'error',
    title: 'The file is not a spreadsheet crr can read',
    explanation:
      'crr imports a hazard log from an Excel workbook (`.xlsx`) or a CSV file (`.csv`, UTF-8). A file that is neither (an old `.xls`, a damaged or password-protected workbook, binary data under a spreadsheet\'s name) is not read. Save it from the spreadsheet program as "Excel Workbook (.xlsx)" or "CSV UTF-8".',
  }),
  tooLarge: defineCode({
    code: 'CRR-I002',
    name: 'spreadsheet-too-large',
    severity: 'error',
    title: 'The spreadsheet is larger than a hazard log can be',
    explanation:
      'A hazard log file may be at most 20 MB on disk, unpack to at most 64 MB, and hold at most 20,000 rows and 200 columns per sheet; the export of a 6,500-practice register is 2 MB and unpacks to 17 MB. A larger file is something else, or an attack on the tools that read it (a "zip bomb"), and is not read.',
  }),
  noHeaderRow: defineCode({
    code: 'CRR-I003',
    name: 'no-header-row',
    severity: 'error',
    title: 'No sheet or header row of a hazard log was found',
    explanation:
      'crr looks for the sheet named `Hazards` (or the one the mapping file names) and, in its first 20 rows, for the row of column headers (`Hazard ID`, `Hazard name`, …). Name the sheet, or say which sheet and row hold the headers in a mapping file (`--mapping`).',
  }),
  missingColumn: defineCode({
    code: 'CRR-I004',
    name: 'missing-column',
    severity: 'error',
    title: 'A required column is missing',
    explanation:
      'Every hazard needs an id, a name, a description, causes, effects, harms, initial and residual severity and likelihood, a status, an owner and the date it was raised, so the sheet needs a column for each. Add the column, or map the sheet\'s own header to it in a mapping file.',
  }),
  unknownColumn: defineCode({
    code: 'CRR-I005',
    name: 'unknown-column',
    severity: 'warning',
    title: 'A column header is not one crr knows; the column is ignored',
    explanation:
      'The column\'s values are not imported. If it holds a hazard field under another name, map it in a mapping file; if it is a working column of the spreadsheet (a RAG colour, a comment), nothing is lost.',
  }),
  duplicateColumn: defineCode({
    code: 'CRR-I006',
    name: 'duplicate-column',
    severity: 'error',
    title: 'Two columns hold the same field',
    explanation:
      'Two headers name the same field (say `Owner` and `Hazard owner`), so crr cannot tell which to take. Rename or delete one, or map only one in a mapping file.',
  }),
  emptyId: defineCode({
    code: 'CRR-I007',
    name: 'empty-id',
    severity: 'error',
    title: 'A row has values but no id',
    explanation:
      'Every hazard, control and acceptance has a stable id (`HAZ-012`) by which the rest of the register refers to it. Give the row its id; a row that is entirely empty is skipped without a word.',
  }),
  duplicateId: defineCode({
    code: 'CRR-I008',
    name: 'duplicate-row-id',
    severity: 'error',
    title: 'Two rows have the same id',
    explanation:
      'Ids are unique in a register. Two rows with one id are usually a copied row or a typo: give one of them a new id, or merge them.',
  }),
  unknownLevel: defineCode({
    code: 'CRR-I009',
    name: 'unknown-level',
    severity: 'error',
    title: 'A severity or likelihood is not a level of the risk scheme',
    explanation:
      'Severity and likelihood are words of the risk scheme (`minor` … `catastrophic`, `very low` … `very high`), not numbers or other words, so that the rating is looked up in the matrix. Write one of the scheme\'s words.',
  }),
  unknownWord: defineCode({
    code: 'CRR-I010',
    name: 'unknown-word',
    severity: 'error',
    title: 'A status or kind is not one crr knows',
    explanation:
      'A hazard\'s status is `open`, `transferred` or `closed`; a control\'s kind is `design`, `test`, `training` or `business-process`, and its status `proposed`, `implemented` or `verified`. Write one of these words.',
  }),
  badDate: defineCode({
    code: 'CRR-I011',
    name: 'bad-date',
    severity: 'error',
    title: 'A date is not a real date',
    explanation:
      'Dates are imported from date cells, or from text written `YYYY-MM-DD` (`2026-04-07`); a text date such as `07/04/2026` is ambiguous between countries and is refused. Format the cell as a date, or write the date YYYY-MM-DD.',
  }),
  ratingMismatch: defineCode({
    code: 'CRR-I012',
    name: 'rating-mismatch',
    severity: 'warning',
    title: 'A rating in the sheet disagrees with the risk matrix',
    explanation:
      'crr never imports a rating: it derives it from the severity and likelihood through the register\'s risk matrix. A sheet whose rating disagrees was scored by hand or with another matrix; check the severity and likelihood, which are what crr keeps.',
  }),
  unknownReference: defineCode({
    code: 'CRR-I013',
    name: 'unknown-row-reference',
    severity: 'error',
    title: 'A control or hazard named in a cell is not in the spreadsheet',
    explanation:
      'A hazard names its controls by id, and an acceptance its hazard, so each must have a row of its own (a control in the `Controls` sheet, or in `controls.csv` beside `hazards.csv`). crr writes no stub control: a control\'s kind, status and owner are claims about patient safety that only the log can make. Add the row, or correct the id.',
  }),
  cellTooLarge: defineCode({
    code: 'CRR-I014',
    name: 'cell-too-large',
    severity: 'error',
    title: 'A cell holds more than a register field can',
    explanation:
      'A cell may hold at most 10,000 characters and a list cell at most 1,000 lines; a hazard log needs far less. A larger cell is pasted by mistake, or an attack on the tools that read the register, and is not imported.',
  }),
  formulaCell: defineCode({
    code: 'CRR-I015',
    name: 'formula-cell',
    severity: 'warning',
    title: 'A cell holds a formula; its last computed value was imported',
    explanation:
      'crr never evaluates formulas. It takes the value the spreadsheet program last computed and saved with the workbook (or, in a CSV file, the text as written). Check the imported value, and replace the formula with its value in the sheet.',
  }),
  invalidValue: defineCode({
    code: 'CRR-I016',
    name: 'invalid-cell',
    severity: 'error',
    title: 'A cell\'s value is not one the register accepts',
    explanation:
      'The value could not become the register field: a required cell is empty, a list cell has no items, an id has characters ids cannot have. The message says which field and what it expects.',
  }),
  badMapping: defineCode({
    code: 'CRR-I017',
    name: 'bad-mapping',
    severity: 'error',
    title: 'The mapping file is not valid',
    explanation:
      'A mapping file is a small YAML file that says which sheet and header row hold the hazard log and which of its headers means which crr column. The message shows where it is wrong; docs/spreadsheets.md shows a valid one.',
  }),
  hiddenSheet: defineCode({
    code: 'CRR-I018',
    name: 'hidden-sheet',
    severity: 'warning',
    title: 'A sheet that was read is hidden in the workbook',
    explanation:
      'The sheet is hidden in the spreadsheet program, so whoever reviewed the workbook may not have seen it. crr reads it all the same; check that it holds what you mean to import.',
  }),
  valueLeftOut: defineCode({
    code: 'CRR-I019',
    name: 'value-left-out',
    severity: 'warning',
    title: 'A cell\'s value cannot be kept, and was left out',
    explanation:
      'The value is not one the register can hold in that field (an organisation written by its name where the register names organisations by id), so the record is imported without it. Add the field to the imported YAML by hand, with the register\'s id.',
  }),
} as const;

/** A diagnostic of one of the import codes, for the CLI's readers (a file too large, not a spreadsheet). */
export function importDiagnostic(def: (typeof importCodes)[keyof typeof importCodes], details: DiagnosticDetails): Diagnostic {
  return makeDiagnostic(def, details);
}
