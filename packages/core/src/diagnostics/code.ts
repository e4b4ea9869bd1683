import type { Severity } from './diagnostic.js';

/**
 * How serious a code is. Errors and warnings are diagnostics of a register; a `notice` is only
 * ever a diff notice (CRR-G006): something a reviewer should see that fails nothing.
 */
export type CodeSeverity = Severity | 'notice';

/**
 * The definition of a permanent diagnostic code. Codes are never renamed or reused: a retired
 * code stays in the catalogue, marked retired, so old CI logs keep their meaning. The code is a
 * type parameter so that the catalogue's codes form a closed union (`DiagnosticCode`).
 */
export interface CodeDefinition<C extends string = string, S extends CodeSeverity = CodeSeverity> {
  code: C;
  /** kebab-case name, e.g. `duplicate-id`. */
  name: string;
  severity: S;
  /** One line for the catalogue. */
  title: string;
  /** Why it matters and what to do, for the documentation. */
  explanation: string;
}

/** Define a code; its literal code and severity are kept in the type. */
export function defineCode<C extends string, S extends CodeSeverity>(def: CodeDefinition<C, S>): CodeDefinition<C, S> {
  return Object.freeze(def);
}
