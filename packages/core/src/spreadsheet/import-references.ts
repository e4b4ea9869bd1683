import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSentence } from '../diagnostics/did-you-mean.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import type { Acceptance } from '../model/acceptance.js';
import type { Hazard } from '../model/hazard.js';
import { importCodes } from './import-codes.js';
import type { ImportSheet } from './mapping-file.js';

/** One record read from a row, before the references between sheets are checked. */
export interface ReadRecord {
  id: string;
  row: number;
  value: Record<string, unknown>;
  /** Column key → A1 reference of its cell in this row. */
  refs: Map<string, string>;
  /** The columns whose cell in this row holds something, read or derived. */
  filled: Set<string>;
  sheet: string;
  file: string;
}

/** Every control a hazard names is a row of the Controls sheet; every acceptance's hazard, one of the Hazards sheet. */
export function checkReferences(read: ReadonlyMap<ImportSheet, ReadRecord[]>, diagnostics: Diagnostic[]): void {
  const controls = new Set((read.get('controls') ?? []).map((c) => c.id));
  const hazards = new Set((read.get('hazards') ?? []).map((h) => h.id));
  const hasControlsSheet = read.has('controls');
  const refProblem = (rec: ReadRecord, key: string, message: string, hint: string) =>
    diagnostics.push(makeDiagnostic(importCodes.unknownReference, { file: rec.file, cell: { sheet: rec.sheet, ref: rec.refs.get(key)! }, record: rec.id, message, hint }));
  for (const h of read.get('hazards') ?? []) {
    const v = h.value as Hazard;
    const named: [string, readonly string[] | undefined][] = [
      ['existingControls', v.existingControls],
      ['additionalControls', v.additionalControls],
      ['transferControls', v.transfer?.controls],
    ];
    for (const [key, ids] of named) {
      const unknown = [...new Set((ids ?? []).filter((id) => !controls.has(id)))];
      if (unknown.length)
        refProblem(
          h,
          key,
          `Hazard \`${h.id}\` names ${unknown.length === 1 ? 'the control' : 'the controls'} ${unknown.map((u) => `\`${u}\``).join(', ')}, which ${hasControlsSheet ? `${unknown.length === 1 ? 'is' : 'are'} not in the Controls sheet` : 'crr cannot find: there is no Controls sheet'}.${didYouMeanSentence(unknown[0]!, controls)}`,
          hasControlsSheet ? 'Add a row for it to the Controls sheet, or correct the id.' : 'Import the Controls sheet with the hazards (an XLSX workbook with a `Controls` sheet, or `controls.csv` beside the hazards CSV file): crr writes no stub controls.',
        );
    }
  }
  for (const a of read.get('acceptances') ?? []) {
    const hazard = (a.value as Acceptance).hazard;
    if (!hazards.has(hazard)) refProblem(a, 'hazard', `Acceptance \`${a.id}\` accepts the hazard \`${hazard}\`, which is not in the Hazards sheet.${didYouMeanSentence(hazard, hazards)}`, 'Correct the hazard id, or import the hazard with it.');
  }
}
