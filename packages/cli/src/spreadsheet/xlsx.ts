import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Acceptability, HazardLogWorkbook, Sheet, SheetIntent } from '@crr/core';
import { fixZipDates, markZip } from './zip-dates.js';

/**
 * The hazard-log workbook as XLSX bytes: a frozen header row and first column, an auto filter,
 * wrapped text at sensible widths, rating cells filled by their acceptability, and drop-downs of
 * the scheme's levels and the statuses (from a hidden `Lists` sheet, so a level may hold a comma).
 * The same workbook gives the same bytes: the document's dates and every zip entry's date are
 * the register's as-of date, never the clock.
 */
export async function xlsxBytes(wb: HazardLogWorkbook): Promise<Buffer> {
  // The streaming writer: each row is written out as it is committed, so a national register's
  // tens of thousands of asset rows never sit in memory as cell objects beside the site's report.
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const when = new Date(`${wb.asOf}T00:00:00Z`);
  book.creator = 'crr';
  book.lastModifiedBy = 'crr';
  book.created = when;
  book.modified = when;
  book.title = wb.title;
  book.subject = 'Hazard log';

  const lists = Object.entries(wb.lists) as [keyof HazardLogWorkbook['lists'], string[]][];
  const listRange = new Map<SheetIntent, string>();
  lists.forEach(([name, values], i) => {
    const letter = columnLetter(i + 1);
    listRange.set(name, `Lists!$${letter}$2:$${letter}$${values.length + 1}`);
  });

  const fills = new Map<number, Acceptability>(wb.ratings.map((r) => [r.rating, r.acceptability]));
  for (const sheet of wb.sheets) writeSheet(book, sheet, fills, listRange);

  const listSheet = book.addWorksheet('Lists', { state: 'hidden' });
  const depth = Math.max(...lists.map(([, values]) => values.length)) + 1;
  for (let r = 0; r < depth; r++) listSheet.addRow(lists.map(([name, values]) => (r === 0 ? name : (values[r - 1] ?? null)))).commit();
  listSheet.commit();

  await book.commit();
  const bytes = Buffer.concat(chunks);
  return markZip(fixZipDates(bytes, wb.asOf));
}

/** Excel's own "good", "neutral" and "bad" cell styles: fill and text colour. */
export const ACCEPTABILITY_COLOURS: Record<Acceptability, { fill: string; font: string }> = {
  acceptable: { fill: 'FFC6EFCE', font: 'FF006100' },
  'acceptable-with-justification': { fill: 'FFFFEB9C', font: 'FF9C5700' },
  unacceptable: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};

/** Rows below the data that still get the drop-downs, for a hazard added by hand. */
const SPARE_ROWS = 100;

function writeSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet, fills: ReadonlyMap<number, Acceptability>, listRange: ReadonlyMap<SheetIntent, string>): void {
  const ws = book.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }],
    pageSetup: { orientation: 'landscape', paperSize: 9 },
  });
  const widths = sheet.columns.map((c) => c.width);
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  const header = ws.getRow(1);
  header.eachCell((cell, i) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDEE' } };
    cell.note = sheet.columns[i - 1]!.description;
  });
  header.height = rowHeight(sheet.columns.map((c) => c.header), widths);
  header.commit();

  const ratingColumns = sheet.columns.flatMap((c, i) => (c.intent === 'rating' ? [i + 1] : []));
  for (const values of sheet.rows) {
    const row = ws.addRow(values.map((v) => (v === undefined ? null : v)));
    row.height = rowHeight(values, widths);
    for (const ci of ratingColumns) {
      const cell = row.getCell(ci);
      const acceptability = typeof cell.value === 'number' ? fills.get(cell.value) : undefined;
      if (!acceptability) continue;
      const colour = ACCEPTABILITY_COLOURS[acceptability];
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour.fill } };
      cell.font = { color: { argb: colour.font }, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'top' };
    }
    row.commit();
  }

  const lastRow = sheet.rows.length + 1;
  // exceljs has `dataValidations` on every worksheet but leaves it out of its types.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  ws.autoFilter = `A1:${columnLetter(sheet.columns.length)}${lastRow}`;
  sheet.columns.forEach((c, i) => {
    const range = listRange.get(c.intent);
    if (!range) return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}2:${letter}${lastRow + SPARE_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      errorStyle: 'error',
      errorTitle: c.header,
      error: `Choose one of the list: ${c.description}`,
    });
  });
  ws.commit();
}

/** Points per line of text at the default font, and the most Excel allows a row. */
const LINE_POINTS = 15;
const MAX_ROW_POINTS = 409;

/**
 * A row's height for its wrapped text: the most lines any of its cells needs at its column's
 * width. Neither Excel nor LibreOffice fits a row to wrapped text when it opens a file, so
 * without this every row is one line high and the text overflows it.
 */
export function rowHeight(values: readonly (string | number | undefined | null)[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const perLine = Math.max(1, (widths[i] ?? 10) - 1);
    let n = 0;
    for (const line of v.split('\n')) n += Math.max(1, Math.ceil(line.length / perLine));
    if (n > lines) lines = n;
  });
  return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS);
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
