import { describe, expect, it } from 'vitest';
import { FAULT_CATALOGUE } from '../faults/fault-catalogue.js';
import { analyse } from './analyse.js';
import { analysisContext } from './context.js';
import { faultGrid } from './fault-gaps.js';
import { hazard, smallRegister } from './test-support.js';

const AS_OF = '2026-11-21';
const gridOf = (register: ReturnType<typeof smallRegister>) => faultGrid(register, analysisContext(register, AS_OF).graph);
const cell = (rows: ReturnType<typeof gridOf>, type: string, fault: string) => rows.find((r) => r.assetType === type)!.cells.find((c) => c.fault.id === fault)!;

describe('fault gaps: hazard identification from the fault catalogue', () => {
  it('has a row for each asset type the register has, in the model\'s order, with the type\'s faults', () => {
    const rows = gridOf(smallRegister());
    expect(rows.map((r) => r.assetType)).toEqual(['firewall', 'network-link', 'vpn-concentrator', 'data-centre-service', 'clinical-system', 'telephony']);
    expect(rows[0]!.assets).toHaveLength(3);
    expect(rows[0]!.cells.map((c) => c.fault.id)).toEqual(FAULT_CATALOGUE.filter((f) => f.assetType === 'firewall').map((f) => f.id));
    expect(rows.every((r) => r.cells.every((c) => c.state === 'gap'))).toBe(true);
  });

  it('reports each gap as a finding reaching the sites whose routes use an asset of the type, with the catalogue\'s hazard wording', () => {
    const a = analyse(smallRegister(), { asOf: AS_OF });
    const f = a.findings.find((x) => x.id === 'fault-gap:telephony:telephony-supplier-outage')!;
    expect(f).toMatchObject({ kind: 'fault-gap', coverage: 'gap', assets: ['phones'], hazards: [], figures: { assetType: 'telephony', fault: 'telephony-supplier-outage', assets: 1, siteLocal: 0 } });
    expect(f.reach).toMatchObject({ sites: ['P1', 'P2', 'P3'], patients: 7000, services: ['telephony'] });
    expect(f.suggestion).toMatchObject({ title: 'Patients cannot reach their practice by phone because the telephony supplier\'s platform is down', reachWords: 'several patients' });
    expect(f.title).toBe('No hazard names the fault `telephony-supplier-outage` (supplier outage) of `telephony` assets');
    expect(a.summary.findings['fault-gap']).toBe(a.findings.filter((x) => x.kind === 'fault-gap').length);
    // Sites' own assets are listed and counted as such.
    const firewall = a.findings.find((x) => x.id === 'fault-gap:firewall:firewall-hardware')!;
    expect(firewall.assets).toEqual(['P1/firewall', 'P2/firewall', 'P3/firewall']);
    expect(firewall.figures).toMatchObject({ assets: 3, siteLocal: 3 });
    expect(firewall.explanation).toContain('The register has 3 assets of type `firewall`, each a site\'s own, and they are on the routes of 3 sites');
    expect(firewall.suggestion!.cause).toBe('hardware failure of a firewall (`firewall-hardware`)');
    const faults = FAULT_CATALOGUE.filter((x) => ['firewall', 'network-link', 'vpn-concentrator', 'data-centre-service', 'clinical-system', 'telephony'].includes(x.assetType));
    expect(a.summary.findings['fault-gap']).toBe(faults.length);
  });

  it('counts a fault covered by a cause that names it on an asset of the type, by id or by selector, and not on another type', () => {
    const hazards = [
      hazard('HAZ-1', '{ description: Firmware defect, select: { vendor: Cisco Meraki }, fault: firewall-firmware-defect }'),
      hazard('HAZ-2', '{ description: Capacity, assets: [vpn-a], fault: vpn-capacity }'),
      hazard('HAZ-3', '{ description: Capacity again, assets: [vpn-b], fault: vpn-capacity }'),
      hazard('HAZ-4', '{ description: Wrong type, assets: [emis], fault: link-cut }'),
      hazard('HAZ-5', '{ description: Local link, assets: [P1/link], fault: link-saturation }'),
    ].join('\n');
    const register = smallRegister({ hazards });
    const rows = gridOf(register);
    expect(cell(rows, 'firewall', 'firewall-firmware-defect')).toMatchObject({ state: 'covered', hazards: ['HAZ-1'] });
    expect(cell(rows, 'vpn-concentrator', 'vpn-capacity')).toMatchObject({ state: 'covered', hazards: ['HAZ-2', 'HAZ-3'] });
    expect(cell(rows, 'network-link', 'link-cut').state).toBe('gap');
    expect(cell(rows, 'network-link', 'link-saturation')).toMatchObject({ state: 'covered', hazards: ['HAZ-5'] });
    const ids = analyse(register, { asOf: AS_OF }).findings.map((f) => f.id);
    expect(ids).toContain('fault-gap:network-link:link-cut');
    expect(ids).not.toContain('fault-gap:vpn-concentrator:vpn-capacity');
  });

  it('leaves out a pair the register marks not applicable, keeping the reason, and adds the register\'s own faults', () => {
    const faults = `{ notApplicable: [{ assetType: telephony, fault: telephony-supplier-outage, reason: Phones are analogue lines. }], add: [{ id: firewall-ha-split-brain, assetType: firewall, title: HA split brain, description: Both active., hazard: A practice loses its systems }] }`;
    const register = smallRegister({ faults });
    const rows = gridOf(register);
    expect(cell(rows, 'telephony', 'telephony-supplier-outage')).toMatchObject({ state: 'not-applicable', reason: 'Phones are analogue lines.' });
    expect(rows[0]!.cells.at(-1)!.fault).toMatchObject({ id: 'firewall-ha-split-brain', origin: 'register' });
    const ids = analyse(register, { asOf: AS_OF }).findings.map((f) => f.id);
    expect(ids).not.toContain('fault-gap:telephony:telephony-supplier-outage');
    expect(ids).toContain('fault-gap:firewall:firewall-ha-split-brain');
  });

  it('ignores a cause naming an unknown fault (CRR-E079 reports it)', () => {
    const rows = gridOf(smallRegister({ hazards: hazard('HAZ-1', '{ description: X, assets: [vpn-a], fault: vpn-capacty }') }));
    expect(cell(rows, 'vpn-concentrator', 'vpn-capacity').state).toBe('gap');
  });
});
