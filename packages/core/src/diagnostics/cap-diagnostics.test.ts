import { describe, expect, it } from 'vitest';
import { capDiagnostics } from './cap-diagnostics.js';
import { sortDiagnostics, type Diagnostic } from './diagnostic.js';

const d = (file: string, line: number, severity: 'error' | 'warning' = 'error'): Diagnostic => ({ code: severity === 'error' ? 'CRR-E020' : 'CRR-W008', severity, rule: 'x', file, line, column: 1, message: `${file}:${line}` });

describe('capDiagnostics', () => {
  it('leaves a short list alone', () => {
    const list = sortDiagnostics([d('a.yaml', 1), d('b.yaml', 2)]);
    expect(capDiagnostics(list, { perFile: 5, total: 10 })).toEqual(list);
  });

  it('keeps errors before warnings, so a capped run still fails', () => {
    const list = sortDiagnostics([...Array.from({ length: 8 }, (_, i) => d('a.yaml', i + 1, 'warning')), d('a.yaml', 9)]);
    const out = capDiagnostics(list, { perFile: 3, total: 10 });
    expect(out.filter((x) => x.code !== 'CRR-W016').map((x) => x.line)).toEqual([1, 2, 9]);
    const summary = out.find((x) => x.code === 'CRR-W016')!;
    expect(summary).toMatchObject({ file: 'a.yaml', line: 3, severity: 'warning' });
    expect(summary.message).toMatch(/^And 6 more problems \(6 warnings\) in this file were not shown/);
  });

  it('caps the total, and sums up the files left with nothing shown in one diagnostic', () => {
    const list = sortDiagnostics(['a', 'b', 'c', 'd'].flatMap((f) => Array.from({ length: 4 }, (_, i) => d(`${f}.yaml`, i + 1))));
    const out = capDiagnostics(list, { perFile: 3, total: 5 });
    expect(out.filter((x) => x.code !== 'CRR-W016').map((x) => x.message)).toEqual(['a.yaml:1', 'a.yaml:2', 'a.yaml:3', 'b.yaml:1', 'b.yaml:2']);
    const summaries = out.filter((x) => x.code === 'CRR-W016').map((x) => [x.file ?? null, /And (\d+)/.exec(x.message)![1]]);
    // a: its 4th; b: its 3rd and 4th; c and d: all 8, in one.
    expect(summaries).toEqual([[null, '8'], ['a.yaml', '1'], ['b.yaml', '2']]);
  });
});
