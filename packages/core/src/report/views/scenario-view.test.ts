/**
 * The scenario view: what fails (capped at national scale), the three outcomes with their reach,
 * the overloads, and the tolerance, linked both ways with its `scenario:<id>` finding.
 */
import { describe, expect, it } from 'vitest';
import { hazard, smallRegister } from '../../analysis/test-support.js';
import { buildReport } from '../build-report.js';
import { LISTED } from '../report-data.js';

/**
 * The small register with scenarios. `smallRegister` has no option for them: the `sites` text is
 * written at the top level after the sites, so a `scenarios:` key placed there is the register's.
 */
function withScenarios(scenarios: string, extra: { sites?: string; hazards?: string; vpnLimits?: [number, number] } = {}) {
  const register = smallRegister({ ...extra, sites: `${extra.sites ?? ''}\nscenarios:\n${scenarios}` });
  return buildReport(register, { asOf: '2026-11-21', tool: 'test' }).report;
}

// P1 and P2 prefer vpn-a and fail over to vpn-b (limit 1); P3 has vpn-a alone.
const report = withScenarios(
  `  - { id: vpn-a-out, title: VPN A out, reason: Maintenance., assets: [vpn-a], tolerance: { sitesCut: 0, overloads: 0, patientsDegraded: 5000 }, notes: Evenings only. }
  - { id: all-firewalls, title: Every firewall, reason: A firmware defect., select: { type: firewall } }`,
  { vpnLimits: [10, 1], hazards: hazard('HAZ-1', '{ description: VPN A fails, assets: [vpn-a] }') },
);
const byId = (id: string) => report.scenarios.find((s) => s.id === id)!;

describe('scenario views', () => {
  it('give the three outcomes with their reach, by service, and the overloads', () => {
    const s = byId('vpn-a-out');
    expect(s).toMatchObject({ slug: 'vpn-a-out', name: 'VPN A out', title: 'VPN A out', reason: 'Maintenance.', notes: 'Evenings only.', failedCount: 1 });
    expect(s.failed).toEqual([{ spec: 'vpn-a', selector: false, words: s.failed[0]!.assets[0]!.name, assets: [expect.objectContaining({ id: 'vpn-a' })], assetCount: 1, moreAssets: 0 }]);
    // P3 is cut; P1 and P2 reach the record only through vpn-b, over its limit.
    expect(s.cut).toMatchObject({ sites: 1, patients: 4000, siteRefs: [expect.objectContaining({ id: 'P3' })] });
    expect(s.degraded).toMatchObject({ sites: 2, patients: 3000 });
    expect(s.byService).toEqual([{ service: expect.objectContaining({ id: 'patient-record' }), cutSites: 1, cutPatients: 4000, degradedSites: 2, degradedPatients: 3000 }]);
    expect(s.overloaded).toEqual([{ asset: expect.objectContaining({ id: 'vpn-b' }), unit: 'tunnels', limit: 1, before: 0, load: 2, shortfall: 1, sites: 2, patients: 3000 }]);
    expect(s.hazards.map((h) => h.id)).toEqual(['HAZ-1']);
  });

  it('list every ceiling of the tolerance with what the scenario does, and link the finding both ways', () => {
    const s = byId('vpn-a-out');
    expect(s.tolerance).toEqual([
      { measure: 'sitesCut', label: 'Sites cut off', limit: 0, actual: 1, exceeded: true },
      { measure: 'patientsDegraded', label: 'Patients at degraded sites', limit: 5000, actual: 3000, exceeded: false },
      { measure: 'overloads', label: 'Assets overloaded', limit: 0, actual: 1, exceeded: true },
    ]);
    expect(s.verdict).toBe('exceeded');
    const finding = report.findings.find((f) => f.id === 'scenario:vpn-a-out')!;
    expect(s.finding).toEqual({ id: finding.id, title: finding.title, slug: finding.slug });
    expect(finding.scenario).toEqual({ id: 'vpn-a-out', slug: s.slug, name: 'VPN A out' });
    expect(report.findings.filter((f) => f.scenario).map((f) => f.id)).toEqual(['scenario:vpn-a-out']);
  });

  it('say when there is no tolerance, and mark a selector as one', () => {
    const s = byId('all-firewalls');
    expect(s.verdict).toBe('none');
    expect(s.tolerance).toEqual([]);
    expect(s.finding).toBeUndefined();
    expect(s.failed).toEqual([expect.objectContaining({ spec: 'type=firewall', selector: true, words: 'every firewall', assetCount: 3 })]);
    expect(s.cut.sites).toBe(3);
  });

  it('are sorted by id', () => {
    expect(report.scenarios.map((s) => s.id)).toEqual(['all-firewalls', 'vpn-a-out']);
  });

  it('cap the assets and sites they list at national scale, and count the rest', () => {
    const many = 2 * LISTED;
    const sites = Array.from({ length: many }, (_, i) => `  - { id: Q${i}, type: practice, name: Q${i}, ods: Y${String(i).padStart(5, '0')}, pcn: pcn-1, listSize: 100, profile: std }`).join('\n');
    const big = withScenarios('  - { id: firewalls, title: Firewalls, reason: A defect., select: { type: firewall }, tolerance: { sitesCut: 10 } }', { sites, vpnLimits: [1000, 1000] });
    const s = big.scenarios[0]!;
    expect(s.failed[0]).toMatchObject({ assetCount: many + 3, moreAssets: many + 3 - LISTED });
    expect(s.failed[0]!.assets).toHaveLength(LISTED);
    expect(s.cut.sites).toBe(many + 3);
    expect(s.cut.siteRefs).toHaveLength(LISTED);
    expect(s.cut.moreSites).toBe(many + 3 - LISTED);
    expect(s.tolerance).toEqual([{ measure: 'sitesCut', label: 'Sites cut off', limit: 10, actual: many + 3, exceeded: true }]);
  });
});
