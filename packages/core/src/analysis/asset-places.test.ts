import { describe, expect, it } from 'vitest';
import { loadRegister } from '../load/load-register.js';
import type { Selector } from '../model/selector.js';
import { sourceFromText } from '../source/source-file.js';
import { assetPlacesOf, noPlaces } from './asset-places.js';
import { buildGraph } from './graph.js';
import { AssetIndex, parseSelectorText, selectAssets, selectorText } from './selector-match.js';

/**
 * Two regions; Kent and Medway (QKS, region Y59) with a sub-ICB and a PCN, Sussex (QNX, Y59) with
 * a PCN straight under it, and Devon (QJK, region Y58) with a PCN that has no ODS code. Each ICB
 * has a data-centre hall that declares its ICB; the national Spine and a vendor cloud are nowhere.
 */
const text = `register: { id: t, title: T, version: "1", organisation: icb-km, cso: { name: C, registration: { body: GMC, number: "1" } } }
organisations:
  - { id: region-se, type: region, name: South East, ods: Y59 }
  - { id: region-sw, type: region, name: South West, ods: Y58 }
  - { id: icb-km, type: icb, name: Kent and Medway, ods: QKS, parent: region-se }
  - { id: icb-sx, type: icb, name: Sussex, ods: QNX, parent: region-se }
  - { id: icb-dv, type: icb, name: Devon, ods: QJK, parent: region-sw }
  - { id: sub-west-kent, type: sub-icb, name: West Kent, ods: 99J, parent: icb-km }
  - { id: pcn-weald, type: pcn, name: Weald PCN, ods: U11111, parent: sub-west-kent }
  - { id: pcn-downs, type: pcn, name: Downs PCN, ods: U22222, parent: icb-sx }
  - { id: pcn-moor, type: pcn, name: Moor PCN, parent: icb-dv }
services:
  - { id: patient-record, name: Patient record }
assets:
  - { id: vpn-km, type: vpn-concentrator, name: VPN KM, location: dc-km }
  - { id: vpn-sx, type: vpn-concentrator, name: VPN SX, location: dc-sx }
  - { id: vpn-lab, type: vpn-concentrator, name: VPN lab, location: lab }
  - { id: spine, type: clinical-system, name: Spine }
  - { id: meraki-cloud, type: other, name: Meraki dashboard }
profiles:
  - id: std
    localAssets:
      firewall: { type: firewall, vendor: Cisco Meraki, location: dc-sx }
    routes:
      patient-record: [$firewall, spine]
sites:
  - { id: dc-km, type: data-centre, name: KM hall, icb: icb-km }
  - { id: dc-sx, type: data-centre, name: SX hall, icb: icb-sx }
  - { id: lab, type: data-centre, name: Lab with no place }
  - { id: K1, type: practice, name: K one, ods: K00001, pcn: pcn-weald, listSize: 1000, profile: std }
  - { id: S1, type: practice, name: S one, ods: S00001, pcn: pcn-downs, listSize: 1000, profile: std }
  - { id: D1, type: practice, name: D one, ods: D00001, pcn: pcn-moor, listSize: 1000, profile: std }
`;

function register() {
  const { register, diagnostics } = loadRegister([sourceFromText('register.yaml', text)]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  return register;
}

describe('place selectors', () => {
  const reg = register();
  const graph = buildGraph(reg);
  const places = assetPlacesOf(reg);
  const ids = (sel: Selector) => selectAssets(sel, graph.assets, places).map((a) => graph.assets[a]!.id);

  it('match the ODS code or the id of the place, ignoring case, with wildcards', () => {
    expect(ids({ icb: 'QKS' })).toEqual(['vpn-km', 'K1/firewall']);
    expect(ids({ icb: 'qks' })).toEqual(['vpn-km', 'K1/firewall']);
    expect(ids({ icb: 'icb-km' })).toEqual(['vpn-km', 'K1/firewall']);
    expect(ids({ icb: 'Q*' })).toEqual(['vpn-km', 'vpn-sx', 'K1/firewall', 'S1/firewall', 'D1/firewall']);
    expect(ids({ region: 'Y59', type: 'firewall' })).toEqual(['K1/firewall', 'S1/firewall']);
    expect(ids({ region: 'region-sw' })).toEqual(['D1/firewall']);
    expect(ids({ subIcb: '99J' })).toEqual(['K1/firewall']);
    expect(ids({ pcn: 'U2*' })).toEqual(['S1/firewall']);
    expect(ids({ pcn: 'pcn-moor' })).toEqual(['D1/firewall']); // a place with no ODS code, by id
    expect(ids({ icb: 'Kent and Medway' })).toEqual([]); // names are not matched: codes and ids are
  });

  it('place a site-local asset by its owning site, before the site hosting it', () => {
    // Every practice firewall is hosted in the Sussex hall, yet each is in its own practice's ICB.
    expect(ids({ icb: 'QNX' })).toEqual(['vpn-sx', 'S1/firewall']);
    expect(ids({ icb: 'QNX', type: 'vpn-concentrator' })).toEqual(['vpn-sx']);
  });

  it('place a shared asset by the site hosting it', () => {
    expect(ids({ icb: 'QKS', type: 'vpn-concentrator' })).toEqual(['vpn-km']);
    expect(ids({ region: 'Y59', type: 'vpn-concentrator' })).toEqual(['vpn-km', 'vpn-sx']);
  });

  it('never match an asset in no place, whatever the pattern', () => {
    for (const tier of ['pcn', 'subIcb', 'icb', 'region'] as const) {
      const picked = ids({ [tier]: '*' });
      for (const nowhere of ['spine', 'meraki-cloud', 'vpn-lab']) expect(picked).not.toContain(nowhere);
    }
    // Without the register's places, a place key selects nothing at all.
    expect(selectAssets({ icb: '*' }, graph.assets, noPlaces)).toEqual([]);
    expect(new AssetIndex(graph.assets, noPlaces).select({ icb: 'QKS' })).toEqual([]);
  });

  it('round-trip through the command-line text', () => {
    const parsed = parseSelectorText('icb=QKS,type=firewall,region=Y5*,subIcb=99J,pcn=U11111');
    expect(parsed.selector).toEqual({ icb: 'QKS', type: 'firewall', region: 'Y5*', subIcb: '99J', pcn: 'U11111' });
    const printed = selectorText(parsed.selector!);
    expect(printed).toBe('icb=QKS,pcn=U11111,region=Y5*,subIcb=99J,type=firewall');
    expect(parseSelectorText(printed).selector).toEqual(parsed.selector);
    expect(ids(parsed.selector!)).toEqual(['K1/firewall']);
    expect(parseSelectorText('icb=a,icb=b').problem).toBe('`icb` is given twice');
    expect(parseSelectorText('ICB=QKS').badKey).toBe('ICB');
  });

  it('AssetIndex agrees with a scan on random registers and selectors', () => {
    // A seeded generator: the same cases every run, many shapes of register.
    let seed = 11;
    let nonEmpty = 0;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const pick = <T>(xs: readonly T[]) => xs[next(xs.length)]!;
    for (let round = 0; round < 30; round++) {
      const icbs = Array.from({ length: 1 + next(4) }, (_, i) => ({ id: `icb-${round}-${i}`, ods: next(3) ? `Q${round}${i}` : undefined }));
      const pcns = Array.from({ length: 1 + next(5) }, (_, i) => ({ id: `pcn-${i}`, ods: next(2) ? `U${round}${i}` : undefined, parent: pick(icbs).id }));
      const orgs = [
        '  - { id: region-a, type: region, name: A, ods: Y01 }',
        ...icbs.map((c) => `  - { id: ${c.id}, type: icb, name: ${c.id}, parent: region-a${c.ods ? `, ods: ${c.ods}` : ''} }`),
        ...pcns.map((p) => `  - { id: ${p.id}, type: pcn, name: ${p.id}, parent: ${p.parent}${p.ods ? `, ods: ${p.ods}` : ''} }`),
      ];
      const halls = icbs.map((c, i) => `  - { id: dc-${i}, type: data-centre, name: Hall ${i}${next(2) ? `, icb: ${c.id}` : ''} }`);
      const practices = Array.from({ length: 1 + next(8) }, (_, i) => `  - { id: P${i}, type: practice, name: P${i}, ods: X0000${i}, pcn: ${pick(pcns).id}, listSize: 100, profile: std }`);
      const assets = Array.from({ length: next(10) }, (_, i) => `  - { id: a${i}, type: ${pick(['vpn-concentrator', 'firewall'])}, name: A${i}${next(4) ? `, location: ${pick([...icbs.map((_, j) => `dc-${j}`), 'P0'])}` : ''} }`);
      const yaml = `register: { id: t, title: T, version: "1", organisation: region-a, cso: { name: C, registration: { body: GMC, number: "1" } } }
organisations:
${orgs.join('\n')}
services:
  - { id: s, name: S }
assets:
  - { id: nat, type: clinical-system, name: N }
${assets.join('\n')}
profiles:
  - { id: std, localAssets: { firewall: { type: firewall } }, routes: { s: [$firewall, nat] } }
sites:
${[...halls, ...practices].join('\n')}
`;
      const { register: r } = loadRegister([sourceFromText('register.yaml', yaml)]);
      const g = buildGraph(r);
      const p = assetPlacesOf(r);
      const index = new AssetIndex(g.assets, p);
      const values = ['*', 'Q*', 'y01', 'REGION-A', 'nothing', ...icbs.flatMap((c) => [c.id, c.ods ?? c.id, (c.ods ?? c.id).toLowerCase()]), ...pcns.flatMap((x) => [x.id, x.ods ?? x.id])];
      for (let k = 0; k < 20; k++) {
        const sel: Record<string, string> = {};
        for (const key of ['icb', 'pcn', 'region', 'type', 'id'] as const)
          if (!next(3)) sel[key] = key === 'type' ? pick(['firewall', 'vpn-*', 'FIREWALL']) : key === 'id' ? pick(['a*', 'P0/firewall', 'nat']) : pick(values);
        if (!Object.keys(sel).length) sel.icb = pick(values);
        const scanned = selectAssets(sel, g.assets, p);
        expect(index.select(sel), `${yaml}\n${JSON.stringify(sel)}`).toEqual(scanned);
        if (scanned.length) nonEmpty++;
      }
    }
    // The cases are not vacuous: many select something.
    expect(nonEmpty).toBeGreaterThan(150);
  });
});
