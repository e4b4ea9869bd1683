import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E043';
const A_JUSTIFICATION = 'A third data centre would be disproportionate to the residual risk.';

const controls = yaml`
  controls:
    - { id: CTL-BCP-01, title: Practice business continuity plan, kind: business-process, status: implemented, owner: Practice manager }
    - { id: CTL-VPN-02, title: Second VPN concentrator with failover, kind: design, status: implemented, owner: CSU network team }
`;

const acceptance = yaml`
  acceptances:
    - id: ACC-001
      hazard: HAZ-001
      acceptedBy: Dr Sam Okafor
      role: ICB Chief Medical Officer
      organisation: org-icb
      date: 2026-10-15
`;

const residual4 = { additionalControls: '[CTL-VPN-02]', initialRisk: '{ severity: major, likelihood: very high }', residualRisk: '{ severity: major, likelihood: high }' };
const transferred = {
  existingControls: '[CTL-BCP-01]',
  status: 'transferred',
  transfer: '{ from: org-emis, date: 2026-03-02, controls: [CTL-BCP-01] }',
};

describe('acceptance-required (CRR-E043)', () => {
  it('reports a residual rating of 4 with no recorded acceptance, at the residual risk', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml(residual4)}
      ${controls}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'residualRisk'), field: 'residualRisk' });
    expect(found[0]!.message).toBe(
      'Hazard `HAZ-001` needs a recorded acceptance because its residual risk is unacceptable (likelihood high × severity major → 4 (unacceptable)); there is none.',
    );
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a transferred hazard with no recorded acceptance, at its status', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml(transferred)}
      ${controls}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'HAZ-001', line: lineOf(snippet, 'status: transferred'), field: 'status' });
    expect(found[0]!.message).toContain('it is transferred');
    expect(found[0]!.message).toContain('remaining controls are now the deployer\'s');
    expect(found[0]!.message).not.toContain('unacceptable');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('gives both reasons in one finding for a transferred hazard with a residual rating of 4', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ ...residual4, ...transferred, existingControls: '[CTL-BCP-01]' })}
      ${controls}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(lineOf(snippet, 'residualRisk'));
    expect(found[0]!.message).toMatch(/unacceptable \(.*→ 4 \(unacceptable\)\), and it is transferred/);
  });

  it('passes a residual rating of 4 once its acceptance is recorded', () => {
    expect(codes(yaml`
      hazards:
        ${hazardYaml(residual4)}
      ${controls}
      ${acceptance}
    `)).toEqual([]);
  });

  it('passes a transferred hazard once its acceptance is recorded', () => {
    expect(codes(yaml`
      hazards:
        ${hazardYaml(transferred)}
      ${controls}
      ${acceptance}
    `)).toEqual([]);
  });

  it('does not ask for acceptance of a residual rating of 3 (undesirable, but justified)', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ residualRisk: '{ severity: major, likelihood: low }', justification: A_JUSTIFICATION })}
    `;
    expect(codes(snippet)).toEqual([]);
  });

  it('does not count an acceptance recorded for another hazard', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml(residual4)}
        ${hazardYaml({ id: 'HAZ-002', title: 'Practice telephones unavailable to patients' })}
      ${controls}
      ${acceptance.replace('hazard: HAZ-001', 'hazard: HAZ-002')}
    `;
    expect(findings(CODE, snippet).map((d) => d.record)).toEqual(['HAZ-001']);
  });
});
