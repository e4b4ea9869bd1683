/**
 * Issue 11, reach by place in `crr diff`: every entry with sites or patients says where they are,
 * by ICB and region, largest first, in the JSON, the markdown and the guard messages. A real git
 * repository (helpers.ts); the valid register given a region over two ICBs.
 */
import { describe, expect, it } from 'vitest';
import { diff, diffJson, guard, INFRA, makeRepo, MANIFEST, useScratch, type Repo } from './helpers.js';

const scratch = useScratch('places');

const KENT = { id: 'org-icb', name: 'NHS Kent and Medway ICB' };
const SUSSEX = { id: 'org-icb2', name: 'NHS Sussex ICB' };
const SOUTH_EAST = { id: 'reg-se', name: 'NHS England South East' };

/** A region over two ICBs: Riverside PCN moves to Sussex, with a new practice larger than any in Kent. */
function twoIcbs(r: Repo): void {
  r.edit(MANIFEST, '  - { id: org-icb, type: icb, name: NHS Kent and Medway ICB, ods: QKS }', [
    '  - { id: reg-se, type: region, name: NHS England South East, ods: Y59 }',
    '  - { id: org-icb, type: icb, name: NHS Kent and Medway ICB, ods: QKS, parent: reg-se }',
    '  - { id: org-icb2, type: icb, name: NHS Sussex ICB, ods: QNX, parent: reg-se }',
  ].join('\n'));
  r.edit(MANIFEST, '{ id: pcn-river, type: pcn, name: Riverside PCN, parent: org-icb }', '{ id: pcn-river, type: pcn, name: Riverside PCN, parent: org-icb2 }');
  r.edit(INFRA, '  - { id: G99003-B,', '  - { id: G99004, type: practice, name: Seaview Surgery, ods: G99004, pcn: pcn-river, listSize: 25000, profile: kpsn-emis }\n  - { id: G99003-B,');
}

/**
 * Every practice on the profile loses its concentrator pair for vpn-b alone (which no hazard
 * names), and vpn-b's capacity drops below the four tunnels it then carries.
 */
function onlyVpnB(r: Repo): void {
  r.edit(INFRA, 'concentrator: { anyOf: [vpn-b, vpn-a], name: VPN concentrator pair }', 'concentrator: vpn-b');
  r.edit(INFRA, 'capacity: { limit: 400, unit: tunnels }', 'capacity: { limit: 3, unit: tunnels }');
}

// Sussex has one site and the most patients: largest first is by patients, not by sites, name or declaration.
const WHERE = { byIcb: [{ ...SUSSEX, sites: 1, patients: 25000 }, { ...KENT, sites: 2, patients: 21040 }], byRegion: [{ ...SOUTH_EAST, sites: 3, patients: 46040 }] };
const WHERE_MD = 'Regions\\: NHS England South East 3 sites \\(46,040\\); ICBs\\: NHS Sussex ICB 1 site \\(25,000\\); NHS Kent and Medway ICB 2 sites \\(21,040\\)';

describe('crr diff names the ICBs and regions of every reach', () => {
  const changed = () => {
    const r = makeRepo(scratch, twoIcbs);
    onlyVpnB(r);
    r.commit();
    return r;
  };

  it('json: the failure point added, its blast radius and the new overload carry their places, largest first', async () => {
    const { out } = await diffJson(changed());
    const gained = out.failurePoints.gained.find((f) => f.asset === 'vpn-b')!;
    // The branch surgery has no PCN, so no place: four sites cut, three of them placed.
    expect(gained.sites.map((s) => [s.site, s.name])).toEqual([
      ['G99001', 'Northgate Surgery'],
      ['G99003', 'Hill View Medical Centre'],
      ['G99003-B', 'Hill View branch surgery'],
      ['G99004', 'Seaview Surgery'],
    ]);
    expect(gained).toMatchObject({ patients: 46040, hazards: [], ...WHERE });
    expect(out.reach.find((x) => x.asset === 'vpn-b')).toEqual({ asset: 'vpn-b', name: 'VPN concentrator B', before: 0, after: 46040, delta: 46040, ...WHERE });
    expect(out.capacity.overloads.new).toHaveLength(1);
    expect(out.capacity.overloads.new[0]).toMatchObject({ finding: 'capacity:vpn-b', shortfall: 1, patients: 46040, sites: ['G99001', 'G99003', 'G99003-B', 'G99004'], ...WHERE });
  });

  it('markdown: a "where" column in the failure point, blast radius and shortfall tables, sites by name', async () => {
    const r = changed();
    const md = (await diff(r.dir, ['base', 'HEAD', 'reg'])).stdout;
    expect(md).toContain('| asset | sites cut | patients | hazards naming it | where |');
    expect(md).toContain(
      `| vpn\\-b VPN concentrator B | 4: Seaview Surgery \\(G99004\\), Hill View Medical Centre \\(G99003\\), Northgate Surgery \\(G99001\\), Hill View branch surgery \\(G99003\\-B\\) | 46,040 | none | ${WHERE_MD} |`,
    );
    expect(md).toContain(`| vpn\\-b VPN concentrator B | 0 | 46,040 | \\+46,040 | ${WHERE_MD} |`);
    expect(md).toMatch(new RegExp(`^\\| new \\| at peak, nothing failed \\| vpn\\\\-b 4 of 3 tunnels, shortfall 1 \\| 4\\\\: Seaview Surgery .* \\| 46,040 \\| none \\| ${WHERE_MD.replace(/[\\()]/g, (c) => `\\${c}`)} \\|$`, 'm'));
  });

  it('guards and github: the messages that state a reach name its places the same way', async () => {
    const r = changed();
    const { out } = await diffJson(r);
    const words = 'Regions: NHS England South East 3 sites (46,040); ICBs: NHS Sussex ICB 1 site (25,000); NHS Kent and Medway ICB 2 sites (21,040).';
    expect(guard(out, 'CRR-G004').findings.map((f) => f.message)).toEqual([expect.stringContaining(`G99004 (patient-record, prescribing). ${words} No hazard names it.`)]);
    expect(guard(out, 'CRR-G007').findings[0]!.message).toContain(`for 4 sites (46,040 patients): G99001, G99003, G99003-B, G99004. ${words} No hazard names it.`);
    const gh = (await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'github'])).stdout;
    expect(gh).toContain(`ICBs: NHS Sussex ICB 1 site (25,000); NHS Kent and Medway ICB 2 sites (21,040). No hazard names it.`);
  });

  it('a register without places: no "where" column, and empty places in the JSON', async () => {
    const r = makeRepo(scratch, (b) => {
      // The PCNs under no ICB: no site resolves to a place.
      b.edit(MANIFEST, '{ id: pcn-north, type: pcn, name: North Downs PCN, parent: org-icb }', '{ id: pcn-north, type: pcn, name: North Downs PCN }');
      b.edit(MANIFEST, '{ id: pcn-river, type: pcn, name: Riverside PCN, parent: org-icb }', '{ id: pcn-river, type: pcn, name: Riverside PCN }');
    });
    onlyVpnB(r);
    r.edit(INFRA, 'capacity: { limit: 3, unit: tunnels }', 'capacity: { limit: 2, unit: tunnels }'); // three sites here, no Seaview
    r.commit();
    const { out } = await diffJson(r);
    const gained = out.failurePoints.gained.find((f) => f.asset === 'vpn-b')!;
    expect(gained).toMatchObject({ patients: 21040, byIcb: [], byRegion: [] });
    expect(out.reach.every((x) => x.byIcb.length === 0 && x.byRegion.length === 0)).toBe(true);
    expect(out.capacity.overloads.new[0]).toMatchObject({ shortfall: 1, byIcb: [], byRegion: [] });
    expect(guard(out, 'CRR-G004').findings[0]!.message).not.toContain('ICBs');
    const md = (await diff(r.dir, ['base', 'HEAD', 'reg'])).stdout;
    expect(md).toContain('| asset | sites cut | patients | hazards naming it |\n');
    expect(md).not.toMatch(/(naming it|change) \| where \|/); // the guards table's own "where" is a file and line
    expect(md).not.toContain('ICBs');
    expect(md).toContain('| vpn\\-b VPN concentrator B | 3: Hill View Medical Centre \\(G99003\\), Northgate Surgery \\(G99001\\), Hill View branch surgery \\(G99003\\-B\\) | 21,040 | none |\n');
  });
});

