/**
 * TEST SUPPORT ONLY: a small register for the analysis tests, written as YAML so it reads like
 * one. Two concentrators (a preferred, b failover) in one data centre, practices on a profile,
 * phones that bypass the VPN.
 */
import fc from 'fast-check';
import { loadRegister } from '../load/load-register.js';
import type { Register } from '../model/register.js';
import { sourceFromText } from '../source/source-file.js';

export function smallRegister(extra: { sites?: string; hazards?: string; incidents?: string; assets?: string; vpnLimits?: [number, number]; faults?: string } = {}): Register {
  const [limitA, limitB] = extra.vpnLimits ?? [10, 10];
  const text = `register: { id: t, title: T, version: "1", organisation: icb, cso: { name: C, registration: { body: GMC, number: "1" } }${extra.faults ? `, faults: ${extra.faults}` : ''} }
organisations:
  - { id: icb, type: icb, name: ICB }
  - { id: pcn-1, type: pcn, name: PCN one }
  - { id: pcn-2, type: pcn, name: PCN two }
  - { id: carrier-a, type: carrier, name: Carrier A }
services:
  - { id: patient-record, name: Patient record }
  - { id: telephony, name: Telephony }
assets:
  - { id: dc-core, type: data-centre-service, name: DC core, location: dc-1 }
  - { id: vpn-a, type: vpn-concentrator, name: VPN A, vendor: Cisco, software: "9.16.4", location: dc-1, capacity: { limit: ${limitA}, unit: tunnels }, needs: [dc-core] }
  - { id: vpn-b, type: vpn-concentrator, name: VPN B, vendor: Cisco, software: "9.18.1", location: dc-1, capacity: { limit: ${limitB}, unit: tunnels }, needs: [dc-core] }
  - { id: emis, type: clinical-system, name: EMIS Web }
  - { id: phones, type: telephony, name: Cloud phones }
${extra.assets ?? ''}
profiles:
  - id: std
    localAssets:
      firewall: { type: firewall, vendor: Cisco Meraki, software: MX 18.107 }
      link: { type: network-link, carrier: carrier-a, network: KPSN }
    bindings: { concentrator: { anyOf: [vpn-a, vpn-b], name: VPN pair } }
    demand: { tunnels: 1 }
    routes:
      patient-record: [$firewall, $link, $concentrator, emis]
      telephony: [$link, phones]
sites:
  - { id: dc-1, type: data-centre, name: DC one }
  - { id: P1, type: practice, name: One, ods: X00001, pcn: pcn-1, listSize: 1000, profile: std }
  - { id: P2, type: practice, name: Two, ods: X00002, pcn: pcn-1, listSize: 2000, profile: std }
  - { id: P3, type: practice, name: Three, ods: X00003, pcn: pcn-2, listSize: 4000, profile: std, bindings: { concentrator: vpn-a } }
${extra.sites ?? ''}
${extra.hazards ? `hazards:\n${extra.hazards}` : ''}
${extra.incidents ? `incidents:\n${extra.incidents}` : ''}
`;
  const { register, diagnostics } = loadRegister([sourceFromText('register.yaml', text)]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  return register;
}

export const hazard = (id: string, cause: string, extra = '') => `  - { id: ${id}, title: T, description: D, causes: [${cause}], effects: [E], harms: [H], initialRisk: { severity: major, likelihood: low }, residualRisk: { severity: major, likelihood: low }, justification: J, status: open, owner: O, raised: 2026-01-01${extra} }`;

/** A route or `needs` requirement as written in YAML: an asset id, or a group of requirements. */
export type ReqTree = string | { anyOf: ReqTree[] } | { allOf: ReqTree[] } | { atLeast: number; of: ReqTree[] };

/** Random requirements over the assets `a0` … `a<assets - 1>`, small and shrinkable, for the property tests. */
export const reqTreeOf = (assets: number): fc.Arbitrary<ReqTree> =>
  fc.letrec<{ tree: ReqTree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.integer({ min: 0, max: assets - 1 }).map((i) => `a${i}`),
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((m) => ({ anyOf: m })),
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((m) => ({ allOf: m })),
      fc.array(tie('tree'), { minLength: 1, maxLength: 4 }).chain((m) => fc.integer({ min: 1, max: m.length }).map((k) => ({ atLeast: k, of: m }))),
    ),
  })).tree;
