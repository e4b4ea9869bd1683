import { describe, expect, it } from 'vitest';
import type { Policy } from '../model/manifest.js';
import type { Register } from '../model/register.js';
import { analyse } from './analyse.js';
import { hazard, smallRegister } from './test-support.js';

const asOf = '2026-11-21';

/** The small register with its firewalls on these versions of one vendor, and a train policy. */
function withFirewalls(register: Register, vendor: string, versions: Record<string, string>, trains?: Policy['trains']): Register {
  for (const a of register.assets) {
    const version = a.site && a.localName === 'firewall' ? versions[a.site] : undefined;
    if (version) Object.assign(a, { vendor, software: version });
  }
  if (trains) register.manifest = { ...register.manifest!, policy: { trains } };
  return register;
}

describe('common causes', () => {
  const analysis = analyse(smallRegister(), { asOf });

  it('reports a shared attribute whose joint failure cuts more than any one asset alone', () => {
    const f = analysis.findings.find((x) => x.id === 'common-cause:software train=Cisco Meraki MX 18.107')!;
    expect(f.kind).toBe('common-cause');
    expect(f.assets).toEqual(['P1/firewall', 'P2/firewall', 'P3/firewall']);
    expect(f.reach.sites).toEqual(['P1', 'P2', 'P3']);
    expect(f.reach.pcns).toEqual(['pcn-1', 'pcn-2']);
    expect(f.reach.patients).toBe(7000);
    expect(f.reach.services).toEqual(['patient-record']);
  });

  it('flags a redundancy group whose members share a location, and the double failure', () => {
    const defeated = analysis.findings.filter((x) => x.kind === 'redundancy-defeated');
    // Both concentrators are in dc-1: one finding for the pair, naming what they share. They are
    // on different trains (9.16, 9.18), and one vendor alone is no shared fate.
    expect(defeated).toHaveLength(1);
    expect(defeated[0]!.group).toEqual({ name: 'VPN pair', members: ['vpn-a', 'vpn-b'] });
    expect(defeated[0]!.reach.sites).toEqual(['P1', 'P2']);
    expect(defeated[0]!.title).toBe('The redundancy of VPN pair is defeated by a shared location');
    expect(defeated[0]!.explanation).toContain('share the location DC one (`dc-1`)');
    const double = analysis.findings.find((x) => x.kind === 'double-failure')!;
    expect(double.id).toBe('double-failure:vpn-a+vpn-b');
    expect(double.reach.sites).toEqual(['P1', 'P2']);
  });

  it('does not report a shared attribute that a single failure point already explains', () => {
    // dc-core alone cuts every patient-record route, so "location dc-1" adds nothing.
    expect(analysis.findings.some((x) => x.id === 'common-cause:location=dc-1')).toBe(false);
    expect(analysis.findings.some((x) => x.id === 'failure-point:dc-core')).toBe(true);
  });

  it('does not group links that share only a network, and does group them by carrier', () => {
    // Every link is on KPSN and on carrier-a: one finding, named by the carrier, not the network.
    const links = analysis.findings.filter((x) => x.kind === 'common-cause' && x.assets.every((a) => a.endsWith('/link')));
    expect(links.map((x) => x.id)).toEqual(['common-cause:carrier=carrier-a']);
    expect(links[0]!.explanation).not.toContain('KPSN');
  });

  it('counts a common cause as covered only when one hazard cause names all its assets', () => {
    const covered = analyse(smallRegister({ hazards: hazard('HAZ-1', '{ description: Firmware defect, select: { software: "MX 18.*" } }') }), { asOf });
    expect(covered.findings.find((x) => x.id === 'common-cause:software train=Cisco Meraki MX 18.107')!.hazards).toEqual(['HAZ-1']);
    expect(covered.findings.find((x) => x.id === 'common-cause:software train=Cisco Meraki MX 18.107')!.coverage).toBe('covered');
    const partly = analyse(smallRegister({ hazards: hazard('HAZ-1', '{ description: One firewall, assets: [P1/firewall] }') }), { asOf });
    expect(partly.findings.find((x) => x.id === 'common-cause:software train=Cisco Meraki MX 18.107')!.hazards).toEqual([]);
    expect(partly.findings.find((x) => x.id === 'common-cause:software train=Cisco Meraki MX 18.107')!.coverage).toBe('gap');
  });
});

describe('software trains in common causes', () => {
  it('puts patch levels of one major.minor on one train, and other minors on trains of their own', () => {
    const register = withFirewalls(smallRegister({ hazards: hazard('HAZ-1', '{ description: FortiOS 7.2 defect, select: { software: "FortiOS 7.2*" } }') }), 'Fortinet', {
      P1: 'FortiOS 7.2.5',
      P2: 'FortiOS 7.2.8',
      P3: 'FortiOS 7.4.1',
    });
    const trains = analyse(register, { asOf }).findings.filter((x) => x.attribute?.name === 'software train' && x.kind === 'common-cause');
    expect(trains.map((x) => [x.id, x.assets])).toEqual([['common-cause:software train=Fortinet FortiOS 7.2', ['P1/firewall', 'P2/firewall']]]);
    // A hazard selecting `FortiOS 7.2*` names every asset on the train, so it covers the finding.
    expect(trains[0]!.hazards).toEqual(['HAZ-1']);
  });

  it('follows policy.trains: Meraki MX 18.1xx builds are the MX 18.1 train, covered by a hazard selecting `MX 18.1*`', () => {
    const register = withFirewalls(
      smallRegister({ hazards: hazard('HAZ-1', '{ description: MX 18.1 defect, select: { software: "MX 18.1*" } }') }),
      'Cisco Meraki',
      { P1: 'MX 18.104', P2: 'MX 18.107', P3: 'MX 18.107.2' },
      { 'cisco meraki': ['MX 18.1*', 'MX 18.2*'] },
    );
    const f = analyse(register, { asOf }).findings.find((x) => x.kind === 'common-cause' && x.attribute?.name === 'software train')!;
    expect(f.id).toBe('common-cause:software train=Cisco Meraki MX 18.1');
    expect(f.assets).toEqual(['P1/firewall', 'P2/firewall', 'P3/firewall']);
    expect(f.hazards).toEqual(['HAZ-1']);
    // Without the policy, the default makes each build a train of its own (18.107 and its patch 18.107.2).
    const plain = withFirewalls(smallRegister(), 'Cisco Meraki', { P1: 'MX 18.104', P2: 'MX 18.107', P3: 'MX 18.107.2' });
    const trains = analyse(plain, { asOf }).findings.filter((x) => x.kind === 'common-cause' && x.attribute?.name === 'software train');
    expect(trains.map((x) => [x.id, x.assets])).toEqual([['common-cause:software train=Cisco Meraki MX 18.107', ['P2/firewall', 'P3/firewall']]]);
  });
});
