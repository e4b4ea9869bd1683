import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E033';

describe('requirement-cycle (CRR-E033)', () => {
  it('reports two assets that need each other, once, at the smaller id', () => {
    const snippet = yaml`
      assets:
        - { id: dns-1, type: dns, name: DNS resolver 1, needs: [dc-core] }
        - { id: dc-core, type: data-centre-service, name: Data-centre core network, needs: [dns-1] }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'dc-core', file: RECORDS, line: lineOf(snippet, 'id: dc-core'), field: 'needs' });
    expect(found[0]!.message).toBe('Asset `dc-core` needs itself through `dc-core` → `dns-1` → `dc-core`.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a three-asset cycle exactly once, whichever asset the search starts from', () => {
    const snippet = yaml`
      assets:
        - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B, needs: [dc-core] }
        - { id: dc-core, type: data-centre-service, name: Data-centre core network, needs: [radius] }
        - { id: radius, type: identity, name: RADIUS authentication, needs: [vpn-b] }
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A, needs: [dc-core] }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'dc-core', line: lineOf(snippet, 'id: dc-core') });
    expect(found[0]!.message).toBe('Asset `dc-core` needs itself through `dc-core` → `radius` → `vpn-b` → `dc-core`.');
  });

  it('reports an asset that needs itself', () => {
    const snippet = yaml`
      assets:
        - { id: dc-core, type: data-centre-service, name: Data-centre core network, needs: [dc-core] }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'dc-core', line: 2 });
    expect(found[0]!.message).toBe('Asset `dc-core` needs itself through `dc-core` → `dc-core`.');
  });

  it('sees a cycle through a redundancy group', () => {
    const snippet = yaml`
      assets:
        - { id: dc-core, type: data-centre-service, name: Data-centre core network, needs: [{ anyOf: [dns-1, dns-2] }] }
        - { id: dns-1, type: dns, name: DNS resolver 1, needs: [dc-core] }
        - { id: dns-2, type: dns, name: DNS resolver 2 }
    `;
    expect(findings(CODE, snippet).map((d) => d.message)).toEqual(['Asset `dc-core` needs itself through `dc-core` → `dns-1` → `dc-core`.']);
  });

  it('passes a diamond: two paths to one shared dependency are not a cycle', () => {
    expect(codes(yaml`
      assets:
        - { id: emis-web, type: clinical-system, name: EMIS Web, needs: [vpn-a, vpn-b] }
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A, needs: [dc-core] }
        - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B, needs: [dc-core] }
        - { id: dc-core, type: data-centre-service, name: Data-centre core network, needs: [power-a] }
        - { id: power-a, type: power, name: Data-centre power feed A }
    `)).toEqual([]);
  });

  it('reports a cycle between a site\'s own local assets', () => {
    const snippet = yaml`
      services:
        - { id: patient-record, name: Patient record and consultation }
      sites:
        - id: G99001
          type: practice
          name: Northgate Surgery
          ods: G99001
          pcn: pcn-north
          listSize: 9240
          localAssets:
            firewall: { type: firewall, vendor: Cisco Meraki, needs: [$link] }
            link: { type: network-link, network: KPSN, needs: [$firewall] }
          routes: { patient-record: [$firewall] }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'G99001/firewall', line: lineOf(snippet, 'firewall: {') });
    expect(found[0]!.message).toBe('Asset `G99001/firewall` needs itself through `G99001/firewall` → `G99001/link` → `G99001/firewall`.');
  });

  // Was a bug (fixed): a cycle written once in a profile's local-asset templates is reported once per practice
  // on the profile, every finding at the same line (200 practices, 200 identical errors), where
  // the other need rules (CRR-E031, CRR-E034, CRR-E035) report each place once.
  it('reports a cycle between a profile\'s local-asset templates once, not once per practice', () => {
    const practice = (id: string) => `- { id: ${id}, type: practice, name: Practice ${id}, ods: ${id}, pcn: pcn-north, listSize: 5000, profile: kpsn-emis }`;
    const snippet = yaml`
      services:
        - { id: patient-record, name: Patient record and consultation }
      sites:
        ${[practice('G99001'), practice('G99002'), practice('G99003')].join('\n')}
      profiles:
        - id: kpsn-emis
          localAssets:
            firewall: { type: firewall, vendor: Cisco Meraki, needs: [$link] }
            link: { type: network-link, network: KPSN, needs: [$firewall] }
          routes: { patient-record: [$firewall] }
    `;
    expect(findings(CODE, snippet)).toHaveLength(1);
  });
});
