import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E045';

const control = (rest: string) => yaml`
  controls:
    - id: CTL-VPN-02
      title: Second VPN concentrator with automatic failover
      kind: design
      owner: CSU network team
      ${rest}
`;

describe('verified-without-evidence (CRR-E045)', () => {
  it('reports a verified control with no evidence, at its status', () => {
    const snippet = control('status: verified');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'CTL-VPN-02', file: RECORDS, line: lineOf(snippet, 'status: verified'), field: 'status' });
    expect(found[0]!.message).toBe('Control `CTL-VPN-02` is marked verified, but records no evidence that it works.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a verified control with an empty list of evidence', () => {
    expect(findings(CODE, control('status: verified\nevidence: []'))).toHaveLength(1);
  });

  it('passes an implemented control with no evidence yet', () => {
    expect(codes(control('status: implemented'))).toEqual([]);
  });

  it('passes a verified control with evidence', () => {
    expect(codes(control('status: verified\nevidence: [{ description: Failover test report, date: 2026-05-20, reference: CHG-20931 }]'))).toEqual([]);
  });

  it('leaves expired evidence to the expired-evidence rule', () => {
    expect(codes(control('status: verified\nevidence: [{ description: Failover test report, date: 2025-05-20, expires: 2026-05-20 }]'))).toEqual(['CRR-W046']);
  });
});
