/**
 * A spreadsheet as the importer's pure core sees it: sheets of rows of cells, each cell already
 * text. The CLI's readers (exceljs for XLSX, csv-parse for CSV) build it; nothing here reads a
 * file. Indices are 0-based; diagnostics show A1 references (`cell-ref.ts`).
 */

/** One cell, as text, and what the reader knew of it. */
export interface GridCell {
  /**
   * The value as text: a date cell as `YYYY-MM-DD`, a number in its shortest decimal form, rich
   * text joined, a formula's last computed result, a hyperlink's text. Line breaks are `\n`.
   */
  text: string;
  /** The formula, when the cell holds one (its `text` is then the cached result, if any). */
  formula?: string;
  /** What kind of value the reader found; text when absent. */
  kind?: 'text' | 'number' | 'date' | 'boolean' | 'error';
}

/** One sheet: its name as the workbook spells it, whether it is hidden, and its rows. */
export interface SheetGrid {
  name: string;
  hidden?: boolean;
  /** What the sheet holds, when the reader knows (a CSV file given as the hazards sheet); else found by name. */
  role?: 'hazards' | 'controls' | 'acceptances';
  /** The file it came from, when not the workbook's (a sibling CSV file). */
  file?: string;
  /** Set, with no rows, when the sheet has more rows or columns than the importer reads (CRR-I002). */
  tooLarge?: { rows: number; columns: number };
  /** `rows[r][c]`, 0-based; a missing or undefined cell is empty. */
  rows: readonly (readonly (GridCell | undefined)[])[];
}

/** The sheets of one workbook, in workbook order, or the CSV files read as sheets. */
export interface CellWorkbook {
  /** The file the diagnostics name, as the user gave it. */
  file: string;
  format: 'xlsx' | 'csv';
  sheets: readonly SheetGrid[];
}

/** The most rows and columns of a sheet the importer reads. */
export const MAX_SHEET_ROWS = 20_000;
export const MAX_SHEET_COLUMNS = 200;

/** The text of a cell, empty for an empty or missing one. */
export function cellText(sheet: SheetGrid, row: number, col: number): string {
  return sheet.rows[row]?.[col]?.text ?? '';
}
