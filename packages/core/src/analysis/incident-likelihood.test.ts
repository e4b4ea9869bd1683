import { describe, expect, it } from 'vitest';
import { incidentLikelihoodFindings } from './incident-likelihood.js';
import { hazard, smallRegister } from './test-support.js';

const incident = (id: string, start: string) => `  - { id: ${id}, title: Outage, start: ${start}, hazards: [HAZ-1] }`;

function findings(likelihood: string, starts: string[], asOf = '2026-11-21') {
  const register = smallRegister({
    hazards: hazard('HAZ-1', '{ description: C }').replace('residualRisk: { severity: major, likelihood: low }', `residualRisk: { severity: major, likelihood: ${likelihood} }`).replace('initialRisk: { severity: major, likelihood: low }', 'initialRisk: { severity: major, likelihood: very high }'),
    incidents: starts.map((s, i) => incident(`INC-${i}`, s)).join('\n'),
  });
  return incidentLikelihoodFindings(register, asOf);
}

describe('incidents against likelihood', () => {
  it('finds three incidents in a year against "very low"', () => {
    const [f] = findings('very low', ['2026-01-10', '2026-04-07', '2026-09-01']);
    expect(f).toMatchObject({ id: 'incident-likelihood:HAZ-1', kind: 'incident-likelihood', figures: { incidents: 3, threshold: 2, likelihood: 'very low' } });
    expect(f!.explanation).toContain('`INC-0` (2026-01-10)');
  });

  it('counts only the 12 months before the as-of date', () => {
    expect(findings('very low', ['2025-11-21', '2026-04-07'])).toEqual([]); // the first is a day too early
    expect(findings('very low', ['2025-11-22', '2026-04-07'])).toHaveLength(1);
    expect(findings('very low', ['2026-04-07', '2026-12-01'])).toEqual([]); // after the as-of date
  });

  it.each([
    ['low', 2, 3],
    ['medium', 4, 5],
  ])('holds back for %s until %i incidents are exceeded', (level, fewer, enough) => {
    const dates = (n: number) => Array.from({ length: n }, (_, i) => `2026-0${1 + i}-15`);
    expect(findings(level, dates(fewer))).toEqual([]);
    expect(findings(level, dates(enough))).toHaveLength(1);
  });

  it('never contradicts "high" or "very high"', () => {
    expect(findings('high', ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'])).toEqual([]);
  });
});
