import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E055';

const rest = yaml`
  controls:
    - { id: CTL-BCP-01, title: Paper FP10 fallback for prescriptions, kind: business-process, status: implemented, owner: Practice manager, transferredFrom: org-emis }
    - { id: CTL-TRN-02, title: Staff trained on the EPS downtime procedure, kind: training, status: implemented, owner: Practice manager }
  acceptances:
    - { id: ACC-001, hazard: HAZ-001, acceptedBy: Dr Sam Okafor, role: ICB Chief Medical Officer, organisation: org-icb, date: 2026-03-20 }
`;

const hazard = (fields: Record<string, string>) => yaml`
  hazards:
    ${hazardYaml({ title: 'Repeat prescriptions cannot be issued electronically', existingControls: '[CTL-BCP-01]', status: 'transferred', ...fields })}
  ${rest}
`;

describe('transfer-details (CRR-E055)', () => {
  it('reports a transferred hazard with no transfer details, at its status', () => {
    const snippet = hazard({});
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'status: transferred'), field: 'status' });
    expect(found[0]!.message).toBe('Hazard `HAZ-001` is transferred but has no `transfer` details.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a transferred control that is not among the hazard\'s controls, at the control', () => {
    const snippet = hazard({ transfer: '{ from: org-emis, date: 2026-03-02, controls: [CTL-BCP-01, CTL-TRN-02] }' });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'HAZ-001', field: 'transfer.controls', line: lineOf(snippet, 'transfer:') });
    expect(found[0]!.message).toBe('Control `CTL-TRN-02` is transferred with hazard `HAZ-001` but is not among the hazard\'s controls.');
  });

  it('passes a transferred hazard with its acceptance and full transfer details', () => {
    expect(codes(hazard({ transfer: '{ from: org-emis, date: 2026-03-02, controls: [CTL-BCP-01], reference: "EMIS Web CSCR v12.3 §7, hazard H-44" }' }))).toEqual([]);
  });

  it('passes transferred controls listed among the additional controls', () => {
    expect(codes(hazard({ existingControls: '[]', additionalControls: '[CTL-BCP-01]', transfer: '{ from: org-emis, date: 2026-03-02, controls: [CTL-BCP-01] }' }))).toEqual([]);
  });

  it('passes an open hazard, which needs no transfer details', () => {
    expect(findings(CODE, hazard({ status: 'open' }))).toEqual([]);
  });
});
