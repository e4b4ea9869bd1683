import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W066';

const SITES = `
    - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn }
    - { id: G99002, type: practice, name: Southgate Surgery, ods: G99002, pcn: pcn-north, listSize: 5120, profile: kpsn }`;

/** Concentrators limited in tunnels, a link limited as `linkCapacity` says, practices on a profile. */
const register = (opts: { demand?: string; sites?: string; linkCapacity?: string; route?: string } = {}) => yaml`
  services:
    - { id: patient-record, name: Patient record }
  assets:
    - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A, capacity: { limit: 30, unit: tunnels } }
    - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B, capacity: { limit: 48, unit: tunnels } }
    - { id: hscn-link, type: network-link, name: HSCN link${opts.linkCapacity ? `, capacity: ${opts.linkCapacity}` : ''} }
    - { id: emis-web, type: clinical-system, name: EMIS Web }
  profiles:
    - id: kpsn
      ${opts.demand ?? 'demand: { tunnels: 1, mbps: 40 }'}
      routes:
        patient-record: ${opts.route ?? '[{ anyOf: [vpn-b, vpn-a] }, emis-web]'}
  sites:${opts.sites ?? SITES}
`;

describe('demand-unlimited (CRR-W066)', () => {
  it('warns once per profile about a unit no asset on its sites\' routes limits, naming the units that are', () => {
    const snippet = register();
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'kpsn', file: RECORDS, line: lineOf(snippet, 'demand:'), field: 'demand.mbps' });
    expect(found[0]!.message).toBe(
      'Profile `kpsn` gives peak demand in `mbps`, but no asset on the routes of its 2 sites (`G99001` and `G99002`) limits that unit; the capacities there count only `tunnels`. So that demand is never checked against any limit, and an overload in it goes unseen.',
    );
    expect(found[0]!.hint).toBe('Give the asset that carries this traffic a `capacity` in `mbps`, or drop that unit from the demand.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('passes demand in a unit that some asset on the route limits, even when others limit other units', () => {
    expect(codes(register({ demand: 'demand: { tunnels: 1 }' }))).toEqual([]);
    expect(codes(register({ linkCapacity: '{ limit: 1000, unit: mbps }', route: '[{ anyOf: [vpn-b, vpn-a] }, hscn-link, emis-web]' }))).toEqual([]);
  });

  it('judges each site by its own routes: a limit elsewhere in the register does not check it', () => {
    const found = findings(CODE, register({ linkCapacity: '{ limit: 1000, unit: mbps }' }));
    expect(found.map((d) => d.record)).toEqual(['kpsn']);
  });

  it('reports a site\'s own demand at the site, and a profile\'s once for the sites that inherit it', () => {
    const sites = `${SITES}
    - { id: G99003, type: practice, name: Eastgate Surgery, ods: G99003, pcn: pcn-north, listSize: 100, profile: kpsn, demand: { tunnels: 1, mbps: 10, users: 12 } }`;
    const snippet = register({ sites });
    const found = findings(CODE, snippet);
    expect(found.map((d) => [d.record, d.field])).toEqual([
      ['kpsn', 'demand.mbps'],
      ['G99003', 'demand.mbps'],
    ]);
    expect(found[0]!.message).toContain('its 2 sites (`G99001` and `G99002`)');
    expect(found[1]!.message).toBe(
      'Site `G99003` gives peak demand in `mbps` or `users`, but no asset on its routes limits those units; the capacities there count only `tunnels`. So that demand is never checked against any limit, and an overload in them goes unseen.',
    );
    expect(found[1]!.line).toBe(lineOf(snippet, 'id: G99003'));
  });

  it('says so when no asset on the route declares a capacity, and suggests a close unit', () => {
    const bare = findings(CODE, register({ route: '[emis-web]' }));
    expect(bare).toHaveLength(1);
    expect(bare[0]!.message).toContain('limits those units; no asset there declares a capacity.');
    const typo = findings(CODE, register({ demand: 'demand: { tunnels: 1, tunels: 1 }' }));
    expect(typo[0]!.hint).toBe('Did you mean `tunnels`? Correct the demand\'s unit, or give the asset that carries this traffic a `capacity` in `tunels`.');
  });

  it('leaves a unit the route\'s capacities do not get to CRR-E061, reporting it once', () => {
    expect(codes(register({ demand: 'demand: { tunnel: 1 }' }))).toEqual(['CRR-E061', 'CRR-E061']);
  });

  it('says nothing about a site with no demand or no route', () => {
    expect(codes(register({ demand: '', route: '[{ anyOf: [vpn-b, vpn-a] }, hscn-link, emis-web]', linkCapacity: '{ limit: 1000, unit: tunnels }' }))).toEqual(['CRR-E061', 'CRR-E061', 'CRR-E061']);
    const unrouted = `${SITES}
    - { id: G99004, type: practice, name: Westgate Surgery, ods: G99004, pcn: pcn-north, listSize: 100, demand: { mbps: 10 } }`;
    expect(codes(register({ demand: 'demand: { tunnels: 1 }', sites: unrouted }))).toEqual(['CRR-W050']);
  });
});
