/**
 * The hazard-log importer's pure core: a workbook of cell grids in, hazards, controls and
 * acceptances (records the model accepts) and diagnostics out, each diagnostic at its sheet and
 * cell. No IO: the CLI reads the file into the grid (`crr import hazard-log`).
 *
 * For each sheet: find it (by name, the mapping file's, or the CSV file given), find its header
 * row in the first 20 rows (or the mapping's), match each header tolerantly to a column, check
 * each cell (limits, formulas, dates, levels, statuses), read the row through the columns'
 * `read` (the exporter's own, so export → import → export is the same sheet), and check the
 * record with the model's zod schema. Then the references between sheets. Ratings are never
 * read: crr derives them, and warns where the sheet's disagree.
 */
import type { z } from 'zod';
import { capDiagnostics } from '../diagnostics/cap-diagnostics.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSentence } from '../diagnostics/did-you-mean.js';
import { makeDiagnostic, type DiagnosticDefinition } from '../diagnostics/make-diagnostic.js';
import { Acceptance } from '../model/acceptance.js';
import { Control } from '../model/control.js';
import { Hazard } from '../model/hazard.js';
import { rate } from '../risk/rating.js';
import { DCB_EXAMPLE_SCHEME, type RiskScheme } from '../risk/scheme.js';
import type { CellWorkbook, SheetGrid } from './cell-grid.js';
import { cellRef, rowRef } from './cell-ref.js';
import { checkedCell } from './check-cell.js';
import { hazardLogColumns } from './hazard-log-columns.js';
import { findHeaderRow, headerIndex, matchHeader, normaliseHeader } from './header-match.js';
import { importCodes } from './import-codes.js';
import { checkReferences, type ReadRecord } from './import-references.js';
import type { ImportSheet, MappingFile, SheetMapping } from './mapping-file.js';
import { acceptanceReadColumns, controlReadColumns, type ReadColumn } from './record-sheet-columns.js';
import { columnOfPath, columnPaths, issueSentence, orderedLike, readRow } from './row-record.js';

export { MAX_CELL_CHARS, MAX_CELL_LINES } from './check-cell.js';


export interface ImportOptions {
  mapping?: MappingFile;
  /** The scheme severities and likelihoods are checked against and ratings derived from. */
  scheme?: RiskScheme;
}

export interface HazardLogImport {
  hazards: Hazard[];
  controls: Control[];
  acceptances: Acceptance[];
  /** The sheets read, by role: their names and how many records each gave. */
  sheets: { role: ImportSheet; name: string; records: number }[];
  diagnostics: Diagnostic[];
}

interface SheetSpec {
  role: ImportSheet;
  noun: string;
  /** Sheet names that hold this role, compared tolerantly. */
  names: readonly string[];
  columns: readonly ReadColumn[];
  required: readonly string[];
  schema: z.ZodType;
  /** Derived rating columns and the level columns they are checked against. */
  ratings: readonly { rating: string; severity: string; likelihood: string }[];
}

const specs: readonly SheetSpec[] = [
  {
    role: 'hazards',
    noun: 'hazard',
    names: ['Hazards', 'Hazard log', 'Hazard register', 'Risk log', 'Risks'],
    columns: hazardLogColumns,
    required: ['id', 'title', 'description', 'causes', 'effects', 'harms', 'initialSeverity', 'initialLikelihood', 'residualSeverity', 'residualLikelihood', 'status', 'owner', 'raised'],
    schema: Hazard,
    ratings: [
      { rating: 'initialRating', severity: 'initialSeverity', likelihood: 'initialLikelihood' },
      { rating: 'residualRating', severity: 'residualSeverity', likelihood: 'residualLikelihood' },
    ],
  },
  {
    role: 'controls',
    noun: 'control',
    names: ['Controls', 'Control register', 'Mitigations'],
    columns: controlReadColumns,
    required: ['id', 'title', 'kind', 'status', 'owner'],
    schema: Control,
    ratings: [],
  },
  {
    role: 'acceptances',
    noun: 'acceptance',
    names: ['Acceptances', 'Risk acceptances', 'Acceptance'],
    columns: acceptanceReadColumns,
    required: ['id', 'hazard', 'acceptedBy', 'role', 'date'],
    schema: Acceptance,
    ratings: [{ rating: 'residualRating', severity: 'residualSeverity', likelihood: 'residualLikelihood' }],
  },
];

/** The known columns of each sheet, for the mapping file's check. */
export const importColumns: Readonly<Record<ImportSheet, readonly ReadColumn[]>> = Object.freeze({
  hazards: hazardLogColumns,
  controls: controlReadColumns,
  acceptances: acceptanceReadColumns,
});

export function importHazardLog(workbook: CellWorkbook, options: ImportOptions = {}): HazardLogImport {
  const scheme = options.scheme ?? DCB_EXAMPLE_SCHEME;
  const diagnostics: Diagnostic[] = [];
  const read = new Map<ImportSheet, ReadRecord[]>();
  const sheets: HazardLogImport['sheets'] = [];
  for (const spec of specs) {
    const sheet = findSheet(workbook, spec, options.mapping?.[spec.role], diagnostics);
    if (!sheet) continue;
    const records = readSheet(workbook, sheet, spec, options.mapping?.[spec.role], scheme, diagnostics);
    if (records) {
      read.set(spec.role, records);
      sheets.push({ role: spec.role, name: sheet.name, records: records.length });
    }
  }
  checkReferences(read, diagnostics);
  // The Hazards sheet's Acceptance column is derived from the Acceptances sheet: without that
  // sheet, what it lists would be lost without a word.
  if (!read.has('acceptances'))
    for (const h of read.get('hazards') ?? [])
      if (h.filled.has('acceptance'))
        diagnostics.push(
          makeDiagnostic(importCodes.valueLeftOut, {
            file: h.file,
            cell: { sheet: h.sheet, ref: h.refs.get('acceptance')! },
            record: h.id,
            message: `Hazard \`${h.id}\` lists acceptances, which crr imports from the Acceptances sheet, and there is none; they are not imported.`,
            hint: workbook.format === 'csv' ? 'Put acceptances.csv beside the hazards CSV file, as crr export writes it.' : 'Import the workbook with its Acceptances sheet.',
          }),
        );
  const values = (role: ImportSheet) => (read.get(role) ?? []).map((r) => r.value);
  return {
    hazards: values('hazards') as Hazard[],
    controls: values('controls') as Control[],
    acceptances: values('acceptances') as Acceptance[],
    sheets,
    diagnostics: capDiagnostics(sortDiagnostics(diagnostics), { perFile: 200, total: 500 }),
  };
}

/** The sheet of a role: the CSV file given for it, the mapping's sheet, or one named for it. */
function findSheet(workbook: CellWorkbook, spec: SheetSpec, mapping: SheetMapping | undefined, diagnostics: Diagnostic[]): SheetGrid | undefined {
  if (workbook.format === 'csv') return workbook.sheets.find((s) => s.role === spec.role);
  if (mapping?.sheet !== undefined) {
    const wanted = mapping.sheet;
    const found = workbook.sheets.find((s) => s.name === wanted) ?? workbook.sheets.find((s) => normaliseHeader(s.name) === normaliseHeader(wanted));
    if (!found)
      diagnostics.push(
        makeDiagnostic(importCodes.noHeaderRow, {
          file: workbook.file,
          message: `The workbook has no sheet \`${wanted}\`, which the mapping file names for the ${spec.role}.${didYouMeanSentence(wanted, workbook.sheets.map((s) => s.name))}`,
          hint: `Its sheets are: ${workbook.sheets.map((s) => `\`${s.name}\``).join(', ')}.`,
        }),
      );
    return found;
  }
  const names = new Set(spec.names.map(normaliseHeader));
  const found = workbook.sheets.find((s) => names.has(normaliseHeader(s.name)));
  if (found) return found;
  // A workbook of one sheet is the hazard log, whatever the sheet is called.
  if (spec.role === 'hazards' && workbook.sheets.length === 1) return workbook.sheets[0];
  if (spec.role === 'hazards')
    diagnostics.push(
      makeDiagnostic(importCodes.noHeaderRow, {
        file: workbook.file,
        message: `The workbook has no sheet named \`Hazards\`, so crr cannot tell which of its ${workbook.sheets.length} sheets is the hazard log.`,
        hint: `Its sheets are: ${workbook.sheets.map((s) => `\`${s.name}\``).join(', ')}. Rename the hazard log's sheet \`Hazards\`, or name it in a mapping file (\`hazards: { sheet: … }\`).`,
      }),
    );
  return undefined;
}

function readSheet(workbook: CellWorkbook, sheet: SheetGrid, spec: SheetSpec, mapping: SheetMapping | undefined, scheme: RiskScheme, diagnostics: Diagnostic[]): ReadRecord[] | undefined {
  const file = sheet.file ?? workbook.file;
  const at = (def: DiagnosticDefinition, ref: string | undefined, message: string, hint?: string, record?: string) =>
    diagnostics.push(makeDiagnostic(def, { file, ...(ref !== undefined ? { cell: { sheet: sheet.name, ref } } : {}), ...(record ? { record } : {}), message, ...(hint ? { hint } : {}) }));

  if (sheet.tooLarge) {
    at(importCodes.tooLarge, undefined, `The sheet \`${sheet.name}\` has ${sheet.tooLarge.rows.toLocaleString('en-GB')} rows and ${sheet.tooLarge.columns} columns; crr reads at most 20,000 rows and 200 columns of a sheet.`, 'Split the sheet, or delete the rows and columns below and beside the log.');
    return undefined;
  }
  if (sheet.hidden) at(importCodes.hiddenSheet, undefined, `The sheet \`${sheet.name}\` is hidden in the workbook; crr read it as the ${spec.role}.`, 'Unhide it in the spreadsheet program to check what was imported.');

  // Header → column key: the mapping's own headers first, then the columns' names.
  const index = headerIndex(spec.columns);
  const mapped = new Map<string, string>();
  for (const [from, to] of Object.entries(mapping?.columns ?? {})) {
    const key = matchHeader(to, index);
    if (key !== undefined) mapped.set(normaliseHeader(from), key);
  }
  const ignored = new Set((mapping?.ignore ?? []).map(normaliseHeader));
  const resolve = (text: string) => mapped.get(normaliseHeader(text)) ?? matchHeader(text, index);

  const headerRow = mapping?.headerRow !== undefined ? mapping.headerRow - 1 : findHeaderRow(sheet, index, resolve);
  if (headerRow === undefined || !sheet.rows[headerRow]?.some((c) => c?.text)) {
    at(
      importCodes.noHeaderRow,
      headerRow === undefined ? undefined : rowRef(headerRow),
      headerRow === undefined
        ? `No row among the first 20 of the sheet \`${sheet.name}\` has the headers of a ${spec.noun} log (\`${spec.columns[0]!.header}\`, \`${spec.columns[1]!.header}\`, …).`
        : `Row ${headerRow + 1} of the sheet \`${sheet.name}\`, which the mapping file names as the header row, is empty.`,
      'Say which row holds the headers, and what they mean, in a mapping file (`--mapping`).',
    );
    return undefined;
  }

  const byKey = new Map(spec.columns.map((c) => [c.key, c]));
  const columnAt = new Map<number, ReadColumn>();
  const colOf = new Map<string, number>();
  const headers = sheet.rows[headerRow]!;
  for (let c = 0; c < headers.length; c++) {
    const text = headers[c]?.text.trim();
    if (!text) continue;
    if (ignored.has(normaliseHeader(text))) continue;
    const key = resolve(text);
    const column = key === undefined ? undefined : byKey.get(key);
    if (!column) {
      at(importCodes.unknownColumn, cellRef(headerRow, c), `The column \`${text}\` is not a column of the ${spec.role} sheet, so its values are not imported.${didYouMeanSentence(text, spec.columns.map((k) => k.header))}`, 'Map it to a crr column in a mapping file, or list it under `ignore:` there to silence this.');
      continue;
    }
    const first = colOf.get(column.key);
    if (first !== undefined) {
      at(importCodes.duplicateColumn, cellRef(headerRow, c), `The column \`${text}\` holds the ${column.header}, as the column \`${headers[first]!.text.trim()}\` (${cellRef(headerRow, first)}) does; crr reads neither.`, 'Delete or rename one of them, or map only one in a mapping file.');
      columnAt.delete(first);
      continue;
    }
    colOf.set(column.key, c);
    columnAt.set(c, column);
  }
  const missing = spec.required.filter((k) => !colOf.has(k) || !columnAt.has(colOf.get(k)!));
  if (missing.length) {
    for (const k of missing)
      at(importCodes.missingColumn, rowRef(headerRow), `The ${spec.role} sheet has no column \`${byKey.get(k)!.header}\`, which every ${spec.noun} needs, so no ${spec.noun} is imported from it.`, `Add the column, or map the sheet's own header to \`${byKey.get(k)!.header}\` in a mapping file.`);
    return undefined;
  }

  const paths = columnPaths(spec.columns);
  const records: ReadRecord[] = [];
  const firstRowOf = new Map<string, string>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const cells = new Map<string, string>();
    const refs = new Map<string, string>();
    const rejected = new Set<string>();
    let any = false;
    for (const [c, column] of columnAt) {
      refs.set(column.key, cellRef(r, c));
      const cell = row[c];
      if (cell && cell.text.trim() !== '') any = true;
    }
    if (!any) continue;
    const idCell = row[colOf.get('id')!];
    const id = idCell?.text.trim() ?? '';
    const idRef = refs.get('id')!;
    if (!id) {
      at(importCodes.emptyId, idRef, `Row ${r + 1} of the ${spec.role} sheet has values but no ${byKey.get('id')!.header}, so it is not imported.`, `Give the ${spec.noun} its id, or delete the row.`);
      continue;
    }
    const seen = firstRowOf.get(id);
    if (seen !== undefined) {
      at(importCodes.duplicateId, idRef, `The ${spec.noun} id \`${id}\` is used again in row ${r + 1}; it is first used at ${seen}. Only the first row is imported.`, 'Give one of them a new id, or merge the two rows.', id);
      continue;
    }
    firstRowOf.set(id, idRef);
    for (const [c, column] of columnAt) {
      const cell = row[c];
      if (!cell) continue;
      const text = checkedCell(cell, column, workbook.format, scheme, (def, message, hint) => at(def, cellRef(r, c), message, hint, id));
      if (text === undefined) rejected.add(column.key);
      else if (text !== '') cells.set(column.key, text);
    }
    // Ratings: derived by crr, compared with the sheet's.
    for (const { rating, severity, likelihood } of spec.ratings) {
      const c = colOf.get(rating);
      const written = c === undefined ? '' : (row[c]?.text.trim() ?? '');
      if (!written) continue;
      const derived = rate(scheme, cells.get(likelihood) ?? '', cells.get(severity) ?? '');
      if (derived && written !== String(derived.rating))
        at(importCodes.ratingMismatch, cellRef(r, c!), `The ${byKey.get(rating)!.header} of ${spec.noun} \`${id}\` is ${written} in the sheet, but the matrix gives ${derived.rating} for likelihood ${derived.likelihood} and severity ${derived.severity}; crr keeps the severity and likelihood and derives ${derived.rating}.`, 'Check the severity and likelihood: the sheet may have been scored by hand or with another matrix.', id);
    }
    const { draft, problems } = readRow(spec.columns, cells);
    for (const p of problems) {
      const key = spec.columns.find((k) => k.header === p.column)?.key;
      at(importCodes.invalidValue, key ? refs.get(key) : idRef, p.message, undefined, id);
      if (key) rejected.add(key);
    }
    const ordered = orderedLike(draft, spec.schema);
    const parsed = spec.schema.safeParse(ordered);
    if (!parsed.success) {
      const reported = new Set<string>();
      for (const issue of parsed.error.issues) {
        const key = columnOfPath(paths, issue.path) ?? 'id';
        if (rejected.has(key) || reported.has(key)) continue;
        reported.add(key);
        const column = byKey.get(key)!;
        const isDate = issue.code === 'invalid_format' && (issue as { format?: string }).format === 'date';
        at(isDate ? importCodes.badDate : importCodes.invalidValue, refs.get(key) ?? idRef, issueSentence(issue, column, spec.noun, id, cells.has(key)), undefined, id);
      }
      continue;
    }
    if (rejected.size) continue;
    const filled = new Set([...columnAt].filter(([c]) => row[c]?.text.trim()).map(([, column]) => column.key));
    records.push({ id, row: r, value: parsed.data as Record<string, unknown>, refs, filled, sheet: sheet.name, file });
  }
  return records;
}

