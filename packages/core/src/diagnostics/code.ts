import type { Severity } from './diagnostic.js';

/**
 * The definition of a permanent diagnostic code. Codes are never renamed or reused: a retired
 * code stays in the catalogue, marked retired, so old CI logs keep their meaning.
 */
export interface CodeDefinition {
  code: string;
  /** kebab-case name, e.g. `duplicate-id`. */
  name: string;
  severity: Severity;
  /** One line for the catalogue. */
  title: string;
  /** Why it matters and what to do, for the documentation. */
  explanation: string;
}

export function defineCode(def: CodeDefinition): CodeDefinition {
  return Object.freeze(def);
}
