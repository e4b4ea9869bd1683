import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, compareFindings, validateFolder, whatIf, type Analysis, type Register } from '@crr/core';
import { beyondExampleWarnings } from '../support/example-warnings.js';

/**
 * What a reviewer of the worked example must be shown, pinned: the April 2026 pattern.
 */
const dir = fileURLToPath(new URL('../../registers/example-icb', import.meta.url));
const asOf = '2026-11-21';
let register: Register;
let analysis: Analysis;

/** The practices whose KPSN circuits route only to the original concentrator (see sites/*.yaml). */
const STUCK_ON_VPN_A = ['Y90104', 'Y90202', 'Y90305', 'Y90404'];

beforeAll(async () => {
  const v = await validateFolder(dir, { asOf });
  expect(beyondExampleWarnings(v.diagnostics)).toEqual([]);
  register = v.register;
  analysis = analyse(register, { asOf });
});

describe('the worked example, analysed', () => {
  it('finds the original concentrator a failure point for exactly the sites that could not move', () => {
    const f = analysis.findings.find((x) => x.id === 'failure-point:vpn-a')!;
    expect(f.kind).toBe('failure-point');
    expect(f.reach.sites).toEqual(STUCK_ON_VPN_A);
    expect(f.reach.services).toEqual(['document-workflow', 'online-consultation', 'patient-record', 'prescribing']);
    const patients = register.sites.filter((s) => STUCK_ON_VPN_A.includes(s.id)).reduce((n, s) => n + (s.listSize ?? 0), 0);
    expect(f.reach.patients).toBe(patients);
    for (const site of STUCK_ON_VPN_A) {
      const pair = analysis.failurePoints.find((p) => p.site === site && p.service === 'patient-record')!;
      expect(pair.assets).toContain('vpn-a');
    }
    // A site that moved (with failover) does not depend on vpn-a alone.
    expect(analysis.failurePoints.find((p) => p.site === 'Y90101' && p.service === 'patient-record')!.assets).not.toContain('vpn-a');
  });

  it('finds the firewall software train a common cause across PCNs', () => {
    // MX 18.107 is on the MX 18.1 train by the register's policy.trains; vpn-a's MX 18.211 is on MX 18.2.
    const f = analysis.findings.find((x) => x.kind === 'common-cause' && x.attribute?.name === 'software train' && x.attribute.value === 'Cisco Meraki MX 18.1')!;
    expect(f).toBeDefined();
    expect(f.assets).not.toContain('vpn-a');
    expect(f.reach.pcns.length).toBeGreaterThanOrEqual(5);
    expect(f.reach.services).toContain('patient-record');
    expect(f.reach.services).not.toContain('telephony');
    // It names the hazard that covers it.
    expect(f.hazards.length).toBeGreaterThan(0);
  });

  it('groups no assets by what is not a shared fate: a network, a vendor, a firewall supplier', () => {
    const names = analysis.findings.filter((x) => x.kind === 'common-cause').map((x) => x.attribute!.name);
    expect(names).not.toContain('network');
    expect(names).not.toContain('vendor');
    expect(analysis.findings.some((x) => x.id === 'common-cause:supplier=org-csu')).toBe(false);
    // Lines from one carrier, and through one exchange, are.
    expect(analysis.findings.some((x) => x.id === 'common-cause:carrier=org-carrier-a')).toBe(true);
    expect(analysis.findings.some((x) => x.id === 'common-cause:exchange=Riverhythe')).toBe(true);
  });

  it('finds the concentrators cannot carry the peak load when vpn-b fails (N-1)', () => {
    const n1 = analysis.capacity.nMinusOne.find((x) => x.failed === 'vpn-b')!;
    const limitA = register.assets.find((a) => a.id === 'vpn-a')!.capacity!.limit;
    expect(n1.overloaded).toEqual([{ asset: 'vpn-a', unit: 'tunnels', limit: limitA, load: expect.any(Number), shortfall: expect.any(Number) }]);
    expect(n1.overloaded[0]!.load).toBeGreaterThan(limitA);
    expect(n1.overloaded[0]!.shortfall).toBe(n1.overloaded[0]!.load - limitA);
    // The load says the worst it would carry, with the headroom left (negative: a shortfall).
    const a = analysis.capacity.loads.find((l) => l.asset === 'vpn-a')!;
    expect(a.worstNMinusOne).toEqual({ failed: 'vpn-b', load: n1.overloaded[0]!.load, headroom: limitA - n1.overloaded[0]!.load });
    // The finding's suggested hazard says what fails and what is overloaded; a hazard naming vpn-a covers it.
    const f = analysis.findings.find((x) => x.id === 'capacity-n-1:vpn-b')!;
    expect(f.figures).toMatchObject({ failed: 'vpn-b', overloaded: 'vpn-a', shortfall: n1.overloaded[0]!.shortfall });
    expect(f.hazards).toEqual(expect.arrayContaining(register.hazards.filter((h) => h.causes.some((c) => c.assets?.includes('vpn-a') && c.assets.length === 1)).map((h) => h.id)));
    expect(analysis.findings.some((f) => f.id === 'capacity-n-1:vpn-b')).toBe(true);
    // In normal running neither concentrator is over its limit.
    for (const l of analysis.capacity.loads) expect(l.load).toBeLessThanOrEqual(l.limit);
  });

  it('flags the concentrator pair as redundant on paper only: one data centre, one management plane', () => {
    const f = analysis.findings.find((x) => x.kind === 'redundancy-defeated' && x.group?.members.join() === 'vpn-b,vpn-a')!;
    expect(f).toBeDefined();
    expect(f.title).toMatch(/location/);
    expect(f.title).toMatch(/management plane/);
    expect(f.explanation).toContain('Medstone Gate data centre');
    // It cuts the sites that could fail over, not the ones already tied to one concentrator.
    for (const site of STUCK_ON_VPN_A) expect(f.reach.sites).not.toContain(site);
  });

  it('finds the phones survive the loss of both concentrators', () => {
    const w = whatIf(register, [{ asset: 'vpn-a' }, { asset: 'vpn-b' }]);
    expect(w.reach.sites.length).toBeGreaterThan(40);
    expect(w.reach.services).not.toContain('telephony');
    expect(w.cut.every((c) => c.service !== 'telephony')).toBe(true);
  });

  it('ranks findings by the rule (uncovered first, then criticality, then patients), and every finding explains itself', () => {
    expect([...analysis.findings].sort(compareFindings)).toEqual(analysis.findings);
    const firstCovered = analysis.findings.findIndex((f) => f.coverage === 'covered');
    expect(analysis.findings.slice(firstCovered).every((f) => f.coverage === 'covered')).toBe(true);
    // Among the covered, of one criticality, most patients first.
    const covered = analysis.findings.slice(firstCovered).filter((f) => f.criticality === 'critical');
    for (let i = 1; i < covered.length; i++) expect(covered[i - 1]!.reach.patients).toBeGreaterThanOrEqual(covered[i]!.reach.patients);
    for (const f of analysis.findings) {
      expect(f.explanation.length).toBeGreaterThan(40);
      if (f.kind !== 'incident-likelihood') expect(f.assets.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(analyse(register, { asOf }))).toBe(JSON.stringify(analysis));
  });
});
