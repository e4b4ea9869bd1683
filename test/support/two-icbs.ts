/**
 * A register of two ICBs in one region (NHS Kent and Medway, QKS; NHS Sussex, QNX), a PCN and two
 * practices each, each ICB's concentrator in its own data hall, every practice needing EMIS Web
 * through its firewall and its ICB's concentrator: the smallest register where a place matters.
 * The records after the manifest, so a test can add its own (hazards, scenarios) after them.
 */
export const TWO_ICBS = `
  - { id: region-se, type: region, name: NHS England South East, ods: Y59 }
  - { id: icb-km, type: icb, name: NHS Kent and Medway ICB, ods: QKS, parent: region-se }
  - { id: icb-sx, type: icb, name: NHS Sussex ICB, ods: QNX, parent: region-se }
  - { id: pcn-weald, type: pcn, name: Weald PCN, ods: U11111, parent: icb-km }
  - { id: pcn-downs, type: pcn, name: Downs PCN, ods: U22222, parent: icb-sx }
services:
  - { id: patient-record, name: Patient record }
assets:
  - { id: vpn-km, type: vpn-concentrator, name: KM concentrator, location: dc-km }
  - { id: vpn-sx, type: vpn-concentrator, name: SX concentrator, location: dc-sx }
  - { id: emis-web, type: clinical-system, name: EMIS Web }
profiles:
  - id: std
    localAssets:
      firewall: { type: firewall, vendor: Fortinet }
    routes:
      patient-record: [$firewall, $concentrator, emis-web]
sites:
  - { id: dc-km, type: data-centre, name: KM hall, icb: icb-km }
  - { id: dc-sx, type: data-centre, name: SX hall, icb: icb-sx }
  - { id: K1, type: practice, name: K one, ods: K00001, pcn: pcn-weald, listSize: 1000, profile: std, bindings: { concentrator: vpn-km } }
  - { id: K2, type: practice, name: K two, ods: K00002, pcn: pcn-weald, listSize: 2000, profile: std, bindings: { concentrator: vpn-km } }
  - { id: S1, type: practice, name: S one, ods: S00001, pcn: pcn-downs, listSize: 4000, profile: std, bindings: { concentrator: vpn-sx } }
  - { id: S2, type: practice, name: S two, ods: S00002, pcn: pcn-downs, listSize: 8000, profile: std, bindings: { concentrator: vpn-sx } }
`;
