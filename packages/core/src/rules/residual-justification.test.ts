import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E042';
const JUSTIFIED = 'Further reduction needs a third data centre, disproportionate to the residual risk.';

describe('residual-justification (CRR-E042)', () => {
  it('reports a residual rating of 2 with no justification, at the residual risk', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ residualRisk: '{ severity: significant, likelihood: low }' })}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'residualRisk'), field: 'residualRisk' });
    expect(found[0]!.message).toBe(
      'Hazard `HAZ-001` has a residual risk of likelihood low × severity significant → 2 (acceptable where further reduction is impractical), which is acceptable only with a justification, and it has none.',
    );
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a residual rating of 3 with no justification', () => {
    const found = findings(CODE, yaml`
      hazards:
        ${hazardYaml({ residualRisk: '{ severity: major, likelihood: low }' })}
    `);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('→ 3 (undesirable)');
  });

  it('passes a residual rating of 3 with a justification', () => {
    expect(codes(yaml`
      hazards:
        ${hazardYaml({ residualRisk: '{ severity: major, likelihood: low }', justification: JUSTIFIED })}
    `)).toEqual([]);
  });

  it('passes a residual rating of 1 with no justification', () => {
    expect(codes(yaml`
      hazards:
        ${hazardYaml({ residualRisk: '{ severity: significant, likelihood: very low }' })}
    `)).toEqual([]);
  });

  it('leaves a residual rating of 4 to the rules for unacceptable risk', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ residualRisk: '{ severity: major, likelihood: high }', initialRisk: '{ severity: major, likelihood: high }' })}
    `;
    expect(findings(CODE, snippet)).toEqual([]);
    expect(codes(snippet).sort()).toEqual(['CRR-E041', 'CRR-E043']);
  });
});
