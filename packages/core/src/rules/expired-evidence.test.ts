import { describe, expect, it } from 'vitest';
import { AS_OF, codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W046';

const control = (evidence: string, status = 'verified') => yaml`
  controls:
    - id: CTL-VPN-02
      title: Second VPN concentrator with automatic failover
      kind: design
      status: ${status}
      owner: CSU network team
      evidence:
        ${evidence}
`;

describe('expired-evidence (CRR-W046)', () => {
  it('warns when every piece of evidence has expired, pointing at the latest expiry', () => {
    const snippet = control(yaml`
      - { description: Failover test 2024, date: 2024-05-20, expires: 2025-05-20 }
      - { description: Failover test 2025, date: 2025-05-20, expires: 2026-05-20 }
      - { description: Tabletop exercise, date: 2023-01-10, expires: 2024-01-10 }
    `);
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'CTL-VPN-02', file: RECORDS, line: lineOf(snippet, 'expires: 2026-05-20'), field: 'evidence.expires' });
    expect(found[0]!.message).toBe(`All the evidence for control \`CTL-VPN-02\` has expired; the latest expired on 2026-05-20 (as of ${AS_OF}).`);
    expect(found[0]!.hint).toContain('set the status back to `implemented`');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('warns the day after the last evidence expired', () => {
    expect(findings(CODE, control('- { description: Failover test, date: 2025-11-21, expires: 2026-11-20 }'))).toHaveLength(1);
  });

  it('does not suggest resetting the status of a control that is only implemented', () => {
    const found = findings(CODE, control('- { description: Failover test, date: 2025-05-20, expires: 2026-05-20 }', 'implemented'));
    expect(found).toHaveLength(1);
    expect(found[0]!.hint).not.toContain('implemented');
  });

  it('still counts evidence that expires exactly on the as-of date', () => {
    expect(codes(control(`- { description: Failover test, date: 2025-11-21, expires: ${AS_OF} }`))).toEqual([]);
  });

  it('passes when one piece of evidence is still current', () => {
    expect(codes(control(yaml`
      - { description: Failover test 2025, date: 2025-05-20, expires: 2026-05-20 }
      - { description: Failover test 2026, date: 2026-05-20, expires: 2027-05-20 }
    `))).toEqual([]);
  });

  it('passes evidence that never expires', () => {
    expect(codes(control(yaml`
      - { description: Failover test 2025, date: 2025-05-20, expires: 2026-05-20 }
      - { description: Design review of the failover, date: 2025-02-01 }
    `))).toEqual([]);
  });
});
