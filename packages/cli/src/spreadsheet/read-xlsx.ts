import ExcelJS from 'exceljs';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, type GridCell, type SheetGrid } from '@crr/core';

type CellValue = ExcelJS.CellValue;

/**
 * An XLSX workbook's sheets as cell grids. exceljs reads the workbook; only the values cross into
 * the core: dates as `YYYY-MM-DD`, rich text joined, a formula's cached result with its formula,
 * a hyperlink's text. A cell inside a merged range takes the value of the range's top cell when it
 * is below it (a vertically merged group of rows) and is empty when beside it, so a header merged
 * across columns is one header. Call only after `checkZip`: exceljs unpacks without bounds.
 */
export async function readXlsx(bytes: Uint8Array): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const sheets: SheetGrid[] = [];
  for (const ws of workbook.worksheets) {
    const hidden = ws.state !== undefined && ws.state !== 'visible';
    const rowCount = ws.rowCount;
    const columnCount = ws.columnCount;
    if (rowCount > MAX_SHEET_ROWS || columnCount > MAX_SHEET_COLUMNS) {
      sheets.push({ name: ws.name, hidden, rows: [], tooLarge: { rows: rowCount, columns: columnCount } });
      continue;
    }
    const rows: (GridCell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: (GridCell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        let source: ExcelJS.Cell = cell;
        if (cell.isMerged && cell.master !== cell) {
          if (cell.master.col !== cell.col) return;
          source = cell.master;
        }
        const grid = gridCell(source.value);
        // A merged cell repeats the top cell's value, not its formula: one formula, one warning.
        if (grid) cells[c - 1] = source === cell || grid.formula === undefined ? grid : { text: grid.text, ...(grid.kind ? { kind: grid.kind } : {}) };
      });
      rows[r - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    sheets.push({ name: ws.name, hidden, rows });
  }
  return sheets;
}

function gridCell(value: CellValue): GridCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return { text: lines(value) };
  if (typeof value === 'number') return { text: numberText(value), kind: 'number' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'boolean' };
  if (value instanceof Date) return { text: isoDate(value), kind: 'date' };
  if (typeof value !== 'object') return { text: String(value) };
  if ('richText' in value && Array.isArray(value.richText)) return { text: lines(value.richText.map((r) => r.text ?? '').join('')) };
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    const result = f.result === undefined || f.result === null ? undefined : gridCell(f.result as CellValue);
    return { ...(result ?? { text: '' }), formula: String(f.formula ?? f.sharedFormula ?? '') };
  }
  if ('hyperlink' in value) {
    const t = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    return typeof t === 'string' ? { text: lines(t) } : (gridCell(t as CellValue) ?? { text: '' });
  }
  if ('error' in value) return { text: String((value as ExcelJS.CellErrorValue).error), kind: 'error' };
  return { text: '' };
}

/** Excel keeps `\r\n` or `\r` in some cells; the core sees `\n` only. */
const lines = (s: string) => s.replace(/\r\n?/g, '\n');

/** Shortest decimal form; whole numbers without a point. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

/**
 * exceljs gives a date cell as the UTC instant of its serial number, so the UTC calendar date is
 * the date the cell shows, whatever this machine's time zone.
 */
function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  // A serial number a hair below midnight (a float's rounding) is still that midnight's date.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}
