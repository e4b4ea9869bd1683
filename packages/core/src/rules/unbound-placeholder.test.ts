import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E035';

const practice = (id: string, extra = '') =>
  `- { id: ${id}, type: practice, name: Practice ${id}, ods: ${id}, pcn: pcn-north, listSize: 5000, profile: kpsn-emis${extra} }`;

const register = (sites: string[], profileExtra = '') => yaml`
  services:
    - { id: patient-record, name: Patient record and consultation }
  sites:
    ${sites.join('\n')}
  profiles:
    - id: kpsn-emis
      localAssets:
        firewall: { type: firewall, vendor: Cisco Meraki, model: MX68 }
      ${profileExtra}
      routes:
        patient-record: [$firewall, $concentrator, emis-web]
  assets:
    - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A }
    - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B }
    - { id: emis-web, type: clinical-system, name: EMIS Web }
`;

describe('unbound-placeholder (CRR-E035)', () => {
  it('reports a `$name` in a profile route once, naming the practices it leaves unbound', () => {
    const snippet = register([practice('G99001'), practice('G99002'), practice('G99003')]);
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, file: RECORDS, line: lineOf(snippet, '$concentrator') });
    expect(found[0]!.message).toBe('`$concentrator` in the patient-record route of profile `kpsn-emis` is bound to nothing for 3 sites (`G99001`, `G99002`, `G99003`).');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('counts only the practices that leave it unbound, and shortens a long list', () => {
    const sites = ['G99001', 'G99002', 'G99003', 'G99004', 'G99005', 'G99006', 'G99007'].map((id) => practice(id));
    sites.push(practice('G99008', ', bindings: { concentrator: vpn-a }'));
    const found = findings(CODE, register(sites));
    expect(found.map((d) => d.message)).toEqual([
      '`$concentrator` in the patient-record route of profile `kpsn-emis` is bound to nothing for 7 sites (`G99001`, `G99002`, `G99003`, `G99004` and 3 more).',
    ]);
  });

  it('speaks of a single practice plainly', () => {
    expect(findings(CODE, register([practice('G99001')])).map((d) => d.message)).toEqual(['`$concentrator` in the patient-record route of profile `kpsn-emis` is bound to nothing for site `G99001`.']);
  });

  it('passes a `$name` bound by the site but not by the profile', () => {
    expect(codes(register([practice('G99001', ', bindings: { concentrator: { anyOf: [vpn-b, vpn-a] } }')]))).toEqual([]);
  });

  it('passes a `$name` bound by the profile', () => {
    expect(codes(register([practice('G99001'), practice('G99002')], 'bindings: { concentrator: { anyOf: [vpn-b, vpn-a], name: VPN concentrator pair } }'))).toEqual([]);
  });

  it('passes a `$name` that is a local asset the site declares itself', () => {
    expect(codes(register([practice('G99001', ', localAssets: { concentrator: { type: vpn-concentrator, name: On-site VPN appliance } }')]))).toEqual([]);
  });

  it('reports a `$name` in a shared asset\'s needs, where nothing can bind it', () => {
    const snippet = yaml`
      assets:
        - { id: dc-core, type: data-centre-service, name: Data-centre core network }
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A, needs: [$core] }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(snippet, '$core') });
    expect(found[0]!.message).toBe('`$core` in the needs of asset `vpn-a` is bound to nothing.');
  });
});
