import { loadCodes } from '../load/load-codes.js';
import { parseCodes } from '../load/parse-codes.js';
import type { DiagnosticCode } from './catalogue.js';
import type { Diagnostic, YamlPath } from './diagnostic.js';

/** Line and column, both 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** What can find a path in a file: a register's `sources` (file → `SourceText`). */
export type Sources = ReadonlyMap<string, { locate(path: YamlPath, options?: { key?: boolean }): Position | undefined }>;

/** Codes about a key itself (a misspelt or reserved key): they point at the key, not its value. */
const keyCodes: ReadonlySet<DiagnosticCode> = new Set([parseCodes.unknownKey.code, loadCodes.reservedKey.code]);

/**
 * The positioning stage: a diagnostic that names its file and YAML path, but not yet its line,
 * gets the line and column of that node (of its key for `key`, or for a code about a key). One
 * that already has a line, or whose path cannot be found, keeps what it has, or `fallback`.
 */
export function positionDiagnostic(d: Diagnostic, sources: Sources, options: { key?: boolean; fallback?: Position } = {}): Diagnostic {
  if (d.line !== undefined || d.file === undefined || d.path === undefined) return d;
  const found = sources.get(d.file)?.locate(d.path, { key: options.key ?? keyCodes.has(d.code) }) ?? options.fallback;
  return found ? withPosition(d, found) : d;
}

/** Every diagnostic of a list through the positioning stage. */
export function positionDiagnostics(diagnostics: readonly Diagnostic[], sources: Sources): Diagnostic[] {
  return diagnostics.map((d) => positionDiagnostic(d, sources));
}

/** Line and column placed after the file, where a diagnostic built with them would have them. */
function withPosition(d: Diagnostic, at: Position): Diagnostic {
  const { code, severity, rule, file, ...rest } = d;
  return { code, severity, rule, ...(file !== undefined ? { file } : {}), line: at.line, column: at.column, ...rest };
}
