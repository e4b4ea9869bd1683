import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E041';

const register = (fields: Record<string, string>) => yaml`
  hazards:
    ${hazardYaml({ initialRisk: '{ severity: catastrophic, likelihood: high }', existingControls: '[CTL-BCP-01]', ...fields })}
  controls:
    - { id: CTL-BCP-01, title: Practice business continuity plan, kind: business-process, status: implemented, owner: Practice manager }
    - { id: CTL-VPN-02, title: Second VPN concentrator with failover, kind: design, status: proposed, owner: CSU network team }
  acceptances:
    - { id: ACC-001, hazard: HAZ-001, acceptedBy: Dr Sam Okafor, role: ICB Chief Medical Officer, date: 2026-10-15 }
`;

describe('unacceptable-without-controls (CRR-E041)', () => {
  it('reports a residual rating of 4 with no additional controls, at the residual risk', () => {
    const snippet = register({ residualRisk: '{ severity: major, likelihood: high }' });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'residualRisk'), field: 'residualRisk' });
    expect(found[0]!.message).toBe('Hazard `HAZ-001` has an unacceptable residual risk (likelihood high × severity major → 4 (unacceptable)) but no additional controls.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a residual rating of 5, and an empty list of additional controls', () => {
    const found = findings(CODE, register({ residualRisk: '{ severity: catastrophic, likelihood: high }', additionalControls: '[]' }));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('→ 5 (unacceptable)');
  });

  it('passes a residual rating of 4 with an additional control, even one only proposed', () => {
    // Only CRR-W070 speaks: the lower residual rests on that proposed control.
    expect(codes(register({ residualRisk: '{ severity: major, likelihood: high }', additionalControls: '[CTL-VPN-02]' }))).toEqual(['CRR-W070']);
  });

  it('passes a residual rating of 3 with no additional controls', () => {
    expect(codes(register({ residualRisk: '{ severity: major, likelihood: low }', justification: 'Disproportionate to reduce further.' }))).toEqual([]);
  });
});
