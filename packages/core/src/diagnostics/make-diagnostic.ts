import type { DiagnosticCode } from './catalogue.js';
import type { CodeDefinition } from './code.js';
import type { Diagnostic, Severity, SheetCell, YamlPath } from './diagnostic.js';

/** Where a diagnostic is and what it says; its code, severity and rule come from its definition. */
export interface DiagnosticDetails {
  /** File relative to the register folder; absent for register-wide problems. */
  file?: string;
  /** Path of the offending node; the positioning stage turns it into a line and column. */
  path?: YamlPath;
  line?: number;
  column?: number;
  /** The spreadsheet cell, for a diagnostic of an imported spreadsheet. */
  cell?: SheetCell;
  record?: string;
  field?: string;
  message: string;
  hint?: string;
}

/** A definition that can be reported as a diagnostic: errors and warnings, never a diff notice. */
export type DiagnosticDefinition = CodeDefinition<DiagnosticCode, Severity>;

/**
 * The one way to build a diagnostic, so that a code's severity and rule name are stated once, in
 * its definition, and never retyped where it is raised. Absent details are left out, not set to
 * `undefined`, so diagnostics compare and print the same however they were built.
 */
export function makeDiagnostic(def: DiagnosticDefinition, details: DiagnosticDetails): Diagnostic {
  const { file, path, line, column, cell, record, field, message, hint } = details;
  return {
    code: def.code,
    severity: def.severity,
    rule: def.name,
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(cell !== undefined ? { cell } : {}),
    ...(record !== undefined ? { record } : {}),
    ...(field !== undefined ? { field } : {}),
    message,
    ...(hint !== undefined ? { hint } : {}),
  };
}
