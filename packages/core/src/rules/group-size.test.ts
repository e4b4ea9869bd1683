import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E034';

const dns = yaml`
  - { id: dns-1, type: dns, name: DNS resolver 1 }
  - { id: dns-2, type: dns, name: DNS resolver 2 }
  - { id: dns-3, type: dns, name: DNS resolver 3 }
`;

const core = (needs: string) => yaml`
  assets:
    ${dns}
    - id: dc-core
      type: data-centre-service
      name: Data-centre core network
      needs:
        - ${needs}
`;

describe('group-size (CRR-E034)', () => {
  it('reports `atLeast` above the number of members, at `atLeast`', () => {
    const snippet = core('{ atLeast: 3, of: [dns-1, dns-2], name: DNS resolvers }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, file: RECORDS, line: lineOf(snippet, 'atLeast: 3'), field: 'atLeast' });
    expect(found[0]!.message).toBe('A group in the needs of asset `dc-core` needs at least 3 working members but has only 2, so it can never be met.');
    expect(found[0]!.hint).toContain('Lower `atLeast` to 2 or less');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('finds a group nested inside another group', () => {
    const snippet = core('{ anyOf: [{ atLeast: 4, of: [dns-1, dns-2, dns-3] }, dns-1] }');
    expect(findings(CODE, snippet).map((d) => d.message)).toEqual(['A group in the needs of asset `dc-core` needs at least 4 working members but has only 3, so it can never be met.']);
  });

  it('passes `atLeast` equal to the number of members', () => {
    expect(codes(core('{ atLeast: 3, of: [dns-1, dns-2, dns-3] }'))).toEqual([]);
  });

  it('passes `atLeast: 1`, an anyOf in other words', () => {
    expect(codes(core('{ atLeast: 1, of: [dns-1, dns-2, dns-3] }'))).toEqual([]);
  });

  it('reports a group in a profile route once, however many practices use the profile', () => {
    const snippet = yaml`
      services:
        - { id: patient-record, name: Patient record and consultation }
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn-emis }
        - { id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, listSize: 6100, profile: kpsn-emis }
        - { id: G99003, type: practice, name: Hill View, ods: G99003, pcn: pcn-north, listSize: 11800, profile: kpsn-emis }
      profiles:
        - id: kpsn-emis
          routes:
            patient-record: [{ atLeast: 2, of: [vpn-a], name: VPN concentrators }, emis-web]
      assets:
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A }
        - { id: emis-web, type: clinical-system, name: EMIS Web }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(lineOf(snippet, 'atLeast: 2'));
  });

  it('reports a group in a profile\'s bindings once', () => {
    const snippet = yaml`
      services:
        - { id: patient-record, name: Patient record and consultation }
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn-emis }
        - { id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, listSize: 6100, profile: kpsn-emis }
      profiles:
        - id: kpsn-emis
          bindings: { concentrator: { atLeast: 2, of: [vpn-a], name: VPN concentrators } }
          routes: { patient-record: [$concentrator, emis-web] }
      assets:
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A }
        - { id: emis-web, type: clinical-system, name: EMIS Web }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(lineOf(snippet, 'atLeast: 2'));
  });

  // Was a bug (fixed): the finding names no record, although the group is in asset `dc-core`'s own needs;
  // `--format json` shows `"record": null` and record-based filtering misses it.
  it('names the asset whose needs hold the group as the record', () => {
    const found = findings(CODE, core('{ atLeast: 3, of: [dns-1, dns-2] }'));
    expect(found[0]!.record).toBe('dc-core');
  });

  // Was a bug (fixed): in a profile's route the message names only the first practice using the profile
  // ("the patient-record route of site `G99001`"), not the profile where the group is written
  // (nor that 3 practices are affected, as CRR-E035 does).
  it('says which profile holds a group written in a profile route', () => {
    const snippet = yaml`
      services:
        - { id: patient-record, name: Patient record and consultation }
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn-emis }
        - { id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, listSize: 6100, profile: kpsn-emis }
      profiles:
        - id: kpsn-emis
          routes:
            patient-record: [{ atLeast: 2, of: [vpn-a] }, emis-web]
      assets:
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A }
        - { id: emis-web, type: clinical-system, name: EMIS Web }
    `;
    expect(findings(CODE, snippet)[0]!.message).toContain('profile `kpsn-emis`');
  });
});
