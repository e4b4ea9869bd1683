import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, validateSnippet, yaml } from './test-register.js';

const CODE = 'CRR-E030';

const services = yaml`
  services:
    - { id: patient-record, name: Patient record and consultation }
`;

describe('duplicate-id (CRR-E030)', () => {
  it('reports the second of two sites with one id, at its id, pointing back at the first', () => {
    const snippet = yaml`
      ${services}
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, routes: { patient-record: [emis-web] } }
        - { id: G99001, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, listSize: 6100, routes: { patient-record: [emis-web] } }
      assets:
        - { id: emis-web, type: clinical-system, name: EMIS Web }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    const second = lineOf(snippet, 'Riverside Practice');
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', record: 'G99001', file: RECORDS, line: second, field: 'id' });
    expect(found[0]!.message).toBe(`The id \`G99001\` of this site is already used by a site at records.yaml:${lineOf(snippet, 'Northgate Surgery')}.`);
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports every later copy, each against the first declaration', () => {
    const snippet = yaml`
      assets:
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A }
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A (copy) }
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A (second copy) }
    `;
    const found = findings(CODE, snippet);
    expect(found.map((d) => d.line)).toEqual([lineOf(snippet, '(copy)'), lineOf(snippet, '(second copy)')]);
    for (const d of found) expect(d.message).toContain(`records.yaml:${lineOf(snippet, 'name: VPN concentrator A }')}`);
  });

  it('reports ids shared by records of different kinds, naming both kinds', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ id: 'VPN-02' })}
      controls:
        - { id: VPN-02, title: Second VPN concentrator with failover, kind: design, status: implemented, owner: CSU network team }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'VPN-02', line: lineOf(snippet, 'id: VPN-02, title') });
    expect(found[0]!.message).toBe(`The id \`VPN-02\` of this control is already used by a hazard at records.yaml:${lineOf(snippet, 'id: VPN-02')}.`);
  });

  it('reports a duplicate across files, naming the file of the first', () => {
    const { diagnostics } = validateSnippet(yaml`
      organisations:
        - { id: org-icb, type: icb, name: NHS Kent and Medway ICB }
    `);
    const found = diagnostics.filter((d) => d.code === CODE);
    expect(found).toHaveLength(1);
    // Files are read in path order, so `records.yaml` comes before `register.yaml`.
    expect(found[0]).toMatchObject({ file: 'register.yaml', record: 'org-icb' });
    expect(found[0]!.message).toMatch(/^The id `org-icb` of this organisation is already used by an? organisation at records\.yaml:2\.$/);
  });

  it('passes ids that differ', () => {
    expect(codes(yaml`
      assets:
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A }
        - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B }
    `)).toEqual([]);
  });

  // Was a bug (fixed): the article is always "a": "already used by a asset", "by a organisation", "by a incident".
  it('uses "an" before a kind that starts with a vowel', () => {
    const found = findings(CODE, yaml`
      assets:
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A }
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A (copy) }
    `);
    expect(found[0]!.message).toContain('is already used by an asset at');
  });

  // Was a bug (fixed): a practice pasted twice onto a profile with local assets is reported once for the site
  // and again for each local asset the profile gives it (`G99001/firewall`), the second pointing
  // at the profile, which is not where the mistake is.
  it('reports a duplicated practice on a profile once, not once more per local asset', () => {
    const snippet = yaml`
      ${services}
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn-emis }
        - { id: G99001, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, listSize: 6100, profile: kpsn-emis }
      profiles:
        - id: kpsn-emis
          localAssets: { firewall: { type: firewall, vendor: Cisco Meraki, model: MX68 } }
          routes: { patient-record: [$firewall, emis-web] }
      assets:
        - { id: emis-web, type: clinical-system, name: EMIS Web }
    `;
    const found = findings(CODE, snippet);
    expect(found.map((d) => [d.record, d.line])).toEqual([['G99001', lineOf(snippet, 'Riverside Practice')]]);
  });
});
