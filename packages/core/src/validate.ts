import { capDiagnostics } from './diagnostics/cap-diagnostics.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { makeDiagnostic } from './diagnostics/make-diagnostic.js';
import { positionDiagnostic, positionDiagnostics } from './diagnostics/position.js';
import { FolderNotFoundError, readRegisterFolder, type FolderRead } from './io/read-folder.js';
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
      const field = fieldName(f.below);
      const d = makeDiagnostic(rule, { file: f.at.file, path: [...f.at.path, ...(f.below ?? [])], record: f.record, field, message: f.message, hint: f.hint });
      out.push(positionDiagnostic(d, register.sources, { key: f.atKey ?? false, fallback: { line: f.at.line, column: f.at.column } }));
    }
  }
  return out;
}

/** Files to every diagnostic, sorted, none left out. */
function allDiagnostics(files: readonly SourceFile[], options: ValidateOptions & { refused?: number }): Validation {
  const { register, diagnostics } = loadRegister(files, { refused: options.refused ?? 0 });
  const ruled = runRules(register, options);
  return { register, diagnostics: sortDiagnostics([...positionDiagnostics(diagnostics, register.sources), ...ruled]) };
}

/**
 * Files to sorted diagnostics: load, parse, resolve, then every rule. At most 100 for each file
 * and 1,000 in all are returned, errors first, with a CRR-W016 that counts the rest.
 */
export function validateFiles(files: readonly SourceFile[], options: ValidateOptions & { refused?: number }): Validation {
  const { register, diagnostics } = allDiagnostics(files, options);
  return { register, diagnostics: capDiagnostics(diagnostics) };
}

/**
 * A register folder read (from disk, `readRegisterFolder`, or at a git revision,
 * `readRegisterAtRevision`) to sorted diagnostics: what the read refused, counted so the loader
 * can say the register is incomplete, then everything `validateFiles` finds; capped as by it.
 */
export function validateRead(read: FolderRead, options: ValidateOptions): Validation {
  const refused = read.diagnostics.filter((d) => d.severity === 'error').length;
  const result = allDiagnostics(read.files, { ...options, refused });
  return { register: result.register, diagnostics: capDiagnostics(sortDiagnostics([...read.diagnostics, ...result.diagnostics])) };
}

/** A folder to sorted diagnostics, capped as by validateFiles. Throws FolderNotFoundError only when there is no folder at all. */
export async function validateFolder(folder: string, options: ValidateOptions): Promise<Validation> {
  return validateRead(await readRegisterFolder(folder), options);
}

export { FolderNotFoundError };
