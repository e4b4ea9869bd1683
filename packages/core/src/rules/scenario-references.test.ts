import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E031';

/** A practice with its own firewall (`G99001/firewall`), two shared assets and a scenario failing `ids`. */
const register = (ids: string) => yaml`
  services:
    - { id: patient-record, name: Patient record and consultation }
  sites:
    - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn-emis }
  profiles:
    - id: kpsn-emis
      localAssets:
        firewall: { type: firewall, vendor: Cisco Meraki, model: MX68, software: MX 18.107 }
      routes:
        patient-record: [$firewall, vpn-b, emis-web]
  assets:
    - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B }
    - { id: emis-web, type: clinical-system, name: EMIS Web }
  scenarios:
    - id: vpn-b-maintenance
      title: Planned maintenance of VPN concentrator B
      reason: Firmware upgrades take vpn-b out of service for an evening each quarter.
      assets: ${ids}
`;

describe('the assets of a scenario (CRR-E031)', () => {
  it('reports an id that names nothing, as an asset of the scenario, with a did-you-mean', () => {
    const snippet = register('[vpn-c]');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'vpn-b-maintenance', file: RECORDS, line: lineOf(snippet, 'assets: [vpn-c]'), field: 'assets' });
    expect(found[0]!.message).toBe('An asset of scenario `vpn-b-maintenance` is `vpn-c`, but no record has that id. Did you mean `vpn-b`?');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports an id of another kind of record', () => {
    const found = findings(CODE, register('[vpn-b, G99001]'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('An asset of scenario `vpn-b-maintenance` is `G99001`, which is a site, not an asset or site-local asset.');
    expect(found[0]!.hint).toContain('Refer to an asset');
  });

  it('accepts shared assets and a site\'s own asset by its `<site>/<name>` id', () => {
    expect(codes(register('[vpn-b, G99001/firewall]'))).toEqual([]);
  });

  it('shares the one namespace of ids: a scenario named like an asset is a duplicate (CRR-E030)', () => {
    const snippet = register('[vpn-b]').replace('id: vpn-b-maintenance', 'id: emis-web');
    const found = findings('CRR-E030', snippet);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^The id `emis-web` of this asset is already used by a scenario at records\.yaml:\d+\.$/);
  });
});
