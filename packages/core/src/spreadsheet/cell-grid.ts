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

/** The text of a cell, empty for an empty or missing one. */
export function cellText(sheet: SheetGrid, row: number, col: number): string {
  return sheet.rows[row]?.[col]?.text ?? '';
}
