import { describe, expect, it } from 'vitest';
import { AS_OF, codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W047';

const hazard = (fields: Record<string, string | undefined>) => yaml`
  hazards:
    ${hazardYaml(fields)}
`;

describe('review-overdue (CRR-W047)', () => {
  it('warns when the policy interval since the last review has passed, at `reviewed`', () => {
    const snippet = hazard({ raised: '2025-04-22', reviewed: '2025-06-12' });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'reviewed: 2025-06-12'), field: 'reviewed' });
    expect(found[0]!.message).toBe(`Hazard \`HAZ-001\` was due for review on 2026-06-12 (12 months after its last review on 2025-06-12) and is overdue as of ${AS_OF}.`);
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('warns when the hazard\'s own `nextReview` has passed, at `nextReview`', () => {
    const snippet = hazard({ nextReview: '2026-11-20' });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(snippet, 'nextReview'), field: 'nextReview' });
    expect(found[0]!.message).toContain('was due for review on 2026-11-20 (its `nextReview` date)');
  });

  it('counts from `raised` for a hazard never reviewed', () => {
    const snippet = hazard({ raised: '2025-10-01', reviewed: undefined });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: 'raised', line: lineOf(snippet, 'raised') });
    expect(found[0]!.message).toContain('(12 months after its raising on 2025-10-01)');
  });

  it('uses the manifest\'s review interval', () => {
    const options = { manifest: 'reviewPolicy: { hazardReviewMonths: 6 }' };
    expect(findings(CODE, hazard({ reviewed: '2026-05-20' }), options).map((d) => d.message)).toEqual([
      `Hazard \`HAZ-001\` was due for review on 2026-11-20 (6 months after its last review on 2026-05-20) and is overdue as of ${AS_OF}.`,
    ]);
    expect(findings(CODE, hazard({ reviewed: '2026-05-21' }), options)).toEqual([]);
  });

  it('does not warn about a review due exactly on the as-of date', () => {
    expect(codes(hazard({ nextReview: AS_OF }))).toEqual([]);
    expect(codes(hazard({ reviewed: '2025-11-21' }))).toEqual([]);
  });

  it('does not warn about a closed hazard, however old its review', () => {
    expect(codes(hazard({ status: 'closed', raised: '2023-01-10', reviewed: '2023-02-01', closure: '{ date: 2023-02-01, reason: All actions done. }' }))).toEqual([]);
  });
});
