import { describe, expect, it } from 'vitest';
import { AS_OF, codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E048';

const incident = (start: string) => yaml`
  hazards:
    ${hazardYaml()}
  incidents:
    - id: INC-2026-04
      title: Intermittent loss of clinical systems at Northgate Surgery
      start: ${start}
      hazards: [HAZ-001]
`;

describe('incident-in-future (CRR-E048)', () => {
  it('reports an incident that starts after the as-of date, at its start', () => {
    const snippet = incident('2027-04-07');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'INC-2026-04', file: RECORDS, line: lineOf(snippet, 'start: 2027-04-07'), field: 'start' });
    expect(found[0]!.message).toBe(`Incident \`INC-2026-04\` starts on 2027-04-07, after the as-of date ${AS_OF}.`);
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports an incident that starts the day after the as-of date', () => {
    expect(findings(CODE, incident('2026-11-22'))).toHaveLength(1);
  });

  it('passes an incident that starts on the as-of date', () => {
    expect(codes(incident(AS_OF))).toEqual([]);
  });

  it('judges at the as-of date it is given, not today', () => {
    expect(findings(CODE, incident('2026-04-07'), { asOf: '2026-04-06' })).toHaveLength(1);
    expect(findings(CODE, incident('2026-04-07'), { asOf: '2026-04-07' })).toHaveLength(0);
  });
});
