import type { DiagnosticCode } from '../diagnostics/catalogue.js';
import type { CodeDefinition } from '../diagnostics/code.js';
import type { Severity, YamlPath } from '../diagnostics/diagnostic.js';
import type { Register, Source } from '../model/register.js';

/** What a rule reports: where, about what, and in which words. Code and severity come from the rule. */
export interface Finding {
  /** Where: a record's or node's source, optionally narrowed to a path below it. */
  at: Source;
  /** Path below `at.path`, e.g. `['residualRisk', 'severity']`. */
  below?: YamlPath;
  /** Point at the key rather than its value. */
  atKey?: boolean;
  record?: string;
  message: string;
  hint: string;
}

export interface RuleContext {
  register: Register;
  /** The date the register is judged at, `YYYY-MM-DD`. */
  asOf: string;
}

/**
 * A validation rule: a permanent code, its documentation, and a pure check of the register. Rules
 * never throw on user data and never read anything but the register and the as-of date.
 */
export interface Rule<C extends string = DiagnosticCode> extends CodeDefinition<C, Severity> {
  check(context: RuleContext): Iterable<Finding>;
}

/** Define a rule; its literal code is kept in the type, for the closed union of codes. */
export function defineRule<C extends string>(rule: Rule<C>): Rule<C> {
  return Object.freeze(rule);
}

/** The dotted field name of a path below a record (`residualRisk.severity`). */
export function fieldName(path: YamlPath | undefined): string | undefined {
  if (!path || path.length === 0) return undefined;
  return path.filter((p) => typeof p === 'string').join('.') || undefined;
}
