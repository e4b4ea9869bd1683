import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W074';

const hazards = (fields: Record<string, string | undefined>) => yaml`
  hazards:
    ${hazardYaml(fields)}
`;
const closed = { status: 'closed', closure: '{ date: 2026-10-15, reason: All actions done. }' };

describe('closed-hazard-review (CRR-W074)', () => {
  it('warns at the next review of a closed hazard', () => {
    const snippet = hazards({ ...closed, nextReview: '2027-10-15' });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'nextReview:'), field: 'nextReview' });
    expect(found[0]!.message).toBe('Hazard `HAZ-001` is closed but names a next review on 2027-10-15.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('passes a closed hazard without one, and an open hazard with one', () => {
    expect(codes(hazards(closed))).toEqual([]);
    expect(codes(hazards({ nextReview: '2027-10-15' }))).toEqual([]);
  });
});
