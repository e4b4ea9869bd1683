import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E056';

const assets = yaml`
  assets:
    - { id: fw-northgate, type: firewall, name: Northgate Surgery firewall, vendor: Cisco Meraki, model: MX68, software: MX 18.107 }
`;

describe('empty-selector (CRR-E056)', () => {
  it('reports a cause whose `select` is empty, at the selector, numbering causes from 1', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({
          causes: `
    - description: Concentrator A runs out of tunnel capacity at the morning peak.
    - description: Firmware defect in MX 18 drops site-to-site VPN tunnels.
      select: {}`,
        })}
      ${assets}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'select: {}'), field: 'causes.select' });
    expect(found[0]!.message).toBe('Cause 2 of hazard `HAZ-001` has a `select` that names no attribute but wildcards, so it would match every asset.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('passes a selector that names one attribute', () => {
    expect(codes(yaml`
      hazards:
        ${hazardYaml({ causes: '[{ description: Firmware defect in MX 18 drops VPN tunnels., select: { software: "MX 18.*" } }]' })}
      ${assets}
    `)).toEqual([]);
  });

  it('passes a cause with no selector at all', () => {
    expect(codes(yaml`
      hazards:
        ${hazardYaml({ causes: '[{ description: Northgate firewall fails., assets: [fw-northgate] }]' })}
      ${assets}
    `)).toEqual([]);
  });

  // Was a bug (fixed): a selector whose only attribute is a bare wildcard on a field every asset has
  // (`id: "*"`, `type: "*"`) also matches every asset, which the rule exists to refuse.
  it('reports a selector that is only a wildcard on the id', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ causes: '[{ description: Every device on the network fails., select: { id: "*" } }]' })}
      ${assets}
    `;
    expect(findings(CODE, snippet)).toHaveLength(1);
  });
});
