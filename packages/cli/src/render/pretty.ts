import { countBySeverity, countOf, sheetCellText, type Diagnostic, type Register } from '@crr/core';
import { codeFrame } from './code-frame.js';
import type { Paint } from './colour.js';
import { safeLine } from './safe-text.js';

export interface PrettyContext {
  /** How the register folder is shown in front of each file: the path the user typed. */
  displayDir: string;
  /** The register whose sources give the code frames; absent for a spreadsheet being imported. */
  register?: Register;
  paint: Paint;
}

export function displayPath(dir: string, file: string | undefined): string {
  if (!file) return dir;
  const base = dir === '.' || dir === './' ? '' : dir.replace(/\/+$/, '') + '/';
  return base + file;
}

/** `file:line:col CODE severity message` (`file Sheet!F12 …` for a spreadsheet's cell), then a code frame and the hint. */
export function renderDiagnostic(d: Diagnostic, ctx: PrettyContext): string {
  const { paint: p } = ctx;
  // File names and messages quote the register (values, ids, names of files in a pull request):
  // escaped, then painted, so only crr's own colours reach the terminal.
  const file = displayPath(ctx.displayDir, d.file);
  // A CSV file is its own sheet: `hazards.csv!F12`; a workbook's cell follows the file: `log.xlsx Hazards!F12`.
  const cell = !d.cell ? '' : d.file && (d.file === d.cell.sheet || d.file.endsWith(`/${d.cell.sheet}`)) ? `!${d.cell.ref}` : ` ${sheetCellText(d.cell)}`;
  const where = safeLine(file + (d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : '') + cell);
  const sev = d.severity === 'error' ? p.red('error') : p.yellow('warning');
  const lines = [`${p.bold(where)} ${p.dim(d.code)} ${sev} ${safeLine(d.message)}`];
  const source = d.file ? ctx.register?.sources.get(d.file) : undefined;
  if (source && d.line !== undefined) lines.push(codeFrame(source, d.line, d.column ?? 1, p));
  if (d.hint) lines.push(`  ${p.cyan('hint:')} ${safeLine(d.hint)}`);
  return lines.join('\n');
}

export function summaryLine(diagnostics: readonly Diagnostic[], register: Register, asOf: string, p: Paint): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const files = register.files.length;
  const records =
    register.organisations.length + register.sites.length + register.services.length + register.assets.length + register.profiles.length + register.hazards.length + register.controls.length + register.incidents.length + register.acceptances.length + register.scenarios.length;
  const counts = `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}`;
  const status = errors ? p.red(`✖ ${counts}`) : warnings ? p.yellow(`⚠ ${counts}`) : `✔ ${counts}`;
  return `${status} in ${countOf(files, 'file')}, ${countOf(records, 'record')} (as of ${asOf})`;
}

/**
 * Every diagnostic, then the summary line, then (when given) a sentence saying what the command
 * did not do because of them: what validate prints, and what analyse, what-if, build and serve
 * print before they refuse a register with errors.
 */
export function writeDiagnostics(
  out: { write(s: string): unknown },
  diagnostics: readonly Diagnostic[],
  ctx: PrettyContext & { register: Register; asOf: string },
  after?: string,
): void {
  for (const d of diagnostics) out.write(renderDiagnostic(d, ctx) + '\n\n');
  out.write(summaryLine(diagnostics, ctx.register, ctx.asOf, ctx.paint) + '\n');
  if (after) out.write(after + '\n');
}
