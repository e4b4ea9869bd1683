/**
 * The title block: which standard the register is kept under and what follows from it, the
 * scheme's own words, and the CSO's registration as one phrase.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFolder } from '../../validate.js';
import { buildReport } from '../build-report.js';
import { registrationText } from './meta-view.js';

const registers = join(__dirname, '../../../../../registers');
const metaOf = async (name: string) => {
  const { register, diagnostics } = await validateFolder(join(registers, name), { asOf: '2026-11-21' });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return buildReport(register, { asOf: '2026-11-21', tool: 'test' }).report;
};

describe('the report\'s title block', () => {
  it('keeps the worked example under DCB0160, with infrastructure, the default words and the CSO\'s statement', async () => {
    const report = await metaOf('example-icb');
    expect(report.meta.standard).toMatchObject({ code: 'DCB0160', owner: 'deploying organisation' });
    expect(report.meta.describesInfrastructure).toBe(true);
    expect(report.meta.terms).toEqual({ severity: 'severity', likelihood: 'likelihood' });
    expect(report.meta.safetyStatement).toMatch(/^The network under Wealdmarsh practices is not yet as safe/);
    expect(report.meta.users?.map((u) => u.count)).toEqual([1100, 1650]);
    // Four infrastructure checks among the eight.
    expect(report.summary.status.checks).toHaveLength(8);
  });

  it('reads crr\'s own log as a manufacturer\'s under DCB0129, with no infrastructure and "consequence" for severity', async () => {
    const report = await metaOf('manufacturer-crr');
    expect(report.meta.standard).toMatchObject({ code: 'DCB0129', owner: 'manufacturer' });
    expect(report.meta.standard.title).toContain('Manufacture of Health IT Systems');
    expect(report.meta.describesInfrastructure).toBe(false);
    expect(report.meta.terms.severity).toBe('consequence');
    expect(report.meta.assessment).toHaveLength(4);
    // The manufacturer is not its own supplier.
    expect(report.suppliers).toEqual([]);
    // No capacity, coverage or scenario checks for a register that models no assets.
    expect(report.summary.status.checks.map((c) => c.key)).toEqual(['unacceptable-residual', 'overdue-reviews', 'expired-evidence', 'unverified-controls']);
  });
});

describe('registrationText', () => {
  it('reads body and number as one phrase, and a number not published once', () => {
    expect(registrationText({ body: 'GMC', number: '7012345' })).toBe('GMC 7012345');
    expect(registrationText({ body: 'not published', number: 'not published' })).toBe('not published');
    expect(registrationText({ body: 'NMC', number: 'Not published' })).toBe('NMC, number Not published');
    expect(registrationText({ body: ' HCPC ', number: ' PA12345 ' })).toBe('HCPC PA12345');
  });
});
