import { describe, expect, it } from 'vitest';
import { loadCodes } from '../load/load-codes.js';
import { parseCodes } from '../load/parse-codes.js';
import { SourceText } from '../source/source-text.js';
import { makeDiagnostic } from './make-diagnostic.js';
import { positionDiagnostic, positionDiagnostics } from './position.js';

const text = ['hazards:', '  - id: HAZ-1', '    titel: Misspelt', '    status: open', ''].join('\n');
const sources = new Map([['h.yaml', new SourceText('h.yaml', text)]]);

describe('the positioning stage', () => {
  it('points a diagnostic about a value at the value, and one about a key (by its code) at the key', () => {
    const value = makeDiagnostic(parseCodes.invalidValue, { file: 'h.yaml', path: ['hazards', 0, 'status'], message: 'x' });
    const key = makeDiagnostic(parseCodes.unknownKey, { file: 'h.yaml', path: ['hazards', 0, 'titel'], message: 'x' });
    const [v, k] = positionDiagnostics([value, key], sources);
    expect([v!.line, v!.column]).toEqual([4, 13]);
    expect([k!.line, k!.column]).toEqual([3, 5]);
    // Line and column follow the file, as in a diagnostic built with them.
    expect(Object.keys(v!)).toEqual(['code', 'severity', 'rule', 'file', 'line', 'column', 'path', 'message']);
  });

  it('lets a rule say key or value, and falls back to where the rule found it when the file cannot be located in', () => {
    const d = makeDiagnostic(parseCodes.invalidValue, { file: 'h.yaml', path: ['hazards', 0, 'status'], message: 'x' });
    expect(positionDiagnostic(d, sources, { key: true })).toMatchObject({ line: 4, column: 5 });
    const lost = makeDiagnostic(parseCodes.invalidValue, { file: 'gone.yaml', path: ['hazards', 7], message: 'x' });
    expect(positionDiagnostic(lost, sources, { fallback: { line: 2, column: 5 } })).toMatchObject({ line: 2, column: 5 });
    expect(positionDiagnostic(lost, sources)).toBe(lost);
  });

  it('leaves alone a diagnostic that has a line already, or names no file or path', () => {
    const placed = makeDiagnostic(loadCodes.emptyFile, { file: 'h.yaml', path: ['hazards'], line: 9, column: 9, message: 'x' });
    const wide = makeDiagnostic(loadCodes.noRegister, { message: 'x' });
    const unknownFile = makeDiagnostic(parseCodes.invalidValue, { file: 'other.yaml', path: ['hazards'], message: 'x' });
    expect(positionDiagnostics([placed, wide, unknownFile], sources)).toEqual([placed, wide, unknownFile]);
  });
});
