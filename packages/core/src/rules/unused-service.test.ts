import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W051';

const register = (sites: string, extra = '') => yaml`
  services:
    - { id: patient-record, name: Patient record and consultation }
    - { id: telephony, name: Practice telephony }
  sites:
    ${sites}
  profiles:
    - id: kpsn-emis
      localAssets: { broadband: { type: network-link, network: internet } }
      routes:
        patient-record: [emis-web]
        telephony: [$broadband, cloud-telephony]
  assets:
    - { id: emis-web, type: clinical-system, name: EMIS Web }
    - { id: cloud-telephony, type: telephony, name: Cloud telephony platform }
  ${extra}
`;

describe('unused-service (CRR-W051)', () => {
  it('warns about a service no route leads to, at its id', () => {
    const snippet = register('- { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, routes: { patient-record: [emis-web] } }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'telephony', file: RECORDS, line: lineOf(snippet, 'id: telephony'), field: 'id' });
    expect(found[0]!.message).toBe('No site has a route to clinical service `telephony` (Practice telephony).');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('still warns when only a hazard names the service', () => {
    const found = findings(CODE, register(
      '- { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, routes: { patient-record: [emis-web] } }',
      yaml`
        hazards:
          ${hazardYaml({ services: '[telephony]' })}
      `,
    ));
    expect(found.map((d) => d.record)).toEqual(['telephony']);
  });

  it('passes services reached through a profile', () => {
    expect(codes(register('- { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, profile: kpsn-emis }'))).toEqual([]);
  });

  it('passes a service reached only by one site\'s own route', () => {
    expect(codes(register(yaml`
      - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, routes: { patient-record: [emis-web] } }
      - { id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, listSize: 6100, routes: { patient-record: [emis-web], telephony: [cloud-telephony] } }
    `))).toEqual([]);
  });
});
