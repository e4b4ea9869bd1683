import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E072';

const register = (until: string) => yaml`
  hazards:
    ${hazardYaml()}
  acceptances:
    - { id: ACC-001, hazard: HAZ-001, acceptedBy: Dr Sam Okafor, role: ICB Chief Medical Officer, date: 2026-10-15,
        until: ${until} }
`;

describe('acceptance-dates (CRR-E072)', () => {
  it('reports an acceptance that ends before it was given, at its until date', () => {
    const snippet = register('2026-10-14');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', record: 'ACC-001', file: RECORDS, line: lineOf(snippet, 'until:') });
    expect(found[0]!.message).toBe('Acceptance `ACC-001` of hazard `HAZ-001` was given on 2026-10-15 but ends earlier, on 2026-10-14.');
    // Lapsed too, but the hazard needs no acceptance: nothing else is said.
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('passes an acceptance that ends the day it was given, or later', () => {
    expect(codes(register('2026-10-15'))).not.toContain(CODE);
    expect(codes(register('2027-10-15'))).not.toContain(CODE);
  });
});
