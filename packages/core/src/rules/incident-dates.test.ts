import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E053';

const incident = (dates: string) => yaml`
  hazards:
    ${hazardYaml()}
  incidents:
    - id: INC-2026-04
      title: Intermittent loss of clinical systems at Northgate Surgery
      ${dates}
      hazards: [HAZ-001]
`;

describe('incident-dates (CRR-E053)', () => {
  it('reports an incident that ends before it starts, at its end', () => {
    const snippet = incident('start: 2026-04-07\nend: 2026-04-02');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'INC-2026-04', file: RECORDS, line: lineOf(snippet, 'end: 2026-04-02'), field: 'end' });
    expect(found[0]!.message).toBe('Incident `INC-2026-04` ends on 2026-04-02, before it starts on 2026-04-07.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports an end one day before the start', () => {
    expect(findings(CODE, incident('start: 2026-04-07\nend: 2026-04-06'))).toHaveLength(1);
  });

  it('passes a one-day incident that ends on the day it starts', () => {
    expect(codes(incident('start: 2026-04-07\nend: 2026-04-07'))).toEqual([]);
  });

  it('passes an incident still open, with no end', () => {
    expect(codes(incident('start: 2026-04-07'))).toEqual([]);
  });
});
