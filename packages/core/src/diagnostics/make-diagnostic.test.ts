import { describe, expect, it } from 'vitest';
import { loadCodes } from '../load/load-codes.js';
import { parseCodes } from '../load/parse-codes.js';
import { residualAboveInitial } from '../rules/residual-above-initial.js';
import { makeDiagnostic } from './make-diagnostic.js';

describe('makeDiagnostic', () => {
  it('takes code, severity and rule from the definition, and only the details given', () => {
    const d = makeDiagnostic(loadCodes.emptyFile, { file: 'a.yaml', line: 1, column: 1, message: 'Empty.', hint: 'Delete it.' });
    expect(d).toEqual({ code: 'CRR-W008', severity: 'warning', rule: 'empty-file', file: 'a.yaml', line: 1, column: 1, message: 'Empty.', hint: 'Delete it.' });
    // Absent details are absent, not `undefined`: a diagnostic prints and compares the same however built.
    expect(Object.keys(makeDiagnostic(loadCodes.noRegister, { message: 'None.', record: undefined }))).toEqual(['code', 'severity', 'rule', 'message']);
  });

  it('keeps a rule\'s definition, and the path, record and field, in the usual key order', () => {
    const d = makeDiagnostic(residualAboveInitial, { file: 'h.yaml', path: ['hazards', 0, 'residualRisk'], record: 'HAZ-1', field: 'residualRisk', message: 'Worse.', hint: 'Swap.' });
    expect(Object.keys(d)).toEqual(['code', 'severity', 'rule', 'file', 'path', 'record', 'field', 'message', 'hint']);
    expect(d).toMatchObject({ code: 'CRR-E040', severity: 'error', rule: 'residual-above-initial' });
  });

  it('accepts only a catalogue code (checked by the type checker)', () => {
    // @ts-expect-error: a code that is not in the catalogue is not a DiagnosticCode.
    const made = makeDiagnostic({ code: 'CRR-E999', name: 'made-up', severity: 'error', title: 't', explanation: 'e' }, { message: 'x' });
    expect(made.code).toBe('CRR-E999');
    expect(makeDiagnostic(parseCodes.unknownKey, { message: 'x' }).severity).toBe('error');
  });
});
