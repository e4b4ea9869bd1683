import { capDiagnostics } from './diagnostics/cap-diagnostics.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { FolderNotFoundError, readRegisterFolder } from './io/read-folder.js';
import { loadRegister } from './load/load-register.js';
import type { Register } from './model/register.js';
import { rules as allRules } from './rules/index.js';
import { fieldName, type Rule } from './rules/rule.js';
import type { SourceFile } from './source/source-file.js';

export interface ValidateOptions {
  /** The date the register is judged at, `YYYY-MM-DD`; the core never reads the clock. */
  asOf: string;
  rules?: readonly Rule[];
}

export interface Validation {
  register: Register;
  diagnostics: Diagnostic[];
}

/** Run every rule over a register. Rules never throw on user data; a rule that does is a bug, reported as one. */
export function runRules(register: Register, options: ValidateOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of options.rules ?? allRules) {
    for (const f of rule.check({ register, asOf: options.asOf })) {
      const path = [...f.at.path, ...(f.below ?? [])];
      const pos = register.sources.get(f.at.file)?.locate(path, { key: f.atKey ?? false }) ?? { line: f.at.line, column: f.at.column };
      const field = fieldName(f.below);
      out.push({
        code: rule.code,
        severity: rule.severity,
        rule: rule.name,
        file: f.at.file,
        line: pos.line,
        column: pos.column,
        path,
        ...(f.record ? { record: f.record } : {}),
        ...(field ? { field } : {}),
        message: f.message,
        hint: f.hint,
      });
    }
  }
  return out;
}

/** Give a position to load diagnostics that know their path but not yet their line. */
function position(register: Register, diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.line !== undefined || !d.file || !d.path) return d;
    const pos = register.sources.get(d.file)?.locate(d.path, { key: d.rule === 'unknown-key' || d.rule === 'reserved-key' });
    return pos ? { ...d, ...pos } : d;
  });
}

/** Files to every diagnostic, sorted, none left out. */
function allDiagnostics(files: readonly SourceFile[], options: ValidateOptions & { refused?: number }): Validation {
  const { register, diagnostics } = loadRegister(files, { refused: options.refused ?? 0 });
  const ruled = runRules(register, options);
  return { register, diagnostics: sortDiagnostics([...position(register, diagnostics), ...ruled]) };
}

/**
 * Files to sorted diagnostics: load, parse, resolve, then every rule. At most 100 for each file
 * and 1,000 in all are returned, errors first, with a CRR-W016 that counts the rest.
 */
export function validateFiles(files: readonly SourceFile[], options: ValidateOptions & { refused?: number }): Validation {
  const { register, diagnostics } = allDiagnostics(files, options);
  return { register, diagnostics: capDiagnostics(diagnostics) };
}

/** A folder to sorted diagnostics, capped as by validateFiles. Throws FolderNotFoundError only when there is no folder at all. */
export async function validateFolder(folder: string, options: ValidateOptions): Promise<Validation> {
  const read = await readRegisterFolder(folder);
  const refused = read.diagnostics.filter((d) => d.severity === 'error').length;
  const result = allDiagnostics(read.files, { ...options, refused });
  return { register: result.register, diagnostics: capDiagnostics(sortDiagnostics([...read.diagnostics, ...result.diagnostics])) };
}

export { FolderNotFoundError };
