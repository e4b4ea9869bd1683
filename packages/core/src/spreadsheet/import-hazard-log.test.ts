import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellWorkbook, GridCell, SheetGrid } from './cell-grid.js';
import { hazardLogHeaders } from './hazard-log-columns.js';
import { findHeaderRow, headerIndex, matchHeader, normaliseHeader } from './header-match.js';
import { importColumns, importHazardLog } from './import-hazard-log.js';
import { parseMappingFile } from './mapping-file.js';

const cell = (text: string, extra: Partial<GridCell> = {}): GridCell => ({ text, ...extra });
const sheet = (name: string, rows: (string | GridCell | undefined)[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({
  name,
  rows: rows.map((r) => r.map((c) => (typeof c === 'string' ? (c === '' ? undefined : cell(c)) : c))),
  ...extra,
});
const book = (...sheets: SheetGrid[]): CellWorkbook => ({ file: 'log.xlsx', format: 'xlsx', sheets });

const HEADERS = ['Hazard ID', 'Hazard name', 'Description', 'Causes', 'Effects', 'Potential clinical harm', 'Initial severity', 'Initial likelihood', 'Residual severity', 'Residual likelihood', 'Status', 'Owner', 'Raised'];
const ROW = ['HAZ-1', 'Name', 'Desc', 'Cause', 'Effect', 'Harm', 'major', 'low', 'major', 'very low', 'open', 'ICB', '2026-01-02'];

describe('header matching', () => {
  it('ignores case, spacing, punctuation and a parenthesised note', () => {
    const index = headerIndex(importColumns.hazards);
    for (const h of ['Hazard ID', 'hazard_id', ' HAZARD-ID. ', 'Hazard Id']) expect(matchHeader(h, index), h).toBe('id');
    expect(matchHeader('Additional controls (with kind and status)', index)).toBe('additionalControls');
    expect(matchHeader('Severity (initial)', index)).toBe('initialSeverity');
    expect(matchHeader('RAG', index)).toBeUndefined();
    expect(normaliseHeader('Catégorie ')).toBe('categorie');
  });

  it('finds the header row below titles, notes and blank rows', () => {
    const index = headerIndex(importColumns.hazards);
    expect(findHeaderRow(sheet('H', [['Title'], [], ['Hazard ID'], HEADERS, ROW]), index)).toBe(3);
    expect(findHeaderRow(sheet('H', [['nothing'], ['here']]), index)).toBeUndefined();
  });

  it('knows every header the exporter writes', () => {
    const index = headerIndex(importColumns.hazards);
    expect(hazardLogHeaders.filter((h) => matchHeader(h, index) === undefined)).toEqual([]);
  });
});

describe('importHazardLog', () => {
  it('reads a minimal sheet into a hazard the model accepts', () => {
    const r = importHazardLog(book(sheet('Hazards', [HEADERS, ROW])));
    expect(r.diagnostics).toEqual([]);
    expect(r.hazards).toEqual([
      { id: 'HAZ-1', title: 'Name', description: 'Desc', causes: [{ description: 'Cause' }], effects: ['Effect'], harms: ['Harm'], initialRisk: { severity: 'major', likelihood: 'low' }, residualRisk: { severity: 'major', likelihood: 'very low' }, status: 'open', owner: 'ICB', raised: '2026-01-02' },
    ]);
  });

  it('takes a date cell as its date and refuses a number in a date column', () => {
    const dated = [...ROW.slice(0, 12), cell('2026-01-02', { kind: 'date' })];
    expect(importHazardLog(book(sheet('Hazards', [HEADERS, dated]))).hazards[0]?.raised).toBe('2026-01-02');
    const serial = [...ROW.slice(0, 12), cell('46024', { kind: 'number' })];
    const r = importHazardLog(book(sheet('Hazards', [HEADERS, serial])));
    expect(r.diagnostics.map((d) => [d.code, d.cell?.ref, d.hint])).toEqual([['CRR-I011', 'M2', 'The cell holds a number: format it as a date in the spreadsheet program.']]);
  });

  it('reports a sheet with too many rows, a hidden sheet, a spreadsheet error value and two columns for one field', () => {
    expect(importHazardLog(book(sheet('Hazards', [], { tooLarge: { rows: 30_000, columns: 5 } }))).diagnostics.map((d) => d.code)).toEqual(['CRR-I002']);
    const hidden = importHazardLog(book(sheet('Hazards', [HEADERS, ROW], { hidden: true })));
    expect(hidden.diagnostics.map((d) => d.code)).toEqual(['CRR-I018']);
    const error = importHazardLog(book(sheet('Hazards', [HEADERS, [...ROW.slice(0, 11), cell('#N/A', { kind: 'error' }), ROW[12]!]])));
    expect(error.diagnostics.map((d) => [d.code, d.cell?.ref])).toEqual([['CRR-I016', 'L2']]);
    const twice = importHazardLog(book(sheet('Hazards', [[...HEADERS, 'Hazard owner'], [...ROW, 'Someone']])));
    expect(twice.diagnostics.map((d) => [d.code, d.cell?.ref])).toContainEqual(['CRR-I006', 'N1']);
  });

  it('never throws, whatever the cells hold', () => {
    const text = fc.oneof(fc.constantFrom(...HEADERS, ...ROW, '', '=1+1', "'x", '[', 'a [b: c', 'x\ny', 'very  HIGH'), fc.string({ maxLength: 30 }));
    const grid = fc.array(fc.array(fc.option(text.map((t) => cell(t)), { nil: undefined }), { maxLength: 16 }), { maxLength: 8 });
    fc.assert(
      fc.property(grid, grid, (hazards, controls) => {
        const r = importHazardLog(book(sheet('Hazards', [HEADERS, ...hazards]), sheet('Controls', controls)));
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseMappingFile', () => {
  it('refuses YAML that does not parse, duplicate keys and an empty file, at their lines', () => {
    const bad = parseMappingFile('hazards:\n  sheet: [unclosed\n', 'm.yaml', importColumns);
    expect(bad.mapping).toBeUndefined();
    expect(bad.diagnostics[0]!.code).toBe('CRR-I017');
    const dup = parseMappingFile('hazards:\n  sheet: A\n  sheet: B\n', 'm.yaml', importColumns);
    expect(dup.diagnostics.map((d) => d.line)).toEqual([3]);
    expect(parseMappingFile('# nothing\n', 'm.yaml', importColumns).diagnostics[0]!.message).toBe('The mapping file is empty.');
  });

  it('names the column a mapping points at when crr does not know it, with the nearest', () => {
    const r = parseMappingFile('controls:\n  columns:\n    Ref: Control IDD\n', 'm.yaml', importColumns);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([[3, 10, '`Control IDD` is not a column of the controls sheet. Did you mean `Control ID`?']]);
  });
});
