import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W065';

/** Two concentrators in a group that practices on a profile route through, and whatever `assets` adds. */
const register = (opts: { assets?: string; route?: string } = {}) => yaml`
  services:
    - { id: patient-record, name: Patient record }
  assets:
    - { id: dc-core, type: data-centre-service, name: Data-centre core }
    - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A, capacity: { limit: 30, unit: tunnels }, needs: [dc-core] }
    - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B, capacity: { limit: 48, unit: tunnels }, needs: [dc-core] }
    - { id: emis-web, type: clinical-system, name: EMIS Web }
    ${opts.assets ?? ''}
  profiles:
    - id: kpsn
      demand: { tunnels: 1 }
      routes:
        patient-record: ${opts.route ?? '[{ anyOf: [vpn-b, vpn-a] }, emis-web]'}
  sites:
    - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn }
    - { id: G99002, type: practice, name: Southgate Surgery, ods: G99002, pcn: pcn-north, listSize: 5120, profile: kpsn }
`;

describe('capacity-without-demand (CRR-W065)', () => {
  it('warns about a capacity no route passes through, at the capacity', () => {
    const snippet = register({ assets: '- { id: vpn-c, type: vpn-concentrator, name: VPN concentrator C, capacity: { limit: 40, unit: tunnels }, needs: [dc-core] }' });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'vpn-c', file: RECORDS, line: lineOf(snippet, 'id: vpn-c'), field: 'capacity' });
    expect(found[0]!.message).toBe(
      "Asset `vpn-c` declares a capacity of 40 tunnels, but no site's route passes through it, at any preference, so no demand is ever counted against that limit and its load, overloads and N-1 check are never seen.",
    );
    expect(found[0]!.hint).toBe('Give the routes that use this asset (directly, in a group, or through an asset that needs it), or drop its `capacity`.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('passes a spare that is never preferred: a group member carries load when the others fail', () => {
    // vpn-a is second choice everywhere, so it carries nothing at peak; it is still checked (N-1).
    expect(codes(register())).toEqual([]);
  });

  it('passes a capacity reached only through what a routed asset needs', () => {
    const snippet = register().replace('name: Data-centre core }', 'name: Data-centre core, capacity: { limit: 1000, unit: tunnels } }');
    expect(codes(snippet)).toEqual([]);
  });

  it('warns when the only asset that needs it is itself on no route', () => {
    const snippet = register({ assets: '- { id: core-2, type: data-centre-service, name: Second core, capacity: { limit: 9, unit: tunnels } }\n- { id: vpn-d, type: vpn-concentrator, name: Unused concentrator, needs: [core-2] }' });
    expect(findings(CODE, snippet).map((d) => d.record)).toEqual(['core-2']);
  });

  it('reports a capacity on a profile\'s unused local asset once, not once per site', () => {
    const snippet = yaml`
      services:
        - { id: patient-record, name: Patient record }
      assets:
        - { id: emis-web, type: clinical-system, name: EMIS Web }
      profiles:
        - id: kpsn
          localAssets:
            link: { type: network-link, capacity: { limit: 100, unit: mbps } }
            backup: { type: network-link, capacity: { limit: 20, unit: mbps } }
          demand: { mbps: 40 }
          routes:
            patient-record: [$link, emis-web]
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn }
        - { id: G99002, type: practice, name: Southgate Surgery, ods: G99002, pcn: pcn-north, listSize: 5120, profile: kpsn }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'G99001/backup', line: lineOf(snippet, 'backup:') });
    expect(found[0]!.message).toContain('The same asset, written once, is unused at 1 other site (`G99002/backup`).');
  });

  it('says nothing when no asset declares a capacity', () => {
    expect(codes(register().replace(/, capacity: \{ limit: \d+, unit: tunnels \}/g, ''))).not.toContain(CODE);
  });
});
