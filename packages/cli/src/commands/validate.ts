import { validationCatalogue, countBySeverity, sheetCellText, type Diagnostic, type Register } from '@crr/core';
import { EXIT, useColour, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { annotationsFromDiagnostics, repositoryDir } from '../render/annotations.js';
import { paint } from '../render/colour.js';
import { githubCommands } from '../render/github.js';
import { writeDiagnostics } from '../render/pretty.js';
import { registerEnvelope } from '../render/json-envelope.js';
import { jsonText } from '../render/safe-text.js';
import { sarifLog } from '../render/sarif.js';
import { loadValidated } from './load.js';
import { CLI_VERSION } from '../version.js';

export async function validateCommand(parsed: Parsed<'validate'>, io: Io): Promise<number> {
  const { dir } = parsed.args;
  const { format, 'as-of': asOf } = parsed.options;
  const { register, diagnostics } = await loadValidated(io, dir, asOf, 'validate');
  // JSON and SARIF escape every control and bidi character (jsonText): safe to show in a terminal.
  if (format === 'json') io.stdout.write(jsonText(validationJson(register, diagnostics, asOf)));
  else if (format === 'github' || format === 'sarif') {
    // For CI: files named as the repository sees them, whatever form of the folder was typed.
    const annotations = annotationsFromDiagnostics(diagnostics, repositoryDir(dir, io.cwd, io.env));
    if (format === 'github') io.stdout.write(githubCommands(annotations));
    else io.stdout.write(jsonText(sarifLog(annotations, validationCatalogue, { toolVersion: CLI_VERSION })));
  } else {
    const p = paint(useColour(io));
    const ctx = { displayDir: dir, register, paint: p };
    writeDiagnostics(io.stdout, diagnostics, { ...ctx, asOf });
  }
  return countBySeverity(diagnostics).errors > 0 ? EXIT.errors : EXIT.ok;
}

/**
 * The documented JSON output of `crr validate --format json`. Stable: fields are added, never
 * renamed or removed, without a new `schemaVersion`.
 */
export function validationJson(register: Register, diagnostics: readonly Diagnostic[], asOf: string) {
  const { errors, warnings } = countBySeverity(diagnostics);
  return registerEnvelope(register, {
    asOf,
    summary: { errors, warnings, files: register.files.length },
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      rule: d.rule,
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
      // Only a spreadsheet import's diagnostics have a cell: `{ sheet, ref, text: "Hazards!F12" }`.
      ...(d.cell ? { cell: { ...d.cell, text: sheetCellText(d.cell) } } : {}),
      record: d.record ?? null,
      field: d.field ?? null,
      message: d.message,
      hint: d.hint ?? null,
    })),
  });
}
