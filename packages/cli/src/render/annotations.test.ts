import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@crr/core';
import { annotationsFromDiagnostics, countsText, repositoryDir, repositoryPath, sortAnnotations, type Annotation } from './annotations.js';

const d = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  code: 'CRR-E040',
  severity: 'error',
  rule: 'residual-above-initial',
  file: 'hazards/vpn.yaml',
  line: 19,
  column: 19,
  record: 'HAZ-1',
  field: 'residualRisk',
  message: 'Hazard `HAZ-1` is riskier after its controls than before.',
  hint: 'Lower the residual risk.',
  ...over,
});

describe('annotationsFromDiagnostics', () => {
  it('maps level, rule, title, file, position, record and field; the hint goes on the next line', () => {
    expect(annotationsFromDiagnostics([d()], 'registers/x')).toEqual([
      {
        level: 'error',
        ruleId: 'CRR-E040',
        title: 'CRR-E040 residual-above-initial',
        message: 'Hazard `HAZ-1` is riskier after its controls than before.\nHint: Lower the residual risk.',
        file: 'registers/x/hazards/vpn.yaml',
        line: 19,
        column: 19,
        record: 'HAZ-1',
        field: 'residualRisk',
      },
    ]);
  });

  it('leaves out what the diagnostic does not have', () => {
    const [a] = annotationsFromDiagnostics([d({ severity: 'warning', hint: undefined, line: undefined, column: undefined, record: undefined, field: undefined })], '.');
    expect(a).toEqual({ level: 'warning', ruleId: 'CRR-E040', title: 'CRR-E040 residual-above-initial', message: 'Hazard `HAZ-1` is riskier after its controls than before.', file: 'hazards/vpn.yaml' });
  });

  it('puts a diagnostic about the whole register on the register folder', () => {
    expect(annotationsFromDiagnostics([d({ file: undefined, line: undefined, column: undefined })], 'registers/x/')[0]!.file).toBe('registers/x');
    expect(annotationsFromDiagnostics([d({ file: undefined, line: undefined, column: undefined })], '.')[0]!.file).toBe('.');
  });

  it.each([
    ['.', 'register.yaml', 'register.yaml'],
    ['./', 'register.yaml', 'register.yaml'],
    ['./registers/x', 'a.yaml', 'registers/x/a.yaml'],
    ['././registers//x/', 'a.yaml', 'registers/x/a.yaml'],
    ['registers\\x', 'a.yaml', 'registers/x/a.yaml'],
  ])('folder %j and file %j give %j', (dir, file, expected) => {
    expect(annotationsFromDiagnostics([d({ file })], dir)[0]!.file).toBe(expected);
  });
});

describe('repositoryPath and repositoryDir', () => {
  it('normalises to forward slashes without a leading ./', () => {
    expect(repositoryPath('./a\\b//c/')).toBe('a/b/c');
    expect(repositoryPath('./')).toBe('.');
  });

  it('gives the folder relative to the working folder, or to GITHUB_WORKSPACE when set', () => {
    expect(repositoryDir('registers/x', '/repo')).toBe('registers/x');
    expect(repositoryDir('./registers/x/', '/repo')).toBe('registers/x');
    expect(repositoryDir('/repo/registers/x', '/repo')).toBe('registers/x');
    expect(repositoryDir('.', '/repo')).toBe('.');
    expect(repositoryDir('x', '/repo/registers', { GITHUB_WORKSPACE: '/repo' })).toBe('registers/x');
    expect(repositoryDir('x', '/repo/registers', { GITHUB_WORKSPACE: '' })).toBe('x');
  });
});

describe('sortAnnotations and countsText', () => {
  const a = (over: Partial<Annotation>): Annotation => ({ level: 'error', ruleId: 'R1', title: 'R1', message: 'm', ...over });

  it('sorts by file (none first), line, column, rule, level, message, whatever the input order', () => {
    const list = [a({ file: 'b', line: 1 }), a({ file: 'a', line: 2 }), a({ file: 'a', line: 2, column: 1, ruleId: 'R0' }), a({}), a({ file: 'a', line: 1, level: 'notice' }), a({ file: 'a', line: 1, level: 'warning' })];
    const sorted = sortAnnotations(list);
    expect(sortAnnotations([...list].reverse())).toEqual(sorted);
    expect(sorted.map((x) => `${x.file ?? '-'}:${x.line ?? 0}:${x.column ?? 0}:${x.level}`)).toEqual(['-:0:0:error', 'a:1:0:warning', 'a:1:0:notice', 'a:2:0:error', 'a:2:1:error', 'b:1:0:error']);
  });

  it('counts errors and warnings always, notices when there are any', () => {
    expect(countsText([])).toBe('0 errors, 0 warnings');
    expect(countsText([a({}), a({ level: 'warning' }), a({ level: 'warning' })])).toBe('1 error, 2 warnings');
    expect(countsText([a({ level: 'notice' })])).toBe('0 errors, 0 warnings, 1 notice');
  });
});
