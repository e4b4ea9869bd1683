import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W049';

const incident = (extra: string) => yaml`
  hazards:
    ${hazardYaml()}
  incidents:
    - id: INC-2026-04
      title: Intermittent loss of clinical systems at Northgate Surgery
      start: 2026-04-07
      end: 2026-04-21
      ${extra}
`;

describe('incident-without-hazard (CRR-W049)', () => {
  it('warns about an incident that names no hazard, at its title', () => {
    const snippet = incident('reference: CSU-MI-2026-014');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'INC-2026-04', file: RECORDS, line: lineOf(snippet, 'title: Intermittent'), field: 'title' });
    expect(found[0]!.message).toBe('Incident `INC-2026-04` names no hazard, so it does not feed back into the hazard log.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('warns about an empty list of hazards', () => {
    expect(findings(CODE, incident('hazards: []'))).toHaveLength(1);
  });

  it('passes an incident that names the hazard it realised', () => {
    expect(codes(incident('hazards: [HAZ-001]'))).toEqual([]);
  });
});
