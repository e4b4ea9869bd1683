import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W059';

/** Two services and a site that routes to both, so nothing else is reported. */
const services = (first: string, second: string) => yaml`
  services:
    - { id: ${first}, name: Practice telephony }
    - { id: ${second}, name: Practice telephony (again) }
  sites:
    - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, routes: { ${first}: [cloud-telephony], ${second}: [cloud-telephony] } }
  assets:
    - { id: cloud-telephony, type: telephony, name: Cloud telephony platform }
`;

describe('ids-differ-by-case (CRR-W059)', () => {
  it('warns at the second of two ids that differ only by case, naming the first and its line', () => {
    const snippet = services('Telephony', 'telephony');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'telephony', file: RECORDS, line: lineOf(snippet, 'id: telephony'), field: 'id' });
    expect(found[0]!.message).toBe(
      `The id \`telephony\` of this clinical service differs only by letter case from the id \`Telephony\` of a clinical service at ${RECORDS}:${lineOf(snippet, 'id: Telephony')}: a reader takes them for one record, and a reference in the wrong case names the other.`,
    );
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('takes the first in file order, not in alphabetical order', () => {
    const snippet = services('telephony', 'Telephony');
    const found = findings(CODE, snippet);
    expect(found.map((d) => [d.record, d.line])).toEqual([['Telephony', lineOf(snippet, 'id: Telephony')]]);
    expect(found[0]!.message).toContain('from the id `telephony` of a clinical service');
  });

  it('compares ids across kinds of record, and reports every later one of a group', () => {
    const snippet = yaml`
      ${services('TELEPHONY', 'Telephony')}
      hazards:
        ${hazardYaml({ id: 'telephony' })}
    `;
    const found = findings(CODE, snippet);
    expect(found.map((d) => d.record)).toEqual(['Telephony', 'telephony']);
    expect(found[1]!.message).toContain('The id `telephony` of this hazard differs only by letter case from the id `TELEPHONY` of a clinical service');
  });

  it('says nothing of ids that differ by more than case, or of one id declared twice (duplicate-id reports that)', () => {
    expect(codes(services('telephony', 'telephony-2'))).toEqual([]);
    const twice = yaml`
      hazards:
        ${hazardYaml({ id: 'HAZ-001' })}
        ${hazardYaml({ id: 'HAZ-001' })}
    `;
    expect(codes(twice)).toEqual(['CRR-E030']);
  });

  it('reports two sites once, at the site, not again for each of their own assets', () => {
    const snippet = yaml`
      services:
        - { id: telephony, name: Practice telephony }
      profiles:
        - id: cloud-phones
          localAssets: { broadband: { type: network-link, network: internet } }
          routes: { telephony: [$broadband] }
      sites:
        - { id: G99001A, type: branch, name: Northgate branch, pcn: pcn-north, profile: cloud-phones }
        - { id: g99001a, type: branch, name: Northgate branch annexe, pcn: pcn-north, profile: cloud-phones }
    `;
    const found = findings(CODE, snippet);
    expect(found.map((d) => [d.record, d.line])).toEqual([['g99001a', lineOf(snippet, 'id: g99001a')]]);
  });
});
