import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { softwareTrain } from './common-causes.js';
import { hazard, smallRegister } from './test-support.js';

describe('software trains', () => {
  it.each([
    ['MX 18.107', 'MX 18'],
    ['MX 18.211', 'MX 18'],
    ['MX 19.1.4', 'MX 19'],
    ['9.16.4', '9'],
    ['  v2.3 ', 'v2'],
    ['latest', 'latest'],
  ])('%s is on train %s', (version, train) => expect(softwareTrain(version)).toBe(train));
});

describe('common causes', () => {
  const analysis = analyse(smallRegister(), { asOf: '2026-11-21' });

  it('reports a shared attribute whose joint failure cuts more than any one asset alone', () => {
    const f = analysis.findings.find((x) => x.id === 'common-cause:software train=Cisco Meraki MX 18')!;
    expect(f.kind).toBe('common-cause');
    expect(f.assets).toEqual(['P1/firewall', 'P2/firewall', 'P3/firewall']);
    expect(f.reach.sites).toEqual(['P1', 'P2', 'P3']);
    expect(f.reach.pcns).toEqual(['pcn-1', 'pcn-2']);
    expect(f.reach.patients).toBe(7000);
    expect(f.reach.services).toEqual(['patient-record']);
  });

  it('flags a redundancy group whose members share a location, and the double failure', () => {
    const defeated = analysis.findings.filter((x) => x.kind === 'redundancy-defeated');
    // Both concentrators are Cisco 9.x in dc-1: one finding for the pair, naming what they share.
    expect(defeated).toHaveLength(1);
    expect(defeated[0]!.group).toEqual({ name: 'VPN pair', members: ['vpn-a', 'vpn-b'] });
    expect(defeated[0]!.reach.sites).toEqual(['P1', 'P2']);
    expect(defeated[0]!.explanation).toMatch(/software train `Cisco 9`|location `dc-1`|vendor `Cisco`/);
    const double = analysis.findings.find((x) => x.kind === 'double-failure')!;
    expect(double.id).toBe('double-failure:vpn-a+vpn-b');
    expect(double.reach.sites).toEqual(['P1', 'P2']);
  });

  it('does not report a shared attribute that a single failure point already explains', () => {
    // dc-core alone cuts every patient-record route, so "location dc-1" adds nothing.
    expect(analysis.findings.some((x) => x.id === 'common-cause:location=dc-1')).toBe(false);
    expect(analysis.findings.some((x) => x.id === 'failure-point:dc-core')).toBe(true);
  });

  it('counts a common cause as covered only when one hazard cause names all its assets', () => {
    const covered = analyse(smallRegister({ hazards: hazard('HAZ-1', '{ description: Firmware defect, select: { software: "MX 18.*" } }') }), { asOf: '2026-11-21' });
    expect(covered.findings.find((x) => x.id === 'common-cause:software train=Cisco Meraki MX 18')!.hazards).toEqual(['HAZ-1']);
    expect(covered.findings.some((x) => x.id === 'coverage-gap:common-cause:software train=Cisco Meraki MX 18')).toBe(false);
    const partly = analyse(smallRegister({ hazards: hazard('HAZ-1', '{ description: One firewall, assets: [P1/firewall] }') }), { asOf: '2026-11-21' });
    expect(partly.findings.find((x) => x.id === 'common-cause:software train=Cisco Meraki MX 18')!.hazards).toEqual([]);
  });
});
