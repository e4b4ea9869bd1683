import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E069';

/** The base register has ICB `org-icb` (ODS QXX) and PCN `pcn-north`; this adds a practice and a region. */
const register = (hazardCause: string, scenarioSelect?: string) => yaml`
  organisations:
    - { id: region-se, type: region, name: NHS England South East, ods: Y59 }
  services:
    - { id: patient-record, name: Patient record and consultation }
  sites:
    - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: std }
  profiles:
    - id: std
      localAssets:
        firewall: { type: firewall, vendor: Cisco Meraki }
      routes:
        patient-record: [$firewall, emis-web]
  assets:
    - { id: emis-web, type: clinical-system, name: EMIS Web }
  hazards:
    ${hazardYaml({ services: '[patient-record]', causes: `[{ description: Every firewall in the ICB at once., select: ${hazardCause} }]` })}
  ${scenarioSelect ? `scenarios:\n  - { id: icb-firewalls, title: Every firewall in the ICB, reason: A defect, select: ${scenarioSelect} }` : ''}
`;

describe('unknown-place-in-selector (CRR-E069)', () => {
  it('accepts a place by ODS code or id, in any case, and a wildcard pattern unchecked', () => {
    for (const select of ['{ icb: QXX }', '{ icb: qxx }', '{ icb: org-icb, type: firewall }', '{ pcn: pcn-north }', '{ region: y59 }', '{ icb: "Q*" }'])
      expect(findings(CODE, register(select)), select).toEqual([]);
  });

  it('refuses a hazard cause naming an ICB the register does not have, with a did-you-mean', () => {
    const snippet = register('{ icb: QXY, type: firewall }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'select:'), field: 'causes.select.icb' });
    expect(found[0]!.message).toBe(
      'Cause 1 of hazard `HAZ-001` selects `icb: QXY`, but no ICB in the register has that ODS code or id, so the cause names no asset. Did you mean `QXX`?',
    );
    expect(found[0]!.hint).toContain('`icb: QXX`');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('refuses a place of the wrong tier: an ICB code is not a region', () => {
    const found = findings(CODE, register('{ region: QXX }'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('no NHS England region in the register');
    expect(found[0]!.hint).toBe("Give the ODS code or the id of one of the register's NHS England regions (organisations of `type: region`), e.g. `region: Y59`; `*` is a wildcard.");
  });

  it('refuses a scenario naming an unknown place once, without CRR-W064 repeating it', () => {
    const snippet = register('{ icb: QXX }', '{ region: Y95 }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'icb-firewalls', field: 'select.region' });
    expect(found[0]!.message).toBe(
      'Scenario `icb-firewalls` selects `region: Y95`, but no NHS England region in the register has that ODS code or id, so the scenario fails nothing and reads as reassurance. Did you mean `Y59`?',
    );
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('says so when the register has no place of that tier at all', () => {
    const found = findings(CODE, register('{ subIcb: 91Q }'));
    expect(found).toHaveLength(1);
    expect(found[0]!.hint).toMatch(/^The register declares no sub-ICB location: add it/);
  });
});
