import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W064';

/** A register with a practice whose own firewall (`G99001/firewall`) runs MX 18, and a scenario. */
const register = (fields: string) => yaml`
  services:
    - { id: patient-record, name: Patient record and consultation }
  sites:
    - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn-emis }
  profiles:
    - id: kpsn-emis
      localAssets:
        firewall: { type: firewall, vendor: Cisco Meraki, model: MX68, software: MX 18.107, attributes: { exchange: Northgate } }
      routes:
        patient-record: [$firewall, vpn-b, emis-web]
  assets:
    - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B, vendor: Cisco Meraki, software: MX 19.1.4 }
    - { id: emis-web, type: clinical-system, name: EMIS Web }
  scenarios:
    - id: mx18-defect
      title: A firmware defect drops every MX 18 tunnel at once
      reason: The April 2026 defect, across the whole estate.
      ${fields}
`;

describe('scenario-selects-nothing (CRR-W064)', () => {
  it('warns of a scenario whose only selector matches no asset, quoting the selector', () => {
    const snippet = register('select: { vendor: Cisco Meraki, software: "MX 17.*" }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'mx18-defect', file: RECORDS, line: lineOf(snippet, 'select:'), field: 'select' });
    expect(found[0]!.message).toBe(
      'Scenario `mx18-defect` fails nothing: its `select` (`vendor: Cisco Meraki, software: MX 17.*`) matches no asset and it names no `assets`, ' +
        'so it evaluates to "nothing happens", which reads as reassurance.',
    );
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('warns of a selector on a free-form attribute no asset declares, as it matches nothing', () => {
    const found = findings(CODE, register('select: { attributes: { cabinet: Northgate } }'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('(`attributes.cabinet: Northgate`)');
  });

  it('warns of a blank pattern, which matches nothing', () => {
    expect(codes(register('select: { software: "   " }'))).toEqual([CODE]);
  });

  it('passes a selector that matches a site\'s own asset, ignoring case', () => {
    expect(codes(register('select: { vendor: cisco meraki, software: "mx 18.*" }'))).toEqual([]);
    expect(codes(register('select: { attributes: { exchange: Northgate } }'))).toEqual([]);
  });

  it('says nothing when the scenario also names assets: it fails those', () => {
    expect(codes(register('assets: [vpn-b]\nselect: { software: "MX 17.*" }'))).toEqual([]);
  });

  it('leaves a selector of wildcards only to CRR-E056 and one past the limits to CRR-E058', () => {
    expect(codes(register('select: { id: "*" }'))).toEqual(['CRR-E056']);
    expect(codes(register(`select: { id: "${'*x'.repeat(11)}" }`))).toEqual(['CRR-E058']);
  });

  it('holds back when an asset failed its schema: the selector may have been meant for it', () => {
    const snippet = register('select: { software: "MX 17.*" }').replace('name: EMIS Web }', 'name: EMIS Web, software: MX 17.2, colour: blue }');
    const all = codes(snippet);
    expect(all).not.toContain(CODE);
    expect(all.length).toBeGreaterThan(0);
  });
});
