/**
 * A diagnostic is data: a permanent code, a severity, where it is, what it concerns, a message
 * and a hint, built only by `makeDiagnostic` from the code's definition. Diagnostics that name a
 * YAML path get their line and column in the positioning stage (`position.ts`). Only the CLI
 * turns diagnostics into an exit code.
 */
import type { DiagnosticCode } from './catalogue.js';

export type Severity = 'error' | 'warning';

/** A path into one YAML document: mapping keys and sequence indices. */
export type YamlPath = readonly (string | number)[];

/**
 * A place in a spreadsheet, for the diagnostics of an import: the sheet's name as the workbook
 * spells it and an A1 reference to a cell (`F12`), a whole row (`12`) or a whole column (`F`).
 * Shown as `Hazards!F12`.
 */
export interface SheetCell {
  sheet: string;
  ref: string;
}

export interface Diagnostic {
  /** Permanent code, e.g. `CRR-E012`; never renamed or reused; one of the catalogue's. */
  code: DiagnosticCode;
  severity: Severity;
  /** The rule or stage that produced it, e.g. `duplicate-id`. */
  rule: string;
  /** File relative to the register folder, with `/` separators; absent for register-wide problems. */
  file?: string;
  /** 1-based line and column, where the input has them. */
  line?: number;
  column?: number;
  /** Path of the offending node inside the file. */
  path?: YamlPath;
  /** The spreadsheet cell, for a diagnostic of an imported spreadsheet. */
  cell?: SheetCell;
  /** The record the diagnostic concerns, by id. */
  record?: string;
  /** The field inside that record, dotted, e.g. `residualRisk.severity`. */
  field?: string;
  /** A sentence or two: what is wrong and why it matters. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1 };

/** Sorted by file, then position, then code: the same register always gives the same order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareCells(a.cell, b.cell) ||
    cmp(a.code, b.code) ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    cmp(a.record ?? '', b.record ?? '') ||
    cmp(a.message, b.message)
  );
}

/** `Hazards!F12`: the sheet, quoted as Excel quotes it when its name is not a plain word. */
export function sheetCellText(cell: SheetCell): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(cell.sheet) ? cell.sheet : `'${cell.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${cell.ref}`;
}

/** Cells in reading order: by sheet, then row, then column (`B2` before `A10`); none first. */
function compareCells(a: SheetCell | undefined, b: SheetCell | undefined): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  const [ac, ar] = refParts(a.ref);
  const [bc, br] = refParts(b.ref);
  return cmp(a.sheet, b.sheet) || ar - br || ac.length - bc.length || cmp(ac, bc);
}

function refParts(ref: string): [string, number] {
  const m = /^([A-Z]*)([0-9]*)$/.exec(ref);
  return [m?.[1] ?? '', Number(m?.[2] || 0)];
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Plain code-point comparison, independent of locale, so output is the same on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
