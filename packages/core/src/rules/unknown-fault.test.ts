import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E079';

const records = (fault: string) => yaml`
  assets:
    - { id: fw-northgate, type: firewall, name: Northgate Surgery firewall, vendor: Cisco Meraki }
  hazards:
    ${hazardYaml({ causes: `[{ description: Firmware defect drops the VPN tunnels., assets: [fw-northgate], fault: ${fault} }]` })}
`;

const HA = `faults:
  add:
    - { id: firewall-ha-split-brain, assetType: firewall, title: HA split brain, description: Both members believe they are active., hazard: A practice loses its clinical systems because its firewall pair fails over wrongly }
`;

describe('unknown-fault (CRR-E079)', () => {
  it('reports a cause naming a fault the catalogue does not have, with the nearest id', () => {
    const snippet = records('firewall-firmware-defekt');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'fault:'), field: 'causes.fault' });
    expect(found[0]!.message).toBe(
      'Cause 1 of hazard `HAZ-001` names fault `firewall-firmware-defekt`, which is not in the fault catalogue. Did you mean `firewall-firmware-defect`?',
    );
  });

  it('passes a fault of crr\'s catalogue', () => {
    expect(codes(records('firewall-firmware-defect'))).not.toContain(CODE);
  });

  it('passes a fault the register adds, and suggests it when misspelt', () => {
    expect(codes(records('firewall-ha-split-brain'), { manifest: HA })).not.toContain(CODE);
    expect(findings(CODE, records('firewall-ha-split-brian'), { manifest: HA })[0]!.message).toContain('Did you mean `firewall-ha-split-brain`?');
  });

  it('reports a not-applicable mark naming an unknown fault, or a fault of another asset type', () => {
    const manifest = `faults:
  notApplicable:
    - { assetType: firewall, fault: firewall-cloud-managment, reason: Managed on premises. }
    - { assetType: firewall, fault: vpn-capacity, reason: Not ours. }
`;
    const found = findings(CODE, records('firewall-firmware-defect'), { manifest });
    expect(found.map((d) => [d.file, d.field, d.message])).toEqual([
      ['register.yaml', 'faults.notApplicable.fault', 'Not-applicable mark 1 names fault `firewall-cloud-managment`, which is not in the fault catalogue. Did you mean `firewall-cloud-management`?'],
      ['register.yaml', 'faults.notApplicable.assetType', 'Not-applicable mark 2 marks fault `vpn-capacity` for asset type `firewall`, but it is a fault of `vpn-concentrator`: the mark marks nothing.'],
    ]);
  });
});
