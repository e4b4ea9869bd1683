import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E063';

const assets = yaml`
  assets:
    - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B, vendor: Cisco Meraki, software: MX 19.1.4 }
`;

/** A scenario as a YAML list item; each field is raw YAML appended after the title and reason. */
const scenario = (fields = '') => yaml`
  scenarios:
    - id: vpn-b-maintenance
      title: Planned maintenance of VPN concentrator B
      reason: Firmware upgrades take vpn-b out of service for an evening each quarter.
      ${fields}
  ${assets}
`;

describe('scenario-fails-nothing (CRR-E063)', () => {
  it('reports a scenario with neither `assets` nor `select`, at its id, with a hint showing both forms', () => {
    const snippet = scenario('tolerance: { sitesCut: 0 }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', record: 'vpn-b-maintenance', file: RECORDS, line: lineOf(snippet, 'id: vpn-b-maintenance'), field: 'id' });
    expect(found[0]!.message).toBe('Scenario `vpn-b-maintenance` fails nothing: it has no `assets` and no `select`, so it would always evaluate to "nothing happens".');
    expect(found[0]!.hint).toContain('`assets: [vpn-b]`');
    expect(found[0]!.hint).toContain('`select: { software: "MX 18.*" }`');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports an empty `assets` list with no `select`, at the list', () => {
    const snippet = scenario('assets: []');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(snippet, 'assets: []'), field: 'assets' });
    expect(found[0]!.message).toContain('it has an empty `assets` list and no `select`');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('leaves an empty `select` to empty-selector (CRR-E056): one mistake, one error', () => {
    expect(codes(scenario('assets: []\nselect: {}'))).toEqual(['CRR-E056']);
  });

  it('passes a scenario that names its assets', () => {
    expect(codes(scenario('assets: [vpn-b]'))).toEqual([]);
  });

  it('passes a scenario that selects its assets', () => {
    expect(codes(scenario('select: { software: "MX 19.*" }'))).toEqual([]);
  });

  it('passes a scenario with an empty `assets` list and a selector that matches', () => {
    expect(codes(scenario('assets: []\nselect: { vendor: Cisco Meraki }'))).toEqual([]);
  });
});
