import { describe, expect, it } from 'vitest';
import { acceptanceDaysLeft, acceptanceEndingSoon, acceptanceLapsed } from './acceptance-ending.js';
import { AS_OF, codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-W071';

// A residual rating of 4 on an implemented control: it needs an acceptance, and has one.
const register = (until: string, extra = '') => yaml`
  hazards:
    ${hazardYaml({ additionalControls: '[CTL-VPN-02]', initialRisk: '{ severity: major, likelihood: very high }', residualRisk: '{ severity: major, likelihood: high }' })}
  controls:
    - { id: CTL-VPN-02, title: Second VPN concentrator with failover, kind: design, status: implemented, owner: CSU network team }
  acceptances:
    - id: ACC-001
      hazard: HAZ-001
      acceptedBy: Dr Sam Okafor
      role: ICB Chief Medical Officer
      date: 2026-10-15
      until: ${until}
      ${extra}
`;

describe('acceptance-ending (CRR-W071)', () => {
  it('warns from 60 days before the end, at the until date, naming the days left', () => {
    // AS_OF is 2026-11-21: 2027-01-20 is 60 days on.
    const snippet = register('2027-01-20');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', record: 'ACC-001', file: RECORDS, line: lineOf(snippet, 'until:'), field: 'until' });
    expect(found[0]!.message).toBe(`Acceptance \`ACC-001\` of hazard \`HAZ-001\` ends on 2027-01-20, in 60 days (as of ${AS_OF}).`);
    expect(found[0]!.hint).toBe('Take the hazard back to Dr Sam Okafor (ICB Chief Medical Officer): record a new acceptance with a later `until`, or reduce the risk so that none is needed.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('is quiet 61 days before the end', () => {
    expect(codes(register('2027-01-21'))).toEqual([]);
  });

  it('says "today" on the last day, and mentions the conditions when there are some', () => {
    const found = findings(CODE, register(AS_OF, 'conditions: [The failover tunnels are rebuilt by 11 December 2026.]'));
    expect(found[0]!.message).toContain('ends on 2026-11-21, today');
    expect(found[0]!.hint).toContain('with whether each condition was met');
  });

  it('takes the notice period from reviewPolicy.acceptanceNoticeDays', () => {
    expect(codes(register('2026-12-20'), { manifest: 'reviewPolicy: { acceptanceNoticeDays: 14 }' })).toEqual([]);
    expect(codes(register('2026-12-05'), { manifest: 'reviewPolicy: { acceptanceNoticeDays: 14 }' })).toEqual([CODE]);
  });

  it('hands a lapsed acceptance over to acceptance-required, which names it', () => {
    const found = findings('CRR-E043', register('2026-11-20'));
    expect(codes(register('2026-11-20'))).toEqual(['CRR-E043']);
    expect(found[0]!.message).toBe(
      'Hazard `HAZ-001` needs a recorded acceptance because its residual risk is unacceptable (likelihood high × severity major → 4 (unacceptable)); its acceptance `ACC-001` ended on 2026-11-20.',
    );
    expect(found[0]!.hint).toContain('a new `until`');
  });
});

describe('the acceptance predicates', () => {
  it('count the until day itself as a day the acceptance holds', () => {
    expect(acceptanceLapsed({ until: '2027-03-31' }, '2027-03-31')).toBe(false);
    expect(acceptanceLapsed({ until: '2027-03-31' }, '2027-04-01')).toBe(true);
    expect(acceptanceLapsed({}, '2099-01-01')).toBe(false);
    expect(acceptanceDaysLeft({ until: '2027-03-31' }, '2027-03-01')).toBe(30);
    expect(acceptanceDaysLeft({ until: '2024-03-01' }, '2024-02-28')).toBe(2); // a leap year
    expect(acceptanceDaysLeft({ until: '2027-03-31' }, '2027-04-01')).toBeUndefined();
    expect(acceptanceEndingSoon({ until: '2027-03-31' }, '2027-03-01', 30)).toBe(true);
    expect(acceptanceEndingSoon({ until: '2027-03-31' }, '2027-03-01', 29)).toBe(false);
  });
});
