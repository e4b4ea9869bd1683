/**
 * Incidents reach site and asset pages through the assets they name: a site's own asset brings
 * its incidents to that site's page; a shared asset brings them to its own page only.
 */
import { describe, expect, it } from 'vitest';
import { smallRegister } from '../analysis/test-support.js';
import { buildReport } from './build-report.js';

const register = smallRegister({
  incidents: [
    // Out of id order in the register, to show the pages list ids sorted.
    '  - { id: INC-3, title: Site named, start: 2026-06-01, sites: [P2] }',
    '  - { id: INC-1, title: Firewall dropped tunnels, start: 2026-04-07, assets: [P1/firewall] }',
    '  - { id: INC-2, title: Concentrator saturated, start: 2026-05-01, assets: [vpn-a] }',
    '  - { id: INC-0, title: Both, start: 2026-03-01, assets: [P1/firewall, P1/link], sites: [P1] }',
  ].join('\n'),
});
const { report } = buildReport(register, { asOf: '2026-11-21', tool: 'crr test' });
const site = (id: string) => report.sites.find((s) => s.id === id)!;
const asset = (id: string) => report.assets.find((a) => a.id === id)!;
const ids = (refs: readonly { id: string }[]) => refs.map((r) => r.id);

describe('incidents of a site and of an asset', () => {
  it("puts an incident naming a site's own asset on that site's page and that asset's page, not on another site's", () => {
    expect(ids(site('P1').incidents)).toEqual(['INC-0', 'INC-1']);
    expect(ids(asset('P1/firewall').incidents)).toEqual(['INC-0', 'INC-1']);
    expect(ids(site('P2').incidents)).not.toContain('INC-1');
    expect(asset('P2/firewall').incidents).toEqual([]);
  });

  it('gives each asset incident its date and title, linked by its anchor', () => {
    const [first] = asset('P1/firewall').incidents.filter((r) => r.id === 'INC-1');
    expect(first).toMatchObject({ id: 'INC-1', name: 'Firewall dropped tunnels', start: '2026-04-07', slug: report.incidents.find((i) => i.id === 'INC-1')!.slug });
  });

  it('puts an incident naming a shared asset on the asset page only, not on every site it serves', () => {
    expect(ids(asset('vpn-a').incidents)).toEqual(['INC-2']);
    // P3 is bound to vpn-a and P1, P2 use it too: none of them lists it.
    for (const s of ['P1', 'P2', 'P3']) expect(ids(site(s).incidents)).not.toContain('INC-2');
  });

  it('still puts an incident naming a site on that site', () => {
    expect(ids(site('P2').incidents)).toEqual(['INC-3']);
    expect(site('P3').incidents).toEqual([]);
  });

  it('lists an incident once on a site it names and whose assets it names', () => {
    expect(ids(site('P1').incidents).filter((i) => i === 'INC-0')).toHaveLength(1);
    expect(ids(asset('P1/link').incidents)).toEqual(['INC-0']);
  });
});
