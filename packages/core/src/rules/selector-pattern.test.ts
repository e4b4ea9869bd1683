import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E058';

const assets = yaml`
  assets:
    - { id: fw-northgate, type: firewall, name: Northgate Surgery firewall, vendor: Cisco Meraki, model: MX68, software: MX 18.107, attributes: { exchange: Riverhythe } }
`;

const withCauses = (causes: string) => yaml`
  hazards:
    ${hazardYaml({ causes })}
  ${assets}
`;

describe('selector-pattern (CRR-E058)', () => {
  it('reports a pattern with more than 10 wildcards, at its value, numbering causes from 1', () => {
    const snippet = withCauses(`
    - description: Northgate firewall fails.
      assets: [fw-northgate]
    - description: Hostile cause.
      select: { id: "${'*'.repeat(24)}zz" }`);
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'zz"'), field: 'causes.select.id' });
    expect(found[0]!.message).toBe('Cause 2 of hazard `HAZ-001` selects by `id` with a pattern that has 24 `*` wildcards, more than the 10 a selector pattern may have.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a pattern longer than 200 characters, among the free-form attributes too', () => {
    const snippet = withCauses(`
    - description: Exchange failure.
      select:
        type: firewall
        attributes: { exchange: "${'R'.repeat(201)}" }`);
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(snippet, 'RRRR'), field: 'causes.select.attributes.exchange' });
    expect(found[0]!.message).toBe(
      'Cause 1 of hazard `HAZ-001` selects by `attributes.exchange` with a pattern that is 201 characters long, more than the 200 a selector pattern may have.',
    );
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports each pattern over the limits, in every cause', () => {
    const long = 'x'.repeat(300);
    const snippet = withCauses(`
    - { description: One., select: { vendor: "${long}", model: "${long}" } }
    - { description: Two., select: { software: "${'*'.repeat(11)}" } }`);
    expect(findings(CODE, snippet).map((d) => d.field)).toEqual(['causes.select.vendor', 'causes.select.model', 'causes.select.software']);
  });

  it('passes patterns at the limits: 200 characters, 10 wildcards', () => {
    expect(
      codes(withCauses(`
    - { description: One., select: { vendor: "${'x'.repeat(190)}${'*'.repeat(10)}" } }
    - { description: Two., select: { id: "fw-${'*'.repeat(10)}", attributes: { exchange: "R*" } } }`)),
    ).toEqual([]);
  });

  it('passes ordinary selectors and causes without one', () => {
    expect(
      codes(withCauses(`
    - { description: Firmware defect., select: { vendor: Cisco Meraki, software: "MX 18.*" } }
    - { description: Northgate firewall fails., assets: [fw-northgate] }`)),
    ).toEqual([]);
  });
});
