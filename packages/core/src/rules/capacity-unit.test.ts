import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E061';

/** Two concentrators in a group, practices on a profile that gives `demand`. */
const register = (opts: { unit?: string; demand?: string; sites?: string; assets?: string } = {}) => yaml`
  services:
    - { id: patient-record, name: Patient record }
  assets:
    - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A, capacity: { limit: 30, unit: ${opts.unit ?? 'tunnels'} } }
    - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B, capacity: { limit: 48, unit: tunnels } }
    - { id: emis-web, type: clinical-system, name: EMIS Web }
    ${opts.assets ?? ''}
  profiles:
    - id: kpsn
      ${opts.demand ?? 'demand: { tunnels: 1 }'}
      routes:
        patient-record: [{ anyOf: [vpn-b, vpn-a] }, emis-web]
  sites:
    - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn }
    - { id: G99002, type: practice, name: Southgate Surgery, ods: G99002, pcn: pcn-north, listSize: 5120, profile: kpsn }
    ${opts.sites ?? ''}
`;

describe('capacity-unit (CRR-E061)', () => {
  it('reports a capacity unit no site routed through the asset gives, with the unit it probably meant', () => {
    const snippet = register({ unit: 'tunnel' });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'vpn-a', file: RECORDS, line: lineOf(snippet, 'id: vpn-a'), field: 'capacity.unit' });
    expect(found[0]!.message).toBe(
      'Asset `vpn-a` counts its capacity in `tunnel`, but 2 sites routed through it (`G99001`, `G99002`) give demand only in `tunnels`, so the load of these sites cannot be counted and the asset\'s utilisation and N-1 check read lower than they are.',
    );
    expect(found[0]!.hint).toBe('Use one unit for both: did you mean `tunnels`? Change the capacity\'s `unit`, or the demand\'s key, so that they match.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports sites that give no demand at all, and a site whose own demand replaces the unit', () => {
    const found = findings(CODE, register({ demand: '', sites: '- { id: G99003, type: practice, name: Eastgate Surgery, ods: G99003, pcn: pcn-north, listSize: 100, profile: kpsn }' }));
    expect(found.map((d) => d.record)).toEqual(['vpn-a', 'vpn-b']);
    expect(found[0]!.message).toContain('3 sites routed through it (`G99001`, `G99002`, `G99003`) give no demand at all');
    expect(found[0]!.hint).toBe('Give each of these sites (or its profile) a `demand: { tunnels: … }`, or correct the capacity\'s `unit`.');
  });

  it('counts the site\'s own demand merged over its profile\'s', () => {
    const snippet = register({ demand: 'demand: { mbps: 40 }', sites: '- { id: G99003, type: practice, name: Eastgate Surgery, ods: G99003, pcn: pcn-north, listSize: 100, profile: kpsn, demand: { tunnels: 1 } }' });
    const found = findings(CODE, snippet);
    expect(found.map((d) => d.record)).toEqual(['vpn-a', 'vpn-b']);
    expect(found[0]!.message).toContain('2 sites routed through it (`G99001`, `G99002`) give demand only in `mbps`');
  });

  it('follows an asset\'s own needs: load on a concentrator reaches what it needs', () => {
    const snippet = register({ assets: '- { id: dc-core, type: data-centre-service, name: Data-centre core, capacity: { limit: 1000, unit: mbps } }', sites: '' }).replace('capacity: { limit: 48, unit: tunnels } }', 'capacity: { limit: 48, unit: tunnels }, needs: [dc-core] }');
    const found = findings(CODE, snippet);
    expect(found.map((d) => d.record)).toEqual(['dc-core']);
    expect(found[0]!.message).toContain('give demand only in `tunnels`');
  });

  it('reports a capacity on a profile\'s local asset once, not once per site', () => {
    const snippet = yaml`
      services:
        - { id: patient-record, name: Patient record }
      assets:
        - { id: emis-web, type: clinical-system, name: EMIS Web }
      profiles:
        - id: kpsn
          localAssets:
            link: { type: network-link, capacity: { limit: 100, unit: mbit } }
          demand: { mbps: 40 }
          routes:
            patient-record: [$link, emis-web]
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn }
        - { id: G99002, type: practice, name: Southgate Surgery, ods: G99002, pcn: pcn-north, listSize: 5120, profile: kpsn }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'G99001/link', line: lineOf(snippet, 'unit: mbit') });
    expect(found[0]!.message).toBe(
      'Asset `G99001/link` counts its capacity in `mbit`, but site `G99001`, routed through it, gives demand only in `mbps`, so the load of that site cannot be counted and the asset\'s utilisation and N-1 check read lower than they are. The same asset, written once, has this problem at 1 other site.',
    );
  });

  it('passes matching units, and an asset no site is routed through', () => {
    expect(codes(register())).toEqual([]);
    // No site's demand to count against the spare: CRR-W065's warning, not a unit mismatch.
    expect(codes(register({ assets: '- { id: spare, type: vpn-concentrator, name: Spare concentrator, capacity: { limit: 5, unit: sessions } }' }))).toEqual(['CRR-W065']);
  });

  it('ignores a need cycle (requirement-cycle reports it) without looping', () => {
    const snippet = register({ assets: '- { id: loop-a, type: other, name: Loop A, needs: [loop-b] }\n- { id: loop-b, type: other, name: Loop B, needs: [loop-a, vpn-a] }' }).replace('[{ anyOf: [vpn-b, vpn-a] }, emis-web]', '[{ anyOf: [vpn-b, vpn-a] }, loop-a, emis-web]');
    expect(codes(snippet)).toEqual(['CRR-E033']);
  });
});
