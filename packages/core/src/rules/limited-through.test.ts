import { describe, expect, it } from 'vitest';
import { limitedThrough } from './limited-through.js';
import { validateSnippet, yaml } from './test-register.js';

// limitedThrough looks through a need naming an asset to the asset, answers leaf assets without a
// walk, and shares one union between sites whose routes reach the same sets: what each site is
// said to pass through must still be exactly the capacity-limited assets its routes can load.
const register = yaml`
  services:
    - { id: patient-record, name: Patient record }
    - { id: telephony, name: Telephony }
  assets:
    - { id: vpn-a, type: vpn-concentrator, name: VPN A, capacity: { limit: 30, unit: tunnels }, needs: [dc-power] }
    - { id: vpn-b, type: vpn-concentrator, name: VPN B, capacity: { limit: 30, unit: tunnels } }
    - { id: dc-power, type: other, name: DC power, capacity: { limit: 10, unit: kw } }
    - { id: sbc, type: other, name: SBC, capacity: { limit: 99, unit: calls } }
    - { id: emis-web, type: clinical-system, name: EMIS Web }
  profiles:
    - id: kpsn
      demand: { tunnels: 1, kw: 1, calls: 2 }
      localAssets:
        firewall: { type: firewall, capacity: { limit: 5, unit: tunnels } }
        link: { type: network-link }
      bindings:
        concentrator: { anyOf: [vpn-b, vpn-a] }
      routes:
        patient-record: [$firewall, $link, $concentrator, emis-web]
        telephony: [$link, sbc]
  sites:
    - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn }
    - { id: G99002, type: practice, name: Southgate Surgery, ods: G99002, pcn: pcn-north, listSize: 5120, profile: kpsn }
    - { id: G99003, type: practice, name: Eastgate Surgery, ods: G99003, pcn: pcn-north, listSize: 4000, profile: kpsn, routes: { telephony: [sbc] } }
    - { id: G99004, type: practice, name: Westgate Surgery, ods: G99004, pcn: pcn-north, listSize: 3000, routes: { patient-record: [vpn-b, emis-web] } }
    - { id: G99005, type: practice, name: Nogate Surgery, ods: G99005, pcn: pcn-north, listSize: 2000 }
`;

describe('limitedThrough', () => {
  const { register: reg } = validateSnippet(register);
  const { limited, sites } = limitedThrough(reg);
  const through = Object.fromEntries(sites.map((s) => [s.site.id, [...s.through]]));

  it('gives each site the capacity-limited assets its routes can load, in route order, through groups and needs', () => {
    expect([...limited.keys()].sort()).toEqual(['G99001/firewall', 'G99002/firewall', 'G99003/firewall', 'dc-power', 'sbc', 'vpn-a', 'vpn-b']);
    expect(through).toEqual({
      G99001: ['G99001/firewall', 'vpn-b', 'vpn-a', 'dc-power', 'sbc'],
      G99002: ['G99002/firewall', 'vpn-b', 'vpn-a', 'dc-power', 'sbc'],
      G99003: ['G99003/firewall', 'vpn-b', 'vpn-a', 'dc-power', 'sbc'],
      G99004: ['vpn-b'],
      G99005: [],
    });
  });

  it('merges the profile demand with the site and says which sites have routes', () => {
    expect(sites.map((s) => s.routed)).toEqual([true, true, true, true, false]);
    expect(sites[0]!.demand).toEqual({ tunnels: 1, kw: 1, calls: 2 });
  });
});
