import { describe, expect, it } from 'vitest';
import type { Finding } from '../analysis/finding.js';
import { NO_REACH } from '../analysis/reach.js';
import { hazardYaml, validateSnippet } from '../rules/test-register.js';
import { EXCEL_CELL_LIMIT } from './hazard-log-columns.js';
import { hazardLogWorkbook, LIST_LIMIT, sheetFiles } from './hazard-log-workbook.js';

const finding = (assets: number): Finding => ({
  id: 'failure-point:x',
  kind: 'common-cause',
  title: '-looks like a formula',
  explanation: 'Why.',
  assets: Array.from({ length: assets }, (_, i) => `fw-${i}`),
  reach: NO_REACH,
  hazards: [],
});

describe('the hazard-log workbook model', () => {
  const { register } = validateSnippet(`hazards:\n${hazardYaml({ title: '"=SUM(A1:A9)"' })}`);

  it('has the seven sheets, in the order of their CSV files', () => {
    const wb = hazardLogWorkbook(register, { findings: [] }, { asOf: '2026-11-21' });
    expect(wb.sheets.map((s) => s.file)).toEqual([...sheetFiles]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Hazards', 'Controls', 'Incidents', 'Acceptances', 'Assets', 'Sites', 'Findings']);
    for (const s of wb.sheets) for (const row of s.rows) expect(row).toHaveLength(s.columns.length);
    expect(wb.lists.severity).toEqual(register.scheme.severities.map((l) => l.level));
    expect(wb.ratings.map((r) => r.acceptability)).toEqual(['acceptable', 'acceptable-with-justification', 'acceptable-with-justification', 'unacceptable', 'unacceptable']);
  });

  it('neutralises formulas in every sheet', () => {
    const wb = hazardLogWorkbook(register, { findings: [finding(1)] }, { asOf: '2026-11-21' });
    expect(wb.sheets[0]!.rows[0]![1]).toBe("'=SUM(A1:A9)");
    expect(wb.sheets[6]!.rows[0]![2]).toBe("'-looks like a formula");
  });

  it('says how many of a finding\'s assets a long list leaves out', () => {
    const wb = hazardLogWorkbook(register, { findings: [finding(LIST_LIMIT + 300)] }, { asOf: '2026-11-21' });
    const cell = String(wb.sheets[6]!.rows[0]![10]);
    const lines = cell.split('\n');
    expect(lines).toHaveLength(LIST_LIMIT + 1);
    expect(lines.at(-1)).toBe('… and 300 more assets: see analysis.json');
  });

  it('lists every cell longer than Excel keeps, and never shortens it', () => {
    const long = 'y'.repeat(EXCEL_CELL_LIMIT + 1);
    const { register: r } = validateSnippet(`hazards:\n${hazardYaml({ description: long })}`);
    const wb = hazardLogWorkbook(r, { findings: [] }, { asOf: '2026-11-21' });
    expect(wb.tooLong).toEqual([{ sheet: 'Hazards', row: 2, column: 'Description', record: r.hazards[0]!.id, length: EXCEL_CELL_LIMIT + 1 }]);
    expect(wb.sheets[0]!.rows[0]![2]).toBe(long);
  });
});
