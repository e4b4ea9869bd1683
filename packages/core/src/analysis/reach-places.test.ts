import { describe, expect, it } from 'vitest';
import { loadRegister } from '../load/load-register.js';
import type { Register } from '../model/register.js';
import { sourceFromText } from '../source/source-file.js';
import { buildGraph } from './graph.js';
import { reachOf } from './reach.js';

const SITES = `  - { id: K1, type: practice, name: K1, ods: K00001, pcn: pcn-kent, listSize: 1000, routes: { patient-record: [core], telephony: [core] } }
  - { id: K2, type: practice, name: K2, ods: K00002, pcn: pcn-kent, listSize: 3000, routes: { patient-record: [core] } }
  - { id: L1, type: practice, name: L1, ods: L00001, pcn: pcn-london, listSize: 2500, routes: { patient-record: [core] } }
  - { id: S1, type: practice, name: S1, ods: S00001, pcn: pcn-loose, icb: icb-surrey, listSize: 4000, routes: { patient-record: [core] } }
  - { id: N1, type: practice, name: N1, ods: N00001, pcn: pcn-nowhere, listSize: 500, routes: { patient-record: [core] } }`;

/** Two ICBs in two regions, a third ICB in the first region, and sites placed every way there is. */
function register(organisations: string, sites = SITES): Register {
  const text = `register: { id: t, title: T, version: "1", organisation: icb-kent, cso: { name: C, registration: { body: GMC, number: "1" } } }
organisations:
${organisations}
services:
  - { id: patient-record, name: Patient record }
  - { id: telephony, name: Telephony }
assets:
  - { id: core, type: data-centre-service, name: National core }
sites:
${sites}`;
  const { register, diagnostics } = loadRegister([sourceFromText('register.yaml', text)]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join('\n'));
  return register;
}

const placed = `  - { id: region-se, type: region, name: NHS England South East, ods: Y59 }
  - { id: region-lon, type: region, name: NHS England London, ods: Y56 }
  - { id: icb-kent, type: icb, name: NHS Kent and Medway ICB, ods: QKS, parent: region-se }
  - { id: icb-surrey, type: icb, name: NHS Surrey Heartlands ICB, ods: QXU, parent: region-se }
  - { id: icb-ncl, type: icb, name: NHS North Central London ICB, ods: QMJ, parent: region-lon }
  - { id: sub-west-kent, type: sub-icb, name: West Kent, ods: 99J, parent: icb-kent }
  - { id: pcn-kent, type: pcn, name: Kent PCN, parent: sub-west-kent }
  - { id: pcn-london, type: pcn, name: London PCN, parent: icb-ncl }
  - { id: pcn-loose, type: pcn, name: Loose PCN }
  - { id: pcn-nowhere, type: pcn, name: PCN in no ICB }`;

describe('reach by place', () => {
  it('counts sites and patients per ICB and per region, largest first, with names', () => {
    const graph = buildGraph(register(placed));
    const reach = reachOf(graph, graph.routes.map((_, i) => i));
    expect(reach.byIcb).toEqual([
      { id: 'icb-kent', name: 'NHS Kent and Medway ICB', sites: 2, patients: 4000 },
      { id: 'icb-surrey', name: 'NHS Surrey Heartlands ICB', sites: 1, patients: 4000 },
      { id: 'icb-ncl', name: 'NHS North Central London ICB', sites: 1, patients: 2500 },
    ]); // equal patients: by id; N1 is in no ICB and is left out (its patients are in `patients`)
    expect(reach.byRegion).toEqual([
      { id: 'region-se', name: 'NHS England South East', sites: 3, patients: 8000 },
      { id: 'region-lon', name: 'NHS England London', sites: 1, patients: 2500 },
    ]);
    expect(reach.patients).toBe(11000);
  });

  it('counts each site once, however many of its services are cut', () => {
    const graph = buildGraph(register(placed));
    const k1 = graph.siteIndex.get('K1')!;
    const reach = reachOf(graph, graph.routes.flatMap((r, i) => (r.site === k1 ? [i] : [])));
    expect(reach.pairs).toBe(2);
    expect(reach.byIcb).toEqual([{ id: 'icb-kent', name: 'NHS Kent and Medway ICB', sites: 1, patients: 1000 }]);
    expect(reach.byRegion).toEqual([{ id: 'region-se', name: 'NHS England South East', sites: 1, patients: 1000 }]);
  });

  it('gives empty arrays when the register declares no ICBs or regions', () => {
    const graph = buildGraph(
      register(
        `  - { id: icb-kent, type: csu, name: Not an ICB }
  - { id: pcn-kent, type: pcn, name: Kent PCN }
  - { id: pcn-london, type: pcn, name: London PCN }
  - { id: pcn-loose, type: pcn, name: Loose PCN }
  - { id: pcn-nowhere, type: pcn, name: PCN in no ICB }`,
        SITES.replace(', icb: icb-surrey', ''),
      ),
    );
    const reach = reachOf(graph, graph.routes.map((_, i) => i));
    expect(graph.places).toEqual([]);
    expect(reach.byIcb).toEqual([]);
    expect(reach.byRegion).toEqual([]);
    expect(Object.keys(reach)).toEqual(['pairs', 'sites', 'practices', 'pcns', 'patients', 'services', 'byService', 'byIcb', 'byRegion']);
  });
});
