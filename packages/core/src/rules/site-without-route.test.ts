import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W050';

const register = (sites: string) => yaml`
  services:
    - { id: patient-record, name: Patient record and consultation }
  sites:
    - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, routes: { patient-record: [emis-web] } }
    ${sites}
  profiles:
    - { id: kpsn-emis, routes: { patient-record: [emis-web] } }
    - { id: not-yet-modelled, routes: {} }
  assets:
    - { id: emis-web, type: clinical-system, name: EMIS Web }
`;

describe('site-without-route (CRR-W050)', () => {
  it('warns about a practice with no profile and no routes, at its id', () => {
    const snippet = register('- { id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, listSize: 6100 }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'G99002', file: RECORDS, line: lineOf(snippet, 'G99002'), field: 'id' });
    expect(found[0]!.message).toBe('Site `G99002` (Riverside Practice) has no route to any clinical service, so no failure can be traced to it.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('warns about a branch surgery with no routes', () => {
    expect(findings(CODE, register('- { id: G99001-B, type: branch, name: Northgate branch surgery, parent: G99001 }')).map((d) => d.record)).toEqual(['G99001-B']);
  });

  it('warns about a practice whose profile has no routes, or whose own routes are empty', () => {
    const found = findings(CODE, register(yaml`
      - { id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, listSize: 6100, profile: not-yet-modelled }
      - { id: G99003, type: practice, name: Hill View, ods: G99003, pcn: pcn-north, listSize: 11800, routes: {} }
    `));
    expect(found.map((d) => d.record)).toEqual(['G99002', 'G99003']);
  });

  it('passes a practice that takes its routes from a profile', () => {
    expect(codes(register('- { id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, listSize: 6100, profile: kpsn-emis }'))).toEqual([]);
  });

  it('passes data centres and offices, which use no clinical service', () => {
    expect(codes(register(yaml`
      - { id: dc-maidstone, type: data-centre, name: Maidstone data centre }
      - { id: icb-office, type: office, name: ICB headquarters }
    `))).toEqual([]);
  });
});
