import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E040';
const JUSTIFIED = 'Further reduction needs a third data centre, disproportionate to the residual risk.';

const hazard = (initialRisk: string, residualRisk: string) => yaml`
  hazards:
    ${hazardYaml({ initialRisk, residualRisk, justification: JUSTIFIED })}
`;

describe('residual-above-initial (CRR-E040)', () => {
  it('reports initial and residual swapped, naming the rating and the level that rose', () => {
    const snippet = hazard('{ severity: major, likelihood: low }', '{ severity: major, likelihood: medium }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'residualRisk'), field: 'residualRisk' });
    expect(found[0]!.message).toBe(
      'Hazard `HAZ-001` is riskier after its controls than before: likelihood rises from `low` to `medium`. ' +
        'Initial: likelihood low × severity major → 3 (undesirable). Residual: likelihood medium × severity major → 3 (undesirable).',
    );
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a higher residual rating', () => {
    const found = findings(CODE, hazard('{ severity: significant, likelihood: low }', '{ severity: major, likelihood: low }'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('the rating rises from 2 to 3, and severity rises from `significant` to `major`');
  });

  it('reports a severity that rose even when the rating fell', () => {
    const found = findings(CODE, hazard('{ severity: significant, likelihood: high }', '{ severity: considerable, likelihood: very low }'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('severity rises from `significant` to `considerable`');
    expect(found[0]!.message).not.toContain('rating');
  });

  it('passes a residual risk equal to the initial risk (controls that changed nothing)', () => {
    expect(codes(hazard('{ severity: major, likelihood: low }', '{ severity: major, likelihood: low }'))).toEqual([]);
  });

  it('passes a residual risk below the initial', () => {
    expect(codes(hazard('{ severity: major, likelihood: high }', '{ severity: major, likelihood: low }'))).toEqual([]);
  });

  it('says nothing when a level is not the scheme\'s: the risk-level rule reports it', () => {
    expect(codes(hazard('{ severity: minor, likelihood: rare }', '{ severity: major, likelihood: low }'))).toEqual(['CRR-E036']);
  });
});
