import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E052';

const register = (site: string) => yaml`
  services:
    - { id: patient-record, name: Patient record and consultation }
  sites:
    - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, routes: { patient-record: [emis-web] } }
    - ${site}
  assets:
    - { id: emis-web, type: clinical-system, name: EMIS Web }
`;

describe('practice-details (CRR-E052)', () => {
  it('reports a practice with no list size, at its id', () => {
    const snippet = register('{ id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, routes: { patient-record: [emis-web] } }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'G99002', file: RECORDS, line: lineOf(snippet, 'G99002'), field: 'id' });
    expect(found[0]!.message).toBe('Practice `G99002` has no `listSize`.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('lists everything missing in one finding', () => {
    const found = findings(CODE, register('{ id: G99002, type: practice, name: Riverside Practice, routes: { patient-record: [emis-web] } }'));
    expect(found.map((d) => d.message)).toEqual(['Practice `G99002` has no `ods`, `pcn`, `listSize`.']);
  });

  it('reports a PCN that is another kind of organisation, at the PCN', () => {
    const snippet = register('{ id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: org-icb, listSize: 6100, routes: { patient-record: [emis-web] } }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'G99002', field: 'pcn', line: lineOf(snippet, 'pcn: org-icb') });
    expect(found[0]!.message).toBe('The PCN of practice `G99002` is `org-icb`, an organisation of type `icb`, not `pcn`.');
  });

  it('passes a practice with a list size of 0 (a new practice with no patients yet)', () => {
    expect(codes(register('{ id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-north, listSize: 0, routes: { patient-record: [emis-web] } }'))).toEqual([]);
  });

  it('passes a branch surgery, which takes its details from its main practice', () => {
    expect(codes(register('{ id: G99001-B, type: branch, name: Northgate branch surgery, parent: G99001, routes: { patient-record: [emis-web] } }'))).toEqual([]);
  });

  it('leaves a PCN id that names nothing to the reference rule', () => {
    expect(codes(register('{ id: G99002, type: practice, name: Riverside Practice, ods: G99002, pcn: pcn-nrth, listSize: 6100, routes: { patient-record: [emis-web] } }'))).toEqual(['CRR-E031']);
  });
});
