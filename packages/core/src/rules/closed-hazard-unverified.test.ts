import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E044';

const controls = yaml`
  controls:
    - id: CTL-BCP-01
      title: Practice business continuity plan with paper fallback
      kind: business-process
      status: verified
      owner: Practice manager
      evidence: [{ description: Continuity plan exercised, date: 2026-03-15, expires: 2027-03-15 }]
    - { id: CTL-VPN-02, title: Second VPN concentrator with failover, kind: design, status: implemented, owner: CSU network team }
    - { id: CTL-TRN-03, title: Reception staff trained on the downtime procedure, kind: training, status: proposed, owner: Practice manager }
`;

describe('closed-hazard-unverified (CRR-E044)', () => {
  it('reports a closed hazard whose additional control is only implemented, at its status', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ existingControls: '[CTL-BCP-01]', additionalControls: '[CTL-VPN-02]', status: 'closed', closure: '{ date: 2026-10-01, reason: All actions done. }' })}
      ${controls}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'status: closed'), field: 'status' });
    expect(found[0]!.message).toBe('Hazard `HAZ-001` is closed, but its control `CTL-VPN-02` (implemented) is not verified.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('names every unverified control, existing and additional, with its status', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ existingControls: '[CTL-TRN-03, CTL-BCP-01]', additionalControls: '[CTL-VPN-02]', status: 'closed', closure: '{ date: 2026-10-01, reason: All actions done. }' })}
      ${controls}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('Hazard `HAZ-001` is closed, but its controls `CTL-TRN-03` (proposed), `CTL-VPN-02` (implemented) are not verified.');
  });

  it('passes a closed hazard whose controls are all verified with evidence', () => {
    expect(codes(yaml`
      hazards:
        ${hazardYaml({ existingControls: '[CTL-BCP-01]', status: 'closed', closure: '{ date: 2026-10-01, reason: All actions done. }' })}
      ${controls}
    `)).toEqual([]);
  });

  it('passes an open hazard that relies on an implemented control', () => {
    expect(findings(CODE, yaml`
      hazards:
        ${hazardYaml({ additionalControls: '[CTL-VPN-02]', status: 'open' })}
      ${controls}
    `)).toEqual([]);
  });

  it('leaves a control id that names nothing to the reference rule', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ additionalControls: '[CTL-VPN-99]', status: 'closed', closure: '{ date: 2026-10-01, reason: All actions done. }' })}
      ${controls}
    `;
    expect(codes(snippet)).toEqual(['CRR-E031']);
  });
});
