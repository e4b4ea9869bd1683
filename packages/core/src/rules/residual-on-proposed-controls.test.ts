import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W070';
const JUSTIFIED = 'Further reduction needs a third data centre, disproportionate to the residual risk.';

const controls = yaml`
  controls:
    - { id: CTL-VPN-01, title: Paired concentrators with automatic failover, kind: design, status: implemented, owner: CSU network team }
    - { id: CTL-VPN-02, title: Concentrator capacity sized for N-1 at the morning peak, kind: design, status: proposed, owner: CSU network team }
    - { id: CTL-VPN-03, title: Relocate vpn-b to the Ashbrook data centre, kind: design, status: proposed, owner: CSU network team }
`;

const hazard = (additionalControls: string, initialRisk: string, residualRisk: string) => yaml`
  hazards:
    ${hazardYaml({ additionalControls, initialRisk, residualRisk, justification: JUSTIFIED })}
  ${controls}
`;

describe('residual-on-proposed-controls (CRR-W070)', () => {
  it('reports a lower residual that rests on a proposed control, at the residual risk', () => {
    const snippet = hazard('[CTL-VPN-01, CTL-VPN-02]', '{ severity: major, likelihood: very high }', '{ severity: major, likelihood: low }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'residualRisk'), field: 'residualRisk' });
    expect(found[0]!.message).toBe(
      'Hazard `HAZ-001` has a residual risk below its initial risk, but its control `CTL-VPN-02` is only proposed. ' +
        'Initial: likelihood very high × severity major → 5 (unacceptable). Residual: likelihood low × severity major → 3 (undesirable).',
    );
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('names every proposed control, in the hazard\'s order', () => {
    const found = findings(CODE, hazard('[CTL-VPN-03, CTL-VPN-01, CTL-VPN-02]', '{ severity: major, likelihood: very high }', '{ severity: major, likelihood: low }'));
    expect(found[0]!.message).toContain('its controls `CTL-VPN-03`, `CTL-VPN-02` are only proposed');
  });

  it('reports a lower likelihood even when the rating stays the same', () => {
    // HAZ-013 in the example: catastrophic, medium → low is rated 4 both times.
    const found = findings(CODE, hazard('[CTL-VPN-02]', '{ severity: catastrophic, likelihood: medium }', '{ severity: catastrophic, likelihood: low }'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('has a residual likelihood below its initial likelihood, but');
  });

  it('passes when every additional control is implemented', () => {
    expect(codes(hazard('[CTL-VPN-01]', '{ severity: major, likelihood: very high }', '{ severity: major, likelihood: low }'))).toEqual([]);
  });

  it('passes a residual equal to the initial: nothing rests on the proposed control yet', () => {
    expect(codes(hazard('[CTL-VPN-02]', '{ severity: major, likelihood: low }', '{ severity: major, likelihood: low }'))).toEqual([]);
  });

  it('says nothing when a level is not the scheme\'s: the risk-level rule reports it', () => {
    expect(codes(hazard('[CTL-VPN-02]', '{ severity: major, likelihood: often }', '{ severity: major, likelihood: low }'))).toEqual(['CRR-E036']);
  });
});
