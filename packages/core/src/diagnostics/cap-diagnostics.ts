import { loadCodes } from '../load/load-codes.js';
import { loadLimits } from '../load/load-limits.js';
import { countBySeverity, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { makeDiagnostic } from './make-diagnostic.js';

const n = (x: number) => x.toLocaleString('en-GB');

function counted(hidden: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(hidden);
  const parts = [errors ? `${n(errors)} ${errors === 1 ? 'error' : 'errors'}` : '', warnings ? `${n(warnings)} ${warnings === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean);
  return parts.join(' and ');
}

/** Errors before warnings, then in the usual order: what is kept when not everything can be shown. */
function byImportance(a: Diagnostic, b: Diagnostic): number {
  return (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1);
}

/**
 * At most `perFile` diagnostics for each file and `total` in all, errors first, each file's rest
 * counted in one CRR-W016 (and the rest over all files in one more), so that a file of 100,000
 * mistakes prints a page, not 74 MB, and the exit code still says whether there were errors.
 * Sorted in, sorted out.
 */
export function capDiagnostics(sorted: readonly Diagnostic[], limits: { perFile: number; total: number } = { perFile: loadLimits.diagnosticsPerFile, total: loadLimits.diagnosticsTotal }): Diagnostic[] {
  if (sorted.length <= Math.min(limits.perFile, limits.total)) return [...sorted];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sorted) {
    const key = d.file ?? '';
    let list = byFile.get(key);
    if (!list) byFile.set(key, (list = []));
    list.push(d);
  }
  // Each file's first `perFile`, errors first (a stable sort keeps each group in file order).
  const kept: Diagnostic[] = [];
  const hiddenIn = new Map<string, Diagnostic[]>();
  for (const [file, list] of byFile) {
    const ranked = list.length > limits.perFile ? [...list].sort(byImportance) : list;
    for (const d of ranked.slice(0, limits.perFile)) kept.push(d);
    if (ranked.length > limits.perFile) hiddenIn.set(file, ranked.slice(limits.perFile));
  }
  // Then the first `total` of those, errors first; a file left with nothing shown is summed up
  // with the others, not given a line of its own.
  let shown = kept;
  const elsewhere: Diagnostic[] = [];
  if (kept.length > limits.total) {
    const ranked = sortDiagnostics(kept).sort(byImportance);
    shown = ranked.slice(0, limits.total);
    const showing = new Set(shown.map((d) => d.file ?? ''));
    for (const d of ranked.slice(limits.total)) {
      const file = d.file ?? '';
      if (showing.has(file)) {
        let list = hiddenIn.get(file);
        if (!list) hiddenIn.set(file, (list = []));
        list.push(d);
      } else elsewhere.push(d);
    }
    for (const [file, list] of hiddenIn) {
      if (showing.has(file)) continue;
      for (const d of list) elsewhere.push(d);
      hiddenIn.delete(file);
    }
  }
  const summaries: Diagnostic[] = [];
  for (const [file, hidden] of hiddenIn) {
    let first = hidden[0]!;
    for (const d of hidden) if ((d.line ?? 0) < (first.line ?? 0) || ((d.line ?? 0) === (first.line ?? 0) && (d.column ?? 0) < (first.column ?? 0))) first = d;
    summaries.push(
      makeDiagnostic(loadCodes.diagnosticsCapped, {
        ...(file ? { file } : {}),
        ...(file && first.line !== undefined ? { line: first.line, column: first.column ?? 1 } : {}),
        message: `And ${n(hidden.length)} more ${hidden.length === 1 ? 'problem' : 'problems'} (${counted(hidden)}) ${file ? 'in this file were not shown, the first of them here' : 'in the register were not shown'}; crr shows at most ${n(limits.perFile)} for each file.`,
        hint: 'Fix the problems shown first (so many usually share one cause), then run again.',
      }),
    );
  }
  if (elsewhere.length) {
    const files = new Set(elsewhere.map((d) => d.file ?? '')).size;
    summaries.push(
      makeDiagnostic(loadCodes.diagnosticsCapped, {
        message: `And ${n(elsewhere.length)} more ${elsewhere.length === 1 ? 'problem' : 'problems'} (${counted(elsewhere)}) in ${n(files)} ${files === 1 ? 'file' : 'files'} were not shown; crr shows at most ${n(limits.total)} in all.`,
        hint: 'Fix the problems shown first, then run again.',
      }),
    );
  }
  return sortDiagnostics([...shown, ...summaries]);
}
