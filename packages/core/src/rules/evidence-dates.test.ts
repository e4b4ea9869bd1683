import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E054';

const control = (evidence: string) => yaml`
  controls:
    - id: CTL-VPN-02
      title: Second VPN concentrator with automatic failover
      kind: design
      status: verified
      owner: CSU network team
      evidence:
        ${evidence}
`;

describe('evidence-dates (CRR-E054)', () => {
  it('reports evidence that expires before its own date, at the expiry', () => {
    const snippet = control(yaml`
      - { description: Failover test report, date: 2026-05-20, expires: 2027-05-20 }
      - { description: Quarterly failover rehearsal, date: 2026-09-02, expires: 2025-09-02 }
    `);
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'CTL-VPN-02', file: RECORDS, line: lineOf(snippet, 'expires: 2025-09-02'), field: 'evidence.expires' });
    expect(found[0]!.message).toBe('Evidence for control `CTL-VPN-02` is dated 2026-09-02 but expires earlier, on 2025-09-02.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports an expiry one day before the date', () => {
    expect(findings(CODE, control('- { description: Failover test, date: 2026-05-20, expires: 2026-05-19 }'))).toHaveLength(1);
  });

  it('passes evidence that expires on the day it is dated', () => {
    expect(codes(control('- { description: Failover test, date: 2026-11-21, expires: 2026-11-21 }'))).toEqual([]);
  });

  it('passes evidence with no expiry', () => {
    expect(codes(control('- { description: Failover test, date: 2026-05-20 }'))).toEqual([]);
  });
});
