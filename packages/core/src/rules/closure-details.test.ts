import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E073';

const hazards = (fields: Record<string, string | undefined>) => yaml`
  hazards:
    ${hazardYaml(fields)}
`;
const closure = (date: string) => `{ date: ${date}, reason: Both actions done and the alert verified in the October audit. }`;

describe('closure-details (CRR-E073)', () => {
  it('reports a closed hazard that does not say when or why, at its status', () => {
    const snippet = hazards({ status: 'closed' });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'status: closed'), field: 'status' });
    expect(found[0]!.message).toBe('Hazard `HAZ-001` is closed but does not record when or why.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a closure on a hazard that is open, at the closure', () => {
    const snippet = hazards({ closure: closure('2026-10-15') });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(snippet, 'closure:'), field: 'closure' });
    expect(found[0]!.message).toBe('Hazard `HAZ-001` records a closure on 2026-10-15, but its status is `open`.');
  });

  it('reports a closure dated before the hazard was raised, or after the as-of date', () => {
    const early = findings(CODE, hazards({ status: 'closed', closure: closure('2026-04-21') }));
    expect(early.map((d) => [d.field, d.message])).toEqual([['closure.date', 'Hazard `HAZ-001` was closed on 2026-04-21, before it was raised on 2026-04-22.']]);
    const late = findings(CODE, hazards({ status: 'closed', closure: closure('2026-11-22') }));
    expect(late.map((d) => [d.field, d.message])).toEqual([['closure.date', 'Hazard `HAZ-001` was closed on 2026-11-22, after the as-of date 2026-11-21.']]);
  });

  it('passes a closed hazard closed between its raising and the as-of date, inclusive', () => {
    expect(codes(hazards({ status: 'closed', closure: closure('2026-04-22') }))).toEqual([]);
    expect(codes(hazards({ status: 'closed', closure: closure('2026-11-21') }))).toEqual([]);
  });
});
